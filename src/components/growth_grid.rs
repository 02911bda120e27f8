//! The grid of one indicator: a row per unit, a column per year. Reported
//! years show their actual figures, locked against the tools.

use yew::prelude::*;

use crate::components::growth_cell::GrowthCell;
use crate::components::reported_cell::ReportedCell;
use crate::components::reported_year::ReportedYear;
use crate::components::IndicatorProps;
use crate::model::{Plan, Projection, Report, YearGrowth};

/// Sliders for every unit and year of one indicator. A plain function, not
/// a component: its props change with every step anyway, and each cell is a
/// component that compares its own.
#[allow(clippy::too_many_lines)]
pub fn growth_grid(props: &IndicatorProps) -> Html {
    let plan: &Plan = &props.plan;
    let ind = plan.indicator(props.indicator);
    let s = props.lang.s();
    let years: Vec<u16> = plan.years(props.indicator).collect();
    let inputs = props.scenario.inputs(props.indicator);
    let table = &inputs.growth;
    // Only reported years as levels or city-wide need the projection.
    let projection = inputs.reports().iter().any(|r| *r != Report::UnitGrowth).then(|| Projection::of(inputs));
    html! {
        <>
        <div class="reported-bar" data-testid={format!("reported-bar-{}", props.indicator)}>
            { for years.iter().enumerate().map(|(col, y)| html! {
                <ReportedYear key={*y} indicator={props.indicator} year_index={col} year={*y}
                    report={inputs.report(col).cloned()} lang={props.lang} dispatch={props.dispatch.clone()} />
            }) }
            <p class="hint">{s.reported_hint}</p>
        </div>
        <table class="grid" data-testid={format!("grid-{}", props.indicator)}>
            <caption class="sr-only">{props.lang.indicator_name(ind)}</caption>
            <thead>
                <tr>
                    <th scope="col" class="unit-col">{s.unit}</th>
                    { for years.iter().enumerate().map(|(col, y)| html! {
                        <th scope="col" key={*y} class={classes!(inputs.is_locked(col).then_some("reported"))}>
                            <span class="year">{props.lang.year(*y)}</span>
                            <span class="floor-note">{
                                match ind.floor(*y) {
                                    Some(f) => props.lang.floor(f),
                                    None if *y == ind.target_year => s.target_year_col.to_owned(),
                                    None => s.no_floor.to_owned(),
                                }
                            }</span>
                            if inputs.is_locked(col) {
                                <span class="tag">{s.reported}</span>
                            }
                        </th>
                    }) }
                </tr>
            </thead>
            <tbody>
                { for plan.units.iter().enumerate().map(|(u, unit)| {
                    let name: AttrValue = props.lang.unit_name(unit).to_owned().into();
                    let unit_id = AttrValue::from(unit.id.clone());
                    html! {
                        <tr key={unit.id.clone()}>
                            <th scope="row" class="unit-col">{name.clone()}</th>
                            { for years.iter().enumerate().map(|(col, y)| {
                                let report = inputs.report(col);
                                let cell = match (report, &projection) {
                                    (Some(r), Some(p)) if *r != Report::UnitGrowth => {
                                        let level = match r {
                                            Report::UnitLevels(levels) => levels.get(u).map(|b| b.yi()),
                                            _ => None,
                                        };
                                        let growth = inputs.year_growth(p, u, col);
                                        html! {
                                            <ReportedCell
                                                indicator={props.indicator}
                                                unit={u}
                                                unit_id={unit_id.clone()}
                                                unit_name={name.clone()}
                                                year_index={col}
                                                year={*y}
                                                level={level}
                                                implied={growth.map(YearGrowth::percent)}
                                                floor={ind.floor(*y)}
                                                below={growth.is_some_and(|g| !g.meets_floor(ind.floor(*y)))}
                                                lang={props.lang}
                                                dispatch={props.dispatch.clone()}
                                            />
                                        }
                                    }
                                    _ => html! {
                                        <GrowthCell
                                            indicator={props.indicator}
                                            unit={u}
                                            unit_id={unit_id.clone()}
                                            unit_name={name.clone()}
                                            year_index={col}
                                            year={*y}
                                            value={table.get(u, col).unwrap_or_default()}
                                            floor={ind.floor(*y)}
                                            reported={report.is_some()}
                                            lang={props.lang}
                                            dispatch={props.dispatch.clone()}
                                        />
                                    },
                                };
                                let year_text = if report.is_some() {
                                    format!("{} · {}", props.lang.year(*y), s.reported)
                                } else {
                                    props.lang.year(*y)
                                };
                                html! {
                                    <td key={*y} data-year={year_text}
                                        class={classes!(report.is_some().then_some("reported"))}>
                                        {cell}
                                    </td>
                                }
                            }) }
                        </tr>
                    }
                }) }
            </tbody>
        </table>
        </>
    }
}
