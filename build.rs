//! Compiles the text catalogs (`src/content/locales/*.json`) into static
//! tables, so the widget parses no JSON at start and carries no JSON parser
//! for its words. A key missing from a language becomes "" (the content test
//! then fails, and at run time English stands in).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

const LOCALES: [(&str, &str); 3] = [("EN", "en"), ("ES", "es"), ("PT_BR", "pt-BR")];

fn main() {
    let dir = Path::new("src/content/locales");
    let catalogs: Vec<(&str, BTreeMap<String, String>)> = LOCALES
        .iter()
        .map(|(name, file)| {
            let path = dir.join(format!("{file}.json"));
            println!("cargo::rerun-if-changed={}", path.display());
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let map = serde_json::from_str(&text).unwrap_or_else(|e| {
                panic!("{} is not a JSON object of strings: {e}", path.display())
            });
            (*name, map)
        })
        .collect();
    let keys: Vec<&String> = catalogs
        .iter()
        .flat_map(|(_, m)| m.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();

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
    let mut out = String::new();
    writeln!(
        out,
        "/// Every key, sorted, so lookups are a binary search."
    )
    .unwrap();
    let key_strs: Vec<&str> = keys.iter().map(|k| k.as_str()).collect();
    writeln!(out, "pub(super) static KEYS: Table = {};", table(&key_strs)).unwrap();
    for (name, map) in &catalogs {
        let values: Vec<&str> = keys
            .iter()
            .map(|k| map.get(*k).map_or("", String::as_str))
            .collect();
        writeln!(out, "pub(super) static {name}: Table = {};", table(&values)).unwrap();
    }
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalogs.rs");
    std::fs::write(target, out).unwrap();
}
