//! The site owner's options, from `data-*` attributes or `IopOpFit.mount`.
//! Bad values never stop the widget: each gives one warning naming the
//! option and what is allowed, and the safe default is used instead.
//! No web types, so every rule here is tested natively.
//!
//! [`SPEC`] (`spec.rs`) is the one table of options: a row per option with
//! its name, its [`Kind`] and limits (which also give the allowed values in
//! the warnings' words) and what a warning says is used instead. The parser
//! reads it, `tests/option_lists.rs` checks the README, the configurator and
//! the WordPress plugin against it, [`loader_rules_json`] gives its rules
//! for the options the loader checks, and [`configurator_json`] every
//! option's kind for the demo configurator's controls. `offer.rs` is what the provider can do
//! for one result.
//!
//! When the wasm cannot start, the loader's plain-HTML fallback shows the
//! name, phone, contact link and language by the same rules
//! (`loader/option-rules.js`): the trim in [`Options::parse`] and the text,
//! phone, URL and locale kinds. `tests/fixtures/options.json` holds good and
//! bad values that `tests/options.rs` and `tests/loader/option-rules.test.mjs`
//! both check, so the two cannot drift.

mod offer;
// For the offer notes' tests (the UI is in the widget feature).
#[cfg(all(test, feature = "widget"))]
pub(crate) use offer::tests::{levels_run as test_levels_run, result as test_result};
mod spec;

#[cfg(not(target_arch = "wasm32"))]
pub use spec::configurator_json;
pub use spec::{loader_rules_json, Kind, OptionSpec, SPEC};

use crate::content::Locale;
use crate::engine::Level;

/// Which crisis lines to show besides 911 and 988.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CrisisRegion {
    /// SAMHSA's National Helpline.
    #[default]
    National,
    /// The Massachusetts Substance Use Helpline and Behavioral Health Help Line.
    Massachusetts,
}

/// The widget's colours: light, dark, or the visitor's own setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ColorScheme {
    #[default]
    Light,
    Dark,
    /// Follows `prefers-color-scheme`.
    Auto,
}

impl ColorScheme {
    pub fn id(self) -> &'static str {
        match self {
            ColorScheme::Light => "light",
            ColorScheme::Dark => "dark",
            ColorScheme::Auto => "auto",
        }
    }
}

/// When a program's sessions run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Schedule {
    Day,
    Evening,
    DayAndEvening,
}

impl Schedule {
    pub fn id(self) -> &'static str {
        match self {
            Schedule::Day => "day",
            Schedule::Evening => "evening",
            Schedule::DayAndEvening => "day_and_evening",
        }
    }
}

/// A medicine for substance use that a provider may offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Medicine {
    Buprenorphine,
    Methadone,
    Naltrexone,
}

impl Medicine {
    pub const ALL: [Medicine; 3] = [
        Medicine::Buprenorphine,
        Medicine::Methadone,
        Medicine::Naltrexone,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Medicine::Buprenorphine => "buprenorphine",
            Medicine::Methadone => "methadone",
            Medicine::Naltrexone => "naltrexone",
        }
    }
}

/// What this provider can do for one result: whether it offers the level,
/// the level of its own that may come next, withdrawal care, and medicines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    /// The provider runs the result's level (an emergency is never "offered").
    pub level_here: bool,
    /// When it does not: the most intensive level it runs below the result's,
    /// which many people step down to after.
    pub step_after: Option<Level>,
    /// For a `detox_first` result: whether withdrawal care is on site
    /// (`None` when the provider has not said).
    pub detox_here: Option<bool>,
    /// The provider's medicines that treat what the result's flags are about.
    pub medicines: Vec<Medicine>,
    /// Under 18, and the provider does not treat teens.
    pub teen_elsewhere: bool,
}

impl Offer {
    /// Whether the visitor needs care somewhere else too: the result is told
    /// where to find it.
    pub fn refers(&self) -> bool {
        !self.level_here || self.detox_here == Some(false) || self.teen_elsewhere
    }
}

/// What the provider offers at one level of care.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Program {
    /// The provider's own name for the level (e.g. "Day treatment").
    pub name: Option<String>,
    /// Hours a week, as a range (equal ends for a single number).
    pub hours: Option<(u8, u8)>,
    pub schedule: Option<Schedule>,
    pub therapies: Vec<String>,
}

/// The levels a provider can run (an emergency is not one), least intensive first.
const OFFERED_LEVELS: [Level; 4] = [Level::Op, Level::Iop, Level::Php, Level::Residential];

/// Everything a site owner can set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub org_name: Option<String>,
    pub phone: Option<String>,
    pub contact_url: Option<String>,
    /// `None`: use the host page's `lang`, else the browser's language.
    pub locale: Option<Locale>,
    /// The languages the switch offers, in `Locale::ALL`'s order (at least one).
    pub languages: Vec<Locale>,
    /// A `#rrggbb` colour with at least 4.5:1 contrast against white.
    pub theme_color: Option<String>,
    pub color_scheme: ColorScheme,
    pub serves_adolescents: bool,
    /// The levels of care the provider runs.
    pub levels: Vec<Level>,
    /// Medically managed withdrawal on site; `None` when not said.
    pub detox: Option<bool>,
    /// The medicines offered; `None` when not said, empty for none.
    pub medication: Option<Vec<Medicine>>,
    pub crisis_region: CrisisRegion,
    /// Keep answers in `sessionStorage` so a reload resumes.
    pub storage: bool,
    /// Names this widget's stored answers; without it, the mount point's id
    /// or place in the page does.
    pub storage_key: Option<String>,
    /// Dispatch a DOM event with the level when a result is reached. Off by
    /// default: events visible to the host page are how tracking pixels leak health data.
    pub emit_events: bool,
    pub op: Program,
    pub iop: Program,
    pub php: Program,
    pub residential: Program,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            org_name: None,
            phone: None,
            contact_url: None,
            locale: None,
            languages: Locale::ALL.to_vec(),
            theme_color: None,
            color_scheme: ColorScheme::Light,
            serves_adolescents: true,
            levels: OFFERED_LEVELS.to_vec(),
            detox: None,
            medication: None,
            crisis_region: CrisisRegion::National,
            storage: true,
            storage_key: None,
            emit_events: false,
            op: Program::default(),
            iop: Program::default(),
            php: Program::default(),
            residential: Program::default(),
        }
    }
}

impl Options {
    /// Reads options from name/value pairs, returning the options and one
    /// warning per problem. Values arrive as text (attributes are text;
    /// numbers and booleans from JavaScript are converted before this).
    pub fn parse<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Options, Vec<String>) {
        let mut o = Options::default();
        let mut warnings = Vec::new();
        for (name, value) in pairs {
            // Unicode White_Space, as `str::trim` reads it (the fallback trims the same set).
            if let Err(problem) = spec::apply(&mut o, name, value.trim()) {
                warnings.push(format!("option `{name}` {problem}"));
            }
        }
        if let Some(l) = o.locale.filter(|l| !o.languages.contains(l)) {
            warnings.push(format!(
                "option `locale` is \"{}\", which `languages` leaves out; add it there. Using the page's language if it is listed, else {}.",
                l.tag(),
                o.languages[0].tag()
            ));
        }
        (o, warnings)
    }

    /// The language a widget opens in: the `locale` option, else the page's
    /// (`page`, asked only then), if the switch offers it; else the first one it offers.
    /// `loader/option-rules.js` (`localeOf`) chooses alike for the screens it paints.
    pub fn start_locale(&self, page: impl FnOnce() -> Option<Locale>) -> Locale {
        let offered = |l: &Locale| self.languages.contains(l);
        self.locale
            .filter(offered)
            .or_else(|| page().filter(offered))
            .unwrap_or(self.languages[0])
    }

    /// The provider's program for a level, if it is one a provider offers.
    pub fn program_for(&self, level: Level) -> Option<&Program> {
        match level {
            Level::Op => Some(&self.op),
            Level::Iop => Some(&self.iop),
            Level::Php => Some(&self.php),
            Level::Residential => Some(&self.residential),
            Level::Emergency => None,
        }
    }
}

/// The `tel:` address for a phone number checked by the `phone` option's rule.
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}
