//! The questions and their options, named by the contract ids of
//! `docs/clinical-rules.md`. Options are declared least to most severe, so the
//! derived `Ord` is the severity order the rules and the monotonicity tests use.

use std::marker::PhantomData;

/// An option of a question: one of a small, ordered list of contract ids.
pub trait Choice: Copy + Eq + 'static {
    /// Every option, least to most severe.
    const ALL: &'static [Self];
    fn id(self) -> &'static str;
    /// Position in [`Choice::ALL`].
    fn index(self) -> usize;
}

/// The options chosen in a multi-choice question, as bits (no option list
/// has more than eight), so answers stay `Copy` and compare by value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Set<T> {
    bits: u8,
    of: PhantomData<T>,
}

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set {
            bits: 0,
            of: PhantomData,
        }
    }
}

impl<T: Choice> Set<T> {
    pub fn of(items: &[T]) -> Self {
        items.iter().fold(Self::default(), |s, &t| s.with(t))
    }

    pub fn with(self, item: T) -> Self {
        Set {
            bits: self.bits | 1 << item.index(),
            of: PhantomData,
        }
    }

    pub fn without(self, item: T) -> Self {
        Set {
            bits: self.bits & !(1 << item.index()),
            of: PhantomData,
        }
    }

    pub fn contains(self, item: T) -> bool {
        self.bits & 1 << item.index() != 0
    }

    /// Whether any of `items` is chosen.
    pub fn any(self, items: &[T]) -> bool {
        items.iter().any(|&t| self.contains(t))
    }

    pub fn is_empty(self) -> bool {
        self.bits == 0
    }

    pub fn len(self) -> usize {
        self.bits.count_ones() as usize
    }

    /// Whether `self` holds every option `other` holds.
    pub fn is_superset(self, other: Self) -> bool {
        self.bits & other.bits == other.bits
    }

    /// The chosen options, least to most severe.
    pub fn iter(self) -> impl Iterator<Item = T> {
        T::ALL.iter().copied().filter(move |&t| self.contains(t))
    }
}

choices!(
    /// Who is answering. Changes wording and advice, never the level.
    Respondent { Myself = "self", SomeoneElse = "someone_else" }
);
choices!(
    /// Emergencies happening right now. Multi-select; `none` is exclusive.
    Danger { None = "none", Overdose = "overdose", Suicide = "suicide", HarmOthers = "harm_others",
             WithdrawalEmergency = "withdrawal_emergency", MedicalEmergency = "medical_emergency" }
);
choices!(
    /// Age group. `18_to_64` → `65_plus` is the only step that raises risk.
    Age { Under18 = "under_18", Adult = "18_to_64", Over65 = "65_plus" }
);
choices!(
    /// Pregnant (or might be), or a birth in the past year. `no` also means "does not apply".
    Pregnancy { No = "no", Postpartum = "postpartum", Yes = "yes" }
);
choices!(
    /// Substances used. Multi-select, no `none`.
    Substance { Alcohol = "alcohol", Opioids = "opioids", Sedatives = "sedatives",
                Stimulants = "stimulants", Cannabis = "cannabis", Other = "other" }
);
impl Substance {
    /// Everything but alcohol and cannabis: use of these asks about overdose
    /// risks and raises the naloxone advice (pills and powders may hold fentanyl).
    pub const OVERDOSE_RISK: &'static [Substance] = &[
        Substance::Opioids,
        Substance::Sedatives,
        Substance::Stimulants,
        Substance::Other,
    ];
}

choices!(
    /// A medicine taken now as treatment for opioid use; `not_sure` is for
    /// someone answering for another person. Not a severity order: the rules
    /// read it through [`OpioidMedicine::on_medicine`] and `naltrexone` alone.
    OpioidMedicine { No = "no", NotSure = "not_sure", Buprenorphine = "buprenorphine",
                     Methadone = "methadone", Naltrexone = "naltrexone" }
);
impl OpioidMedicine {
    /// Buprenorphine or methadone: opioids themselves, so they slow breathing
    /// with alcohol or sedatives as heroin does (FDA 2016, 2017).
    pub fn on_medicine(self) -> bool {
        matches!(
            self,
            OpioidMedicine::Buprenorphine | OpioidMedicine::Methadone
        )
    }
}

choices!(
    /// Days of use in the past month: `weekly` is 1 to 3 days a week, `most_days` 4 or more.
    Frequency { NotPastMonth = "not_past_month", LessThanWeekly = "less_than_weekly",
                Weekly = "weekly", MostDays = "most_days" }
);
choices!(
    /// Time since last use; asked only when there was no use in the past month.
    SoberTime { OverSixMonths = "over_six_months", OneToSixMonths = "one_to_six_months" }
);
choices!(
    /// What happens when cutting down or stopping alcohol, pills or opioids. `not_sure` rates as `mild`.
    Withdrawal { None = "none", NotSure = "not_sure", Mild = "mild",
                 Moderate = "moderate", Severe = "severe" }
);
choices!(
    /// Overdose risks in the past year. Multi-select; `none` is exclusive.
    OverdoseRisk { None = "none", PastOverdose = "past_overdose", Injecting = "injecting",
                   RecentRelease = "recent_release" }
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
        Respondent = "respondent", Danger = "danger", Age = "age", Pregnancy = "pregnancy",
        Substances = "substances", OpioidMedicine = "opioid_medicine", Frequency = "frequency", SoberTime = "sober_time",
        Withdrawal = "withdrawal", OverdoseRisk = "overdose_risk", Health = "health",
        MentalHealth = "mental_health", Control = "control", Treatment = "treatment",
        Home = "home", Support = "support", Commitments = "commitments", Readiness = "readiness",
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
            Question::Danger | Question::OverdoseRisk | Question::Commitments => Kind::Multi {
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
            Question::Pregnancy => Pregnancy::IDS,
            Question::Substances => Substance::IDS,
            Question::OpioidMedicine => OpioidMedicine::IDS,
            Question::Frequency => Frequency::IDS,
            Question::SoberTime => SoberTime::IDS,
            Question::Withdrawal => Withdrawal::IDS,
            Question::OverdoseRisk => OverdoseRisk::IDS,
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
