//! The README's options table, the demo configurator's fields and the
//! WordPress plugin's attributes (in its code and its readme.txt) each list
//! exactly the options in the spec (`src/options/spec.rs`), read here as text;
//! the plugin also names the widget's languages as the widget does.

use std::collections::BTreeSet;

use iop_op_fit::options::{configurator_json, Kind, SPEC};

fn spec() -> BTreeSet<String> {
    SPEC.iter().map(|row| row.name.to_owned()).collect()
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text between each `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    text.split(start)
        .skip(1)
        .map(|rest| rest.split(end).next().unwrap())
        .collect()
}

/// `orgName` from `org_name` or `org-name`.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        match c {
            '_' | '-' => upper = true,
            c if upper => {
                out.push(c.to_ascii_uppercase());
                upper = false
            }
            c => out.push(c),
        }
    }
    out
}

#[test]
fn the_readme_table_lists_the_spec() {
    let readme = read("README.md");
    let section = between(&readme, "### Options\n", "\n## ")[0];
    let mut listed = BTreeSet::new();
    for row in section.lines().filter(|l| l.starts_with("| `")) {
        let first = row.split('|').nth(1).unwrap();
        for name in between(first, "`", "`").into_iter().step_by(2) {
            assert!(
                listed.insert(name.to_owned()),
                "README lists `{name}` twice"
            );
        }
    }
    assert_eq!(listed, spec(), "README's options table");
}

/// configure.js builds a control for each option from `configurator_json`
/// into the page's slot for it; each option needs a slot with its words.
#[test]
fn the_configurator_has_a_slot_for_each_option() {
    let html = read("demo/configure.html");
    let (before, rest) = html
        .split_once("<template id=\"program-fields\">")
        .expect("the program template");
    let (template, after) = rest.split_once("</template>").unwrap();
    let mut slots = BTreeSet::new();
    for name in between(&format!("{before}{after}"), "data-option=\"", "\"") {
        assert!(slots.insert(name.to_owned()), "two slots for `{name}`");
    }
    // The template's fields, once for each level (the `levels` option's values)
    // that has an option of that name.
    let levels = match SPEC.iter().find(|row| row.name == "levels").unwrap().kind {
        Kind::List { values, .. } => values,
        _ => panic!("`levels` is a list"),
    };
    for field in between(template, "data-field=\"", "\"") {
        let named: Vec<String> = levels
            .iter()
            .map(|level| format!("{level}{field}"))
            .filter(|name| spec().contains(name))
            .collect();
        assert!(
            !named.is_empty(),
            "the template's {field} is no level's option"
        );
        slots.extend(named);
    }
    assert_eq!(slots, spec(), "the configurator's slots");
}

/// Every kind the configurator is given has a control in configure.js.
#[test]
fn the_configurator_has_a_control_for_each_kind() {
    let table: serde_json::Value = serde_json::from_str(&configurator_json()).unwrap();
    let options = table["options"].as_array().unwrap();
    let names: Vec<&str> = options
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, SPEC.iter().map(|row| row.name).collect::<Vec<_>>());
    let kinds: BTreeSet<&str> = options
        .iter()
        .map(|o| o["kind"].as_str().unwrap())
        .collect();
    let js = read("demo/configure.js");
    let controls = between(&js, "var CONTROLS = {\n", "\n  };")[0];
    let built: BTreeSet<&str> = controls
        .lines()
        .filter_map(|line| line.strip_prefix("    ")?.split_once(':'))
        .map(|(kind, _)| kind)
        .filter(|kind| kind.chars().all(|c| c.is_ascii_alphabetic()))
        .collect();
    assert_eq!(built, kinds, "configure.js's CONTROLS");
}

#[test]
fn the_wordpress_shortcode_takes_each_option() {
    let php = read("integrations/wordpress/iop-op-fit/iop-op-fit.php");
    let list = between(&php, "function iop_op_fit_widget_options() {", "\n}")[0];
    let mut names = BTreeSet::new();
    for line in list.lines().filter(|l| l.contains("=>")) {
        let quoted = between(line, "'", "'");
        let (attribute, data) = (quoted[0], quoted[2]);
        let data = data.strip_prefix("data-").expect("a data- attribute");
        assert_eq!(camel(attribute), camel(data), "{line}");
        names.insert(camel(attribute));
    }
    assert_eq!(names, spec(), "the WordPress plugin's attributes");
}

#[test]
fn the_wordpress_readme_lists_each_attribute() {
    let readme = read("integrations/wordpress/iop-op-fit/readme.txt");
    let answer = between(
        &readme,
        "= Which attributes does the shortcode take? =",
        "\n= ",
    )[0];
    let mut names = BTreeSet::new();
    for name in between(answer, "`", "`").into_iter().step_by(2) {
        assert!(names.insert(camel(name)), "readme.txt lists `{name}` twice");
    }
    assert_eq!(names, spec(), "the attributes in readme.txt");
}

/// The plugin's language choices (for `locale` and `languages`) are the
/// widget's languages, each named in itself as the widget's switch names it.
#[test]
fn the_wordpress_languages_are_the_widget_s() {
    use iop_op_fit::content::Locale;
    let php = read("integrations/wordpress/iop-op-fit/iop-op-fit.php");
    let block = between(&php, "case 'locale':", ");")[0];
    let listed: Vec<(String, String)> = block
        .lines()
        .filter(|l| l.trim_start().starts_with("'") && !l.trim_start().starts_with("''"))
        .map(|l| {
            let quoted = between(l, "'", "'");
            (quoted[0].to_owned(), quoted[2].to_owned())
        })
        .collect();
    let widget: Vec<(String, String)> = Locale::ALL
        .iter()
        .map(|l| (l.tag().to_owned(), l.own_name().to_owned()))
        .collect();
    assert_eq!(listed, widget, "the plugin's languages");
}
