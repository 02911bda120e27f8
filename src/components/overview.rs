//! All four paths to target as small multiples.

use std::rc::Rc;

use yew::prelude::*;

use crate::chart::ChartData;
use crate::components::chart_canvas::ChartCanvas;
use crate::i18n::Lang;
use crate::model::IndicatorKey;

/// What [`overview`] shows.
pub struct OverviewProps {
    /// The four compact path charts, in indicator order.
    pub charts: Rc<Vec<Rc<ChartData>>>,
    /// Interface language.
    pub lang: Lang,
    /// The scenario's name, for file names.
    pub scenario_name: AttrValue,
    /// Shows an indicator's grid and charts.
    pub on_select: Callback<IndicatorKey>,
}

/// Four small path charts in a row (two by two on phones).
pub fn overview(props: &OverviewProps) -> Html {
    html! {
        <section class="overview" aria-label={props.lang.s().overview_heading}>
            { for props.charts.iter().zip(IndicatorKey::ALL).map(|(data, key)| html! {
                <div class="overview-item" key={key.as_str()} onclick={props.on_select.reform(move |_: MouseEvent| key)}>
                    <ChartCanvas
                        data={data.clone()}
                        indicator={key}
                        testid={format!("overview-path-{key}")}
                        lang={props.lang}
                        scenario_name={props.scenario_name.clone()}
                        class={classes!("small")}
                        downloads={false}
                        later=true
                    />
                </div>
            }) }
        </section>
    }
}
