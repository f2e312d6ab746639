//! Every text exists in every language: a missing or broken translation
//! fails here, not in front of a visitor.

use std::collections::BTreeSet;
use std::path::Path;

use iop_op_fit::content::{catalog, Locale};
use iop_op_fit::engine::assessment::{Dimension, Flag, Level};
use iop_op_fit::engine::Question;

fn keys(locale: Locale) -> BTreeSet<String> {
    catalog(locale).keys().map(str::to_owned).collect()
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.match_indices('{')
        .filter_map(|(i, _)| text[i + 1..].split_once('}').map(|(name, _)| name))
        .collect()
}

/// String literals passed to a function named `call` in Rust sources, e.g. `get("x")`.
fn literal_arguments(source: &str, call: &str) -> Vec<String> {
    let pattern = format!("{call}(\"");
    source
        .match_indices(&pattern)
        .filter_map(|(i, _)| {
            source[i + pattern.len()..]
                .split_once('"')
                .map(|(s, _)| s.to_owned())
        })
        .collect()
}

/// Every file under `folder`, subfolders too (the result screen has its own).
fn sources(folder: &str) -> String {
    fn read(dir: &Path) -> String {
        std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|f| {
                let path = f.unwrap().path();
                if path.is_dir() {
                    read(&path)
                } else {
                    std::fs::read_to_string(path).unwrap()
                }
            })
            .collect()
    }
    read(&Path::new(env!("CARGO_MANIFEST_DIR")).join(folder))
}

#[test]
fn every_language_has_every_key_filled_with_the_same_placeholders() {
    let english = keys(Locale::En);
    assert!(english.len() > 200, "the English catalog did not load");
    for &locale in &Locale::ALL[1..] {
        let other = keys(locale);
        let missing: Vec<_> = english.difference(&other).collect();
        let extra: Vec<_> = other.difference(&english).collect();
        assert!(missing.is_empty(), "{locale:?} is missing {missing:?}");
        assert!(
            extra.is_empty(),
            "{locale:?} has keys English lacks: {extra:?}"
        );
        for key in &english {
            let (en, tr) = (
                catalog(Locale::En).get(key),
                catalog(locale).lookup(key).unwrap(),
            );
            assert!(!tr.trim().is_empty(), "{locale:?} {key} is empty");
            assert_eq!(
                placeholders(en),
                placeholders(tr),
                "{locale:?} {key} placeholders differ"
            );
            assert_eq!(
                en.matches('|').count(),
                tr.matches('|').count(),
                "{locale:?} {key} step count differs"
            );
        }
        assert_ne!(
            catalog(locale).get("q.age.title"),
            catalog(Locale::En).get("q.age.title"),
            "{locale:?} is untranslated"
        );
    }
}

#[test]
fn every_question_and_option_has_words() {
    let en = keys(Locale::En);
    for &q in Question::ALL {
        for suffix in ["title", "title.other", "hint"] {
            assert!(
                en.contains(&format!("q.{}.{suffix}", q.id())),
                "q.{}.{suffix}",
                q.id()
            );
        }
        for option in q.options() {
            assert!(
                en.contains(&format!("q.{}.{option}", q.id())),
                "q.{}.{option}",
                q.id()
            );
        }
    }
}

#[test]
fn every_result_reason_and_flag_has_words() {
    let en = keys(Locale::En);
    for &level in Level::ALL {
        for key in [
            format!("level.{}.name", level.id()),
            format!("result.heading.{}", level.id()),
            format!("result.lead.{}", level.id()),
        ] {
            assert!(en.contains(&key), "{key}");
        }
    }
    for &flag in Flag::ALL {
        // The visitor's advice, and its short name on the intake team's page.
        for key in [
            format!("flag.{}", flag.id()),
            format!("intake.flag.{}", flag.id()),
        ] {
            assert!(en.contains(&key), "{key}");
        }
    }
    for &dimension in Dimension::ALL {
        let key = format!("intake.dimension.{}", dimension.id());
        assert!(en.contains(&key), "{key}");
    }
    let rules = sources("src/engine");
    let reasons = literal_arguments(&rules, "reason_id!");
    assert!(
        reasons.len() > 30,
        "found only {} reason ids",
        reasons.len()
    );
    for id in &reasons {
        assert!(
            en.contains(&format!("reason.{id}")),
            "reason.{id} has no text"
        );
        // Each emergency has a heading and first steps on the emergency screen.
        if let Some(danger) = id.strip_prefix("emergency_") {
            for key in [
                format!("emergency.{danger}"),
                format!("emergency.{danger}.steps"),
            ] {
                assert!(en.contains(&key), "{key} has no text");
            }
        }
    }
    // Flag texts chosen by the engine besides `flag.<id>`, such as `flag.home_safety.teen`.
    let variants: Vec<&str> = rules
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| s.starts_with("flag.") && s.len() > "flag.".len())
        .collect();
    assert!(
        !variants.is_empty(),
        "found no flag text variants in the engine"
    );
    for key in variants {
        assert!(en.contains(key), "{key} has no text");
    }
    // The detox lines the engine picks.
    let detox: Vec<&str> = rules
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| s.starts_with("result.detox") || *s == "danger_signs")
        .collect();
    assert!(detox.len() >= 7, "found only {detox:?}");
    for key in detox {
        assert!(en.contains(key), "{key} has no text");
    }
}

#[test]
fn every_key_the_ui_names_exists() {
    let en = keys(Locale::En);
    let ui = sources("src/ui");
    let mut named: Vec<String> = ["get", "fill", "steps_key"]
        .iter()
        .flat_map(|c| literal_arguments(&ui, c))
        .collect();
    named.retain(|k| k.contains('.') || k == "progress");
    assert!(
        named.len() > 30,
        "found only {} keys in the UI",
        named.len()
    );
    for key in named {
        assert!(
            en.contains(&key),
            "the UI uses `{key}`, which en.json lacks"
        );
    }
}

#[test]
fn locale_tags_are_read_forgivingly() {
    assert_eq!(Locale::from_tag("es-MX"), Some(Locale::Es));
    assert_eq!(Locale::from_tag("pt"), Some(Locale::PtBr));
    assert_eq!(Locale::from_tag("pt-PT"), Some(Locale::PtBr));
    assert_eq!(Locale::from_tag("EN_us"), Some(Locale::En));
    assert_eq!(Locale::from_tag("zh-CN"), Some(Locale::ZhHans));
    assert_eq!(Locale::from_tag("zh-Hans"), Some(Locale::ZhHans));
    assert_eq!(Locale::from_tag("ht-HT"), Some(Locale::Ht));
    assert_eq!(Locale::from_tag("fr"), None);
    assert_eq!(Locale::from_tag(""), None);
}

#[test]
fn placeholders_are_filled_once_and_unknown_ones_stay() {
    let en = catalog(Locale::En);
    // `total` first: filling one placeholder after another would turn its value into "3".
    let text = en.fill("progress", &[("total", "{n}"), ("n", "3")]);
    assert_eq!(
        text,
        en.get("progress")
            .replace("{n}", "3")
            .replace("{total}", "{n}")
    );
    assert!(
        text.contains("{n}"),
        "a value is not searched for placeholders: {text}"
    );
    assert_eq!(
        en.fill("progress", &[]),
        en.get("progress"),
        "unknown placeholders stay as written"
    );
}

/// The 2.1 words that must be there (docs/clinical-rules.md), in every language.
#[test]
fn the_safety_words_of_version_2_1_are_there() {
    for locale in Locale::ALL {
        let c = catalog(locale);
        let home = if locale == Locale::En { "home" } else { "casa" };
        for key in [
            "flag.sedative_taper.inpatient",
            "flag.sedative_taper.inpatient.other",
        ] {
            let text = c.get(key);
            assert!(!text.contains(home), "{locale:?} {key} says {home}");
            assert!(text.contains("GHB"), "{locale:?} {key} lacks GHB");
        }
        for key in ["flag.naloxone", "flag.naloxone.other"] {
            assert!(c.get(key).contains("{use_alone}"), "{locale:?} {key}");
        }
        for key in ["use_alone.national", "use_alone.national.other"] {
            let text = c.get(key);
            assert!(text.contains("Never Use Alone") && text.contains("1-800-484-3731"));
            assert!(
                text.contains("911"),
                "{locale:?} {key}: not for an overdose now"
            );
        }
        for key in ["use_alone.massachusetts", "use_alone.massachusetts.other"] {
            let text = c.get(key);
            let (safespot, nua) = (text.find("1-800-972-0590"), text.find("1-800-484-3731"));
            assert!(
                safespot.is_some() && safespot < nua,
                "{locale:?} {key}: SafeSpot first, then Never Use Alone"
            );
        }
        for key in [
            "flag.stop_safely",
            "flag.sedative_taper",
            "flag.withdrawal_inpatient",
        ] {
            assert!(c.get(key).contains("{danger_signs}"), "{locale:?} {key}");
        }
        // The count of questions asked, 15 to 17 (tests/engine_validation.rs walks it).
        let lead = c.get("start.lead");
        assert!(
            lead.contains("15") && lead.contains("17"),
            "{locale:?}: {lead}"
        );
    }
    let en = catalog(Locale::En);
    assert!(en.get("flag.medication_support.opioids").contains(
        "Naltrexone blocks opioids. In someone who uses opioids or takes methadone or \
         buprenorphine, it brings on sudden withdrawal and stops opioid pain medicine working. \
         Acamprosate is an option; ask which fits."
    ));
    let moud = en.get("flag.moud.on_medicine");
    for words in [
        "Keep taking",
        "never stop it all at once",
        "Tell the doctor",
        "Never stop",
    ] {
        assert!(
            moud.contains(words),
            "flag.moud.on_medicine lacks {words:?}"
        );
    }
    assert!(en
        .get("flag.moud.not_sure.other")
        .starts_with("If they take"));
    assert!(en.get("danger_signs").contains("call 911"));
    // Detox words for the chosen substances only; beside the inpatient
    // words no detox program as an equal choice; on a medicine, keep it.
    for locale in Locale::ALL {
        let c = catalog(locale);
        let program = [
            "detox program",
            "programa de desintoxicación",
            "programa de desintoxicação",
        ];
        let inpatient = c.get("result.detox.alcohol.inpatient");
        assert!(
            !program.iter().any(|p| inpatient.contains(p)),
            "{locale:?}: {inpatient}"
        );
        assert!(c.get("result.detox.sedatives").contains("GHB"));
        for key in ["result.detox", "result.detox.other"] {
            let text = c.get(key);
            for drug in [
                "Xanax",
                "buprenorphine",
                "buprenorfina",
                "alcohol",
                "álcool",
            ] {
                assert!(!text.contains(drug), "{locale:?} {key} names {drug}");
            }
        }
    }
    // The overdose steps: CPR first, with 911 coaching; naloxone without
    // stopping CPR; 2 breaths after 30 pushes for the trained; rescue
    // breaths, 1 every 6 seconds, for slow breathing; Good Samaritan
    // protection from drug charges only. The withdrawal emergency names
    // the danger signs, written once.
    for locale in Locale::ALL {
        let c = catalog(locale);
        for key in ["emergency.overdose.steps", "emergency.overdose.steps.other"] {
            let text = c.get(key);
            // Each language's words for CPR, naloxone and Massachusetts.
            let (cpr, naloxone, state) = match locale {
                Locale::En => ("CPR", "naloxone", "Massachusetts"),
                Locale::Es | Locale::PtBr => ("RCP", "naloxon", "Massachusetts"),
                Locale::Ht => ("CPR", "naloksòn", "Massachusetts"),
                Locale::ZhHans => ("心肺复苏", "纳洛酮", "马萨诸塞"),
            };
            let pos = |w: &str| {
                text.find(w)
                    .unwrap_or_else(|| panic!("{locale:?} {key} lacks {w:?}"))
            };
            assert!(
                pos(cpr) < pos(naloxone),
                "{locale:?} {key}: CPR comes first"
            );
            for words in ["911", " 2 ", " 30 ", " 6 ", state] {
                pos(words);
            }
        }
        for key in [
            "emergency.withdrawal.steps",
            "emergency.withdrawal.steps.other",
        ] {
            assert!(c.get(key).ends_with("|{danger_signs}"), "{locale:?} {key}");
        }
    }
    let steps = en.get("emergency.overdose.steps");
    for words in [
        "Not breathing, or only gasping? Start CPR now",
        "Push hard and fast in the middle of the chest",
        "911 operator will coach you",
        "as soon as it is there",
        "Do not stop CPR to wait for it",
        "Give 2 breaths after every 30 pushes",
        "1 breath every 6 seconds",
        "from charges for having drugs.",
    ] {
        assert!(
            steps.contains(words),
            "emergency.overdose.steps lacks {words:?}"
        );
    }
    assert!(en
        .get("result.detox.on_medicine")
        .starts_with("Keep taking"));
    assert!(en
        .get("result.detox.on_medicine")
        .contains("continue your dose"));
}
