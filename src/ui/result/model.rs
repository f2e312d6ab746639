//! What a result says, built once from the assessment, the answers and the
//! options, in the visitor's words and in the order shown. The result screen
//! and the summary both render from it, so neither can say less than the other.
//! It only words what the engine decided.

use crate::engine::questions::Readiness;
use crate::engine::{
    AnswerRef, Assessment, CrisisLine, Dimension, Flag, Level, Question, Raised, Responses,
};
use crate::ui::parts::crisis_lines::crisis_lines;
use crate::ui::parts::next_step::{next_step, NextStepView};
use crate::ui::parts::urgent_calls::urgent_calls;
use crate::ui::result::referral::referral_links;
use crate::ui::text::Text;
use crate::ui::Link;

/// The provider's name for a level, else ours.
pub fn level_name(t: &Text, level: Level) -> String {
    t.options
        .program_for(level)
        .and_then(|p| p.name.clone())
        .unwrap_or_else(|| t.get(&format!("level.{}.name", level.id())))
}

/// How many of the most telling findings "Why this result" shows after the
/// reason that set the level; the rest are one tap away.
const KEY_FINDINGS: usize = 3;

#[derive(Clone, Debug, PartialEq)]
pub struct ResultView {
    pub level: Level,
    pub detox_first: bool,
    pub crisis_first: Option<CrisisLine>,
    pub heading: String,
    pub lead: String,
    /// For an emergency: the big call buttons.
    pub urgent: Vec<Link>,
    /// For an emergency with every answer given: the level once safe, in a sentence.
    pub after_emergency: Option<String>,
    pub detox: Vec<String>,
    pub offer: Option<OfferView>,
    pub safety: Section<Advice>,
    /// "Why this result": `lead` is the reason that set the level and the
    /// most telling findings; `more` the rest, each sentence once.
    pub why: Why,
    pub next: NextStepView,
    /// Where to find care the provider does not offer (empty when it offers all).
    pub referral: Section<Link>,
    pub program: Option<ProgramView>,
    pub levels: Option<LevelsView>,
    pub crisis: Section<Link>,
    /// The other flags and the readiness advice.
    pub advice: Section<Advice>,
    pub note: String,
    pub review: Section<Answer>,
    pub intake: Intake,
}

/// A line of advice: a flag's words, or the readiness line (no flag).
#[derive(Clone, Debug, PartialEq)]
pub struct Advice {
    pub flag: Option<Flag>,
    pub text: String,
}

/// A heading and its items.
#[derive(Clone, Debug, PartialEq)]
pub struct Section<T = String> {
    pub heading: String,
    pub items: Vec<T>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Why {
    pub heading: String,
    pub lead: Vec<String>,
    pub more: Vec<String>,
    /// The label of the control that shows `more`.
    pub more_label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OfferView {
    pub level_here: bool,
    pub lines: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProgramView {
    pub heading: String,
    pub name: String,
    pub short: String,
    /// Hours, schedule and therapies, those the provider gave.
    pub details: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LevelsView {
    pub heading: String,
    pub level: Level,
    /// The picture in words.
    pub text: String,
}

/// One answer as asked and given.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub question: Question,
    pub title: String,
    pub words: String,
}

/// The intake team's one-glance page: what the engine weighed, in its terms.
#[derive(Clone, Debug, PartialEq)]
pub struct Intake {
    pub heading: String,
    pub lead: String,
    /// Column headings: dimension, rating, answers behind it.
    pub columns: [String; 3],
    pub dimensions: Vec<DimensionRow>,
    /// The rule that set the level, and each of the decision's other facts:
    /// a label and its lines.
    pub facts: Vec<(String, Vec<String>)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DimensionRow {
    pub name: String,
    pub rating: String,
    pub answers: Vec<String>,
}

/// The answers behind a finding, one line per question in the order asked,
/// each option once: "What are you using? Alcohol, Opioids…".
fn answer_lines<'a>(t: &Text, refs: impl Iterator<Item = &'a AnswerRef>) -> Vec<String> {
    let refs: Vec<&AnswerRef> = refs.collect();
    Question::ALL
        .iter()
        .filter_map(|&q| {
            let mut options: Vec<&str> = Vec::new();
            for r in refs.iter().filter(|r| r.question == q) {
                if !options.contains(&r.option) {
                    options.push(r.option);
                }
            }
            let words: Vec<String> = options
                .iter()
                .map(|o| t.get(&format!("q.{}.{o}", q.id())))
                .collect();
            let title = t.get(&format!("q.{}.title", q.id()));
            // Titles are questions; a colon after a question mark reads badly.
            let gap = if title.ends_with(['?', ':', '¿']) {
                " "
            } else {
                ": "
            };
            (!options.is_empty()).then(|| format!("{title}{gap}{}", words.join(", ")))
        })
        .collect()
}

impl ResultView {
    pub fn new(t: &Text, a: &Assessment, responses: &Responses) -> Self {
        let flag_items = |safety: bool| -> Vec<Advice> {
            a.flags
                .iter()
                .filter(|f| f.id.is_safety() == safety)
                .map(|f| Advice {
                    flag: Some(f.id),
                    text: t.flag(f),
                })
                .collect()
        };
        // Readiness never changes the level and has its own advice.
        let readiness = responses
            .readiness()
            .filter(|r| *r != Readiness::Ready)
            .map(|r| Advice {
                flag: None,
                text: t.get(&format!("readiness.{}", r.id())),
            });
        let mut advice = flag_items(false);
        advice.extend(readiness);
        let offer = t.options.offer(a);
        // The provider's own program: the result's level, or the one it runs
        // after it (never instead of it).
        let program_level = a.after_emergency.unwrap_or(a.level);
        let adolescent = a.flags.iter().any(|f| f.id == Flag::Adolescent);
        let program = offer
            .as_ref()
            .and_then(|o| o.level_here.then_some(program_level).or(o.step_after))
            .and_then(|level| program_view(t, level, adolescent));
        ResultView {
            level: a.level,
            detox_first: a.detox_first,
            crisis_first: a.crisis_first,
            heading: t.get(&format!("result.heading.{}", a.level.id())),
            lead: t.get(&match a.crisis_first {
                Some(CrisisLine::Call988) => "result.lead.emergency.988".to_owned(),
                _ => format!("result.lead.{}", a.level.id()),
            }),
            urgent: a
                .crisis_first
                .map(|first| urgent_calls(t, first))
                .unwrap_or_default(),
            after_emergency: a.crisis_first.and(a.after_emergency).map(|later| {
                t.fill(
                    "result.after_emergency",
                    &[("level", &level_name(t, later))],
                )
            }),
            detox: a.detox_first.then(|| t.detox(a)).into_iter().collect(),
            offer: offer.as_ref().map(|o| OfferView {
                level_here: o.level_here,
                lines: super::offer_notes::offer_lines(t, a, o),
            }),
            safety: Section {
                heading: t.get("result.safety"),
                items: flag_items(true),
            },
            why: why(t, a),
            next: next_step(t),
            referral: Section {
                heading: t.get("result.referral"),
                items: if offer.as_ref().is_some_and(|o| o.refers()) {
                    referral_links(t)
                } else {
                    Vec::new()
                },
            },
            program,
            levels: offer.as_ref().map(|_| LevelsView {
                heading: t.get("result.levels"),
                level: program_level,
                text: super::levels_chart::levels_text(t, program_level),
            }),
            crisis: Section {
                heading: t.get("crisis.heading"),
                items: crisis_lines(t),
            },
            advice: Section {
                heading: t.get("result.advice"),
                items: advice,
            },
            note: t.get("result.not_diagnosis"),
            review: Section {
                heading: t.get("result.review"),
                items: answers(t, responses),
            },
            intake: intake(t, a),
        }
    }
}

/// Each distinct "why" sentence, the reason that set the level first, then
/// the findings most severe first (the engine's order). Readiness is left
/// out: it never changes the level, and has its own advice.
fn why(t: &Text, a: &Assessment) -> Why {
    let mut shown: Vec<&'static str> = Vec::new();
    for r in a
        .reasons
        .iter()
        .filter(|r| r.dimension != Some(Dimension::Readiness))
    {
        if !shown.contains(&r.message) {
            shown.push(r.message);
        }
    }
    let mut lead: Vec<String> = shown.iter().map(|m| t.get(m)).collect();
    let more = lead.split_off(lead.len().min(1 + KEY_FINDINGS));
    Why {
        heading: t.get("result.why"),
        more_label: t.fill("result.why.more", &[("n", &more.len().to_string())]),
        lead,
        more,
    }
}

/// The answers given, in the order asked, each in words ("Alcohol, Cannabis (marijuana)").
pub fn answers(t: &Text, responses: &Responses) -> Vec<Answer> {
    responses
        .iter()
        .map(|(q, ids)| {
            let words: Vec<String> = ids
                .iter()
                .map(|o| t.get(&format!("q.{}.{o}", q.id())))
                .collect();
            Answer {
                question: q,
                title: t.get(&format!("q.{}.title", q.id())),
                words: words.join(", "),
            }
        })
        .collect()
}

fn program_view(t: &Text, level: Level, adolescent: bool) -> Option<ProgramView> {
    let program = t.options.program_for(level)?;
    let short = if adolescent && level == Level::Iop {
        "level.iop.short.teen".to_owned()
    } else {
        format!("level.{}.short", level.id())
    };
    let hours = program.hours.map(|(lo, hi)| {
        let range = if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}–{hi}")
        };
        t.fill("result.program.hours", &[("hours", &range)])
    });
    let schedule = program
        .schedule
        .map(|s| t.get(&format!("result.program.schedule.{}", s.id())));
    let therapies = (!program.therapies.is_empty()).then(|| {
        t.fill(
            "result.program.therapies",
            &[("therapies", &program.therapies.join(", "))],
        )
    });
    Some(ProgramView {
        heading: t.get("result.program"),
        name: level_name(t, level),
        short: t.get(&short),
        details: hours.into_iter().chain(schedule).chain(therapies).collect(),
    })
}

/// The dimensions in the order intake forms list them.
const DIMENSIONS: [Dimension; 6] = [
    Dimension::Withdrawal,
    Dimension::PhysicalHealth,
    Dimension::MentalHealth,
    Dimension::Readiness,
    Dimension::Relapse,
    Dimension::Environment,
];

fn intake(t: &Text, a: &Assessment) -> Intake {
    let dimensions = DIMENSIONS
        .iter()
        .map(|&d| DimensionRow {
            name: t.get(&format!("intake.dimension.{}", d.id())),
            rating: match a.ratings {
                Some(r) => t.fill("intake.rating", &[("rating", &r.get(d).to_string())]),
                None => t.get("intake.not_rated"),
            },
            answers: answer_lines(
                t,
                a.reasons
                    .iter()
                    .filter(|r| r.dimension == Some(d))
                    .flat_map(|r| &r.answers),
            ),
        })
        .collect();
    let yes_no = |b: bool| t.get(if b { "intake.yes" } else { "intake.no" });
    let flag = |f: &Raised| {
        let name = t.get(&format!("intake.flag.{}", f.id.id()));
        let why = answer_lines(t, f.answers.iter());
        if why.is_empty() {
            name
        } else {
            format!("{name}: {}", why.join("; "))
        }
    };
    let mut flags: Vec<String> = a.flags.iter().map(flag).collect();
    if flags.is_empty() {
        flags.push(t.get("intake.no"));
    }
    // The rule's id too, as docs/clinical-rules.md names it.
    let rule = a
        .reasons
        .first()
        .map(|r| format!("{} ({})", t.get(r.message), r.id))
        .unwrap_or_default();
    let crisis = a
        .crisis_first
        .map_or_else(|| t.get("intake.no"), |c| c.id().to_owned());
    Intake {
        heading: t.get("intake.heading"),
        lead: t.get("intake.lead"),
        columns: [
            t.get("intake.dimension"),
            t.get("intake.rating.heading"),
            t.get("intake.answers"),
        ],
        dimensions,
        facts: vec![
            (t.get("intake.level"), vec![level_name(t, a.level)]),
            (t.get("intake.rule"), vec![rule]),
            (t.get("intake.detox_first"), vec![yes_no(a.detox_first)]),
            (t.get("intake.crisis_first"), vec![crisis]),
            (t.get("intake.flags"), flags),
        ],
    }
}
