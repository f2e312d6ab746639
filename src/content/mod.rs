//! The words the visitor reads, as data: one JSON catalog per language in
//! `locales/`. `build.rs` reads them with serde at build time into static
//! tables, so the widget makes no requests for its words and parses nothing
//! at start. Keys are flat (`q.age.title`, `reason.withdrawal_severe`);
//! `{name}` marks a value filled in at display time. No web types, so
//! completeness is tested natively.

mod tables {
    include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));
}

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
}

/// One language's texts.
#[derive(Debug)]
pub struct Catalog {
    locale: Locale,
    values: &'static [&'static str],
}

static CATALOGS: [Catalog; 3] = [
    Catalog {
        locale: Locale::En,
        values: &tables::EN,
    },
    Catalog {
        locale: Locale::Es,
        values: &tables::ES,
    },
    Catalog {
        locale: Locale::PtBr,
        values: &tables::PT_BR,
    },
];

/// The catalog for `locale`.
pub fn catalog(locale: Locale) -> &'static Catalog {
    &CATALOGS[locale as usize]
}

impl Catalog {
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The text for `key`, if this catalog has it.
    pub fn lookup(&self, key: &str) -> Option<&'static str> {
        let i = tables::KEYS.binary_search(&key).ok()?;
        Some(self.values[i]).filter(|v| !v.is_empty())
    }

    /// The text for `key`, else the English text, else the key itself (the
    /// completeness test makes the fallbacks unreachable for shipped keys).
    pub fn get<'a>(&self, key: &'a str) -> &'a str {
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

    /// Every key this catalog has a text for, for the completeness test.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        tables::KEYS
            .iter()
            .copied()
            .filter(|k| self.lookup(k).is_some())
    }
}
