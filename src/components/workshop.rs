//! The workshop view (工作坊汇总), an on-demand panel of the extras wasm:
//! it gathers the room's scenarios (pasted text, QR images, the camera,
//! the scenario on screen) into rounds kept in the browser's storage, and
//! combines them (see `model::workshop`): each unit's pledge into one city
//! scenario, or every proposal side by side with their median.
//!
//! The workshop lives in this module's own cell, not in a component: the
//! view is mounted again when presentation mode switches its layout, and
//! must come back as it was, storage or not. Every change goes through
//! [`commit`], which stores it and has the view render it.

mod combine;
mod scan;

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::model::workshop::store::{self, Mode, Owner, Workshop};
use crate::model::workshop::{find_links, Found};
use crate::model::{judge_all, LinkState, Status, TargetVerdict};
use crate::state::PlanRef;
use crate::storage::{self, StorageProblem};
use crate::web;

use combine::{Pledges, Proposals, Versus};

thread_local! {
    /// The workshop, once read (see the module).
    static HELD: RefCell<Option<Rc<Workshop>>> = const { RefCell::new(None) };
    /// What the view has to say about storage, kept with the workshop: a
    /// stored workshop that could not be read (said while the page is open),
    /// and the last write's problem (until a write succeeds).
    static LOAD_NOTE: RefCell<Option<String>> = const { RefCell::new(None) };
    /// False when unreadable data is still under the key (it could not be
    /// set aside): writing would destroy it, so the workshop is not stored.
    static WRITABLE: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
    static STORAGE_NOTE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The workshop: as held, else as stored, else a new one.
fn held(plan: &PlanRef, lang: Lang) -> Rc<Workshop> {
    if let Some(w) = HELD.with(|h| h.borrow().clone()) {
        return w;
    }
    let fresh = || Workshop::new(lang.round_name(1));
    let w = match storage::load_text(storage::WORKSHOP_KEY) {
        Ok(None) => fresh(),
        Ok(Some(text)) => match store::from_json(plan, &text) {
            Ok(w) => w,
            Err(e) => {
                // Kept aside before anything is written over it.
                let aside = match storage::keep_aside(&text) {
                    StorageProblem::SetAside { key } => key,
                    p => {
                        WRITABLE.with(|w| w.set(false));
                        format!("{} {}", lang.storage_problem(&p), lang.w().storage_kept)
                    }
                };
                let note = format!("{}{} ({aside})", lang.w().stored_unreadable, lang.file_problem(&e));
                LOAD_NOTE.with(|n| n.replace(Some(note)));
                fresh()
            }
        },
        Err(p) => {
            STORAGE_NOTE.with(|n| {
                n.replace(Some(format!(
                    "{}{} {}",
                    lang.w().storage_off,
                    lang.storage_problem(&p),
                    lang.w().nothing_yet
                )))
            });
            fresh()
        }
    };
    let w = Rc::new(w);
    HELD.with(|h| h.replace(Some(w.clone())));
    w
}

/// Changes the workshop, stores it, and gives what `change` returned; the
/// caller renders again.
fn commit<R>(plan: &PlanRef, lang: Lang, change: impl FnOnce(&mut Workshop) -> R) -> R {
    let mut w = (*held(plan, lang)).clone();
    let out = change(&mut w);
    let text = store::to_json(plan, &w);
    HELD.with(|h| h.replace(Some(Rc::new(w))));
    if WRITABLE.with(std::cell::Cell::get) {
        let note = storage::store_text(storage::WORKSHOP_KEY, &text)
            .err()
            .map(|p| format!("{}{} {}", lang.w().storage_off, lang.storage_problem(&p), lang.w().nothing_yet));
        STORAGE_NOTE.with(|n| n.replace(note));
    }
    out
}

/// What storage holds now, if it reads and differs from what is held (another
/// window stored it): held instead. True when it changed.
fn refresh(plan: &PlanRef, text: Option<String>) -> bool {
    let Some(Ok(stored)) = text.map(|t| store::from_json(plan, &t)) else { return false };
    if HELD.with(|h| h.borrow().as_deref() == Some(&stored)) {
        return false;
    }
    HELD.with(|h| h.replace(Some(Rc::new(stored))));
    true
}

/// A change to the workshop, made by [`commit`].
pub type WorkshopEdit = Rc<dyn Fn(&mut Workshop)>;

/// A line of what the last action did.
#[derive(Clone, PartialEq)]
enum Note {
    Ok(String),
    Problem(String),
}

/// One refused item: what it was (a link's start, or a file name) and why.
#[derive(Clone, PartialEq)]
struct Refusal {
    what: String,
    why: String,
}

/// Props of [`WorkshopPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct WorkshopPanelProps {
    /// The plan.
    pub plan: PlanRef,
    /// The scenario on screen in the main view.
    pub current: Rc<LinkState>,
    /// Interface language.
    pub lang: Lang,
    /// Presentation mode: the room's result, large.
    pub presenting: bool,
    /// Closes the view, opening a scenario in the main view (as B against
    /// the one on screen when the flag is set).
    pub leave: Callback<(Option<LinkState>, bool)>,
}

/// What one round's entries come to, computed once per change.
#[derive(PartialEq)]
pub struct Judged {
    /// Each entry's four verdicts.
    pub entries: Vec<Vec<TargetVerdict>>,
    /// The round's summary.
    pub summary: store::RoundSummary,
}

/// The workshop view.
#[component]
pub fn WorkshopPanel(props: &WorkshopPanelProps) -> Html {
    let (plan, lang) = (props.plan.clone(), props.lang);
    let w = lang.w();
    let redraw = use_force_update();
    let workshop = held(&plan, lang);
    let note = use_state_eq(|| None::<Note>);
    let refused = use_state_eq(Vec::<Refusal>::new);
    let round = workshop.round().clone();
    let judged = {
        let plan = plan.clone();
        use_memo(round.clone(), move |round| {
            Rc::new(Judged {
                entries: round.entries.iter().map(|e| judge_all(&plan, &e.state.scenario)).collect(),
                summary: round.summary(&plan),
            })
        })
    };
    let judged: Rc<Judged> = (*judged).clone();
    // Another tab or window changed the workshop (the facilitator's laptop
    // and the projector's window): show what it stored.
    {
        let (plan, redraw) = (plan.clone(), redraw.clone());
        use_effect_with((), move |()| {
            // What another window stored while this view was closed.
            if refresh(&plan, storage::load_text(storage::WORKSHOP_KEY).ok().flatten()) {
                redraw.force_update();
            }
            let listener = web_sys::window().map(|win| {
                gloo::events::EventListener::new(&win, "storage", move |e| {
                    let get = |name: &str| {
                        js_sys::Reflect::get(e, &wasm_bindgen::JsValue::from_str(name)).ok().and_then(|v| v.as_string())
                    };
                    if get("key").as_deref() == Some(storage::WORKSHOP_KEY) && refresh(&plan, get("newValue")) {
                        redraw.force_update();
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Adds what was found (in pasted text, images or the camera): the
    // good links, with a note; every refused one listed with its error.
    let take = {
        let (plan, note, refused, redraw) = (plan.clone(), note.clone(), refused.clone(), redraw.clone());
        Callback::from(move |(found, mut failed): (Found, Vec<Refusal>)| {
            let links: Vec<(String, LinkState)> = found.links.into_iter().map(|l| (l.code, l.state)).collect();
            let mut added = commit(&plan, lang, |w| w.round_mut().add(links, |n| lang.entry_name(n)));
            added.duplicates += found.duplicates;
            failed.extend(
                found.refused.iter().map(|r| Refusal { what: excerpt(&r.code), why: lang.link_problem(&r.error) }),
            );
            note.set(lang.added_text(added, failed.len()).map(|t| {
                if added.added > 0 {
                    Note::Ok(t)
                } else {
                    Note::Problem(t)
                }
            }));
            refused.set(failed);
            redraw.force_update();
        })
    };
    let paste_ref = use_node_ref();
    let add_paste = {
        let (plan, paste_ref, take, note, refused) =
            (plan.clone(), paste_ref.clone(), take.clone(), note.clone(), refused.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(area) = paste_ref.cast::<HtmlTextAreaElement>() else { return };
            let found = find_links(&area.value(), &plan);
            if found.links.is_empty() && found.refused.is_empty() {
                note.set(Some(Note::Problem(lang.w().paste_none.to_owned())));
                refused.set(Vec::new());
                return;
            }
            // Kept in the field while anything in it was refused.
            if found.refused.is_empty() {
                area.set_value("");
            }
            take.emit((found, Vec::new()));
        })
    };
    let images_busy = use_state_eq(|| false);
    let add_images = {
        let (plan, take, busy, note) = (plan.clone(), take.clone(), images_busy.clone(), note.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let Some(list) = input.files() else { return };
            let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
            input.set_value("");
            if files.is_empty() {
                return;
            }
            let (plan, take, busy, note) = (plan.clone(), take.clone(), busy.clone(), note.clone());
            busy.set(true);
            note.set(Some(Note::Ok(lang.w().images_reading.to_owned())));
            wasm_bindgen_futures::spawn_local(async move {
                let (mut texts, mut failed) = (Vec::new(), Vec::new());
                for f in files {
                    let w = lang.w();
                    match scan::decode_image(&f).await {
                        Ok(found) if found.is_empty() => {
                            failed.push(Refusal { what: f.name(), why: w.image_no_code.into() });
                        }
                        Ok(found) => texts.extend(found),
                        Err(e) if e.kind == "image" => {
                            failed.push(Refusal { what: f.name(), why: w.image_not_image.into() });
                        }
                        Err(e) => {
                            let why = if e.kind == "load" { w.decoder_failed } else { w.decode_failed };
                            failed.push(Refusal { what: f.name(), why: format!("{why}{}", e.detail) });
                        }
                    }
                }
                busy.set(false);
                take.emit((find_links(&texts.join("\n"), &plan), failed));
            });
        })
    };
    let on_scanned = {
        let (plan, take) = (plan.clone(), take.clone());
        Callback::from(move |texts: Vec<String>| take.emit((find_links(&texts.join("\n"), &plan), Vec::new())))
    };
    let add_current = {
        let (plan, current, take) = (plan.clone(), props.current.clone(), take.clone());
        Callback::from(move |_: MouseEvent| {
            let code = current.encode(&plan);
            take.emit((find_links(&code, &plan), Vec::new()));
        })
    };
    let edit = {
        let (plan, redraw) = (plan.clone(), redraw.clone());
        Callback::from(move |change: WorkshopEdit| {
            commit(&plan, lang, |w| change(w));
            redraw.force_update();
        })
    };
    let set_mode = edit.reform(|e: Event| {
        let mode = match e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()).as_deref() {
            Some("proposals") => Mode::Proposals,
            _ => Mode::Pledges,
        };
        Rc::new(move |w: &mut Workshop| w.round_mut().mode = mode) as WorkshopEdit
    });
    let new_round = {
        let (plan, note, refused, redraw) = (plan.clone(), note.clone(), refused.clone(), redraw.clone());
        Callback::from(move |_: MouseEvent| {
            let name = lang.round_name(held(&plan, lang).rounds.len() + 1);
            let started = commit(&plan, lang, |w| w.new_round(name.clone()));
            let w = lang.w();
            note.set(Some(if started {
                Note::Ok(format!("{}{name}", w.round_started))
            } else {
                Note::Problem(w.rounds_full.into())
            }));
            refused.set(Vec::new());
            redraw.force_update();
        })
    };
    let export = {
        let (plan, note) = (plan.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let text = store::to_json(&plan, &held(&plan, lang));
            let name = web::file_safe(&format!("{}_{}.json", lang.w().heading, web::today()));
            if let Err(e) = web::download_text(&name, "application/json", &text) {
                note.set(Some(Note::Problem(e)));
            }
        })
    };
    let import = {
        let (plan, note, refused, redraw) = (plan.clone(), note.clone(), refused.clone(), redraw.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let Some(f) = input.files().and_then(|l| l.get(0)) else { return };
            input.set_value("");
            let (plan, note, refused, redraw) = (plan.clone(), note.clone(), refused.clone(), redraw.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(f.text()).await.ok().and_then(|t| t.as_string());
                let w = lang.w();
                let read = text.as_deref().map(|t| store::from_json(&plan, t));
                match read {
                    Some(Ok(imported)) => {
                        commit(&plan, lang, |w| *w = imported);
                        note.set(Some(Note::Ok(format!("{}{}", w.imported, f.name()))));
                        refused.set(Vec::new());
                    }
                    Some(Err(e)) => {
                        note.set(Some(Note::Problem(format!("{}{}", w.import_refused, lang.file_problem(&e)))));
                    }
                    None => note.set(Some(Note::Problem(format!("{}{}", w.import_refused, lang.x().f_not_json)))),
                }
                redraw.force_update();
            });
        })
    };

    let storage_note = [LOAD_NOTE.with(|n| n.borrow().clone()), STORAGE_NOTE.with(|n| n.borrow().clone())];
    let leave = props.leave.clone();
    let mode = round.mode;
    let body = if props.presenting {
        html! {
            <combine::Presented plan={plan.clone()} round={Rc::new(round.clone())} judged={judged.clone()} {lang} />
        }
    } else {
        html! {
            <>
                <section class="workshop-collect" aria-labelledby="workshop-collect-heading">
                    <h3 id="workshop-collect-heading">{w.collect_heading}</h3>
                    <div class="collect-grid">
                        <label class="paste">
                            <span class="bar-label">{w.paste_label}</span>
                            <textarea ref={paste_ref} data-testid="workshop-paste" rows="4" placeholder={w.paste_placeholder} />
                        </label>
                        <div class="collect-actions">
                            <button type="button" class="btn primary" data-testid="workshop-add-paste" onclick={add_paste}>{w.paste_add}</button>
                            <label class="btn subtle file-pick" aria-busy={images_busy.then_some("true")}>
                                {w.images_label}
                                <input type="file" accept="image/*" multiple=true class="sr-only" data-testid="workshop-images" onchange={add_images} />
                            </label>
                            <scan::Camera {lang} on_texts={on_scanned} />
                            <button type="button" class="btn" data-testid="workshop-add-current" onclick={add_current}>{w.add_current}</button>
                        </div>
                    </div>
                    if let Some(n) = (*note).clone() {
                        { match n {
                            Note::Ok(t) => html! { <p class="note" role="status" data-testid="workshop-note">{t}</p> },
                            Note::Problem(t) => html! { <p class="note problem" role="alert" data-testid="workshop-note">{t}</p> },
                        } }
                    }
                    if !refused.is_empty() {
                        <div class="workshop-refused">
                            <h4>{w.refused_heading}</h4>
                            <ul>
                                { for refused.iter().map(|r| html! {
                                    <li data-testid="workshop-error"><code>{r.what.clone()}</code>{lang.colon()}{r.why.clone()}</li>
                                }) }
                            </ul>
                        </div>
                    }
                </section>
                <Entries plan={plan.clone()} round={Rc::new(round.clone())} judged={judged.clone()} {lang} edit={edit.clone()} leave={leave.clone()} />
                <div class="workshop-mode">
                    <label>
                        <span class="bar-label">{w.mode_label}</span>
                        <select data-testid="workshop-mode" onchange={set_mode}>
                            <option value="pledges" selected={mode == Mode::Pledges}>{w.mode_pledges}</option>
                            <option value="proposals" selected={mode == Mode::Proposals}>{w.mode_proposals}</option>
                        </select>
                    </label>
                </div>
                if mode == Mode::Pledges {
                    <Pledges plan={plan.clone()} round={Rc::new(round.clone())} judged={judged.clone()} {lang} edit={edit.clone()} leave={leave.clone()} />
                } else {
                    <Proposals plan={plan.clone()} round={Rc::new(round.clone())} judged={judged.clone()} {lang} leave={leave.clone()} />
                }
                if workshop.rounds.len() > 1 {
                    <Versus plan={plan.clone()} workshop={workshop.clone()} {lang} />
                }
                <combine::Record plan={plan.clone()} workshop={workshop.clone()} round={Rc::new(round.clone())} judged={judged.clone()} {lang} />
                <section class="workshop-files">
                    <button type="button" class="btn" data-testid="workshop-export" onclick={export}>{w.file_export}</button>
                    <label class="btn subtle file-pick">
                        {w.file_import}
                        <input type="file" accept=".json,application/json" class="sr-only" data-testid="workshop-import" onchange={import} />
                    </label>
                </section>
            </>
        }
    };
    let rounds = workshop.rounds.iter().enumerate().map(|(i, r)| {
        let pick = edit.reform(move |_: MouseEvent| Rc::new(move |w: &mut Workshop| w.current = i) as WorkshopEdit);
        html! {
            <button type="button" class="btn small" key={i} data-testid={format!("workshop-round-{i}")}
                aria-pressed={(i == workshop.current).to_string()} onclick={pick}>{r.name.clone()}</button>
        }
    });
    html! {
        <section class={classes!("workshop", props.presenting.then_some("presented"))} data-testid="workshop-view" aria-labelledby="workshop-heading">
            <div class="workshop-head">
                <p class="print-only briefing-date">{w.briefing_title}{" · "}{web::today()}</p>
                <h2 id="workshop-heading" tabindex="-1">{w.heading}{" · "}{round.name.clone()}</h2>
                <div class="workshop-rounds" role="group" aria-label={w.rounds_label}>
                    {for rounds}
                    if !props.presenting {
                        <button type="button" class="btn small" data-testid="workshop-new-round" onclick={new_round}>{w.new_round}</button>
                    }
                </div>
            </div>
            if !props.presenting {
                <p class="hint">{w.intro}</p>
            }
            { for storage_note.into_iter().flatten().map(|n| html! {
                <p class="note problem" role="alert" data-testid="workshop-storage">{n}</p>
            }) }
            {body}
        </section>
    }
}

/// The start of a refused code, enough to recognise it.
fn excerpt(code: &str) -> String {
    const SHOWN: usize = 24;
    if code.chars().count() > SHOWN {
        format!("{}…", code.chars().take(SHOWN).collect::<String>())
    } else {
        code.to_owned()
    }
}

/// Props of the entries table.
#[derive(Properties, PartialEq, Clone)]
struct EntriesProps {
    plan: PlanRef,
    round: Rc<store::Round>,
    judged: Rc<Judged>,
    lang: Lang,
    edit: Callback<WorkshopEdit>,
    leave: Callback<(Option<LinkState>, bool)>,
}

/// The round's entries: name, four verdicts, units doubled in all four,
/// floor breaches, the reference, and what can be done with each.
#[component]
fn Entries(props: &EntriesProps) -> Html {
    let (lang, plan) = (props.lang, &props.plan);
    let (s, w) = (lang.s(), lang.w());
    let n = props.round.entries.len();
    let change = |f: WorkshopEdit| props.edit.reform(move |()| f.clone());
    let rows = props.round.entries.iter().enumerate().map(|(i, e)| {
        let verdicts = &props.judged.entries[i];
        let all_doubled = (0..plan.units.len())
            .filter(|u| verdicts.iter().all(|v| v.units[*u].doubling == Status::Met))
            .count();
        let breaches: usize = verdicts.iter().map(|v| v.breaches.len()).sum();
        let rename = props.edit.reform(move |e: Event| {
            let name = e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            Rc::new(move |w: &mut Workshop| {
                if let Some(e) = w.round_mut().entries.get_mut(i) {
                    e.name = name.trim().chars().take(crate::model::codec::MAX_NAME_CHARS).collect();
                }
            }) as WorkshopEdit
        });
        let up = change(Rc::new(move |w: &mut Workshop| w.round_mut().swap(i, i.wrapping_sub(1))));
        let down = change(Rc::new(move |w: &mut Workshop| w.round_mut().swap(i, i + 1)));
        let remove = change(Rc::new(move |w: &mut Workshop| w.round_mut().remove(i)));
        let reference = change(Rc::new(move |w: &mut Workshop| w.round_mut().reference = i));
        let state = e.state.clone();
        let open = props.leave.reform(move |_: MouseEvent| (Some(state.clone()), false));
        let state = e.state.clone();
        let compare = props.leave.reform(move |_: MouseEvent| (Some(state.clone()), true));
        let is_ref = i == props.round.reference;
        html! {
            <tr key={i} data-testid="workshop-entry" data-code={e.code.clone()} data-index={i.to_string()}
                class={classes!(is_ref.then_some("reference"))}>
                <td class="num-col">{i + 1}</td>
                <td>
                    <input type="text" class="name" value={e.name.clone()} aria-label={format!("{} {}", w.col_name, i + 1)}
                        data-testid={format!("workshop-name-{i}")} onchange={rename} />
                </td>
                { for verdicts.iter().map(|v| combine::verdict_cell(v, lang)) }
                <td class="fig">{format!("{all_doubled}/{}", plan.units.len())}</td>
                <td class="fig">{breaches}</td>
                <td>
                    <input type="radio" name="workshop-reference" checked={is_ref} aria-label={format!("{} · {}", w.col_reference, e.name)}
                        data-testid={format!("workshop-reference-{i}")} onchange={reference.reform(|_: Event| ())} />
                </td>
                <td class="entry-actions">
                    <button type="button" class="btn small subtle" disabled={i == 0} aria-label={format!("{} · {}", w.up, e.name)}
                        data-testid={format!("workshop-up-{i}")} onclick={up.reform(|_: MouseEvent| ())}>{"↑"}</button>
                    <button type="button" class="btn small subtle" disabled={i + 1 == n} aria-label={format!("{} · {}", w.down, e.name)}
                        data-testid={format!("workshop-down-{i}")} onclick={down.reform(|_: MouseEvent| ())}>{"↓"}</button>
                    <button type="button" class="btn small" aria-label={format!("{} · {}", w.open, e.name)}
                        data-testid={format!("workshop-open-{i}")} onclick={open}>{w.open}</button>
                    <button type="button" class="btn small" aria-label={format!("{} · {}", w.compare, e.name)}
                        data-testid={format!("workshop-compare-{i}")} onclick={compare}>{w.compare}</button>
                    <button type="button" class="btn small subtle" aria-label={format!("{} · {}", w.remove, e.name)}
                        data-testid={format!("workshop-remove-{i}")} onclick={remove.reform(|_: MouseEvent| ())}>{w.remove}</button>
                </td>
            </tr>
        }
    });
    html! {
        <section class="workshop-entries" aria-labelledby="workshop-entries-heading">
            <h3 id="workshop-entries-heading">{w.entries_heading}{format!(" ({n})")}</h3>
            if n == 0 {
                <p class="hint" data-testid="workshop-empty">{w.empty}</p>
            } else {
                <div class="table-scroll">
                    <table class="workshop-table">
                        <thead>
                            <tr>
                                <th scope="col">{"#"}</th>
                                <th scope="col">{w.col_name}</th>
                                { for plan.indicators.iter().map(|ind| html! {
                                    <th scope="col">{lang.indicator_short(ind)}<span class="sub">{lang.year(ind.target_year)}</span></th>
                                }) }
                                <th scope="col">{w.col_doubled}<span class="sub">{w.all_four}</span></th>
                                <th scope="col">{w.col_breaches}</th>
                                <th scope="col">{w.col_reference}</th>
                                <th scope="col">{w.col_actions}</th>
                            </tr>
                        </thead>
                        <tbody>{for rows}</tbody>
                    </table>
                </div>
                <p class="hint">{s.tolerance_note}</p>
            }
        </section>
    }
}

/// The owner a select's value names.
fn owner_of(value: &str) -> Option<Owner> {
    match value {
        "reference" => Some(Owner::Reference),
        v => v.parse().ok().map(Owner::Entry),
    }
}
