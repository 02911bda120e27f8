//! Undo and redo buttons (Ctrl+Z and Ctrl+Shift+Z are handled by the app).

use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::{Action, AppState};

/// What [`undo_bar`] shows.
pub struct UndoBarProps {
    /// Whether there is anything to undo.
    pub can_undo: bool,
    /// Whether there is anything to redo.
    pub can_redo: bool,
    /// Interface language.
    pub lang: Lang,
    /// Where the steps go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// Two buttons.
pub fn undo_bar(props: &UndoBarProps) -> Html {
    let s = props.lang.s();
    let (d1, d2) = (props.dispatch.clone(), props.dispatch.clone());
    html! {
        <div class="undo" role="group">
            <button type="button" class="btn subtle" data-testid="undo" disabled={!props.can_undo}
                title={s.undo_hint} onclick={move |_: MouseEvent| d1.dispatch(Action::Undo)}>{"↶ "}{s.undo}</button>
            <button type="button" class="btn subtle" data-testid="redo" disabled={!props.can_redo}
                title={s.redo_hint} onclick={move |_: MouseEvent| d2.dispatch(Action::Redo)}>{"↷ "}{s.redo}</button>
        </div>
    }
}
