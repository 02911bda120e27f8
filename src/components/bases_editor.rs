//! The 2022 bases of the shown indicator: one field per unit, the city sum,
//! and how it compares with the plan-implied base (target ÷ 2). The city
//! target stays the figure the plan writes.

use yew::prelude::*;

use crate::components::base_input::BaseInput;
use crate::components::bases_import::BasesImport;
use crate::components::IndicatorProps;
use crate::format;
use crate::i18n::Lang;

/// A collapsible table of base fields.
#[component]
pub fn BasesEditor(props: &IndicatorProps) -> Html {
    let (lang, key) = (props.lang, props.indicator);
    let s = lang.s();
    let ind = props.plan.indicator(key);
    let bases = props.scenario.bases(key);
    let total: f64 = bases.iter().sum();
    let implied = ind.plan_implied_base();
    let diff = total - implied;
    let matches = diff.abs() < 0.005;
    html! {
        <details class="bases" data-testid={format!("bases-{key}")}>
            <summary>{s.bases_heading}{" · "}{lang.indicator_short(ind)}</summary>
            <p class="hint">{s.bases_hint}</p>
            <table class="units bases-table">
                <thead>
                    <tr>
                        <th scope="col">{s.unit}</th>
                        <th scope="col" class="n">{s.base_2022}<small>{s.yi_yuan}</small></th>
                        <th scope="col" class="n">{s.share}</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.plan.units.iter().enumerate().map(|(u, unit)| {
                        let value = bases.get(u).copied().unwrap_or(0.0);
                        let name: AttrValue = lang.unit_name(unit).to_owned().into();
                        html! {
                            <tr key={unit.id.clone()}>
                                <th scope="row">{name.clone()}</th>
                                <td class="n">
                                    <BaseInput indicator={key} unit={u} unit_id={AttrValue::from(unit.id.clone())}
                                        unit_name={name} value={value} lang={lang} dispatch={props.dispatch.clone()} />
                                </td>
                                <td class="n">{ if total > 0.0 { format!("{:.1}%", value / total * 100.0) } else { "—".to_owned() } }</td>
                            </tr>
                        }
                    }) }
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{s.city_total}</th>
                        <td class="n" data-testid={format!("bases-total-{key}")}>{format::yi(total)}</td>
                        <td class="n">{"100%"}</td>
                    </tr>
                    <tr>
                        <th scope="row">{s.plan_implied}</th>
                        <td class="n">{format::yi(implied)}</td>
                        <td></td>
                    </tr>
                </tfoot>
            </table>
            <p class={classes!("bases-note", (!matches).then_some("differs"))} data-testid={format!("bases-note-{key}")}>
                { if matches {
                    s.sum_matches.to_owned()
                } else {
                    {
                        let pct = format::signed_pct(diff / implied * 100.0, 1);
                        match lang {
                            Lang::Zh => format!("{} {}（{pct}）。", s.sum_differs, lang.signed_amount(diff)),
                            Lang::En => format!("{} {} ({pct}).", s.sum_differs, lang.signed_amount(diff)),
                        }
                    }
                } }
                {" "}{s.target_stays}{" "}{lang.target_amount(ind.city_target)}{lang.stop()}
            </p>
            <BasesImport plan={props.plan.clone()} lang={lang} dispatch={props.dispatch.clone()} />
        </details>
    }
}
