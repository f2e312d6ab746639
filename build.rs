//! Compiles the text catalogs (`src/content/locales/*.json`, one per
//! language) into static tables and the `Locale` enum, so adding a language is
//! adding its file. The widget parses no JSON at start and carries no JSON
//! parser for its words. A key missing from a language becomes "" (the content
//! test then fails, and at run time English stands in).
//!
//! The browser's widget (wasm32) carries only English, the default and the
//! fallback for a missing key, and each language's own name for the switch;
//! every other language is a file in `core/` that the loader fetches when it
//! is needed (`src/content/mod.rs`, `add`). Native builds (tests, the
//! prerender) and the `all-languages` feature carry every language.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

fn main() {
    let dir = Path::new("src/content/locales");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut tags: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|f| {
            let name = f.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".json").map(str::to_owned)
        })
        .collect();
    // English first: it is `Locale::En`, the default, and index 0.
    tags.sort_by_key(|t| (t != "en", t.clone()));
    assert_eq!(tags[0], "en", "src/content/locales/en.json is missing");
    let catalogs: Vec<(String, BTreeMap<String, String>)> = tags
        .iter()
        .map(|tag| {
            let path = dir.join(format!("{tag}.json"));
            println!("cargo::rerun-if-changed={}", path.display());
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let map: BTreeMap<String, String> = serde_json::from_str(&text).unwrap_or_else(|e| {
                panic!("{} is not a JSON object of strings: {e}", path.display())
            });
            for (key, value) in &map {
                assert!(
                    !value.contains(SEPARATOR),
                    "{}: {key} holds U+001F, which the language files use between texts",
                    path.display()
                );
            }
            (tag.clone(), map)
        })
        .collect();
    let keys: Vec<&String> = catalogs
        .iter()
        .flat_map(|(_, m)| m.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    let bundle_all = !wasm || std::env::var_os("CARGO_FEATURE_ALL_LANGUAGES").is_some();

    // Each table is its strings end to end plus where each ends (u16): in the
    // wasm that is a quarter of the bytes of an array of `&str` (8 bytes each).
    let table = |strings: &[&str]| {
        let text: String = strings.concat();
        assert!(
            text.len() <= usize::from(u16::MAX),
            "a catalog outgrew u16 offsets"
        );
        let ends: Vec<u16> = strings
            .iter()
            .scan(0, |end, s| {
                *end += s.len();
                Some(*end as u16)
            })
            .collect();
        format!("Table {{ text: {text:?}, ends: &{ends:?} }}")
    };
    let variant = |tag: &str| -> String {
        tag.split('-')
            .map(|part| {
                let mut c = part.chars();
                let first = c.next().unwrap().to_ascii_uppercase();
                std::iter::once(first)
                    .chain(c.map(|c| c.to_ascii_lowercase()))
                    .collect::<String>()
            })
            .collect()
    };
    let variants: Vec<String> = tags.iter().map(|t| variant(t)).collect();
    let n = tags.len();

    // The enum, at the content module's level.
    let mut locales = String::new();
    writeln!(
        locales,
        "/// A language the widget is written in: one per catalog in `locales/`."
    )
    .unwrap();
    writeln!(
        locales,
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]"
    )
    .unwrap();
    writeln!(locales, "pub enum Locale {{").unwrap();
    for (tag, v) in tags.iter().zip(&variants) {
        writeln!(locales, "    /// `{tag}`\n    {v},").unwrap();
    }
    writeln!(locales, "}}\n\nimpl Locale {{").unwrap();
    writeln!(
        locales,
        "    /// Every language, English first, then by tag: the switch's order."
    )
    .unwrap();
    writeln!(
        locales,
        "    pub const ALL: [Locale; {n}] = [{}];",
        variants
            .iter()
            .map(|v| format!("Locale::{v}"))
            .collect::<Vec<_>>()
            .join(", ")
    )
    .unwrap();
    writeln!(
        locales,
        "    /// Each language's BCP 47 tag, in the order of `ALL`."
    )
    .unwrap();
    writeln!(
        locales,
        "    pub const TAGS: [&'static str; {n}] = {tags:?};"
    )
    .unwrap();
    writeln!(
        locales,
        "    /// The BCP 47 tag, as used in the `locale` option and the `lang` attribute."
    )
    .unwrap();
    writeln!(
        locales,
        "    pub fn tag(self) -> &'static str {{\n        Locale::TAGS[self as usize]\n    }}\n}}"
    )
    .unwrap();

    let mut out = String::new();
    writeln!(
        out,
        "/// Every key, sorted, so lookups are a binary search."
    )
    .unwrap();
    let key_strs: Vec<&str> = keys.iter().map(|k| k.as_str()).collect();
    writeln!(out, "pub(super) static KEYS: Table = {};", table(&key_strs)).unwrap();
    // Names the key set, so a language file written for other keys is refused.
    let mut id: u64 = 0xcbf2_9ce4_8422_2325; // FNV-1a
    for byte in key_strs.join("\u{1f}").bytes() {
        id = (id ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
    }
    writeln!(out, "pub(super) const KEYS_ID: &str = \"{id:016x}\";").unwrap();
    writeln!(
        out,
        "/// Between the texts of a language file (`compact`), and in no text."
    )
    .unwrap();
    writeln!(out, "pub(super) const SEPARATOR: char = {SEPARATOR:?};").unwrap();
    let mut bundled = Vec::new();
    for (i, (_, map)) in catalogs.iter().enumerate() {
        if i > 0 && !bundle_all {
            bundled.push("None".to_owned());
            continue;
        }
        let values: Vec<&str> = keys
            .iter()
            .map(|k| map.get(*k).map_or("", String::as_str))
            .collect();
        writeln!(out, "static TABLE_{i}: Table = {};", table(&values)).unwrap();
        bundled.push(format!("Some(&TABLE_{i})"));
    }
    writeln!(out, "/// The languages compiled in, by `Locale`.").unwrap();
    writeln!(
        out,
        "pub(super) static BUNDLED: [Option<&Table>; {n}] = [{}];",
        bundled.join(", ")
    )
    .unwrap();
    let names: Vec<&str> = catalogs
        .iter()
        .map(|(tag, m)| {
            m.get("meta.name")
                .unwrap_or_else(|| {
                    panic!("{tag}.json has no meta.name, its own name for the switch")
                })
                .as_str()
        })
        .collect();
    writeln!(out, "/// Each language's name in itself, for the switch.").unwrap();
    writeln!(out, "pub(super) static NAMES: [&str; {n}] = {names:?};").unwrap();

    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("catalogs.rs"), out).unwrap();
    std::fs::write(Path::new(&out_dir).join("locales.rs"), locales).unwrap();
}

/// Between the texts of a language file (`src/content/mod.rs`, `compact`),
/// given to it as `tables::SEPARATOR`.
const SEPARATOR: char = '\u{1f}';
