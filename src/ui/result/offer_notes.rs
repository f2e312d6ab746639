//! What this provider can and cannot do for the result, said plainly: a level
//! it does not run, withdrawal care on site or elsewhere, its medicines.
//! A visitor told that the centre offers something it does not may call, be
//! turned away, and not call anyone else.

use yew::prelude::*;

use super::model::{level_name, OfferView};
use crate::engine::Assessment;
use crate::options::Offer;
use crate::ui::text::Text;

/// The sentences, in order (the view model holds them for both renderings).
pub fn offer_lines(t: &Text, a: &Assessment, offer: &Offer) -> Vec<String> {
    let level = a.after_emergency.unwrap_or(a.level);
    let mut lines = Vec::new();
    if !offer.level_here {
        lines.push(t.fill("result.not_offered", &[("level", &level_name(t, level))]));
        if let Some(next) = offer.step_after {
            lines.push(t.fill("result.step_after", &[("next", &level_name(t, next))]));
        }
    }
    if offer.teen_elsewhere {
        lines.push(t.get("result.adolescent_referral"));
    }
    match offer.detox_here {
        Some(true) => lines.push(t.get("result.detox.here")),
        Some(false) => lines.push(t.get("result.detox.elsewhere")),
        None => {}
    }
    if !offer.medicines.is_empty() {
        let names: Vec<String> = offer
            .medicines
            .iter()
            .map(|m| t.get(&["medicine.", m.id()].concat()))
            .collect();
        lines.push(t.fill("result.medicines.here", &[("medicines", &names.join(", "))]));
    }
    lines
}

pub fn view(o: &OfferView) -> Html {
    if o.lines.is_empty() {
        return html! {};
    }
    html! {
        <div class="iof-callout iof-offer" data-offered-here={o.level_here.to_string()}>
            { for o.lines.iter().map(|line| html! { <p>{ line }</p> }) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::offer_lines;
    use crate::content::Locale;
    use crate::engine::{Flag, Level};
    use crate::options::{test_levels_run, test_result as result, Options};
    use crate::ui::text::Text;

    fn options(pairs: &[(&str, &str)]) -> Rc<Options> {
        let (options, warnings) = Options::parse(pairs.iter().copied());
        assert!(warnings.is_empty(), "{warnings:?}");
        Rc::new(options)
    }

    /// Every level, offered or not, in every language: one line for a level
    /// not run here, one more for the step after, each with its words (a
    /// missing text would show its key). Which level is the step after is
    /// options::offer's, tested there.
    #[test]
    fn every_level_offered_or_not_gives_the_right_texts() {
        for locale in Locale::ALL {
            for level in [Level::Op, Level::Iop, Level::Php, Level::Residential] {
                for offered in [true, false] {
                    let runs = test_levels_run(level, offered);
                    let o = options(&[("levels", &runs), ("orgName", "Harbor")]);
                    let t = Text::new(locale, o.clone(), false);
                    let a = result(level, false, &[]);
                    let offer = o.offer(&a).unwrap();
                    let lines = offer_lines(&t, &a, &offer);
                    assert_eq!(
                        lines.len(),
                        usize::from(!offer.level_here) + usize::from(offer.step_after.is_some()),
                        "{lines:?}"
                    );
                    if let Some(next) = offer.step_after {
                        let name = t.get(&format!("level.{}.name", next.id()));
                        assert!(lines[1].contains(&name), "{lines:?} names {name}");
                    }
                    for line in &lines {
                        assert!(
                            line.contains("Harbor")
                                && !line.contains('{')
                                && !line.starts_with("result."),
                            "{line}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn withdrawal_care_and_medicines_are_said_only_when_the_provider_said() {
        let a = result(Level::Php, true, &[Flag::Moud, Flag::MedicationSupport]);
        let unsaid = options(&[]);
        let t = Text::new(Locale::En, unsaid.clone(), false);
        assert!(offer_lines(&t, &a, &unsaid.offer(&a).unwrap()).is_empty());

        let without = options(&[("detox", "false"), ("medication", "naltrexone")]);
        let offer = without.offer(&a).unwrap();
        let t = Text::new(Locale::Es, without.clone(), false);
        let lines = offer_lines(&t, &a, &offer);
        assert_eq!(lines[0], t.get("result.detox.elsewhere"));
        assert!(
            lines[1].contains(&t.get("medicine.naltrexone")),
            "{lines:?}"
        );
    }

    #[test]
    fn a_teen_not_served_is_told_of_a_referral() {
        let a = result(Level::Iop, false, &[Flag::Adolescent]);
        let o = options(&[("servesAdolescents", "false")]);
        let offer = o.offer(&a).unwrap();
        let t = Text::new(Locale::PtBr, o, true);
        assert_eq!(
            offer_lines(&t, &a, &offer),
            [t.get("result.adolescent_referral")]
        );
    }
}
