//! The paragraph for a report (汇报材料) on the indicator on screen, the same
//! words the print briefing carries, with a button that copies it.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::TargetVerdict;
use crate::state::PlanRef;
use crate::web;

/// Props of [`ReportText`].
#[derive(Properties, PartialEq, Clone)]
pub struct ReportTextProps {
    /// The plan, for names.
    pub plan: PlanRef,
    /// The verdict of the indicator on screen.
    pub verdict: TargetVerdict,
    /// Interface language.
    pub lang: Lang,
}

#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Done,
    /// The browser refused: the text is selectable on the page.
    ByHand,
}

/// The report paragraph and its copy button.
#[component]
pub fn ReportText(props: &ReportTextProps) -> Html {
    let s = props.lang.s();
    let text = props.lang.report_paragraph(&props.plan, &props.verdict);
    let copied = use_state_eq(|| Copied::Not);
    {
        let copied = copied.clone();
        use_effect_with(text.clone(), move |_| copied.set(Copied::Not));
    }
    let on_copy = {
        let (copied, text) = (copied.clone(), text.clone());
        Callback::from(move |_: MouseEvent| {
            let (copied, text) = (copied.clone(), text.clone());
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(if web::copy_text(&text).await.is_ok() { Copied::Done } else { Copied::ByHand });
            });
        })
    };
    let note = match *copied {
        Copied::Not => "",
        Copied::Done => s.copied,
        Copied::ByHand => s.copy_by_hand,
    };
    html! {
        <div class="report-text">
            <h3>{s.report_text_heading}</h3>
            <p data-testid="report-text">{text}</p>
            <button type="button" class="btn small" data-testid="copy-report-text" onclick={on_copy}>{s.copy_text}</button>
            <span class="copied" role="status">{note}</span>
        </div>
    }
}
