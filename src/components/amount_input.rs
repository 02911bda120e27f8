//! An amount typed in 亿元: a 2022 base, a reported level. Refused text
//! shows a message at the field; the last valid value stays.

use web_sys::HtmlInputElement;
use yew::prelude::*;

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
    let draft = use_state_eq(|| None::<String>);
    let problem = use_state_eq(|| None::<Problem>);
    {
        let problem = problem.clone();
        use_effect_with(props.value.to_bits(), move |_| problem.set(None));
    }
    let on_input = {
        let (draft, problem, set) = (draft.clone(), problem.clone(), props.on_set.clone());
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let text = input.value();
            match parse_decimal(&text).map_err(Problem::Number).and_then(|v| Base::new(v).map_err(Problem::Base)) {
                Ok(base) => {
                    problem.set(None);
                    set.emit(base);
                }
                Err(p) => problem.set(Some(p)),
            }
            draft.set(Some(text));
        })
    };
    let on_blur = {
        let draft = draft.clone();
        Callback::from(move |_: FocusEvent| draft.set(None))
    };
    let s = props.lang.s();
    let message = problem.as_ref().map(|p| {
        let what = match p {
            Problem::Number(NumberError::Empty) => s.err_empty.to_owned(),
            Problem::Number(NumberError::NotANumber(t)) => format!("{} “{t}”", s.err_not_number),
            Problem::Base(BaseError::Invalid) => s.err_base_invalid.to_owned(),
            Problem::Base(BaseError::TooLarge) => s.err_base_large.to_owned(),
        };
        format!("{what}；{} {}", s.err_kept, format::yi(props.value))
    });
    let shown = draft.as_ref().cloned().unwrap_or_else(|| format::yi_plain(props.value));
    html! {
        <span class="base-field">
            <input
                type="text"
                class="num base"
                inputmode="decimal"
                autocomplete="off"
                value={shown}
                aria-label={props.label.clone()}
                aria-invalid={message.is_some().then_some("true")}
                data-testid={props.testid.clone()}
                oninput={on_input}
                onblur={on_blur}
            />
            if let Some(m) = message {
                <span class="field-error" role="alert">{m}</span>
            }
        </span>
    }
}
