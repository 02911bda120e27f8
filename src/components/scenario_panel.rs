//! Saving under the scenario's name in the browser, the list of
//! saved scenarios (open, rename, duplicate, delete), JSON export and
//! import, and the results as CSV or XLSX (the spreadsheet worker writes
//! it, see `sheet`). Rules live in `model::library` and `model::file`;
//! storage in `storage`. Whatever fails, the scenario on screen and the
//! saved list stay as they were.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::library::{Library, LibraryError};
use crate::model::{file, LinkState};
use crate::sheet::protocol::XLSX_MIME;
use crate::state::{Action, AppState, Change, PlanRef};
use crate::{storage, web};

/// Props of [`ScenarioPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct ScenarioPanelProps {
    /// The plan, for codes and files.
    pub plan: PlanRef,
    /// What a link to the current state holds.
    pub current: Rc<LinkState>,
    /// The current scenario's link code.
    pub code: Rc<String>,
    /// Interface language.
    pub lang: Lang,
    /// Where changes go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// A message under the bar: good news or a problem.
#[derive(Clone, PartialEq)]
enum Note {
    Ok(String),
    Problem(String),
}

/// What waits for the user's yes.
#[derive(Clone, PartialEq)]
enum Pending {
    Overwrite(String),
    Delete(String),
    Rename(String, String),
}

/// Folds the saved list away, so that it covers neither the scenario nor
/// a question about one of its entries.
fn fold(list: &NodeRef) {
    if let Some(details) = list.cast::<web_sys::Element>() {
        let _ = details.remove_attribute("open");
    }
}

/// The scenario's name for file names, or 未命名情景 with today's date.
fn name_or_default(current: &LinkState, lang: Lang) -> String {
    crate::format::file_stem(&current.scenario.name, lang.s().default_scenario_name, &web::today())
}

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The scenario bar after the name field (`ScenarioName`): an on-demand
/// panel (see `extras`), which the page shows as [`ScenarioBarStandIn`]
/// until it is loaded.
#[component]
#[allow(clippy::too_many_lines)]
pub fn ScenarioPanel(props: &ScenarioPanelProps) -> Html {
    let loaded = use_memo((), |()| storage::load());
    let library = use_state_eq(|| Rc::new(loaded.library.clone()));
    let writable = loaded.writable;
    // Why saving is off, if it is: storage that is switched off says so;
    // otherwise unreadable data is being protected.
    let unavailable = loaded.problem == Some(storage::StorageProblem::Unavailable);
    let note = use_state_eq(|| loaded.problem.as_ref().map(|p| Note::Problem(props.lang.storage_problem(p))));
    let pending = use_state_eq(|| None::<Pending>);
    let list_ref = use_node_ref();
    let lang = props.lang;
    let s = lang.s();
    let x = lang.x();

    // Applies a change to a copy of the list and stores it; the list on
    // screen changes only once storage has taken it.
    let commit = {
        let (library, note) = (library.clone(), note.clone());
        Rc::new(move |change: &dyn Fn(&mut Library) -> Result<String, LibraryError>| {
            if !writable {
                let why = if unavailable { lang.x().storage_unavailable } else { lang.x().storage_readonly };
                note.set(Some(Note::Problem(why.to_owned())));
                return false;
            }
            let mut next = (**library).clone();
            match change(&mut next) {
                Err(e) => {
                    note.set(Some(Note::Problem(lang.library_problem(&e).to_owned())));
                    false
                }
                Ok(done) => match storage::store(&next) {
                    Ok(()) => {
                        library.set(Rc::new(next));
                        note.set(Some(Note::Ok(done)));
                        true
                    }
                    Err(p) => {
                        note.set(Some(Note::Problem(lang.storage_problem(&p))));
                        false
                    }
                },
            }
        })
    };

    let save = {
        let (commit, code, name, pending, library) =
            (commit.clone(), props.code.clone(), props.current.scenario.name.clone(), pending.clone(), library.clone());
        Callback::from(move |overwrite: bool| {
            if !overwrite && library.find(&name).is_some() {
                pending.set(Some(Pending::Overwrite(name.clone())));
                return;
            }
            pending.set(None);
            let saved = lang.x().saved_ok;
            commit(&|lib: &mut Library| {
                lib.save(&name, &code, &now_iso(), overwrite)
                    .map(|()| format!("{saved}{}{}", lang.colon(), name.trim()))
            });
        })
    };
    let open = {
        let (d, plan, note, list_ref) = (props.dispatch.clone(), props.plan.clone(), note.clone(), list_ref.clone());
        Callback::from(move |(name, code): (String, String)| match LinkState::decode(&code, &plan) {
            Ok(st) => {
                d.dispatch(Action::Load { state: Box::new(st), change: Change::Step });
                note.set(Some(Note::Ok(format!("{}{}{name}", lang.x().opened_ok, lang.colon()))));
                // The list has done its job.
                fold(&list_ref);
            }
            Err(e) => note.set(Some(Note::Problem(format!("{} {}", lang.x().entry_broken, lang.link_problem(&e))))),
        })
    };
    let export = {
        let (plan, current, note) = (props.plan.clone(), props.current.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let s = lang.s();
            let name = name_or_default(&current, lang);
            let text = file::to_json(&plan, &current);
            let fname = web::file_safe(&format!("{}_{name}.json", s.app_name));
            if let Err(e) = web::download_text(&fname, "application/json", &text) {
                note.set(Some(Note::Problem(e)));
            }
        })
    };
    let export_csv = {
        let (plan, current, note) = (props.plan.clone(), props.current.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let s = lang.s();
            let x = lang.x();
            let name = name_or_default(&current, lang);
            let text = crate::model::export::results_csv(&plan, &current.scenario, lang);
            let fname = web::file_safe(&format!("{}_{}_{name}.csv", s.app_name, x.results_word));
            if let Err(e) = web::download_text(&fname, "text/csv;charset=utf-8", &text) {
                note.set(Some(Note::Problem(e)));
            }
        })
    };
    // The spreadsheet worker writes the .xlsx; the button is busy meanwhile.
    let xlsx_busy = use_state_eq(|| false);
    let export_xlsx = {
        let (current, code, note, busy) = (props.current.clone(), props.code.clone(), note.clone(), xlsx_busy.clone());
        Callback::from(move |_: MouseEvent| {
            let s = lang.s();
            let x = lang.x();
            let name = name_or_default(&current, lang);
            let fname = web::file_safe(&format!("{}_{}_{name}.xlsx", s.app_name, x.results_word));
            let (code, note, busy) = (code.clone(), note.clone(), busy.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                // The worker computes the table from the link code: the page sends a few dozen characters.
                let made = crate::sheet::write_xlsx(&code, lang).await;
                busy.set(false);
                let done = made
                    .map_err(|e| e.words(lang).to_owned())
                    .and_then(|bytes| web::download_bytes(&fname, XLSX_MIME, &bytes));
                // A success also clears the problem of an earlier try.
                note.set(done.err().map(|e| Note::Problem(format!("{} {e}", x.xlsx_failed))));
            });
        })
    };
    let import = {
        let (d, plan, note) = (props.dispatch.clone(), props.plan.clone(), note.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let Some(f) = input.files().and_then(|list| list.get(0)) else { return };
            input.set_value("");
            let (d, plan, note) = (d.clone(), plan.clone(), note.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(f.text()).await;
                let x = lang.x();
                match text.ok().and_then(|t| t.as_string()) {
                    None => note.set(Some(Note::Problem(format!("{} {}", x.file_error, x.f_not_json)))),
                    Some(t) => match file::from_json(&plan, &t) {
                        Ok(st) => {
                            d.dispatch(Action::Load { state: Box::new(st), change: Change::Step });
                            note.set(Some(Note::Ok(format!("{}{}{}", x.imported_ok, lang.colon(), f.name()))));
                        }
                        Err(e) => note.set(Some(Note::Problem(format!("{} {}", x.file_error, lang.file_problem(&e))))),
                    },
                }
            });
        })
    };

    let confirm = match (*pending).clone() {
        None => html! {},
        Some(Pending::Overwrite(name)) => html! {
            <div class="confirm" role="alertdialog" data-testid="confirm-overwrite">
                <span>{x.confirm_overwrite}{" “"}{name}{"”"}</span>
                <button type="button" class="btn" onclick={save.reform(|_: MouseEvent| true)}>{x.overwrite}</button>
                <button type="button" class="btn subtle" onclick={{ let p = pending.clone(); move |_: MouseEvent| p.set(None) }}>{x.cancel}</button>
            </div>
        },
        Some(Pending::Delete(name)) => {
            let (commit, p) = (commit.clone(), pending.clone());
            let n = name.clone();
            let deleted = s.delete;
            html! {
                <div class="confirm" role="alertdialog" data-testid="confirm-delete">
                    <span>{x.confirm_delete}{" “"}{name}{"”"}</span>
                    <button type="button" class="btn" onclick={move |_: MouseEvent| {
                        p.set(None);
                        commit(&|lib: &mut Library| lib.delete(&n).map(|e| format!("{deleted}{}{}", lang.colon(), e.name)));
                    }}>{s.delete}</button>
                    <button type="button" class="btn subtle" onclick={{ let p = pending.clone(); move |_: MouseEvent| p.set(None) }}>{x.cancel}</button>
                </div>
            }
        }
        Some(Pending::Rename(from, to)) => {
            let (commit, p) = (commit.clone(), pending.clone());
            let (f2, t2) = (from.clone(), to.clone());
            let renamed = s.rename;
            let on_input = {
                let (p, from) = (pending.clone(), from.clone());
                Callback::from(move |e: InputEvent| {
                    if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                        p.set(Some(Pending::Rename(from.clone(), i.value())));
                    }
                })
            };
            html! {
                <div class="confirm" role="group" data-testid="rename-box">
                    <input type="text" class="name" value={to} oninput={on_input} aria-label={s.rename} data-testid="rename-input" />
                    <button type="button" class="btn" data-testid="rename-ok" onclick={move |_: MouseEvent| {
                        if commit(&|lib: &mut Library| lib.rename(&f2, &t2).map(|()| format!("{renamed}{}{}", lang.colon(), t2.trim()))) {
                            p.set(None);
                        }
                    }}>{s.rename}</button>
                    <button type="button" class="btn subtle" onclick={{ let p = pending.clone(); move |_: MouseEvent| p.set(None) }}>{x.cancel}</button>
                </div>
            }
        }
    };

    // Esc folds the saved list, focus on its summary.
    let close_on_escape = {
        let list_ref = list_ref.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(details) = list_ref.cast::<web_sys::Element>() else { return };
            if e.key() == "Escape" && details.has_attribute("open") {
                e.stop_propagation();
                fold(&list_ref);
                if let Some(summary) = details.query_selector("summary").ok().flatten() {
                    if let Some(summary) = summary.dyn_ref::<web_sys::HtmlElement>() {
                        let _ = summary.focus();
                    }
                }
            }
        })
    };
    html! {
        <>
            <button type="button" class="btn" data-testid="save-scenario" onclick={save.reform(|_: MouseEvent| false)}>{s.save}</button>
            <details class="saved" data-testid="saved-list" ref={list_ref.clone()} onkeydown={close_on_escape}>
                <summary>{s.saved_heading}{match lang { Lang::Zh => format!("（{}）", library.entries.len()), Lang::En => format!(" ({})", library.entries.len()) }}</summary>
                <ul>
                    if library.entries.is_empty() {
                        <li class="empty">{x.none_saved}</li>
                    }
                    { for library.entries.iter().enumerate().map(|(i, e)| {
                        let (name, code) = (e.name.clone(), e.code.clone());
                        let open = open.reform(move |_: MouseEvent| (name.clone(), code.clone()));
                        let n1 = e.name.clone();
                        let (p1, l1) = (pending.clone(), list_ref.clone());
                        let rename = Callback::from(move |_: MouseEvent| {
                            fold(&l1);
                            p1.set(Some(Pending::Rename(n1.clone(), n1.clone())));
                        });
                        let (n2, commit2) = (e.name.clone(), commit.clone());
                        let suffix = x.copy_suffix;
                        let duplicated = s.duplicate;
                        let duplicate = Callback::from(move |_: MouseEvent| {
                            commit2(&|lib: &mut Library| lib.duplicate(&n2, suffix, &now_iso()).map(|n| format!("{duplicated}{}{n}", lang.colon())));
                        });
                        let (n3, p3, l3) = (e.name.clone(), pending.clone(), list_ref.clone());
                        let delete = Callback::from(move |_: MouseEvent| {
                            fold(&l3);
                            p3.set(Some(Pending::Delete(n3.clone())));
                        });
                        html! {
                            <li key={e.name.clone()} data-testid={format!("saved-{i}")} data-name={e.name.clone()}>
                                <span class="saved-name">{e.name.clone()}</span>
                                <span class="saved-at">{e.saved_at.get(..16).unwrap_or(&e.saved_at).replace('T', " ")}</span>
                                <button type="button" class="btn small" data-testid={format!("saved-open-{i}")} onclick={open}>{s.open}</button>
                                <button type="button" class="btn small subtle" data-testid={format!("saved-rename-{i}")} onclick={rename}>{s.rename}</button>
                                <button type="button" class="btn small subtle" data-testid={format!("saved-duplicate-{i}")} onclick={duplicate}>{s.duplicate}</button>
                                <button type="button" class="btn small subtle" data-testid={format!("saved-delete-{i}")} onclick={delete}>{s.delete}</button>
                            </li>
                        }
                    }) }
                </ul>
            </details>
            <button type="button" class="btn subtle" data-testid="export-json" onclick={export}>{s.export_json}</button>
            <button type="button" class="btn subtle" data-testid="export-csv" onclick={export_csv}>{s.export_csv}</button>
            <button type="button" class="btn subtle" data-testid="export-xlsx" disabled={*xlsx_busy}
                aria-busy={xlsx_busy.to_string()} onclick={export_xlsx}>
                { if *xlsx_busy { x.xlsx_busy } else { s.export_xlsx } }
            </button>
            <label class="btn subtle file-pick">
                {s.import_json}
                <input type="file" accept=".json,application/json" class="sr-only" data-testid="import-json" onchange={import} />
            </label>
            {confirm}
            {
                match (*note).clone() {
                    None => html! {},
                    Some(Note::Ok(t)) => html! { <p class="note ok" role="status" data-testid="scenario-note">{"✓ "}{t}</p> },
                    Some(Note::Problem(t)) => html! { <p class="note problem" role="alert" data-testid="scenario-note">{t}</p> },
                }
            }
        </>
    }
}
