//! "Print or save a summary": the result as a standalone HTML page the
//! visitor can keep and print ([`crate::browser::download`] offers it as a
//! file; nothing is uploaded). It renders the same [`ResultView`] as the
//! screen, every item in the screen's order, with all the reasons, and adds
//! a page for the provider's intake team.

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use super::model::{Intake, ResultView, Section};
use crate::ui::text::Text;
use crate::ui::Link;

/// On screen a readable column; printed, the visitor's pages first, then the
/// intake team's table on a page of its own, links with their addresses.
const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em}\
dt{font-weight:bold}table{border-collapse:collapse;width:100%}th,td{border:1px solid #888;padding:.25em .4em;text-align:left;vertical-align:top}\
.intake{margin-top:3em}.intake h2{margin-top:0}.intake dl{display:grid;grid-template-columns:max-content 1fr;gap:.3em 1em}\
.intake dd{margin:0}.intake dd ul{margin:0;padding-left:1.1em}\
@media print{body{font-size:11pt;max-width:none;margin:0;padding:0}\
a{color:inherit;text-decoration:none}a[href^=\"http\"]::after{content:\" (\" attr(href) \")\"}\
.intake{break-before:page;margin-top:0;font-size:10pt;line-height:1.35}.intake table,.intake tr{break-inside:avoid}\
h2,h3{break-after:avoid}li{break-inside:avoid}}";

fn p(s: &str) -> String {
    format!("<p>{}</p>", text(s))
}

fn link(l: &Link) -> String {
    format!("<a href=\"{}\">{}</a>", attr(&l.href), text(&l.text))
}

fn list<T>(items: &[T], item: impl Fn(&T) -> String) -> String {
    let items: String = items
        .iter()
        .map(|i| format!("<li>{}</li>", item(i)))
        .collect();
    format!("<ul>{items}</ul>")
}

/// A heading and its list; nothing when it has no items.
fn section<T>(s: &Section<T>, item: impl Fn(&T) -> String) -> String {
    if s.items.is_empty() {
        return String::new();
    }
    format!("<h3>{}</h3>{}", text(&s.heading), list(&s.items, item))
}

fn intake(i: &Intake) -> String {
    let [dimension, rating, answers] = &i.columns;
    let rows: String = i
        .dimensions
        .iter()
        .map(|d| {
            format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
                text(&d.name),
                text(&d.rating),
                text(&d.answers.join("; "))
            )
        })
        .collect();
    let facts: String = i
        .facts
        .iter()
        .map(|(label, lines)| {
            let value = match lines.as_slice() {
                [one] => text(one).into_owned(),
                many => list(many, |l| text(l).into_owned()),
            };
            format!("<dt>{}</dt><dd>{value}</dd>", text(label))
        })
        .collect();
    format!(
        "<section class=\"intake\"><h2>{}</h2>{}<table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th></tr></thead><tbody>{rows}</tbody></table><dl>{facts}</dl></section>",
        text(&i.heading),
        p(&i.lead),
        text(dimension),
        text(rating),
        text(answers),
    )
}

/// The summary as a standalone HTML document.
pub fn summary_html(t: &Text, v: &ResultView, date: &str) -> String {
    let s = |s: &String| text(s).into_owned();
    let next = &v.next;
    let next_links: Vec<&Link> = next.call.iter().chain(&next.contact).collect();
    let reasons: Vec<&String> = v.why.lead.iter().chain(&v.why.more).collect();
    let program = v.program.as_ref().map_or_else(String::new, |pr| {
        format!(
            "<h3>{}</h3>{}{}{}",
            text(&pr.heading),
            p(&pr.name),
            p(&pr.short),
            if pr.details.is_empty() {
                String::new()
            } else {
                list(&pr.details, s)
            }
        )
    });
    let levels = v.levels.as_ref().map_or_else(String::new, |l| {
        format!("<h3>{}</h3>{}", text(&l.heading), p(&l.text))
    });
    let answers: String = v
        .review
        .items
        .iter()
        .map(|a| format!("<dt>{}</dt><dd>{}</dd>", text(&a.title), text(&a.words)))
        .collect();
    let title = t.get("summary.title");
    [
        format!(
            "<!doctype html><html lang=\"{}\"><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style><h1>{}</h1>",
            attr(t.locale().tag()),
            text(&title),
            text(&title)
        ),
        p(&t.fill("summary.date", &[("date", date)])),
        format!("<h2>{}</h2>", text(&v.heading)),
        p(&v.lead),
        if v.urgent.is_empty() { String::new() } else { list(&v.urgent, link) },
        v.after_emergency.as_deref().map_or_else(String::new, p),
        v.detox.iter().map(|l| p(l)).collect(),
        v.offer.iter().flat_map(|o| &o.lines).map(|l| p(l)).collect(),
        section(&v.safety, |a| text(&a.text).into_owned()),
        format!("<h3>{}</h3>{}", text(&v.why.heading), list(&reasons, |r| s(r))),
        format!("<h3>{}</h3>{}{}", text(&next.heading), p(&next.lead), list(&next_links, |l| link(l))),
        section(&v.referral, link),
        program,
        levels,
        section(&v.crisis, link),
        section(&v.advice, |a| text(&a.text).into_owned()),
        p(&v.note),
        format!("<h3>{}</h3><dl>{answers}</dl>", text(&v.review.heading)),
        intake(&v.intake),
        "</html>".to_owned(),
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::summary_html;
    use crate::content::Locale;
    use crate::engine::{assess, Level, Responses};
    use crate::options::Options;
    use crate::ui::result::model::ResultView;
    use crate::ui::text::Text;

    /// R7's answers: residential, with naloxone, home safety and MOUD advice.
    const R7: &str = r#"{"respondent":"self","danger":["none"],"age":"18_to_64","pregnancy":"no","substances":["opioids"],
        "opioid_medicine":"no","frequency":"most_days","withdrawal":"moderate","overdose_risk":["none"],"health":"none","mental_health":"none",
        "control":"cannot_stop","treatment":"none","home":"unsafe","support":"none","commitments":["none"],"readiness":"ready"}"#;

    fn summary(options: &[(&str, &str)]) -> String {
        let r = Responses::from_json(R7).unwrap();
        let a = assess(&r).unwrap();
        assert_eq!(a.level, Level::Residential);
        let (options, _) = Options::parse(options.iter().copied());
        let t = Text::new(Locale::En, Rc::new(options), false);
        summary_html(&t, &ResultView::new(&t, &a, &r), "1 December 2026")
    }

    /// At an IOP/OP-only centre the summary, like the screen, says the level
    /// is not offered here and where to find it.
    #[test]
    fn the_summary_says_what_the_provider_does_not_offer() {
        let html = summary(&[("levels", "iop,op"), ("orgName", "Harbor & Co")]);
        assert!(
            html.contains("Harbor &amp; Co does not offer Residential"),
            "{html}"
        );
        assert!(html.contains("FindTreatment.gov"), "{html}");
    }

    /// A provider's text is text: a script, quotes and ampersands in its
    /// name, level names and therapies never become markup.
    #[test]
    fn hostile_option_text_stays_text() {
        let hostile = r#"<script>alert("x")</script> "Q" & 'A'"#;
        let html = summary(&[
            ("levels", "residential,iop,op"),
            ("orgName", hostile),
            ("residentialName", hostile),
            ("residentialTherapies", hostile),
            ("phone", "+1-555-010-0100"),
            ("contactUrl", "/contact?a=1&b=\"2\""),
        ]);
        assert!(!html.contains("<script"), "{html}");
        assert!(
            html.contains(r#"&lt;script&gt;alert("x")&lt;/script&gt; "Q" &amp; 'A'"#),
            "{html}"
        );
        // Exactly the page's own elements: each `<` opens one of them.
        for tag in html.split('<').skip(1) {
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .collect();
            assert!(
                [
                    "!doctype", "html", "meta", "title", "style", "h1", "h2", "h3", "p", "ul",
                    "li", "a", "dl", "dt", "dd", "section", "table", "thead", "tbody", "tr", "th",
                    "td"
                ]
                .contains(&name.as_str()),
                "unexpected element {name} in {html}"
            );
        }
    }
}
