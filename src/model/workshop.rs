//! A workshop's scenarios: finding the links in pasted text, each cell's
//! spread over the proposals and their median scenario, and the city
//! scenario composed from each unit's pledge. Pure; the workshop view
//! (issue 11) is built on it.

pub mod store;
pub mod table;

use super::codec::{LinkError, LinkState};
use super::growth::Growth;
use super::plan::{IndicatorKey, Plan};
use super::projection::{reaches, Projection};
use super::scenario::{Base, Scenario};
use super::verdict::{growth_to_reach, Requirement};

/// The shortest text taken for a bare code: a link's code is at least 19
/// characters (a version 1 link of the default scenario).
const MIN_BARE_CODE: usize = 16;

/// How many following lines a link cut by line breaks may run on to.
const MAX_CONTINUATION_LINES: usize = 4;

/// A link found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundLink {
    /// The code as it was found (lines joined).
    pub code: String,
    /// What it holds.
    pub state: LinkState,
}

/// A link in text that cannot be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    /// The code as it was found.
    pub code: String,
    /// Why it cannot be opened.
    pub error: LinkError,
}

/// What a text holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    /// Every scenario found, first occurrence first; a scenario met again
    /// is counted in `duplicates` instead.
    pub links: Vec<FoundLink>,
    /// Every link that cannot be opened, in order.
    pub refused: Vec<Refused>,
    /// How many links held a scenario already found.
    pub duplicates: usize,
}

fn is_code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// The run of code characters at the start of `text`.
fn code_run(text: &str) -> &str {
    let end = text.find(|c: char| !is_code_char(c)).unwrap_or(text.len());
    &text[..end]
}

/// The code after `s=` at `at` in `text`, with the lines it may run on to
/// when a chat program broke a long link: the shortest join that opens, or
/// the code as written with its error.
fn code_at(text: &str, at: usize, plan: &Plan) -> (String, usize, Result<LinkState, LinkError>) {
    let first = code_run(&text[at..]);
    let mut code = first.to_owned();
    let mut end = at + first.len();
    let written = LinkState::decode(&code, plan);
    if written.is_ok() {
        return (code, end, written);
    }
    for _ in 0..MAX_CONTINUATION_LINES {
        let rest = &text[end..];
        let Some(next) = rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix('\n')) else { break };
        let more = code_run(next);
        if more.is_empty() {
            break;
        }
        code.push_str(more);
        end += rest.len() - next.len() + more.len();
        if let Ok(state) = LinkState::decode(&code, plan) {
            return (code, end, Ok(state));
        }
    }
    (first.to_owned(), at + first.len(), written)
}

/// Every scenario link in `text`: full addresses (`…#s=CODE`, also after
/// other `&`-separated parameters) and bare codes, whatever surrounds them
/// (Chinese punctuation, brackets, line breaks inside a link). Bare codes
/// are runs of at least 16 link characters standing alone and starting as
/// every format version does (`A` or `B`); such a run that does not open is
/// refused with its error, like a broken link.
pub fn find_links(text: &str, plan: &Plan) -> Found {
    let mut found = Found::default();
    let mut add = |code: String, decoded: Result<LinkState, LinkError>| match decoded {
        Ok(state) => {
            if found.links.iter().any(|l| l.state.scenario == state.scenario) {
                found.duplicates += 1;
            } else {
                found.links.push(FoundLink { code, state });
            }
        }
        Err(error) => found.refused.push(Refused { code, error }),
    };
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        let after_marker = (rest.starts_with("#s=") || rest.starts_with("&s=")).then_some(i + 3);
        if let Some(at) = after_marker {
            let (code, end, decoded) = code_at(text, at, plan);
            if !code.is_empty() {
                add(code, decoded);
            }
            i = end.max(at);
            continue;
        }
        if is_code_char(c) {
            let run = code_run(rest);
            // Standing alone: not a piece of an address or a word.
            let before = text[..i].chars().next_back();
            let alone = before.is_none_or(|b| !matches!(b, '/' | '=' | '.' | '?' | '&' | '#' | ':' | '@' | '%' | '+'));
            if alone && run.len() >= MIN_BARE_CODE && run.starts_with(['A', 'B']) {
                add(run.to_owned(), LinkState::decode(run, plan));
            }
            i += run.len();
            continue;
        }
        i += c.len_utf8();
    }
    found
}

/// A value's spread over the proposals: the five-number summary (quartiles
/// as spreadsheets' QUARTILE.INC computes them, linear between order
/// statistics) and how many differ from the default.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    /// The lowest.
    pub min: f64,
    /// The first quartile.
    pub q1: f64,
    /// The median (for an even count, the mean of the two middle values).
    pub median: f64,
    /// The third quartile.
    pub q3: f64,
    /// The highest.
    pub max: f64,
    /// How many entries differ from the default scenario here.
    pub changed: usize,
}

/// The quantile `p` of sorted `values`, linear between order statistics
/// (position (n − 1)·p).
fn quantile_inc(sorted: &[f64], p: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else { return 0.0 };
    // At most a few hundred entries: exact in f64.
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let (pos, lo) = {
        let pos = last as f64 * p;
        (pos, pos.floor() as usize)
    };
    let hi = (lo + 1).min(last);
    #[allow(clippy::cast_precision_loss)]
    let frac = pos - lo as f64;
    sorted[lo] + (sorted[hi] - sorted[lo]) * frac
}

/// The spread of `values`, `default` being the default scenario's value.
pub fn spread(values: &[f64], default: f64) -> Spread {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    Spread {
        min: sorted.first().copied().unwrap_or(0.0),
        q1: quantile_inc(&sorted, 0.25),
        median: quantile_inc(&sorted, 0.5),
        q3: quantile_inc(&sorted, 0.75),
        max: sorted.last().copied().unwrap_or(0.0),
        changed: values.iter().filter(|v| v.to_bits() != default.to_bits()).count(),
    }
}

/// The median of whole numbers (basis points, 万元): for an even count the
/// mean of the two middle ones, rounded half away from zero.
pub fn median_whole(values: &[i64]) -> i64 {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    if n == 0 {
        return 0;
    }
    if n % 2 == 1 {
        return sorted[n / 2];
    }
    let sum = sorted[n / 2 - 1] + sorted[n / 2];
    // Half away from zero: an odd sum's half goes outwards.
    if sum % 2 == 0 {
        sum / 2
    } else if sum > 0 {
        sum / 2 + 1
    } else {
        sum / 2 - 1
    }
}

/// The median scenario of `entries`, cell by cell and base by base (see
/// [`median_whole`]); everything else (name, reported years, unallocated
/// parts, sources, uncertainty) from `entries[reference]`. `None` without
/// entries.
pub fn median_scenario(entries: &[Scenario], reference: usize) -> Option<Scenario> {
    let mut out = entries.get(reference).or(entries.first())?.clone();
    for key in IndicatorKey::ALL {
        let (units, years) = (out.growth(key).units(), out.growth(key).years());
        for u in 0..units {
            for y in 0..years {
                let cells: Vec<i64> =
                    entries.iter().filter_map(|e| e.growth(key).get(u, y)).map(|g| i64::from(g.bp())).collect();
                let bp = i32::try_from(median_whole(&cells)).ok().and_then(|bp| Growth::from_bp(bp).ok());
                if let Some(g) = bp {
                    out.growth_mut(key).set(u, y, g);
                }
            }
            let bases: Vec<i64> = entries
                .iter()
                .filter_map(|e| e.bases(key).get(u))
                .map(|b| i64::try_from(Base::new(*b).map_or(0, Base::wan)).unwrap_or(i64::MAX))
                .collect();
            let wan = u64::try_from(median_whole(&bases)).ok();
            if let Some(base) = wan.and_then(|w| Base::from_wan(w).ok()) {
                out.set_base(key, u, base);
            }
        }
    }
    Some(out)
}

/// Whether `scenario`'s growth or 2022 base of `unit` differs from
/// `default`'s in any cell of any indicator (what [`compose`] takes from
/// its owner).
pub fn pledges(scenario: &Scenario, default: &Scenario, unit: usize) -> bool {
    IndicatorKey::ALL.iter().any(|k| {
        scenario.growth(*k).row(unit) != default.growth(*k).row(unit)
            || scenario.bases(*k).get(unit) != default.bases(*k).get(unit)
    })
}

/// Per unit, the entries that speak for it by default: those whose growth
/// of the unit differs from the default scenario. More than one is a claim
/// the facilitator settles.
pub fn claims(plan: &Plan, entries: &[Scenario]) -> Vec<Vec<usize>> {
    let default = Scenario::default_for(plan);
    (0..plan.units.len()).map(|u| (0..entries.len()).filter(|e| pledges(&entries[*e], &default, u)).collect()).collect()
}

/// The city scenario of the pledges: each unit with an owner (`owners[u]`,
/// an index into `entries`) takes its growth rows in the open years, its
/// ranges and its 2022 bases, in all four indicators, from that entry; the
/// other units, the reported years, the unallocated parts, sources and
/// uncertainty settings are the reference entry's. `None` without a
/// reference.
pub fn compose(entries: &[Scenario], reference: usize, owners: &[Option<usize>]) -> Option<Scenario> {
    let mut out = entries.get(reference)?.clone();
    for (u, owner) in owners.iter().enumerate() {
        let Some(from) = owner.and_then(|e| entries.get(e)) else { continue };
        for key in IndicatorKey::ALL {
            let open = out.inputs(key).reported_years();
            for y in open..out.growth(key).years() {
                if let Some(g) = from.growth(key).get(u, y) {
                    out.growth_mut(key).set(u, y, g);
                }
                if let Some(r) = from.inputs(key).ranges.get(u, y) {
                    out.inputs_mut(key).ranges.set(u, y, r);
                }
            }
            if let Some(base) = from.bases(key).get(u).and_then(|b| Base::new(*b).ok()) {
                out.set_base(key, u, base);
            }
        }
    }
    Some(out)
}

/// The growth every unit without an owner (`owners[u]` is `None`) would
/// need in the target year of `key`, all alike and with the earlier years
/// as `composed` has them, for the city total to just reach the target,
/// the pledged units and the unallocated part as they are. `None` when
/// every unit is pledged; `Unreachable` when the target year is reported
/// or the unpledged units have nothing to grow from.
pub fn unpledged_need(
    plan: &Plan,
    composed: &Scenario,
    owners: &[Option<usize>],
    key: IndicatorKey,
) -> Option<Requirement> {
    let free: Vec<usize> = (0..plan.units.len()).filter(|u| owners.get(*u).copied().flatten().is_none()).collect();
    if free.is_empty() {
        return None;
    }
    let inputs = composed.inputs(key);
    let projection = Projection::of(inputs);
    let target = plan.indicator(key).city_target;
    if reaches(projection.city_final(), target) {
        return Some(Requirement::AlreadyMet);
    }
    let years = plan.years(key).count();
    let fixed: f64 = (0..plan.units.len()).filter(|u| !free.contains(u)).map(|u| projection.unit_final(u)).sum();
    let from: f64 = free.iter().map(|u| projection.unit_before_final(*u)).sum();
    let rest = projection.unallocated_at(years);
    let open = usize::from(inputs.reported_years() < years);
    Some(growth_to_reach(from, target - rest - fixed, open))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    fn plan() -> Plan {
        Plan::shipped().expect("the shipped plan parses")
    }

    fn g(bp: i32) -> Growth {
        Growth::from_bp(bp).expect("in range")
    }

    fn link(plan: &Plan, s: &Scenario) -> String {
        LinkState { scenario: s.clone(), lang: Lang::Zh, indicator: None }.encode(plan)
    }

    #[test]
    fn medians_of_odd_and_even_counts_round_half_away_from_zero() {
        assert_eq!(median_whole(&[3, 1, 2]), 2);
        assert_eq!(median_whole(&[4, 1, 3, 2]), 3); // (2 + 3) / 2 = 2.5 → 3
        assert_eq!(median_whole(&[-2, -3]), -3); // −2.5 → −3
        assert_eq!(median_whole(&[1, 1, 5, 5]), 3);
        assert_eq!(median_whole(&[7, 7, 7, 9]), 7); // ties
        assert_eq!(median_whole(&[-1, 2]), 1); // 0.5 → 1
        assert_eq!(median_whole(&[-2, 1]), -1); // −0.5 → −1
        assert_eq!(median_whole(&[]), 0);
    }

    #[test]
    fn spreads_use_inclusive_quartiles() {
        // QUARTILE.INC of 1, 2, 3, 4: 1.75, 2.5, 3.25.
        let s = spread(&[4.0, 1.0, 3.0, 2.0], 2.0);
        assert_eq!((s.min, s.q1, s.median, s.q3, s.max), (1.0, 1.75, 2.5, 3.25, 4.0));
        assert_eq!(s.changed, 3);
        let one = spread(&[5.0], 5.0);
        assert_eq!((one.min, one.q1, one.median, one.q3, one.max, one.changed), (5.0, 5.0, 5.0, 5.0, 5.0, 0));
    }

    #[test]
    fn the_median_scenario_goes_cell_by_cell_and_base_by_base() {
        let plan = plan();
        let key = IndicatorKey::Funds;
        let mut entries = vec![Scenario::default_for(&plan); 4];
        for (e, bp) in [3000, 3100, 3200, 3301].iter().enumerate() {
            entries[e].growth_mut(key).set(0, 1, g(*bp));
        }
        entries[1].set_base(key, 2, Base::new(31.0).expect("a base"));
        entries[3].set_base(key, 2, Base::new(33.0).expect("a base"));
        entries[2].name = "第三桌".into();
        let m = median_scenario(&entries, 2).expect("entries");
        // (3100 + 3200) / 2 = 3150 bp.
        assert_eq!(m.growth(key).get(0, 1), Some(g(3150)));
        // Bases 30.8, 31, 30.8, 33 (default 280 × 11 % = 30.8): (30.8 + 31) / 2 = 30.9.
        assert!((m.bases(key)[2] - 30.9).abs() < 1e-9, "{}", m.bases(key)[2]);
        assert_eq!(m.name, "第三桌");
        // Cells nobody changed stay.
        assert_eq!(m.growth(key).get(1, 0), Scenario::default_for(&plan).growth(key).get(1, 0));
    }

    #[test]
    fn pledges_compose_unit_by_unit_over_the_reference() {
        let plan = plan();
        let default = Scenario::default_for(&plan);
        let key = IndicatorKey::ValueAdded;
        let mut reference = default.clone();
        reference.inputs_mut(key).set_reported_years(1);
        reference.growth_mut(key).set(0, 0, g(1300));
        let mut nanle = default.clone();
        nanle.growth_mut(key).set(3, 3, g(3500));
        nanle.growth_mut(key).set(3, 0, g(900)); // a reported year: the reference's stays
        nanle.growth_mut(IndicatorKey::Funds).set(3, 1, g(4000));
        nanle.set_base(key, 3, Base::new(22.0).expect("a base"));
        let mut shifan = default.clone();
        shifan.growth_mut(key).set(8, 2, g(2500));
        let entries = vec![reference.clone(), nanle, shifan];
        let claimed = claims(&plan, &entries);
        assert_eq!(claimed[0], vec![0]);
        assert_eq!(claimed[3], vec![1]);
        assert_eq!(claimed[8], vec![2]);
        assert!(claimed[5].is_empty());
        let mut owners = vec![None; plan.units.len()];
        owners[3] = Some(1);
        owners[8] = Some(2);
        let c = compose(&entries, 0, &owners).expect("a reference");
        assert_eq!(c.growth(key).get(3, 3), Some(g(3500)));
        assert_eq!(c.growth(IndicatorKey::Funds).get(3, 1), Some(g(4000)));
        assert_eq!(c.growth(key).get(3, 0), reference.growth(key).get(3, 0));
        assert_eq!(c.bases(key)[3].to_bits(), 22.0_f64.to_bits());
        assert_eq!(c.growth(key).get(8, 2), Some(g(2500)));
        assert_eq!(c.growth(key).get(0, 0), Some(g(1300)));
        assert_eq!(c.inputs(key).reported_years(), 1);
        assert_eq!(compose(&entries, 5, &owners), None);
    }

    #[test]
    fn links_are_found_in_a_chat_with_punctuation_line_breaks_bare_codes_and_duplicates() {
        let plan = plan();
        let mut a = Scenario::default_for(&plan);
        a.name = "第一桌".into();
        a.growth_mut(IndicatorKey::Funds).set(0, 1, g(3600));
        let mut b = Scenario::default_for(&plan);
        b.name = "第二桌（南乐县）".into();
        for y in 0..4 {
            b.growth_mut(IndicatorKey::ValueAdded).set(3, y, g(2000 + 100 * i32::try_from(y).expect("small")));
        }
        let mut c = Scenario::default_for(&plan);
        c.growth_mut(IndicatorKey::Capacity).set(6, 2, g(1500));
        let (ca, cb, cc) = (link(&plan, &a), link(&plan, &b), link(&plan, &c));
        let (head, tail) = cb.split_at(cb.len() / 2);
        let mut tampered = ca.clone().into_bytes();
        tampered[10] = if tampered[10] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(tampered).expect("ascii");
        let chat = format!(
            "张三 10:02\n我们桌的方案：https://example.org/sandbox/#s={ca}。请查收！\n\
             李四 10:05\n【南乐县】https://example.org/sandbox/#lang=zh&s={head}\n{tail}\n\
             王五 10:07\n{cc}\n\
             张三 10:09\n再发一次 https://example.org/sandbox/#s={ca}，\n\
             赵六 10:11\n（坏的）https://example.org/sandbox/#s={tampered}\n\
             钱七 10:12\nhttps://example.org/img/ABCDEFGHIJKLMNOPQRSTUV.png 看图"
        );
        let found = find_links(&chat, &plan);
        let names: Vec<&str> = found.links.iter().map(|l| l.state.scenario.name.as_str()).collect();
        assert_eq!(names, ["第一桌", "第二桌（南乐县）", ""]);
        assert_eq!(found.links[1].code, cb, "the link cut by a line break is joined");
        assert_eq!(found.links[2].state.scenario, c, "a bare code");
        assert_eq!(found.duplicates, 1);
        assert_eq!(found.refused, vec![Refused { code: tampered, error: LinkError::Checksum }]);
        assert_eq!(find_links("没有链接，只有文字 and words.", &plan), Found::default());
    }

    #[test]
    fn a_link_cut_short_is_refused_as_written() {
        let plan = plan();
        let mut a = Scenario::default_for(&plan);
        a.growth_mut(IndicatorKey::Funds).set(0, 1, g(3600));
        let code = link(&plan, &a);
        let cut = &code[..code.len() - 6];
        let found = find_links(&format!("看这个：#s={cut}\n下一行文字"), &plan);
        assert!(found.links.is_empty());
        assert_eq!(found.refused.len(), 1);
        assert_eq!(found.refused[0].code, cut);
    }

    #[test]
    fn a_corrected_base_alone_is_a_pledge() {
        let plan = plan();
        let default = Scenario::default_for(&plan);
        let mut based = default.clone();
        based.set_base(IndicatorKey::Capacity, 4, Base::new(123.4).expect("a base"));
        assert!(pledges(&based, &default, 4));
        assert!(!pledges(&based, &default, 3));
        assert_eq!(claims(&plan, &[default, based])[4], vec![1]);
    }

    #[test]
    fn the_unpledged_units_need_the_growth_that_just_reaches_the_target() {
        let plan = plan();
        let key = IndicatorKey::ValueAdded;
        let mut pledged = Scenario::default_for(&plan);
        let last = pledged.growth(key).years() - 1;
        pledged.growth_mut(key).set(0, last, g(-500));
        let owners: Vec<Option<usize>> = (0..plan.units.len()).map(|u| (u == 0).then_some(0)).collect();
        let Some(Requirement::Growth(p)) = unpledged_need(&plan, &pledged, &owners, key) else {
            panic!("a growth in range is needed");
        };
        // The unpledged units at that growth, unit 0 as pledged: the city just reaches the target.
        let projection = Projection::of(pledged.inputs(key));
        let years = plan.years(key).count();
        let mut total = projection.unit_final(0) + projection.unallocated_at(years);
        for u in 1..plan.units.len() {
            total += projection.unit_before_final(u) * (1.0 + p / 100.0);
        }
        let target = plan.indicator(key).city_target;
        assert!((total - target).abs() < 1e-9 * target, "{total} against {target}");
        // Met as it stands, and nothing unpledged.
        let mut met = pledged.clone();
        met.growth_mut(key).set_where(g(5000), |_, _| true);
        assert_eq!(unpledged_need(&plan, &met, &owners, key), Some(Requirement::AlreadyMet));
        let all: Vec<Option<usize>> = vec![Some(0); plan.units.len()];
        assert_eq!(unpledged_need(&plan, &pledged, &all, key), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

        /// Any text: no panic, and what is found opens to what is reported.
        #[test]
        fn any_text_gives_links_that_open_and_refusals_that_do_not(
            noise in "[A-Za-z0-9_#&=:/。，\\- \n\r]{0,120}",
            cut in 0usize..40,
        ) {
            let plan = plan();
            let mut a = Scenario::default_for(&plan);
            a.growth_mut(IndicatorKey::Funds).set(0, 1, g(3600));
            let code = link(&plan, &a);
            let text = format!("{noise}#s={}{noise}\n{}", &code[..code.len() - cut.min(code.len())], &code[code.len() - cut.min(code.len())..]);
            let found = find_links(&text, &plan);
            for l in &found.links {
                let opened = LinkState::decode(&l.code, &plan);
                proptest::prop_assert_eq!(opened.as_ref(), Ok(&l.state));
            }
            for r in &found.refused {
                proptest::prop_assert_eq!(LinkState::decode(&r.code, &plan), Err(r.error.clone()));
            }
        }
    }
}
