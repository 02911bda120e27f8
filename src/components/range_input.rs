//! A growth range typed in points (`3`, `2/4`) and a coefficient typed as a
//! number between 0 and 1 (ρ, φ). Refused text shows a message at the
//! field; the last valid value stays.

use yew::prelude::*;

use crate::components::draft::use_draft;
use crate::i18n::Lang;
use crate::model::parse_decimal;
use crate::model::uncertainty::{parse_range, range_text, Coefficient, Range, RangeTextError};

/// Props of [`RangeInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct RangeInputProps {
    /// The range shown.
    pub value: Range,
    /// Whether the range reaches past the growth range at the cell's
    /// likely growth (its draws are clipped there).
    #[prop_or_default]
    pub clipped: bool,
    /// The accessible label.
    pub label: AttrValue,
    /// The test hook.
    pub testid: AttrValue,
    /// Interface language.
    pub lang: Lang,
    /// Called with each valid range typed.
    pub on_set: Callback<Range>,
}

/// What a short numeric field of the ranges panel shows.
pub struct TextField<'a> {
    /// The typed text and its handlers.
    pub draft: crate::components::draft::Draft,
    /// The accessible label.
    pub label: &'a str,
    /// The test hook.
    pub testid: &'a str,
    /// Shown before the field (`±`), or nothing.
    pub prefix: &'static str,
    /// Shown after the field (`%`), or nothing.
    pub suffix: &'static str,
    /// Shown while empty.
    pub placeholder: Option<&'static str>,
    /// What is wrong with the text, if anything.
    pub message: Option<String>,
    /// A note that is not an error (a clipped range).
    pub note: Option<&'static str>,
    /// Keys, for a field that applies on Enter.
    pub on_key: Option<Callback<web_sys::KeyboardEvent>>,
}

/// A field with its signs and the lines that say what is wrong or clipped;
/// both lines are always there, so the field never moves in the tree.
pub fn text_field(f: TextField<'_>) -> Html {
    let TextField { draft, label, testid, prefix, suffix, placeholder, message, note, on_key } = f;
    html! {
        <span class={classes!("range-field", message.is_some().then_some("has-error"))}>
            <span class="num-wrap">
                <span class="pm" aria-hidden="true">{prefix}</span>
                <input
                    type="text"
                    class="num range"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder={placeholder}
                    value={draft.shown}
                    aria-label={label.to_owned()}
                    aria-invalid={message.is_some().then_some("true")}
                    data-testid={testid.to_owned()}
                    oninput={draft.on_input}
                    onkeydown={on_key}
                    ref={draft.node}
                    onblur={draft.on_blur}
                />
                <span class="pct" aria-hidden="true">{suffix}</span>
            </span>
            <span class="field-error" role="alert" hidden={message.is_none()}>{message.unwrap_or_default()}</span>
            <span class="field-note" hidden={note.is_none()}>{note.unwrap_or_default()}</span>
        </span>
    }
}

/// A range field.
#[component]
pub fn RangeInput(props: &RangeInputProps) -> Html {
    let problem = use_state_eq(|| None::<RangeTextError>);
    {
        let problem = problem.clone();
        use_effect_with(props.value, move |_| problem.set(None));
    }
    let on_text = {
        let (problem, set) = (problem.clone(), props.on_set.clone());
        Callback::from(move |text: String| match parse_range(&text) {
            Ok(r) => {
                problem.set(None);
                set.emit(r);
            }
            Err(e) => problem.set(Some(e)),
        })
    };
    let draft = use_draft(range_text(props.value), on_text);
    let lang = props.lang;
    let message = problem.as_ref().map(|e| {
        format!("{}{}{} ±{}", lang.range_problem(e), lang.semicolon(), lang.s().err_kept, range_text(props.value))
    });
    text_field(TextField {
        draft,
        label: &props.label,
        testid: &props.testid,
        prefix: "±",
        suffix: "",
        placeholder: None,
        message,
        note: props.clipped.then_some(lang.r().clipped),
        on_key: None,
    })
}

/// Props of [`CoefficientInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct CoefficientInputProps {
    /// The value shown.
    pub value: Coefficient,
    /// The accessible label.
    pub label: AttrValue,
    /// The test hook.
    pub testid: AttrValue,
    /// Interface language.
    pub lang: Lang,
    /// Called with each valid value typed.
    pub on_set: Callback<Coefficient>,
}

/// A coefficient as a field shows it: `0.50`.
fn coefficient_text(c: Coefficient) -> String {
    format!("{}.{:02}", c.hundredths() / 100, c.hundredths() % 100)
}

/// A field for ρ or φ.
#[component]
pub fn CoefficientInput(props: &CoefficientInputProps) -> Html {
    let problem = use_state_eq(|| None::<RangeTextError>);
    {
        let problem = problem.clone();
        use_effect_with(props.value, move |_| problem.set(None));
    }
    let on_text = {
        let (problem, set) = (problem.clone(), props.on_set.clone());
        Callback::from(move |text: String| {
            let read = parse_decimal(&text)
                .map_err(RangeTextError::from)
                .and_then(|v| Coefficient::new(v).map_err(RangeTextError::from));
            match read {
                Ok(c) => {
                    problem.set(None);
                    set.emit(c);
                }
                Err(e) => problem.set(Some(e)),
            }
        })
    };
    let draft = use_draft(coefficient_text(props.value), on_text);
    let lang = props.lang;
    let message = problem.as_ref().map(|e| {
        format!("{}{}{} {}", lang.range_problem(e), lang.semicolon(), lang.s().err_kept, coefficient_text(props.value))
    });
    text_field(TextField {
        draft,
        label: &props.label,
        testid: &props.testid,
        prefix: "",
        suffix: "",
        placeholder: None,
        message,
        note: None,
        on_key: None,
    })
}

/// How long goal seek and solve under uncertainty wait after the last
/// change before they run, ms: each runs the draws some sixteen times,
/// which a drag or a typed digit need not wait for.
pub const CONFIDENCE_DELAY_MS: u32 = 150;

/// Props of [`ConfidenceField`].
#[derive(Properties, PartialEq, Clone)]
pub struct ConfidenceFieldProps {
    /// The text as typed.
    pub text: String,
    /// Called with the whole text after each edit.
    pub on_text: Callback<String>,
    /// The visible and accessible label.
    pub label: &'static str,
    /// The test hook.
    pub testid: &'static str,
    /// Interface language.
    pub lang: Lang,
}

/// A confidence in percent, 1 … 99.9 (see
/// [`parse_confidence`](crate::model::uncertainty::parse_confidence)), with
/// its label and the message while the text is not one.
#[component]
pub fn ConfidenceField(props: &ConfidenceFieldProps) -> Html {
    let draft = use_draft(props.text.clone(), props.on_text.clone());
    let invalid = crate::model::uncertainty::parse_confidence(&props.text).is_none();
    html! {
        <label class="coefficient">
            <span class="bar-label">{props.label}</span>
            {text_field(TextField {
                draft,
                label: props.label,
                testid: props.testid,
                prefix: "",
                suffix: "%",
                placeholder: None,
                message: invalid.then(|| props.lang.r().confidence_range.to_owned()),
                note: None,
                on_key: None,
            })}
        </label>
    }
}
