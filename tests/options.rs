//! Site owners' options: good values are read, and each bad one gives one
//! warning naming the option and what is allowed, with a safe default.

use iop_op_fit::content::Locale;
use iop_op_fit::options::{tel_href, CrisisRegion, Options, Schedule, SPEC};

fn parse(pairs: &[(&str, &str)]) -> (Options, Vec<String>) {
    Options::parse(pairs.iter().copied())
}

#[track_caller]
fn one_warning(pairs: &[(&str, &str)], names: &str, says: &str) -> Options {
    let (options, warnings) = parse(pairs);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains(&format!("`{names}`")),
        "{:?} does not name {names}",
        warnings[0]
    );
    assert!(
        warnings[0].contains(says),
        "{:?} does not say {says:?}",
        warnings[0]
    );
    options
}

#[test]
fn good_options_are_read() {
    let (o, warnings) = parse(&[
        ("orgName", "Harbor Light"),
        ("phone", "+1 (555) 010-0100"),
        ("contactUrl", "/contact"),
        ("locale", "es-MX"),
        ("themeColor", "#6B2C91"),
        ("servesAdolescents", "false"),
        ("crisisRegion", "massachusetts"),
        ("storage", "false"),
        ("emitEvents", "true"),
        ("iopName", "Day treatment"),
        ("iopHours", "9-12"),
        ("iopSchedule", "evening"),
        ("iopTherapies", "groups, family sessions ,"),
        ("opHours", "4"),
    ]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(o.org_name.as_deref(), Some("Harbor Light"));
    assert_eq!(tel_href(o.phone.as_deref().unwrap()), "tel:+15550100100");
    assert_eq!(o.locale, Some(Locale::Es));
    assert_eq!(o.theme_color.as_deref(), Some("#6b2c91"));
    assert!(!o.serves_adolescents && !o.storage && o.emit_events);
    assert_eq!(o.crisis_region, CrisisRegion::Massachusetts);
    assert_eq!(o.iop.name.as_deref(), Some("Day treatment"));
    assert_eq!(o.iop.hours, Some((9, 12)));
    assert_eq!(o.iop.schedule, Some(Schedule::Evening));
    assert_eq!(o.iop.therapies, vec!["groups", "family sessions"]);
    assert_eq!(o.op.hours, Some((4, 4)));
}

#[test]
fn defaults_are_safe() {
    let (o, warnings) = parse(&[]);
    assert!(warnings.is_empty());
    assert!(
        o.storage && o.serves_adolescents && !o.emit_events,
        "events are opt-in; storage is on"
    );
    assert_eq!(o.crisis_region, CrisisRegion::National);
    assert_eq!((o.phone, o.contact_url, o.locale), (None, None, None));
}

#[test]
fn each_bad_option_warns_once_and_falls_back() {
    assert_eq!(
        one_warning(&[("phone", "call us!")], "phone", "+1-555-010-0100").phone,
        None
    );
    assert_eq!(
        one_warning(&[("phone", "+")], "phone", "not a phone number").phone,
        None
    );
    assert_eq!(
        one_warning(
            &[("locale", "fr")],
            "locale",
            "en, es, ht, pt-BR or zh-Hans"
        )
        .locale,
        None
    );
    assert_eq!(
        one_warning(&[("themeColor", "red")], "themeColor", "#0b5cad").theme_color,
        None
    );
    // Readable colours only: white text on yellow fails 4.5:1.
    assert_eq!(
        one_warning(&[("themeColor", "#ffd700")], "themeColor", "4.5:1").theme_color,
        None
    );
    assert_eq!(
        one_warning(
            &[("contactUrl", "javascript:alert(1)")],
            "contactUrl",
            "https://"
        )
        .contact_url,
        None
    );
    assert_eq!(
        one_warning(&[("iopHours", "-5")], "iopHours", "1 to 80")
            .iop
            .hours,
        None
    );
    assert_eq!(
        one_warning(&[("opHours", "12-3")], "opHours", "range")
            .op
            .hours,
        None
    );
    assert_eq!(
        one_warning(
            &[("phpSchedule", "weekends")],
            "phpSchedule",
            "day, evening"
        )
        .php
        .schedule,
        None
    );
    assert!(one_warning(&[("storage", "maybe")], "storage", "true or false").storage);
    assert_eq!(
        one_warning(
            &[("crisisRegion", "texas")],
            "crisisRegion",
            "massachusetts"
        )
        .crisis_region,
        CrisisRegion::National
    );
    one_warning(&[("colour", "#000")], "colour", "not an option");
    one_warning(&[("orgname", "X")], "orgname", "Did you mean `orgName`?");
    one_warning(
        &[("residentialHours", "40")],
        "residentialHours",
        "not an option",
    );
    assert_eq!(
        one_warning(&[("orgName", "")], "orgName", "empty").org_name,
        None
    );
}

#[test]
fn html_in_text_is_kept_as_text_with_a_warning() {
    let o = one_warning(&[("orgName", "<b>Harbor</b>")], "orgName", "plain text");
    // Shown literally: Yew renders strings as text nodes, never as HTML.
    assert_eq!(o.org_name.as_deref(), Some("<b>Harbor</b>"));
}

/// The switch offers the listed languages; a widget opens in its `locale`
/// (else the page's language) only if it is one of them, else in the first,
/// and a `locale` left out says so.
#[test]
fn languages_limit_the_switch_and_the_first_language() {
    let (o, warnings) = parse(&[("languages", "zh-hans, es")]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        o.languages,
        [Locale::Es, Locale::ZhHans],
        "in the switch's order"
    );
    assert_eq!(o.start_locale(|| Some(Locale::ZhHans)), Locale::ZhHans);
    assert_eq!(o.start_locale(|| Some(Locale::En)), Locale::Es);
    assert_eq!(o.start_locale(|| None), Locale::Es);
    let o = one_warning(&[("languages", "en, fr")], "languages", "not a language");
    assert_eq!(o.languages, Locale::ALL, "a bad list offers every language");
    let o = one_warning(&[("languages", " , ")], "languages", "name at least one");
    assert_eq!(o.languages, Locale::ALL);
    let o = one_warning(
        &[("languages", "en,ht"), ("locale", "es")],
        "locale",
        "`languages` leaves out",
    );
    assert_eq!(
        o.start_locale(|| Some(Locale::Ht)),
        Locale::Ht,
        "the page's language, listed"
    );
    assert_eq!(
        o.start_locale(|| Some(Locale::Es)),
        Locale::En,
        "else the first listed"
    );
}

#[test]
fn several_problems_give_one_warning_each_and_keep_the_good_ones() {
    let (o, warnings) = parse(&[
        ("phone", "x"),
        ("orgName", "Good"),
        ("locale", "xx"),
        ("unknown", "1"),
    ]);
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert_eq!(o.org_name.as_deref(), Some("Good"));
}

/// `SPEC` is what the options accept: each listed name, given a good
/// value, is read and changes something, with no warning.
#[test]
fn every_listed_option_is_read() {
    for name in SPEC.iter().map(|row| row.name) {
        let value = match name {
            "phone" => "+1-555-010-0100",
            "contactUrl" => "/contact",
            "locale" => "es",
            "themeColor" => "#0b5cad",
            "colorScheme" => "dark",
            "crisisRegion" => "massachusetts",
            "servesAdolescents" | "storage" => "false",
            "emitEvents" | "detox" => "true",
            "levels" => "op,iop",
            "languages" => "en, PT-br",
            "medication" => "buprenorphine",
            n if n.ends_with("Hours") => "9-15",
            n if n.ends_with("Schedule") => "evening",
            _ => "Some text",
        };
        let (options, warnings) = Options::parse([(name, value)]);
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
        assert_ne!(options, Options::default(), "{name} changed nothing");
    }
}

/// One case of `tests/fixtures/options.json`, which the loader is tested with
/// too (its fallback in `tests/e2e/fallback-options.test.mjs`, its painted
/// start screen in `tests/e2e/prerender.test.mjs`).
#[derive(serde::Deserialize)]
struct Case {
    option: String,
    value: String,
    accepted: bool,
    normalised: Option<String>,
    href: Option<String>,
}

fn fixture() -> Vec<Case> {
    #[derive(serde::Deserialize)]
    struct Fixture {
        cases: Vec<Case>,
    }
    let text = include_str!("fixtures/options.json");
    serde_json::from_str::<Fixture>(text)
        .expect("tests/fixtures/options.json reads")
        .cases
}

/// The fallback's rules are these: each case of the shared fixture is read
/// here exactly as the fixture says (and there as well).
#[test]
fn the_shared_fixture_cases_are_read_as_it_says() {
    let cases = fixture();
    for case in &cases {
        let (o, warnings) = Options::parse([(case.option.as_str(), case.value.as_str())]);
        let what = format!("{} = {:?}", case.option, case.value);
        let used = match case.option.as_str() {
            "orgName" => o.org_name.clone(),
            "phone" => o.phone.clone(),
            "contactUrl" => o.contact_url.clone(),
            "locale" => o.locale.map(|l| l.tag().to_owned()),
            "languages" => warnings.is_empty().then(|| {
                o.languages
                    .iter()
                    .map(|l| l.tag())
                    .collect::<Vec<_>>()
                    .join(",")
            }),
            "themeColor" => o.theme_color.clone(),
            // Refused, it is the default scheme; the warning tells the two apart.
            "colorScheme" => warnings.is_empty().then(|| o.color_scheme.id().to_owned()),
            "storage" => warnings.is_empty().then(|| o.storage.to_string()),
            "storageKey" => o.storage_key.clone(),
            other => panic!("the fixture has an option the loader does not read: {other}"),
        };
        if case.accepted {
            let normalised = case
                .normalised
                .as_deref()
                .expect("accepted cases say what is used");
            assert_eq!(used.as_deref(), Some(normalised), "{what}");
            // Only the note that tags show as text, never a refusal.
            assert!(
                warnings.iter().all(|w| w.contains("plain text")),
                "{what}: {warnings:?}"
            );
            if case.option == "phone" {
                let href = case
                    .href
                    .as_deref()
                    .expect("accepted phones give their tel: link");
                assert_eq!(tel_href(normalised), href, "{what}");
            }
        } else {
            assert_eq!(used, None, "{what} is refused");
            assert_eq!(warnings.len(), 1, "{what}: {warnings:?}");
            assert!(
                warnings[0].starts_with(&format!("option `{}` ", case.option)),
                "{what}: {warnings:?}"
            );
        }
    }
    // Each option the fallback shows has good and bad cases, and the issue's are there.
    for option in ["orgName", "phone", "contactUrl", "locale"] {
        for accepted in [true, false] {
            let n = cases
                .iter()
                .filter(|c| c.option == option && c.accepted == accepted)
                .count();
            assert!(
                n >= 3,
                "{option}: only {n} cases with accepted = {accepted}"
            );
        }
    }
    for (option, value) in [
        ("contactUrl", "java\tscript:alert(1)"),
        ("phone", "((( )))"),
        ("locale", "esp"),
    ] {
        assert!(
            cases
                .iter()
                .any(|c| c.option == option && c.value == value && !c.accepted),
            "the fixture refuses {option} = {value:?}"
        );
    }
}

#[test]
fn contact_links_are_read_as_browsers_read_them() {
    // Tabs and newlines go wherever they are, so the scheme checked is the one the browser sees.
    for hidden in [
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\u{1}javascript:alert(1)",
    ] {
        let o = one_warning(&[("contactUrl", hidden)], "contactUrl", "mailto:");
        assert_eq!(o.contact_url, None, "{hidden:?}");
    }
    let (o, warnings) = parse(&[("contactUrl", "\t/con\ntact\u{1f}")]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(o.contact_url.as_deref(), Some("/contact"));
}

#[test]
fn what_the_provider_offers_is_read_with_one_warning_each_and_safe_defaults() {
    use iop_op_fit::engine::Level;
    use iop_op_fit::options::Medicine;
    let (o, warnings) = Options::parse([]);
    assert!(warnings.is_empty());
    assert_eq!(
        o.levels,
        [Level::Op, Level::Iop, Level::Php, Level::Residential],
        "all four by default"
    );
    assert_eq!(
        (o.detox, o.medication.clone()),
        (None, None),
        "unsaid by default"
    );

    let (o, warnings) = Options::parse([
        ("levels", "IOP, op"),
        ("detox", "no"),
        ("medication", "methadone,buprenorphine"),
    ]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(o.levels, [Level::Op, Level::Iop]);
    assert_eq!(o.detox, Some(false));
    assert_eq!(
        o.medication,
        Some(vec![Medicine::Buprenorphine, Medicine::Methadone])
    );
    assert_eq!(
        Options::parse([("medication", "none")]).0.medication,
        Some(vec![])
    );

    for (name, value, says) in [
        ("levels", "iop,detox", "detox"),
        ("levels", "emergency", "op, iop, php, residential"),
        (
            "levels",
            " , ",
            "at least one of op, iop, php, residential. Using all four levels.",
        ),
        ("levels", "emergency", "Using all four levels."),
        ("detox", "sometimes", "true or false"),
        (
            "medication",
            "suboxone",
            "none, or buprenorphine, methadone, naltrexone",
        ),
    ] {
        let (o, warnings) = Options::parse([(name, value)]);
        assert_eq!(warnings.len(), 1, "{name}={value}: {warnings:?}");
        assert!(
            warnings[0].contains(name) && warnings[0].contains(says),
            "{}",
            warnings[0]
        );
        assert_eq!(
            o,
            Options::default(),
            "{name}={value} keeps the safe default"
        );
    }
}

/// The loader's rules, from the spec: each option it checks, with its limits
/// and nothing it does not read (every byte is in the loader), and, for the
/// options its fallback shows, the same "use …" words as the widget's own
/// warnings.
#[test]
fn the_loader_rules_come_from_the_spec() {
    use serde_json::json;
    let rules: serde_json::Value =
        serde_json::from_str(&iop_op_fit::options::loader_rules_json()).unwrap();
    let tags: Vec<&str> = Locale::ALL.iter().map(|l| l.tag()).collect();
    // The words, checked against the warnings below.
    let allowed = |name: &str| rules[name]["allowed"].as_str().unwrap().to_owned();
    assert_eq!(
        rules,
        json!({
            "orgName": { "max": 200, "allowed": "text up to 200 characters" },
            "phone": { "minDigits": 3, "maxDigits": 15, "allowed": allowed("phone") },
            "contactUrl": { "allowed": allowed("contactUrl") },
            "locale": { "values": tags, "allowed": allowed("locale") },
            "languages": { "values": tags },
            "themeColor": { "minContrast": 4.5 },
            "colorScheme": { "values": ["light", "dark", "auto"] },
            "emitEvents": {},
            "storage": {},
            "storageKey": { "max": 200 },
        })
    );
    // A bad value's warning says the same allowed words.
    for (name, bad) in [
        ("phone", "call us"),
        ("contactUrl", "javascript:alert(1)"),
        ("locale", "xx"),
    ] {
        let (_, warnings) = parse(&[(name, bad)]);
        assert!(
            warnings[0].contains(&format!("; use {}. ", allowed(name))),
            "{name}: {warnings:?}"
        );
    }
}
