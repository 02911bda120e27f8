//! The growth ranges of the shown indicator while uncertainty is on: ρ and
//! φ, a bulk setter, one range per open cell with its chance of meeting
//! the floor, the unallocated part's range, the model in plain words and
//! the legend of likelihood words.

use std::rc::Rc;

use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::components::bulk_bar::{picked_target, target_select};
use crate::components::draft::use_draft;
use crate::components::range_input::{
    text_field, CoefficientInput, ConfidenceField, RangeInput, TextField, CONFIDENCE_DELAY_MS,
};
use crate::i18n::chance::probability_text;
use crate::i18n::Lang;
use crate::model::uncertainty::{
    parse_confidence, parse_range, Likelihood, Outlook, Range, RangeTextError, Sampler, Uncertainty,
};
use crate::model::{IndicatorInputs, IndicatorKey, Scenario};
use crate::state::{Action, AppState, BulkTarget, PlanRef};

/// Props of [`RangesPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct RangesPanelProps {
    /// The plan.
    pub plan: PlanRef,
    /// Which indicator.
    pub indicator: IndicatorKey,
    /// The scenario shown.
    pub scenario: Rc<Scenario>,
    /// What the draws say of the indicator (see [`use_outlooks`]).
    pub outlook: Option<Rc<Outlook>>,
    /// The draws, for goal seek under uncertainty.
    pub sampler: Rc<Sampler>,
    /// Interface language.
    pub lang: Lang,
    /// Where changes go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The ranges panel.
#[component]
pub fn RangesPanel(props: &RangesPanelProps) -> Html {
    let (lang, key, plan) = (props.lang, props.indicator, props.plan.clone());
    let (s, c) = (lang.s(), lang.r());
    let x = lang.x();
    let inputs = props.scenario.inputs(key);
    let floor_chance = |unit: usize, col: usize, years: usize| {
        props.outlook.as_ref().and_then(|o| o.floors.get(unit * years + col).copied().flatten())
    };
    let years: Vec<u16> = plan.years(key).collect();
    let ind = plan.indicator(key);
    let to = props.dispatch.to_callback();
    let u = props.scenario.uncertainty;
    html! {
        <section class="ranges" data-testid="ranges-panel" aria-labelledby="ranges-heading">
            <h2 id="ranges-heading">{c.heading}{" · "}{lang.indicator_short(ind)}</h2>
            <p class="hint">{c.intro}</p>
            <div class="ranges-controls">
                <label class="coefficient">
                    <span class="bar-label">{c.rho_label}</span>
                    <CoefficientInput value={u.rho} {lang} label={c.rho_label} testid="corr-year"
                        on_set={to.reform(|value| Action::SetCoefficient { rho: true, value })} />
                    <small class="hint">{c.rho_hint}</small>
                </label>
                <label class="coefficient">
                    <span class="bar-label">{c.phi_label}</span>
                    <CoefficientInput value={u.phi} {lang} label={c.phi_label} testid="corr-persist"
                        on_set={to.reform(|value| Action::SetCoefficient { rho: false, value })} />
                    <small class="hint">{c.phi_hint}</small>
                </label>
                <BulkRange plan={plan.clone()} indicator={key} {lang} dispatch={props.dispatch.clone()} />
            </div>
            <p class="hint">{c.syntax_hint}</p>
            <div class="table-scroll">
                <table class="ranges-table">
                    <thead>
                        <tr>
                            <th scope="col">{s.unit}</th>
                            { for years.iter().map(|y| html! {
                                <th scope="col" key={*y}>
                                    {lang.year(*y)}
                                    if let Some(f) = ind.floor(*y) {
                                        <small class="floor">{lang.floor(f)}</small>
                                    }
                                </th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for plan.units.iter().enumerate().map(|(unit, info)| {
                            let name = lang.unit_name(info).to_owned();
                            html! {
                                <tr key={info.id.clone()}>
                                    <th scope="row">{name.clone()}</th>
                                    { for years.iter().enumerate().map(|(col, y)| {
                                        if inputs.is_locked(col) {
                                            return html! { <td key={*y} class="reported">{c.reported}</td> };
                                        }
                                        let range = inputs.ranges.get(unit, col).unwrap_or(Range::ZERO);
                                        let likely = inputs.growth.get(unit, col).unwrap_or_default();
                                        let floor = floor_chance(unit, col, years.len());
                                        html! {
                                            <td key={*y}>
                                                <RangeInput value={range} clipped={range.is_clipped_at(likely)} {lang}
                                                    label={format!("{name} {} {}", lang.year(*y), c.heading)}
                                                    testid={format!("range-{key}-{}-{y}", info.id)}
                                                    on_set={to.reform(move |range| Action::SetRange { indicator: key, cell: Some((unit, col)), range })} />
                                                if let Some(f) = floor {
                                                    <small class="floor-prob" data-testid={format!("floor-prob-{key}-{}-{y}", info.id)}
                                                        data-probability={crate::format::fixed(f.p, 4)}>
                                                        {c.floor_met}{" "}{probability_text(f)}
                                                    </small>
                                                }
                                            </td>
                                        }
                                    }) }
                                </tr>
                            }
                        }) }
                    </tbody>
                    if let Some(part) = inputs.unallocated {
                        <tfoot>
                            <tr>
                                <th scope="row">{x.unallocated_heading}</th>
                                <td colspan={years.len().to_string()}>
                                    <RangeInput value={inputs.ranges.unallocated} clipped={inputs.ranges.unallocated.is_clipped_at(part.growth)} {lang}
                                        label={format!("{} {}", x.unallocated_heading, c.heading)}
                                        testid={format!("range-{key}-unallocated")}
                                        on_set={to.reform(move |range| Action::SetRange { indicator: key, cell: None, range })} />
                                </td>
                            </tr>
                        </tfoot>
                    }
                </table>
            </div>
            <ConfidenceSeek plan={plan.clone()} indicator={key} scenario={props.scenario.clone()} sampler={props.sampler.clone()} {lang} dispatch={props.dispatch.clone()} />
            <div class="ranges-notes">
                <details class="model" data-testid="uncertainty-model">
                    <summary>{c.model_heading}</summary>
                    { for c.model.iter().map(|p| html! { <p>{*p}</p> }) }
                </details>
                <div class="legend" data-testid="likelihood-legend">
                    <h3>{c.legend_heading}</h3>
                    <ul>
                        { for Likelihood::ALL.iter().map(|b| html! { <li>{lang.likelihood_band(*b)}</li> }) }
                    </ul>
                </div>
            </div>
        </section>
    }
}

/// The outlook of each indicator of `scenario` while uncertainty is on:
/// an indicator's draws run again only when its inputs or ρ and φ
/// changed.
#[hook]
pub fn use_outlooks(plan: &PlanRef, scenario: &Rc<Scenario>, sampler: &Rc<Sampler>) -> Option<Rc<Vec<Rc<Outlook>>>> {
    let sampler = sampler.clone();
    let cache = use_mut_ref(Vec::<(IndicatorInputs, Uncertainty, Rc<Outlook>)>::new);
    let plan = plan.clone();
    let outlooks = use_memo(scenario.clone(), move |scenario| {
        if !scenario.uncertainty.on {
            return None;
        }
        let mut cache = cache.borrow_mut();
        let fresh: Vec<Rc<Outlook>> = IndicatorKey::ALL
            .iter()
            .map(|key| {
                let inputs = scenario.inputs(*key);
                match cache.get(key.index()) {
                    Some((i, u, o)) if i == inputs && *u == scenario.uncertainty => o.clone(),
                    _ => Rc::new(Outlook::of(&plan, scenario, *key, &sampler)),
                }
            })
            .collect();
        *cache = IndicatorKey::ALL
            .iter()
            .zip(&fresh)
            .map(|(k, o)| (scenario.inputs(*k).clone(), scenario.uncertainty, o.clone()))
            .collect();
        Some(Rc::new(fresh))
    });
    (*outlooks).clone()
}

/// The confidence a seek starts from, percent.
const DEFAULT_CONFIDENCE: &str = "80";

/// Props of [`ConfidenceSeek`].
#[derive(Properties, PartialEq, Clone)]
struct ConfidenceSeekProps {
    plan: PlanRef,
    indicator: IndicatorKey,
    scenario: Rc<Scenario>,
    sampler: Rc<Sampler>,
    lang: Lang,
    dispatch: UseReducerDispatcher<AppState>,
}

/// Goal seek under uncertainty: the confidence wanted and the likely
/// growth in the target year it needs, with a button that sets it.
#[component]
fn ConfidenceSeek(props: &ConfidenceSeekProps) -> Html {
    let (lang, key) = (props.lang, props.indicator);
    let r = lang.r();
    let text = use_state_eq(|| DEFAULT_CONFIDENCE.to_owned());
    let found = use_state_eq(|| None::<(String, Option<crate::model::Growth>)>);
    let inputs = props.scenario.inputs(key).clone();
    let confidence = parse_confidence(&text);
    {
        let (plan, scenario, sampler, found) =
            (props.plan.clone(), props.scenario.clone(), props.sampler.clone(), found.clone());
        let wanted = (*text).clone();
        use_effect_with((inputs, props.scenario.uncertainty, key, wanted), move |(_, _, key, wanted)| {
            let key = *key;
            let wanted = wanted.clone();
            let timer = gloo::timers::callback::Timeout::new(CONFIDENCE_DELAY_MS, move || {
                if let Some(c) = parse_confidence(&wanted) {
                    let g =
                        crate::model::uncertainty::growth_for_confidence(&plan, &scenario, key, c / 100.0, &sampler);
                    found.set(Some((wanted, g)));
                }
            });
            move || drop(timer)
        });
    }
    let on_text = {
        let text = text.clone();
        Callback::from(move |t: String| text.set(t))
    };
    let years: Vec<u16> = props.plan.years(key).collect();
    let last = years.len().saturating_sub(1);
    let reported = props.scenario.inputs(key).is_locked(last);
    let current = found.as_ref().filter(|(t, _)| *t == *text).map(|(_, g)| *g);
    let answer = match (reported, confidence, current) {
        (true, _, _) => html! { <p class="hint" data-testid="confidence-result">{r.confidence_reported}</p> },
        (false, None, _) => html! {},
        (false, Some(_), None) => {
            html! { <p class="hint" data-testid="confidence-result" aria-busy="true">{lang.c().loading}</p> }
        }
        (false, Some(_), Some(None)) => {
            html! { <p class="field-error" data-testid="confidence-result">{r.confidence_unreachable}</p> }
        }
        (false, Some(c), Some(Some(g))) => {
            let now = crate::model::TargetVerdict::judge(&props.plan, &props.scenario, key)
                .current
                .map_or_else(|| "—".to_owned(), |p| format!("{}%", crate::format::growth_text(p)));
            let apply = props.dispatch.to_callback().reform(move |_: MouseEvent| Action::Bulk {
                indicator: key,
                target: BulkTarget::Column(last),
                growth: g,
            });
            let year = years.get(last).copied().unwrap_or_default();
            html! {
                <p class="confidence-answer" data-testid="confidence-result" data-bp={g.bp().to_string()}>
                    {lang.confidence_answer(crate::format::trim_zeros(&crate::format::fixed(c, 1)), year, &g.to_string(), &now)}
                    {" "}
                    <button type="button" class="btn small" data-testid="confidence-apply" onclick={apply}>{r.confidence_apply}</button>
                </p>
            }
        }
    };
    html! {
        <div class="confidence-seek" role="group" aria-labelledby="confidence-heading">
            <h3 id="confidence-heading">{r.confidence_heading}</h3>
            <ConfidenceField text={(*text).clone()} {lang} on_text={on_text} label={r.confidence_label} testid="confidence" />
            {answer}
        </div>
    }
}

/// Props of [`BulkRange`].
#[derive(Properties, PartialEq, Clone)]
struct BulkRangeProps {
    plan: PlanRef,
    indicator: IndicatorKey,
    lang: Lang,
    dispatch: UseReducerDispatcher<AppState>,
}

/// A target picker, a range field and an apply button.
#[component]
fn BulkRange(props: &BulkRangeProps) -> Html {
    let target = use_state_eq(|| BulkTarget::All);
    let text = use_mut_ref(String::new);
    let problem = use_state_eq(|| None::<RangeTextError>);
    let lang = props.lang;
    let years = props.plan.years(props.indicator).count();
    let current = match *target {
        BulkTarget::Column(c) if c >= years => BulkTarget::All,
        t => t,
    };
    let apply = {
        let (text, problem, dispatch, indicator) =
            (text.clone(), problem.clone(), props.dispatch.clone(), props.indicator);
        Callback::from(move |()| match parse_range(&text.borrow()) {
            Ok(range) => {
                problem.set(None);
                dispatch.dispatch(Action::BulkRange { indicator, target: current, range });
            }
            Err(e) => problem.set(Some(e)),
        })
    };
    let on_text = {
        let (text, problem) = (text.clone(), problem.clone());
        Callback::from(move |t: String| {
            *text.borrow_mut() = t;
            problem.set(None);
        })
    };
    let draft = use_draft(text.borrow().clone(), on_text);
    let on_key = {
        let apply = apply.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                apply.emit(());
            }
        })
    };
    let on_target = {
        let target = target.clone();
        Callback::from(move |e: Event| {
            if let Some(t) = picked_target(&e) {
                target.set(t);
            }
        })
    };
    let c = lang.r();
    let message = problem.as_ref().map(|e| lang.range_problem(e));
    html! {
        <div class="bulk bulk-range" role="group" aria-label={c.bulk_label}>
            {target_select(&props.plan, props.indicator, lang, current, on_target, "bulk-range-target")}
            {text_field(TextField {
                draft,
                label: c.bulk_label,
                testid: "bulk-range",
                prefix: "±",
                suffix: "",
                placeholder: Some("3"),
                message,
                note: None,
                on_key: Some(on_key),
            })}
            <button type="button" class="btn" data-testid="bulk-range-apply" onclick={apply.reform(|_: MouseEvent| ())}>{c.bulk_apply}</button>
        </div>
    }
}
