//! The 2022 bases of the shown indicator: one field per unit, the optional
//! unallocated part (市直、其他), the city sum and how it compares with the
//! plan-implied base (target ÷ 2), and where the figures come from. The
//! city target stays the figure the plan writes.

use yew::prelude::*;

use crate::components::amount_input::AmountInput;
use crate::components::bases_import::BasesImport;
use crate::components::percent_input::PercentInput;
use crate::components::source_field::SourceField;
use crate::components::IndicatorProps;
use crate::format;
use crate::i18n::Lang;
use crate::model::{Base, Growth, Unallocated};
use crate::state::Action;

/// A collapsible table of base fields.
#[component]
pub fn BasesEditor(props: &IndicatorProps) -> Html {
    let (lang, key) = (props.lang, props.indicator);
    let s = lang.s();
    let x = lang.x();
    let ind = props.plan.indicator(key);
    let inputs = props.scenario.inputs(key);
    let bases = props.scenario.bases(key);
    let units_sum: f64 = bases.iter().sum();
    let part = inputs.unallocated;
    let total = units_sum + part.map_or(0.0, |x| x.base.yi());
    let implied = ind.plan_implied_base();
    let diff = total - implied;
    let matches = diff.abs() < 0.005;
    html! {
        <details class="bases" data-testid={format!("bases-{key}")} open={props.open}>
            <summary>{s.bases_heading}{" · "}{lang.indicator_short(ind)}</summary>
            <p class="hint">{x.bases_hint}</p>
            <SourceField source={AttrValue::from(inputs.source().to_owned())} {lang} indicator={key} dispatch={props.dispatch.clone()} />
            <table class="units bases-table">
                <thead>
                    <tr>
                        <th scope="col">{s.unit}</th>
                        <th scope="col" class="n">{s.base_2022}<small>{s.yi_yuan}</small></th>
                        <th scope="col" class="n">{x.share}</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.plan.units.iter().enumerate().map(|(u, unit)| {
                        let value = bases.get(u).copied().unwrap_or(0.0);
                        let name: AttrValue = lang.unit_name(unit).to_owned().into();
                        html! {
                            <tr key={unit.id.clone()}>
                                <th scope="row">{name.clone()}</th>
                                <td class="n">
                                    <AmountInput value={value} lang={lang}
                                        label={format!("{name} {}", s.bases_heading)}
                                        testid={format!("base-{key}-{}", unit.id)}
                                        on_set={props.dispatch.to_callback().reform(move |base| Action::SetBase { indicator: key, unit: u, base })} />
                                </td>
                                <td class="n">{ if total > 0.0 { format!("{}%", crate::format::fixed(value / total * 100.0, 1)) } else { "—".to_owned() } }</td>
                            </tr>
                        }
                    }) }
                </tbody>
                <tfoot>
                    { unallocated_rows(part, units_sum, implied, total, lang, key, &props.dispatch) }
                    <tr>
                        <th scope="row">{s.city_total}</th>
                        <td class="n" data-testid={format!("bases-total-{key}")}>{format::yi(total)}</td>
                        <td class="n">{"100%"}</td>
                    </tr>
                    <tr>
                        <th scope="row">{x.plan_implied}</th>
                        <td class="n">{format::yi(implied)}</td>
                        <td></td>
                    </tr>
                </tfoot>
            </table>
            <p class={classes!("bases-note", (!matches).then_some("differs"))} data-testid={format!("bases-note-{key}")}>
                { if matches {
                    x.sum_matches.to_owned()
                } else {
                    {
                        let pct = format::signed_pct(diff / implied * 100.0, 1);
                        match lang {
                            Lang::Zh => format!("{} {}（{pct}）。", x.sum_differs, lang.signed_amount(diff)),
                            Lang::En => format!("{} {} ({pct}).", x.sum_differs, lang.signed_amount(diff)),
                        }
                    }
                } }
                {" "}{x.target_stays}{" "}{lang.target_amount(ind.city_target)}{lang.stop()}
            </p>
            <BasesImport plan={props.plan.clone()} lang={lang} dispatch={props.dispatch.clone()} />
        </details>
    }
}

/// The unallocated part's rows: its base and growth with a remove button,
/// and the units' sum; or the button that adds it (starting from what the
/// units leave of the plan-implied base, growing 0 %).
fn unallocated_rows(
    part: Option<Unallocated>,
    units_sum: f64,
    implied: f64,
    total: f64,
    lang: Lang,
    key: crate::model::IndicatorKey,
    dispatch: &UseReducerDispatcher<crate::state::AppState>,
) -> Html {
    let s = lang.s();
    let x = lang.x();
    let Some(now) = part else {
        let start =
            Unallocated { base: Base::new((implied - units_sum).max(0.0)).unwrap_or(Base::ZERO), growth: Growth::ZERO };
        let add = dispatch.to_callback().reform(move |_: MouseEvent| Action::SetUnallocated(key, Some(start)));
        return html! {
            <tr>
                <td colspan="3">
                    <button type="button" class="btn subtle" data-testid={format!("unallocated-add-{key}")} onclick={add}>{"＋ "}{x.unallocated_add}</button>
                    <p class="hint">{x.unallocated_hint}</p>
                </td>
            </tr>
        };
    };
    let to = dispatch.to_callback();
    let set_base = to.reform(move |base| Action::SetUnallocated(key, Some(Unallocated { base, ..now })));
    let set_growth = to.reform(move |growth| Action::SetUnallocated(key, Some(Unallocated { growth, ..now })));
    let remove = to.reform(move |_: MouseEvent| Action::SetUnallocated(key, None));
    html! {
        <>
            <tr>
                <th scope="row">{x.units_sum}</th>
                <td class="n">{format::yi(units_sum)}</td>
                <td class="n">{ if total > 0.0 { format!("{}%", crate::format::fixed(units_sum / total * 100.0, 1)) } else { "—".to_owned() } }</td>
            </tr>
            <tr class="unallocated" data-testid={format!("unallocated-{key}")}>
                <th scope="row">{x.unallocated_heading}</th>
                <td class="n">
                    <AmountInput value={now.base.yi()} {lang} label={format!("{} {}", x.unallocated_heading, s.bases_heading)}
                        testid={format!("unallocated-base-{key}")} on_set={set_base} />
                </td>
                <td class="n">
                    <button type="button" class="btn subtle small" data-testid={format!("unallocated-remove-{key}")} onclick={remove}
                        aria-label={x.unallocated_remove} title={x.unallocated_remove}>{"×"}</button>
                </td>
            </tr>
            <tr class="unallocated">
                <th scope="row">{x.unallocated_growth}</th>
                <td class="n">
                    <PercentInput value={now.growth} {lang} label={format!("{} {}", x.unallocated_heading, x.unallocated_growth)}
                        testid={AttrValue::from(format!("unallocated-growth-{key}"))} on_set={set_growth} />
                </td>
                <td></td>
            </tr>
            <tr><td colspan="3"><p class="hint">{x.unallocated_hint}</p></td></tr>
        </>
    }
}
