//! Per-unit results of the shown indicator: base, projection, multiple,
//! doubling, floors and the growth each unit still needs.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::verdict_card::now_and_needed;
use crate::format;
use crate::i18n::chance::probability_text;
use crate::i18n::Lang;
use crate::model::contribution::amount_of;
use crate::model::uncertainty::{Chance, Outlook};
use crate::model::{contributions, Contributor, Status, TargetVerdict};
use crate::state::PlanRef;

/// Props of [`UnitTable`].
#[derive(Properties, PartialEq, Clone)]
pub struct UnitTableProps {
    /// The plan, for names.
    pub plan: PlanRef,
    /// The verdict of the shown indicator.
    pub verdict: TargetVerdict,
    /// What the draws say of it, while uncertainty is on.
    #[prop_or_default]
    pub outlook: Option<Rc<Outlook>>,
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
    let rows = contributions(v);
    let contribution_of = |who: Contributor| amount_of(&rows, who);
    let contribution_cell = |amount: f64| {
        let sign = if format::is_zero_text(&format::yi(amount)) {
            "zero"
        } else if amount > 0.0 {
            "plus"
        } else {
            "minus"
        };
        html! { <td class={classes!("n", "contribution", sign)} data-label={s.contribution_short} data-amount={format::fixed(amount, 4)}>{format::signed_yi(amount)}</td> }
    };
    let c = lang.c();
    let chances = props.outlook.is_some();
    // Under the met-or-missed mark: the chance, and the 90 % range of the multiple.
    let chance_line = |chance: Option<Chance>, range: Option<(f64, f64)>, testid: String| {
        let Some(chance) = chance else { return html! {} };
        let range = range.map(|(lo, hi)| format!("{}–{}", format::fixed(lo, 2), format::multiple(hi)));
        html! {
            <small class="chance" data-testid={testid} data-probability={format::fixed(chance.p, 4)} title={lang.standard_error(chance)}>
                <span class="sr-only">{c.doubling}{lang.colon()}</span>
                <strong>{probability_text(chance)}</strong>
                if let Some(range) = range {
                    <span class="multiple-range">{range}</span>
                }
            </small>
        }
    };
    let year = lang.year(v.target_year);
    let rate_label = match lang {
        Lang::Zh => format!("{year}{}", s.growth_of),
        Lang::En => format!("{year} {}", s.growth_of),
    };
    html! {
        <div class="table-scroll">
            <table class="units results" data-testid={format!("units-{}", v.indicator)}>
                <thead>
                    <tr>
                        <th scope="col">{s.unit}</th>
                        <th scope="col" class="n">{s.base_2022}<small>{s.yi_yuan}</small></th>
                        <th scope="col" class="n">{year.clone()}{" "}{s.projected}<small>{s.yi_yuan}</small></th>
                        <th scope="col" class="n">{s.multiple}</th>
                        <th scope="col">{s.doubled}
                            if chances {
                                <small>{c.doubling}{" · "}{c.multiple_range}</small>
                            }
                        </th>
                        <th scope="col">{s.floors}</th>
                        <th scope="col">{rate_label.clone()}<small>{s.now_needed_head}</small></th>
                        <th scope="col" class="n" title={s.contribution_explain}>{s.contribution_short}<small>{s.yi_yuan}</small></th>
                    </tr>
                </thead>
                <tbody>
                    { for v.units.iter().map(|u| {
                        let unit = &props.plan.units[u.unit];
                        html! {
                            <tr key={unit.id.clone()} data-testid={format!("unit-row-{}", unit.id)} data-doubled={u.doubling.as_str()}>
                                <th scope="row">{lang.unit_name(unit)}</th>
                                <td class="n" data-label={s.base_2022}>{format::yi(u.base)}</td>
                                <td class="n" data-label={s.projected}>{format::yi(u.projected)}</td>
                                <td class="n" data-label={s.multiple}>{u.multiple.map_or_else(|| "—".to_owned(), format::multiple)}</td>
                                <td data-label={s.doubled}>
                                    {status_cell(u.doubling)}
                                    if let Some(o) = &props.outlook {
                                        {chance_line(o.doubling.get(u.unit).copied(), o.multiples.get(u.unit).copied().flatten(), format!("unit-prob-{}-{}", v.indicator, unit.id))}
                                    }
                                </td>
                                <td data-label={s.floors}>{
                                    if u.floor_breaches == 0 {
                                        status_cell(Status::Met)
                                    } else {
                                        html! { <span class="status missed"><span aria-hidden="true">{"▼ "}</span>{format!("{} {}", u.floor_breaches, s.below_floor)}</span> }
                                    }
                                }</td>
                                <td class="rate" data-label={rate_label.clone()}>{now_and_needed(lang, None, u.current, u.required)}</td>
                                {contribution_cell(contribution_of(Contributor::Unit(u.unit)))}
                            </tr>
                        }
                    }) }
                </tbody>
                <tfoot>
                    if let Some((base, projected)) = v.unallocated {
                        <tr data-testid={format!("unallocated-row-{}", v.indicator)}>
                            <th scope="row">{s.unallocated_short}</th>
                            <td class="n" data-label={s.base_2022}>{format::yi(base)}</td>
                            <td class="n" data-label={s.projected}>{format::yi(projected)}</td>
                            <td class="n" data-label={s.multiple}>{ if base > 0.0 { format::multiple(projected / base) } else { "—".to_owned() } }</td>
                            <td colspan="3" class="muted">{"—"}</td>
                            {contribution_cell(contribution_of(Contributor::Unallocated))}
                        </tr>
                    }
                    <tr class="total">
                        <th scope="row">{s.city_total}</th>
                        <td class="n" data-label={s.base_2022}>{format::yi(base_total)}</td>
                        <td class="n" data-label={s.projected}>{format::yi(v.projected)}</td>
                        <td class="n" data-label={s.multiple}>{ if base_total > 0.0 { format::multiple(v.projected / base_total) } else { "—".to_owned() } }</td>
                        <td data-label={s.doubled}>
                            {status_cell(v.status)}
                            if let Some(o) = &props.outlook {
                                {chance_line(Some(o.target), None, format!("unit-prob-{}-city", v.indicator))}
                            }
                        </td>
                        <td data-label={s.floors}>{format!("{} {}", v.breaches.len(), s.below_floor)}</td>
                        <td class="rate" data-label={rate_label}>{now_and_needed(lang, None, v.current, v.required)}</td>
                        {contribution_cell(v.gap())}
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
