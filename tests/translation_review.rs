//! The translation review of docs/translating.md, for every language but
//! English: its file in `src/content/review/` gives a word for every term of
//! the glossary (`terms.json`), each found in the language's catalog, and a
//! back-translation into English of every safety text, made from the text the
//! catalog holds now. A language added without them, or a safety text
//! changed without being back-translated again, fails here, naming what is
//! missing.

use std::collections::BTreeMap;

use iop_op_fit::content::Locale;
use serde_json::Value;

/// The safety texts: the flags, the emergency screens, the crisis lines, the
/// line for not using alone, the danger signs and the detox words.
const SAFETY: [&str; 6] = [
    "flag.",
    "emergency.",
    "crisis.",
    "use_alone.",
    "danger_signs",
    "result.detox",
];

fn read(path: &str) -> Value {
    let path = format!("{}/src/content/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn catalog(locale: Locale) -> BTreeMap<String, String> {
    serde_json::from_value(read(&format!("locales/{}.json", locale.tag()))).unwrap()
}

fn others() -> impl Iterator<Item = Locale> {
    Locale::ALL.into_iter().filter(|&l| l != Locale::En)
}

#[test]
fn every_language_has_a_word_for_every_term_and_uses_it() {
    let terms = read("review/terms.json");
    let terms = terms.as_object().unwrap();
    assert!(terms.len() >= 20, "{} glossary terms", terms.len());
    for locale in others() {
        let tag = locale.tag();
        let review = read(&format!("review/{tag}.json"));
        let glossary = review["glossary"]
            .as_object()
            .unwrap_or_else(|| panic!("review/{tag}.json has no \"glossary\" object"));
        let missing: Vec<&String> = terms
            .keys()
            .filter(|t| !glossary.contains_key(*t))
            .collect();
        assert!(
            missing.is_empty(),
            "review/{tag}.json: no word for {missing:?}"
        );
        let unknown: Vec<&String> = glossary
            .keys()
            .filter(|t| !terms.contains_key(*t))
            .collect();
        assert!(
            unknown.is_empty(),
            "review/{tag}.json: {unknown:?} are not in terms.json"
        );
        let text = catalog(locale)
            .into_values()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        for (term, word) in glossary {
            let word = word.as_str().unwrap().to_lowercase();
            assert!(
                text.contains(&word),
                "{tag}: the glossary's word for {term}, {word:?}, is not in locales/{tag}.json"
            );
        }
    }
}

#[test]
fn every_safety_text_is_back_translated_from_its_current_words() {
    let english = catalog(Locale::En);
    let safety: Vec<&String> = english
        .keys()
        .filter(|k| SAFETY.iter().any(|p| k.starts_with(p)))
        .collect();
    assert!(safety.len() > 100, "{} safety texts", safety.len());
    for locale in others() {
        let tag = locale.tag();
        let words = catalog(locale);
        let review = read(&format!("review/{tag}.json"));
        let back = review["back_translation"]
            .as_object()
            .unwrap_or_else(|| panic!("review/{tag}.json has no \"back_translation\" object"));
        let missing: Vec<&&String> = safety.iter().filter(|k| !back.contains_key(**k)).collect();
        assert!(
            missing.is_empty(),
            "review/{tag}.json: back-translate {missing:?}"
        );
        for (key, entry) in back {
            assert!(
                safety.contains(&key),
                "review/{tag}.json: {key} is not a safety text"
            );
            let en = entry["en"].as_str().unwrap_or("");
            assert!(
                !en.trim().is_empty() && !en.starts_with("PENDING"),
                "review/{tag}.json: {key} has no back-translation yet ({en:?}); have it made, blind"
            );
            assert_eq!(
                entry["text"].as_str(),
                words.get(key).map(String::as_str),
                "{tag}: {key} changed since it was back-translated; back-translate it again"
            );
        }
    }
}
