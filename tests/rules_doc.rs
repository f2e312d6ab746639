//! docs/clinical-rules.md's tables against the engine: the questions (order,
//! options, when each is asked), the levels, the findings of D1 to D6, the
//! level rules and the flags (with their variants); the skip rules, read as
//! conditions and tried on every combination of deciding answers. A row of the doc
//! and the code that disagree fail here.

use iop_op_fit::engine::rules::{FINDINGS, FLAG_RULES, LEVEL_RULES};
use iop_op_fit::engine::{flow, Dimension, Flag, Level, Question, Responses};

const DOC: &str = include_str!("../docs/clinical-rules.md");

/// The body rows of the tables in the doc's section starting with `heading`
/// (up to the next heading of the same level), each as its cells.
fn rows(heading: &str) -> Vec<Vec<&'static str>> {
    let depth = heading.split(' ').next().unwrap().len();
    let mut lines = DOC.lines().skip_while(|l| !l.starts_with(heading));
    assert!(lines.next().is_some(), "no section {heading:?} in the doc");
    lines
        .take_while(|l| {
            let hashes = l.len() - l.trim_start_matches('#').len();
            hashes == 0 || hashes > depth
        })
        .filter(|l| l.starts_with('|') && !l.starts_with("|---"))
        .map(|l| l.trim_matches('|').split(" | ").map(str::trim).collect())
        // Table headers: their first cell is the column name, not code.
        .filter(|cells: &Vec<&str>| cells[0].starts_with('`') || cells[0].parse::<u32>().is_ok())
        .collect()
}

/// The words in backticks in `cell`, in order.
fn ticked(cell: &str) -> Vec<&str> {
    cell.split('`').skip(1).step_by(2).collect()
}

#[test]
fn questions_are_in_the_doc_order_with_the_doc_options() {
    let rows = rows("## 3. The questions");
    let ids: Vec<&str> = rows.iter().map(|r| ticked(r[1])[0]).collect();
    let code: Vec<&str> = Question::ALL.iter().map(|q| q.id()).collect();
    assert_eq!(ids, code, "question order");
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row[0], (i + 1).to_string(), "number of `{}`", ids[i]);
        let q = Question::ALL[i];
        assert_eq!(ticked(row[3]), q.options(), "options of `{}`", q.id());
    }
}

#[test]
fn questions_are_asked_when_the_doc_says() {
    for row in rows("## 3. The questions") {
        let q = Question::from_id(ticked(row[1])[0]).unwrap();
        let asked = row[4];
        let Some(rule) = flow::skip_rule(q) else {
            assert_eq!(asked, "always", "`{}` has no skip rule", q.id());
            continue;
        };
        assert_ne!(asked, "always", "`{}` has a skip rule", q.id());
        // "unless" in the doc is a negated condition in the code's words.
        assert_eq!(
            asked.starts_with("unless"),
            rule.asked_when.contains(" not "),
            "`{}`: {asked:?} against {:?}",
            q.id(),
            rule.asked_when
        );
        // Each word the doc ticks is a deciding question or one of its options.
        let deciding: Vec<&str> = rule.decided_by.iter().map(|d| d.id()).collect();
        let doc_words = ticked(asked);
        for word in &doc_words {
            assert!(
                deciding.contains(word) || rule.decided_by.iter().any(|d| d.option(word).is_some()),
                "`{}`: the doc's `{word}` does not decide it",
                q.id()
            );
        }
        // And the options the code's words name are the doc's.
        for word in ticked(rule.asked_when) {
            assert!(
                deciding.contains(&word) || doc_words.contains(&word),
                "`{}`: `{word}` of {:?} is not in the doc's {asked:?}",
                q.id(),
                rule.asked_when
            );
        }
    }
}

/// The doc's "asked" column read as a condition, against the code's rule
/// for every combination of one option of each deciding question: asked
/// when one of the answers is an option the doc ticks ("if", "only if"), or
/// when none is ("unless").
#[test]
fn skip_rules_ask_exactly_when_the_doc_says() {
    let mut checked = 0;
    for row in rows("## 3. The questions") {
        let q = Question::from_id(ticked(row[1])[0]).unwrap();
        let Some(rule) = flow::skip_rule(q) else {
            continue;
        };
        let doc_words = ticked(row[4]);
        let unless = row[4].starts_with("unless");
        let mut combinations: Vec<Vec<(Question, &str)>> = vec![Vec::new()];
        for &by in rule.decided_by {
            combinations = combinations
                .into_iter()
                .flat_map(|c| {
                    by.options().iter().map(move |&o| {
                        let mut c = c.clone();
                        c.push((by, o));
                        c
                    })
                })
                .collect();
        }
        for combination in combinations {
            let mut r = Responses::new();
            for &(by, option) in &combination {
                r.set(by, &[option]).unwrap();
            }
            let doc_says = combination.iter().any(|(_, o)| doc_words.contains(o)) != unless;
            assert_eq!(
                (rule.asked)(&r),
                doc_says,
                "`{}` with {combination:?}: the doc says {:?}",
                q.id(),
                row[4]
            );
            checked += 1;
        }
    }
    // frequency's options three times, and substances × opioid_medicine.
    assert!(checked > 3 * 4 + 5, "{checked} combinations");
}

#[test]
fn overdose_risk_substances_are_the_docs() {
    let row = rows("## 3. The questions")
        .into_iter()
        .find(|r| r[1] == "`overdose_risk`")
        .unwrap();
    let substances: Vec<&str> = ticked(row[4])
        .into_iter()
        .filter(|w| Question::Substances.option(w).is_some())
        .collect();
    let code: Vec<&str> = iop_op_fit::engine::questions::Substance::OVERDOSE_RISK
        .iter()
        .map(|s| s.id())
        .collect();
    assert_eq!(substances, code);
}

/// The ids in the first column of the tables of the section at `heading`.
fn first_ids(heading: &str) -> Vec<&'static str> {
    rows(heading).iter().map(|r| ticked(r[0])[0]).collect()
}

#[test]
fn levels_are_the_docs() {
    assert_eq!(first_ids("## 2. Levels of care"), Level::IDS);
}

#[test]
fn flags_are_the_docs_in_order() {
    assert_eq!(first_ids("## 5. Flags"), Flag::IDS);
    let rules: Vec<&str> = FLAG_RULES.iter().map(|r| r.id.id()).collect();
    assert_eq!(rules, Flag::IDS, "the flag rules' order");
}

/// The variants a flag's row names: "Variant `x`" (the first word after
/// it), or every flag-less word after "Variants:".
fn doc_variants(cell: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for part in cell.split("ariant").skip(1) {
        if let Some(list) = part.strip_prefix("s:") {
            found.extend(ticked(list).into_iter().filter(|w| !Flag::IDS.contains(w)));
        } else if part.starts_with(" `") {
            found.push(ticked(part)[0]);
        }
    }
    found
}

#[test]
fn flag_variants_are_the_docs() {
    let rows = rows("## 5. Flags");
    for (row, rule) in rows.iter().zip(FLAG_RULES) {
        let id = rule.id.id();
        let prefix = format!("flag.{id}.");
        let code: Vec<&str> = rule
            .variants
            .iter()
            .map(|key| {
                key.strip_prefix(&prefix)
                    .unwrap_or_else(|| panic!("`{id}`'s variant {key:?} is not {prefix}…"))
            })
            .collect();
        assert_eq!(doc_variants(row[2]), code, "`{id}`'s variants");
    }
    // The reader of the doc finds what it should.
    assert_eq!(
        doc_variants(rows[8][2]),
        ["overdose", "medicine", "overdose_medicine"]
    );
}

#[test]
fn level_rules_are_the_docs_in_order() {
    let rows = rows("### 4.3 The level");
    assert_eq!(rows.len(), LEVEL_RULES.len(), "number of level rules");
    for (i, (row, rule)) in rows.iter().zip(LEVEL_RULES).enumerate() {
        assert_eq!(row[0], (i + 1).to_string(), "rule {}'s number", i + 1);
        assert_eq!(ticked(row[4]), [rule.reason.0], "rule {}'s reason", row[0]);
        assert_eq!(row[3], rule.level.id(), "rule {}'s level", row[0]);
        // Each dimension the rule's condition names (D1 to D6) explains it.
        for (n, dimension) in (1..).zip(Dimension::ALL) {
            if row[1].contains(&format!("D{n} ")) {
                assert!(
                    rule.dimensions.contains(dimension),
                    "rule {} reads D{n} but does not name {}",
                    row[0],
                    dimension.id()
                );
            }
        }
    }
}

/// Section 4.2's findings as (dimension number, reason id, rating): from its
/// tables, and from the prose of D2 to D4 ("`managed` 1 (`health_managed`)").
fn doc_findings() -> Vec<(usize, &'static str, u8)> {
    let start = DOC.find("\n### 4.2 ").expect("section 4.2");
    let end = DOC[start..].find("\n### 4.3 ").expect("section 4.3") + start;
    let mut dimension = 0;
    let mut found = Vec::new();
    for paragraph in DOC[start..end].split("\n\n") {
        if let Some(n) = paragraph.strip_prefix("**D") {
            dimension = n[..1].parse().unwrap();
        }
        if paragraph.starts_with('|') {
            for line in paragraph.lines().filter(|l| !l.starts_with("|---")) {
                let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
                if let (Ok(rating), [id]) = (cells[1].parse(), ticked(cells[2]).as_slice()) {
                    found.push((dimension, *id, rating));
                }
            }
        } else {
            let mut pieces = paragraph.split("(`");
            let mut before = pieces.next().unwrap();
            for piece in pieces {
                let id = &piece[..piece.find("`)").unwrap()];
                let rating = before.split_whitespace().last().unwrap();
                found.push((dimension, id, rating.parse().unwrap()));
                before = piece;
            }
        }
    }
    found
}

#[test]
fn findings_are_the_docs() {
    let mut doc = doc_findings();
    let mut code: Vec<(usize, &str, u8)> = FINDINGS
        .iter()
        .map(|f| {
            let n = Dimension::ALL
                .iter()
                .position(|&d| d == f.dimension)
                .unwrap()
                + 1;
            (n, f.reason.0, f.rating)
        })
        .collect();
    doc.sort();
    code.sort();
    assert_eq!(doc, code, "(dimension, reason id, rating) of every finding");
}
