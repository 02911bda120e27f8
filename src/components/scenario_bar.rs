//! The scenario bar as the page renders it: the name field, and until the
//! on-demand panels are loaded a stand-in of the rest (save, the saved
//! list, files) whose first use loads them and is then replayed on the
//! real control (see `extras` and `components::scenario_panel`).

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::draft::use_draft;
use crate::components::extra_host::{ExtraHost, Replay, ReplaySlot};
use crate::extras::Kind;
use crate::i18n::Lang;
use crate::state::{Action, AppState};

/// Props of [`ScenarioBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct ScenarioBarProps {
    /// The scenario's name.
    pub name: AttrValue,
    /// Interface language.
    pub lang: Lang,
    /// Where changes go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The name field and the saving and file controls.
#[component]
pub fn ScenarioBar(props: &ScenarioBarProps) -> Html {
    let lang = props.lang;
    let s = lang.s();
    let name_draft = {
        let d = props.dispatch.clone();
        use_draft(props.name.to_string(), Callback::from(move |text: String| d.dispatch(Action::SetName(text))))
    };
    // A page whose browser storage holds saved scenarios, or that cannot
    // reach storage, shows the real controls at once: the saved list and
    // any problem with it are read there. A first visit has nothing saved.
    let wanted = use_state_eq(crate::storage::needs_reading);
    let replay = use_memo((), |()| ReplaySlot(Rc::new(RefCell::new(Vec::new()))));
    let ask = {
        let (wanted, replay) = (wanted.clone(), replay.clone());
        Callback::from(move |r: Replay| {
            replay.0.borrow_mut().push(r);
            wanted.set(true);
        })
    };
    let click =
        |testid: &'static str| ask.reform(move |_: MouseEvent| Replay { testid: testid.to_owned(), files: None });
    let on_file = ask.reform(|e: Event| {
        let files = e.target_dyn_into::<HtmlInputElement>().and_then(|i| i.files());
        Replay { testid: "import-json".to_owned(), files }
    });
    let on_list = ask.reform(|e: MouseEvent| {
        // The stand-in list stays shut; the real one opens.
        e.prevent_default();
        Replay { testid: "saved-list".to_owned(), files: None }
    });
    let stand_in = html! {
        <>
            <button type="button" class="btn" data-testid="save-scenario" onclick={click("save-scenario")}>{s.save}</button>
            <details class="saved" data-testid="saved-list">
                <summary onclick={on_list}>{s.saved_heading}{match lang { Lang::Zh => "（0）", Lang::En => " (0)" }}</summary>
            </details>
            <button type="button" class="btn subtle" data-testid="export-json" onclick={click("export-json")}>{s.export_json}</button>
            <button type="button" class="btn subtle" data-testid="export-csv" onclick={click("export-csv")}>{s.export_csv}</button>
            <button type="button" class="btn subtle" data-testid="export-xlsx" onclick={click("export-xlsx")}>{s.export_xlsx}</button>
            <label class="btn subtle file-pick">
                {s.import_json}
                <input type="file" accept=".json,application/json" class="sr-only" data-testid="import-json" onchange={on_file} />
            </label>
        </>
    };
    html! {
        <section class="scenario-bar" aria-label={s.scenarios_heading}>
            <label class="name-field">
                <span class="bar-label">{s.scenario_name_label}</span>
                <input
                    type="text"
                    class="name"
                    maxlength="100"
                    value={name_draft.shown}
                    placeholder={s.name_placeholder}
                    data-testid="scenario-name"
                    ref={name_draft.node}
                    oninput={name_draft.on_input}
                    onblur={name_draft.on_blur}
                />
            </label>
            if *wanted {
                <ExtraHost lang={lang} kind={Kind::Scenarios} placeholder={stand_in} replay={(*replay).clone()} />
            } else {
                {stand_in}
            }
        </section>
    }
}
