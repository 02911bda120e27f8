//! What every typed field shares: while it has focus it shows the text as
//! typed (a value the model reformats never jumps under the caret), and
//! while an input method composes (Chinese input methods compose digits
//! too) nothing is handed on, so no re-render touches the field until the
//! composition ends.

use wasm_bindgen::JsCast;
use web_sys::{EventTarget, HtmlInputElement, HtmlTextAreaElement, InputEvent};
use yew::prelude::*;

/// The text a field shows and the handlers that keep it.
pub struct Draft {
    /// The typed text while the field has focus, else the committed value.
    pub shown: String,
    /// For `oninput`.
    pub on_input: Callback<InputEvent>,
    /// For `ref`: the hook listens for the end of a composition on it
    /// (yew has no `oncompositionend`).
    pub node: NodeRef,
    /// For `onblur`: shows the committed value again.
    pub on_blur: Callback<FocusEvent>,
}

/// The text of a text field or text area.
fn field_text(target: Option<EventTarget>) -> Option<String> {
    let target = target?;
    match target.dyn_into::<HtmlInputElement>() {
        Ok(input) => Some(input.value()),
        Err(other) => other.dyn_into::<HtmlTextAreaElement>().ok().map(|area| area.value()),
    }
}

/// Keeps a field's typed text. `on_text` gets the whole text after each
/// edit that is not part of a composition, and once more when a
/// composition ends.
#[hook]
pub fn use_draft(committed: String, on_text: Callback<String>) -> Draft {
    let draft = use_state_eq(|| None::<String>);
    let hand_on = {
        let draft = draft.clone();
        Callback::from(move |text: String| {
            draft.set(Some(text.clone()));
            on_text.emit(text);
        })
    };
    let on_input = {
        let hand_on = hand_on.clone();
        Callback::from(move |e: InputEvent| {
            if e.is_composing() {
                return;
            }
            if let Some(text) = field_text(e.target()) {
                hand_on.emit(text);
            }
        })
    };
    let node = use_node_ref();
    {
        // The latest handler, for a listener attached once.
        let latest = use_mut_ref(|| hand_on.clone());
        *latest.borrow_mut() = hand_on;
        use_effect_with(node.clone(), move |node| {
            let listener = node.get().map(|el| {
                gloo::events::EventListener::new(&el, "compositionend", move |e| {
                    if let Some(text) = field_text(e.target()) {
                        latest.borrow().emit(text);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let on_blur = {
        let draft = draft.clone();
        Callback::from(move |_: FocusEvent| draft.set(None))
    };
    let shown = draft.as_ref().cloned().unwrap_or(committed);
    Draft { shown, on_input, node, on_blur }
}
