//! What this provider can do for one result, from its options.

use super::{Medicine, Offer, Options};
use crate::engine::{Assessment, Flag, Level};

impl Medicine {
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

impl Options {
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
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::engine::{Assessment, Flag, Level, Raised};
    use crate::options::Options;

    /// A result at `level` with these flags, for the offer's tests and its notes'.
    pub(crate) fn result(level: Level, detox_first: bool, flags: &[Flag]) -> Assessment {
        Assessment {
            level,
            detox_first,
            detox: Vec::new(),
            crisis_first: None,
            after_emergency: None,
            ratings: None,
            flags: flags
                .iter()
                .map(|&id| Raised {
                    id,
                    message: id.message(),
                    answers: Vec::new(),
                })
                .collect(),
            reasons: Vec::new(),
        }
    }

    fn options(pairs: &[(&str, &str)]) -> Options {
        let (options, warnings) = Options::parse(pairs.iter().copied());
        assert!(warnings.is_empty(), "{warnings:?}");
        options
    }

    #[test]
    fn withdrawal_care_and_medicines_are_offered_only_when_the_provider_said() {
        let a = result(Level::Php, true, &[Flag::Moud, Flag::MedicationSupport]);
        let unsaid = options(&[]);
        assert_eq!(unsaid.offer(&a).unwrap().detox_here, None);
        assert!(unsaid.offer(&a).unwrap().medicines.is_empty());

        let without = options(&[("detox", "false"), ("medication", "naltrexone")]);
        assert!(
            without.offer(&a).unwrap().refers(),
            "withdrawal care elsewhere is a referral"
        );

        let with = options(&[("detox", "true"), ("medication", "buprenorphine,methadone")]);
        let offer = with.offer(&a).unwrap();
        assert_eq!(offer.detox_here, Some(true));
        assert!(!offer.refers());
        // Alcohol alone is not treated by buprenorphine or methadone.
        let alcohol = result(Level::Iop, false, &[Flag::MedicationSupport]);
        assert!(with.offer(&alcohol).unwrap().medicines.is_empty());
        assert_eq!(
            with.offer(&alcohol).unwrap().detox_here,
            None,
            "not asked without detox_first"
        );
    }

    /// The `levels` option that runs every level, or every level but `level`.
    pub(crate) fn levels_run(level: Level, offered: bool) -> String {
        let runs: Vec<&str> = [Level::Op, Level::Iop, Level::Php, Level::Residential]
            .iter()
            .filter(|&&l| l != level || offered)
            .map(|l| l.id())
            .collect();
        runs.join(",")
    }

    /// A level not run here is a referral, with the nearest level below it
    /// that is run as the step after (none below OP).
    #[test]
    fn a_level_not_run_here_names_the_step_after() {
        use Level::*;
        for level in [Op, Iop, Php, Residential] {
            for offered in [true, false] {
                let offer = options(&[("levels", &levels_run(level, offered))])
                    .offer(&result(level, false, &[]))
                    .unwrap();
                assert_eq!(offer.level_here, offered, "{level:?}");
                assert_eq!(offer.refers(), !offered, "{level:?}");
                let below = match level {
                    Op => None,
                    Iop => Some(Op),
                    Php => Some(Iop),
                    _ => Some(Php),
                };
                assert_eq!(offer.step_after, below.filter(|_| !offered), "{level:?}");
            }
        }
        // The nearest level below that is run, not merely the next one down.
        let offer = options(&[("levels", "op")])
            .offer(&result(Residential, false, &[]))
            .unwrap();
        assert_eq!(offer.step_after, Some(Op));
    }

    #[test]
    fn an_emergency_before_the_other_answers_has_nothing_to_offer() {
        let o = options(&[("levels", "iop")]);
        assert_eq!(o.offer(&result(Level::Emergency, false, &[])), None);
        let mut later = result(Level::Emergency, false, &[]);
        later.after_emergency = Some(Level::Php);
        assert!(
            !o.offer(&later).unwrap().level_here,
            "the level the answers give once safe"
        );
    }

    #[test]
    fn a_teen_is_referred_when_teens_are_not_served() {
        let a = result(Level::Iop, false, &[Flag::Adolescent]);
        let offer = options(&[("servesAdolescents", "false")])
            .offer(&a)
            .unwrap();
        assert!(offer.teen_elsewhere && offer.refers());
    }
}
