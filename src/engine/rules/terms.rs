//! The terms the rules are written in (section 4 of the doc): the answers
//! typed as a case, and the words such as active, regular and mixed.

use super::*;

/// Alcohol and sedatives: the substances whose withdrawal can cause seizures
/// and delirium ("gaba" in the model), and that slow breathing with opioids.
pub(super) const GABA: &[Substance] = &[Substance::Alcohol, Substance::Sedatives];

/// Complete answers, typed. Questions the skip logic did not ask are `None`.
pub(super) struct Case<'a> {
    pub(super) responses: &'a Responses,
    pub(super) respondent: Respondent,
    pub(super) age: Age,
    pub(super) pregnancy: Pregnancy,
    pub(super) substances: Set<Substance>,
    pub(super) opioid_medicine: OpioidMedicine,
    pub(super) frequency: Frequency,
    pub(super) sober_time: Option<SoberTime>,
    pub(super) withdrawal: Option<Withdrawal>,
    /// The risks chosen, without `none`; empty when not asked.
    pub(super) overdose_risks: Set<OverdoseRisk>,
    pub(super) health: Health,
    pub(super) mental_health: MentalHealth,
    pub(super) control: Option<Control>,
    pub(super) treatment: Treatment,
    pub(super) home: Home,
    pub(super) support: Support,
    pub(super) commitments: Set<Commitment>,
    pub(super) readiness: Readiness,
}

pub(super) fn need<T>(value: Option<T>, question: Question) -> Result<T, AnswerError> {
    value.ok_or(AnswerError::Missing { question })
}

impl<'a> Case<'a> {
    pub(super) fn new(r: &'a Responses) -> Result<Self, AnswerError> {
        r.check_complete()?;
        Ok(Case {
            responses: r,
            respondent: need(r.respondent(), Question::Respondent)?,
            age: need(r.age(), Question::Age)?,
            pregnancy: need(r.pregnancy(), Question::Pregnancy)?,
            substances: need(r.substances(), Question::Substances)?,
            opioid_medicine: need(r.opioid_medicine(), Question::OpioidMedicine)?,
            frequency: need(r.frequency(), Question::Frequency)?,
            sober_time: r.sober_time(),
            withdrawal: r.withdrawal(),
            overdose_risks: r
                .overdose_risk()
                .unwrap_or_default()
                .without(OverdoseRisk::None),
            health: need(r.health(), Question::Health)?,
            mental_health: need(r.mental_health(), Question::MentalHealth)?,
            control: r.control(),
            treatment: need(r.treatment(), Question::Treatment)?,
            home: need(r.home(), Question::Home)?,
            support: need(r.support(), Question::Support)?,
            commitments: need(r.commitments(), Question::Commitments)?,
            readiness: need(r.readiness(), Question::Readiness)?,
        })
    }

    pub(super) fn uses(&self, substance: Substance) -> bool {
        self.substances.contains(substance)
    }
    pub(super) fn gaba(&self) -> bool {
        self.substances.any(GABA)
    }
    /// Any use in the past month.
    pub(super) fn active(&self) -> bool {
        self.frequency != Frequency::NotPastMonth
    }
    /// At least one day a week.
    pub(super) fn regular(&self) -> bool {
        self.frequency >= Frequency::Weekly
    }
    /// Four or more days a week.
    pub(super) fn daily(&self) -> bool {
        self.frequency == Frequency::MostDays
    }
    /// The withdrawal answer as rated: `not_sure` counts as `mild`, and no
    /// current use as none.
    pub(super) fn wd(&self) -> Withdrawal {
        match self.withdrawal {
            Some(Withdrawal::NotSure) => Withdrawal::Mild,
            Some(w) => w,
            None => Withdrawal::None,
        }
    }
    /// On methadone or buprenorphine.
    pub(super) fn on_medicine(&self) -> bool {
        self.opioid_medicine.on_medicine()
    }
    /// Opioids used, or taken as treatment: the same breathing risk.
    pub(super) fn opioid_like(&self) -> bool {
        self.uses(Substance::Opioids) || self.on_medicine()
    }
    /// Perhaps on methadone or buprenorphine (`not_sure`, for someone
    /// else): the advice covers it, the level never reads it.
    pub(super) fn maybe_medicine(&self) -> bool {
        self.on_medicine() || self.opioid_medicine == OpioidMedicine::NotSure
    }
    pub(super) fn naltrexone(&self) -> bool {
        self.opioid_medicine == OpioidMedicine::Naltrexone
    }
    /// Opioids (used or as treatment) with alcohol or sedatives, at least weekly.
    pub(super) fn mixed(&self) -> bool {
        self.opioid_like() && self.gaba() && self.regular()
    }
    pub(super) fn pregnant(&self) -> bool {
        self.pregnancy == Pregnancy::Yes
    }

    /// The answers given to `questions`, every option of each.
    pub(super) fn refs(&self, questions: &[Question]) -> Vec<AnswerRef> {
        questions
            .iter()
            .flat_map(|&question| {
                self.responses
                    .get(question)
                    .unwrap_or_default()
                    .into_iter()
                    .map(move |option| AnswerRef { question, option })
            })
            .collect()
    }
    /// The answers behind opioid_like (with `maybe`, behind maybe_medicine
    /// too): opioids among the substances, and the medicine when it counts.
    pub(super) fn opioid_refs(&self, maybe: bool) -> Vec<AnswerRef> {
        let mut refs = self.substance_refs(&[Substance::Opioids]);
        if self.on_medicine() || (maybe && self.maybe_medicine()) {
            refs.extend(self.refs(&[Question::OpioidMedicine]));
        }
        refs
    }
    /// The answers behind mixed, how often aside.
    pub(super) fn mixed_refs(&self) -> Vec<AnswerRef> {
        let mut refs = self.opioid_refs(false);
        refs.extend(self.substance_refs(GABA));
        refs
    }
    /// The chosen substances among `of`.
    pub(super) fn substance_refs(&self, of: &[Substance]) -> Vec<AnswerRef> {
        of.iter()
            .filter(|&&s| self.uses(s))
            .map(|&s| answer(Question::Substances, s))
            .collect()
    }
}

pub(super) fn answer<T: Choice>(question: Question, option: T) -> AnswerRef {
    AnswerRef {
        question,
        option: option.id(),
    }
}
