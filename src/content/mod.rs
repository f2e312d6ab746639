//! The words the visitor reads, as data: one JSON catalog per language in
//! `locales/`. `build.rs` reads them with serde at build time into static
//! tables, so the widget makes no requests for its words and parses nothing
//! at start. Keys are flat (`q.age.title`, `reason.withdrawal_severe`);
//! `{name}` marks a value filled in at display time. No web types, so
//! completeness is tested natively.

mod tables {
    use super::Table;
    include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));
}

/// Strings stored end to end, and where each one ends.
#[derive(Debug)]
struct Table {
    text: &'static str,
    ends: &'static [u16],
}

impl Table {
    fn get(&self, i: usize) -> &'static str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[usize::from(start)..usize::from(self.ends[i])]
    }

    /// Where `key` is in this sorted table.
    fn position(&self, key: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.ends.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.get(mid).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }
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
    values: &'static Table,
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
        let i = tables::KEYS.position(key)?;
        Some(self.values.get(i)).filter(|v| !v.is_empty())
    }

    /// The text for `key`, else the English text, else the key itself (the
    /// completeness test makes the fallbacks unreachable for shipped keys).
    pub fn get<'a>(&self, key: &'a str) -> &'a str {
        self.lookup(key)
            .or_else(|| catalog(Locale::En).lookup(key))
            .unwrap_or(key)
    }

    /// The text for `key` with each `{name}` replaced by its value, in one
    /// pass (so a value is never searched for placeholders itself). Unknown
    /// placeholders stay as written.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut rest = self.get(key);
        let mut out = String::with_capacity(rest.len());
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let known = after.find('}').and_then(|close| {
                let name = &after[..close];
                values
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (close, *v))
            });
            match known {
                Some((close, value)) => {
                    out.push_str(value);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// Every key this catalog has a text for, for the completeness test.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        (0..tables::KEYS.ends.len())
            .map(|i| tables::KEYS.get(i))
            .filter(|k| self.lookup(k).is_some())
    }
}
