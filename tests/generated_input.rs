//! Bad input, generated: over a million inputs each to the answers reader
//! (`Responses::from_json`, and `Responses::from_entries`, the pure part of
//! reading stored answers) and to the options parser (`Options::parse`), from
//! a small deterministic generator (the same inputs on every run). None may
//! panic; every problem must name the question or option it is about; valid
//! parts must be kept whatever surrounds them; and no option the parser
//! accepts may become a script link.
//!
//! Each test prints how many inputs ran and how long they took (`cargo test
//! --no-default-features --test generated_input -- --nocapture`); no
//! assertion depends on the time.

use std::time::Instant;

use iop_op_fit::engine::{flow, AnswerError, Given, Kind, Question, Responses};
use iop_op_fit::options::{tel_href, Options, SPEC};
use serde_json::{Map, Value};

/// How many inputs each test feeds.
const INPUTS: usize = 1_000_000;

// ---------------------------------------------------------------------------
// The generator

/// SplitMix64: a tiny, fast, deterministic generator, seeded per test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Characters that break parsers and checks: quotes and escapes, controls
/// (NUL, tab, newlines, C1), Unicode whitespace and look-alikes, characters
/// whose case mapping crosses into ASCII (ſ, the Kelvin sign), a combining
/// accent, other scripts' digits, right-to-left override, BOM, astral.
#[rustfmt::skip]
const NASTY: &[char] = &[
    '"', '\\', '\'', '`', '<', '>', '&', ';', '#', '%', '{', '}', '[', ']', ':', ',', '/', '?',
    '+', '-', '(', ')', '.', '_', ' ', '\0', '\t', '\n', '\r', '\u{1}', '\u{1f}', '\u{7f}',
    '\u{85}', '\u{a0}', '\u{2028}', '\u{3000}', '\u{200b}', '\u{202e}', '\u{feff}', '\u{fffd}',
    'é', 'ß', 'İ', 'ſ', '\u{212a}', '\u{301}', '٥', '５', '😀', '\u{10ffff}',
];

/// A random string: mostly short, built from letters, digits and [`NASTY`];
/// one in `huge_one_in` is 10,000 to 60,000 characters.
fn junk(rng: &mut Rng, max: usize, huge_one_in: usize) -> String {
    let len = if rng.below(huge_one_in) == 0 {
        10_000 + rng.below(50_000)
    } else {
        rng.below(max + 1)
    };
    (0..len)
        .map(|_| match rng.below(4) {
            0 => *rng.pick(NASTY),
            1 => char::from(b'0' + rng.below(10) as u8),
            _ => char::from(b'a' + rng.below(26) as u8),
        })
        .collect()
}

/// A key that is not a question id: a near miss of a real one, another
/// question's option id, junk, empty or huge.
fn fake_id(rng: &mut Rng) -> String {
    let real = rng.pick(Question::IDS);
    match rng.below(9) {
        0 => real.to_uppercase(),
        1 => real.replace('_', "-"),
        2 => format!("{real} "),
        3 => format!("{real}s"),
        4 => format!("\u{feff}{real}"),
        5 => any_option(rng).to_owned(),
        6 => String::new(),
        _ => {
            let s = junk(rng, 24, 2_000);
            if Question::from_id(&s).is_some() {
                format!("{s}?")
            } else {
                s
            }
        }
    }
}

/// An option id of any question.
fn any_option(rng: &mut Rng) -> &'static str {
    let options = rng.pick(Question::ALL).options();
    let option: &&'static str = rng.pick(options);
    option
}

/// An option id, usually one of `question`'s, sometimes another question's or junk.
fn some_option(rng: &mut Rng, question: Question) -> String {
    match rng.below(10) {
        0..=6 => rng.pick(question.options()).to_string(),
        7 => any_option(rng).to_owned(),
        8 => rng.pick(question.options()).to_uppercase(),
        _ => junk(rng, 16, 2_000),
    }
}

/// An answer for `question` as Rust values: right and wrong shapes, real and fake options.
fn given(rng: &mut Rng, question: Question) -> Given {
    match rng.below(10) {
        0..=3 => Given::One(some_option(rng, question)),
        4..=7 => Given::Many(
            (0..rng.below(5))
                .map(|_| match rng.below(8) {
                    0 => "none".to_owned(),
                    _ => some_option(rng, question),
                })
                .collect(),
        ),
        _ => Given::Other,
    }
}

/// Lists nested this deep are past serde_json's recursion limit (128), so the text is not read.
const TOO_DEEP: usize = 140;

/// How deeply lists nest in `value`.
fn depth(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// An answer for `question` as JSON: [`given`]'s shapes, plus numbers,
/// booleans, null, objects, lists of non-strings and deep nesting.
fn json_answer(rng: &mut Rng, question: Question) -> Value {
    match rng.below(12) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(50)),
        2 => Value::from(rng.next() as i64 % 1000),
        // Nested lists, half of them deeper than serde_json's limit of 128.
        3 if rng.chance(10) => {
            let mut deep = Value::String(some_option(rng, question));
            let depth = if rng.chance(50) {
                rng.below(100)
            } else {
                TOO_DEEP + rng.below(20)
            };
            for _ in 0..depth {
                deep = Value::Array(vec![deep]);
            }
            deep
        }
        4 => {
            let mut object = Map::new();
            object.insert(some_option(rng, question), Value::Bool(true));
            Value::Object(object)
        }
        5 => Value::Array(vec![Value::String(some_option(rng, question)), Value::Null]),
        _ => match given(rng, question) {
            Given::One(s) => Value::String(s),
            Given::Many(list) => Value::Array(list.into_iter().map(Value::String).collect()),
            Given::Other => Value::from(1.5),
        },
    }
}

/// Complete, valid sets of answers to draw from: walking the flow costs more
/// than reading the answers, so a few thousand are walked once per test.
struct Visits(Vec<Responses>);

impl Visits {
    fn new(rng: &mut Rng) -> Self {
        Visits((0..4_096).map(|_| valid_answers(rng)).collect())
    }

    fn pick(&self, rng: &mut Rng) -> Responses {
        *rng.pick(&self.0)
    }
}

/// A complete, valid set of answers, found by walking the flow with random choices.
fn valid_answers(rng: &mut Rng) -> Responses {
    let mut r = Responses::new();
    while let Some(question) = flow::next_question(&r) {
        let options = question.options();
        let ids: Vec<&str> = match question.kind() {
            Kind::Single => vec![*rng.pick(options)],
            Kind::Multi { .. } => {
                let picked: Vec<&str> =
                    options.iter().copied().filter(|_| rng.chance(30)).collect();
                match picked.as_slice() {
                    [] => vec![*rng.pick(options)],
                    _ if picked.len() > 1 => picked.into_iter().filter(|&o| o != "none").collect(),
                    _ => picked,
                }
            }
        };
        r.set(question, &ids).expect("a valid answer is accepted");
    }
    r
}

/// The answers as entries, each question's answer in its own shape.
fn entries_of(r: &Responses) -> Vec<(String, Given)> {
    r.iter()
        .map(|(q, ids)| {
            let ids: Vec<String> = ids.into_iter().map(str::to_owned).collect();
            let given = match q.kind() {
                Kind::Single => Given::One(ids[0].clone()),
                Kind::Multi { .. } => Given::Many(ids),
            };
            (q.id().to_owned(), given)
        })
        .collect()
}

fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

// ---------------------------------------------------------------------------
// What every answer problem must say

/// The entry a problem is about: the question's id, or the unknown key.
fn subject(problem: &AnswerError) -> Option<&str> {
    match problem {
        AnswerError::UnknownQuestion { id } => Some(id),
        AnswerError::NotAnObject { .. } => None,
        other => other.question().map(|q| q.id()),
    }
}

/// The problem's text names what it is about, in backticks; a text that is
/// not an object says so.
#[track_caller]
fn assert_named(problem: &AnswerError, input: &dyn std::fmt::Debug) {
    use std::fmt::Write;
    thread_local! {
        // One buffer for every message: a million of them allocate otherwise.
        static TEXT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    TEXT.with_borrow_mut(|text| {
        text.clear();
        write!(text, "{problem}").unwrap();
        let named = match subject(problem) {
            Some(id) => text
                .match_indices(id)
                .any(|(at, _)| text[..at].ends_with('`') && text[at + id.len()..].starts_with('`')),
            None => text.starts_with("answers must be a JSON object"),
        };
        assert!(
            named,
            "{text:?} does not name what it is about (input {input:?})"
        );
    });
}

/// Each entry is kept, as given, or has exactly one problem naming it; the
/// kept answers are valid on their own (read again without the rest, unchanged).
#[track_caller]
fn assert_each_entry_kept_or_named(
    entries: &[(String, Given)],
    read: &Responses,
    problems: &[AnswerError],
) {
    for (key, given) in entries {
        let about = problems
            .iter()
            .filter(|p| subject(p) == Some(key.as_str()))
            .count();
        let kept = Question::from_id(key).and_then(|q| read.get(q));
        match (kept, about) {
            (Some(ids), 0) => {
                let mut want: Vec<&str> = match given {
                    Given::One(s) => vec![s.as_str()],
                    Given::Many(list) => list.iter().map(String::as_str).collect(),
                    Given::Other => panic!("{key}: kept from a value that is not an answer"),
                };
                want.sort_unstable();
                want.dedup();
                let mut ids = ids;
                ids.sort_unstable();
                assert_eq!(ids, want, "{key} was kept, but not as given");
            }
            (None, 1) => {}
            (kept, about) => panic!(
                "{key:?} = {given:?}: kept {kept:?} with {about} problems naming it: {problems:?}"
            ),
        }
    }
    assert_eq!(
        problems.len(),
        entries.len() - read.iter().count(),
        "one problem per refused entry: {problems:?}"
    );
    assert_eq!(
        Responses::from_entries(entries_of(read)),
        (*read, Vec::new()),
        "the kept answers read back, alone"
    );
}

// ---------------------------------------------------------------------------
// The answers reader

/// JSON-ish text: tokens of the answers' grammar in random order, sometimes
/// with ids, junk, bad escapes and bad numbers.
fn json_soup(rng: &mut Rng) -> String {
    #[rustfmt::skip]
    const TOKENS: &[&str] = &[
        "{", "}", "[", "]", ":", ",", "\"", " ", "\n", "null", "true", "false", "0", "-1", "1e999",
        "1.5", "\\", "\"\\u0000\"", "\"\\ud800\"", "\"\\u00e9\"", "\"none\"", "\"\"",
    ];
    let mut text = String::new();
    if rng.chance(80) {
        text.push('{');
    }
    for _ in 0..rng.below(30) {
        match rng.below(6) {
            0 => text.push_str(&format!("\"{}\"", rng.pick(Question::IDS))),
            1 => text.push_str(&format!("\"{}\"", any_option(rng))),
            2 => text.push_str(&junk(rng, 6, 5_000)),
            _ => {
                let token: &&str = rng.pick(TOKENS);
                text.push_str(token)
            }
        }
    }
    text
}

/// An answers object written out by hand (so keys may repeat): real and fake
/// ids, answers of every shape. Also the entries it holds, the last of
/// repeated keys winning, as in serde_json; `None` when lists nest too deep to read.
fn json_object(rng: &mut Rng) -> (String, Option<Vec<(String, Given)>>) {
    let mut too_deep = false;
    let mut text = String::from("{");
    let mut entries: Vec<(String, Given)> = Vec::new();
    for i in 0..rng.below(10) {
        let question = *rng.pick(Question::ALL);
        let key = if rng.chance(80) {
            question.id().to_owned()
        } else {
            fake_id(rng)
        };
        let value = json_answer(rng, question);
        too_deep |= depth(&value) >= TOO_DEEP;
        if i > 0 {
            text.push(',');
        }
        text.push_str(&Value::String(key.clone()).to_string());
        text.push(':');
        text.push_str(&value.to_string());
        entries.retain(|(k, _)| *k != key);
        entries.push((key, Given::from_json(value)));
    }
    text.push('}');
    (text, (!too_deep).then_some(entries))
}

/// Valid answers with a few characters changed, dropped or repeated.
fn json_mutated(rng: &mut Rng, visits: &Visits) -> String {
    let mut chars: Vec<char> = visits.pick(rng).to_json().chars().collect();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(chars.len());
        match rng.below(3) {
            0 => {
                chars.remove(at);
            }
            1 => chars.insert(at, *rng.pick(NASTY)),
            _ => chars[at] = *rng.pick(&['"', ',', ':', '[', ']', '{', '}', 'x']),
        }
    }
    chars.into_iter().collect()
}

/// The entries `from_json_lenient` reads from `text`, if it is a JSON object.
fn entries_in(text: &str) -> Option<Vec<(String, Given)>> {
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) else {
        return None;
    };
    Some(
        map.into_iter()
            .map(|(key, value)| (key, Given::from_json(value)))
            .collect(),
    )
}

#[test]
fn answers_from_generated_json_never_panic_and_every_problem_names_its_question() {
    let mut rng = Rng(0x11);
    let started = Instant::now();
    let visits = Visits::new(&mut rng);
    let (mut read, mut refused, mut objects, mut too_deep) = (0, 0, 0, 0);
    for i in 0..INPUTS {
        let (text, entries) = match i % 10 {
            0..=2 => (json_soup(&mut rng), None),
            3..=7 => {
                let (text, entries) = json_object(&mut rng);
                if entries.is_none() {
                    too_deep += 1;
                    let (_, problems) = Responses::from_json_lenient(&text);
                    assert!(
                        matches!(&problems[..], [AnswerError::NotAnObject { found }] if found.contains("recursion limit")),
                        "{problems:?}"
                    );
                }
                (text, entries)
            }
            _ => {
                let text = json_mutated(&mut rng, &visits);
                let entries = entries_in(&text);
                (text, entries)
            }
        };
        let strict = Responses::from_json(&text);
        let (lenient, problems) = Responses::from_json_lenient(&text);
        match &strict {
            Ok(r) => {
                read += 1;
                assert!(problems.is_empty() && *r == lenient, "{text:?}");
            }
            Err(e) => {
                refused += 1;
                // The first problem, named as every problem is (below).
                assert_eq!(Some(e), problems.first(), "{text:?}");
            }
        }
        for p in &problems {
            assert_named(p, &text);
        }
        if let Some(entries) = entries {
            objects += 1;
            assert_each_entry_kept_or_named(&entries, &lenient, &problems);
        }
    }
    println!(
        "Responses::from_json: {INPUTS} generated texts ({objects} of them JSON objects, {too_deep} nested too deep; {read} read, {refused} refused) in {:.1?}",
        started.elapsed()
    );
    assert!(
        read > 1_000 && refused > 100_000 && objects > 300_000,
        "the generator reaches both outcomes"
    );
}

#[test]
fn stored_answers_keep_every_valid_entry_and_name_every_bad_one() {
    let mut rng = Rng(0x22);
    let started = Instant::now();
    let visits = Visits::new(&mut rng);
    let (mut entries_read, mut kept_whole) = (0, 0);
    for i in 0..INPUTS {
        if i % 2 == 0 {
            // Anything: real and fake ids, every shape (keys unique, as in a JavaScript object).
            let mut entries: Vec<(String, Given)> = Vec::new();
            for _ in 0..rng.below(12) {
                let question = *rng.pick(Question::ALL);
                let key = if rng.chance(80) {
                    question.id().to_owned()
                } else {
                    fake_id(&mut rng)
                };
                if entries.iter().all(|(k, _)| *k != key) {
                    entries.push((key, given(&mut rng, question)));
                }
            }
            let (read, problems) = Responses::from_entries(entries.clone());
            for p in &problems {
                assert_named(p, &entries);
            }
            assert_each_entry_kept_or_named(&entries, &read, &problems);
            entries_read += entries.len();
        } else {
            // A whole valid visit among bad entries: unknown keys and questions it does not ask.
            let answers = visits.pick(&mut rng);
            let mut entries = entries_of(&answers);
            let not_asked: Vec<Question> = Question::ALL
                .iter()
                .copied()
                .filter(|&q| answers.get(q).is_none())
                .collect();
            let mut bad = Vec::new();
            for _ in 0..rng.below(6) {
                let (key, question) = match (rng.chance(50), not_asked.is_empty()) {
                    (true, false) => {
                        let q = *rng.pick(&not_asked);
                        (q.id().to_owned(), q)
                    }
                    _ => (fake_id(&mut rng), *rng.pick(Question::ALL)),
                };
                if entries.iter().chain(&bad).all(|(k, _)| *k != key) {
                    bad.push((key, given(&mut rng, question)));
                }
            }
            entries.extend(bad.iter().cloned());
            shuffle(&mut rng, &mut entries);
            let (read, problems) = Responses::from_entries(entries.clone());
            assert_eq!(read, answers, "the valid visit is kept whole among {bad:?}");
            assert_eq!(problems.len(), bad.len(), "{problems:?}");
            for p in &problems {
                assert_named(p, &entries);
                let about = subject(p);
                assert!(
                    bad.iter().any(|(k, _)| Some(k.as_str()) == about),
                    "{p} is about a bad entry"
                );
            }
            entries_read += entries.len();
            kept_whole += 1;
        }
    }
    println!(
        "Responses::from_entries: {INPUTS} generated sets of stored answers ({entries_read} entries; {kept_whole} whole visits among bad entries) in {:.1?}",
        started.elapsed()
    );
}

// ---------------------------------------------------------------------------
// The options parser

/// A value some option accepts, for pairs that must survive bad neighbours.
fn good_value(rng: &mut Rng, name: &str) -> String {
    let choices: &[&str] = match name {
        "phone" => &["+1-555-010-0100", "(555) 010-0100", "988"],
        "contactUrl" => &[
            "/contact",
            "https://example.org/intake",
            "mailto:intake@example.org",
        ],
        "locale" => &["es", "pt-BR", "EN_us"],
        "themeColor" => &["#0b5cad", "#000", "#6B2C91"],
        "crisisRegion" => &["national", "MA"],
        "servesAdolescents" | "storage" | "emitEvents" => &["true", "false", "no", ""],
        n if n.ends_with("Hours") => &["9", "9-12", "1-80"],
        n if n.ends_with("Schedule") => &["day", "evening", "both"],
        _ => &["Harbor Light", "groups, family sessions", "Day treatment"],
    };
    rng.pick(choices).to_string()
}

/// A link built from the pieces of script URLs and their disguises.
fn url_soup(rng: &mut Rng) -> String {
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "java", "script", "JAVA", "Script", "javascript", "data", "vbscript", "http", "https",
        "mailto", "s", ":", ":", "/", "//", "?", "#", "\t", "\n", "\r", " ", "\0", "\u{1}",
        "\u{1f}", "\u{a0}", "\u{85}", "\u{feff}", "\u{2028}", "&#9;", "%09", ".", "+", "-",
        "alert(1)", "example.org", "é", "😀",
    ];
    (0..1 + rng.below(8)).map(|_| *rng.pick(PIECES)).collect()
}

fn option_value(rng: &mut Rng, name: &str) -> String {
    match rng.below(10) {
        0..=2 => good_value(rng, name),
        3..=5 => url_soup(rng),
        6 => format!(" {} ", good_value(rng, name)),
        _ => junk(rng, 30, 5_000),
    }
}

/// A name that is not an option: a near miss of a real one, junk or empty.
fn fake_name(rng: &mut Rng) -> String {
    let real = rng.pick(SPEC).name;
    match rng.below(6) {
        0 => real.to_lowercase(),
        1 => format!("data-{real}"),
        2 => format!("{real} "),
        3 => String::new(),
        _ => junk(rng, 20, 5_000),
    }
}

/// The URL Standard's own reading of an `href`, written independently of
/// `src/options/`: tabs and newlines removed, C0 controls and spaces
/// trimmed, then the scheme, if the text starts with one (a letter, then
/// letters, digits, `+`, `-` or `.`, then `:`), lowercased.
fn browser_scheme(href: &str) -> Option<String> {
    let s: String = href.chars().filter(|c| !"\t\n\r".contains(*c)).collect();
    let s = s.trim_matches(|c: char| c <= ' ');
    let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || "+-.".contains(c)))?;
    let scheme = &s[..end];
    let starts_with_letter = scheme.starts_with(|c: char| c.is_ascii_alphabetic());
    (starts_with_letter && s[end..].starts_with(':')).then(|| scheme.to_ascii_lowercase())
}

/// What no accepted option may be, whatever was given.
#[track_caller]
fn assert_safe(o: &Options, input: &dyn std::fmt::Debug) {
    if let Some(url) = &o.contact_url {
        let scheme = browser_scheme(url);
        assert!(
            matches!(scheme.as_deref(), None | Some("http" | "https" | "mailto")),
            "{url:?} (from {input:?}) is a {scheme:?} link"
        );
        assert!(
            !url.contains(['\t', '\n', '\r']),
            "{url:?} is kept as a browser reads it"
        );
    }
    if let Some(phone) = &o.phone {
        let digits = tel_href(phone).chars().filter(char::is_ascii_digit).count();
        assert!((3..=15).contains(&digits), "{phone:?} (from {input:?})");
        assert!(
            phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().".contains(c)),
            "{phone:?}"
        );
    }
    if let Some(colour) = &o.theme_color {
        assert!(
            colour.len() == 7
                && colour[1..]
                    .chars()
                    .all(|c| matches!(c, '0'..='9' | 'a'..='f')),
            "{colour:?}"
        );
    }
    let programs = [&o.op, &o.iop, &o.php, &o.residential];
    let texts = [&o.org_name, &o.storage_key]
        .into_iter()
        .chain(programs.iter().map(|p| &p.name))
        .flatten()
        .chain(programs.iter().flat_map(|p| &p.therapies));
    for text in texts {
        let n = text.chars().count();
        assert!(
            n > 0 && n <= 200 && text.trim() == text,
            "{text:?} (from {input:?})"
        );
    }
    for p in programs {
        if let Some((lo, hi)) = p.hours {
            assert!(
                1 <= lo && lo <= hi && hi <= 80,
                "{:?} (from {input:?})",
                p.hours
            );
        }
    }
}

#[test]
fn options_from_generated_pairs_never_panic_warn_by_name_and_keep_the_good_ones() {
    let mut rng = Rng(0x33);
    let started = Instant::now();
    let (mut pairs_read, mut warned) = (0, 0);
    for _ in 0..INPUTS {
        let pairs: Vec<(String, String)> = (0..rng.below(7))
            .map(|_| {
                let name = if rng.chance(85) {
                    rng.pick(SPEC).name.to_string()
                } else {
                    fake_name(&mut rng)
                };
                let value = option_value(&mut rng, &name);
                (name, value)
            })
            .collect();
        let as_str = || pairs.iter().map(|(n, v)| (n.as_str(), v.as_str()));
        let (options, warnings) = Options::parse(as_str());
        assert_safe(&options, &pairs);
        // Each pair on its own: at most one warning, naming the option; together, the same warnings.
        let mut alone = Vec::new();
        let mut kept = Vec::new();
        for (name, value) in as_str() {
            let (_, w) = Options::parse([(name, value)]);
            assert!(w.len() <= 1, "{name} = {value:?}: {w:?}");
            if let Some(w) = w.first() {
                assert!(
                    w.starts_with(&format!("option `{name}` ")),
                    "{w:?} does not name {name:?}"
                );
            }
            // Text with tags is kept, with a note; anything else that warns is refused.
            if w.iter().all(|w| w.contains("shown as plain text")) {
                kept.push((name, value));
            }
            alone.extend(w);
        }
        assert_eq!(warnings, alone, "{pairs:?}");
        // Refused values change nothing: the good ones alone give the same options.
        assert_eq!(Options::parse(kept).0, options, "{pairs:?}");
        pairs_read += pairs.len();
        warned += warnings.len();
    }
    println!(
        "Options::parse: {INPUTS} generated option lists ({pairs_read} name/value pairs, {warned} warnings) in {:.1?}",
        started.elapsed()
    );
}

#[test]
fn no_generated_contact_link_that_is_accepted_is_a_script_link() {
    let mut rng = Rng(0x44);
    let started = Instant::now();
    let mut accepted = 0;
    for _ in 0..INPUTS {
        let value = if rng.chance(90) {
            url_soup(&mut rng)
        } else {
            junk(&mut rng, 20, 10_000)
        };
        let (options, warnings) = Options::parse([("contactUrl", value.as_str())]);
        assert_safe(&options, &value);
        match &options.contact_url {
            Some(url) => {
                accepted += 1;
                assert!(warnings.is_empty(), "{warnings:?}");
                // Kept as a browser reads it, so reading it again changes nothing.
                let (again, _) = Options::parse([("contactUrl", url.as_str())]);
                assert_eq!(again.contact_url.as_ref(), Some(url), "{value:?}");
            }
            None => {
                assert_eq!(warnings.len(), 1, "{value:?}: {warnings:?}");
                assert!(
                    warnings[0].starts_with("option `contactUrl` "),
                    "{warnings:?}"
                );
            }
        }
    }
    println!(
        "contactUrl: {INPUTS} generated links ({accepted} accepted, each http(s), mailto or relative as a browser reads it) in {:.1?}",
        started.elapsed()
    );
    assert!(
        accepted > 10_000,
        "the generator reaches accepted links too: {accepted}"
    );
}
