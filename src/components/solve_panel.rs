//! Solve the shown indicator: pick the first year to change and how, see
//! the answer and what it would give, then accept it or not.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::range_input::{ConfidenceField, CONFIDENCE_DELAY_MS};
use crate::components::IndicatorProps;

use crate::format;
use crate::model::solve::{solve, solve_for, Goal, Solution, SolveError, SolveMode};
use crate::model::uncertainty::parse_confidence;
use crate::model::{Growth, Status, TargetVerdict};
use crate::state::Action;

/// A solve button and, when open, the preview.
#[component]
pub fn SolvePanel(props: &IndicatorProps) -> Html {
    let open = use_state_eq(|| props.open);
    let from = use_state_eq(|| 0usize);
    let mode = use_state_eq(|| SolveMode::Uniform);
    let (lang, key) = (props.lang, props.indicator);
    let s = lang.s();
    let x = lang.x();
    let years: Vec<u16> = props.plan.years(key).collect();
    // Reported years are never solved: the choice starts after them.
    let first_open = props.scenario.inputs(key).reported_years();
    let from_col = (*from).max(first_open).min(years.len().saturating_sub(1));
    let result = {
        let plan = props.plan.clone();
        use_memo((props.scenario.clone(), key, from_col, *mode, *open), move |(scenario, key, from, mode, open)| {
            open.then(|| solve(&plan, scenario, *key, *from, *mode))
        })
    };
    // Under uncertainty: the same, each goal with the chance asked for; it
    // runs the draws some sixteen times, so it waits for a pause.
    let wanted = use_state_eq(|| "80".to_owned());
    let confident = use_state_eq(|| None::<(String, Result<Solution, SolveError>)>);
    {
        let (plan, confident, sampler) = (props.plan.clone(), confident.clone(), props.sampler.clone());
        let on = *open && props.scenario.uncertainty.on;
        let scenario = props.scenario.clone();
        use_effect_with(
            (props.scenario.clone(), key, from_col, *mode, on, (*wanted).clone()),
            move |(_, key, from, mode, on, wanted)| {
                let (key, from, mode, wanted) = (*key, *from, *mode, wanted.clone());
                let timer = (*on).then(|| {
                    gloo::timers::callback::Timeout::new(CONFIDENCE_DELAY_MS, move || {
                        let (Some(c), Some(sampler)) = (parse_confidence(&wanted), sampler) else { return };
                        let goal = Goal::Confident(c / 100.0, sampler.draws(&plan, key));
                        confident.set(Some((wanted, solve_for(&plan, &scenario, key, from, mode, goal))));
                    })
                });
                move || drop(timer)
            },
        );
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_from = {
        let from = from.clone();
        Callback::from(move |e: Event| {
            if let Some(sel) = e.target_dyn_into::<HtmlSelectElement>() {
                from.set(sel.value().parse().unwrap_or(0));
            }
        })
    };
    let on_mode = {
        let mode = mode.clone();
        Callback::from(move |e: Event| {
            if let Some(sel) = e.target_dyn_into::<HtmlSelectElement>() {
                mode.set(if sel.value() == "shift" { SolveMode::Shift } else { SolveMode::Uniform });
            }
        })
    };
    let button = html! {
        <button type="button" class="btn" data-testid={format!("solve-{key}")} aria-expanded={open.to_string()} onclick={toggle.clone()}>{s.solve}</button>
    };
    if !*open {
        return button;
    }
    // An answer, what it gives, and its accept button; `prefix` names the
    // hooks (`solve-result`, `solve-accept`).
    let answer_of = |sol: &Solution, prefix: &str| {
        let mut after = (*props.scenario).clone();
        *after.growth_mut(key) = sol.table.clone();
        let v = TargetVerdict::judge(&props.plan, &after, key);
        let answer = match *mode {
            SolveMode::Uniform => {
                format!("{} {}%", x.solve_uniform_result, Growth::from_bp(sol.bp).unwrap_or_default())
            }
            SolveMode::Shift => format!(
                "{} {} {}",
                x.solve_shift_result,
                format::signed_pct(f64::from(sol.bp) / 100.0, 2).trim_end_matches('%'),
                x.solve_points
            ),
        };
        let accept = {
            let (d, table, open) = (props.dispatch.clone(), sol.table.clone(), open.clone());
            Callback::from(move |_: MouseEvent| {
                d.dispatch(Action::SetTable(key, table.clone()));
                open.set(false);
            })
        };
        html! {
            <>
                <p class="solve-answer" data-testid={format!("{prefix}-result")} data-bp={sol.bp.to_string()}><strong>{answer}</strong></p>
                <p class="hint">
                    {x.solve_after}{" "}{s.projected}{" "}{lang.amount(v.projected)}{lang.comma()}
                    { if v.status == Status::Met { s.met } else { s.missed } }{lang.semicolon()}
                    {format!("{}/{} {}", v.units_doubled(), v.units.len(), s.units_doubled)}
                </p>
                <button type="button" class="btn primary" data-testid={format!("{prefix}-accept")} onclick={accept}>{x.solve_accept}</button>
            </>
        }
    };
    let body = match result.as_ref() {
        None => html! {},
        Some(Err(SolveError::NoYears)) => html! { <p class="field-error">{x.solve_no_years}</p> },
        Some(Err(SolveError::OutOfReach)) => {
            html! { <p class="field-error" data-testid="solve-result">{x.solve_out_of_reach}</p> }
        }
        Some(Ok(sol)) => answer_of(sol, "solve"),
    };
    let confident_body = props.scenario.uncertainty.on.then(|| {
        let r = lang.r();
        let on_text = {
            let wanted = wanted.clone();
            Callback::from(move |t: String| wanted.set(t))
        };
        let valid = parse_confidence(&wanted).is_some();
        let found = confident.as_ref().filter(|(w, _)| *w == *wanted).map(|(_, r)| r);
        let outcome = match (valid, found) {
            (false, _) => html! {},
            (true, None) => html! { <p class="hint" aria-busy="true">{lang.c().loading}</p> },
            (true, Some(Ok(sol))) => answer_of(sol, "solve-confident"),
            (true, Some(Err(_))) => html! { <p class="field-error" data-testid="solve-confident-result">{x.solve_out_of_reach}</p> },
        };
        html! {
            <div class="solve-confident">
                <ConfidenceField text={(*wanted).clone()} {lang} on_text={on_text} label={r.solve_confident} testid="solve-confidence" />
                {outcome}
            </div>
        }
    });
    html! {
        <div class="solve" role="group" aria-label={x.solve_heading}>
            {button}
            <div class="solve-box">
                <p class="solve-title">{x.solve_heading}</p>
                <label>{x.solve_from}{" "}
                    <select onchange={on_from} data-testid="solve-from">
                        { for years.iter().enumerate().skip(first_open).map(|(k, y)| html! { <option value={k.to_string()} selected={k == from_col}>{lang.year(*y)}</option> }) }
                    </select>
                </label>
                <select onchange={on_mode} data-testid="solve-mode" aria-label={s.solve}>
                    <option value="uniform" selected={*mode == SolveMode::Uniform}>{x.solve_mode_uniform}</option>
                    <option value="shift" selected={*mode == SolveMode::Shift}>{x.solve_mode_shift}</option>
                </select>
                {body}
                {confident_body.unwrap_or_default()}
                <button type="button" class="btn subtle" onclick={toggle}>{x.cancel}</button>
            </div>
        </div>
    }
}
