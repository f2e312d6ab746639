//! The level: the first rule that holds (section 4.3 of the doc).

use super::*;

/// Answers a level rule reads beside the dimensions' ratings.
#[derive(Clone, Copy)]
pub(super) enum Uses {
    Nothing,
    /// How often (active, regular or daily use).
    Frequency,
    /// Opioids (used or as treatment) with alcohol or sedatives, and how often.
    Mixing,
}

/// A level rule of the doc's section 4.3 (its number is its place in
/// [`LEVEL_RULES`], from 1): when it holds, the level, its reason, the
/// dimensions whose top findings explain it, and the other answers it reads.
pub struct LevelRule {
    pub level: Level,
    /// The reason id and its translation key.
    pub reason: ReasonId,
    pub dimensions: &'static [Dimension],
    pub(super) uses: Uses,
    holds: fn(&Case, &Ratings) -> bool,
}

/// The level rules in the order they are tried; the last always holds.
pub const LEVEL_RULES: &[LevelRule] = &[
    LevelRule {
        level: Level::Residential,
        reason: reason_id!("level_residential_mental_health_environment"),
        dimensions: &[Dimension::MentalHealth, Dimension::Environment],
        uses: Uses::Nothing,
        holds: |_c, d| d.mental_health >= 3 && d.environment >= 3,
    },
    LevelRule {
        level: Level::Residential,
        reason: reason_id!("level_residential_relapse_environment"),
        dimensions: &[Dimension::Relapse, Dimension::Environment],
        uses: Uses::Nothing,
        holds: |_c, d| d.relapse >= 3 && d.environment >= 3,
    },
    LevelRule {
        level: Level::Residential,
        reason: reason_id!("level_residential_withdrawal_health"),
        dimensions: &[Dimension::Withdrawal, Dimension::PhysicalHealth],
        uses: Uses::Nothing,
        holds: |_c, d| d.withdrawal >= 3 && d.physical_health >= 2,
    },
    // Withdrawal that needs watching, with no safe place to do it.
    LevelRule {
        level: Level::Residential,
        reason: reason_id!("level_residential_withdrawal_environment"),
        dimensions: &[Dimension::Withdrawal, Dimension::Environment],
        uses: Uses::Nothing,
        holds: |_c, d| d.withdrawal >= 3 && d.environment >= 3,
    },
    LevelRule {
        level: Level::Php,
        reason: reason_id!("level_php_mental_health"),
        dimensions: &[
            Dimension::MentalHealth,
            Dimension::Relapse,
            Dimension::Environment,
        ],
        uses: Uses::Frequency,
        holds: |c, d| d.mental_health >= 3 && (c.active() || d.relapse >= 2 || d.environment >= 2),
    },
    LevelRule {
        level: Level::Php,
        reason: reason_id!("level_php_health"),
        dimensions: &[
            Dimension::PhysicalHealth,
            Dimension::Withdrawal,
            Dimension::MentalHealth,
            Dimension::Relapse,
        ],
        uses: Uses::Frequency,
        holds: |c, d| {
            d.physical_health >= 3
                && c.active()
                && (d.withdrawal >= 2 || d.mental_health >= 2 || d.relapse >= 2)
        },
    },
    LevelRule {
        level: Level::Php,
        reason: reason_id!("level_php_relapse_environment"),
        dimensions: &[Dimension::Relapse, Dimension::Environment],
        uses: Uses::Nothing,
        holds: |_c, d| d.relapse >= 3 && d.environment >= 2,
    },
    LevelRule {
        level: Level::Php,
        reason: reason_id!("level_php_withdrawal"),
        dimensions: &[Dimension::Withdrawal],
        uses: Uses::Nothing,
        holds: |_c, d| d.withdrawal == 4,
    },
    LevelRule {
        level: Level::Php,
        reason: reason_id!("level_php_mixed"),
        dimensions: &[Dimension::Withdrawal, Dimension::Relapse],
        uses: Uses::Mixing,
        holds: |c, d| c.mixed() && (c.wd() >= Withdrawal::Moderate || d.relapse >= 3),
    },
    LevelRule {
        level: Level::Iop,
        reason: reason_id!("level_iop_relapse"),
        dimensions: &[Dimension::Relapse],
        uses: Uses::Nothing,
        holds: |_c, d| d.relapse >= 2,
    },
    LevelRule {
        level: Level::Iop,
        reason: reason_id!("level_iop_environment"),
        dimensions: &[Dimension::Environment],
        uses: Uses::Nothing,
        holds: |_c, d| d.environment >= 3,
    },
    LevelRule {
        level: Level::Iop,
        reason: reason_id!("level_iop_withdrawal"),
        dimensions: &[Dimension::Withdrawal],
        uses: Uses::Nothing,
        holds: |_c, d| d.withdrawal >= 2,
    },
    LevelRule {
        level: Level::Iop,
        reason: reason_id!("level_iop_mental_health"),
        dimensions: &[Dimension::MentalHealth],
        uses: Uses::Frequency,
        holds: |c, d| (d.mental_health >= 2 && c.regular()) || d.mental_health >= 3,
    },
    LevelRule {
        level: Level::Iop,
        reason: reason_id!("level_iop_mixed"),
        dimensions: &[],
        uses: Uses::Mixing,
        holds: |c, _d| c.mixed(),
    },
    LevelRule {
        level: Level::Iop,
        reason: reason_id!("level_iop_health_daily"),
        dimensions: &[Dimension::PhysicalHealth],
        uses: Uses::Frequency,
        holds: |c, d| d.physical_health >= 2 && c.daily(),
    },
    LevelRule {
        level: Level::Iop,
        reason: reason_id!("level_iop_environment_daily"),
        dimensions: &[Dimension::Environment],
        uses: Uses::Frequency,
        holds: |c, d| c.daily() && d.environment >= 2,
    },
    LevelRule {
        level: Level::Op,
        reason: reason_id!("level_op_low_risk"),
        dimensions: &[],
        uses: Uses::Nothing,
        holds: |_c, _d| true,
    },
];

/// The least intensive level that is still safe: the first rule that holds.
pub(super) fn choose_level(c: &Case, d: &Ratings) -> &'static LevelRule {
    LEVEL_RULES
        .iter()
        .find(|rule| (rule.holds)(c, d))
        .expect("the last rule always holds")
}
