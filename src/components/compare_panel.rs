//! Comparing the pinned scenario A with the one being edited, B: the four
//! verdicts side by side with their differences, and the inputs that
//! differ. The path chart shows A's totals too.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::format;
use crate::i18n::Lang;
use crate::model::codec::Fragment;
use crate::model::compare::{differences, Difference};
use crate::model::{judge_all, LinkState, Scenario, Status, TargetVerdict};
use crate::state::{Action, AppState, Change, PlanRef};

/// Props of [`ComparePanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct ComparePanelProps {
    /// The plan.
    pub plan: PlanRef,
    /// Scenario A.
    pub a: Rc<LinkState>,
    /// Scenario B, being edited.
    pub b: Rc<Scenario>,
    /// B's verdicts.
    pub verdicts: Rc<Vec<TargetVerdict>>,
    /// Interface language.
    pub lang: Lang,
    /// Where changes go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

const SHOWN_DIFFERENCES: usize = 12;

/// The comparison section.
#[component]
pub fn ComparePanel(props: &ComparePanelProps) -> Html {
    let verdicts_a = {
        let plan = props.plan.clone();
        use_memo(props.a.clone(), move |a| judge_all(&plan, &a.scenario))
    };
    let diffs = {
        let plan = props.plan.clone();
        use_memo((props.a.clone(), props.b.clone()), move |(a, b)| differences(&plan, &a.scenario, b))
    };
    let link_text = use_state_eq(String::new);
    let link_problem = use_state_eq(|| None::<String>);
    let (lang, s) = (props.lang, props.lang.s());
    let x = props.lang.x();
    let status = |st: Status| {
        html! { <span class={classes!("status", st.as_str())}>{ if st == Status::Met { "✓ " } else { "✗ " } }{ if st == Status::Met { s.met } else { s.missed } }</span> }
    };
    let on_link = {
        let t = link_text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                t.set(i.value());
            }
        })
    };
    let open_b = {
        let (t, p, d, plan) = (link_text.clone(), link_problem.clone(), props.dispatch.clone(), props.plan.clone());
        Callback::from(move |_: MouseEvent| {
            let code = t.parse::<Fragment>().map_or_else(|_| t.trim().to_owned(), |f| f.0);
            match LinkState::decode(&code, &plan) {
                Ok(st) => {
                    p.set(None);
                    t.set(String::new());
                    d.dispatch(Action::Load { state: Box::new(st), change: Change::Step });
                }
                Err(e) => p.set(Some(lang.link_problem(&e))),
            }
        })
    };
    let unpin = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Pin(false)))
    };
    let describe = |d: &Difference| match *d {
        Difference::Growth(key, u, year, a, b) => format!(
            "{} · {} · {}{}{}% → {}%",
            lang.indicator_short(props.plan.indicator(key)),
            lang.unit_name(&props.plan.units[u]),
            lang.year(year),
            lang.colon(),
            a,
            b
        ),
        Difference::Base(key, u, a, b) => format!(
            "{} · {} · {}{}{} → {}",
            lang.indicator_short(props.plan.indicator(key)),
            lang.unit_name(&props.plan.units[u]),
            s.base_2022,
            lang.colon(),
            format::yi(a),
            format::yi(b)
        ),
        Difference::Reported(key, year) => {
            format!("{} · {} · {}", lang.indicator_short(props.plan.indicator(key)), lang.year(year), s.reported)
        }
        Difference::Unallocated(key) => {
            format!("{} · {}", lang.indicator_short(props.plan.indicator(key)), x.unallocated_heading)
        }
        Difference::Source(key) => format!("{} · {}", lang.indicator_short(props.plan.indicator(key)), s.source_label),
    };
    html! {
        <section class="compare" data-testid="compare" aria-label={x.compare_heading}>
            <div class="compare-head">
                <h2>{x.compare_heading}</h2>
                <button type="button" class="btn subtle" onclick={unpin}>{s.compare_unpin}</button>
            </div>
            <div class="table-scroll">
                <table class="units compare-table">
                    <thead>
                        <tr>
                            <th scope="col">{x.indicator_col}</th>
                            <th scope="col" class="n">{"A "}{s.projected}</th>
                            <th scope="col">{"A"}</th>
                            <th scope="col" class="n">{"B "}{s.projected}</th>
                            <th scope="col">{"B"}</th>
                            <th scope="col" class="n">{x.difference}{" (B − A)"}</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for verdicts_a.iter().zip(props.verdicts.iter()).map(|(a, b)| html! {
                            <tr data-testid={format!("compare-{}", a.indicator)}>
                                <th scope="row">{lang.indicator_short(props.plan.indicator(a.indicator))}</th>
                                <td class="n">{format::yi(a.projected)}</td>
                                <td>{status(a.status)}</td>
                                <td class="n">{format::yi(b.projected)}</td>
                                <td>{status(b.status)}</td>
                                <td class="n">{lang.signed_amount(b.projected - a.projected)}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <h3>{x.compare_inputs}</h3>
            if diffs.is_empty() {
                <p class="hint">{x.compare_same}</p>
            } else {
                <ul class="compare-diffs" data-testid="compare-diffs">
                    { for diffs.iter().take(SHOWN_DIFFERENCES).map(|d| html! { <li>{describe(d)}</li> }) }
                    if diffs.len() > SHOWN_DIFFERENCES {
                        <li class="more">{format!("{} {} {}", x.compare_more, diffs.len() - SHOWN_DIFFERENCES, x.compare_more_tail)}</li>
                    }
                </ul>
            }
            <div class="compare-link">
                <input type="text" class="name" value={(*link_text).clone()} oninput={on_link}
                    placeholder={x.paste_link_b} aria-label={x.paste_link_b} data-testid="compare-link" />
                <button type="button" class="btn" onclick={open_b} data-testid="compare-open">{x.open_b}</button>
                if let Some(p) = (*link_problem).clone() {
                    <span class="field-error" role="alert">{p}</span>
                }
            </div>
        </section>
    }
}
