//! What the engine concludes. No display text: reasons carry message keys
//! that the UI translates, so one assessment reads well in every language.

use serde::Serialize;

use super::questions::Question;

choices!(
    /// Levels of care, least to most intensive.
    Level { Op = "op", Iop = "iop", Php = "php", Residential = "residential", Emergency = "emergency" }
);

choices!(
    /// The six ASAM dimensions.
    Dimension {
        Withdrawal = "withdrawal", PhysicalHealth = "physical_health",
        MentalHealth = "mental_health", Readiness = "readiness",
        Relapse = "relapse", Environment = "environment",
    }
);

choices!(
    /// Advice on the result, each with its own text (`flag.<id>`). Safety
    /// flags come first, in the order the result shows them.
    Flag key "flag." {
        Naloxone = "naloxone", MixingRisk = "mixing_risk", LowTolerance = "low_tolerance",
        SedativeTaper = "sedative_taper", StopSafely = "stop_safely",
        WithdrawalInpatient = "withdrawal_inpatient", WithdrawalHistory = "withdrawal_history",
        PregnancyOpioids = "pregnancy_opioids", Postpartum = "postpartum", Pregnancy = "pregnancy",
        Moud = "moud", MedicationSupport = "medication_support", Injection = "injection",
        MedicalFollowup = "medical_followup", CoOccurring = "co_occurring", HomeSafety = "home_safety",
        Adolescent = "adolescent", OlderAdult = "older_adult",
        EveningOrFlexible = "evening_or_flexible", Childcare = "childcare", Family = "family",
    }
);

impl Flag {
    /// Whether the flag warns of a danger (overdose, mixing, stopping
    /// suddenly, opioids in pregnancy, the year after a birth): the result
    /// shows these first, in their own block.
    pub fn is_safety(self) -> bool {
        self <= Flag::Postpartum
    }
}

choices!(
    /// The line the emergency screen leads with.
    CrisisLine { Call988 = "988", Call911 = "911" }
);

/// Risk per dimension, 0 (none) to 4 (severe).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Ratings {
    pub withdrawal: u8,
    pub physical_health: u8,
    pub mental_health: u8,
    /// Rated for the advice only: readiness never changes the level.
    pub readiness: u8,
    pub relapse: u8,
    pub environment: u8,
}

impl Ratings {
    pub fn get(&self, dimension: Dimension) -> u8 {
        match dimension {
            Dimension::Withdrawal => self.withdrawal,
            Dimension::PhysicalHealth => self.physical_health,
            Dimension::MentalHealth => self.mental_health,
            Dimension::Readiness => self.readiness,
            Dimension::Relapse => self.relapse,
            Dimension::Environment => self.environment,
        }
    }

    pub(crate) fn raise(&mut self, dimension: Dimension, rating: u8) {
        let slot = match dimension {
            Dimension::Withdrawal => &mut self.withdrawal,
            Dimension::PhysicalHealth => &mut self.physical_health,
            Dimension::MentalHealth => &mut self.mental_health,
            Dimension::Readiness => &mut self.readiness,
            Dimension::Relapse => &mut self.relapse,
            Dimension::Environment => &mut self.environment,
        };
        *slot = (*slot).max(rating);
    }
}

/// One answer behind a reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AnswerRef {
    pub question: Question,
    pub option: &'static str,
}

/// Why the engine concluded what it did, tied to the answers behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// Stable id, e.g. `withdrawal_severe`.
    pub id: &'static str,
    /// The translation key for the sentence shown to the visitor: `reason.<id>`.
    pub message: &'static str,
    /// The dimension this finding rates, or `None` for the level and emergency reasons.
    pub dimension: Option<Dimension>,
    pub rating: u8,
    pub answers: Vec<AnswerRef>,
}

/// A flag, with the text to show and the answers that raised it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Raised {
    pub id: Flag,
    /// The translation key: `flag.<id>`, or a variant of it (`flag.home_safety.teen`).
    pub message: &'static str,
    pub answers: Vec<AnswerRef>,
}

/// One line of the detox words, with the answers that chose it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DetoxLine {
    /// The translation key, e.g. `result.detox.alcohol`.
    pub message: &'static str,
    pub answers: Vec<AnswerRef>,
}

/// The result of a self-screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub level: Level,
    /// Medically supervised withdrawal management is needed before or with the level.
    pub detox_first: bool,
    /// With `detox_first`: the detox words for the substances chosen and the
    /// medicine taken, in the order shown. Empty otherwise.
    pub detox: Vec<DetoxLine>,
    /// For an emergency: the line to call first.
    pub crisis_first: Option<CrisisLine>,
    /// For an emergency reached with every other question answered: the level
    /// those answers suggest once the visitor is safe.
    pub after_emergency: Option<Level>,
    /// `None` for an emergency reported before the other questions were answered.
    pub ratings: Option<Ratings>,
    /// In [`Flag`] order, so safety flags come first. Empty for an
    /// emergency reported before the other questions were answered.
    pub flags: Vec<Raised>,
    /// The level's reason (or the emergencies) first, then each finding, most severe first.
    pub reasons: Vec<Reason>,
}
