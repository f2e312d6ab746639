//! The words the visitor reads, as data: one JSON catalog per language in
//! `locales/`. `build.rs` reads them with serde at build time into static
//! tables, so the widget parses no JSON at start. Keys are flat
//! (`q.age.title`, `reason.withdrawal_severe`); `{name}` marks a value filled
//! in at display time. No web types, so completeness is tested natively.
//!
//! The browser's widget carries English only (and each language's own name):
//! each other language is a file beside the wasm, in the compact form
//! [`compact`] writes, which the loader fetches when that language is needed
//! and [`add`] reads. Every visitor then downloads one language's words, not
//! all of them.

use std::sync::OnceLock;

mod tables {
    use super::Table;
    include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));
}

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

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

impl Locale {
    /// The best locale for a language tag such as `es-MX`, `pt`, `zh-CN` or
    /// `EN_us`, by its first part: Portuguese of any region gets Brazilian
    /// Portuguese, and Chinese gets Simplified Chinese, the ones written.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Locale::ALL.into_iter().find(|l| {
            let own = l.tag().split('-').next().unwrap_or_default();
            own.eq_ignore_ascii_case(primary)
        })
    }

    /// The language's name in itself ("Español"), known before its texts are.
    pub fn own_name(self) -> &'static str {
        tables::NAMES[self as usize]
    }
}

/// The languages added at run time ([`add`]), by `Locale`.
static ADDED: [OnceLock<Table>; Locale::ALL.len()] = [const { OnceLock::new() }; Locale::ALL.len()];

/// `locale`'s texts, if they are compiled in or have been added.
fn table(locale: Locale) -> Option<&'static Table> {
    tables::BUNDLED[locale as usize].or_else(|| ADDED[locale as usize].get())
}

/// Whether `locale`'s texts are here (compiled in, or added), so the widget
/// can show it now.
pub fn has(locale: Locale) -> bool {
    table(locale).is_some()
}

/// The first line of a language file: this, the language's tag and the key set's id.
const HEADER: &str = "iop-op-fit language 1";

/// `locale`'s texts as a language file, if they are compiled in: the header
/// line, then every text in the order of the sorted keys, each followed by
/// `tables::SEPARATOR`, U+001F (which no text holds: `build.rs` checks). The build writes one
/// file per language but English (`src/bin/prerender.rs`).
pub fn compact(locale: Locale) -> Option<String> {
    let values = tables::BUNDLED[locale as usize]?;
    let mut out = format!("{HEADER} {} {}\n", locale.tag(), tables::KEYS_ID);
    for i in 0..tables::KEYS.ends.len() {
        out.push_str(values.get(i));
        out.push(tables::SEPARATOR);
    }
    Some(out)
}

/// Adds a language from its file ([`compact`]'s form), for the rest of the
/// page's life, and says which it was; a file for another build's keys, or
/// damaged, is refused with the reason and the fix. A file for a language
/// already here is not read further (two widgets in one language add it twice).
pub fn add(file: &str) -> Result<Locale, String> {
    let (locale, body) = header(file)?;
    if !has(locale) {
        let (text, ends) = texts(locale, body)?;
        // Kept for the page's life, as the compiled-in languages are.
        let _ = ADDED[locale as usize].set(Table {
            text: Box::leak(text.into_boxed_str()),
            ends: Box::leak(ends.into_boxed_slice()),
        });
    }
    Ok(locale)
}

/// Why a language file is refused, with the fix.
fn refused(why: &str) -> String {
    format!("a language file was refused: {why}. Upload iop-op-fit.js and its core/ folder from the same release.")
}

/// A language file's language, from its header line, and the rest of it.
fn header(file: &str) -> Result<(Locale, &str), String> {
    let (header, body) = file
        .split_once('\n')
        .ok_or_else(|| refused("it has no header line"))?;
    let mut words = header
        .strip_prefix(HEADER)
        .unwrap_or_default()
        .split(' ')
        .skip(1);
    let (Some(tag), Some(id), None) = (words.next(), words.next(), words.next()) else {
        return Err(refused("it is not an iop-op-fit language file"));
    };
    let locale = Locale::ALL
        .into_iter()
        .find(|l| l.tag() == tag)
        .ok_or_else(|| refused(&format!("this widget has no language `{tag}`")))?;
    if id != tables::KEYS_ID {
        return Err(refused(&format!(
            "`{tag}` was written for another release's texts"
        )));
    }
    Ok((locale, body))
}

/// A language file's texts (after its header) as a table's text and ends.
fn texts(locale: Locale, body: &str) -> Result<(String, Vec<u16>), String> {
    let tag = locale.tag();
    let texts = body
        .strip_suffix(tables::SEPARATOR)
        .ok_or_else(|| refused(&format!("`{tag}` is cut short")))?;
    let mut ends = Vec::with_capacity(tables::KEYS.ends.len());
    let mut text = String::with_capacity(texts.len());
    for part in texts.split(tables::SEPARATOR) {
        text.push_str(part);
        ends.push(u16::try_from(text.len()).map_err(|_| refused(&format!("`{tag}` is too long")))?);
    }
    if ends.len() != tables::KEYS.ends.len() {
        return Err(refused(&format!(
            "`{tag}` does not hold one text for each key"
        )));
    }
    Ok((text, ends))
}

/// One language's texts.
#[derive(Debug)]
pub struct Catalog {
    locale: Locale,
}

static CATALOGS: [Catalog; Locale::ALL.len()] = {
    let mut all = [const { Catalog { locale: Locale::En } }; Locale::ALL.len()];
    let mut i = 0;
    while i < all.len() {
        all[i] = Catalog {
            locale: Locale::ALL[i],
        };
        i += 1;
    }
    all
};

/// The catalog for `locale`. Until a language's texts are here, its
/// catalog gives the English texts.
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
        Some(table(self.locale)?.get(i)).filter(|v| !v.is_empty())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A whole file read as `add` reads it, into a table.
    fn read(file: &str) -> Result<(Locale, Table), String> {
        let (locale, body) = header(file)?;
        let (text, ends) = texts(locale, body)?;
        let (text, ends) = (
            Box::leak(text.into_boxed_str()),
            Box::leak(ends.into_boxed_slice()),
        );
        Ok((locale, Table { text, ends }))
    }

    /// Each language file the build writes reads back as the same texts, key by key.
    #[test]
    fn a_language_file_reads_back_as_its_catalog() {
        for &locale in &Locale::ALL[1..] {
            let file = compact(locale).unwrap();
            let (read_as, table) = read(&file).unwrap();
            assert_eq!(read_as, locale);
            let bundled = tables::BUNDLED[locale as usize].unwrap();
            for i in 0..tables::KEYS.ends.len() {
                assert_eq!(
                    table.get(i),
                    bundled.get(i),
                    "{locale:?} {}",
                    tables::KEYS.get(i)
                );
            }
        }
    }

    /// A file from another release, cut short, padded or not ours is refused,
    /// and the message says what to do.
    #[test]
    fn a_wrong_language_file_is_refused_with_the_fix() {
        let good = compact(Locale::Es).unwrap();
        let (header, body) = good.split_once('\n').unwrap();
        let other_keys = good.replacen(tables::KEYS_ID, "0000000000000000", 1);
        let short = [header, "\n", &body[..body.len() / 2]].concat();
        let dropped = good
            .strip_suffix(tables::SEPARATOR)
            .unwrap()
            .rsplit_once(tables::SEPARATOR)
            .unwrap()
            .0
            .to_owned()
            + "\u{1f}";
        let extra = [good.as_str(), "more\u{1f}"].concat();
        let unknown = good.replacen(" es ", " xx ", 1);
        for (file, why) in [
            (other_keys.as_str(), "another release"),
            (short.as_str(), "cut short"),
            (dropped.as_str(), "one text for each key"),
            (extra.as_str(), "one text for each key"),
            (unknown.as_str(), "no language `xx`"),
            (
                "<!doctype html>\n<p>Not found</p>",
                "not an iop-op-fit language file",
            ),
            ("", "no header line"),
        ] {
            let error = read(file)
                .err()
                .unwrap_or_else(|| panic!("{why}: accepted"));
            assert!(
                error.contains(why) && error.contains("same release"),
                "{why}: {error}"
            );
        }
    }
}
