//! One year's reporting controls, above the grid: whether the year is
//! reported (已公布), and for a reported year how its actual figures are
//! entered and, if city-wide, the city's figure.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::amount_input::AmountInput;
use crate::components::percent_input::PercentInput;
use crate::i18n::Lang;
use crate::model::{IndicatorKey, Report, ReportKind};
use crate::state::{Action, AppState};

/// Props of [`ReportedYear`].
#[derive(Properties, PartialEq, Clone)]
pub struct ReportedYearProps {
    /// Indicator.
    pub indicator: IndicatorKey,
    /// Year column (0 = base year + 1).
    pub year_index: usize,
    /// Calendar year.
    pub year: u16,
    /// The year's figures, if it is reported.
    pub report: Option<Report>,
    /// Interface language.
    pub lang: Lang,
    /// Where changes go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// A year's reporting controls.
#[component]
pub fn ReportedYear(props: &ReportedYearProps) -> Html {
    let (lang, indicator, col) = (props.lang, props.indicator, props.year_index);
    let s = lang.s();
    let on_mark = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            // Reported years run from the first: marking a year marks those before it.
            let years = if input.checked() { col + 1 } else { col };
            d.dispatch(Action::SetReportedYears { indicator, years });
        })
    };
    let on_kind = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else { return };
            if let Some(kind) = ReportKind::from_key(&select.value()) {
                d.dispatch(Action::SetReportKind { indicator, year: col, kind });
            }
        })
    };
    let year_text = lang.year(props.year);
    let city_label: AttrValue = format!("{} {year_text}", s.city_actual).into();
    let testid: AttrValue = format!("report-city-{}", props.year).into();
    let to_report =
        props.dispatch.to_callback().reform(move |report| Action::SetReport { indicator, year: col, report });
    let city = match &props.report {
        Some(Report::CityGrowth(g)) => html! {
            <span class="city-actual">
                <span class="city-actual-label">{s.city_actual}</span>
                <PercentInput value={*g} label={city_label} testid={testid} lang={lang}
                    on_set={to_report.reform(Report::CityGrowth)} />
            </span>
        },
        Some(Report::CityLevel(b)) => html! {
            <span class="city-actual">
                <span class="city-actual-label">{s.city_actual}{" ("}{s.yi_yuan}{")"}</span>
                <AmountInput value={b.yi()} label={city_label} testid={testid} lang={lang}
                    on_set={to_report.reform(Report::CityLevel)} />
            </span>
        },
        _ => html! {},
    };
    let kind = props.report.as_ref().map(Report::kind);
    html! {
        <div class={classes!("reported-year", kind.is_some().then_some("on"))}>
            <label class="report-mark" title={s.reported_mark}>
                <input type="checkbox" checked={kind.is_some()} onchange={on_mark}
                    aria-label={format!("{year_text} {}", s.reported_mark)}
                    data-testid={format!("reported-{}", props.year)} />
                <span>{year_text.clone()}{" "}{s.reported}</span>
            </label>
            if let Some(kind) = kind {
                <select class="report-kind" aria-label={format!("{year_text} {}", s.report_kind_label)}
                    data-testid={format!("report-kind-{}", props.year)} onchange={on_kind}>
                    { for ReportKind::ALL.iter().map(|k| html! {
                        <option value={k.as_str()} selected={*k == kind}>{lang.report_kind(*k)}</option>
                    }) }
                </select>
                {city}
            }
        </div>
    }
}
