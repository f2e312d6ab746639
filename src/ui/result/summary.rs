//! "Print or save a summary": the answers and the result as a standalone
//! HTML page the visitor can keep and print ([`crate::browser::download`]
//! offers it as a file). Nothing is uploaded.

use super::answer_review::answered;
use super::levels_chart::level_name;
use super::offer_notes::offer_lines;
use super::shown_reasons;
use crate::engine::{Assessment, Level, Responses};
use crate::ui::text::Text;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The summary as a standalone HTML document.
pub fn summary_html(t: &Text, responses: &Responses, a: &Assessment, date: &str) -> String {
    let li = |s: String| format!("<li>{}</li>", escape(&s));
    let reasons = shown_reasons(a);
    let answers: String = answered(t, responses)
        .map(|(_, title, words)| format!("<dt>{}</dt><dd>{}</dd>", escape(&title), escape(&words)))
        .collect();
    let call = t
        .options
        .phone
        .as_ref()
        .map(|phone| format!("{}: {phone}", t.get("result.call")));
    let next: Vec<String> = call
        .into_iter()
        .chain([t.get("crisis.911"), t.get("crisis.988")])
        .collect();
    let flags = |safety: bool| -> String {
        a.flags
            .iter()
            .filter(|f| f.id.is_safety() == safety)
            .map(|f| li(t.flag(f)))
            .collect()
    };
    let list = |heading: &str, items: String| {
        if items.is_empty() {
            String::new()
        } else {
            format!("<h3>{}</h3><ul>{items}</ul>", escape(&t.get(heading)))
        }
    };
    let offer = t.options.offer(a);
    let offered: String = offer
        .iter()
        .flat_map(|o| offer_lines(t, a, o))
        .map(|line| format!("<p>{}</p>", escape(&line)))
        .collect();
    let referral = if offer.as_ref().is_some_and(|o| o.refers()) {
        list(
            "result.referral",
            [t.get("referral.findtreatment"), t.get("crisis.samhsa")]
                .into_iter()
                .map(li)
                .collect(),
        )
    } else {
        String::new()
    };
    let heading = match (a.level, a.after_emergency) {
        (Level::Emergency, Some(later)) => format!(
            "{} {}",
            t.get("result.heading.emergency"),
            t.fill(
                "result.after_emergency",
                &[("level", &level_name(t, later))]
            )
        ),
        (level, _) => t.get(&format!("result.heading.{}", level.id())),
    };
    format!(
        "<!doctype html><html lang=\"{lang}\"><meta charset=\"utf-8\"><title>{title}</title>\
         <style>body{{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em}}dt{{font-weight:bold}}</style>\
         <h1>{title}</h1><p>{date}</p><h2>{heading}</h2>{detox}{offered}{safety}<h3>{why}</h3><ul>{reasons}</ul>\
         {advice}<h3>{next_heading}</h3><ul>{next}</ul>{referral}<h3>{answers_heading}</h3><dl>{answers}</dl><p>{note}</p></html>",
        lang = t.locale().tag(),
        title = escape(&t.get("summary.title")),
        date = escape(&t.fill("summary.date", &[("date", date)])),
        heading = escape(&heading),
        detox = if a.detox_first { format!("<p>{}</p>", escape(&t.detox(a))) } else { String::new() },
        safety = list("result.safety", flags(true)),
        advice = list("result.advice", flags(false)),
        why = escape(&t.get("result.why")),
        reasons = reasons.into_iter().map(|m| li(t.get(m))).collect::<String>(),
        next_heading = escape(&t.get("result.next")),
        next = next.into_iter().map(li).collect::<String>(),
        answers_heading = escape(&t.get("result.review")),
        note = escape(&t.get("result.not_diagnosis")),
    )
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::summary_html;
    use crate::content::Locale;
    use crate::engine::{assess, Level, Responses};
    use crate::options::Options;
    use crate::ui::text::Text;

    /// R7's answers at an IOP/OP-only centre: the summary, like the screen,
    /// says the level is not offered here and where to find it.
    #[test]
    fn the_summary_says_what_the_provider_does_not_offer() {
        let r = Responses::from_json(
            r#"{"respondent":"self","danger":["none"],"age":"18_to_64","pregnancy":"no","substances":["opioids"],
            "opioid_medicine":"no","frequency":"most_days","withdrawal":"moderate","overdose_risk":["none"],"health":"none","mental_health":"none",
            "control":"cannot_stop","treatment":"none","home":"unsafe","support":"none","commitments":["none"],"readiness":"ready"}"#,
        )
        .unwrap();
        let a = assess(&r).unwrap();
        assert_eq!(a.level, Level::Residential);
        let (options, _) = Options::parse([("levels", "iop,op"), ("orgName", "Harbor & Co")]);
        let t = Text::new(Locale::En, Rc::new(options), false);
        let html = summary_html(&t, &r, &a, "1 December 2026");
        assert!(
            html.contains("Harbor &amp; Co does not offer Residential"),
            "{html}"
        );
        assert!(html.contains("FindTreatment.gov"), "{html}");
    }
}
