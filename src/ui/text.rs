//! The words for this visitor: their language, the provider's name, and
//! "they" wording when answering for someone else. Shared through a Yew context.

use std::rc::Rc;

use yew::prelude::*;

use crate::content::{catalog, Catalog, Locale};
use crate::engine::{Assessment, Raised};
use crate::options::{CrisisRegion, Options};

#[derive(Clone, Debug)]
pub struct Text {
    pub catalog: &'static Catalog,
    pub options: Rc<Options>,
    /// Answering for someone else: prefer each key's `.other` wording.
    pub other: bool,
}

impl PartialEq for Text {
    fn eq(&self, o: &Self) -> bool {
        self.catalog.locale() == o.catalog.locale()
            && Rc::ptr_eq(&self.options, &o.options)
            && self.other == o.other
    }
}

impl Text {
    pub fn new(locale: Locale, options: Rc<Options>, other: bool) -> Self {
        Text {
            catalog: catalog(locale),
            options,
            other,
        }
    }

    pub fn locale(&self) -> Locale {
        self.catalog.locale()
    }

    /// The provider's name, or a neutral stand-in in this language.
    pub fn org(&self) -> &str {
        self.options
            .org_name
            .as_deref()
            .unwrap_or_else(|| self.catalog.get("org.default"))
    }

    /// The text for `key`, in "they" wording when that applies and exists.
    pub fn get(&self, key: &str) -> String {
        self.fill(key, &[])
    }

    /// The text for `key` with `{name}` placeholders filled (and `{org}`
    /// always). `{org}` starting a sentence is capitalised, so the default
    /// "our team" reads "Our team does not offer…".
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let org = self.org();
        let mut all = vec![("org", org)];
        all.extend_from_slice(values);
        let other = self.other.then(|| [key, ".other"].concat());
        let key = match &other {
            Some(other) if self.catalog.lookup(other).is_some() => other,
            _ => key,
        };
        let raw = self.catalog.get(key);
        let filled = self.catalog.fill(key, &all);
        if !raw.starts_with("{org}") && !raw.contains(". {org}") {
            return filled;
        }
        let mut chars = org.chars();
        let capital: String = match chars.next() {
            Some(c) => std::iter::once(capital(c)).chain(chars).collect(),
            None => return filled,
        };
        let filled = filled.replace(&format!(". {org}"), &format!(". {capital}"));
        match filled.strip_prefix(org) {
            Some(rest) if raw.starts_with("{org}") => format!("{capital}{rest}"),
            _ => filled,
        }
    }

    /// The privacy sentence, true with every option: with `emitEvents` on,
    /// it also says what the website is told.
    pub fn privacy(&self) -> String {
        let note = self.get("privacy.note");
        if self.options.emit_events {
            format!("{note} {}", self.get("privacy.events"))
        } else {
            note
        }
    }

    /// Safety advice (a flag, a detox line, emergency steps). The engine
    /// never sees options, so the words that depend on them are filled in
    /// here: the overdose-prevention line for people who use alone
    /// (`{use_alone}`, in Massachusetts SafeSpot first). The danger signs
    /// after cutting down (`{danger_signs}`) are written once for the texts
    /// that name them.
    pub fn advice(&self, key: &str) -> String {
        let use_alone = match self.options.crisis_region {
            CrisisRegion::National => self.get("use_alone.national"),
            CrisisRegion::Massachusetts => self.get("use_alone.massachusetts"),
        };
        let danger_signs = self.get("danger_signs");
        self.fill(
            key,
            &[("use_alone", &use_alone), ("danger_signs", &danger_signs)],
        )
    }

    /// A flag's words.
    pub fn flag(&self, f: &Raised) -> String {
        self.advice(f.message)
    }

    /// The detox words the engine chose for this result, as one paragraph.
    pub fn detox(&self, a: &Assessment) -> String {
        let lines: Vec<String> = a.detox.iter().map(|l| self.advice(l.message)).collect();
        lines.join(" ")
    }
}

/// The visitor's words, from the nearest provider.
#[hook]
pub fn use_text() -> Text {
    use_context::<Text>().expect("components render inside the widget's text provider")
}

/// `c` as a capital, for the letters that start names in the widget's
/// languages (ASCII and Latin-1: `é` gives `É`, `ñ` gives `Ñ`); any other
/// character stays as it is. `char::to_uppercase` would add Unicode's whole
/// case table to the wasm, about 5 KB gzip, for a site owner's name that
/// nearly always starts with a capital already.
fn capital(c: char) -> char {
    match c {
        'a'..='z' | '\u{e0}'..='\u{f6}' | '\u{f8}'..='\u{fe}' => char::from(c as u8 - 0x20),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::Text;
    use crate::content::Locale;
    use crate::engine::{Flag, Raised};
    use crate::options::Options;

    fn flag(message: &'static str, region: &str, other: bool) -> String {
        let (options, _) = Options::parse([("crisisRegion", region)]);
        let raised = Raised {
            id: Flag::Naloxone,
            message,
            answers: Vec::new(),
        };
        Text::new(Locale::En, Rc::new(options), other).flag(&raised)
    }

    /// Never Use Alone everywhere; in Massachusetts SafeSpot first, Never
    /// Use Alone if it cannot be reached; in "they" words for someone else.
    #[test]
    fn the_naloxone_advice_names_the_region_s_overdose_prevention_line() {
        let national = flag("flag.naloxone", "national", false);
        assert!(
            national.contains("Never Use Alone at 1-800-484-3731"),
            "{national}"
        );
        assert!(
            !national.contains("SafeSpot") && !national.contains('{'),
            "{national}"
        );
        let ma = flag("flag.naloxone", "massachusetts", false);
        let (safespot, nua) = (ma.find("1-800-972-0590"), ma.find("1-800-484-3731"));
        assert!(safespot.is_some() && safespot < nua, "{ma}");
        let other = flag("flag.naloxone", "massachusetts", true);
        assert!(other.contains("If they do use alone"), "{other}");
        assert!(!other.contains('{'), "{other}");
    }

    /// `{org}` starting a sentence reads right with the default words and with a name.
    #[test]
    fn a_provider_starting_a_sentence_is_capitalised() {
        for (locale, default) in [
            (Locale::En, "Our team does not offer"),
            (Locale::Es, "Nuestro equipo no ofrece"),
            (Locale::PtBr, "Nossa equipe não oferece"),
        ] {
            let t = Text::new(locale, Rc::new(Options::default()), false);
            let text = t.fill("result.not_offered", &[("level", "IOP")]);
            assert!(text.starts_with(default), "{text}");
            let medicines = t.fill("result.medicines.here", &[("medicines", "x")]);
            assert!(
                medicines.contains(&default[..default.find(' ').unwrap() + 5]),
                "{medicines}"
            );
        }
        let (named, _) = Options::parse([("orgName", "harbor House")]);
        let t = Text::new(Locale::En, Rc::new(named), false);
        assert!(t
            .get("result.detox.here")
            .starts_with("Harbor House can help"));
        assert_eq!(t.get("result.call"), "Call harbor House");
        for (name, capitalised) in [
            ("ángel house", "Ángel"),
            ("øst", "Øst"),
            ("ÿ", "ÿ"),
            ("希望", "希望"),
        ] {
            let (named, _) = Options::parse([("orgName", name)]);
            let t = Text::new(Locale::En, Rc::new(named), false);
            let text = t.get("result.detox.here");
            assert!(text.starts_with(capitalised), "{text}");
        }
    }

    #[test]
    fn the_danger_signs_end_the_flags_that_name_them() {
        for message in [
            "flag.stop_safely",
            "flag.sedative_taper",
            "flag.withdrawal_inpatient",
        ] {
            let text = flag(message, "national", false);
            assert!(
                text.ends_with("If any of these happen, call 911."),
                "{text}"
            );
            let text = flag(message, "national", true);
            assert!(text.contains("After they cut down"), "{text}");
        }
        let (options, _) = Options::parse([("crisisRegion", "national")]);
        let t = Text::new(Locale::En, Rc::new(options), false);
        let steps = t.advice("emergency.withdrawal.steps");
        assert!(steps.ends_with(&t.get("danger_signs")), "{steps}");
    }
}
