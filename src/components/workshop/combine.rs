//! What the workshop view shows of a round: the pledges combined, the
//! proposals side by side with their median, round against round, and
//! the record (summary paragraph, print, CSV and XLSX).

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::{owner_of, Judged, WorkshopEdit};
use crate::format;
use crate::i18n::Lang;
use crate::model::workshop::store::{Mode, Round, Workshop};
use crate::model::workshop::table::workshop_table;
use crate::model::workshop::{median_scenario, spread, unpledged_need};
use crate::model::{judge_all, IndicatorKey, LinkState, Scenario, Status, TargetVerdict};
use crate::state::PlanRef;
use crate::{location, qr, web};

/// One verdict in a table cell: met or missed, and the margin in 亿元.
pub fn verdict_cell(v: &TargetVerdict, lang: Lang) -> Html {
    let s = lang.s();
    let met = v.status == Status::Met;
    html! {
        <td class={classes!("verdict-cell", if met { "met" } else { "missed" })} data-status={v.status.as_str()}>
            <span class="mark" aria-hidden="true">{ if met { "✓" } else { "✗" } }</span>
            <span class="sr-only">{ if met { s.met } else { s.missed } }</span>
            {format!(" {}", format::signed_yi(v.gap()))}
        </td>
    }
}

/// Four verdicts as cards, each `{prefix}-{indicator}` with its status and
/// projection (4 decimals, as the page's cards).
fn verdict_cards(
    plan: &PlanRef,
    verdicts: &[TargetVerdict],
    prefix: &str,
    lang: Lang,
    extra: impl Fn(&TargetVerdict) -> Html,
) -> Html {
    let s = lang.s();
    html! {
        <div class="workshop-cards">
            { for verdicts.iter().map(|v| {
                let ind = plan.indicator(v.indicator);
                let met = v.status == Status::Met;
                html! {
                    <div class={classes!("workshop-card", if met { "met" } else { "missed" })}
                        data-testid={format!("{prefix}-{}", v.indicator)} data-status={v.status.as_str()}
                        data-projected={format!("{:.4}", v.projected)}>
                        <p class="card-name">{lang.indicator_short(ind)}{" · "}{lang.year(v.target_year)}</p>
                        <p class="card-main"><strong>{format::yi(v.projected)}</strong>{" "}<span class="unit-suffix">{s.yi_yuan}</span></p>
                        <p class="card-verdict"><span class="badge">{ if met { s.met } else { s.missed } }</span>{" "}{lang.signed_amount(v.gap())}</p>
                        <p class="card-target">{s.target}{lang.colon()}{lang.target_amount(v.target)}</p>
                        {extra(v)}
                    </div>
                }
            }) }
        </div>
    }
}

/// A scenario's link (as an address) with its QR code.
fn link_block(plan: &PlanRef, scenario: &Scenario, lang: Lang, label: &str, testid: &str) -> Html {
    let code = LinkState { scenario: scenario.clone(), lang, indicator: None }.encode(plan);
    let fragment = format!("#s={code}");
    let url = location::url_with(&fragment).unwrap_or(fragment);
    let svg = qr::svg(&url, lang.w().qr_alt);
    html! {
        <div class="workshop-link" data-testid={testid.to_owned()} data-code={code}>
            <label>
                <span class="bar-label">{label}</span>
                <input type="text" class="link-text" readonly=true value={url.clone()} />
                <span class="print-only link-print">{url}</span>
            </label>
            if let Some(svg) = svg {
                <div class="workshop-qr">{Html::from_html_unchecked(AttrValue::from(svg))}</div>
            }
        </div>
    }
}

/// `text` with `&`, `<`, `>` and `"` escaped, for markup made here.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// An owner select's options (the reference, then every entry by its
/// escaped name), `value` selected, as markup: nine selects of fifty
/// entries are 450 options, which the browser's parser makes at a
/// fraction of the cost of as many virtual nodes.
fn options(value: &str, reference: &str, names: &[String]) -> Html {
    use std::fmt::Write;
    let mut out = String::with_capacity(64 * (names.len() + 1));
    let mark = |v: &str| if v == value { " selected" } else { "" };
    let _ = write!(out, r#"<option value="reference"{}>{}</option>"#, mark("reference"), escaped(reference));
    for (i, name) in names.iter().enumerate() {
        let v = i.to_string();
        let _ = write!(out, r#"<option value="{v}"{}>{}. {name}</option>"#, mark(&v), i + 1);
    }
    Html::from_html_unchecked(AttrValue::from(out))
}

/// Props of the round's views.
#[derive(Properties, PartialEq, Clone)]
pub struct RoundProps {
    pub plan: PlanRef,
    pub round: Rc<Round>,
    pub judged: Rc<Judged>,
    pub lang: Lang,
    #[prop_or_default]
    pub edit: Callback<WorkshopEdit>,
    #[prop_or_default]
    pub leave: Callback<(Option<LinkState>, bool)>,
}

/// Pledges by unit: who each unit is taken from, the combined verdicts,
/// the pledges that fall short, what the unpledged units would need, and
/// the combined scenario's link.
#[component]
pub fn Pledges(props: &RoundProps) -> Html {
    let (lang, plan, round) = (props.lang, &props.plan, &props.round);
    let w = lang.w();
    let ownership = round.ownership(plan);
    let Some(composed) = round.composed(plan) else {
        return html! {};
    };
    let verdicts = props.judged.summary.composed.clone().unwrap_or_else(|| judge_all(plan, &composed));
    let names: Vec<String> = round.entries.iter().map(|e| escaped(&e.name)).collect();
    let units = plan.units.len();
    let owner_rows = plan.units.iter().enumerate().map(|(u, unit)| {
        let owner = ownership.owners[u];
        let disputed = &ownership.disputed[u];
        let value = owner.map_or_else(|| "reference".to_owned(), |e| e.to_string());
        let set = props.edit.reform(move |e: Event| {
            let chosen = e.target_dyn_into::<HtmlSelectElement>().and_then(|s| owner_of(&s.value()));
            Rc::new(move |w: &mut Workshop| w.round_mut().set_owner(units, u, chosen)) as WorkshopEdit
        });
        let marks = verdicts.iter().map(|v| {
            let uv = &v.units[u];
            let ok = uv.doubling == Status::Met && uv.floor_breaches == 0;
            html! { <span class={classes!("mark", if ok { "met" } else { "missed" })} title={lang.indicator_short(plan.indicator(v.indicator)).to_owned()}>{ if ok { "✓" } else { "✗" } }</span> }
        });
        html! {
            <tr key={unit.id.clone()} class={classes!((!disputed.is_empty()).then_some("disputed"), owner.is_none().then_some("unpledged"))}>
                <th scope="row">{lang.unit_name(unit)}</th>
                <td>
                    <select data-testid={format!("workshop-owner-{}", unit.id)} aria-label={format!("{} · {}", w.owner_col, lang.unit_name(unit))} onchange={set}>
                        {options(&value, w.not_pledged, &names)}
                    </select>
                    if !disputed.is_empty() {
                        <p class="field-note" data-testid={format!("workshop-disputed-{}", unit.id)}>
                            {w.disputed}{disputed.iter().map(|e| round.entries[*e].name.clone()).collect::<Vec<_>>().join(lang.list_sep())}
                        </p>
                    }
                </td>
                <td class="marks">{for marks}</td>
            </tr>
        }
    });
    // The pledges (units with an owner) that miss a doubling or a floor:
    // one line a unit.
    let misses: Vec<(String, String)> = plan
        .units
        .iter()
        .enumerate()
        .filter_map(|(u, unit)| {
            let e = ownership.owners[u]?;
            let short = |k: IndicatorKey| lang.indicator_short(plan.indicator(k)).to_owned();
            let not_doubled: Vec<String> =
                verdicts.iter().filter(|v| v.units[u].doubling != Status::Met).map(|v| short(v.indicator)).collect();
            let floors: Vec<String> = verdicts
                .iter()
                .flat_map(|v| v.breaches.iter().filter(move |b| b.unit == u).map(move |b| (v.indicator, b)))
                .map(|(k, b)| {
                    format!(
                        "{} {} {}% ({})",
                        short(k),
                        lang.year(b.year),
                        format::growth_text(b.growth),
                        lang.floor(b.floor)
                    )
                })
                .collect();
            if not_doubled.is_empty() && floors.is_empty() {
                return None;
            }
            let mut text = Vec::new();
            if !not_doubled.is_empty() {
                text.push(format!("{} {}", not_doubled.join(lang.list_sep()), w.miss_doubling));
            }
            if !floors.is_empty() {
                text.push(format!("{}{}{}", w.miss_floor, lang.colon(), floors.join(lang.list_sep())));
            }
            Some((format!("{}（{}）", lang.unit_name(unit), round.entries[e].name), text.join(lang.semicolon())))
        })
        .collect();
    let need = |v: &TargetVerdict| {
        let text = lang.unpledged_need(unpledged_need(plan, &composed, &ownership.owners, v.indicator));
        html! { <p class="card-need" data-testid={format!("workshop-need-{}", v.indicator)}>{text}</p> }
    };
    let open = {
        let state = LinkState { scenario: composed.clone(), lang, indicator: None };
        props.leave.reform(move |_: MouseEvent| (Some(state.clone()), false))
    };
    html! {
        <section class="workshop-pledges" aria-labelledby="workshop-pledges-heading">
            <h3 id="workshop-pledges-heading">{w.combined_heading}</h3>
            {verdict_cards(plan, &verdicts, "workshop-combined", lang, need)}
            <div class="workshop-split">
                <div>
                    <h4>{w.owners_heading}</h4>
                    <table class="workshop-owners">
                        <thead><tr><th scope="col">{lang.s().unit}</th><th scope="col">{w.owner_col}</th><th scope="col">{w.pledged_cols}</th></tr></thead>
                        <tbody>{for owner_rows}</tbody>
                    </table>
                </div>
                <div>
                    <h4>{w.misses_heading}</h4>
                    if misses.is_empty() {
                        <p class="hint" data-testid="workshop-misses">{w.no_misses}</p>
                    } else {
                        <ul class="workshop-misses" data-testid="workshop-misses">
                            { for misses.iter().map(|(who, what)| html! { <li><strong>{who.clone()}</strong>{lang.colon()}{what.clone()}</li> }) }
                        </ul>
                    }
                    {link_block(plan, &composed, lang, w.combined_link, "workshop-combined-link")}
                    <button type="button" class="btn primary" data-testid="workshop-open-combined" onclick={open}>{w.open_combined}</button>
                </div>
            </div>
        </section>
    }
}

/// Proposals side by side: how many reach each target, the median
/// scenario with its verdicts and link, and each cell's spread.
#[component]
pub fn Proposals(props: &RoundProps) -> Html {
    let (lang, plan, round) = (props.lang, &props.plan, &props.round);
    let w = lang.w();
    let shown = use_state_eq(|| IndicatorKey::ValueAdded);
    let sum = &props.judged.summary;
    let scenarios: Vec<Scenario> = round.entries.iter().map(|e| e.state.scenario.clone()).collect();
    let median = median_scenario(&scenarios, round.reference);
    let meets = html! {
        <div class="workshop-meets">
            { for IndicatorKey::ALL.iter().map(|k| {
                let ind = plan.indicator(*k);
                let n = sum.meets[k.index()];
                html! {
                    <p class="meets" data-testid={format!("workshop-meets-{k}")} data-count={n.to_string()}>
                        <span class="meets-name">{lang.indicator_short(ind)}</span>
                        <strong>{lang.meets_text(n, sum.entries)}</strong>{" "}{w.reach}
                    </p>
                }
            }) }
            <p class="meets" data-testid="workshop-meets-all" data-count={sum.all_four.to_string()}>
                <span class="meets-name">{w.all_four}</span><strong>{lang.meets_text(sum.all_four, sum.entries)}</strong>
            </p>
        </div>
    };
    let Some(median) = median else {
        return html! { <section class="workshop-proposals">{meets}</section> };
    };
    let median_verdicts = judge_all(plan, &median);
    let open = {
        let state = LinkState { scenario: median.clone(), lang, indicator: None };
        props.leave.reform(move |_: MouseEvent| (Some(state.clone()), false))
    };
    let key = *shown;
    let default = Scenario::default_for(plan);
    let years: Vec<u16> = plan.years(key).collect();
    let groups = plan.units.iter().enumerate().map(|(u, unit)| {
        let (scenarios, default, years) = (&scenarios, &default, &years);
        let rows = years.iter().enumerate().map(move |(y, year)| {
            let values: Vec<f64> =
                scenarios.iter().filter_map(|s| s.growth(key).get(u, y)).map(crate::model::Growth::percent).collect();
            let d = default.growth(key).get(u, y).map_or(0.0, crate::model::Growth::percent);
            let sp = spread(&values, d);
            let pct = |v: f64| format::growth_text(v);
            html! {
                <tr key={*year}>
                    if y == 0 {
                        <th scope="rowgroup" rowspan={years.len().to_string()}>{lang.unit_name(unit)}</th>
                    }
                    <td>{year}</td>
                    <td class="fig">{pct(sp.min)}</td>
                    <td class="fig">{pct(sp.q1)}</td>
                    <td class="fig strong">{pct(sp.median)}</td>
                    <td class="fig">{pct(sp.q3)}</td>
                    <td class="fig">{pct(sp.max)}</td>
                    <td class="fig">{sp.changed}</td>
                </tr>
            }
        });
        html! { <tbody key={unit.id.clone()}>{for rows}</tbody> }
    });
    let pick = {
        let shown = shown.clone();
        Callback::from(move |e: Event| {
            if let Some(k) =
                e.target_dyn_into::<HtmlSelectElement>().and_then(|s| s.value().parse::<IndicatorKey>().ok())
            {
                shown.set(k);
            }
        })
    };
    html! {
        <section class="workshop-proposals" aria-labelledby="workshop-proposals-heading">
            <h3 id="workshop-proposals-heading">{w.meets_heading}</h3>
            {meets}
            <h3>{w.median_heading}</h3>
            <p class="hint">{w.median_intro}</p>
            {verdict_cards(plan, &median_verdicts, "workshop-median", lang, |_| html! {})}
            {link_block(plan, &median, lang, w.median_link, "workshop-median-link")}
            <button type="button" class="btn" data-testid="workshop-open-median" onclick={open}>{w.open_median}</button>
            <h3>{w.spread_heading}</h3>
            <label class="spread-pick">
                <span class="bar-label">{w.spread_indicator}</span>
                <select data-testid="workshop-spread-indicator" onchange={pick}>
                    { for IndicatorKey::ALL.iter().map(|k| html! {
                        <option value={k.as_str()} selected={*k == key}>{lang.indicator_short(plan.indicator(*k))}</option>
                    }) }
                </select>
            </label>
            <div class="table-scroll">
                <table class="workshop-spread" data-testid="workshop-spread">
                    <thead><tr>{ for w.spread_cols.iter().map(|c| html! { <th scope="col">{*c}</th> }) }</tr></thead>
                    {for groups}
                </table>
            </div>
        </section>
    }
}

/// Props of [`Versus`].
#[derive(Properties, PartialEq, Clone)]
pub struct VersusProps {
    pub plan: PlanRef,
    pub workshop: Rc<Workshop>,
    pub lang: Lang,
}

/// Round against round: the combined scenario's margin per target, and
/// each entry's verdicts (entries matched by name), one column a round.
#[component]
pub fn Versus(props: &VersusProps) -> Html {
    let (lang, plan, ws) = (props.lang, &props.plan, &props.workshop);
    let w = lang.w();
    let combined: Vec<Option<Vec<TargetVerdict>>> =
        ws.rounds.iter().map(|r| r.composed(plan).map(|c| judge_all(plan, &c))).collect();
    let mut names: Vec<String> = Vec::new();
    for r in &ws.rounds {
        for e in &r.entries {
            if !names.contains(&e.name) {
                names.push(e.name.clone());
            }
        }
    }
    let marks = |v: &[TargetVerdict]| -> String {
        v.iter().map(|v| if v.status == Status::Met { '✓' } else { '✗' }).collect()
    };
    html! {
        <section class="workshop-versus" aria-labelledby="workshop-versus-heading">
            <h3 id="workshop-versus-heading">{w.versus_heading}</h3>
            <div class="table-scroll">
                <table class="workshop-table" data-testid="workshop-versus">
                    <thead>
                        <tr><th scope="col"></th>{ for ws.rounds.iter().map(|r| html! { <th scope="col">{r.name.clone()}</th> }) }</tr>
                    </thead>
                    <tbody>
                        { for IndicatorKey::ALL.iter().map(|k| html! {
                            <tr>
                                <th scope="row">{w.versus_gap}{" · "}{lang.indicator_short(plan.indicator(*k))}</th>
                                { for combined.iter().map(|c| match c {
                                    Some(v) => verdict_cell(&v[k.index()], lang),
                                    None => html! { <td>{"—"}</td> },
                                }) }
                            </tr>
                        }) }
                        { for names.iter().map(|name| html! {
                            <tr>
                                <th scope="row">{name.clone()}</th>
                                { for ws.rounds.iter().map(|r| match r.entries.iter().find(|e| &e.name == name) {
                                    Some(e) => html! { <td class="marks" title={plan.indicators.iter().map(|i| lang.indicator_short(i)).collect::<Vec<_>>().join(" · ")}>{marks(&judge_all(plan, &e.state.scenario))}</td> },
                                    None => html! { <td class="hint">{w.versus_missing}</td> },
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Props of [`Record`].
#[derive(Properties, PartialEq, Clone)]
pub struct RecordProps {
    pub plan: PlanRef,
    pub workshop: Rc<Workshop>,
    pub round: Rc<Round>,
    pub judged: Rc<Judged>,
    pub lang: Lang,
}

/// For the meeting record: the summary paragraph (copyable), printing the
/// one-page briefing, and the workshop table as CSV and XLSX.
#[component]
pub fn Record(props: &RecordProps) -> Html {
    let (lang, plan) = (props.lang, props.plan.clone());
    let w = lang.w();
    let text = lang.workshop_summary(&plan, &props.round, &props.judged.summary);
    let note = use_state_eq(|| None::<(String, bool)>);
    let busy = use_state_eq(|| false);
    let copy = {
        let (text, note) = (text.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let (note, text) = (note.clone(), text.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let done = web::copy_text(&text).await.is_ok();
                let w = lang.w();
                note.set(Some(if done { (w.copied.to_owned(), false) } else { (w.copy_failed.to_owned(), true) }));
            });
        })
    };
    let stem = format!("{}_{}", w.heading, web::today());
    let csv = {
        let (plan, ws, note, stem) = (plan.clone(), props.workshop.clone(), note.clone(), stem.clone());
        Callback::from(move |_: MouseEvent| {
            let text = crate::model::export::table_csv(&workshop_table(&plan, &ws, lang));
            if let Err(e) = web::download_text(&web::file_safe(&format!("{stem}.csv")), "text/csv;charset=utf-8", &text)
            {
                note.set(Some((e, true)));
            }
        })
    };
    let xlsx = {
        let (plan, ws, note, busy, stem) = (plan.clone(), props.workshop.clone(), note.clone(), busy.clone(), stem);
        Callback::from(move |_: MouseEvent| {
            let table = workshop_table(&plan, &ws, lang);
            let (note, busy, name) = (note.clone(), busy.clone(), web::file_safe(&format!("{stem}.xlsx")));
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let made = crate::sheet::write_table(table).await;
                busy.set(false);
                let done = made
                    .map_err(|e| e.words(lang).to_owned())
                    .and_then(|b| web::download_bytes(&name, crate::sheet::protocol::XLSX_MIME, &b));
                note.set(done.err().map(|e| (format!("{} {e}", lang.x().xlsx_failed), true)));
            });
        })
    };
    let print = Callback::from(|_: MouseEvent| web::print());
    html! {
        <section class="workshop-record" aria-labelledby="workshop-record-heading">
            <h3 id="workshop-record-heading">{w.record_heading}</h3>
            <p class="workshop-summary" data-testid="workshop-summary">{text}</p>
            <div class="record-actions">
                <button type="button" class="btn" data-testid="workshop-copy-summary" onclick={copy}>{w.copy}</button>
                <button type="button" class="btn" data-testid="workshop-print" onclick={print}>{w.print}</button>
                <button type="button" class="btn" data-testid="workshop-csv" onclick={csv}>{w.csv}</button>
                <button type="button" class="btn" data-testid="workshop-xlsx" aria-busy={busy.then_some("true")} disabled={*busy} onclick={xlsx}>{w.xlsx}</button>
            </div>
            if let Some((t, problem)) = (*note).clone() {
                <p class={classes!("note", problem.then_some("problem"))} role={if problem { "alert" } else { "status" }}>{t}</p>
            }
        </section>
    }
}

/// The presentation layout: the combined city result (pledges) and, per
/// target, how many proposals reach it, large.
#[component]
pub fn Presented(props: &RoundProps) -> Html {
    let (lang, plan, round) = (props.lang, &props.plan, &props.round);
    let w = lang.w();
    let sum = &props.judged.summary;
    let combined = match (&sum.composed, round.mode) {
        (Some(v), Mode::Pledges) => verdict_cards(plan, v, "workshop-combined", lang, |_| html! {}),
        _ => html! {},
    };
    html! {
        <div class="workshop-presented">
            if round.mode == Mode::Pledges {
                <h3>{w.combined_heading}</h3>
            }
            {combined}
            <h3>{w.presenting_meets}</h3>
            <div class="workshop-meets">
                { for IndicatorKey::ALL.iter().map(|k| {
                    let n = sum.meets[k.index()];
                    html! {
                        <p class="meets" data-testid={format!("workshop-meets-{k}")} data-count={n.to_string()}>
                            <span class="meets-name">{lang.indicator_short(plan.indicator(*k))}</span>
                            <strong>{lang.meets_text(n, sum.entries)}</strong>
                        </p>
                    }
                }) }
            </div>
            <p class="workshop-summary" data-testid="workshop-summary">{lang.workshop_summary(plan, round, sum)}</p>
        </div>
    }
}
