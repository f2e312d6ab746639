//! The README's options table, the demo configurator's fields and the
//! WordPress plugin's attributes (in its code and its readme.txt) each list
//! exactly the options in the spec (`src/options/spec.rs`), read here as text.

use std::collections::BTreeSet;

use iop_op_fit::options::SPEC;

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

#[test]
fn the_configurator_has_a_field_for_each_option() {
    let html = read("demo/configure.html");
    let js = read("demo/configure.js");
    let (before, rest) = html
        .split_once("<template id=\"program-fields\">")
        .expect("the program template");
    let (template, after) = rest.split_once("</template>").unwrap();
    let mut fields = BTreeSet::new();
    for name in between(&format!("{before}{after}"), "data-option=\"", "\"") {
        assert!(fields.insert(name.to_owned()), "two fields for `{name}`");
    }
    // configure.js makes each level's fields from the template; a level with
    // `hours: null` loses the Hours field.
    let programs = between(&js, "var PROGRAMS = [", "];")[0];
    let inputs: Vec<&str> = between(template, "<input", ">")
        .into_iter()
        .flat_map(|input| between(input, "data-field=\"", "\""))
        .collect();
    for program in programs.lines().filter(|l| l.contains("level:")) {
        let level = between(program, "level: \"", "\"")[0];
        for field in &inputs {
            if *field != "Hours" || !program.contains("hours: null") {
                fields.insert(format!("{level}{field}"));
            }
        }
    }
    assert_eq!(fields, spec(), "the configurator's fields");
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
