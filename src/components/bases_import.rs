//! Pasting bases from a spreadsheet or opening a CSV or spreadsheet file
//! (.xlsx, .xls, .ods: the spreadsheet worker reads its first worksheet,
//! see `sheet`): a preview of every recognised value and every problem by
//! row and column, then all or nothing.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::format;
use crate::i18n::Lang;
use crate::model::import::{read_bases, read_rows, ImportPreview};
use crate::model::IndicatorKey;
use crate::sheet::protocol::is_spreadsheet_name;
use crate::sheet::Problem;
use crate::state::{Action, AppState, PlanRef};

/// What became of the last spreadsheet file opened.
#[derive(Clone, PartialEq)]
enum SheetNote {
    Reading,
    Read { file: String, sheet: String },
    Problem(Problem),
}

/// Props of [`BasesImport`].
#[derive(Properties, PartialEq, Clone)]
pub struct BasesImportProps {
    /// The plan.
    pub plan: PlanRef,
    /// Interface language.
    pub lang: Lang,
    /// Where the applied bases go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The paste area, preview and apply button.
#[component]
pub fn BasesImport(props: &BasesImportProps) -> Html {
    let text = use_state_eq(String::new);
    // Rows of a spreadsheet file, previewed instead of the text.
    let rows = use_state_eq(|| None::<Rc<Vec<Vec<String>>>>);
    let sheet_note = use_state_eq(|| None::<SheetNote>);
    // Counts files and pastes, so that a late answer for an older file is dropped.
    let generation = use_mut_ref(|| 0_u32);
    let applied = use_state_eq(|| None::<usize>);
    let preview = {
        let plan = props.plan.clone();
        use_memo(((*text).clone(), (*rows).clone()), move |(t, rows)| match rows {
            Some(rows) => read_rows(&plan, rows),
            None if t.trim().is_empty() => ImportPreview::default(),
            None => read_bases(&plan, t),
        })
    };
    let (lang, s) = (props.lang, props.lang.s());
    let x = props.lang.x();
    let on_paste = {
        let (text, rows, sheet_note, generation, applied) =
            (text.clone(), rows.clone(), sheet_note.clone(), generation.clone(), applied.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(a) = e.target_dyn_into::<HtmlTextAreaElement>() {
                *generation.borrow_mut() += 1;
                text.set(a.value());
                rows.set(None);
                sheet_note.set(None);
                applied.set(None);
            }
        })
    };
    let on_file = {
        let (text, rows, sheet_note, generation, applied) =
            (text.clone(), rows.clone(), sheet_note.clone(), generation.clone(), applied.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let Some(f) = input.files().and_then(|l| l.get(0)) else { return };
            input.set_value("");
            let current = {
                let mut g = generation.borrow_mut();
                *g += 1;
                *g
            };
            let (text, rows, sheet_note, generation, applied) =
                (text.clone(), rows.clone(), sheet_note.clone(), generation.clone(), applied.clone());
            let spreadsheet = is_spreadsheet_name(&f.name());
            sheet_note.set(spreadsheet.then_some(SheetNote::Reading));
            wasm_bindgen_futures::spawn_local(async move {
                if spreadsheet {
                    let read = crate::sheet::read_file(&f).await;
                    if *generation.borrow() != current {
                        return;
                    }
                    text.set(String::new());
                    match read {
                        Ok((sheet, cells)) => {
                            rows.set(Some(Rc::new(cells)));
                            sheet_note.set(Some(SheetNote::Read { file: f.name(), sheet }));
                        }
                        Err(e) => {
                            rows.set(None);
                            sheet_note.set(Some(SheetNote::Problem(e)));
                        }
                    }
                    applied.set(None);
                } else if let Ok(t) = wasm_bindgen_futures::JsFuture::from(f.text()).await {
                    if *generation.borrow() != current {
                        return;
                    }
                    text.set(t.as_string().unwrap_or_default());
                    rows.set(None);
                    applied.set(None);
                }
            });
        })
    };
    let on_apply = {
        let (preview, d, applied, text, rows, sheet_note) =
            (preview.clone(), props.dispatch.clone(), applied.clone(), text.clone(), rows.clone(), sheet_note.clone());
        Callback::from(move |_: MouseEvent| {
            if preview.can_apply() {
                let bases = preview.bases.iter().map(|b| (b.indicator, b.unit, b.base)).collect();
                d.dispatch(Action::ApplyBases(bases));
                applied.set(Some(preview.bases.len()));
                text.set(String::new());
                rows.set(None);
                sheet_note.set(None);
            }
        })
    };
    let units: Vec<usize> = {
        let mut u: Vec<usize> = preview.bases.iter().map(|b| b.unit).collect();
        u.dedup();
        u
    };
    let keys: Vec<IndicatorKey> =
        IndicatorKey::ALL.into_iter().filter(|k| preview.bases.iter().any(|b| b.indicator == *k)).collect();
    let value_at =
        |u: usize, k: IndicatorKey| preview.bases.iter().find(|b| b.unit == u && b.indicator == k).map(|b| b.base.yi());
    let blocking = preview.issues.iter().any(|i| i.issue.blocks());
    html! {
        <div class="bases-import">
            <h3>{x.paste_heading}</h3>
            <p class="hint">{x.paste_hint}</p>
            <textarea rows="5" value={(*text).clone()} oninput={on_paste} data-testid="import-paste"
                aria-label={x.paste_heading} spellcheck="false" />
            <label class="btn subtle file-pick">
                {x.open_csv}
                <input type="file" accept=".csv,.tsv,.txt,text/csv,text/plain,.xlsx,.xlsm,.xls,.ods" class="sr-only" data-testid="import-csv" onchange={on_file} />
            </label>
            {
                match (*sheet_note).clone() {
                    None => html! {},
                    Some(SheetNote::Reading) => html! { <p class="hint" role="status" data-testid="import-file-note">{x.sheet_reading}</p> },
                    Some(SheetNote::Read { file, sheet }) => html! { <p class="hint" role="status" data-testid="import-file-note">{lang.sheet_read(&file, &sheet)}</p> },
                    Some(SheetNote::Problem(e)) => html! {
                        <p class="field-error" role="alert" data-testid="import-file-problem">{x.file_error}{" "}{e.words(lang).to_owned()}</p>
                    },
                }
            }
            if !preview.issues.is_empty() {
                <ul class="import-problems" data-testid="import-problems">
                    { for preview.issues.iter().map(|i| html! {
                        <li class={classes!(i.issue.blocks().then_some("blocking"))}>{lang.import_issue(i)}</li>
                    }) }
                </ul>
            }
            if !preview.bases.is_empty() {
                <div class="table-scroll">
                    <table class="units import-preview" data-testid="import-preview">
                        <thead><tr>
                            <th scope="col">{s.unit}</th>
                            { for keys.iter().map(|k| html! { <th scope="col" class="n">{lang.indicator_short(props.plan.indicator(*k))}</th> }) }
                        </tr></thead>
                        <tbody>
                            { for units.iter().map(|u| html! {
                                <tr>
                                    <th scope="row">{lang.unit_name(&props.plan.units[*u])}</th>
                                    { for keys.iter().map(|k| html! { <td class="n">{value_at(*u, *k).map(format::yi).unwrap_or_default()}</td> }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if blocking {
                <p class="field-error">{x.blocked}</p>
            } else if preview.bases.is_empty() && (!text.trim().is_empty() || rows.is_some()) {
                <p class="hint">{x.nothing_recognised}</p>
            }
            <button type="button" class="btn" data-testid="import-apply" disabled={!preview.can_apply()} onclick={on_apply}>
                {format!("{} {} {}", x.import_apply, preview.bases.len(), x.values_word)}
            </button>
            if let Some(n) = *applied {
                <p class="note ok" role="status">{format!("✓ {} {n} {}", x.applied, x.values_word)}</p>
            }
        </div>
    }
}
