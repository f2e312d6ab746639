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

    let mut out = String::new();
    writeln!(
        out,
        "/// Every key, sorted, so lookups are a binary search."
    )
    .unwrap();
    writeln!(
        out,
        "pub(super) static KEYS: [&str; {}] = {:?};",
        keys.len(),
        keys
    )
    .unwrap();
    for (name, map) in &catalogs {
        let values: Vec<&str> = keys
            .iter()
            .map(|k| map.get(*k).map_or("", String::as_str))
            .collect();
        writeln!(
            out,
            "pub(super) static {name}: [&str; {}] = {:?};",
            keys.len(),
            values
        )
        .unwrap();
    }
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalogs.rs");
    std::fs::write(target, out).unwrap();
}
