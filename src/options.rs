//! The site owner's options, from `data-*` attributes or `IopOpFit.mount`.
//! Bad values never stop the widget: each gives one warning naming the
//! option and what is allowed, and the safe default is used instead.
//! No web types, so every rule here is tested natively.
//!
//! When the wasm cannot start, the loader's plain-HTML fallback
//! (`loader/iop-op-fit.js`) shows the name, phone, contact link and language
//! by the same rules: the trim in [`Options::parse`], `text`, `phone`, `url`
//! and [`Locale::from_tag`]. `tests/fixtures/options.json` holds good and bad
//! values that `tests/options.rs` and `tests/e2e/fallback-options.test.mjs`
//! both check, so the two cannot drift.

use crate::content::Locale;
use crate::engine::{Assessment, Flag, Level};

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

    /// Whether it treats what the flag is about: opioid use (buprenorphine,
    /// methadone, and extended-release naltrexone) or alcohol use (naltrexone).
    fn treats(self, flag: Flag) -> bool {
        match flag {
            Flag::Moud => true,
            Flag::MedicationSupport => self == Medicine::Naltrexone,
            _ => false,
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

/// Everything a site owner can set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub org_name: Option<String>,
    pub phone: Option<String>,
    pub contact_url: Option<String>,
    /// `None`: use the host page's `lang`, else the browser's language.
    pub locale: Option<Locale>,
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

/// Every option name, as written in JavaScript (camelCase). The `data-*`
/// attribute is the same name in kebab-case: `orgName` → `data-org-name`.
pub const OPTION_NAMES: &[&str] = &[
    "orgName",
    "phone",
    "contactUrl",
    "locale",
    "themeColor",
    "colorScheme",
    "servesAdolescents",
    "levels",
    "detox",
    "medication",
    "crisisRegion",
    "storage",
    "storageKey",
    "emitEvents",
    "opName",
    "opHours",
    "opSchedule",
    "opTherapies",
    "iopName",
    "iopHours",
    "iopSchedule",
    "iopTherapies",
    "phpName",
    "phpHours",
    "phpSchedule",
    "phpTherapies",
    "residentialName",
    "residentialSchedule",
    "residentialTherapies",
];

const MAX_TEXT: usize = 200;

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
            let value = value.trim();
            let result = o.apply(name, value).and_then(|()| {
                // Kept, but the owner should know the tags will show as typed.
                let is_text = name.ends_with("Name") || name.ends_with("Therapies");
                match is_text && value.contains('<') && value.contains('>') {
                    true => Err("contains HTML tags; it is shown as plain text, tags and all. Give plain text.".into()),
                    false => Ok(()),
                }
            });
            if let Err(problem) = result {
                warnings.push(format!("option `{name}` {problem}"));
            }
        }
        (o, warnings)
    }

    fn program(&mut self, level: Level) -> &mut Program {
        match level {
            Level::Op => &mut self.op,
            Level::Iop => &mut self.iop,
            Level::Php => &mut self.php,
            _ => &mut self.residential,
        }
    }

    /// What this provider can do for the result `a`: `None` for an emergency
    /// reported before the other answers, which has no level to offer yet.
    pub fn offer(&self, a: &Assessment) -> Option<Offer> {
        let level = a.after_emergency.unwrap_or(a.level);
        if level == Level::Emergency {
            return None;
        }
        let level_here = self.levels.contains(&level);
        let step_after = (!level_here)
            .then(|| self.levels.iter().copied().filter(|&l| l < level).max())
            .flatten();
        let flagged = |f: Flag| a.flags.iter().any(|r| r.id == f);
        let medicines = match &self.medication {
            Some(offered) => offered
                .iter()
                .copied()
                .filter(|m| {
                    [Flag::Moud, Flag::MedicationSupport]
                        .iter()
                        .any(|&f| flagged(f) && m.treats(f))
                })
                .collect(),
            None => Vec::new(),
        };
        Some(Offer {
            level_here,
            step_after,
            detox_here: if a.detox_first { self.detox } else { None },
            medicines,
            teen_elsewhere: flagged(Flag::Adolescent) && !self.serves_adolescents,
        })
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

    fn apply(&mut self, name: &str, value: &str) -> Result<(), String> {
        if !OPTION_NAMES.contains(&name) {
            return Err(unknown(name));
        }
        match name {
            "orgName" => self.org_name = Some(text(value)?),
            "phone" => self.phone = Some(phone(value)?),
            "contactUrl" => self.contact_url = Some(url(value)?),
            "locale" => {
                self.locale = Some(Locale::from_tag(value).ok_or_else(|| {
                    format!("is \"{value}\", which is not a supported language; use en, es or pt-BR. Using the page's language.")
                })?)
            }
            "themeColor" => self.theme_color = Some(colour(value)?),
            "colorScheme" => {
                self.color_scheme = match value.to_ascii_lowercase().as_str() {
                    "light" => ColorScheme::Light,
                    "dark" => ColorScheme::Dark,
                    "auto" => ColorScheme::Auto,
                    _ => return Err(format!("is \"{value}\"; use light, dark or auto. Using light.")),
                }
            }
            "servesAdolescents" => self.serves_adolescents = flag(value)?,
            "levels" => self.levels = levels(value)?,
            "detox" => self.detox = Some(flag(value)?),
            "medication" => self.medication = Some(medicines(value)?),
            "storage" => self.storage = flag(value)?,
            "storageKey" => self.storage_key = Some(text(value)?),
            "emitEvents" => self.emit_events = flag(value)?,
            "crisisRegion" => {
                self.crisis_region = match value.to_ascii_lowercase().as_str() {
                    "national" | "us" => CrisisRegion::National,
                    "massachusetts" | "ma" => CrisisRegion::Massachusetts,
                    _ => return Err(format!("is \"{value}\"; use national or massachusetts. Using national.")),
                }
            }
            _ => return self.apply_program(name, value),
        }
        Ok(())
    }

    /// A program option (`opName`, `iopHours`…); `name` is one of [`OPTION_NAMES`].
    fn apply_program(&mut self, name: &str, value: &str) -> Result<(), String> {
        let (level, field) = [
            ("residential", Level::Residential),
            ("iop", Level::Iop),
            ("php", Level::Php),
            ("op", Level::Op),
        ]
        .into_iter()
        .find_map(|(prefix, level)| name.strip_prefix(prefix).map(|field| (level, field)))
        .ok_or_else(|| unknown(name))?;
        let program = self.program(level);
        match field {
            "Name" => program.name = Some(text(value)?),
            "Hours" => program.hours = Some(hours(value)?),
            "Schedule" => {
                program.schedule = Some(match value {
                    "day" => Schedule::Day,
                    "evening" => Schedule::Evening,
                    "day_and_evening" | "day-and-evening" | "both" => Schedule::DayAndEvening,
                    _ => {
                        return Err(format!(
                            "is \"{value}\"; use day, evening or day_and_evening. Leaving it out."
                        ))
                    }
                })
            }
            _ => {
                program.therapies = value
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(text)
                    .collect::<Result<_, _>>()?;
            }
        }
        Ok(())
    }
}

fn unknown(name: &str) -> String {
    let close = OPTION_NAMES
        .iter()
        .find(|known| known.eq_ignore_ascii_case(&name.replace(['-', '_'], "")))
        .map(|known| format!(" Did you mean `{known}`?"))
        .unwrap_or_default();
    format!(
        "is not an option and was ignored.{close} Options: {}",
        OPTION_NAMES.join(", ")
    )
}

/// Plain text, shown as text (never parsed as HTML), of a sensible length.
fn text(value: &str) -> Result<String, String> {
    if value.is_empty() {
        return Err("is empty; leave it out or give some text. Using the default.".into());
    }
    if value.chars().count() > MAX_TEXT {
        return Err(format!(
            "is longer than {MAX_TEXT} characters; shorten it. Using the default."
        ));
    }
    Ok(value.to_owned())
}

fn phone(value: &str) -> Result<String, String> {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if allowed && (3..=15).contains(&digits) && !value.chars().skip(1).any(|c| c == '+') {
        Ok(value.to_owned())
    } else {
        Err(format!(
            "is \"{value}\", which is not a phone number; use digits with optional + - ( ) . and spaces, like +1-555-010-0100. The call button is hidden."
        ))
    }
}

/// The `tel:` address for a phone number checked by [`phone`].
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}

/// A contact link: `https:`, `http:`, `mailto:` or a relative path (no
/// scheme, no whitespace). It is first read as browsers read an `href` (the
/// URL Standard's first steps): ASCII tabs and newlines removed wherever they
/// are, then C0 controls and spaces (and, as for every option, Unicode
/// whitespace) trimmed from both ends. So
/// `java\tscript:alert(1)` (`java&#9;script:…` in an attribute) is the
/// `javascript:` link a browser would make of it, and is refused; the link
/// kept is the normalised one. The loader's fallback (`loader/iop-op-fit.js`)
/// applies the same rules; `tests/fixtures/options.json` holds cases both must agree on.
fn url(value: &str) -> Result<String, String> {
    let link: String = value
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let link = link.trim_matches(|c: char| c <= ' ' || c.is_whitespace());
    let lower = link.to_ascii_lowercase();
    // The text before the first `:`, unless a path, query or fragment starts first.
    let scheme = lower
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.contains('/') && !s.contains('?') && !s.contains('#'));
    let ok = match scheme {
        Some(s) => matches!(s, "http" | "https" | "mailto"),
        None => !link.is_empty() && !link.chars().any(char::is_whitespace),
    };
    if ok {
        Ok(link.to_owned())
    } else {
        Err(format!("is \"{value}\"; use a web address (https://… or /contact) or mailto:. The contact link is hidden."))
    }
}

fn colour(value: &str) -> Result<String, String> {
    let hex = value
        .strip_prefix('#')
        .filter(|h| (h.len() == 3 || h.len() == 6) && h.chars().all(|c| c.is_ascii_hexdigit()));
    let Some(hex) = hex else {
        return Err(format!(
            "is \"{value}\"; use a hex colour like #0b5cad. Using the default colour."
        ));
    };
    let full: String = if hex.len() == 3 {
        hex.chars().flat_map(|c| [c, c]).collect()
    } else {
        hex.to_owned()
    };
    let channel = |i: usize| u8::from_str_radix(&full[i..i + 2], 16).unwrap_or(0);
    let ratio = contrast_with_white([channel(0), channel(2), channel(4)]);
    if ratio < 4.5 {
        // Tenths by hand: float formatting would add about 20 KB to the wasm.
        let tenths = (ratio * 10.0) as u32;
        return Err(format!(
            "is \"{value}\", which has {}.{}:1 contrast with white text; it needs 4.5:1 to be readable. Use a darker colour. Using the default colour.",
            tenths / 10,
            tenths % 10
        ));
    }
    Ok(format!("#{}", full.to_ascii_lowercase()))
}

/// WCAG 2 contrast ratio of an sRGB colour against white.
fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    1.05 / (l + 0.05)
}

fn hours(value: &str) -> Result<(u8, u8), String> {
    let bad = || {
        format!("is \"{value}\"; use hours a week as a number or range from 1 to 80, like 9 or 9-15. Leaving it out.")
    };
    let (lo, hi) = value.split_once(['-', '–']).unwrap_or((value, value));
    let parse = |s: &str| s.trim().parse::<u8>().ok().filter(|h| (1..=80).contains(h));
    match (parse(lo), parse(hi)) {
        (Some(lo), Some(hi)) if lo <= hi && !value.trim_start().starts_with('-') => Ok((lo, hi)),
        _ => Err(bad()),
    }
}

/// The levels a provider can run (an emergency is not one), least intensive first.
const OFFERED_LEVELS: [Level; 4] = [Level::Op, Level::Iop, Level::Php, Level::Residential];

/// A comma-separated list of ids from `allowed`, each once, in `allowed`'s order.
fn list<T: Copy + PartialEq>(
    value: &str,
    allowed: &[(T, &str)],
    what: &str,
) -> Result<Vec<T>, String> {
    let ids: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect();
    let names: Vec<&str> = allowed.iter().map(|(_, id)| *id).collect();
    if let Some(bad) = ids
        .iter()
        .find(|id| !names.contains(&id.to_ascii_lowercase().as_str()))
    {
        return Err(format!(
            "has \"{bad}\", which is not {what}; use a comma-separated list of {}. Using the default.",
            names.join(", ")
        ));
    }
    Ok(allowed
        .iter()
        .filter(|(_, id)| ids.iter().any(|given| given.eq_ignore_ascii_case(id)))
        .map(|(t, _)| *t)
        .collect())
}

fn levels(value: &str) -> Result<Vec<Level>, String> {
    let allowed = OFFERED_LEVELS.map(|l| (l, l.id()));
    let levels = list(value, &allowed, "a level of care")?;
    if levels.is_empty() {
        return Err(
            "is empty; name at least one of op, iop, php, residential. Using all four.".into(),
        );
    }
    Ok(levels)
}

fn medicines(value: &str) -> Result<Vec<Medicine>, String> {
    if value.trim().eq_ignore_ascii_case("none") {
        return Ok(Vec::new());
    }
    list(value, &Medicine::ALL.map(|m| (m, m.id())), "a medicine")
        .map_err(|e| e.replace("list of ", "list of none, or "))
}

fn flag(value: &str) -> Result<bool, String> {
    match value.to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" | "" => Ok(true),
        "false" | "no" | "off" | "0" => Ok(false),
        _ => Err(format!(
            "is \"{value}\"; use true or false. Using the default."
        )),
    }
}
