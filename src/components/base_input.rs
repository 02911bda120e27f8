//! One 2022 base, typed in 亿元. Refused text shows a message at the field;
//! the last valid value stays.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::format;
use crate::i18n::Lang;
use crate::model::{parse_decimal, Base, BaseError, IndicatorKey, NumberError};
use crate::state::{Action, AppState};

/// Props of [`BaseInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct BaseInputProps {
    /// Indicator.
    pub indicator: IndicatorKey,
    /// Unit index.
    pub unit: usize,
    /// Unit id, for the test hook.
    pub unit_id: AttrValue,
    /// Unit name, for the accessible label.
    pub unit_name: AttrValue,
    /// The base, 亿元.
    pub value: f64,
    /// Interface language.
    pub lang: Lang,
    /// Where changes go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[derive(Clone, PartialEq)]
enum Problem {
    Number(NumberError),
    Base(BaseError),
}

/// A base field.
#[component]
pub fn BaseInput(props: &BaseInputProps) -> Html {
    let draft = use_state_eq(|| None::<String>);
    let problem = use_state_eq(|| None::<Problem>);
    {
        let problem = problem.clone();
        use_effect_with(props.value.to_bits(), move |_| problem.set(None));
    }
    let on_input = {
        let (draft, problem, d, indicator, unit) =
            (draft.clone(), problem.clone(), props.dispatch.clone(), props.indicator, props.unit);
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let text = input.value();
            match parse_decimal(&text).map_err(Problem::Number).and_then(|v| Base::new(v).map_err(Problem::Base)) {
                Ok(base) => {
                    problem.set(None);
                    d.dispatch(Action::SetBase { indicator, unit, base });
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
                aria-label={format!("{} {}", props.unit_name, s.bases_heading)}
                aria-invalid={message.is_some().then_some("true")}
                data-testid={format!("base-{}-{}", props.indicator, props.unit_id)}
                oninput={on_input}
                onblur={on_blur}
            />
            if let Some(m) = message {
                <span class="field-error" role="alert">{m}</span>
            }
        </span>
    }
}
