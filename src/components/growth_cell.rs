//! One growth cell: a slider and the exact number beside it, editable by
//! typing. Refused text shows a message at the field; the last valid value
//! stays. In a reported year the cell holds the actual growth: no slider,
//! only the typed figure, marked 已公布.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::components::percent_input::PercentInput;
use crate::i18n::Lang;
use crate::model::{Growth, IndicatorKey};
use crate::state::{Action, AppState};

/// Props of [`GrowthCell`].
#[derive(Properties, PartialEq, Clone)]
pub struct GrowthCellProps {
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
    /// The cell's growth.
    pub value: Growth,
    /// The plan's floor for this year, if any.
    pub floor: Option<Growth>,
    /// The year is reported: the cell is the actual growth, typed only.
    #[prop_or_default]
    pub reported: bool,
    /// Interface language.
    pub lang: Lang,
    /// Where changes go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// A growth slider with its number field.
#[component]
pub fn GrowthCell(props: &GrowthCellProps) -> Html {
    let set = {
        let (dispatch, indicator, unit, year) = (props.dispatch.clone(), props.indicator, props.unit, props.year_index);
        Callback::from(move |growth: Growth| dispatch.dispatch(Action::SetCell { indicator, unit, year, growth }))
    };

    let on_slide = set.reform(|e: InputEvent| {
        let v = e.target_dyn_into::<HtmlInputElement>().map_or(f64::NAN, |i| i.value_as_number());
        Growth::snapped_from_slider(v)
    });

    // Arrow and page keys step from the value the state holds when the
    // step is applied, not from this render's value: a second press can
    // come before the first one's render.
    let on_key = {
        let (set, dispatch, indicator, unit, year) =
            (set.clone(), props.dispatch.clone(), props.indicator, props.unit, props.year_index);
        Callback::from(move |e: KeyboardEvent| {
            let delta_bp = match e.key().as_str() {
                "ArrowUp" | "ArrowRight" => Growth::STEP_BP,
                "ArrowDown" | "ArrowLeft" => -Growth::STEP_BP,
                "PageUp" => Growth::PAGE_BP,
                "PageDown" => -Growth::PAGE_BP,
                "Home" => {
                    e.prevent_default();
                    set.emit(Growth::MIN);
                    return;
                }
                "End" => {
                    e.prevent_default();
                    set.emit(Growth::MAX);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            dispatch.dispatch(Action::StepCell { indicator, unit, year, delta_bp });
        })
    };

    let below = !props.value.meets_floor(props.floor);
    let s = props.lang.s();
    let reported = props.reported;
    let year = props.lang.year(props.year);
    // Also what a screen reader says as the slider moves, with the value
    // (and a missed floor) after it: 华龙区 2024年 增速 33.34%.
    let label = format!("{} {year} {}", props.unit_name, s.growth_of);
    let flag = if below { format!(" {}", s.below_floor) } else { String::new() };
    let spoken = format!("{label} {}%{flag}", props.value);
    let typed_label = if reported { format!("{} {year} {}", props.unit_name, s.actual_growth) } else { label.clone() };
    let testid: AttrValue = format!("growth-{}-{}-{}", props.indicator, props.unit_id, props.year).into();
    let floor_text = props.floor.map(|f| format!(" ≥{}%", crate::format::growth_plain(f))).unwrap_or_default();
    // One tree for every state of the cell: open or reported, above or
    // below the floor. Only classes, attributes and text change, so the
    // slider and the typed field stay the same DOM nodes while the user
    // types or presses keys (yew matches unkeyed children from the end: an
    // element that comes and goes would shift and replace the inputs).
    html! {
        <div class={classes!("cell", reported.then_some("reported"), below.then_some("below"))}>
            <span class="tag" aria-hidden="true" hidden={!reported}>{s.reported}</span>
            <input
                type="range"
                class="slider"
                hidden={reported}
                min={crate::format::growth_plain(Growth::MIN)}
                max={crate::format::growth_plain(Growth::MAX)}
                step="any"
                value={crate::format::growth_plain(props.value)}
                aria-label={label}
                aria-valuetext={spoken}
                data-testid={(!reported).then(|| testid.clone())}
                oninput={on_slide}
                onkeydown={on_key}
            />
            <PercentInput value={props.value} label={typed_label} testid={reported.then_some(testid)} lang={props.lang} on_set={set} />
            <span class="flag" hidden={!below} title={props.floor.map(|f| props.lang.floor(f))}>
                <span aria-hidden="true">{"▼"}</span>
                <span class="flag-text">{s.below_floor}{floor_text}</span>
            </span>
        </div>
    }
}
