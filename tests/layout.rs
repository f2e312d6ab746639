//! The modules' dependencies run one way (README, "How the code is laid
//! out"): a `use crate::…` against the direction fails here.

use std::path::Path;

/// Each module, the project modules it may import, and whether it may use Yew.
const RULES: &[(&str, &[&str], bool)] = &[
    ("src/engine", &["engine"], false),
    ("src/content", &["content"], false),
    ("src/options", &["options", "engine", "content"], false),
    ("src/browser", &["browser", "engine", "content"], false),
    (
        "src/ui",
        &["ui", "engine", "content", "options", "browser"],
        true,
    ),
];

fn sources(path: &Path) -> Vec<(String, String)> {
    if path.is_file() {
        return vec![(
            path.display().to_string(),
            std::fs::read_to_string(path).unwrap(),
        )];
    }
    std::fs::read_dir(path)
        .unwrap()
        .flat_map(|e| sources(&e.unwrap().path()))
        .collect()
}

#[test]
fn dependencies_run_one_way() {
    let mut checked = 0;
    for (module, allowed, yew) in RULES {
        for (file, text) in sources(Path::new(module)) {
            for used in text.split("crate::").skip(1) {
                let name: String = used
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                // `$crate::engine` in macros and `crate::X` paths alike.
                assert!(
                    allowed.contains(&name.as_str()),
                    "{file} uses crate::{name}, against the layout"
                );
                checked += 1;
            }
            assert!(
                *yew || !text.contains("yew::"),
                "{file} uses Yew; only src/ui may"
            );
            assert!(
                module.starts_with("src/ui")
                    || module.starts_with("src/browser")
                    || !text.contains("web_sys"),
                "{file} uses web-sys; the engine, content and options stay pure"
            );
        }
    }
    assert!(checked > 20, "found only {checked} crate paths");
}

/// `vendor/yew` is Yew as published plus `vendor/yew.patch` (vendor/PATCHED.md):
/// every change in the patch must be in the folder, so a patch file that no
/// longer says what the folder holds fails here.
#[test]
fn vendored_yew_holds_exactly_its_patch() {
    let check = std::process::Command::new("git")
        .args([
            "apply",
            "--check",
            "--reverse",
            "--directory=vendor/yew",
            "vendor/yew.patch",
        ])
        .output()
        .expect("git is needed to check vendor/yew.patch");
    assert!(
        check.status.success(),
        "vendor/yew.patch does not match vendor/yew: {}",
        String::from_utf8_lossy(&check.stderr)
    );
}
