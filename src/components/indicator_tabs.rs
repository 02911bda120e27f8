//! The control that picks which indicator's grid is shown.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::IndicatorKey;
use crate::state::PlanRef;

/// What [`indicator_tabs`] shows.
pub struct IndicatorTabsProps {
    /// The plan, for names.
    pub plan: PlanRef,
    /// The indicator on screen.
    pub selected: IndicatorKey,
    /// Interface language.
    pub lang: Lang,
    /// Picks an indicator.
    pub on_select: Callback<IndicatorKey>,
}

/// One tab per indicator.
pub fn indicator_tabs(props: &IndicatorTabsProps) -> Html {
    html! {
        <nav class="tabs" role="tablist" aria-label={props.lang.s().indicator_label}>
            { for IndicatorKey::ALL.iter().map(|key| {
                let ind = props.plan.indicator(*key);
                let selected = *key == props.selected;
                let key = *key;
                html! {
                    <button
                        type="button"
                        role="tab"
                        key={key.as_str()}
                        class={classes!("tab", selected.then_some("selected"))}
                        aria-selected={selected.to_string()}
                        data-testid={format!("indicator-{key}")}
                        onclick={props.on_select.reform(move |_: MouseEvent| key)}
                    >
                        <span class="tab-name">{props.lang.indicator_short(ind)}</span>
                        <span class="tab-year">{props.lang.year(ind.target_year)}</span>
                    </button>
                }
            }) }
        </nav>
    }
}
