//! The grid of one indicator: a row per unit, a column per year.

use yew::prelude::*;

use crate::components::growth_cell::GrowthCell;
use crate::components::IndicatorProps;
use crate::model::Plan;

/// Sliders for every unit and year of one indicator.
#[component]
pub fn GrowthGrid(props: &IndicatorProps) -> Html {
    let plan: &Plan = &props.plan;
    let ind = plan.indicator(props.indicator);
    let s = props.lang.s();
    let years: Vec<u16> = plan.years(props.indicator).collect();
    let table = props.scenario.growth(props.indicator);
    html! {
        <table class="grid" data-testid={format!("grid-{}", props.indicator)}>
            <caption class="sr-only">{props.lang.indicator_name(ind)}</caption>
            <thead>
                <tr>
                    <th scope="col" class="unit-col">{s.unit}</th>
                    { for years.iter().map(|y| html! {
                        <th scope="col" key={*y}>
                            <span class="year">{props.lang.year(*y)}</span>
                            <span class="floor-note">{
                                match ind.floor(*y) {
                                    Some(f) => props.lang.floor(f),
                                    None if *y == ind.target_year => s.target_year_col.to_owned(),
                                    None => s.no_floor.to_owned(),
                                }
                            }</span>
                        </th>
                    }) }
                </tr>
            </thead>
            <tbody>
                { for plan.units.iter().enumerate().map(|(u, unit)| {
                    let name: AttrValue = props.lang.unit_name(unit).to_owned().into();
                    html! {
                        <tr key={unit.id.clone()}>
                            <th scope="row" class="unit-col">{name.clone()}</th>
                            { for years.iter().enumerate().map(|(col, y)| html! {
                                <td key={*y} data-year={props.lang.year(*y)}>
                                    <GrowthCell
                                        indicator={props.indicator}
                                        unit={u}
                                        unit_id={AttrValue::from(unit.id.clone())}
                                        unit_name={name.clone()}
                                        year_index={col}
                                        year={*y}
                                        value={table.get(u, col).unwrap_or_default()}
                                        floor={ind.floor(*y)}
                                        lang={props.lang}
                                        dispatch={props.dispatch.clone()}
                                    />
                                </td>
                            }) }
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
