//! The one-page A4 briefing that the browser prints: shown only in print,
//! beside the verdicts and path charts that the print stylesheet keeps.

use std::rc::Rc;

use yew::prelude::*;

use crate::format;
use crate::i18n::Lang;
use crate::model::{Scenario, Status, TargetVerdict};
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
    /// The scenario, for where its bases come from.
    pub scenario: Rc<Scenario>,
    /// Interface language.
    pub lang: Lang,
}

/// Header with link and QR code, and every unit against every doubling.
#[component]
pub fn PrintBriefing(props: &PrintBriefingProps) -> Html {
    // Made only while printing: the QR code and the table would otherwise
    // be rebuilt at every slider step for nobody to see.
    let printing = use_state_eq(|| false);
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
    let fragment = format!("#s={}", props.code);
    let url = location::url_with(&fragment).unwrap_or(fragment);
    let date = String::from(js_sys::Date::new_0().to_iso_string()).chars().take(10).collect::<String>();
    let name = if props.name.trim().is_empty() { s.default_scenario_name.to_owned() } else { props.name.to_string() };
    html! {
        <section class="print-only briefing" data-testid="print-briefing">
            <div class="briefing-head">
                <div>
                    <h1>{lang.plan_title(&props.plan)}{" · "}{s.briefing}</h1>
                    <p class="briefing-name">{s.scenarios_heading}{lang.colon()}{name}</p>
                    <p class="briefing-date">{s.printed_on}{" "}{date}</p>
                    <p class="briefing-link">{url.clone()}</p>
                </div>
                <div class="briefing-qr">
                    { qr::svg(&url).map(|svg| Html::from_html_unchecked(AttrValue::from(svg))).unwrap_or_default() }
                </div>
            </div>
            <table class="units briefing-units">
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
                                html! {
                                    <td class={classes!("n", if met { "met" } else { "missed" })}>
                                        {uv.multiple.map_or_else(|| "—".to_owned(), format::multiple)}
                                        { if met { " ✓" } else { " ✗" } }
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
            <p class="briefing-foot">{s.illustrative_short}{" "}{s.privacy}</p>
        </section>
    }
}
