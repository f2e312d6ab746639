//! P1 to P7 of docs/clinical-rules.md (version 2.1). P2, P4 and P6 walk the whole
//! level-relevant answer space (see [`Point`]), not a sample; the same walk
//! checks every point against the rules and flags as the spec words them.
//!
//! P5 ("always a next step": the call to action, 988 and 911 on every result)
//! is a property of the UI, not of the engine: it is tested with the widget
//! (tests/web.rs and the browser tests), not here.

mod support;

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use iop_op_fit::engine::{
    assess, flow, Assessment, Choice, CrisisLine, Flag, Level, Question, Ratings, Responses,
};
use support::{
    answers, assessed, early, explained, flag_ids, Answers, EVERY_OVERDOSE_RISK, EVERY_SUBSTANCE,
    REFERENCE,
};

// ---------------------------------------------------------------------------
// The level-relevant answer space
// ---------------------------------------------------------------------------

/// One point of the level-relevant answer space: one digit per question that
/// can change the level, in asking order, each an index into [`OPTIONS`]
/// (least to most severe). A question the skip logic does not ask at a point
/// has digit 0 there, so every complete answer set has one point.
///
/// The space is reduced to what the rules can tell apart; each merged option
/// gives the level and `detox_first` of the one it is merged with (checked
/// by `p2_merged_options_really_give_the_same_level`):
///
/// * `age`: `18_to_64`, `65_plus`. `under_18` ≡ `18_to_64`: the rules read
///   only "65+" (under 18 changes flags and wording, not the level).
/// * `pregnancy`: all 3.
/// * `substances`: subsets of {alcohol, opioids, sedatives, stimulants}, 16.
///   `other` ≡ `stimulants` (both only ask `overdose_risk` and raise
///   naloxone); `cannabis` is read by no rule, so it only stands in for the
///   empty set (a visitor must choose something).
/// * `opioid_medicine`: `no`, `not_sure`, `naltrexone`, `buprenorphine`;
///   `methadone` ≡ `buprenorphine` (the rules read only "on a medicine").
///   The first three are not ordered among themselves; each is less severe
///   than `buprenorphine`. All four are walked, as their flags differ.
/// * `frequency`: all 4.
/// * `sober_time` (when asked): both.
/// * `withdrawal` (when asked): `none`, `mild`, `moderate`, `severe`;
///   `not_sure` ≡ `mild` (the spec: "`not_sure` counts as `mild`").
/// * `overdose_risk` (when asked): `none`, `past_overdose`. The level reads
///   only "any risk other than none"; `injecting` and `recent_release` only
///   raise flags.
/// * `health`, `mental_health`, `control` (when asked): all 3.
/// * `treatment`: `none`, `recent_outpatient`, `recent_intensive`; `past` ≡
///   `none` (no rule reads treatment longer ago).
/// * `home`, `support`: all 3.
/// * `respondent`, `commitments`, `readiness` are held at `self`, `none`,
///   `ready`: they never change the level (checked separately, P6).
type Point = [u8; DIGITS];

/// Answers as (question, option ids), in asking order.
type List = Vec<(Question, Vec<&'static str>)>;

const DIGITS: usize = 14;
const AGE: usize = 0;
const PREGNANCY: usize = 1;
const SUBSTANCES: usize = 2;
const MEDICINE: usize = 3;
const FREQUENCY: usize = 4;
const SOBER: usize = 5;
const WITHDRAWAL: usize = 6;
const OVERDOSE: usize = 7;
const HEALTH: usize = 8;
const MENTAL: usize = 9;
const CONTROL: usize = 10;
const TREATMENT: usize = 11;
const HOME: usize = 12;
const SUPPORT: usize = 13;

/// `opioid_medicine` digits.
const NOT_SURE: u8 = 1;
const NALTREXONE: u8 = 2;
/// Buprenorphine (or methadone): on a medicine.
const ON_MEDICINE: u8 = 3;

const QUESTIONS: [Question; DIGITS] = [
    Question::Age,
    Question::Pregnancy,
    Question::Substances,
    Question::OpioidMedicine,
    Question::Frequency,
    Question::SoberTime,
    Question::Withdrawal,
    Question::OverdoseRisk,
    Question::Health,
    Question::MentalHealth,
    Question::Control,
    Question::Treatment,
    Question::Home,
    Question::Support,
];

/// The options each digit stands for, least to most severe. `substances` is a
/// bit mask over [`SUBSTANCE_BITS`] instead.
const OPTIONS: [&[&str]; DIGITS] = [
    &["18_to_64", "65_plus"],
    &["no", "postpartum", "yes"],
    &[],
    &["no", "not_sure", "naltrexone", "buprenorphine"],
    &["not_past_month", "less_than_weekly", "weekly", "most_days"],
    &["over_six_months", "one_to_six_months"],
    &["none", "mild", "moderate", "severe"],
    &["none", "past_overdose"],
    &["none", "managed", "serious"],
    &["none", "some", "severe"],
    &["can_stop", "slips_back", "cannot_stop"],
    &["none", "recent_outpatient", "recent_intensive"],
    &["stable", "strained", "unsafe"],
    &["strong", "some", "none"],
];

const SUBSTANCE_BITS: [&str; 4] = ["alcohol", "opioids", "sedatives", "stimulants"];
const ALCOHOL: u8 = 1;
const OPIOIDS: u8 = 2;
const SEDATIVES: u8 = 4;
const STIMULANTS: u8 = 8;

fn radix(k: usize) -> usize {
    if k == SUBSTANCES {
        1 << SUBSTANCE_BITS.len()
    } else {
        OPTIONS[k].len()
    }
}

fn grid_size() -> usize {
    (0..DIGITS).map(radix).product()
}

fn index(p: &Point) -> usize {
    (0..DIGITS)
        .rev()
        .fold(0, |acc, k| acc * radix(k) + p[k] as usize)
}

fn from_index(mut i: usize) -> Point {
    let mut p = [0; DIGITS];
    for (k, d) in p.iter_mut().enumerate() {
        *d = (i % radix(k)) as u8;
        i /= radix(k);
    }
    p
}

/// The skip logic as the spec words it (checked against `flow::is_asked` in the walk).
fn asked(p: &Point, k: usize) -> bool {
    match k {
        SOBER => p[FREQUENCY] == 0,
        WITHDRAWAL | CONTROL => p[FREQUENCY] > 0,
        OVERDOSE => {
            p[SUBSTANCES] & (OPIOIDS | SEDATIVES | STIMULANTS) != 0 || p[MEDICINE] == ON_MEDICINE
        }
        _ => true,
    }
}

/// Whether `p` is the point of some answer set: skipped questions at digit 0.
fn canonical(p: &Point) -> bool {
    (0..DIGITS).all(|k| asked(p, k) || p[k] == 0)
}

fn ids(p: &Point, k: usize) -> Vec<&'static str> {
    if k == SUBSTANCES {
        let chosen: Vec<&str> = (0..SUBSTANCE_BITS.len())
            .filter(|b| p[k] >> b & 1 == 1)
            .map(|b| SUBSTANCE_BITS[b])
            .collect();
        if chosen.is_empty() {
            vec!["cannabis"]
        } else {
            chosen
        }
    } else {
        vec![OPTIONS[k][p[k] as usize]]
    }
}

/// The answers of a point, in asking order, with `self`, no danger, no
/// commitments and `ready`.
fn answer_list(p: &Point) -> List {
    let mut list = vec![
        (Question::Respondent, vec!["self"]),
        (Question::Danger, vec!["none"]),
    ];
    list.extend(
        (0..DIGITS)
            .filter(|&k| asked(p, k))
            .map(|k| (QUESTIONS[k], ids(p, k))),
    );
    list.push((Question::Commitments, vec!["none"]));
    list.push((Question::Readiness, vec!["ready"]));
    list
}

/// Sets the answers in the order given; every one must be accepted.
fn build(list: &[(Question, Vec<&'static str>)]) -> Responses {
    let mut r = Responses::new();
    for (q, v) in list {
        r.set(*q, v).unwrap_or_else(|e| panic!("{e} in {list:?}"));
    }
    r
}

/// Replaces (or adds, in asking order) the answer to `q`.
fn with(mut list: List, q: Question, v: &[&'static str]) -> List {
    match list.iter_mut().find(|(x, _)| *x == q) {
        Some(slot) => slot.1 = v.to_vec(),
        None => {
            let at = list.iter().position(|(x, _)| *x > q).unwrap_or(list.len());
            list.insert(at, (q, v.to_vec()));
        }
    }
    list
}

/// Every point one step more severe than `p`, as P2 defines a step: one
/// answer one option up; a substance added; an overdose risk added (`none` →
/// `past_overdose`); more frequent use; `no`, `not_sure` or `naltrexone` →
/// on a medicine. A question the step makes asked
/// starts at its least severe answer (digit 0), one it stops asking is dropped
/// (back to digit 0).
fn worse(p: &Point, out: &mut Vec<Point>) {
    out.clear();
    for k in 0..DIGITS {
        if !asked(p, k) {
            continue;
        }
        if k == SUBSTANCES {
            for b in 0..SUBSTANCE_BITS.len() {
                if p[k] >> b & 1 == 0 {
                    let mut q = *p;
                    q[k] |= 1 << b;
                    out.push(q);
                }
            }
        } else if k == MEDICINE {
            if p[k] != ON_MEDICINE {
                let mut q = *p;
                q[k] = ON_MEDICINE;
                out.push(q);
            }
        } else if (p[k] as usize) + 1 < radix(k) {
            let mut q = *p;
            q[k] += 1;
            if k == FREQUENCY && p[k] == 0 {
                // sober_time is dropped; withdrawal and control start at none / can_stop.
                q[SOBER] = 0;
                q[WITHDRAWAL] = 0;
                q[CONTROL] = 0;
            }
            out.push(q);
        }
    }
}

// ---------------------------------------------------------------------------
// The spec's rules, written again from docs/clinical-rules.md on the digits
// ---------------------------------------------------------------------------

/// The spec's `mixed`: opioids used or taken as treatment, with alcohol or
/// sedatives, at least weekly.
fn mixed(p: &Point) -> bool {
    let opioid_like = p[SUBSTANCES] & OPIOIDS != 0 || p[MEDICINE] == ON_MEDICINE;
    opioid_like && p[SUBSTANCES] & (ALCOHOL | SEDATIVES) != 0 && p[FREQUENCY] >= 2
}

struct Spec {
    level: Level,
    detox_first: bool,
    ratings: Ratings,
    flags: Vec<Flag>,
}

/// The rules and the flags of docs/clinical-rules.md v2.1, for a point (self, no
/// commitments, ready, so the flags about those never hold).
#[allow(clippy::nonminimal_bool)] // written as the spec words it
fn spec(p: &Point) -> Spec {
    let subs = p[SUBSTANCES];
    let (alcohol, opioids, sedatives, stimulants) = (
        subs & ALCOHOL != 0,
        subs & OPIOIDS != 0,
        subs & SEDATIVES != 0,
        subs & STIMULANTS != 0,
    );
    let gaba = alcohol || sedatives;
    let freq = p[FREQUENCY];
    let (active, regular, daily) = (freq > 0, freq >= 2, freq == 3);
    // 0 none, 1 mild (or not sure), 2 moderate, 3 severe; none when not active.
    let wd = if active { p[WITHDRAWAL] } else { 0 };
    let mixed = mixed(p);
    let (on_medicine, naltrexone) = (p[MEDICINE] == ON_MEDICINE, p[MEDICINE] == NALTREXONE);
    let opioid_like = opioids || on_medicine;
    let maybe_medicine = on_medicine || p[MEDICINE] == NOT_SURE;
    let (postpartum, pregnant) = (p[PREGNANCY] == 1, p[PREGNANCY] == 2);
    let older = p[AGE] == 1;
    let (health_managed, health_serious) = (p[HEALTH] == 1, p[HEALTH] == 2);
    let overdose_risk = asked(p, OVERDOSE) && p[OVERDOSE] == 1;

    let mut d1 = 0;
    let up = |d: &mut u8, on: bool, r: u8| {
        if on {
            *d = (*d).max(r)
        }
    };
    up(&mut d1, wd == 1, 1);
    up(&mut d1, wd == 2, if regular { 2 } else { 1 });
    up(&mut d1, wd == 2 && gaba && regular, 3);
    up(&mut d1, sedatives && daily, 3);
    up(
        &mut d1,
        gaba && daily && wd != 0 && (older || health_serious || pregnant),
        3,
    );
    up(&mut d1, mixed && wd >= 2, 3);
    up(&mut d1, wd == 3, if regular { 4 } else { 2 });
    let detox_first = d1 >= 3;

    let mut d2 = 0;
    up(&mut d2, health_managed || postpartum, 1);
    up(&mut d2, pregnant, 2);
    up(&mut d2, health_serious, 3);

    let d3 = [0, 2, 3][p[MENTAL] as usize];

    let mut d5 = 0;
    if active {
        up(&mut d5, p[CONTROL] == 1, 2);
        up(&mut d5, p[CONTROL] == 2, 3);
        up(&mut d5, regular, 1);
    } else {
        up(&mut d5, p[SOBER] == 1, 1);
    }
    up(&mut d5, p[TREATMENT] == 1, 1);
    up(&mut d5, p[TREATMENT] == 2, 2);
    up(&mut d5, overdose_risk, if regular { 3 } else { 2 });

    let mut d6 = 0;
    up(&mut d6, p[HOME] == 1, 2);
    up(&mut d6, p[HOME] == 2, 3);
    up(&mut d6, p[SUPPORT] == 1, 1);
    up(&mut d6, p[SUPPORT] == 2, 2);
    up(&mut d6, p[HOME] == 1 && p[SUPPORT] == 2, 3);

    let strong_wd = wd >= 2;
    let level = if (d3 >= 3 && d6 >= 3)
        || (d5 >= 3 && d6 >= 3)
        || (d1 >= 3 && d2 >= 2)
        || (d1 >= 3 && d6 >= 3)
    {
        Level::Residential
    } else if (d3 >= 3 && (active || d5 >= 2 || d6 >= 2))
        || (d2 >= 3 && active && (d1 >= 2 || d3 >= 2 || d5 >= 2))
        || (d5 >= 3 && d6 >= 2)
        || d1 == 4
        || (mixed && (strong_wd || d5 >= 3))
    {
        Level::Php
    } else if d5 >= 2
        || d6 >= 3
        || d1 >= 2
        || (d3 >= 2 && regular)
        || d3 >= 3
        || mixed
        || (d2 >= 2 && daily)
        || (daily && d6 >= 2)
    {
        Level::Iop
    } else {
        Level::Op
    };

    let on = [
        (
            Flag::Naloxone,
            opioids || sedatives || stimulants || on_medicine || naltrexone,
        ),
        (
            Flag::MixingRisk,
            active && (((maybe_medicine || opioids) && gaba) || (alcohol && sedatives)),
        ),
        // (recent_release is not in the reduced space.)
        (
            Flag::LowTolerance,
            opioids && (!active || freq == 1 || p[TREATMENT] == 2) || naltrexone,
        ),
        (Flag::SedativeTaper, sedatives && daily),
        (Flag::StopSafely, gaba && daily && !detox_first),
        (
            Flag::WithdrawalInpatient,
            gaba && (d1 == 4
                || (detox_first && (health_serious || pregnant))
                || (d1 >= 3 && d6 >= 3)),
        ),
        (Flag::WithdrawalHistory, wd == 3 && !regular),
        (Flag::Pregnancy, pregnant),
        (Flag::Postpartum, postpartum),
        (
            Flag::PregnancyOpioids,
            pregnant && (opioid_like || maybe_medicine),
        ),
        (Flag::Moud, opioid_like || maybe_medicine),
        (Flag::MedicationSupport, alcohol && !pregnant && !naltrexone),
        (Flag::MedicalFollowup, health_serious),
        (Flag::CoOccurring, p[MENTAL] > 0),
        (Flag::HomeSafety, p[HOME] == 2),
        (Flag::OlderAdult, older),
    ];
    let mut flags: Vec<Flag> = on.iter().filter(|(_, on)| *on).map(|(f, _)| *f).collect();
    flags.sort_unstable();
    Spec {
        level,
        detox_first,
        ratings: Ratings {
            withdrawal: d1,
            physical_health: d2,
            mental_health: d3,
            readiness: 0,
            relapse: d5,
            environment: d6,
        },
        flags,
    }
}

// ---------------------------------------------------------------------------
// The walk: every point assessed once, on every core
// ---------------------------------------------------------------------------

/// Problems of one kind found in a walk: how many, and the first few.
#[derive(Default)]
struct Found {
    count: usize,
    examples: Vec<String>,
}

impl Found {
    fn add(&mut self, problem: impl FnOnce() -> String) {
        self.count += 1;
        if self.examples.len() < 8 {
            self.examples.push(problem());
        }
    }
    fn merge(&mut self, other: Found) {
        self.count += other.count;
        for e in other.examples {
            if self.examples.len() < 8 {
                self.examples.push(e);
            }
        }
    }
    #[track_caller]
    fn assert_none(&self, what: &str) {
        assert!(
            self.count == 0,
            "{what}: {} problems, the first:\n{}",
            self.count,
            self.examples.join("\n")
        );
    }
}

/// Level, `detox_first` and flags, packed: 3 bits, 1 bit, then one bit per flag.
type Outcome = u32;
const NO_POINT: Outcome = u32::MAX;

fn pack(a: &Assessment) -> Outcome {
    let flags = a.flags.iter().fold(0u32, |m, f| m | 1 << f.id.index());
    a.level.index() as u32 | (a.detox_first as u32) << 3 | flags << 4
}

fn level_of(o: Outcome) -> Level {
    Level::ALL[(o & 7) as usize]
}

fn detox_of(o: Outcome) -> bool {
    o >> 3 & 1 == 1
}

struct Space {
    /// By grid index; [`NO_POINT`] where the digits are not a point.
    outcome: Vec<Outcome>,
    points: usize,
    threads: usize,
    built_in: Duration,
    /// P6: answers without a result, or the skip logic disagreeing with the spec.
    total: Found,
    /// P4: a reason or flag that names nothing, or an answer not given.
    explained: Found,
    /// The engine's ratings, level, detox_first or flags differ from the spec's rules.
    spec: Found,
}

fn threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// Runs `f` on every index in `0..n` on every core, merging what each finds.
fn par_for(n: usize, f: impl Fn(usize, &mut [Found; 3]) + Sync) -> [Found; 3] {
    let t = threads();
    let chunk = n.div_ceil(t);
    let mut all: [Found; 3] = Default::default();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..t)
            .map(|c| {
                let f = &f;
                s.spawn(move || {
                    let mut found: [Found; 3] = Default::default();
                    for i in c * chunk..((c + 1) * chunk).min(n) {
                        f(i, &mut found);
                    }
                    found
                })
            })
            .collect();
        for h in handles {
            for (a, b) in all.iter_mut().zip(h.join().unwrap()) {
                a.merge(b);
            }
        }
    });
    all
}

/// Calls `f` with every point whose first `k` digits are `p`'s, and its
/// answers: each answer is set once for all the points below it (answers are
/// `Copy`), so building a point's answers costs one `set`, not thirteen.
#[allow(clippy::needless_range_loop)] // `d` is the digit, and indexes the options
fn descend(k: usize, p: &mut Point, r: Responses, f: &mut impl FnMut(&Point, &Responses)) {
    if k == DIGITS {
        return f(p, &r);
    }
    if !asked(p, k) {
        p[k] = 0;
        return descend(k + 1, p, r, f);
    }
    for d in 0..radix(k) {
        p[k] = d as u8;
        let mut next = r;
        let result = if k == SUBSTANCES {
            next.set(QUESTIONS[k], &ids(p, k))
        } else {
            next.set(QUESTIONS[k], std::slice::from_ref(&OPTIONS[k][d]))
        };
        result.unwrap_or_else(|e| panic!("{e} at {p:?}"));
        descend(k + 1, p, next, f);
    }
}

/// Assesses every point once, on every core (the 384 combinations of age,
/// pregnancy, substances and opioid medicine are dealt out to the threads), recording each
/// outcome by grid index and every problem found on the way.
fn walk() -> Space {
    let start = Instant::now();
    let t = threads();
    let outcome: Vec<AtomicU32> = (0..grid_size()).map(|_| AtomicU32::new(NO_POINT)).collect();
    let mut found: [Found; 3] = Default::default();
    let mut others = Responses::new();
    for (q, v) in [
        (Question::Respondent, "self"),
        (Question::Danger, "none"),
        (Question::Commitments, "none"),
        (Question::Readiness, "ready"),
    ] {
        others.set(q, &[v]).unwrap();
    }
    let prefixes: Vec<Point> =
        (0..radix(AGE) * radix(PREGNANCY) * radix(SUBSTANCES) * radix(MEDICINE))
            .map(from_index) // the first four digits vary fastest
            .collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..t)
            .map(|c| {
                let (outcome, prefixes) = (&outcome, &prefixes);
                s.spawn(move || {
                    let mut found: [Found; 3] = Default::default();
                    let [total, expl, rules] = &mut found;
                    for prefix in prefixes.iter().skip(c).step_by(t) {
                        let mut r = others;
                        for k in [AGE, PREGNANCY, SUBSTANCES, MEDICINE] {
                            r.set(QUESTIONS[k], &ids(prefix, k)).unwrap();
                        }
                        let mut p = *prefix;
                        descend(MEDICINE + 1, &mut p, r, &mut |p, r| {
                            for (d, &q) in QUESTIONS.iter().enumerate() {
                                if flow::is_asked(q, r) != asked(p, d) {
                                    total.add(|| format!("skip logic: `{}` asked {} for {}", q.id(), !asked(p, d), r.to_json()));
                                }
                            }
                            let a = match assess(r) {
                                Ok(a) => a,
                                Err(e) => return total.add(|| format!("{}: {e}", r.to_json())),
                            };
                            if let Err(e) = explained(r, &a) {
                                expl.add(|| e);
                            }
                            let want = spec(p);
                            let got = flag_ids(&a);
                            if (a.level, a.detox_first, a.ratings, &got)
                                != (want.level, want.detox_first, Some(want.ratings), &want.flags)
                            {
                                rules.add(|| {
                                    format!(
                                        "{}\n  engine: {:?} detox_first {} {:?} {:?}\n  spec:   {:?} detox_first {} {:?} {:?}",
                                        r.to_json(),
                                        a.level,
                                        a.detox_first,
                                        a.ratings,
                                        got,
                                        want.level,
                                        want.detox_first,
                                        want.ratings,
                                        want.flags
                                    )
                                });
                            }
                            outcome[index(p)].store(pack(&a), Ordering::Relaxed);
                        });
                    }
                    found
                })
            })
            .collect();
        for h in handles {
            for (a, b) in found.iter_mut().zip(h.join().unwrap()) {
                a.merge(b);
            }
        }
    });
    let outcome: Vec<Outcome> = outcome.into_iter().map(AtomicU32::into_inner).collect();
    let points = outcome.iter().filter(|&&o| o != NO_POINT).count();
    let [total, explained, spec] = found;
    Space {
        outcome,
        points,
        threads: t,
        built_in: start.elapsed(),
        total,
        explained,
        spec,
    }
}

/// The walk, done once for every test of this file that needs it.
fn space() -> &'static Space {
    static SPACE: OnceLock<Space> = OnceLock::new();
    SPACE.get_or_init(walk)
}

/// The canonical points whose grid index is a multiple of `stride`: a sample
/// that cuts across every digit (the stride is prime).
fn sample(stride: usize) -> Vec<Point> {
    (0..grid_size())
        .step_by(stride)
        .map(from_index)
        .filter(canonical)
        .collect()
}

// ---------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------

/// P2 over the whole level-relevant space: no one-step-more-severe neighbour
/// of any point has a lower level or clears `detox_first`.
#[test]
fn p2_monotone_over_the_whole_level_relevant_space() {
    let s = space();
    // 2 ages × 3 pregnancy × (without a medicine, or with not_sure or naltrexone: 2
    // substance sets without overdose_risk + 14 with, × 2 answers; on a medicine: 16 sets
    // × 2 answers) × (not_past_month × 2 sober_time + 3 frequencies × 4 withdrawal × 3
    // control) × health, mental_health, treatment, home, support (3 each).
    assert_eq!(
        s.points,
        2 * 3 * (3 * (2 + 14 * 2) + 16 * 2) * (2 + 3 * 4 * 3) * 3usize.pow(5)
    );
    let start = Instant::now();
    let mut pairs = 0usize;
    let mut lowered = Found::default();
    let mut steps = Vec::new();
    for (i, &o) in s.outcome.iter().enumerate() {
        if o == NO_POINT {
            continue;
        }
        let p = from_index(i);
        worse(&p, &mut steps);
        for q in &steps {
            let w = s.outcome[index(q)];
            assert_ne!(w, NO_POINT, "a step from {p:?} left the space: {q:?}");
            pairs += 1;
            if level_of(w) < level_of(o) || (detox_of(o) && !detox_of(w)) {
                lowered.add(|| {
                    format!(
                        "{} ({:?}, detox_first {})\n  → {} ({:?}, detox_first {})",
                        build(&answer_list(&p)).to_json(),
                        level_of(o),
                        detox_of(o),
                        build(&answer_list(q)).to_json(),
                        level_of(w),
                        detox_of(w)
                    )
                });
            }
        }
    }
    let compared_in = start.elapsed();
    println!(
        "P2 walk: {} points assessed in {:.2?} on {} threads; {} one-step-more-severe pairs compared in {:.2?}",
        s.points, s.built_in, s.threads, pairs, compared_in
    );
    lowered.assert_none("P2: a more severe answer lowered the level or cleared detox_first");
    // Every level is reached, so the walk really covers the rules.
    for level in [Level::Op, Level::Iop, Level::Php, Level::Residential] {
        assert!(
            s.outcome
                .iter()
                .any(|&o| o != NO_POINT && level_of(o) == level),
            "{level:?} never reached"
        );
    }
    assert!(s.outcome.iter().any(|&o| o != NO_POINT && detox_of(o)));
}

/// The options P2 merges give what they are merged with, at a sample of
/// points (every 17th grid index: about 1 in 17 points, across every digit).
#[test]
fn p2_merged_options_really_give_the_same_level() {
    let s = space();
    let points = sample(17);
    let [found, _, _] = par_for(points.len(), |i, found| {
        let p = &points[i];
        let base = answer_list(p);
        let mut variants: Vec<(&str, List)> = Vec::new();
        if p[AGE] == 0 {
            variants.push((
                "under_18 for 18_to_64",
                with(base.clone(), Question::Age, &["under_18"]),
            ));
        }
        if asked(p, WITHDRAWAL) && p[WITHDRAWAL] == 1 {
            variants.push((
                "not_sure for mild",
                with(base.clone(), Question::Withdrawal, &["not_sure"]),
            ));
        }
        if p[MEDICINE] == ON_MEDICINE {
            variants.push((
                "methadone for buprenorphine",
                with(base.clone(), Question::OpioidMedicine, &["methadone"]),
            ));
        }
        if p[TREATMENT] == 0 {
            variants.push((
                "past for none",
                with(base.clone(), Question::Treatment, &["past"]),
            ));
        }
        let subs = ids(p, SUBSTANCES);
        if p[SUBSTANCES] & STIMULANTS != 0 {
            let other: Vec<&str> = subs
                .iter()
                .map(|&s| if s == "stimulants" { "other" } else { s })
                .collect();
            variants.push((
                "other for stimulants",
                with(base.clone(), Question::Substances, &other),
            ));
            let both: Vec<&str> = subs.iter().copied().chain(["other"]).collect();
            variants.push((
                "stimulants and other",
                with(base.clone(), Question::Substances, &both),
            ));
        }
        if p[SUBSTANCES] != 0 {
            let plus: Vec<&str> = subs.iter().copied().chain(["cannabis"]).collect();
            variants.push((
                "cannabis added",
                with(base.clone(), Question::Substances, &plus),
            ));
        }
        if asked(p, OVERDOSE) && p[OVERDOSE] == 1 {
            for risks in [&["injecting"][..], &["recent_release"], EVERY_OVERDOSE_RISK] {
                variants.push((
                    "another overdose risk",
                    with(base.clone(), Question::OverdoseRisk, risks),
                ));
            }
        }
        let o = s.outcome[index(p)];
        for (what, list) in variants {
            let r = build(&list);
            let a = assess(&r).unwrap();
            if (a.level, a.detox_first) != (level_of(o), detox_of(o)) {
                found[0].add(|| {
                    format!(
                        "{what}: {} gives {:?}/{}, {} gives {:?}/{}",
                        build(&base).to_json(),
                        level_of(o),
                        detox_of(o),
                        r.to_json(),
                        a.level,
                        a.detox_first
                    )
                });
            }
        }
    });
    found.assert_none("a merged option changed the level or detox_first");
    println!("merged options checked at {} points", points.len());
}

/// The engine's ratings, level, detox_first and flags are the spec's at
/// every point of the space (the spec's rules are written again in [`spec`]).
#[test]
fn every_point_follows_the_rules_and_flags_of_the_spec() {
    space()
        .spec
        .assert_none("the engine and docs/clinical-rules.md disagree");
}

/// `opioid_medicine` changes the level only through `mixed`, at every point
/// without a medicine: `not_sure` and `naltrexone` there never change the
/// level or `detox_first`; methadone or buprenorphine changes them only
/// where it makes `mixed` hold. (The overdose risks it makes asked are taken
/// as `none`, as P2 takes a newly asked question; their answers count by
/// their own rule, D5, as for any use that asks them.)
#[test]
fn opioid_medicine_changes_the_level_only_through_mixed() {
    let s = space();
    let [mut unchanged, mut through_mixed, mut not_vacuous] = [0usize; 3];
    let mut found = Found::default();
    for (i, &o) in s.outcome.iter().enumerate() {
        let p = from_index(i);
        if o == NO_POINT || p[MEDICINE] != 0 {
            continue;
        }
        for m in [NOT_SURE, NALTREXONE, ON_MEDICINE] {
            let mut q = p;
            q[MEDICINE] = m;
            let w = s.outcome[index(&q)];
            assert_ne!(w, NO_POINT, "{q:?}");
            let same = (level_of(w), detox_of(w)) == (level_of(o), detox_of(o));
            if m == ON_MEDICINE && mixed(&q) != mixed(&p) {
                through_mixed += 1;
                not_vacuous += usize::from(!same);
            } else if same {
                unchanged += 1;
            } else {
                found.add(|| {
                    format!(
                        "{} ({:?}, detox_first {})\n  → {} ({:?}, detox_first {})",
                        build(&answer_list(&p)).to_json(),
                        level_of(o),
                        detox_of(o),
                        build(&answer_list(&q)).to_json(),
                        level_of(w),
                        detox_of(w)
                    )
                });
            }
        }
    }
    found.assert_none("opioid_medicine changed the level other than through mixed");
    assert!(unchanged > 1_000_000, "{unchanged}");
    // Methadone or buprenorphine with regular alcohol or sedatives does raise some levels.
    assert!(
        not_vacuous > 0 && through_mixed > not_vacuous,
        "{not_vacuous} of {through_mixed}"
    );
}

/// P1: any danger is an emergency, whatever else was answered; an emergency
/// with every answer keeps the level and detox_first of the answers.
#[test]
fn p1_any_danger_is_an_emergency_whatever_else_was_answered() {
    let dangers = [
        "overdose",
        "suicide",
        "harm_others",
        "withdrawal_emergency",
        "medical_emergency",
    ];
    let reason = |d: &str| match d {
        "withdrawal_emergency" => "emergency_withdrawal".to_string(),
        "medical_emergency" => "emergency_medical".to_string(),
        d => format!("emergency_{d}"),
    };
    let worst: Answers = &[
        ("age", &["65_plus"]),
        ("pregnancy", &["yes"]),
        ("substances", EVERY_SUBSTANCE),
        ("frequency", &["most_days"]),
        ("withdrawal", &["severe"]),
        ("overdose_risk", EVERY_OVERDOSE_RISK),
        ("health", &["serious"]),
        ("mental_health", &["severe"]),
        ("control", &["cannot_stop"]),
        ("treatment", &["recent_intensive"]),
        ("home", &["unsafe"]),
        ("support", &["none"]),
    ];
    let mut complete: Vec<Vec<(&str, &[&str])>> = vec![vec![], worst.to_vec()];
    complete.extend(
        REFERENCE
            .iter()
            .filter(|c| !c.early)
            .map(|c| c.changes.to_vec()),
    );
    // And a sample of the whole space.
    let points = sample(1009);
    let mut checked = 0;
    for mask in 1..1u32 << dangers.len() {
        let chosen: Vec<&str> = (0..dangers.len())
            .filter(|b| mask >> b & 1 == 1)
            .map(|b| dangers[b])
            .collect();
        let crisis = if chosen == ["suicide"] {
            CrisisLine::Call988
        } else {
            CrisisLine::Call911
        };
        let withdrawal_now = chosen.contains(&"withdrawal_emergency");
        let check = |r: &Responses, calm: Option<&Assessment>| {
            assert!(flow::is_emergency(r));
            let a = assess(r).unwrap_or_else(|e| panic!("P6: {e}"));
            assert_eq!(a.level, Level::Emergency, "P1: {}", r.to_json());
            assert_eq!(a.crisis_first, Some(crisis), "{}", r.to_json());
            // P4: the emergency names every trigger, first, in order.
            for (k, d) in chosen.iter().enumerate() {
                assert_eq!(a.reasons[k].id, reason(d), "{}", r.to_json());
                assert_eq!(a.reasons[k].answers.len(), 1);
                assert_eq!(
                    (
                        a.reasons[k].answers[0].question,
                        a.reasons[k].answers[0].option
                    ),
                    (Question::Danger, *d)
                );
            }
            explained(r, &a).unwrap_or_else(|e| panic!("P4: {e}"));
            match calm {
                None => assert_eq!((a.detox_first, a.after_emergency), (withdrawal_now, None)),
                Some(calm) => {
                    assert_eq!(a.after_emergency, Some(calm.level), "{}", r.to_json());
                    assert_eq!(
                        a.detox_first,
                        calm.detox_first || withdrawal_now,
                        "{}",
                        r.to_json()
                    );
                }
            }
        };
        check(&early(&chosen), None);
        for changes in &complete {
            let calm = assessed(changes);
            let mut with_danger = changes.clone();
            with_danger.push(("danger", &chosen[..]));
            check(&answers(&with_danger), Some(&calm));
            checked += 1;
        }
        for p in &points {
            let list = answer_list(p);
            let calm = assess(&build(&list)).unwrap();
            check(&build(&with(list, Question::Danger, &chosen)), Some(&calm));
            checked += 1;
        }
    }
    assert!(checked > 31 * 1000, "{checked}");
}

/// P3: one high dimension sets the level alone, from the least severe
/// answers with occasional use (R8, op).
#[test]
fn p3_one_high_dimension_sets_the_level_alone() {
    let occasional: (&str, &[&str]) = ("frequency", &["less_than_weekly"]);
    assert_eq!(assessed(&[occasional]).level, Level::Op);
    let alone: [(&str, Answers, Level); 7] = [
        (
            "mental health (D3 severe)",
            &[occasional, ("mental_health", &["severe"])],
            Level::Php,
        ),
        (
            "withdrawal (D1 = 4)",
            &[("frequency", &["weekly"]), ("withdrawal", &["severe"])],
            Level::Php,
        ),
        (
            "withdrawal history (D1 = 2)",
            &[occasional, ("withdrawal", &["severe"])],
            Level::Iop,
        ),
        (
            "loss of control (D5 = 3)",
            &[occasional, ("control", &["cannot_stop"])],
            Level::Iop,
        ),
        (
            "recent intensive treatment (D5 = 2)",
            &[occasional, ("treatment", &["recent_intensive"])],
            Level::Iop,
        ),
        (
            "a past overdose (D5 = 2)",
            &[
                ("substances", &["stimulants"]),
                occasional,
                ("overdose_risk", &["past_overdose"]),
            ],
            Level::Iop,
        ),
        (
            "an unsafe home (D6 = 3)",
            &[occasional, ("home", &["unsafe"])],
            Level::Iop,
        ),
    ];
    for (name, changes, level) in alone {
        assert_eq!(assessed(changes).level, level, "{name} alone");
    }
    // Many mild findings add up to more rating points than one severe one, yet rank lower.
    let many_mild = assessed(&[
        ("substances", &["alcohol"]),
        ("frequency", &["weekly"]),
        ("withdrawal", &["mild"]),
        ("health", &["managed"]),
        ("treatment", &["recent_outpatient"]),
        ("support", &["some"]),
        ("pregnancy", &["postpartum"]),
    ]);
    let one_severe = assessed(&[occasional, ("mental_health", &["severe"])]);
    let sum = |a: &Assessment| {
        let r = a.ratings.unwrap();
        r.withdrawal + r.physical_health + r.mental_health + r.relapse + r.environment
    };
    assert!(
        sum(&many_mild) > sum(&one_severe),
        "{} vs {}",
        sum(&many_mild),
        sum(&one_severe)
    );
    assert!(
        many_mild.level < one_severe.level,
        "{:?} vs {:?}",
        many_mild.level,
        one_severe.level
    );
}

/// P4 at every point of the space: every reason names answers, each one
/// given; so does every flag. (Emergencies: in the P1 test.)
#[test]
fn p4_every_reason_and_flag_names_the_answers_behind_it() {
    space().explained.assert_none("P4");
    // The level's reason comes first and names answers too.
    for case in REFERENCE.iter().filter(|c| !c.early) {
        let a = assess(&case.responses()).unwrap();
        assert!(
            a.reasons[0].id.starts_with("level_"),
            "{}: {}",
            case.case,
            a.reasons[0].id
        );
        assert!(a.reasons[0].dimension.is_none());
        assert!(a.reasons.iter().skip(1).all(|r| r.dimension.is_some()));
    }
}

/// P6: every valid complete answer set of the space has a result, and the
/// skip logic asks what the spec says.
#[test]
fn p6_every_valid_answer_set_has_a_result() {
    space().total.assert_none("P6");
}

/// P6: respondent, commitments and readiness change wording and advice, never
/// the level or detox_first: all 48 of their combinations, at a sample of
/// the space (every 211th grid index).
#[test]
fn p6_answers_that_only_change_wording_never_change_the_level() {
    let s = space();
    let commitments: [&[&'static str]; 8] = [
        &["none"],
        &["work"],
        &["school"],
        &["caregiving"],
        &["work", "school"],
        &["work", "caregiving"],
        &["school", "caregiving"],
        &["work", "school", "caregiving"],
    ];
    let points = sample(211);
    let [found, _, _] = par_for(points.len(), |i, found| {
        let p = &points[i];
        let o = s.outcome[index(p)];
        for respondent in ["self", "someone_else"] {
            for c in commitments {
                for readiness in ["ready", "unsure", "not_ready"] {
                    let list = with(answer_list(p), Question::Respondent, &[respondent]);
                    let list = with(list, Question::Commitments, c);
                    let list = with(list, Question::Readiness, &[readiness]);
                    let r = build(&list);
                    let a = assess(&r).unwrap();
                    if (a.level, a.detox_first) != (level_of(o), detox_of(o)) {
                        found[0].add(|| {
                            format!("{} gives {:?}/{}", r.to_json(), a.level, a.detox_first)
                        });
                    }
                }
            }
        }
    });
    found.assert_none("wording answers changed the level");
    assert!(points.len() > 5_000, "{}", points.len());
}

/// P7: the least severe answers give outpatient, with no safety flag.
#[test]
fn p7_least_severe_answers_give_outpatient_without_a_safety_flag() {
    let a = assessed(&[]);
    assert_eq!((a.level, a.detox_first), (Level::Op, false));
    assert_eq!(a.reasons[0].id, "level_op_low_risk");
    assert!(a.flags.is_empty(), "{:?}", flag_ids(&a));
    // Also with occasional use, or alcohol: still op, still no safety flag.
    let cases: [Answers; 3] = [
        &[("frequency", &["less_than_weekly"])],
        &[
            ("substances", &["alcohol"]),
            ("frequency", &["less_than_weekly"]),
        ],
        &[("substances", &["alcohol"])],
    ];
    for changes in cases {
        let a = assessed(changes);
        assert_eq!((a.level, a.detox_first), (Level::Op, false), "{changes:?}");
        assert!(
            a.flags.iter().all(|f| !f.id.is_safety()),
            "{changes:?}: {:?}",
            flag_ids(&a)
        );
    }
}
