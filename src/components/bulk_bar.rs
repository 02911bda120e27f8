//! Set a whole row, a whole column or every cell of the shown indicator.

use web_sys::{HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::{Growth, GrowthError, IndicatorKey};
use crate::state::{Action, AppState, BulkTarget, PlanRef};

/// Props of [`BulkBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct BulkBarProps {
    /// The plan, for units and years.
    pub plan: PlanRef,
    /// The indicator on screen.
    pub indicator: IndicatorKey,
    /// Interface language.
    pub lang: Lang,
    /// Where changes go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// Encodes a bulk target as a `<select>` value.
fn target_value(t: BulkTarget) -> String {
    match t {
        BulkTarget::All => "all".to_owned(),
        BulkTarget::Row(u) => format!("row:{u}"),
        BulkTarget::Column(c) => format!("col:{c}"),
    }
}

fn parse_target(v: &str) -> BulkTarget {
    let (kind, index) = v.split_once(':').unwrap_or((v, ""));
    match (kind, index.parse::<usize>()) {
        ("row", Ok(u)) => BulkTarget::Row(u),
        ("col", Ok(c)) => BulkTarget::Column(c),
        _ => BulkTarget::All,
    }
}

/// The picker of a bulk change's cells: all, a unit's row or a year's
/// column of `indicator`.
pub fn target_select(
    plan: &PlanRef,
    indicator: IndicatorKey,
    lang: Lang,
    current: BulkTarget,
    on_change: Callback<Event>,
    testid: &'static str,
) -> Html {
    let s = lang.s();
    html! {
        <select class="bulk-target" onchange={on_change} aria-label={s.bulk_heading} data-testid={testid}>
            <option value="all" selected={current == BulkTarget::All}>{s.bulk_all}</option>
            <optgroup label={s.bulk_row}>
                { for plan.units.iter().enumerate().map(|(u, unit)| html! {
                    <option key={unit.id.clone()} value={target_value(BulkTarget::Row(u))} selected={current == BulkTarget::Row(u)}>
                        {format!("{}{}{}", s.bulk_row, lang.colon(), lang.unit_name(unit))}
                    </option>
                }) }
            </optgroup>
            <optgroup label={s.bulk_column}>
                { for plan.years(indicator).enumerate().map(|(c, y)| html! {
                    <option key={y} value={target_value(BulkTarget::Column(c))} selected={current == BulkTarget::Column(c)}>
                        {format!("{}{}{}", s.bulk_column, lang.colon(), lang.year(y))}
                    </option>
                }) }
            </optgroup>
        </select>
    }
}

/// The target a `<select>` change picked.
pub fn picked_target(e: &Event) -> Option<BulkTarget> {
    e.target_dyn_into::<HtmlSelectElement>().map(|sel| parse_target(&sel.value()))
}

/// A target picker, a growth field and an apply button.
#[component]
pub fn BulkBar(props: &BulkBarProps) -> Html {
    let target = use_state_eq(|| BulkTarget::All);
    let text = use_state_eq(String::new);
    let error = use_state_eq(|| None::<GrowthError>);
    let lang = props.lang;
    let s = lang.s();
    let years: Vec<u16> = props.plan.years(props.indicator).collect();

    // A column that does not exist for this indicator falls back to all.
    let current = match *target {
        BulkTarget::Column(c) if c >= years.len() => BulkTarget::All,
        t => t,
    };

    let apply = {
        let (text, error, dispatch, indicator) = (text.clone(), error.clone(), props.dispatch.clone(), props.indicator);
        Callback::from(move |()| match text.parse::<Growth>() {
            Ok(growth) => {
                error.set(None);
                dispatch.dispatch(Action::Bulk { indicator, target: current, growth });
            }
            Err(e) => error.set(Some(e)),
        })
    };
    let on_target = {
        let target = target.clone();
        Callback::from(move |e: Event| {
            if let Some(t) = picked_target(&e) {
                target.set(t);
            }
        })
    };
    let on_text = {
        let (text, error) = (text.clone(), error.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                text.set(i.value());
                error.set(None);
            }
        })
    };
    let on_key = {
        let apply = apply.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                apply.emit(());
            }
        })
    };
    let message = error.as_ref().map(|e| lang.growth_problem(e));

    html! {
        <div class="bulk" role="group" aria-label={s.bulk_heading}>
            <span class="bar-label">{s.bulk_heading}</span>
            {target_select(&props.plan, props.indicator, lang, current, on_target, "bulk-target")}
            <span class="num-wrap">
                <input
                    type="text"
                    class="num"
                    inputmode="decimal"
                    value={(*text).clone()}
                    placeholder="0.00"
                    aria-label={format!("{} %", s.bulk_heading)}
                    aria-invalid={message.is_some().then_some("true")}
                    data-testid="bulk-value"
                    oninput={on_text}
                    onkeydown={on_key}
                />
                <span class="pct" aria-hidden="true">{"%"}</span>
            </span>
            <button type="button" class="btn" data-testid="bulk-apply" onclick={apply.reform(|_: MouseEvent| ())}>{s.apply}</button>
            if let Some(m) = message {
                <span class="field-error" role="alert">{m}</span>
            }
        </div>
    }
}
