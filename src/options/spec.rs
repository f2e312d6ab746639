//! The option spec: one row per option, with its kind and limits, and what
//! a warning says the widget does instead. The parser, the warnings' "use …"
//! words and the loader's rules (`loader_rules_json`) all come from these rows.

use super::{ColorScheme, CrisisRegion, Medicine, Options, Schedule, OFFERED_LEVELS};
use crate::content::Locale;
#[cfg(test)]
use crate::engine::Level;

/// What values an option takes, with its limits.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// Plain text up to `max` characters; `shown` text gets a warning for HTML tags.
    Text {
        max: usize,
        shown: bool,
    },
    /// A comma-separated list of shown text items, each up to `max` characters.
    TextList {
        max: usize,
    },
    /// Digits with optional `+ - ( ) .` and spaces.
    Phone {
        min_digits: usize,
        max_digits: usize,
    },
    /// `https:`, `http:`, `mailto:` or a relative path.
    Url,
    /// A hex colour with at least `min_contrast_tenths`/10 : 1 contrast with white.
    Color {
        min_contrast_tenths: u32,
    },
    /// One of the content's languages.
    Locale,
    /// One of `values`: each the word shown first, then the other spellings accepted.
    OneOf {
        values: &'static [&'static [&'static str]],
        ignore_case: bool,
    },
    /// A comma-separated list of known `values` (each `of` what); `none` allows
    /// the word "none" and an empty list.
    List {
        values: &'static [&'static str],
        of: &'static str,
        none: bool,
    },
    YesNo,
    /// Hours a week, as a number or a range.
    Hours {
        min: u8,
        max: u8,
    },
}

/// One option.
#[derive(Clone, Copy)]
pub struct OptionSpec {
    /// As written in JavaScript (camelCase). The `data-*` attribute is the
    /// same name in kebab-case: `orgName` → `data-org-name`.
    pub name: &'static str,
    pub kind: Kind,
    /// What the widget does instead of a bad value, in the warning's words.
    pub default: &'static str,
    set: fn(&mut Options, Value),
}

/// A value that passed its kind's check.
enum Value {
    Text(String),
    TextList(Vec<String>),
    Locale(Locale),
    /// The index into `OneOf::values`, or into `List::values` for each item.
    OneOf(usize),
    List(Vec<usize>),
    YesNo(bool),
    Hours((u8, u8)),
}

impl Value {
    fn text(self) -> String {
        match self {
            Value::Text(t) => t,
            _ => unreachable!("the row's kind gives text"),
        }
    }
    fn index(self) -> usize {
        match self {
            Value::OneOf(i) => i,
            _ => unreachable!("the row's kind gives one of its values"),
        }
    }
    fn indices(self) -> Vec<usize> {
        match self {
            Value::List(i) => i,
            _ => unreachable!("the row's kind gives a list"),
        }
    }
    fn yes_no(self) -> bool {
        match self {
            Value::YesNo(b) => b,
            _ => unreachable!("the row's kind gives yes or no"),
        }
    }
}

const MAX_TEXT: usize = 200;
const TEXT: Kind = Kind::Text {
    max: MAX_TEXT,
    shown: true,
};
const USE_DEFAULT: &str = "Using the default.";
const LEAVE_OUT: &str = "Leaving it out.";
const LEVEL_IDS: &[&str] = &["op", "iop", "php", "residential"];
const MEDICINE_IDS: &[&str] = &["buprenorphine", "methadone", "naltrexone"];
const SCHEDULES: &[&[&str]] = &[
    &["day"],
    &["evening"],
    &["day_and_evening", "day-and-evening", "both"],
];
const SCHEDULE_IDS: [Schedule; 3] = [Schedule::Day, Schedule::Evening, Schedule::DayAndEvening];

macro_rules! program_rows {
    ($level:ident, $name:literal, $hours:literal, $schedule:literal, $therapies:literal) => {
        [
            OptionSpec {
                name: $name,
                kind: TEXT,
                default: USE_DEFAULT,
                set: |o, v| o.$level.name = Some(v.text()),
            },
            OptionSpec {
                name: $hours,
                kind: Kind::Hours { min: 1, max: 80 },
                default: LEAVE_OUT,
                set: |o, v| {
                    if let Value::Hours(h) = v {
                        o.$level.hours = Some(h)
                    }
                },
            },
            OptionSpec {
                name: $schedule,
                kind: Kind::OneOf {
                    values: SCHEDULES,
                    ignore_case: false,
                },
                default: LEAVE_OUT,
                set: |o, v| o.$level.schedule = Some(SCHEDULE_IDS[v.index()]),
            },
            OptionSpec {
                name: $therapies,
                kind: Kind::TextList { max: MAX_TEXT },
                default: USE_DEFAULT,
                set: |o, v| {
                    if let Value::TextList(t) = v {
                        o.$level.therapies = t
                    }
                },
            },
        ]
    };
}

const OP: [OptionSpec; 4] = program_rows!(op, "opName", "opHours", "opSchedule", "opTherapies");
const IOP: [OptionSpec; 4] =
    program_rows!(iop, "iopName", "iopHours", "iopSchedule", "iopTherapies");
const PHP: [OptionSpec; 4] =
    program_rows!(php, "phpName", "phpHours", "phpSchedule", "phpTherapies");

/// Every option, in the order the docs list them.
pub const SPEC: &[OptionSpec] = &[
    OptionSpec {
        name: "orgName",
        kind: TEXT,
        default: USE_DEFAULT,
        set: |o, v| o.org_name = Some(v.text()),
    },
    OptionSpec {
        name: "phone",
        kind: Kind::Phone {
            min_digits: 3,
            max_digits: 15,
        },
        default: "The call button is hidden.",
        set: |o, v| o.phone = Some(v.text()),
    },
    OptionSpec {
        name: "contactUrl",
        kind: Kind::Url,
        default: "The contact link is hidden.",
        set: |o, v| o.contact_url = Some(v.text()),
    },
    OptionSpec {
        name: "locale",
        kind: Kind::Locale,
        default: "Using the page's language.",
        set: |o, v| {
            if let Value::Locale(l) = v {
                o.locale = Some(l)
            }
        },
    },
    OptionSpec {
        name: "languages",
        kind: Kind::List {
            values: &Locale::TAGS,
            of: "a language",
            none: false,
        },
        default: "Offering every language.",
        set: |o, v| o.languages = v.indices().into_iter().map(|i| Locale::ALL[i]).collect(),
    },
    OptionSpec {
        name: "themeColor",
        kind: Kind::Color {
            min_contrast_tenths: 45,
        },
        default: "Using the default colour.",
        set: |o, v| o.theme_color = Some(v.text()),
    },
    OptionSpec {
        name: "colorScheme",
        kind: Kind::OneOf {
            values: &[&["light"], &["dark"], &["auto"]],
            ignore_case: true,
        },
        default: "Using light.",
        set: |o, v| {
            o.color_scheme = [ColorScheme::Light, ColorScheme::Dark, ColorScheme::Auto][v.index()]
        },
    },
    OptionSpec {
        name: "servesAdolescents",
        kind: Kind::YesNo,
        default: USE_DEFAULT,
        set: |o, v| o.serves_adolescents = v.yes_no(),
    },
    OptionSpec {
        name: "levels",
        kind: Kind::List {
            values: LEVEL_IDS,
            of: "a level of care",
            none: false,
        },
        default: "Using all four levels.",
        set: |o, v| o.levels = v.indices().into_iter().map(|i| OFFERED_LEVELS[i]).collect(),
    },
    OptionSpec {
        name: "detox",
        kind: Kind::YesNo,
        default: USE_DEFAULT,
        set: |o, v| o.detox = Some(v.yes_no()),
    },
    OptionSpec {
        name: "medication",
        kind: Kind::List {
            values: MEDICINE_IDS,
            of: "a medicine",
            none: true,
        },
        default: USE_DEFAULT,
        set: |o, v| {
            o.medication = Some(v.indices().into_iter().map(|i| Medicine::ALL[i]).collect())
        },
    },
    OptionSpec {
        name: "crisisRegion",
        kind: Kind::OneOf {
            values: &[&["national", "us"], &["massachusetts", "ma"]],
            ignore_case: true,
        },
        default: "Using national.",
        set: |o, v| {
            o.crisis_region = [CrisisRegion::National, CrisisRegion::Massachusetts][v.index()]
        },
    },
    OptionSpec {
        name: "storage",
        kind: Kind::YesNo,
        default: USE_DEFAULT,
        set: |o, v| o.storage = v.yes_no(),
    },
    OptionSpec {
        name: "storageKey",
        kind: Kind::Text {
            max: MAX_TEXT,
            shown: false,
        },
        default: USE_DEFAULT,
        set: |o, v| o.storage_key = Some(v.text()),
    },
    OptionSpec {
        name: "emitEvents",
        kind: Kind::YesNo,
        default: USE_DEFAULT,
        set: |o, v| o.emit_events = v.yes_no(),
    },
    OP[0],
    OP[1],
    OP[2],
    OP[3],
    IOP[0],
    IOP[1],
    IOP[2],
    IOP[3],
    PHP[0],
    PHP[1],
    PHP[2],
    PHP[3],
    OptionSpec {
        name: "residentialName",
        kind: TEXT,
        default: USE_DEFAULT,
        set: |o, v| o.residential.name = Some(v.text()),
    },
    OptionSpec {
        name: "residentialSchedule",
        kind: Kind::OneOf {
            values: SCHEDULES,
            ignore_case: false,
        },
        default: LEAVE_OUT,
        set: |o, v| o.residential.schedule = Some(SCHEDULE_IDS[v.index()]),
    },
    OptionSpec {
        name: "residentialTherapies",
        kind: Kind::TextList { max: MAX_TEXT },
        default: USE_DEFAULT,
        set: |o, v| {
            if let Value::TextList(t) = v {
                o.residential.therapies = t
            }
        },
    },
];

/// Checks and sets one option; the error is the warning after the name.
pub(super) fn apply(o: &mut Options, name: &str, value: &str) -> Result<(), String> {
    let row = SPEC
        .iter()
        .find(|row| row.name == name)
        .ok_or_else(|| unknown(name))?;
    let parsed = row
        .kind
        .check(value)
        .map_err(|problem| problem.words(row, value))?;
    (row.set)(o, parsed);
    // Kept, but the owner should know the tags will show as typed.
    let shown = matches!(
        row.kind,
        Kind::Text { shown: true, .. } | Kind::TextList { .. }
    );
    match shown && value.contains('<') && value.contains('>') {
        true => Err(TAGS_KEPT.into()),
        false => Ok(()),
    }
}

/// The one warning for a value that is kept, not refused.
const TAGS_KEPT: &str =
    "contains HTML tags; it is shown as plain text, tags and all. Give plain text.";

fn unknown(name: &str) -> String {
    let close = SPEC
        .iter()
        .find(|known| {
            known
                .name
                .eq_ignore_ascii_case(&name.replace(['-', '_'], ""))
        })
        .map(|known| format!(" Did you mean `{}`?", known.name))
        .unwrap_or_default();
    let names: Vec<&str> = SPEC.iter().map(|row| row.name).collect();
    format!(
        "is not an option and was ignored.{close} Options: {}",
        names.join(", ")
    )
}

/// Why a value was refused; [`Problem::words`] says it with the row's words.
enum Problem {
    Empty,
    TooLong(usize),
    /// Not of the kind, with what it is not (", which is not a phone number").
    Not(&'static str),
    LowContrast {
        tenths: u32,
        needs: u32,
    },
    NotInList(String),
    EmptyList,
}

impl Problem {
    fn words(self, row: &OptionSpec, value: &str) -> String {
        let default = row.default;
        let allowed = row.kind.allowed();
        match self {
            Problem::Empty => format!("is empty; leave it out or give some text. {default}"),
            Problem::TooLong(max) => format!("is longer than {max} characters; shorten it. {default}"),
            Problem::Not(which) => format!("is \"{value}\"{which}; use {allowed}. {default}"),
            Problem::LowContrast { tenths, needs } => format!(
                "is \"{value}\", which has {}.{}:1 contrast with white text; it needs {}.{}:1 to be readable. Use a darker colour. {default}",
                tenths / 10, tenths % 10, needs / 10, needs % 10
            ),
            Problem::NotInList(bad) => {
                let of = match row.kind {
                    Kind::List { of, .. } => of,
                    _ => unreachable!("only lists refuse an item"),
                };
                format!("has \"{bad}\", which is not {of}; use {allowed}. {default}")
            }
            Problem::EmptyList => {
                let values = match row.kind {
                    Kind::List { values, .. } => values,
                    _ => unreachable!("only lists can be empty lists"),
                };
                format!("is empty; name at least one of {}. {default}", values.join(", "))
            }
        }
    }
}

/// `a, b or c`.
fn either(words: &[&str]) -> String {
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => words.join(""),
    }
}

impl Kind {
    /// The allowed values in words, as warnings say them after "use".
    pub fn allowed(&self) -> String {
        match *self {
            Kind::Text { max, .. } | Kind::TextList { max } => {
                format!("text up to {max} characters")
            }
            Kind::Phone { .. } => {
                "digits with optional + - ( ) . and spaces, like +1-555-010-0100".into()
            }
            Kind::Url => "a web address (https://… or /contact) or mailto:".into(),
            Kind::Color { .. } => "a hex colour like #0b5cad".into(),
            Kind::Locale => either(&Locale::ALL.map(Locale::tag)),
            Kind::OneOf { values, .. } => either(&values.iter().map(|v| v[0]).collect::<Vec<_>>()),
            Kind::List { values, none, .. } => format!(
                "a comma-separated list of {}{}",
                if none { "none, or " } else { "" },
                values.join(", ")
            ),
            Kind::YesNo => "true or false".into(),
            Kind::Hours { min, max } => {
                format!("hours a week as a number or range from {min} to {max}, like 9 or 9-15")
            }
        }
    }

    fn check(&self, value: &str) -> Result<Value, Problem> {
        match *self {
            Kind::Text { max, .. } => text(value, max).map(Value::Text),
            Kind::TextList { max } => value
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| text(t, max))
                .collect::<Result<_, _>>()
                .map(Value::TextList),
            Kind::Phone {
                min_digits,
                max_digits,
            } => phone(value, min_digits, max_digits).map(Value::Text),
            Kind::Url => url(value).map(Value::Text),
            Kind::Color {
                min_contrast_tenths,
            } => color(value, min_contrast_tenths).map(Value::Text),
            Kind::Locale => Locale::from_tag(value)
                .map(Value::Locale)
                .ok_or(Problem::Not(", which is not a supported language")),
            Kind::OneOf {
                values,
                ignore_case,
            } => values
                .iter()
                .position(|spellings| {
                    spellings.iter().any(|s| match ignore_case {
                        true => s.eq_ignore_ascii_case(value),
                        false => *s == value,
                    })
                })
                .map(Value::OneOf)
                .ok_or(Problem::Not("")),
            Kind::List { values, none, .. } => list(value, values, none).map(Value::List),
            Kind::YesNo => yes_no(value).map(Value::YesNo),
            Kind::Hours { min, max } => hours(value, min, max).map(Value::Hours),
        }
    }
}

/// Plain text, shown as text (never parsed as HTML), of a sensible length.
fn text(value: &str, max: usize) -> Result<String, Problem> {
    if value.is_empty() {
        return Err(Problem::Empty);
    }
    if value.chars().count() > max {
        return Err(Problem::TooLong(max));
    }
    Ok(value.to_owned())
}

fn phone(value: &str, min_digits: usize, max_digits: usize) -> Result<String, Problem> {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if allowed
        && (min_digits..=max_digits).contains(&digits)
        && !value.chars().skip(1).any(|c| c == '+')
    {
        Ok(value.to_owned())
    } else {
        Err(Problem::Not(", which is not a phone number"))
    }
}
/// A contact link: `https:`, `http:`, `mailto:` or a relative path (no
/// scheme, no whitespace). It is first read as browsers read an `href` (the
/// URL Standard's first steps): ASCII tabs and newlines removed wherever they
/// are, then C0 controls and spaces (and, as for every option, Unicode
/// whitespace) trimmed from both ends. So
/// `java\tscript:alert(1)` (`java&#9;script:…` in an attribute) is the
/// `javascript:` link a browser would make of it, and is refused; the link
/// kept is the normalised one. The loader's rules (`loader/option-rules.js`)
/// are the same; `tests/fixtures/options.json` holds cases both must agree on.
fn url(value: &str) -> Result<String, Problem> {
    let link: String = value
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let link = link.trim_matches(|c: char| c <= ' ' || c.is_whitespace());
    let lower = link.to_ascii_lowercase();
    // The text before the first `:`, unless a path, query or fragment starts first.
    let scheme = lower
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.contains('/') && !s.contains('?') && !s.contains('#'));
    let ok = match scheme {
        Some(s) => matches!(s, "http" | "https" | "mailto"),
        None => !link.is_empty() && !link.chars().any(char::is_whitespace),
    };
    if ok {
        Ok(link.to_owned())
    } else {
        Err(Problem::Not(""))
    }
}

fn color(value: &str, min_contrast_tenths: u32) -> Result<String, Problem> {
    let hex = value
        .strip_prefix('#')
        .filter(|h| (h.len() == 3 || h.len() == 6) && h.chars().all(|c| c.is_ascii_hexdigit()))
        .ok_or(Problem::Not(""))?;
    let full: String = if hex.len() == 3 {
        hex.chars().flat_map(|c| [c, c]).collect()
    } else {
        hex.to_owned()
    };
    let channel = |i: usize| u8::from_str_radix(&full[i..i + 2], 16).unwrap_or(0);
    let ratio = contrast_with_white([channel(0), channel(2), channel(4)]);
    // Tenths by hand: float formatting would add about 20 KB to the wasm.
    if ratio * 10.0 < f64::from(min_contrast_tenths) {
        return Err(Problem::LowContrast {
            tenths: (ratio * 10.0) as u32,
            needs: min_contrast_tenths,
        });
    }
    Ok(format!("#{}", full.to_ascii_lowercase()))
}

/// WCAG 2 contrast ratio of an sRGB colour against white.
fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            pow_2_4((c + 0.055) / 1.055)
        }
    };
    let l = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    1.05 / (l + 0.05)
}

/// `x` (from 0 to 1) to the power 2.4: x² times x^0.4, the 0.4 made of
/// repeated square roots, one per binary digit (0.4 = 0.0110 0110 …₂). A
/// square root is one wasm instruction; `powf` would bring libm's `pow`
/// (about 1 KB gzip) for this one use. Forty digits leave a relative error
/// near 1e-12, far below the tenths the ratio is judged in.
fn pow_2_4(x: f64) -> f64 {
    let (mut power, mut root, mut digits) = (x * x, x, 0.4);
    for _ in 0..40 {
        root = root.sqrt();
        digits *= 2.0;
        if digits >= 1.0 {
            power *= root;
            digits -= 1.0;
        }
    }
    power
}

fn hours(value: &str, min: u8, max: u8) -> Result<(u8, u8), Problem> {
    let (lo, hi) = value.split_once(['-', '–']).unwrap_or((value, value));
    let parse = |s: &str| {
        s.trim()
            .parse::<u8>()
            .ok()
            .filter(|h| (min..=max).contains(h))
    };
    match (parse(lo), parse(hi)) {
        (Some(lo), Some(hi)) if lo <= hi && !value.trim_start().starts_with('-') => Ok((lo, hi)),
        _ => Err(Problem::Not("")),
    }
}

/// A comma-separated list of `allowed` values, each once, as indices in
/// `allowed`'s order; with `none`, also the word "none" or nothing for none.
fn list(value: &str, allowed: &[&str], none: bool) -> Result<Vec<usize>, Problem> {
    if none && value.trim().eq_ignore_ascii_case("none") {
        return Ok(Vec::new());
    }
    let ids: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect();
    if let Some(bad) = ids
        .iter()
        .find(|id| !allowed.iter().any(|a| a.eq_ignore_ascii_case(id)))
    {
        return Err(Problem::NotInList(bad.to_string()));
    }
    let chosen: Vec<usize> = (0..allowed.len())
        .filter(|&i| {
            ids.iter()
                .any(|given| given.eq_ignore_ascii_case(allowed[i]))
        })
        .collect();
    match chosen.is_empty() && !none {
        true => Err(Problem::EmptyList),
        false => Ok(chosen),
    }
}

fn yes_no(value: &str) -> Result<bool, Problem> {
    match value.to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" | "" => Ok(true),
        "false" | "no" | "off" | "0" => Ok(false),
        _ => Err(Problem::Not("")),
    }
}

/// The options the loader's plain-HTML fallback shows: it names a refused one
/// in the console, with the table's words for what is allowed.
const LOADER_SHOWS: [&str; 4] = ["orgName", "phone", "contactUrl", "locale"];
/// The options the loader uses without showing them: on the screens it paints,
/// and to find a widget's stored answers. A refused one is left out without a
/// word, since the wasm names it itself.
const LOADER_USES: [&str; 6] = [
    "languages",
    "themeColor",
    "colorScheme",
    "emitEvents",
    "storage",
    "storageKey",
];

/// For the loader: each option it checks, keyed by name, with its kind's
/// limits and, for those its fallback shows, the `allowed` words, so its rules
/// come from this table. Nothing else: every byte of it is in the loader.
pub fn loader_rules_json() -> String {
    use serde_json::{json, Map, Value as Json};
    let rules: Map<String, Json> = LOADER_SHOWS
        .iter()
        .chain(&LOADER_USES)
        .map(|&name| {
            let row = SPEC
                .iter()
                .find(|row| row.name == name)
                .expect("a loader option is in the spec");
            let mut rule = match row.kind {
                Kind::Text { max, .. } => json!({ "max": max }),
                Kind::Phone {
                    min_digits,
                    max_digits,
                } => json!({ "minDigits": min_digits, "maxDigits": max_digits }),
                Kind::Color {
                    min_contrast_tenths,
                } => json!({ "minContrast": f64::from(min_contrast_tenths) / 10.0 }),
                Kind::Locale => json!({ "values": Locale::ALL.map(Locale::tag) }),
                Kind::OneOf { values, .. } => {
                    json!({ "values": values.iter().map(|v| v[0]).collect::<Vec<_>>() })
                }
                Kind::List { values, .. } => json!({ "values": values }),
                // Their rules need no limits.
                Kind::Url | Kind::YesNo => json!({}),
                Kind::TextList { .. } | Kind::Hours { .. } => {
                    panic!("the loader has no rule for the kind of {name}")
                }
            };
            if LOADER_SHOWS.contains(&name) {
                rule["allowed"] = row.kind.allowed().into();
            }
            (name.to_owned(), rule)
        })
        .collect();
    Json::Object(rules).to_string()
}

/// For the demo configurator (written to its `configure-options.json` by the
/// build, never into the wasm or the loader): every option in order, with its
/// kind, values, the hours' limits, `allowed` words and the value that means
/// the same as leaving it out, so the page builds a control per option from
/// this table. `keptNote` is the one warning whose value is kept, not
/// refused. Native only: even unused, compiled into the wasm it moves its
/// constants.
#[cfg(not(target_arch = "wasm32"))]
pub fn configurator_json() -> String {
    use serde_json::{json, Value as Json};
    let options: Vec<Json> = SPEC
        .iter()
        .map(|row| {
            // Limits the widget checks itself are said only in `allowed`.
            let mut field = match row.kind {
                Kind::Text { .. } => json!({ "kind": "text" }),
                Kind::TextList { .. } => json!({ "kind": "textList" }),
                Kind::Phone { .. } => json!({ "kind": "phone" }),
                Kind::Url => json!({ "kind": "url" }),
                Kind::Color { .. } => json!({ "kind": "color" }),
                Kind::Locale => json!({ "kind": "oneOf", "values": Locale::ALL.map(Locale::tag), "languages": true }),
                Kind::OneOf { values, .. } => {
                    json!({ "kind": "oneOf", "values": values.iter().map(|v| v[0]).collect::<Vec<_>>() })
                }
                Kind::List { values, none, .. } => {
                    let languages = values == Locale::TAGS;
                    json!({ "kind": "list", "values": values, "none": none, "languages": languages })
                }
                Kind::YesNo => json!({ "kind": "yesNo", "values": YES_NO }),
                Kind::Hours { min, max } => json!({ "kind": "hours", "min": min, "max": max }),
            };
            field["name"] = row.name.into();
            field["allowed"] = row.kind.allowed().into();
            field["default"] = default_value(row).into();
            field
        })
        .collect();
    json!({ "options": options, "keptNote": TAGS_KEPT }).to_string()
}

/// A yes/no option's values as the configurator writes them.
#[cfg(not(target_arch = "wasm32"))]
const YES_NO: [&str; 2] = ["true", "false"];

/// The value of `row`'s kind that gives the same options as leaving it out,
/// if one does ("true", "light", "op,iop,php,residential"); `None` when the
/// default is "not said" or lies outside the options (the page's language).
#[cfg(not(target_arch = "wasm32"))]
fn default_value(row: &OptionSpec) -> Option<String> {
    let candidates: Vec<String> = match row.kind {
        Kind::YesNo => YES_NO.map(str::to_owned).to_vec(),
        Kind::Locale => Locale::ALL.map(|l| l.tag().to_owned()).to_vec(),
        Kind::OneOf { values, .. } => values.iter().map(|v| v[0].to_owned()).collect(),
        Kind::List { values, none, .. } => {
            let mut all = vec![values.join(",")];
            if none {
                all.push("none".into());
            }
            all
        }
        _ => Vec::new(),
    };
    let unset = (Options::default(), Vec::new());
    candidates
        .into_iter()
        .find(|value| Options::parse([(row.name, value.as_str())]) == unset)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lists' words are the ids the rest of the crate uses.
    #[test]
    fn list_values_are_the_ids() {
        assert_eq!(LEVEL_IDS, OFFERED_LEVELS.map(Level::id));
        assert_eq!(MEDICINE_IDS, Medicine::ALL.map(Medicine::id));
        assert_eq!(
            SCHEDULES.iter().map(|s| s[0]).collect::<Vec<_>>(),
            SCHEDULE_IDS.map(Schedule::id)
        );
    }

    /// The defaults the configurator shows are the options' own.
    #[test]
    fn default_values_leave_the_options_unchanged() {
        let default = |name: &str| default_value(SPEC.iter().find(|r| r.name == name).unwrap());
        assert_eq!(default("servesAdolescents").as_deref(), Some("true"));
        assert_eq!(default("emitEvents").as_deref(), Some("false"));
        assert_eq!(default("detox"), None);
        assert_eq!(default("colorScheme").as_deref(), Some("light"));
        assert_eq!(default("crisisRegion").as_deref(), Some("national"));
        assert_eq!(default("locale"), None);
        assert_eq!(default("levels").as_deref(), Some("op,iop,php,residential"));
        assert_eq!(default("medication"), None);
        assert_eq!(default("opSchedule"), None);
    }

    /// The square-root power agrees with `powf` for every channel value.
    #[test]
    fn power_matches_powf() {
        for c in 0..=255u8 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            let want = x.powf(2.4);
            assert!((pow_2_4(x) - want).abs() < want * 1e-10, "channel {c}");
        }
    }
}
