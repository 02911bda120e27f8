//! One growth cell: a slider and the exact number beside it, editable by
//! typing. Refused text shows a message at the field; the last valid value
//! stays.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::{Growth, GrowthError, IndicatorKey};
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
    /// Interface language.
    pub lang: Lang,
    /// Where changes go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// A growth slider with its number field.
#[component]
pub fn GrowthCell(props: &GrowthCellProps) -> Html {
    let draft = use_state_eq(|| None::<String>);
    let error = use_state_eq(|| None::<GrowthError>);
    {
        let error = error.clone();
        use_effect_with(props.value, move |_| error.set(None));
    }

    let set = {
        let (dispatch, indicator, unit, year) = (props.dispatch.clone(), props.indicator, props.unit, props.year_index);
        Callback::from(move |growth: Growth| dispatch.dispatch(Action::SetCell { indicator, unit, year, growth }))
    };

    let on_slide = set.reform(|e: InputEvent| {
        let v = e.target_dyn_into::<HtmlInputElement>().map_or(f64::NAN, |i| i.value_as_number());
        Growth::snapped_from_slider(v)
    });

    let on_key = {
        let (set, value) = (set.clone(), props.value);
        Callback::from(move |e: KeyboardEvent| {
            let delta = match e.key().as_str() {
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
            set.emit(value.stepped(delta));
        })
    };

    let on_type = {
        let (set, draft, error) = (set.clone(), draft.clone(), error.clone());
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let text = input.value();
            match text.parse::<Growth>() {
                Ok(g) => {
                    error.set(None);
                    set.emit(g);
                }
                Err(err) => error.set(Some(err)),
            }
            draft.set(Some(text));
        })
    };
    let on_blur = {
        let draft = draft.clone();
        Callback::from(move |_: FocusEvent| draft.set(None))
    };

    let below = !props.value.meets_floor(props.floor);
    let s = props.lang.s();
    let label = format!("{} {} {}", props.unit_name, props.lang.year(props.year), s.growth_of);
    let testid = format!("growth-{}-{}-{}", props.indicator, props.unit_id, props.year);
    let shown = draft.as_ref().cloned().unwrap_or_else(|| props.value.to_string());
    let message = error.as_ref().map(|e| props.lang.growth_error(e, props.value));
    let floor_text = props.floor.map(|f| props.lang.floor(f));

    html! {
        <div class={classes!("cell", below.then_some("below"), message.is_some().then_some("has-error"))}>
            <input
                type="range"
                class="slider"
                min={Growth::MIN.percent().to_string()}
                max={Growth::MAX.percent().to_string()}
                step="any"
                value={props.value.percent().to_string()}
                aria-label={label.clone()}
                aria-valuetext={format!("{}%", props.value)}
                data-testid={testid}
                oninput={on_slide}
                onkeydown={on_key}
            />
            <span class="num-wrap">
                <input
                    type="text"
                    class="num"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    value={shown}
                    aria-label={label}
                    aria-invalid={message.is_some().then_some("true")}
                    oninput={on_type}
                    onblur={on_blur}
                />
                <span class="pct" aria-hidden="true">{"%"}</span>
            </span>
            if below {
                <span class="flag" title={floor_text.clone()}>
                    <span aria-hidden="true">{"▼"}</span>
                    <span class="flag-text">{s.below_floor}{props.floor.map(|f| format!(" ≥{}%", crate::format::growth_plain(f))).unwrap_or_default()}</span>
                </span>
            }
            if let Some(m) = message {
                <span class="field-error" role="alert">{m}</span>
            }
        </div>
    }
}
