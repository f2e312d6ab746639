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
