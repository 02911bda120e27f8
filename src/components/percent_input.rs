//! A growth typed in percent. Refused text shows a message at the field;
//! the last valid value stays.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::{Growth, GrowthError};

/// Props of [`PercentInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct PercentInputProps {
    /// The growth shown.
    pub value: Growth,
    /// The accessible label.
    pub label: AttrValue,
    /// The test hook, if any.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    /// Interface language.
    pub lang: Lang,
    /// Called with each valid growth typed.
    pub on_set: Callback<Growth>,
}

/// A percent field with its `%` sign.
#[component]
pub fn PercentInput(props: &PercentInputProps) -> Html {
    let draft = use_state_eq(|| None::<String>);
    let error = use_state_eq(|| None::<GrowthError>);
    {
        let error = error.clone();
        use_effect_with(props.value, move |_| error.set(None));
    }
    let on_type = {
        let (set, draft, error) = (props.on_set.clone(), draft.clone(), error.clone());
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
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
    let shown = draft.as_ref().cloned().unwrap_or_else(|| props.value.to_string());
    let message = error.as_ref().map(|e| props.lang.growth_error(e, props.value));
    html! {
        <>
            <span class={classes!("num-wrap", message.is_some().then_some("has-error"))}>
                <input
                    type="text"
                    class="num"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    value={shown}
                    aria-label={props.label.clone()}
                    aria-invalid={message.is_some().then_some("true")}
                    data-testid={props.testid.clone()}
                    oninput={on_type}
                    onblur={on_blur}
                />
                <span class="pct" aria-hidden="true">{"%"}</span>
            </span>
            if let Some(m) = message {
                <span class="field-error" role="alert">{m}</span>
            }
        </>
    }
}
