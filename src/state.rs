//! The one application state and its pure reducer. No web APIs here:
//! effects (URL, storage, canvas) live in the view, keyed on this state.

use std::rc::Rc;

use yew::Reducible;

use crate::model::codec::Fragment;
use crate::model::uncertainty::{Coefficient, Range};
use crate::model::{
    Base, Growth, GrowthTable, IndicatorKey, Lang, LinkError, LinkState, Plan, Preset, Report, ReportKind, Scenario,
    Unallocated,
};

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

impl BulkTarget {
    /// Whether the cell of `unit` in year column `year` is one a bulk
    /// change sets: one of the target's, in an open year (from `open` on).
    pub fn selects(self, unit: usize, year: usize, open: usize) -> bool {
        year >= open
            && match self {
                BulkTarget::All => true,
                BulkTarget::Row(r) => unit == r,
                BulkTarget::Column(c) => year == c,
            }
    }
}

/// Which indicators a preset applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The indicator on screen.
    Current,
    /// All four.
    AllIndicators,
}

/// How the last change to what a link holds (scenario, language) came
/// about; the address bar follows accordingly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// The page just opened.
    Opened,
    /// A slider step, a keystroke, the language: the address is replaced,
    /// debounced, without a new history entry.
    Continuous,
    /// A deliberate step (preset, bulk set, reset, opening a saved
    /// scenario or a file): a new history entry.
    Step,
    /// Back or forward in history: the address already says it.
    Restored,
}

/// How many earlier scenarios undo keeps.
pub const UNDO_LIMIT: usize = 100;

/// What a change edited, so that a drag of one slider or typing a name
/// counts as one step to undo.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Edit {
    /// One growth cell: indicator, unit, year column.
    Cell(IndicatorKey, usize, usize),
    /// The scenario's name.
    Name,
    /// One 2022 base: indicator, unit.
    Base(IndicatorKey, usize),
    /// A reported year's figures: indicator, year column, unit (`None` for
    /// the city-wide figure).
    Report(IndicatorKey, usize, Option<usize>),
    /// The unallocated part of an indicator.
    Unallocated(IndicatorKey),
    /// Where an indicator's bases come from.
    Source(IndicatorKey),
    /// One range: indicator, cell (`None` for the unallocated part).
    Range(IndicatorKey, Option<(usize, usize)>),
    /// ρ (`true`) or φ.
    Coefficient(bool),
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
    /// Counts changes to what a link holds.
    pub revision: u64,
    /// How the last of them came about.
    pub change: Change,
    /// Why the link the page was opened with could not be read; the page
    /// then shows the default scenario.
    pub link_error: Option<LinkError>,
    /// Earlier scenarios, oldest first, for undo (at most [`UNDO_LIMIT`]).
    pub past: Rc<Vec<Rc<Scenario>>>,
    /// Undone scenarios, most recently undone last, for redo.
    pub future: Rc<Vec<Rc<Scenario>>>,
    /// What the last change edited, if it was a continuous edit.
    pub last_edit: Option<Edit>,
    /// Presentation mode: large type, verdicts and paths only.
    pub presenting: bool,
    /// Whether the workshop view (工作坊汇总) is open.
    pub workshop: bool,
    /// Scenario A, pinned for comparison; the scenario being edited is B.
    pub pinned: Option<Rc<LinkState>>,
    /// The revision that the last change made in an on-demand panel (see
    /// `extras`) produced: while it is the current one, the panels are told
    /// at once, not after the next frame.
    pub adopted_at: u64,
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
    /// Step one growth cell from the value it holds now (a slider's arrow
    /// or page key). Relative, so two presses that come before the page has
    /// rendered the first (yew yields to the browser in a long render, and
    /// key presses run before its continuation) are two steps, not one.
    StepCell {
        /// Indicator.
        indicator: IndicatorKey,
        /// Unit index.
        unit: usize,
        /// Year column (0 = base year + 1).
        year: usize,
        /// The step in basis points, as [`Growth::stepped`] takes it.
        delta_bp: i32,
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
    /// Replace scenario and language with a decoded link, a saved scenario
    /// or an imported file.
    Load {
        /// What to show.
        state: Box<LinkState>,
        /// A deliberate step, or history navigation.
        change: Change,
    },
    /// Rename the scenario.
    SetName(String),
    /// Set one unit's 2022 base.
    SetBase {
        /// Indicator.
        indicator: IndicatorKey,
        /// Unit index.
        unit: usize,
        /// The new base.
        base: Base,
    },
    /// A link met while the page was open (back, forward, an edited
    /// address) could not be read: say why, keep the scenario.
    LinkFailed(LinkError),
    /// Hide the message about a link that could not be opened.
    DismissLinkError,
    /// Enter or leave presentation mode.
    SetPresenting(bool),
    /// Switch presentation mode.
    TogglePresenting,
    /// Open or close the workshop view.
    SetWorkshop(bool),
    /// Replace one indicator's growth table (an accepted solution): one step.
    SetTable(IndicatorKey, GrowthTable),
    /// Pin the current scenario as A for comparison (or unpin with `false`).
    Pin(bool),
    /// Pin the current scenario as A, or unpin it if one is pinned: the
    /// button's click, flipped from the state when it is applied (a second
    /// click can come before the first one's render).
    TogglePin,
    /// Switch to the other language, from the state when it is applied.
    ToggleLang,
    /// Set many bases at once (an applied import): one step.
    ApplyBases(Vec<(IndicatorKey, usize, Base)>),
    /// Mark the first `years` year columns of an indicator reported (the
    /// rest open).
    SetReportedYears {
        /// Indicator.
        indicator: IndicatorKey,
        /// How many years, from the first.
        years: usize,
    },
    /// Change how a reported year is entered (unit or city, growth or level).
    SetReportKind {
        /// Indicator.
        indicator: IndicatorKey,
        /// Year column.
        year: usize,
        /// The new kind.
        kind: ReportKind,
    },
    /// Set a reported year's city-wide figure (a city growth or level).
    SetReport {
        /// Indicator.
        indicator: IndicatorKey,
        /// Year column.
        year: usize,
        /// The figures.
        report: Report,
    },
    /// Set one unit's reported level.
    SetReportedLevel {
        /// Indicator.
        indicator: IndicatorKey,
        /// Year column.
        year: usize,
        /// Unit index.
        unit: usize,
        /// The level, 亿元.
        level: Base,
    },
    /// Add, change or remove an indicator's unallocated part.
    SetUnallocated(IndicatorKey, Option<Unallocated>),
    /// Set where an indicator's bases come from.
    SetSource(IndicatorKey, String),
    /// Switch uncertainty on or off.
    SetUncertainty(bool),
    /// Set ρ (`rho`) or φ.
    SetCoefficient {
        /// ρ when true, φ when false.
        rho: bool,
        /// The new value.
        value: Coefficient,
    },
    /// Set one cell's range, or the unallocated part's (`cell: None`).
    SetRange {
        /// Indicator.
        indicator: IndicatorKey,
        /// Unit and year column.
        cell: Option<(usize, usize)>,
        /// The new range.
        range: Range,
    },
    /// Set the ranges of a row, a column or every open cell (and, for
    /// every cell, the unallocated part's): one step.
    BulkRange {
        /// Indicator.
        indicator: IndicatorKey,
        /// Which cells.
        target: BulkTarget,
        /// The new range.
        range: Range,
    },
    /// Back to the scenario before the last change.
    Undo,
    /// Forward again after an undo.
    Redo,
    /// A change made in an on-demand panel (see `extras`), which ran this
    /// reducer on its own copy of the state: take its scenario as that
    /// change made it, and its view if the change set one.
    Adopt {
        /// The scenario, and the language and indicator when `view`.
        state: Box<LinkState>,
        /// How the change came about.
        change: Change,
        /// What it edited, so that typing in a panel is one undo step.
        edit: Option<Edit>,
        /// Whether the change set the language or the indicator.
        view: bool,
    },
    /// The on-demand panels' copy of the page's state: scenario, view and
    /// pinned A, without history.
    Mirror {
        /// What the page shows.
        state: Box<LinkState>,
        /// Scenario A, if pinned.
        pinned: Option<Rc<LinkState>>,
    },
}

impl AppState {
    /// The state the page opens on: the scenario in `fragment` (the URL's
    /// `#…`) if it holds one, else the default. A fragment that holds a
    /// code that cannot be read gives the default scenario and the reason.
    pub fn open(plan: Rc<Plan>, fragment: Option<&str>) -> Self {
        let code = fragment.and_then(|f| f.parse::<Fragment>().ok());
        let decoded = code.map(|c| LinkState::decode(&c.0, &plan));
        let (scenario, lang, indicator, link_error) = match decoded {
            Some(Ok(st)) => (st.scenario, st.lang, st.indicator.unwrap_or(IndicatorKey::Funds), None),
            Some(Err(e)) => (Scenario::default_for(&plan), Lang::Zh, IndicatorKey::Funds, Some(e)),
            None => (Scenario::default_for(&plan), Lang::Zh, IndicatorKey::Funds, None),
        };
        AppState {
            plan: PlanRef(plan),
            scenario: Rc::new(scenario),
            indicator,
            lang,
            revision: 0,
            change: Change::Opened,
            link_error,
            past: Rc::new(Vec::new()),
            future: Rc::new(Vec::new()),
            last_edit: None,
            presenting: false,
            workshop: false,
            pinned: None,
            adopted_at: 0,
        }
    }

    /// The state the page opens on with no link.
    pub fn new(plan: Rc<Plan>) -> Self {
        Self::open(plan, None)
    }

    /// Whether the page opened on a link it could not read and nothing has
    /// been edited since: the address bar still holds that link.
    pub fn broken_link_shown(&self) -> bool {
        self.link_error.is_some() && self.change == Change::Opened
    }

    /// What a link to this state holds.
    pub fn link(&self) -> LinkState {
        LinkState { scenario: (*self.scenario).clone(), lang: self.lang, indicator: Some(self.indicator) }
    }

    /// Takes `scenario`, remembering the current one for undo unless this
    /// continues the same edit (`edit` equal to the last one).
    fn with_scenario(self: Rc<Self>, scenario: Scenario, change: Change, edit: Option<Edit>) -> Rc<Self> {
        if *self.scenario == scenario {
            return self;
        }
        let past = if edit.is_some() && edit == self.last_edit {
            self.past.clone()
        } else {
            let mut past = (*self.past).clone();
            past.push(self.scenario.clone());
            if past.len() > UNDO_LIMIT {
                past.remove(0);
            }
            Rc::new(past)
        };
        Rc::new(AppState {
            scenario: Rc::new(scenario),
            revision: self.revision + 1,
            change,
            past,
            future: Rc::new(Vec::new()),
            last_edit: edit,
            ..(*self).clone()
        })
    }

    /// Takes a loaded or adopted scenario, and its language and indicator
    /// when `view`.
    fn load(self: Rc<Self>, state: LinkState, change: Change, edit: Option<Edit>, view: bool) -> Rc<Self> {
        let LinkState { scenario, lang, indicator } = state;
        let (lang, indicator) =
            if view { (lang, indicator.unwrap_or(self.indicator)) } else { (self.lang, self.indicator) };
        let view_changed = lang != self.lang || indicator != self.indicator;
        let next = self.with_scenario(scenario, change, edit);
        if !view_changed {
            return next;
        }
        Rc::new(AppState { lang, indicator, revision: next.revision + 1, change, ..(*next).clone() })
    }

    /// Moves one scenario from `from` to the screen and the current one onto
    /// `to`: undo with (past, future), redo with (future, past).
    fn travel(self: Rc<Self>, backwards: bool) -> Rc<Self> {
        let (from, to) = if backwards { (&self.past, &self.future) } else { (&self.future, &self.past) };
        let mut from = (**from).clone();
        let Some(target) = from.pop() else { return self };
        let mut to = (**to).clone();
        to.push(self.scenario.clone());
        let (past, future) = if backwards { (from, to) } else { (to, from) };
        Rc::new(AppState {
            scenario: target,
            revision: self.revision + 1,
            change: Change::Continuous,
            past: Rc::new(past),
            future: Rc::new(future),
            last_edit: None,
            ..(*self).clone()
        })
    }
    /// The part of [`Reducible::reduce`] for growth tables: cells, bulk
    /// changes, presets and accepted solutions.
    fn reduce_growth(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetCell { indicator, unit, year, growth } => {
                let inputs = self.scenario.inputs(indicator);
                // In a reported year the cell is the actual figure only when growth is reported per unit.
                let figure = inputs.report(year).is_none_or(|r| *r == Report::UnitGrowth);
                if !figure || inputs.growth.get(unit, year) == Some(growth) {
                    return self;
                }
                let mut s = (*self.scenario).clone();
                s.growth_mut(indicator).set(unit, year, growth);
                self.with_scenario(s, Change::Continuous, Some(Edit::Cell(indicator, unit, year)))
            }
            Action::StepCell { indicator, unit, year, delta_bp } => {
                match self.scenario.inputs(indicator).growth.get(unit, year) {
                    Some(now) => {
                        self.reduce_growth(Action::SetCell { indicator, unit, year, growth: now.stepped(delta_bp) })
                    }
                    None => self,
                }
            }
            Action::Bulk { indicator, target, growth } => {
                let mut s = (*self.scenario).clone();
                let open = s.inputs(indicator).reported_years();
                s.growth_mut(indicator).set_where(growth, |u, y| target.selects(u, y, open));
                self.with_scenario(s, Change::Step, None)
            }
            Action::ApplyPreset { preset, scope } => {
                let mut s = (*self.scenario).clone();
                let keys = match scope {
                    Scope::Current => vec![self.indicator],
                    Scope::AllIndicators => IndicatorKey::ALL.to_vec(),
                };
                for key in keys {
                    // Reported years keep their figures.
                    let (from, open) = (preset.table(&self.plan, key), s.inputs(key).reported_years());
                    let table = s.growth_mut(key);
                    for u in 0..table.units() {
                        for y in open..table.years() {
                            table.set(u, y, from.get(u, y).unwrap_or_default());
                        }
                    }
                }
                self.with_scenario(s, Change::Step, None)
            }
            Action::SetTable(key, table) => {
                if table.years() != self.scenario.growth(key).years() || table.units() != self.plan.units.len() {
                    return self;
                }
                let mut s = (*self.scenario).clone();
                *s.growth_mut(key) = table;
                self.with_scenario(s, Change::Step, None)
            }
            _ => self,
        }
    }

    /// The part of [`Reducible::reduce`] for real figures: reported years,
    /// the unallocated part and sources.
    fn reduce_figures(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetReportedYears { indicator, years } => {
                let mut s = (*self.scenario).clone();
                s.inputs_mut(indicator).set_reported_years(years);
                self.with_scenario(s, Change::Step, None)
            }
            Action::SetReportKind { indicator, year, kind } => {
                let mut s = (*self.scenario).clone();
                s.inputs_mut(indicator).switch_report_kind(year, kind);
                self.with_scenario(s, Change::Step, None)
            }
            Action::SetReport { indicator, year, report } => {
                let mut s = (*self.scenario).clone();
                s.inputs_mut(indicator).set_report(year, report);
                self.with_scenario(s, Change::Continuous, Some(Edit::Report(indicator, year, None)))
            }
            Action::SetReportedLevel { indicator, year, unit, level } => {
                let mut s = (*self.scenario).clone();
                let inputs = s.inputs_mut(indicator);
                let Some(Report::UnitLevels(mut levels)) = inputs.report(year).cloned() else { return self };
                let Some(slot) = levels.get_mut(unit) else { return self };
                *slot = level;
                inputs.set_report(year, Report::UnitLevels(levels));
                self.with_scenario(s, Change::Continuous, Some(Edit::Report(indicator, year, Some(unit))))
            }
            Action::SetUnallocated(indicator, part) => {
                let mut s = (*self.scenario).clone();
                let edit = part.is_some() && s.inputs(indicator).unallocated.is_some();
                s.inputs_mut(indicator).unallocated = part;
                // Adding or removing the part is a step; changing its figures continues one edit.
                let (change, edit) =
                    if edit { (Change::Continuous, Some(Edit::Unallocated(indicator))) } else { (Change::Step, None) };
                self.with_scenario(s, change, edit)
            }
            Action::SetSource(indicator, text) => {
                let mut s = (*self.scenario).clone();
                s.inputs_mut(indicator).set_source(&text);
                self.with_scenario(s, Change::Continuous, Some(Edit::Source(indicator)))
            }
            _ => self,
        }
    }
}

impl AppState {
    /// The part of [`Reducible::reduce`] for uncertainty: the switch, ρ and
    /// φ, and ranges.
    fn reduce_uncertainty(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self.scenario).clone();
        let (change, edit) = match action {
            Action::SetUncertainty(on) => {
                s.uncertainty.on = on;
                (Change::Step, None)
            }
            Action::SetCoefficient { rho, value } => {
                if rho {
                    s.uncertainty.rho = value;
                } else {
                    s.uncertainty.phi = value;
                }
                (Change::Continuous, Some(Edit::Coefficient(rho)))
            }
            Action::SetRange { indicator, cell, range } => {
                let table = &mut s.inputs_mut(indicator).ranges;
                match cell {
                    Some((unit, year)) => {
                        table.set(unit, year, range);
                    }
                    None => table.unallocated = range,
                }
                (Change::Continuous, Some(Edit::Range(indicator, cell)))
            }
            Action::BulkRange { indicator, target, range } => {
                let open = s.inputs(indicator).reported_years();
                let table = &mut s.inputs_mut(indicator).ranges;
                table.set_where(range, |u, y| target.selects(u, y, open));
                if target == BulkTarget::All {
                    table.unallocated = range;
                }
                (Change::Step, None)
            }
            _ => return self,
        };
        self.with_scenario(s, change, edit)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            // The link carries the indicator on screen: the address follows,
            // replaced like a slider step, with no undo step.
            // A broken link stays in the address bar until the first edit.
            Action::SelectIndicator(indicator) if indicator != self.indicator && self.broken_link_shown() => {
                Rc::new(AppState { indicator, ..(*self).clone() })
            }
            Action::SelectIndicator(indicator) if indicator != self.indicator => Rc::new(AppState {
                indicator,
                revision: self.revision + 1,
                change: Change::Continuous,
                ..(*self).clone()
            }),
            Action::SetLang(lang) if lang != self.lang => {
                Rc::new(AppState { lang, revision: self.revision + 1, change: Change::Continuous, ..(*self).clone() })
            }
            Action::DismissLinkError if self.link_error.is_some() => {
                Rc::new(AppState { link_error: None, ..(*self).clone() })
            }
            Action::SetPresenting(on) if on != self.presenting => {
                Rc::new(AppState { presenting: on, ..(*self).clone() })
            }
            Action::SelectIndicator(_) | Action::SetLang(_) | Action::DismissLinkError | Action::SetPresenting(_) => {
                self
            }
            Action::Reset => {
                let s = Scenario::default_for(&self.plan);
                self.with_scenario(s, Change::Step, None)
            }
            Action::Load { state, change } => self.load(*state, change, None, true),
            Action::Adopt { state, change, edit, view } => {
                let next = self.load(*state, change, edit, view);
                let adopted_at = next.revision;
                Rc::new(AppState { adopted_at, ..(*next).clone() })
            }
            Action::Mirror { state, pinned } => {
                let LinkState { scenario, lang, indicator } = *state;
                Rc::new(AppState {
                    scenario: Rc::new(scenario),
                    lang,
                    indicator: indicator.unwrap_or(self.indicator),
                    pinned,
                    revision: self.revision + 1,
                    change: Change::Restored,
                    last_edit: None,
                    ..(*self).clone()
                })
            }
            Action::SetWorkshop(on) => Rc::new(AppState { workshop: on, ..(*self).clone() }),
            Action::TogglePresenting => Rc::new(AppState { presenting: !self.presenting, ..(*self).clone() }),
            Action::SetBase { indicator, unit, base } => {
                let mut s = (*self.scenario).clone();
                if !s.set_base(indicator, unit, base) {
                    return self;
                }
                self.with_scenario(s, Change::Continuous, Some(Edit::Base(indicator, unit)))
            }
            Action::Pin(true) => Rc::new(AppState { pinned: Some(Rc::new(self.link())), ..(*self).clone() }),
            Action::Pin(false) if self.pinned.is_some() => Rc::new(AppState { pinned: None, ..(*self).clone() }),
            Action::Pin(false) => self,
            Action::TogglePin => {
                let pin = self.pinned.is_none();
                self.reduce(Action::Pin(pin))
            }
            Action::ToggleLang => {
                let other = self.lang.toggled();
                self.reduce(Action::SetLang(other))
            }
            Action::ApplyBases(bases) => {
                let mut s = (*self.scenario).clone();
                for (key, unit, base) in bases {
                    s.set_base(key, unit, base);
                }
                self.with_scenario(s, Change::Step, None)
            }
            a @ (Action::SetCell { .. }
            | Action::StepCell { .. }
            | Action::Bulk { .. }
            | Action::ApplyPreset { .. }
            | Action::SetTable(..)) => self.reduce_growth(a),
            a @ (Action::SetReportedYears { .. }
            | Action::SetReportKind { .. }
            | Action::SetReport { .. }
            | Action::SetReportedLevel { .. }
            | Action::SetUnallocated(..)
            | Action::SetSource(..)) => self.reduce_figures(a),
            a @ (Action::SetUncertainty(_)
            | Action::SetCoefficient { .. }
            | Action::SetRange { .. }
            | Action::BulkRange { .. }) => self.reduce_uncertainty(a),
            Action::Undo => self.travel(true),
            Action::Redo => self.travel(false),
            Action::SetName(name) => {
                let name: String = name.chars().take(crate::model::codec::MAX_NAME_CHARS).collect();
                let mut s = (*self.scenario).clone();
                s.name = name;
                self.with_scenario(s, Change::Continuous, Some(Edit::Name))
            }
            Action::LinkFailed(e) => Rc::new(AppState { link_error: Some(e), ..(*self).clone() }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start() -> Rc<AppState> {
        Rc::new(AppState::new(Rc::new(Plan::shipped().unwrap())))
    }

    #[test]
    fn a_panel_s_changes_are_adopted_like_the_page_s_own_and_a_mirror_keeps_no_history() {
        let page = start();
        // The panels' copy: the same state, told by a mirror.
        let mut shown = page.link();
        shown.lang = Lang::En;
        let panels = start().reduce(Action::Mirror { state: Box::new(shown), pinned: Some(Rc::new(page.link())) });
        assert_eq!((panels.lang, panels.change, panels.past.len()), (Lang::En, Change::Restored, 0));
        assert!(panels.pinned.is_some());
        // Typing a name there, two keys: each adopted with its edit, one undo step.
        let mut page = page;
        for name in ["方", "方案"] {
            let typed = panels.clone().reduce(Action::SetName(name.into()));
            page = page.reduce(Action::Adopt {
                state: Box::new(typed.link()),
                change: typed.change,
                edit: typed.last_edit,
                view: false,
            });
            assert_eq!(page.adopted_at, page.revision);
        }
        assert_eq!((page.scenario.name.as_str(), page.past.len(), page.lang), ("方案", 1, Lang::Zh));
        assert_eq!(page.clone().reduce(Action::Undo).scenario.name, "");
        // A step that sets the view (opening A from the comparison) takes it.
        let mut a = page.link();
        a.indicator = Some(IndicatorKey::Capacity);
        let opened =
            page.clone().reduce(Action::Adopt { state: Box::new(a), change: Change::Step, edit: None, view: true });
        assert_eq!((opened.indicator, opened.change), (IndicatorKey::Capacity, Change::Step));
        // Any later change of the page's own is not an adopted one.
        let later = opened.reduce(Action::SetLang(Lang::En));
        assert_ne!(later.adopted_at, later.revision);
    }

    #[test]
    fn key_steps_apply_to_the_value_the_state_holds_so_two_quick_presses_are_two_steps() {
        let key = IndicatorKey::Funds;
        let page = start();
        let was = page.scenario.growth(key).get(0, 0).unwrap();
        let step =
            |s: Rc<AppState>, delta_bp| s.reduce(Action::StepCell { indicator: key, unit: 0, year: 0, delta_bp });
        let twice = step(step(page.clone(), -Growth::PAGE_BP), -Growth::PAGE_BP);
        assert_eq!(twice.scenario.growth(key).get(0, 0), Some(was.stepped(-Growth::PAGE_BP).stepped(-Growth::PAGE_BP)));
        assert_ne!(twice.scenario.growth(key).get(0, 0), Some(was.stepped(-Growth::PAGE_BP)));
        // Up and back down again is where it started, on the slider's grid.
        let back = step(step(page.clone(), Growth::STEP_BP), -Growth::STEP_BP);
        assert_eq!(back.scenario.growth(key).get(0, 0), Some(was.stepped(Growth::STEP_BP).stepped(-Growth::STEP_BP)));
        // A reported year's cell is not a slider; stepping it changes nothing.
        let reported = page.reduce(Action::SetReportedYears { indicator: key, years: 1 });
        let city = reported.reduce(Action::SetReportKind { indicator: key, year: 0, kind: ReportKind::CityGrowth });
        assert!(Rc::ptr_eq(&step(city.clone(), Growth::PAGE_BP), &city));
    }

    #[test]
    fn toggles_flip_the_state_they_are_applied_to_so_two_quick_clicks_are_two_flips() {
        let page = start();
        let pinned = page.clone().reduce(Action::TogglePin);
        assert!(pinned.pinned.is_some());
        assert!(pinned.reduce(Action::TogglePin).pinned.is_none());
        let en = page.clone().reduce(Action::ToggleLang);
        assert_eq!(en.lang, Lang::En);
        assert_eq!(en.reduce(Action::ToggleLang).lang, Lang::Zh);
        let on = page.reduce(Action::TogglePresenting);
        assert!(on.presenting);
        assert!(!on.reduce(Action::TogglePresenting).presenting);
    }

    fn g(p: f64) -> Growth {
        Growth::from_percent(p).unwrap()
    }

    #[test]
    fn reported_years_are_left_alone_by_every_tool() {
        let key = IndicatorKey::ValueAdded;
        let s = start().reduce(Action::SetReportedYears { indicator: key, years: 2 });
        assert_eq!(s.scenario.inputs(key).reported_years(), 2);
        let before = s.scenario.growth(key).clone();
        let all = s.clone().reduce(Action::Bulk { indicator: key, target: BulkTarget::All, growth: g(1.0) });
        let t = all.scenario.growth(key);
        assert!((0..9).all(|u| t.get(u, 0) == before.get(u, 0) && t.get(u, 1) == before.get(u, 1)));
        assert!((0..9).all(|u| t.get(u, 2) == Some(g(1.0)) && t.get(u, 3) == Some(g(1.0))));
        let column = s.clone().reduce(Action::Bulk { indicator: key, target: BulkTarget::Column(1), growth: g(1.0) });
        assert!(Rc::ptr_eq(&column, &s), "a reported column is not bulk-set");
        let zero = s
            .clone()
            .reduce(Action::SelectIndicator(key))
            .reduce(Action::ApplyPreset { preset: Preset::Zero, scope: Scope::AllIndicators });
        let t = zero.scenario.growth(key);
        assert!((0..9).all(|u| t.get(u, 1) == before.get(u, 1) && t.get(u, 2) == Some(Growth::ZERO)));
        // Typing an actual growth in a reported year is how figures get in.
        let typed = s.clone().reduce(Action::SetCell { indicator: key, unit: 0, year: 0, growth: g(11.5) });
        assert_eq!(typed.scenario.growth(key).get(0, 0), Some(g(11.5)));
        // A year reported city-wide has no cells to type in.
        let city = s.clone().reduce(Action::SetReportKind { indicator: key, year: 0, kind: ReportKind::CityGrowth });
        assert!(matches!(city.scenario.inputs(key).report(0), Some(Report::CityGrowth(_))));
        let refused = city.clone().reduce(Action::SetCell { indicator: key, unit: 0, year: 0, growth: g(11.5) });
        assert!(Rc::ptr_eq(&refused, &city));
        // Undo walks back through the steps.
        assert_eq!(city.reduce(Action::Undo).reduce(Action::Undo).scenario.inputs(key).reported_years(), 0);
    }

    #[test]
    fn levels_unallocated_and_sources_are_edits() {
        let key = IndicatorKey::Funds;
        let s = start().reduce(Action::SetReportedYears { indicator: key, years: 1 }).reduce(Action::SetReportKind {
            indicator: key,
            year: 0,
            kind: ReportKind::UnitLevels,
        });
        let level = Base::new(40.0).unwrap();
        let one = s.clone().reduce(Action::SetReportedLevel { indicator: key, year: 0, unit: 2, level });
        let two = one.clone().reduce(Action::SetReportedLevel {
            indicator: key,
            year: 0,
            unit: 2,
            level: Base::new(41.0).unwrap(),
        });
        let Some(Report::UnitLevels(levels)) = two.scenario.inputs(key).report(0) else { panic!("levels") };
        assert_eq!(levels[2], Base::new(41.0).unwrap());
        assert_eq!(two.past.len(), one.past.len(), "typing one level is one step");
        let off = s.clone().reduce(Action::SetReportedLevel { indicator: key, year: 1, unit: 2, level });
        assert!(Rc::ptr_eq(&off, &s), "no levels in an open year");
        let part = Unallocated { base: Base::new(10.0).unwrap(), growth: g(5.0) };
        let with = s.clone().reduce(Action::SetUnallocated(key, Some(part)));
        assert_eq!(with.scenario.inputs(key).unallocated, Some(part));
        assert_eq!(with.change, Change::Step);
        let sourced = with.reduce(Action::SetSource(key, " 2022年统计公报\n2023-03 ".into()));
        assert_eq!(sourced.scenario.inputs(key).source(), "2022年统计公报 2023-03");
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
    fn link_changes_count_revisions_and_say_how() {
        let opened = start();
        assert_eq!((opened.revision, opened.change), (0, Change::Opened));
        let slid =
            opened.clone().reduce(Action::SetCell { indicator: IndicatorKey::Funds, unit: 0, year: 0, growth: g(7.0) });
        assert_eq!((slid.revision, slid.change), (1, Change::Continuous));
        let preset = slid.clone().reduce(Action::ApplyPreset { preset: Preset::Zero, scope: Scope::Current });
        assert_eq!((preset.revision, preset.change), (2, Change::Step));
        let back = preset.clone().reduce(Action::Load { state: Box::new(opened.link()), change: Change::Restored });
        assert_eq!((back.revision, back.change), (3, Change::Restored));
        assert_eq!(back.scenario, opened.scenario);
        let english = back.clone().reduce(Action::SetLang(Lang::En));
        assert_eq!((english.revision, english.change, english.lang), (4, Change::Continuous, Lang::En));
        let named = english.clone().reduce(Action::SetName("方案".repeat(80)));
        assert_eq!(named.scenario.name.chars().count(), crate::model::codec::MAX_NAME_CHARS);
        // The link carries the indicator on screen: the address is replaced,
        // and nothing is added to undo.
        let other = named.clone().reduce(Action::SelectIndicator(IndicatorKey::Capacity));
        assert_eq!((other.revision, other.change), (named.revision + 1, Change::Continuous));
        assert_eq!(other.past.len(), named.past.len());
        assert_eq!(other.link().indicator, Some(IndicatorKey::Capacity));
        let same = other.clone().reduce(Action::SelectIndicator(IndicatorKey::Capacity));
        assert!(Rc::ptr_eq(&same, &other));
    }

    #[test]
    fn opening_a_link_reads_it_or_says_why_not() {
        let plan = Rc::new(Plan::shipped().unwrap());
        let mut st = AppState::new(plan.clone()).link();
        st.scenario.growth_mut(IndicatorKey::Capacity).set(4, 1, g(3.3));
        st.lang = Lang::En;
        let code = st.encode(&plan);
        let opened = AppState::open(plan.clone(), Some(&format!("#s={code}")));
        assert_eq!((opened.link(), opened.link_error.clone()), (st, None));
        let broken = AppState::open(plan.clone(), Some(&format!("#s={}", &code[..code.len() - 4])));
        assert_eq!(broken.link_error, Some(LinkError::Checksum));
        assert_eq!(*broken.scenario, Scenario::default_for(&plan));
        let no_code = AppState::open(plan.clone(), Some("#section-2"));
        assert_eq!(no_code.link_error, None);
        // Switching the indicator keeps the broken link in the address bar;
        // after an edit it follows the page again.
        let broken = Rc::new(broken);
        let switched = broken.clone().reduce(Action::SelectIndicator(IndicatorKey::Capacity));
        assert_eq!((switched.indicator, switched.revision), (IndicatorKey::Capacity, broken.revision));
        let edited =
            switched.reduce(Action::SetCell { indicator: IndicatorKey::Capacity, unit: 0, year: 0, growth: g(40.0) });
        assert!(!edited.broken_link_shown());
        let again = edited.clone().reduce(Action::SelectIndicator(IndicatorKey::Funds));
        assert_eq!(again.revision, edited.revision + 1);
        let dismissed = broken.reduce(Action::DismissLinkError);
        assert_eq!(dismissed.link_error, None);
    }

    #[test]
    fn undo_and_redo_step_through_changes_and_a_drag_is_one_step() {
        let s = start();
        let drag = (0..30).fold(s.clone(), |st, i| {
            st.reduce(Action::SetCell {
                indicator: IndicatorKey::Funds,
                unit: 1,
                year: 1,
                growth: g(20.0 + f64::from(i)),
            })
        });
        assert_eq!(drag.past.len(), 1, "one drag, one step");
        let other =
            drag.clone().reduce(Action::SetCell { indicator: IndicatorKey::Funds, unit: 2, year: 1, growth: g(1.0) });
        let preset = other.clone().reduce(Action::ApplyPreset { preset: Preset::Zero, scope: Scope::AllIndicators });
        assert_eq!(preset.past.len(), 3);
        let u1 = preset.clone().reduce(Action::Undo);
        assert_eq!(u1.scenario, other.scenario);
        let u2 = u1.reduce(Action::Undo);
        assert_eq!(u2.scenario, drag.scenario);
        let u3 = u2.reduce(Action::Undo);
        assert_eq!(u3.scenario, s.scenario);
        assert!(Rc::ptr_eq(&u3, &u3.clone().reduce(Action::Undo)), "nothing left to undo");
        let r1 = u3.reduce(Action::Redo).reduce(Action::Redo).reduce(Action::Redo);
        assert_eq!(r1.scenario, preset.scenario);
        assert!(Rc::ptr_eq(&r1, &r1.clone().reduce(Action::Redo)));
        // A new change after an undo drops the redo list.
        let branch = r1.reduce(Action::Undo).reduce(Action::Reset);
        assert!(branch.future.is_empty());
    }

    #[test]
    fn set_base_changes_one_base_and_undoes_in_one_step() {
        let s = start();
        let b = |v: f64| Base::new(v).unwrap();
        let typed = [3.0, 31.0, 31.5].iter().fold(s.clone(), |st, v| {
            st.reduce(Action::SetBase { indicator: IndicatorKey::Funds, unit: 0, base: b(*v) })
        });
        assert!((typed.scenario.bases(IndicatorKey::Funds)[0] - 31.5).abs() < 1e-12);
        assert_eq!(typed.scenario.bases(IndicatorKey::Funds)[1..], s.scenario.bases(IndicatorKey::Funds)[1..]);
        assert_eq!(typed.past.len(), 1);
        assert_eq!(typed.change, Change::Continuous);
        let same = typed.clone().reduce(Action::SetBase { indicator: IndicatorKey::Funds, unit: 0, base: b(31.5) });
        assert!(Rc::ptr_eq(&same, &typed));
        assert_eq!(typed.reduce(Action::Undo).scenario, s.scenario);
    }

    #[test]
    fn pinning_keeps_a_copy_that_later_edits_leave_alone() {
        let s = start().reduce(Action::Pin(true));
        let a = s.pinned.clone().unwrap();
        let b = s.reduce(Action::SetCell { indicator: IndicatorKey::Funds, unit: 0, year: 1, growth: g(10.0) });
        assert_eq!(b.pinned.as_deref(), Some(&*a));
        assert_ne!(a.scenario, *b.scenario);
        assert!(b.reduce(Action::Pin(false)).pinned.is_none());
    }

    #[test]
    fn undo_keeps_at_most_the_limit() {
        let mut st = start();
        for i in 0..(UNDO_LIMIT + 20) {
            let unit = i % 9;
            st = st.reduce(Action::SetCell {
                indicator: IndicatorKey::Capacity,
                unit,
                year: i % 3,
                growth: g(f64::from(u32::try_from(i).unwrap())),
            });
        }
        assert_eq!(st.past.len(), UNDO_LIMIT);
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

    #[test]
    fn ranges_bulk_over_open_cells_and_typing_one_is_one_step() {
        let key = IndicatorKey::ValueAdded;
        let st = start().reduce(Action::SetReportedYears { indicator: key, years: 1 });
        let st = st.reduce(Action::SetUncertainty(true));
        assert!(st.scenario.uncertainty.on);
        let five = Range::symmetric(500).unwrap();
        let st = st.reduce(Action::BulkRange { indicator: key, target: BulkTarget::All, range: five });
        let ranges = &st.scenario.inputs(key).ranges;
        assert_eq!(ranges.get(0, 0), Some(Range::DEFAULT), "a reported year keeps its range");
        assert_eq!((ranges.get(8, 3), ranges.unallocated), (Some(five), five));
        let col =
            st.clone().reduce(Action::BulkRange { indicator: key, target: BulkTarget::Column(2), range: Range::ZERO });
        assert_eq!(col.scenario.inputs(key).ranges.get(4, 2), Some(Range::ZERO));
        assert_eq!(col.scenario.inputs(key).ranges.get(4, 3), Some(five));
        let steps = st.past.len();
        let mut typed = st;
        for bp in [100, 120, 125] {
            let range = Range::symmetric(bp).unwrap();
            typed = typed.reduce(Action::SetRange { indicator: key, cell: Some((3, 2)), range });
        }
        assert_eq!(typed.past.len(), steps + 1);
        let rho = Coefficient::new(0.9).unwrap();
        let typed = typed.reduce(Action::SetCoefficient { rho: true, value: rho });
        assert_eq!(typed.scenario.uncertainty.rho, rho);
        let undone = typed.reduce(Action::Undo).reduce(Action::Undo);
        assert_eq!(undone.scenario.inputs(key).ranges.get(3, 2), Some(five));
    }
}
