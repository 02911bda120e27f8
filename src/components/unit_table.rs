//! Per-unit results of the shown indicator: base, projection, multiple,
//! doubling, floors and the growth each unit still needs.

use yew::prelude::*;

use crate::format;
use crate::i18n::Lang;
use crate::model::{Requirement, Status, TargetVerdict};
use crate::state::PlanRef;

/// Props of [`UnitTable`].
#[derive(Properties, PartialEq, Clone)]
pub struct UnitTableProps {
    /// The plan, for names.
    pub plan: PlanRef,
    /// The verdict of the shown indicator.
    pub verdict: TargetVerdict,
    /// Where the bases come from.
    pub source: AttrValue,
    /// Interface language.
    pub lang: Lang,
}

/// The table of units.
#[component]
pub fn UnitTable(props: &UnitTableProps) -> Html {
    let (v, lang) = (&props.verdict, props.lang);
    let s = lang.s();
    let base_total = v.base_total();
    let status_cell = |st: Status| {
        html! {
            <span class={classes!("status", st.as_str())}>
                <span aria-hidden="true">{ if st == Status::Met { "✓ " } else { "✗ " } }</span>
                { if st == Status::Met { s.yes } else { s.no } }
            </span>
        }
    };
    html! {
        <div class="table-scroll">
            <table class="units" data-testid={format!("units-{}", v.indicator)}>
                <thead>
                    <tr>
                        <th scope="col">{s.unit}</th>
                        <th scope="col" class="n">{s.base_2022}<small>{s.yi_yuan}</small></th>
                        <th scope="col" class="n">{lang.year(v.target_year)}{" "}{s.projected}<small>{s.yi_yuan}</small></th>
                        <th scope="col" class="n">{s.multiple}</th>
                        <th scope="col">{s.doubled}</th>
                        <th scope="col">{s.floors}</th>
                        <th scope="col" class="n">{s.required_in_target_year}</th>
                    </tr>
                </thead>
                <tbody>
                    { for v.units.iter().map(|u| {
                        let unit = &props.plan.units[u.unit];
                        let required = match u.required {
                            Requirement::AlreadyMet => "—".to_owned(),
                            Requirement::Growth(p) | Requirement::AboveRange(p) => format::required_pct(p),
                            Requirement::Unreachable => s.unreachable.to_owned(),
                        };
                        html! {
                            <tr key={unit.id.clone()} data-testid={format!("unit-row-{}", unit.id)} data-doubled={u.doubling.as_str()}>
                                <th scope="row">{lang.unit_name(unit)}</th>
                                <td class="n">{format::yi(u.base)}</td>
                                <td class="n">{format::yi(u.projected)}</td>
                                <td class="n">{u.multiple.map_or_else(|| "—".to_owned(), format::multiple)}</td>
                                <td>{status_cell(u.doubling)}</td>
                                <td>{
                                    if u.floor_breaches == 0 {
                                        status_cell(Status::Met)
                                    } else {
                                        html! { <span class="status missed"><span aria-hidden="true">{"▼ "}</span>{format!("{} {}", u.floor_breaches, s.below_floor)}</span> }
                                    }
                                }</td>
                                <td class="n">{required}</td>
                            </tr>
                        }
                    }) }
                </tbody>
                <tfoot>
                    if let Some((base, projected)) = v.unallocated {
                        <tr data-testid={format!("unallocated-row-{}", v.indicator)}>
                            <th scope="row">{s.unallocated_short}</th>
                            <td class="n">{format::yi(base)}</td>
                            <td class="n">{format::yi(projected)}</td>
                            <td class="n">{ if base > 0.0 { format::multiple(projected / base) } else { "—".to_owned() } }</td>
                            <td colspan="3" class="muted">{"—"}</td>
                        </tr>
                    }
                    <tr>
                        <th scope="row">{s.city_total}</th>
                        <td class="n">{format::yi(base_total)}</td>
                        <td class="n">{format::yi(v.projected)}</td>
                        <td class="n">{ if base_total > 0.0 { format::multiple(v.projected / base_total) } else { "—".to_owned() } }</td>
                        <td>{status_cell(v.status)}</td>
                        <td>{format!("{} {}", v.breaches.len(), s.below_floor)}</td>
                        <td class="n">{ match v.required {
                            Requirement::AlreadyMet => "—".to_owned(),
                            Requirement::Growth(p) | Requirement::AboveRange(p) => format::required_pct(p),
                            Requirement::Unreachable => s.unreachable.to_owned(),
                        } }</td>
                    </tr>
                </tfoot>
            </table>
            <p class="source-note" data-testid={format!("source-note-{}", v.indicator)}>
                {lang.source_note(&props.source)}
                if let Some(y) = v.reported_through {
                    {lang.semicolon()}{s.reported_through}{" "}{lang.year(y)}
                }
            </p>
        </div>
    }
}
