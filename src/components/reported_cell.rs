//! A cell of a year reported as levels or city-wide: the unit's actual
//! level (typed, 亿元) or nothing to type, and the growth the figures imply,
//! flagged when the model finds it below the floor.

use yew::prelude::*;

use crate::components::amount_input::AmountInput;
use crate::format;
use crate::i18n::Lang;
use crate::model::{Growth, IndicatorKey};
use crate::state::{Action, AppState};

/// Props of [`ReportedCell`].
#[derive(Properties, PartialEq, Clone)]
pub struct ReportedCellProps {
    /// Indicator of the cell.
    pub indicator: IndicatorKey,
    /// Unit index.
    pub unit: usize,
    /// Unit id, for the test hook.
    pub unit_id: AttrValue,
    /// Unit name in the current language, for the accessible label.
    pub unit_name: AttrValue,
    /// Year column (0 = base year + 1).
    pub year_index: usize,
    /// Calendar year.
    pub year: u16,
    /// The unit's reported level, 亿元, when levels are entered per unit;
    /// `None` when the year is reported city-wide.
    pub level: Option<f64>,
    /// The growth the figures imply, percent (`None` from a zero value).
    pub implied: Option<f64>,
    /// The plan's floor for this year, if any.
    pub floor: Option<Growth>,
    /// Whether that growth is below the floor (`YearGrowth::meets_floor`).
    pub below: bool,
    /// Interface language.
    pub lang: Lang,
    /// Where changes go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// A reported level, or the growth a city-wide figure gives this unit.
#[component]
pub fn ReportedCell(props: &ReportedCellProps) -> Html {
    let s = props.lang.s();
    let below = props.below;
    let implied = props.implied.map_or_else(|| "—".to_owned(), |p| format::signed_pct(p, 2));
    let (indicator, year, unit) = (props.indicator, props.year_index, props.unit);
    html! {
        <div class={classes!("cell", "reported", below.then_some("below"))}
            data-testid={format!("implied-{}-{}-{}", props.indicator, props.unit_id, props.year)}
            data-implied={props.implied.map(|p| crate::format::fixed(p, 4))}>
            <span class="tag" aria-hidden="true">{s.reported}</span>
            if let Some(level) = props.level {
                <span class="level-wrap">
                    <AmountInput value={level} lang={props.lang}
                        label={format!("{} {} {}", props.unit_name, props.lang.year(props.year), s.actual_level)}
                        testid={format!("level-{}-{}-{}", props.indicator, props.unit_id, props.year)}
                        on_set={props.dispatch.to_callback().reform(move |level| Action::SetReportedLevel { indicator, year, unit, level })} />
                    <span class="unit-suffix" aria-hidden="true">{s.yi_yuan}</span>
                </span>
            }
            <span class="implied">{s.implied_growth}{" "}<strong>{implied}</strong></span>
            if below {
                <span class="flag">
                    <span aria-hidden="true">{"▼"}</span>
                    <span class="flag-text">{s.below_floor}{props.floor.map(|f| format!(" ≥{}%", format::growth_plain(f))).unwrap_or_default()}</span>
                </span>
            }
        </div>
    }
}
