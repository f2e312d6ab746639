//! P1 to P7 of clinical-model.md. P2 and P6 walk every combination of the
//! answers that can affect the level, not a sample.

mod support;

use std::time::Instant;

use iop_op_fit::engine::{assess, flow, Assessment, Level, Question, Responses};
use support::{answers, assessed, Answers};

/// The answers that can affect the level, each listed least to most severe.
/// `use_` folds `frequency` with the question the skip logic then asks.
const AGES: [&str; 3] = ["under_18", "18_to_64", "65_plus"];
const SUBSTANCES: [&str; 6] = [
    "alcohol",
    "opioids",
    "sedatives",
    "stimulants",
    "cannabis",
    "other",
];
const FREQUENCIES: [&str; 3] = ["less_than_weekly", "weekly", "most_days"];
const WITHDRAWAL: [&str; 5] = ["none", "not_sure", "mild", "moderate", "severe"];
const SOBER: [&str; 2] = ["one_to_six_months", "over_six_months"];
/// health, mental_health, control, treatment, home, support.
const SIMPLE: [(&str, &[&str]); 6] = [
    ("health", &["none", "managed", "serious"]),
    ("mental_health", &["none", "some", "severe"]),
    ("control", &["can_stop", "slips_back", "cannot_stop"]),
    (
        "treatment",
        &["none", "past", "recent_outpatient", "recent_intensive"],
    ),
    ("home", &["stable", "strained", "unsafe"]),
    ("support", &["strong", "some", "none"]),
];
/// not_past_month with each sober_time, then each frequency × withdrawal.
const USES: usize = SOBER.len() + FREQUENCIES.len() * WITHDRAWAL.len();
const SUBSETS: usize = (1 << SUBSTANCES.len()) - 1;

/// One point of the level-affecting answer space, as digits in mixed radix.
#[derive(Clone, Copy, Debug)]
struct Point {
    age: usize,
    substances: usize, // bit mask, 1..=63
    use_: usize,
    simple: [usize; 6],
}

fn radices() -> [usize; 9] {
    let mut r = [AGES.len(), SUBSETS, USES, 0, 0, 0, 0, 0, 0];
    for (i, (_, options)) in SIMPLE.iter().enumerate() {
        r[3 + i] = options.len();
    }
    r
}

fn space_size() -> usize {
    radices().iter().product()
}

impl Point {
    fn from_index(mut i: usize) -> Point {
        let mut digits = [0; 9];
        for (d, radix) in digits.iter_mut().zip(radices()) {
            *d = i % radix;
            i /= radix;
        }
        Point {
            age: digits[0],
            substances: digits[1] + 1,
            use_: digits[2],
            simple: digits[3..].try_into().unwrap(),
        }
    }

    fn index(&self) -> usize {
        let digits = [
            self.age,
            self.substances - 1,
            self.use_,
            self.simple[0],
            self.simple[1],
            self.simple[2],
            self.simple[3],
            self.simple[4],
            self.simple[5],
        ];
        digits
            .iter()
            .zip(radices())
            .rev()
            .fold(0, |acc, (d, radix)| acc * radix + d)
    }

    fn responses(&self, others: Answers) -> Responses {
        let mut r = Responses::new();
        let set = |r: &mut Responses, q: &str, v: &[&str]| {
            r.set(Question::from_id(q).unwrap(), v).unwrap()
        };
        for (q, v) in others {
            set(&mut r, q, v);
        }
        set(&mut r, "danger", &["none"]);
        set(&mut r, "age", &[AGES[self.age]]);
        let subs: Vec<&str> = (0..SUBSTANCES.len())
            .filter(|b| self.substances >> b & 1 == 1)
            .map(|b| SUBSTANCES[b])
            .collect();
        set(&mut r, "substances", &subs);
        if self.use_ < SOBER.len() {
            set(&mut r, "frequency", &["not_past_month"]);
            set(&mut r, "sober_time", &[SOBER[self.use_]]);
        } else {
            let u = self.use_ - SOBER.len();
            set(&mut r, "frequency", &[FREQUENCIES[u / WITHDRAWAL.len()]]);
            set(&mut r, "withdrawal", &[WITHDRAWAL[u % WITHDRAWAL.len()]]);
        }
        for (i, (q, options)) in SIMPLE.iter().enumerate() {
            set(&mut r, q, &[options[self.simple[i]]]);
        }
        r
    }

    /// Every point one step more severe than this one: an older age group,
    /// one more substance, more frequent use or worse withdrawal, or the next
    /// option of any other answer.
    fn worse(&self) -> Vec<Point> {
        let mut out = Vec::new();
        if AGES[self.age] == "18_to_64" {
            out.push(Point {
                age: self.age + 1,
                ..*self
            });
        }
        for b in 0..SUBSTANCES.len() {
            if self.substances >> b & 1 == 0 {
                out.push(Point {
                    substances: self.substances | 1 << b,
                    ..*self
                });
            }
        }
        if self.use_ < SOBER.len() {
            // From no use in the past month to any withdrawal with occasional use.
            for w in 0..WITHDRAWAL.len() {
                out.push(Point {
                    use_: SOBER.len() + w,
                    ..*self
                });
            }
        } else {
            let u = self.use_ - SOBER.len();
            if u % WITHDRAWAL.len() + 1 < WITHDRAWAL.len() {
                out.push(Point {
                    use_: self.use_ + 1,
                    ..*self
                });
            }
            if u / WITHDRAWAL.len() + 1 < FREQUENCIES.len() {
                out.push(Point {
                    use_: self.use_ + WITHDRAWAL.len(),
                    ..*self
                });
            }
        }
        for (i, (_, options)) in SIMPLE.iter().enumerate() {
            if self.simple[i] + 1 < options.len() {
                let mut p = *self;
                p.simple[i] += 1;
                out.push(p);
            }
        }
        out
    }
}

const DEFAULT_OTHERS: Answers = &[
    ("respondent", &["self"]),
    ("commitments", &["none"]),
    ("readiness", &["ready"]),
];

/// Assesses every point of the space on every core; (level, detox_first) per index.
fn assess_space(check: impl Fn(&Responses, &Assessment) + Sync) -> Vec<(Level, bool)> {
    let n = space_size();
    let mut out = vec![(Level::Op, false); n];
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = n.div_ceil(threads);
    std::thread::scope(|s| {
        for (c, slice) in out.chunks_mut(chunk).enumerate() {
            let check = &check;
            s.spawn(move || {
                for (k, slot) in slice.iter_mut().enumerate() {
                    let point = Point::from_index(c * chunk + k);
                    let r = point.responses(DEFAULT_OTHERS);
                    let a =
                        assess(&r).unwrap_or_else(|e| panic!("P6: {point:?} has no result: {e}"));
                    check(&r, &a);
                    *slot = (a.level, a.detox_first);
                }
            });
        }
    });
    out
}

/// P4 for one result: reasons exist, each names answers, and only answers given.
fn check_explained(r: &Responses, a: &Assessment) {
    assert!(!a.reasons.is_empty(), "P4: no reasons for {r:?}");
    for reason in &a.reasons {
        assert!(
            !reason.answers.is_empty(),
            "P4: reason {} names no answers",
            reason.id
        );
        assert_eq!(reason.message, format!("reason.{}", reason.id));
        for answer in &reason.answers {
            assert!(
                r.get(answer.question)
                    .is_some_and(|v| v.contains(&answer.option)),
                "P4: reason {} names {}={} which was not given in {}",
                reason.id,
                answer.question.id(),
                answer.option,
                r.to_json()
            );
        }
    }
}

#[test]
fn p2_p4_p6_exhaustive_over_every_level_affecting_combination() {
    let start = Instant::now();
    let results = assess_space(check_explained);
    let mut steps = 0usize;
    for (i, &(level, detox)) in results.iter().enumerate() {
        let p = Point::from_index(i);
        assert_eq!(p.index(), i);
        for w in p.worse() {
            steps += 1;
            let (worse_level, worse_detox) = results[w.index()];
            assert!(
                worse_level >= level && (worse_detox || !detox),
                "P2: {} ({level:?}, detox {detox}) became {} ({worse_level:?}, detox {worse_detox})",
                p.responses(DEFAULT_OTHERS).to_json(), w.responses(DEFAULT_OTHERS).to_json()
            );
        }
        // Time since last use carries no risk: it must not change anything.
        if p.use_ == 0 {
            assert_eq!(
                results[Point { use_: 1, ..p }.index()],
                (level, detox),
                "sober_time changed the result"
            );
        }
    }
    eprintln!(
        "exhaustive: {} answer sets assessed, {} one-step-worse pairs compared, in {:.2?}",
        results.len(),
        steps,
        start.elapsed()
    );
    assert_eq!(results.len(), 3 * 63 * 17 * 3 * 3 * 3 * 4 * 3 * 3);
    // Every level is reached somewhere, so the walk really covers the rules.
    for level in [Level::Op, Level::Iop, Level::Php, Level::Residential] {
        assert!(
            results.iter().any(|r| r.0 == level),
            "{level:?} never reached"
        );
    }
}

/// Respondent, commitments and readiness change wording and advice, never the level.
#[test]
fn p6_answers_that_only_change_wording_never_change_the_level() {
    let commitments: [&[&str]; 8] = [
        &["none"],
        &["work"],
        &["school"],
        &["caregiving"],
        &["work", "school"],
        &["work", "caregiving"],
        &["school", "caregiving"],
        &["work", "school", "caregiving"],
    ];
    let mut checked = 0;
    // Every level-affecting combination for an adult using alcohol, under all 48 wordings.
    for i in (0..space_size()).filter(|&i| {
        let p = Point::from_index(i);
        AGES[p.age] == "18_to_64" && p.substances == 1
    }) {
        let p = Point::from_index(i);
        let reference = assess(&p.responses(DEFAULT_OTHERS)).unwrap();
        for respondent in ["self", "someone_else"] {
            for c in commitments {
                for readiness in ["ready", "unsure", "not_ready"] {
                    let others: [(&str, &[&str]); 3] = [
                        ("respondent", &[respondent]),
                        ("commitments", c),
                        ("readiness", &[readiness]),
                    ];
                    let a = assess(&p.responses(&others)).unwrap();
                    assert_eq!(
                        (a.level, a.detox_first),
                        (reference.level, reference.detox_first)
                    );
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 17 * 972 * 48);
}

#[test]
fn p1_any_danger_is_an_emergency_whatever_else_was_answered() {
    let dangers = [
        "overdose",
        "suicide",
        "withdrawal_emergency",
        "medical_emergency",
    ];
    for mask in 1..16u32 {
        let chosen: Vec<&str> = (0..4)
            .filter(|b| mask >> b & 1 == 1)
            .map(|b| dangers[b])
            .collect();
        // Danger alone, right after the first question, as the UI asks it.
        let mut early = Responses::new();
        early.set(Question::Respondent, &["self"]).unwrap();
        early.set(Question::Danger, &chosen).unwrap();
        assert!(flow::is_emergency(&early));
        // ... and with the least and the most severe complete answers.
        let mildest = answers(&[("danger", &chosen)]);
        let worst = answers(&[
            ("danger", &chosen),
            ("age", &["65_plus"]),
            ("substances", &SUBSTANCES),
            ("frequency", &["most_days"]),
            ("withdrawal", &["severe"]),
            ("health", &["serious"]),
            ("mental_health", &["severe"]),
            ("control", &["cannot_stop"]),
            ("treatment", &["recent_intensive"]),
            ("home", &["unsafe"]),
            ("support", &["none"]),
        ]);
        for r in [early, mildest, worst] {
            let a = assess(&r).unwrap();
            assert_eq!(a.level, Level::Emergency, "P1: {}", r.to_json());
            // P4: the emergency names every trigger, first.
            for (k, d) in chosen.iter().enumerate() {
                assert_eq!(a.reasons[k].answers[0].option, *d);
                assert_eq!(
                    a.reasons[k].id,
                    format!("emergency_{}", d.trim_end_matches("_emergency"))
                );
            }
            check_explained(&r, &a);
        }
    }
}

#[test]
fn p3_one_high_dimension_sets_the_level_alone() {
    let alone: [(&str, Answers, Level); 5] = [
        (
            "mental health",
            &[("mental_health", &["severe"])],
            Level::Php,
        ),
        ("physical health", &[("health", &["serious"])], Level::Php),
        (
            "withdrawal",
            &[("frequency", &["weekly"]), ("withdrawal", &["severe"])],
            Level::Php,
        ),
        ("relapse", &[("control", &["cannot_stop"])], Level::Iop),
        ("environment", &[("home", &["unsafe"])], Level::Iop),
    ];
    for (name, changes, level) in alone {
        assert_eq!(assessed(changes).level, level, "{name} alone");
    }
    // Many mild findings add up to more rating points than one severe one, yet rank lower.
    let many_mild = assessed(&[
        ("frequency", &["weekly"]),
        ("withdrawal", &["mild"]),
        ("health", &["managed"]),
        ("support", &["some"]),
        ("treatment", &["recent_outpatient"]),
    ]);
    let one_severe = assessed(&[("mental_health", &["severe"])]);
    let sum = |a: &Assessment| {
        let r = a.ratings.unwrap();
        r.withdrawal + r.physical_health + r.mental_health + r.relapse + r.environment
    };
    assert!(sum(&many_mild) > sum(&one_severe));
    assert!(many_mild.level < one_severe.level);
}

#[test]
fn p7_least_severe_answers_give_outpatient() {
    let a = assessed(&[]);
    assert_eq!((a.level, a.detox_first), (Level::Op, false));
    assert_eq!(a.reasons[0].id, "level_op_low_risk");
}
