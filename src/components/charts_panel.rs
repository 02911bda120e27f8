//! The charts of the shown indicator: path to target, who carries the
//! target (the gap by unit), units against their doubling, and the floor
//! map.

use std::rc::Rc;

use yew::prelude::*;

use crate::chart::ChartData;
use crate::components::chart_canvas::ChartCanvas;
use crate::i18n::Lang;
use crate::model::IndicatorKey;

/// What [`charts_panel`] shows.
pub struct ChartsPanelProps {
    /// Path, gap, units and floors charts of the indicator.
    pub charts: Rc<Vec<Rc<ChartData>>>,
    /// The indicator shown.
    pub indicator: IndicatorKey,
    /// Interface language.
    pub lang: Lang,
    /// The scenario's name, for file names.
    pub scenario_name: AttrValue,
}

/// Four charts, one under the other.
pub fn charts_panel(props: &ChartsPanelProps) -> Html {
    html! {
        <section class="charts" aria-label={props.lang.s().charts_heading}>
            { for props.charts.iter().map(|data| html! {
                <ChartCanvas
                    key={data.kind().as_str()}
                    data={data.clone()}
                    indicator={props.indicator}
                    testid={format!("chart-{}-{}", data.kind().as_str(), props.indicator)}
                    lang={props.lang}
                    scenario_name={props.scenario_name.clone()}
                    class={classes!("large")}
                />
            }) }
        </section>
    }
}
