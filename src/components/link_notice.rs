//! The message shown when a link could not be opened: what went wrong and
//! what the page did instead.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::LinkError;
use crate::state::{Action, AppState};

/// What [`link_notice`] shows.
pub struct LinkNoticeProps {
    /// Why the link failed.
    pub error: LinkError,
    /// Interface language.
    pub lang: Lang,
    /// Where the dismissal goes.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// A dismissible alert above the verdicts.
pub fn link_notice(props: &LinkNoticeProps) -> Html {
    let s = props.lang.s();
    let dismiss = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::DismissLinkError))
    };
    html! {
        <div class="link-error" role="alert" data-testid="link-error">
            <p><strong>{s.link_error_title}</strong>{" "}{props.lang.link_problem(&props.error)}</p>
            <p>{s.link_error_action}</p>
            <button type="button" class="btn small" onclick={dismiss}>{s.dismiss}</button>
        </div>
    }
}
