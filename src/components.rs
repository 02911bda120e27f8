//! View components, one per file. They render state and turn events into
//! actions; no plan rule lives here.

pub mod amount_input;
pub mod bases_editor;
pub mod bases_import;
pub mod briefing;
pub mod bulk_bar;
pub mod chart_canvas;
pub mod charts_panel;
pub mod compare_panel;
pub mod draft;
pub mod extra_host;
pub mod growth_cell;
pub mod growth_grid;
pub mod indicator_tabs;
pub mod link_notice;
pub mod overview;
pub mod percent_input;
pub mod preset_bar;
pub mod print_briefing;
pub mod range_input;
pub mod ranges_panel;
pub mod report_text;
pub mod reported_cell;
pub mod reported_year;
pub mod scenario_bar;
pub mod scenario_panel;
pub mod settle;
pub mod share_bar;
pub mod solve_panel;
pub mod source_field;
pub mod undo_bar;
pub mod unit_table;
pub mod verdict_card;
pub mod workshop;

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::{IndicatorKey, Scenario};
use crate::state::{AppState, PlanRef};

/// Props shared by the views of one indicator's inputs (the growth grid,
/// the bases editor, the solve panel).
#[derive(Properties, PartialEq, Clone)]
pub struct IndicatorProps {
    /// The plan.
    pub plan: PlanRef,
    /// Which indicator.
    pub indicator: IndicatorKey,
    /// The scenario shown.
    pub scenario: Rc<Scenario>,
    /// Interface language.
    pub lang: Lang,
    /// Where changes go.
    pub dispatch: UseReducerDispatcher<AppState>,
    /// Whether a disclosure (the solver's preview, the bases' details)
    /// starts open: it was asked for by a click before it was loaded.
    #[prop_or_default]
    pub open: bool,
    /// The draws, for the panels that solve under uncertainty.
    #[prop_or_default]
    pub sampler: Option<Rc<crate::model::uncertainty::Sampler>>,
}
