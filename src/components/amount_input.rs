//! An amount typed in 亿元: a 2022 base, a reported level. Refused text
//! shows a message at the field; the last valid value stays.

use yew::prelude::*;

use crate::components::draft::use_draft;

use crate::format;
use crate::i18n::Lang;
use crate::model::{parse_decimal, Base, BaseError, NumberError};

/// Props of [`AmountInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct AmountInputProps {
    /// The amount, 亿元.
    pub value: f64,
    /// The accessible label.
    pub label: AttrValue,
    /// The test hook.
    pub testid: AttrValue,
    /// Interface language.
    pub lang: Lang,
    /// Called with each valid amount typed.
    pub on_set: Callback<Base>,
}

#[derive(Clone, PartialEq)]
enum Problem {
    Number(NumberError),
    Base(BaseError),
}

/// An amount field.
#[component]
pub fn AmountInput(props: &AmountInputProps) -> Html {
    let problem = use_state_eq(|| None::<Problem>);
    {
        let problem = problem.clone();
        use_effect_with(props.value.to_bits(), move |_| problem.set(None));
    }
    let on_text = {
        let (problem, set) = (problem.clone(), props.on_set.clone());
        Callback::from(move |text: String| {
            match parse_decimal(&text).map_err(Problem::Number).and_then(|v| Base::new(v).map_err(Problem::Base)) {
                Ok(base) => {
                    problem.set(None);
                    set.emit(base);
                }
                Err(p) => problem.set(Some(p)),
            }
        })
    };
    let draft = use_draft(format::yi_plain(props.value), on_text);
    let s = props.lang.s();
    let x = props.lang.x();
    let message = problem.as_ref().map(|p| {
        let what = match p {
            Problem::Number(NumberError::Empty) => s.err_empty.to_owned(),
            Problem::Number(NumberError::NotANumber(t)) => format!("{} “{t}”", s.err_not_number),
            Problem::Base(BaseError::Invalid) => x.err_base_invalid.to_owned(),
            Problem::Base(BaseError::TooLarge) => x.err_base_large.to_owned(),
        };
        format!("{what}{}{} {}", props.lang.semicolon(), s.err_kept, format::yi(props.value))
    });
    // The error line is always there, so the field never moves in the tree.
    html! {
        <span class="base-field">
            <input
                type="text"
                class="num base"
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
            <span class="field-error" role="alert" hidden={message.is_none()}>{message.unwrap_or_default()}</span>
        </span>
    }
}
