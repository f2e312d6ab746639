//! The questions and their options, named by the contract ids of
//! `clinical-model.md`. Options are declared least to most severe, so the
//! derived `Ord` is the severity order the rules and the monotonicity tests use.

choices!(
    /// Who is answering. Changes wording and advice, never the level.
    Respondent { Myself = "self", SomeoneElse = "someone_else" }
);
choices!(
    /// Emergencies happening right now. Multi-select; `none` is exclusive.
    Danger { None = "none", Overdose = "overdose", Suicide = "suicide",
             WithdrawalEmergency = "withdrawal_emergency", MedicalEmergency = "medical_emergency" }
);
choices!(
    /// Age group. `18_to_64` → `65_plus` is the only step that raises risk.
    Age { Under18 = "under_18", Adult = "18_to_64", Over65 = "65_plus" }
);
choices!(
    /// Substances used. Multi-select, no `none`.
    Substance { Alcohol = "alcohol", Opioids = "opioids", Sedatives = "sedatives",
                Stimulants = "stimulants", Cannabis = "cannabis", Other = "other" }
);
choices!(
    /// How often in the past month.
    Frequency { NotPastMonth = "not_past_month", LessThanWeekly = "less_than_weekly",
                Weekly = "weekly", MostDays = "most_days" }
);
choices!(
    /// Time since last use; asked only when there was no use in the past month.
    /// Carries no risk in the rules, so its order means nothing clinically.
    SoberTime { OneToSixMonths = "one_to_six_months", OverSixMonths = "over_six_months" }
);
choices!(
    /// What happens when cutting down or stopping. `not_sure` rates as `mild`.
    Withdrawal { None = "none", NotSure = "not_sure", Mild = "mild",
                 Moderate = "moderate", Severe = "severe" }
);
choices!(
    /// Physical health.
    Health { None = "none", Managed = "managed", Serious = "serious" }
);
choices!(
    /// Mental health.
    MentalHealth { None = "none", Some = "some", Severe = "severe" }
);
choices!(
    /// What happens when trying to cut back.
    Control { CanStop = "can_stop", SlipsBack = "slips_back", CannotStop = "cannot_stop" }
);
choices!(
    /// Treatment in the last three months.
    Treatment { None = "none", Past = "past", RecentOutpatient = "recent_outpatient",
                RecentIntensive = "recent_intensive" }
);
choices!(
    /// Home life.
    Home { Stable = "stable", Strained = "strained", Unsafe = "unsafe" }
);
choices!(
    /// People who support recovery.
    Support { Strong = "strong", Some = "some", None = "none" }
);
choices!(
    /// What must keep going during treatment. Multi-select; `none` is exclusive.
    Commitment { None = "none", Work = "work", School = "school", Caregiving = "caregiving" }
);
choices!(
    /// Readiness to change. Changes advice, never the level.
    Readiness { Ready = "ready", Unsure = "unsure", NotReady = "not_ready" }
);

choices!(
    /// The questions, in the order they are asked.
    Question {
        Respondent = "respondent", Danger = "danger", Age = "age", Substances = "substances",
        Frequency = "frequency", SoberTime = "sober_time", Withdrawal = "withdrawal",
        Health = "health", MentalHealth = "mental_health", Control = "control",
        Treatment = "treatment", Home = "home", Support = "support",
        Commitments = "commitments", Readiness = "readiness",
    }
);

/// The option of a `none_exclusive` multi-choice question that stands alone.
pub const NONE: &str = "none";

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Exactly one option.
    Single,
    /// One or more options; when `none_exclusive`, `none` cannot be mixed with others.
    Multi { none_exclusive: bool },
}

impl Question {
    pub fn kind(self) -> Kind {
        match self {
            Question::Danger | Question::Commitments => Kind::Multi {
                none_exclusive: true,
            },
            Question::Substances => Kind::Multi {
                none_exclusive: false,
            },
            _ => Kind::Single,
        }
    }

    /// The option ids this question accepts, least to most severe.
    pub fn options(self) -> &'static [&'static str] {
        match self {
            Question::Respondent => Respondent::IDS,
            Question::Danger => Danger::IDS,
            Question::Age => Age::IDS,
            Question::Substances => Substance::IDS,
            Question::Frequency => Frequency::IDS,
            Question::SoberTime => SoberTime::IDS,
            Question::Withdrawal => Withdrawal::IDS,
            Question::Health => Health::IDS,
            Question::MentalHealth => MentalHealth::IDS,
            Question::Control => Control::IDS,
            Question::Treatment => Treatment::IDS,
            Question::Home => Home::IDS,
            Question::Support => Support::IDS,
            Question::Commitments => Commitment::IDS,
            Question::Readiness => Readiness::IDS,
        }
    }

    /// The option id as the `'static` string the question owns, if it is one.
    pub fn option(self, id: &str) -> Option<&'static str> {
        self.options().iter().copied().find(|o| *o == id)
    }
}
