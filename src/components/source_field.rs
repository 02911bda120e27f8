//! Where an indicator's bases come from (source and vintage): one short
//! line that travels in links and exports.

use yew::prelude::*;

use crate::components::draft::use_draft;

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
    let s = props.lang.s();
    let on_text = {
        let (d, key) = (props.dispatch.clone(), props.indicator);
        Callback::from(move |text: String| d.dispatch(Action::SetSource(key, text)))
    };
    let draft = use_draft(props.source.to_string(), on_text);
    html! {
        <label class="source-field">
            <span>{s.source_label}</span>
            <input type="text" value={draft.shown} placeholder={s.source_placeholder}
                maxlength={MAX_SOURCE_CHARS.to_string()}
                data-testid={format!("source-{}", props.indicator)} oninput={draft.on_input}
                ref={draft.node} onblur={draft.on_blur} />
        </label>
    }
}
