//! The words the visitor reads, as data: one JSON catalog per language in
//! `locales/`, compiled in so the widget makes no requests for them. Keys
//! are flat (`q.age.title`, `reason.withdrawal_severe`); `{name}` marks a
//! value filled in at display time. No web types, so completeness is tested natively.

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A language the widget is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Locale {
    En,
    Es,
    PtBr,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Es, Locale::PtBr];

    /// The BCP 47 tag, as used in the `locale` option and the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
            Locale::PtBr => "pt-BR",
        }
    }

    /// The best locale for a language tag such as `es-MX`, `pt`, or `EN_us`.
    /// Portuguese of any region gets Brazilian Portuguese, the one written.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "es" => Some(Locale::Es),
            "pt" => Some(Locale::PtBr),
            _ => None,
        }
    }

    fn source(self) -> &'static str {
        match self {
            Locale::En => include_str!("locales/en.json"),
            Locale::Es => include_str!("locales/es.json"),
            Locale::PtBr => include_str!("locales/pt-BR.json"),
        }
    }
}

/// One language's texts.
#[derive(Debug)]
pub struct Catalog {
    locale: Locale,
    texts: BTreeMap<String, String>,
}

static CATALOGS: [OnceLock<Catalog>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];

/// The catalog for `locale`, parsed on first use (only the languages shown are parsed).
pub fn catalog(locale: Locale) -> &'static Catalog {
    let slot = &CATALOGS[Locale::ALL.iter().position(|&l| l == locale).unwrap_or(0)];
    slot.get_or_init(|| Catalog {
        locale,
        // The catalogs are compiled in and tested; a broken one falls back to English key by key.
        texts: serde_json::from_str(locale.source()).unwrap_or_default(),
    })
}

impl Catalog {
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The text for `key`, if this catalog has it.
    pub fn lookup(&self, key: &str) -> Option<&str> {
        self.texts.get(key).map(String::as_str)
    }

    /// The text for `key`, else the English text, else the key itself (the
    /// completeness test makes the fallbacks unreachable for shipped keys).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.lookup(key)
            .or_else(|| catalog(Locale::En).lookup(key))
            .unwrap_or(key)
    }

    /// The text for `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut text = self.get(key).to_owned();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// Every key, for the completeness test.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.texts.keys().map(String::as_str)
    }
}
