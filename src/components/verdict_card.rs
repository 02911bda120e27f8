//! One target's verdict: projected against target, met or missed, by how
//! much, how many units double, how many cells miss a floor, and the growth
//! still required.

use yew::prelude::*;

use crate::format;
use crate::i18n::chance::probability_text;
use crate::i18n::Lang;
use crate::model::uncertainty::{Chance, Likelihood};
use crate::model::{IndicatorKey, Requirement, Status, TargetVerdict};
use crate::state::PlanRef;

/// Props of [`VerdictCard`].
#[derive(Properties, PartialEq, Clone)]
pub struct VerdictCardProps {
    /// The plan, for names.
    pub plan: PlanRef,
    /// The verdict to show.
    pub verdict: TargetVerdict,
    /// The chance of reaching the target, while uncertainty is on.
    #[prop_or_default]
    pub chance: Option<Chance>,
    /// Whether the chance was drawn for the scenario on screen (else a
    /// newer one is on its way).
    #[prop_or_default]
    pub chance_current: bool,
    /// Whether this indicator's grid is on screen.
    pub selected: bool,
    /// Interface language.
    pub lang: Lang,
    /// Shows an indicator's grid: called with this card's (one stable
    /// callback for every card, so that a card whose verdict did not change
    /// is not rendered again).
    pub on_select: Callback<IndicatorKey>,
}

/// A required growth in words: "29.40%" (rounded up, a sign only when
/// negative), "已达标", or why there is none.
pub fn requirement_text(lang: Lang, r: Requirement) -> String {
    let s = lang.s();
    match r {
        Requirement::AlreadyMet => s.already_met.to_owned(),
        Requirement::Growth(p) => format::required_rate(p),
        Requirement::AboveRange(p) => match lang {
            Lang::Zh => format!("{}（{}）", format::required_rate(p), s.above_range),
            Lang::En => format!("{} ({})", format::required_rate(p), s.above_range),
        },
        Requirement::Unreachable => s.unreachable.to_owned(),
    }
}

/// The target year's rate as the scenario has it next to the rate it
/// needs: "2026年 现为 5.00% → 需 29.40%", so that the requirement cannot be
/// read as points on top. `year` labels it; a table whose header says the
/// year passes `None`.
pub fn now_and_needed(lang: Lang, year: Option<u16>, current: Option<f64>, required: Requirement) -> Html {
    let s = lang.s();
    let now = current.map_or_else(|| "—".to_owned(), |p| format!("{}%", format::growth_text(p)));
    let needed = match required {
        Requirement::AlreadyMet => html! { <span class="needed ok">{s.already_met}</span> },
        Requirement::Unreachable => html! { <span class="needed">{s.unreachable}</span> },
        r => {
            html! { <span class="needed">{s.needs}{" "}<strong class="required-value">{requirement_text(lang, r)}</strong></span> }
        }
    };
    html! {
        <span class="now-needed">
            if let Some(year) = year {
                <span class="label">{lang.year(year)}{" "}{s.now_at}</span>{" "}
            }
            <span class="now">{now}</span>
            <span class="arrow" aria-hidden="true">{" → "}</span>
            <span class="sr-only">{lang.comma()}</span>
            {needed}
        </span>
    }
}

/// A class for the calibrated band a chance falls in: `likely` from
/// 可能 up, `unlikely` from 不太可能 down, `even` for 大致相当.
fn likelihood_class(c: Chance) -> &'static str {
    match Likelihood::of(c.p) {
        Likelihood::VirtuallyCertain | Likelihood::VeryLikely | Likelihood::Likely => "likely",
        Likelihood::AsLikelyAsNot => "even",
        Likelihood::Unlikely | Likelihood::VeryUnlikely | Likelihood::ExceptionallyUnlikely => "unlikely",
    }
}

/// The verdict card of one target.
#[component]
pub fn VerdictCard(props: &VerdictCardProps) -> Html {
    let v = &props.verdict;
    let lang = props.lang;
    let s = lang.s();
    let ind = props.plan.indicator(v.indicator);
    let met = v.status == Status::Met;
    let required_attr = match v.required {
        Requirement::Growth(p) | Requirement::AboveRange(p) => crate::format::fixed(p, 4),
        Requirement::AlreadyMet | Requirement::Unreachable => String::new(),
    };
    let required_kind = match v.required {
        Requirement::AlreadyMet => "met",
        Requirement::Growth(_) => "growth",
        Requirement::AboveRange(_) => "above-range",
        Requirement::Unreachable => "unreachable",
    };
    let gap_label = if met { s.margin } else { s.shortfall };
    let exact = v.exactly_met();
    let units_total = v.units.len();
    let breaches = v.breaches.len();
    let on_click = {
        let key = props.verdict.indicator;
        props.on_select.reform(move |_: MouseEvent| key)
    };
    html! {
        <article
            class={classes!("verdict", v.status.as_str(), props.selected.then_some("selected"))}
            data-testid={format!("verdict-{}", v.indicator)}
            data-status={v.status.as_str()}
            data-projected={crate::format::fixed(v.projected, 4)}
            data-required={required_attr}
            data-required-kind={required_kind}
            data-probability={props.chance.map(|c| crate::format::fixed(c.p, 4))}
            aria-live="polite"
        >
            <button type="button" class="verdict-head" onclick={on_click} aria-pressed={props.selected.to_string()}>
                <span class="verdict-name">{lang.indicator_short(ind)}</span>
                <span class="verdict-year">{lang.year(v.target_year)}</span>
            </button>
            <div class="verdict-main">
                <span class="badge">
                    <span aria-hidden="true">{ if met { "✓ " } else { "✗ " } }</span>
                    <span class="badge-text">{ if met { s.met } else { s.missed } }</span>
                </span>
                <span class="verdict-projected">
                    <span class="label">{s.projected}</span>
                    <strong>{format::yi(v.projected)}</strong>
                    <span class="unit-suffix">{s.yi_yuan}</span>
                </span>
                <span class="verdict-target">{s.target}{" "}{lang.target_amount(v.target)}</span>
            </div>
            <div class="verdict-gap">
                if exact {
                    <strong>{s.exactly_met}</strong>
                } else {
                    {gap_label}{" "}<strong>{lang.signed_amount(v.gap())}</strong>
                    {" ("}{format::signed_pct(v.gap_percent(), 1)}{")"}
                }
            </div>
            if let Some(c) = props.chance {
                <div class={classes!("verdict-chance", likelihood_class(c))} data-testid={format!("chance-{}", v.indicator)}
                    title={lang.standard_error(c)} aria-busy={(!props.chance_current).then_some("true")}>
                    <span class="label">{lang.c().chance}</span>
                    <strong class="chance-value">{probability_text(c)}</strong>
                    <span class="chance-word">{lang.likelihood(c.p)}</span>
                    <span class="chance-freq">{lang.frequency(c)}</span>
                    <span class="sr-only">{lang.comma()}{lang.standard_error(c)}</span>
                </div>
            }
            <div class="verdict-facts">
                <span class={classes!("fact", (v.units_doubled() < units_total).then_some("warn"))}>
                    <strong>{format!("{}/{}", v.units_doubled(), units_total)}</strong>{" "}{s.units_doubled}
                </span>
                <span class={classes!("fact", (breaches > 0).then_some("warn"))}>
                    <strong>{breaches}</strong>{" "}{s.cells_below_floor}
                </span>
            </div>
            <div class="verdict-required">
                {now_and_needed(lang, Some(v.target_year), v.current, v.required)}
                <span class="uniform" title={s.uniform_explain}>{lang.uniform_line(v.uniform_from, v.target_year, v.uniform)}</span>
            </div>
        </article>
    }
}
