//! The one application state and its pure reducer. No web APIs here:
//! effects (URL, storage, canvas) live in the view, keyed on this state.

use std::rc::Rc;

use yew::Reducible;

use crate::i18n::Lang;
use crate::model::{Growth, IndicatorKey, Plan, Preset, Scenario};

/// The plan, shared and compared by identity: it is parsed once and never
/// replaced, so comparing pointers is exact and cheap.
#[derive(Clone, Debug)]
pub struct PlanRef(pub Rc<Plan>);

impl PartialEq for PlanRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for PlanRef {
    type Target = Plan;

    fn deref(&self) -> &Plan {
        &self.0
    }
}

/// Which cells a bulk change touches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BulkTarget {
    /// Every unit and year of the indicator.
    All,
    /// One unit (row index), every year.
    Row(usize),
    /// One year column (0 = base year + 1), every unit.
    Column(usize),
}

/// Which indicators a preset applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The indicator on screen.
    Current,
    /// All four.
    AllIndicators,
}

/// Everything the page shows is derived from this.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The plan, parsed once at start-up.
    pub plan: PlanRef,
    /// The scenario being edited.
    pub scenario: Rc<Scenario>,
    /// The indicator whose grid is shown.
    pub indicator: IndicatorKey,
    /// Interface language.
    pub lang: Lang,
}

/// Every change a user can make.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show another indicator's grid.
    SelectIndicator(IndicatorKey),
    /// Switch the interface language.
    SetLang(Lang),
    /// Set one cell.
    SetCell {
        /// Indicator.
        indicator: IndicatorKey,
        /// Unit index.
        unit: usize,
        /// Year column (0 = base year + 1).
        year: usize,
        /// The new growth.
        growth: Growth,
    },
    /// Set a row, a column or every cell of one indicator.
    Bulk {
        /// Indicator.
        indicator: IndicatorKey,
        /// Which cells.
        target: BulkTarget,
        /// The new growth.
        growth: Growth,
    },
    /// Fill growth tables from a preset.
    ApplyPreset {
        /// Which preset.
        preset: Preset,
        /// The current indicator or all four.
        scope: Scope,
    },
    /// Back to the default scenario (all indicators, default bases).
    Reset,
}

impl AppState {
    /// The state the page opens on.
    pub fn new(plan: Rc<Plan>) -> Self {
        let plan = PlanRef(plan);
        let scenario = Rc::new(Scenario::default_for(&plan));
        AppState { plan, scenario, indicator: IndicatorKey::Funds, lang: Lang::Zh }
    }

    fn with_scenario(self: Rc<Self>, scenario: Scenario) -> Rc<Self> {
        if *self.scenario == scenario {
            return self;
        }
        Rc::new(AppState { scenario: Rc::new(scenario), ..(*self).clone() })
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SelectIndicator(indicator) if indicator != self.indicator => {
                Rc::new(AppState { indicator, ..(*self).clone() })
            }
            Action::SetLang(lang) if lang != self.lang => Rc::new(AppState { lang, ..(*self).clone() }),
            Action::SelectIndicator(_) | Action::SetLang(_) => self,
            Action::SetCell { indicator, unit, year, growth } => {
                if self.scenario.growth(indicator).get(unit, year) == Some(growth) {
                    return self;
                }
                let mut s = (*self.scenario).clone();
                s.growth_mut(indicator).set(unit, year, growth);
                self.with_scenario(s)
            }
            Action::Bulk { indicator, target, growth } => {
                let mut s = (*self.scenario).clone();
                s.growth_mut(indicator).set_where(growth, |u, y| match target {
                    BulkTarget::All => true,
                    BulkTarget::Row(r) => u == r,
                    BulkTarget::Column(c) => y == c,
                });
                self.with_scenario(s)
            }
            Action::ApplyPreset { preset, scope } => {
                let mut s = (*self.scenario).clone();
                let keys = match scope {
                    Scope::Current => vec![self.indicator],
                    Scope::AllIndicators => IndicatorKey::ALL.to_vec(),
                };
                for key in keys {
                    *s.growth_mut(key) = preset.table(&self.plan, key);
                }
                self.with_scenario(s)
            }
            Action::Reset => {
                let s = Scenario::default_for(&self.plan);
                self.with_scenario(s)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start() -> Rc<AppState> {
        Rc::new(AppState::new(Rc::new(Plan::shipped().unwrap())))
    }

    fn g(p: f64) -> Growth {
        Growth::from_percent(p).unwrap()
    }

    #[test]
    fn no_ops_return_the_same_rc() {
        let s = start();
        let current = s.scenario.growth(IndicatorKey::Funds).get(0, 0).unwrap();
        for action in [
            Action::SelectIndicator(IndicatorKey::Funds),
            Action::SetLang(Lang::Zh),
            Action::SetCell { indicator: IndicatorKey::Funds, unit: 0, year: 0, growth: current },
            Action::SetCell { indicator: IndicatorKey::Funds, unit: 99, year: 0, growth: g(1.0) },
            Action::Bulk { indicator: IndicatorKey::Funds, target: BulkTarget::Column(0), growth: current },
            Action::ApplyPreset { preset: Preset::PlanPath, scope: Scope::AllIndicators },
            Action::Reset,
        ] {
            assert!(Rc::ptr_eq(&s, &s.clone().reduce(action.clone())), "{action:?}");
        }
    }

    #[test]
    fn set_cell_changes_exactly_that_cell() {
        let s = start();
        let next =
            s.clone().reduce(Action::SetCell { indicator: IndicatorKey::Capacity, unit: 3, year: 1, growth: g(7.7) });
        for key in IndicatorKey::ALL {
            let (a, b) = (s.scenario.growth(key), next.scenario.growth(key));
            for u in 0..9 {
                for y in 0..a.years() {
                    let want =
                        if key == IndicatorKey::Capacity && (u, y) == (3, 1) { g(7.7) } else { a.get(u, y).unwrap() };
                    assert_eq!(b.get(u, y), Some(want));
                }
            }
        }
        assert_eq!((next.indicator, next.lang), (s.indicator, s.lang));
    }

    #[test]
    fn bulk_sets_rows_columns_and_all() {
        let s = start();
        let key = IndicatorKey::ValueAdded;
        let row = s.clone().reduce(Action::Bulk { indicator: key, target: BulkTarget::Row(2), growth: g(9.0) });
        let t = row.scenario.growth(key);
        assert!(t.row(2).iter().all(|c| *c == g(9.0)));
        assert_eq!(t.row(1), s.scenario.growth(key).row(1));
        let col = s.clone().reduce(Action::Bulk { indicator: key, target: BulkTarget::Column(3), growth: g(-4.0) });
        let t = col.scenario.growth(key);
        assert!((0..9).all(|u| t.get(u, 3) == Some(g(-4.0)) && t.get(u, 2) == s.scenario.growth(key).get(u, 2)));
        let all = s.clone().reduce(Action::Bulk { indicator: key, target: BulkTarget::All, growth: g(1.0) });
        assert!(all.scenario.growth(key).cells().iter().all(|c| *c == g(1.0)));
        assert_eq!(all.scenario.growth(IndicatorKey::Funds), s.scenario.growth(IndicatorKey::Funds));
    }

    #[test]
    fn presets_respect_scope_and_reset_restores() {
        let s = start();
        let zero_current = s.clone().reduce(Action::ApplyPreset { preset: Preset::Zero, scope: Scope::Current });
        assert!(zero_current.scenario.growth(IndicatorKey::Funds).cells().iter().all(|c| *c == Growth::ZERO));
        assert_eq!(zero_current.scenario.growth(IndicatorKey::Investment), s.scenario.growth(IndicatorKey::Investment));
        let zero_all = s.clone().reduce(Action::ApplyPreset { preset: Preset::Zero, scope: Scope::AllIndicators });
        assert!(IndicatorKey::ALL.iter().all(|k| zero_all
            .scenario
            .growth(*k)
            .cells()
            .iter()
            .all(|c| *c == Growth::ZERO)));
        let back = zero_all.reduce(Action::Reset);
        assert_eq!(back.scenario, s.scenario);
    }

    #[test]
    fn view_actions_change_only_the_view() {
        let s = start();
        let en = s.clone().reduce(Action::SetLang(Lang::En));
        assert_eq!(en.lang, Lang::En);
        assert!(Rc::ptr_eq(&en.scenario, &s.scenario));
        let ind = s.clone().reduce(Action::SelectIndicator(IndicatorKey::ValueAdded));
        assert_eq!(ind.indicator, IndicatorKey::ValueAdded);
        assert!(Rc::ptr_eq(&ind.scenario, &s.scenario));
    }
}
