//! Presets for the shown indicator or all four, and a reset.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::Preset;
use crate::state::{Action, AppState, Scope};

/// Props of [`PresetBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct PresetBarProps {
    /// Interface language.
    pub lang: Lang,
    /// Where changes go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

fn preset_id(p: Preset) -> &'static str {
    match p {
        Preset::PlanPath => "plan-path",
        Preset::UniformDoubling => "uniform",
        Preset::Zero => "zero",
    }
}

/// Preset buttons with a scope switch.
#[component]
pub fn PresetBar(props: &PresetBarProps) -> Html {
    let all = use_state_eq(|| false);
    let s = props.lang.s();
    let scope = if *all { Scope::AllIndicators } else { Scope::Current };
    let on_scope = {
        let all = all.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                all.set(i.checked());
            }
        })
    };
    html! {
        <div class="presets" role="group" aria-label={s.presets_heading}>
            <span class="bar-label">{s.presets_heading}</span>
            { for Preset::ALL.iter().map(|p| {
                let (label, hint) = match p {
                    Preset::PlanPath => (s.preset_plan_path, s.preset_plan_path_hint),
                    Preset::UniformDoubling => (s.preset_uniform, s.preset_uniform_hint),
                    Preset::Zero => (s.preset_zero, s.preset_zero_hint),
                };
                let preset = *p;
                let dispatch = props.dispatch.clone();
                html! {
                    <button
                        type="button"
                        class="btn"
                        key={preset_id(preset)}
                        title={hint}
                        data-testid={format!("preset-{}", preset_id(preset))}
                        onclick={Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ApplyPreset { preset, scope }))}
                    >{label}</button>
                }
            }) }
            <button
                type="button"
                class="btn subtle"
                title={s.preset_reset_hint}
                data-testid="preset-reset"
                onclick={{ let d = props.dispatch.clone(); Callback::from(move |_: MouseEvent| d.dispatch(Action::Reset)) }}
            >{s.preset_reset}</button>
            <label class="check">
                <input type="checkbox" checked={*all} onchange={on_scope} data-testid="preset-all" />
                {s.preset_all_indicators}
            </label>
        </div>
    }
}
