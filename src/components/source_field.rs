//! Where an indicator's bases come from (source and vintage): one short
//! line that travels in links and exports.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::report::MAX_SOURCE_CHARS;
use crate::model::IndicatorKey;
use crate::state::{Action, AppState};

/// Props of [`SourceField`].
#[derive(Properties, PartialEq, Clone)]
pub struct SourceFieldProps {
    /// The note as it stands.
    pub source: AttrValue,
    /// Interface language.
    pub lang: Lang,
    /// Indicator whose bases it describes.
    pub indicator: IndicatorKey,
    /// Where changes go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// Where the bases come from: one short line, kept as typed while focused.
#[component]
pub fn SourceField(props: &SourceFieldProps) -> Html {
    let draft = use_state_eq(|| None::<String>);
    let s = props.lang.s();
    let on_input = {
        let (draft, d, key) = (draft.clone(), props.dispatch.clone(), props.indicator);
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let text = input.value();
            d.dispatch(Action::SetSource(key, text.clone()));
            draft.set(Some(text));
        })
    };
    let on_blur = {
        let draft = draft.clone();
        Callback::from(move |_: FocusEvent| draft.set(None))
    };
    let shown = draft.as_ref().cloned().unwrap_or_else(|| props.source.to_string());
    html! {
        <label class="source-field">
            <span>{s.source_label}</span>
            <input type="text" value={shown} placeholder={s.source_placeholder}
                maxlength={MAX_SOURCE_CHARS.to_string()}
                data-testid={format!("source-{}", props.indicator)} oninput={on_input} onblur={on_blur} />
        </label>
    }
}
