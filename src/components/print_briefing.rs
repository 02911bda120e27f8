//! The one-page A4 briefing that the browser prints: shown only in print,
//! beside the verdicts and path charts that the print stylesheet keeps.
//! A warning while any base is illustrative, the paragraph for a report in
//! the page language, the growth rates of the indicator on screen with the
//! city row, each unit's still-needed rate and its part of the city's gap,
//! and every unit against every doubling.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::verdict_card::requirement_text;
use crate::format;
use crate::i18n::chance::probability_text;
use crate::i18n::Lang;
use crate::model::contribution::amount_of;
use crate::model::uncertainty::{range_text, Outlook};
use crate::model::{contributions, Contributor, IndicatorKey, Projection, Scenario, Status, TargetVerdict, YearGrowth};
use crate::state::PlanRef;
use crate::{location, qr};

/// Props of [`PrintBriefing`].
#[derive(Properties, PartialEq, Clone)]
pub struct PrintBriefingProps {
    /// The plan.
    pub plan: PlanRef,
    /// The scenario's name.
    pub name: AttrValue,
    /// The scenario's link code.
    pub code: Rc<String>,
    /// All four verdicts.
    pub verdicts: Rc<Vec<TargetVerdict>>,
    /// The scenario.
    pub scenario: Rc<Scenario>,
    /// The indicator on screen, whose growth rates the briefing lists.
    pub indicator: IndicatorKey,
    /// Interface language.
    pub lang: Lang,
    /// Whether it is made at once: it was loaded for a print asked for.
    #[prop_or_default]
    pub printing: bool,
    /// What the draws say of each indicator, while uncertainty is on.
    #[prop_or_default]
    pub outlooks: Option<Rc<Vec<Rc<Outlook>>>>,
}

/// The one range every open cell of every indicator has, if they all have
/// the same symmetric one (and the unallocated parts too), in points.
fn common_range(scenario: &Scenario) -> Option<String> {
    let mut all = IndicatorKey::ALL.iter().flat_map(|k| {
        let inputs = scenario.inputs(*k);
        let open = inputs.reported_years();
        let years = inputs.ranges.years();
        let cells = inputs.ranges.cells().iter().enumerate().filter(move |(i, _)| i % years >= open).map(|(_, r)| *r);
        cells.chain(inputs.unallocated.map(|_| inputs.ranges.unallocated))
    });
    let first = all.next()?;
    (first.is_symmetric() && all.all(|r| r == first)).then(|| range_text(first))
}

/// How likely each target is, and how the draws were made.
fn chances(props: &PrintBriefingProps, outlooks: &[Rc<Outlook>]) -> Html {
    let lang = props.lang;
    let u = props.scenario.uncertainty;
    let coefficient = |h: u8| format!("{}.{:02}", h / 100, h % 100);
    let model = lang.briefing_model(
        common_range(&props.scenario).as_deref(),
        &coefficient(u.rho.hundredths()),
        &coefficient(u.phi.hundredths()),
    );
    html! {
        <div class="briefing-chances" data-testid="briefing-chances">
            <h2>{lang.c().chance}</h2>
            <ul>
                { for outlooks.iter().map(|o| {
                    let c = o.target;
                    html! {
                        <li>
                            {lang.indicator_short(props.plan.indicator(o.indicator))}{lang.colon()}
                            <strong>{probability_text(c)}</strong>{" "}{lang.likelihood(c.p)}{lang.comma()}{lang.frequency(c)}
                            {lang.semicolon()}{lang.standard_error(c)}
                        </li>
                    }
                }) }
            </ul>
            <p class="hint">{model}</p>
        </div>
    }
}

/// Header with link and QR code, the report paragraphs, the rates table of
/// the indicator on screen and every unit against every doubling.
#[component]
pub fn PrintBriefing(props: &PrintBriefingProps) -> Html {
    // Made only while printing: the QR code and the tables would otherwise
    // be rebuilt at every slider step for nobody to see.
    // Loaded on demand, it may come when printing has begun, or for a
    // print just asked for.
    let printing = use_state_eq(|| props.printing || crate::web::printing_now());
    {
        let printing = printing.clone();
        use_effect_with((), move |()| {
            let listeners = crate::web::watch_printing(move |on| printing.set(on));
            move || drop(listeners)
        });
    }
    if !*printing {
        return html! { <section class="print-only briefing" data-testid="print-briefing" /> };
    }
    let (lang, s) = (props.lang, props.lang.s());
    let x = props.lang.x();
    let fragment = format!("#s={}", props.code);
    let url = location::url_with(&fragment).unwrap_or(fragment);
    let date = crate::web::today();
    let name = format::shown_name(&props.name, s.default_scenario_name).to_owned();
    let illustrative = props.scenario.uses_illustrative_bases(&props.plan);
    html! {
        <section class="print-only briefing" data-testid="print-briefing">
            <div class="briefing-head">
                <div>
                    <h1>{lang.plan_title(&props.plan)}{" · "}{x.briefing}</h1>
                    <p class="briefing-name">{s.scenarios_heading}{lang.colon()}{name}</p>
                    <p class="briefing-date">{x.printed_on}{" "}{date}</p>
                    <p class="briefing-link">{url.clone()}</p>
                </div>
                <div class="briefing-qr">
                    { qr::svg(&url, x.qr_alt).map(|svg| Html::from_html_unchecked(AttrValue::from(svg))).unwrap_or_default() }
                </div>
            </div>
            if illustrative {
                <p class="briefing-warning" data-testid="briefing-warning"><strong>{"⚠ "}</strong>{s.illustrative}</p>
            }
            <div class="briefing-text" data-testid="briefing-text">
                <h2>{s.report_text_heading}</h2>
                { for props.verdicts.iter().map(|v| html! { <p>{lang.report_paragraph(&props.plan, v)}</p> }) }
            </div>
            if let Some(o) = &props.outlooks {
                { chances(props, o) }
            }
            { rates_table(props) }
            <table class="units briefing-units">
                <caption>{x.briefing_doubling_caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{s.unit}</th>
                        { for props.verdicts.iter().map(|v| html! {
                            <th scope="col" class="n">{lang.indicator_short(props.plan.indicator(v.indicator))}{" "}{lang.year(v.target_year)}</th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for props.plan.units.iter().enumerate().map(|(u, unit)| html! {
                        <tr>
                            <th scope="row">{lang.unit_name(unit)}</th>
                            { for props.verdicts.iter().map(|v| {
                                let uv = &v.units[u];
                                let met = uv.doubling == Status::Met;
                                let chance = props.outlooks.as_ref().and_then(|o| o.get(v.indicator.index())).and_then(|o| o.doubling.get(u).copied());
                                html! {
                                    <td class={classes!("n", if met { "met" } else { "missed" })}>
                                        {uv.multiple.map_or_else(|| "—".to_owned(), format::multiple)}
                                        { if met { " ✓" } else { " ✗" } }
                                        if let Some(c) = chance {
                                            <small class="chance">{" "}{probability_text(c)}</small>
                                        }
                                    </td>
                                }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            <ul class="briefing-sources">
                { for props.verdicts.iter().map(|v| {
                    let ind = props.plan.indicator(v.indicator);
                    let reported = v.reported_through.map(|y| format!("{}{} {}", lang.semicolon(), s.reported_through, lang.year(y)));
                    html! {
                        <li>{lang.indicator_short(ind)}{lang.colon()}{lang.source_note(props.scenario.inputs(v.indicator).source())}{reported.unwrap_or_default()}</li>
                    }
                }) }
            </ul>
            <p class="briefing-foot">{x.illustrative_short}{" "}{s.privacy}</p>
        </section>
    }
}

/// The growth rates of the indicator on screen, unit by year, with each
/// unit's multiple, the growth it still needs in the target year and its
/// part of the city's margin or shortfall; the city row below.
fn rates_table(props: &PrintBriefingProps) -> Html {
    let (lang, s, key) = (props.lang, props.lang.s(), props.indicator);
    let x = props.lang.x();
    let Some(v) = props.verdicts.get(key.index()) else { return Html::default() };
    let ind = props.plan.indicator(key);
    let inputs = props.scenario.inputs(key);
    let projection = Projection::of(inputs);
    let years: Vec<u16> = props.plan.years(key).collect();
    let rows = contributions(v);
    let part = |who: Contributor| amount_of(&rows, who);
    let rate = |g: Option<f64>| g.map_or_else(|| "—".to_owned(), format::growth_text);
    html! {
        <table class="units briefing-rates" data-testid="briefing-rates">
            <caption>{lang.indicator_short(ind)}{lang.colon()}{x.briefing_rates_caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{s.unit}</th>
                    { for years.iter().enumerate().map(|(col, y)| html! {
                        <th scope="col" class="n">{lang.year(*y)}{ if inputs.is_locked(col) { format!(" {}", s.reported) } else { String::new() } }
                            <small>{ ind.floor(*y).map_or_else(|| s.no_floor.to_owned(), |f| lang.floor(f)) }</small></th>
                    }) }
                    <th scope="col" class="n">{s.multiple}</th>
                    <th scope="col" class="n">{x.required_in_target_year}</th>
                    <th scope="col" class="n">{s.contribution_short}<small>{s.yi_yuan}</small></th>
                </tr>
            </thead>
            <tbody>
                { for v.units.iter().map(|u| html! {
                    <tr>
                        <th scope="row">{lang.unit_name(&props.plan.units[u.unit])}</th>
                        { for (0..years.len()).map(|col| {
                            let g = inputs.year_growth(&projection, u.unit, col);
                            let below = g.is_some_and(|g| !g.meets_floor(ind.floor(years[col])));
                            html! { <td class={classes!("n", below.then_some("missed"))}>{ if below { "▼" } else { "" } }{rate(g.map(YearGrowth::percent))}</td> }
                        }) }
                        <td class={classes!("n", if u.doubling == Status::Met { "met" } else { "missed" })}>{u.multiple.map_or_else(|| "—".to_owned(), format::multiple)}</td>
                        <td class="n">{requirement_text(lang, u.required)}</td>
                        <td class="n">{format::signed_yi(part(Contributor::Unit(u.unit)))}</td>
                    </tr>
                }) }
            </tbody>
            <tfoot>
                if let Some((base, projected)) = v.unallocated {
                    <tr>
                        <th scope="row">{s.unallocated_short}</th>
                        { for (0..years.len()).map(|col| html! {
                            <td class="n">{rate(projection.unallocated_growth_percent(col))}</td>
                        }) }
                        <td class="n">{ if base > 0.0 { format::multiple(projected / base) } else { "—".to_owned() } }</td>
                        <td class="n">{"—"}</td>
                        <td class="n">{format::signed_yi(part(Contributor::Unallocated))}</td>
                    </tr>
                }
                <tr>
                    <th scope="row">{s.city_total}</th>
                    { for (0..years.len()).map(|col| html! { <td class="n">{rate(projection.city_growth_percent(col))}</td> }) }
                    <td class={classes!("n", if v.status == Status::Met { "met" } else { "missed" })}>{
                        if v.base_total() > 0.0 { format::multiple(v.projected / v.base_total()) } else { "—".to_owned() }
                    }</td>
                    <td class="n">{requirement_text(lang, v.required)}</td>
                    <td class="n">{format::signed_yi(v.gap())}</td>
                </tr>
            </tfoot>
        </table>
    }
}
