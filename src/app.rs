//! The root component: one reducer, derived verdicts, and the layout.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::chart::ChartData;
use crate::components::briefing::use_briefing;
use crate::components::bulk_bar::BulkBar;
use crate::components::chart_canvas::ChartCanvas;
use crate::components::charts_panel::{charts_panel, ChartsPanelProps};
use crate::components::extra_host::ExtraHost;
use crate::components::growth_grid::growth_grid;
use crate::components::indicator_tabs::{indicator_tabs, IndicatorTabsProps};
use crate::components::link_notice::{link_notice, LinkNoticeProps};
use crate::components::overview::{overview as overview_row, OverviewProps};
use crate::components::preset_bar::PresetBar;
use crate::components::report_text::ReportText;
use crate::components::scenario_bar::ScenarioBar;
use crate::components::settle::{use_after_first_paint, use_settled};
use crate::components::share_bar::ShareBar;
use crate::components::undo_bar::{undo_bar, UndoBarProps};
use crate::components::unit_table::UnitTable;
use crate::components::verdict_card::VerdictCard;
use crate::components::IndicatorProps;
use crate::extras::{Kind, Snapshot};
use crate::location;
use crate::model::codec::Fragment;
use crate::model::{judge_all, IndicatorKey, LinkState, Plan};
use crate::state::{Action, AppState, Change};

/// How long the address bar waits after the last slider step before it is
/// rewritten, in milliseconds.
const ADDRESS_DEBOUNCE_MS: u32 = 250;

/// How long after opening the address bar is given the opened scenario's
/// link, in milliseconds: after the first paint.
const OPENED_ADDRESS_MS: u32 = 100;

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The parsed plan.
    pub plan: Rc<Plan>,
    /// The URL fragment the page was opened with.
    pub fragment: Option<String>,
}

/// The whole page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let (plan, initial) = (props.plan.clone(), props.fragment.clone());
        use_reducer(move || AppState::open(plan, initial.as_deref()))
    };
    let plan = state.plan.clone();
    // What a step shows at once (its cell, the verdicts, the main path
    // chart) follows the live scenario; the rest follows `settled`, just
    // after the step's frame is on screen (see components::settle).
    let settled = use_settled(state.scenario.clone());
    // The first render holds what a first look needs; the rest follows.
    let ready = use_after_first_paint();
    let verdicts = {
        let plan = plan.clone();
        use_memo(state.scenario.clone(), move |scenario| judge_all(&plan, scenario))
    };
    let settled_verdicts = {
        let (plan, live) = (plan.clone(), verdicts.clone());
        use_memo((settled.clone(), state.scenario.clone()), move |(settled, scenario)| {
            if settled == scenario {
                live
            } else {
                Rc::new(judge_all(&plan, settled))
            }
        })
    };
    let settled_verdicts: Rc<Vec<_>> = (*settled_verdicts).clone();
    // What the draws say, while uncertainty is on: the extras wasm runs
    // them on the settled scenario it is told of and reports them here.
    let received = use_state(|| None::<crate::components::extra_host::Drawn>);
    {
        let setter = received.setter();
        use_effect_with((), move |()| {
            crate::components::extra_host::on_outlooks(Callback::from(move |o| setter.set(o)));
        });
    }
    {
        // Switched off, they are forgotten: switched on again, none from
        // before is shown.
        let setter = received.setter();
        use_effect_with(state.scenario.uncertainty.on, move |on| {
            if !*on {
                setter.set(None);
            }
        });
    }
    let outlooks = if state.scenario.uncertainty.on { (*received).clone().map(|(_, o)| o) } else { None };
    let outlook_of = |key: IndicatorKey| outlooks.as_ref().map(|o| o[key.index()].clone());
    let overview = {
        let (plan, verdicts) = (plan.clone(), settled_verdicts.clone());
        use_memo((settled.clone(), state.lang, outlooks.clone()), move |(scenario, lang, outlooks)| {
            verdicts
                .iter()
                .map(|v| {
                    let o = outlooks.as_ref().map(|o| &*o[v.indicator.index()]);
                    Rc::new(ChartData::path(&plan, scenario, v, *lang, true, None).with_outlook(o, *lang))
                })
                .collect::<Vec<_>>()
        })
    };
    let main_chart = {
        let (plan, verdicts) = (plan.clone(), verdicts.clone());
        use_memo(
            (state.scenario.clone(), state.lang, state.indicator, state.pinned.clone(), outlook_of(state.indicator)),
            move |(scenario, lang, key, pinned, outlook)| {
                let a = pinned.as_ref().map(|p| &p.scenario);
                let data = ChartData::path(&plan, scenario, &verdicts[key.index()], *lang, false, a);
                Rc::new(data.with_outlook(outlook.as_deref(), *lang))
            },
        )
    };
    let more_charts = {
        let (plan, verdicts) = (plan.clone(), settled_verdicts.clone());
        use_memo(
            (settled.clone(), state.lang, state.indicator, outlook_of(state.indicator)),
            move |(scenario, lang, key, outlook)| {
                let v = &verdicts[key.index()];
                [
                    Rc::new(ChartData::gap(&plan, v, *lang)),
                    Rc::new(ChartData::units(&plan, v, *lang).with_outlook(outlook.as_deref(), *lang)),
                    Rc::new(ChartData::floors(&plan, scenario, *key, *lang)),
                ]
            },
        )
    };
    let charts = Rc::new(
        std::iter::once((*main_chart).clone()).chain(more_charts.iter().filter(|_| ready).cloned()).collect::<Vec<_>>(),
    );
    {
        let lang = state.lang;
        use_effect_with(lang, move |lang| crate::web::set_document_lang(*lang));
    }
    // What a link holds, and its code: live for the address bar, settled
    // for the panels that show or save it.
    let code = {
        let plan = plan.clone();
        use_memo((state.scenario.clone(), state.lang, state.indicator), move |(scenario, lang, indicator)| {
            LinkState { scenario: (**scenario).clone(), lang: *lang, indicator: Some(*indicator) }.encode(&plan)
        })
    };
    let settled_code = {
        let (plan, live) = (plan.clone(), code.clone());
        use_memo(
            (settled.clone(), state.scenario.clone(), state.lang, state.indicator),
            move |(settled, scenario, lang, indicator)| {
                if settled == scenario {
                    live
                } else {
                    Rc::new(
                        LinkState { scenario: (**settled).clone(), lang: *lang, indicator: Some(*indicator) }
                            .encode(&plan),
                    )
                }
            },
        )
    };
    let settled_code: Rc<String> = (*settled_code).clone();
    // What the on-demand panels show: the settled state, or the live one
    // just after a change made in a panel, so that it is confirmed at once.
    let pinned_code = {
        let plan = plan.clone();
        use_memo(state.pinned.clone(), move |pinned| pinned.as_ref().map(|a| a.encode(&plan)))
    };
    let from = if state.adopted_at == state.revision { code.clone() } else { settled_code.clone() };
    // Whether the outlooks shown were drawn for what the panels were last
    // told: else the cards say the figures are being updated.
    let drawn_for = *use_memo(from.clone(), |from| crate::model::codec::crc32(from.as_bytes()));
    let outlooks_current = received.as_ref().is_some_and(|(crc, _)| *crc == drawn_for);
    let snapshot = use_memo((from, pinned_code), |(from, pinned)| Snapshot::encode(from, pinned.as_deref()));
    {
        let (dispatch, plan) = (state.dispatcher(), plan.clone());
        use_effect_with(snapshot, move |snapshot| crate::components::extra_host::tell(snapshot, &dispatch, &plan));
    }
    let briefing = use_briefing(state.lang);
    // Presentation mode has no briefing: Ctrl+P there is the browser's own.
    let presenting_now = use_mut_ref(|| false);
    *presenting_now.borrow_mut() = state.presenting;
    // The workshop view prints its own briefing, which it holds.
    let workshop_now = use_mut_ref(|| false);
    *workshop_now.borrow_mut() = state.workshop;
    // Asked for by a click, solve and the bases open when they first come;
    // mounted again (after presentation mode) they come as they were.
    let solve_wanted = use_state_eq(|| false);
    let bases_wanted = use_state_eq(|| false);
    let (solve_shown, bases_shown) = (use_mut_ref(|| false), use_mut_ref(|| false));
    let shown = |flag: &Rc<std::cell::RefCell<bool>>| {
        let flag = flag.clone();
        Callback::from(move |()| *flag.borrow_mut() = true)
    };
    // Their stand-ins: as they look closed, and busy while they load.
    let solve_stand_in = |busy: bool| {
        let ask = (!busy).then(|| {
            let w = solve_wanted.clone();
            Callback::from(move |_: MouseEvent| w.set(true))
        });
        let s = state.lang.s();
        html! {
            <button type="button" class="btn" data-testid={format!("solve-{}", state.indicator)} aria-expanded="false"
                aria-busy={busy.then_some("true")} disabled={busy} onclick={ask}>{s.solve}</button>
        }
    };
    let bases_stand_in = |busy: bool| {
        let ask = (!busy).then(|| {
            let w = bases_wanted.clone();
            Callback::from(move |_: MouseEvent| w.set(true))
        });
        let (lang, key) = (state.lang, state.indicator);
        let s = lang.s();
        html! {
            <details class="bases" data-testid={(!busy).then(|| format!("bases-{key}"))} open={busy} aria-busy={busy.then_some("true")}>
                <summary onclick={ask}>{s.bases_heading}{" · "}{lang.indicator_short(plan.indicator(key))}</summary>
                if busy {
                    <p class="hint">{s.loading}</p>
                }
            </details>
        }
    };
    // The address bar follows the state: replaced (debounced) while sliders
    // move, a new history entry for each deliberate step.
    let pending = use_mut_ref(|| None::<(String, gloo::timers::callback::Timeout)>);
    {
        let (code, change, broken) = (code.clone(), state.change, state.link_error.is_some());
        use_effect_with(state.revision, move |_| {
            let fragment = Fragment((*code).clone()).to_string();
            match change {
                // A broken link stays in the address bar until the first edit.
                Change::Opened if broken => {}
                // After the first paint (the history call is a few ms a
                // first chart need not wait for); a step before then
                // writes it first, as it does a slider's pending address.
                Change::Opened => {
                    let later = fragment.clone();
                    let timer =
                        gloo::timers::callback::Timeout::new(OPENED_ADDRESS_MS, move || location::replace(&later));
                    *pending.borrow_mut() = Some((fragment, timer));
                }
                Change::Restored => {
                    pending.borrow_mut().take();
                }
                Change::Continuous => {
                    let later = fragment.clone();
                    let timer =
                        gloo::timers::callback::Timeout::new(ADDRESS_DEBOUNCE_MS, move || location::replace(&later));
                    // Dropping the previous timer cancels it.
                    *pending.borrow_mut() = Some((fragment, timer));
                }
                Change::Step => {
                    if let Some((earlier, timer)) = pending.borrow_mut().take() {
                        drop(timer);
                        location::replace(&earlier);
                    }
                    location::push(&fragment);
                }
            }
        });
    }
    // Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y; ⌘ on a Mac) undo and redo, P toggles
    // presentation mode and Escape leaves it; not while typing in a text
    // field, where the browser's own keys apply.
    {
        let (dispatch, request_print, presenting_now, workshop_now) =
            (state.dispatcher(), briefing.print.clone(), presenting_now.clone(), workshop_now.clone());
        use_effect_with((), move |()| {
            let listener = gloo::utils::document_element().owner_document().map(|doc| {
                // Not passive (gloo's default): Ctrl+P and Ctrl+Z are the
                // page's, and a passive listener cannot keep the browser's.
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(&doc, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    // Ctrl+P (⌘P) prints with the briefing, also from a text
                    // field, where it means nothing else.
                    let command = e.ctrl_key() || e.meta_key();
                    if command && !e.alt_key() && e.key().eq_ignore_ascii_case("p") && !*presenting_now.borrow() {
                        e.prevent_default();
                        if e.repeat() {
                        } else if *workshop_now.borrow() {
                            crate::web::print();
                        } else {
                            request_print.emit(());
                        }
                        return;
                    }
                    if crate::web::typing_in_text_field() {
                        return;
                    }
                    if !(e.ctrl_key() || e.meta_key() || e.alt_key()) {
                        match e.key().as_str() {
                            "p" | "P" => dispatch.dispatch(Action::TogglePresenting),
                            "Escape" => dispatch.dispatch(Action::SetPresenting(false)),
                            _ => {}
                        }
                        return;
                    }
                    let key = e.key().to_ascii_lowercase();
                    let action = match (key.as_str(), e.shift_key()) {
                        ("z", false) => Action::Undo,
                        ("z", true) | ("y", _) => Action::Redo,
                        _ => return,
                    };
                    e.prevent_default();
                    dispatch.dispatch(action);
                })
            });
            move || drop(listener)
        });
    }
    // Back, forward, or an edited address: open what it holds.
    {
        let (dispatch, plan) = (state.dispatcher(), plan.clone());
        use_effect_with((), move |()| {
            let listener = location::on_navigate(move |fragment| {
                let Some(Ok(frag)) = fragment.map(|f| f.parse::<Fragment>()) else { return };
                match LinkState::decode(&frag.0, &plan) {
                    Ok(st) => dispatch.dispatch(Action::Load { state: Box::new(st), change: Change::Restored }),
                    Err(e) => dispatch.dispatch(Action::LinkFailed(e)),
                }
            });
            move || drop(listener)
        });
    }
    let scenario_name: AttrValue = state.scenario.name.clone().into();

    let dispatch = state.dispatcher();
    let lang = state.lang;
    let s = lang.s();
    // Stable across renders: the cards, tabs and small multiples it is
    // given are then rendered again only when what they show changes.
    let select = {
        let d = dispatch.clone();
        use_callback((), move |k: IndicatorKey, ()| d.dispatch(Action::SelectIndicator(k)))
    };
    let toggle_lang = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::ToggleLang))
    };
    let current = state.indicator;
    let presenting = state.presenting;
    let (custom_bases, plan_path) = {
        let plan = plan.clone();
        // Live: these notices sit above the grid, and a late one would
        // move the controls under the pointer.
        *use_memo(state.scenario.clone(), move |scenario| {
            (scenario.has_custom_bases(&plan), scenario.on_plan_path(&plan))
        })
    };
    let uncertain = state.scenario.uncertainty.on;
    let toggle_uncertainty = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::SetUncertainty(!uncertain)))
    };
    let toggle_presenting = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::TogglePresenting))
    };
    let verdict_cards = html! {
        <section class="verdicts" aria-label={s.verdicts_heading}>
            { for verdicts.iter().map(|v| {
                let key = v.indicator;
                html! {
                    <VerdictCard
                        key={key.as_str()}
                        plan={plan.clone()}
                        verdict={v.clone()}
                        chance={outlooks.as_ref().map(|o| o[key.index()].target)}
                        chance_current={outlooks_current}
                        selected={key == current}
                        lang={lang}
                        on_select={select.clone()}
                    />
                }
            }) }
        </section>
    };
    let workshop_open = state.workshop;
    {
        // Closed, the keyboard is back where it opened it.
        let was_open = use_mut_ref(|| false);
        use_effect_with(workshop_open, move |open| {
            if std::mem::replace(&mut *was_open.borrow_mut(), *open) && !*open {
                crate::web::focus_first("[data-testid=\"workshop-toggle\"]");
            }
        });
    }
    let workshop_button = {
        let d = dispatch.clone();
        html! {
            <button type="button" class="btn" data-testid="workshop-toggle" aria-pressed={workshop_open.to_string()}
                title={s.workshop_hint} onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::SetWorkshop(!workshop_open)))}>
                { if workshop_open { s.workshop_close } else { s.workshop } }
            </button>
        }
    };
    let workshop_host = html! {
        // Keyed: the layouts' hosts are different panels.
        <ExtraHost key={if presenting { "room" } else { "workshop" }} lang={lang} kind={if presenting { Kind::Room } else { Kind::Workshop }} open={true}
            placeholder={html! { <section class="workshop" aria-busy="true"><p class="hint">{s.loading}</p></section> }} />
    };
    let presentation_button = html! {
        <button type="button" class="btn" data-testid="presentation-toggle" aria-pressed={presenting.to_string()}
            title={s.presentation_hint} onclick={toggle_presenting}>
            { if presenting { s.presentation_exit } else { s.presentation } }
        </button>
    };

    if presenting {
        let name = crate::format::shown_name(&state.scenario.name, s.default_scenario_name).to_owned();
        return html! {
            <div class="page presenting" data-testid="presentation">
                <header class="topbar">
                    <div class="brand">
                        <h1>{lang.plan_title(&plan)}</h1>
                        if workshop_open {
                            <p class="plan-title">{s.workshop}</p>
                        } else {
                            <p class="plan-title" data-testid="presentation-name">{s.scenarios_heading}{lang.colon()}{name}</p>
                        }
                    </div>
                    <div class="top-actions">
                        <div class="present-switch" role="group" aria-label={s.indicator_label} data-testid="presentation-switch" hidden={workshop_open}>
                            { for IndicatorKey::ALL.iter().map(|key| {
                                let key = *key;
                                html! {
                                    <button type="button" class="btn small" key={key.as_str()} aria-pressed={(key == current).to_string()}
                                        data-testid={format!("present-{key}")} onclick={select.reform(move |_: MouseEvent| key)}>
                                        {lang.indicator_short(plan.indicator(key))}
                                    </button>
                                }
                            }) }
                        </div>
                        {workshop_button.clone()}
                        {presentation_button}
                        <button type="button" class="btn lang" data-testid="lang-toggle" aria-label={s.lang_toggle_label} onclick={toggle_lang.clone()}>
                            {s.lang_toggle}
                        </button>
                    </div>
                </header>
                if workshop_open {
                    {workshop_host}
                } else {
                {verdict_cards}
                if state.scenario.uncertainty.on {
                    <ExtraHost lang={lang} kind={Kind::Chances} />
                }
                <section class="presentation-charts" aria-label={s.overview_heading}>
                    <div class="present-main">
                        { for charts.first().map(|data| html! {
                            <ChartCanvas
                                key={current.as_str()}
                                data={data.clone()}
                                indicator={current}
                                lang={lang}
                                scenario_name={scenario_name.clone()}
                                testid={format!("presentation-path-{current}")}
                                class={classes!("large")}
                                downloads={false}
                                zoom={2.0}
                            />
                        }) }
                    </div>
                    <div class="present-others">
                        { for overview.iter().zip(IndicatorKey::ALL).filter(|(_, key)| *key != current).map(|(data, key)| html! {
                            <ChartCanvas
                                key={key.as_str()}
                                data={data.clone()}
                                indicator={key}
                                lang={lang}
                                scenario_name={scenario_name.clone()}
                                testid={format!("presentation-small-{key}")}
                                class={classes!("small")}
                                downloads={false}
                            />
                        }) }
                    </div>
                </section>
                }
            </div>
        };
    }
    if workshop_open {
        return html! {
            <div class="page workshop-page">
                <header class="topbar">
                    <div class="brand">
                        <h1>{s.app_name}<span class="subtitle">{s.subtitle}</span></h1>
                        <p class="plan-title">{lang.plan_title(&plan)}</p>
                    </div>
                    <div class="top-actions">
                        {workshop_button}
                        {presentation_button}
                        <button type="button" class="btn lang" data-testid="lang-toggle" aria-label={s.lang_toggle_label} onclick={toggle_lang}>
                            {s.lang_toggle}
                        </button>
                    </div>
                </header>
                {workshop_host}
            </div>
        };
    }

    html! {
        <div class="page">
            <button type="button" class="skip-link" data-testid="skip-to-grid"
                onclick={Callback::from(|_: MouseEvent| crate::web::focus_first(".grid input"))}>{s.skip_to_grid}</button>
            <header class="topbar">
                <div class="brand">
                    <h1>{s.app_name}<span class="subtitle">{s.subtitle}</span></h1>
                    <p class="plan-title">{lang.plan_title(&plan)}</p>
                </div>
                <div class="top-actions">
                    <ShareBar code={settled_code.clone()} lang={lang} />
                    {workshop_button}
                    {presentation_button}
                    <button type="button" class="btn" data-testid="compare-pin" aria-pressed={state.pinned.is_some().to_string()}
                        onclick={{ let d = dispatch.clone(); Callback::from(move |_: MouseEvent| d.dispatch(Action::TogglePin)) }}>
                        { if state.pinned.is_some() { s.compare_unpin } else { s.compare_pin } }
                    </button>
                    <button type="button" class="btn" data-testid="uncertainty-toggle" aria-pressed={uncertain.to_string()}
                        title={lang.c().toggle_hint} onclick={toggle_uncertainty}>{lang.c().toggle}</button>
                    <button type="button" class="btn" data-testid="print" onclick={briefing.print.reform(|_: MouseEvent| ())}>{s.print}</button>
                    <button type="button" class="btn lang" data-testid="lang-toggle" aria-label={s.lang_toggle_label} onclick={toggle_lang}>
                        {s.lang_toggle}
                    </button>
                </div>
            </header>

            {briefing.host}
            <ScenarioBar name={scenario_name.clone()} lang={lang} dispatch={dispatch.clone()} />
            if let Some(e) = state.link_error.clone() {
                {link_notice(&LinkNoticeProps { error: e, lang, dispatch: dispatch.clone() })}
            }
            {verdict_cards}

            <div class="notice">
                <p data-testid="illustrative-notice">
                    <span aria-hidden="true">{"ⓘ "}</span>
                    { if custom_bases { s.custom_bases } else { s.illustrative } }
                </p>
                <p class="plan-path" data-testid="plan-path-notice" hidden={!plan_path}>{s.plan_path_note}</p>
            </div>

            if state.pinned.is_some() {
                <ExtraHost lang={lang} kind={Kind::Compare} placeholder={html! { <section class="compare" aria-busy="true"><p class="hint">{s.loading}</p></section> }} />
            }
            {overview_row(&OverviewProps { charts: overview.clone(), lang, scenario_name: scenario_name.clone(), on_select: select.clone() })}

            <main class="workspace">
                {indicator_tabs(&IndicatorTabsProps { plan: plan.clone(), selected: current, lang, on_select: select.clone() })}
                <div class="columns">
                    <div class="column-edit">
                        <section class="editor" aria-label={s.grid_heading}>
                            <div class="toolbar">
                                {undo_bar(&UndoBarProps { can_undo: !state.past.is_empty(), can_redo: !state.future.is_empty(), lang, dispatch: dispatch.clone() })}
                                <PresetBar lang={lang} dispatch={dispatch.clone()} />
                                if *solve_wanted {
                                    <ExtraHost lang={lang} kind={Kind::Solve} open={!*solve_shown.borrow()} on_mounted={shown(&solve_shown)} placeholder={solve_stand_in(true)} />
                                } else {
                                    {solve_stand_in(false)}
                                }
                                <BulkBar plan={plan.clone()} indicator={current} lang={lang} dispatch={dispatch.clone()} />
                            </div>
                            <p class="hint">{s.grid_hint}</p>
                            // Below the fold on a laptop and a phone: it follows the
                            // first frame, which then holds half the elements.
                            if ready {
                                {growth_grid(&IndicatorProps { plan: plan.clone(), indicator: current, scenario: state.scenario.clone(), lang, dispatch: dispatch.clone(), open: false, sampler: None })}
                            } else {
                                <div class={classes!("grid-stand-in", format!("years-{}", plan.years(current).count()))} aria-busy="true"></div>
                            }
                            if uncertain {
                                <ExtraHost lang={lang} kind={Kind::Ranges} placeholder={html! { <section class="ranges" aria-busy="true"><p class="hint">{lang.c().loading}</p></section> }} />
                            }
                        </section>
                        <section class="unit-results" aria-label={s.units_heading}>
                            <h2>{s.units_heading}{" · "}{lang.indicator_short(plan.indicator(current))}</h2>
                            if ready {
                                <UnitTable plan={plan.clone()} verdict={settled_verdicts[current.index()].clone()} outlook={outlook_of(current)} source={AttrValue::from(settled.inputs(current).source().to_owned())} lang={lang} />
                                <p class="hint">{s.tolerance_note}</p>
                                <ReportText plan={plan.clone()} verdict={settled_verdicts[current.index()].clone()} lang={lang} />
                                if *bases_wanted {
                                    <ExtraHost lang={lang} kind={Kind::Bases} open={!*bases_shown.borrow()} on_mounted={shown(&bases_shown)} placeholder={bases_stand_in(true)} />
                                } else {
                                    {bases_stand_in(false)}
                                }
                            }
                        </section>
                    </div>
                    {charts_panel(&ChartsPanelProps { charts, indicator: current, lang, scenario_name })}
                </div>
            </main>

            <footer class="footer">
                <p>{s.privacy}</p>
                <p>{s.offline_note}</p>
                <p>{s.source}{lang.colon()}{lang.plan_source(&plan)}</p>
            </footer>
        </div>
    }
}
