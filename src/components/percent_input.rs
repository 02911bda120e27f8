//! A growth typed in percent. Refused text shows a message at the field;
//! the last valid value stays.

use yew::prelude::*;

use crate::components::draft::use_draft;

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
    let error = use_state_eq(|| None::<GrowthError>);
    {
        let error = error.clone();
        use_effect_with(props.value, move |_| error.set(None));
    }
    let on_text = {
        let (set, error) = (props.on_set.clone(), error.clone());
        Callback::from(move |text: String| match text.parse::<Growth>() {
            Ok(g) => {
                error.set(None);
                set.emit(g);
            }
            Err(err) => error.set(Some(err)),
        })
    };
    let draft = use_draft(props.value.to_string(), on_text);
    let message = error.as_ref().map(|e| props.lang.growth_error(e, props.value));
    // The error line is always there (empty when all is well), so the
    // field's siblings never change in number and the field is never
    // replaced while the user types.
    html! {
        <>
            <span class={classes!("num-wrap", message.is_some().then_some("has-error"))}>
                <input
                    type="text"
                    class="num"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    value={draft.shown}
                    aria-label={props.label.clone()}
                    aria-invalid={message.is_some().then_some("true")}
                    data-testid={props.testid.clone()}
                    oninput={draft.on_input}
                    ref={draft.node}
                    onblur={draft.on_blur}
                />
                <span class="pct" aria-hidden="true">{"%"}</span>
            </span>
            <span class="field-error" role="alert" hidden={message.is_none()}>{message.unwrap_or_default()}</span>
        </>
    }
}
