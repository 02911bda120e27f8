//! Chart data: everything a chart shows, computed once from the plan, the
//! scenario and its verdict, with labels in the current language. Pure.

use crate::format;
use crate::i18n::Lang;
use crate::model::uncertainty::Outlook;
use crate::model::{
    contributions, Contributor, IndicatorKey, Plan, Projection, Scenario, Status, TargetVerdict, YearGrowth,
};

/// The three kinds of chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// City total by year, stacked by unit, against target and doubling.
    Path,
    /// Each unit's multiple of its own base.
    Units,
    /// Growth minus floor, unit by year.
    Floors,
    /// Each unit's contribution to the city's margin or shortfall.
    Gap,
}

impl ChartKind {
    /// Every kind.
    pub const ALL: [ChartKind; 4] = [ChartKind::Path, ChartKind::Units, ChartKind::Floors, ChartKind::Gap];

    /// `path`, `units`, `floors`: the kind in `data-testid`s and file names.
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::Path => "path",
            ChartKind::Units => "units",
            ChartKind::Floors => "floors",
            ChartKind::Gap => "gap",
        }
    }
}

/// The path to the target.
#[derive(Clone, Debug, PartialEq)]
pub struct PathData {
    /// Chart title.
    pub title: String,
    /// Unit of the y axis (亿元).
    pub y_title: String,
    /// Title of the x axis.
    pub x_title: String,
    /// Year labels, base year first.
    pub years: Vec<String>,
    /// Unit names, in stacking order.
    pub units: Vec<String>,
    /// `values[u][k]`: unit `u` in year `k`, 亿元.
    pub values: Vec<Vec<f64>>,
    /// City totals by year, 亿元.
    pub totals: Vec<f64>,
    /// The city target, 亿元, and its label.
    pub target: f64,
    /// e.g. 目标 560亿元.
    pub target_label: String,
    /// Twice the 2022 city total, 亿元, and its label.
    pub doubling: f64,
    /// e.g. 翻番线 2×2022 = 560.0.
    pub doubling_label: String,
    /// City totals with every unit on the floors, from the base year through
    /// the last year with a floor.
    pub floor_path: Vec<f64>,
    /// Legend text of the floor path.
    pub floor_label: String,
    /// Gap annotation at the target year, e.g. 缺口 −12.3亿元.
    pub gap_label: String,
    /// Whether the target is met.
    pub met: bool,
    /// A small multiple: no legend, fewer labels.
    pub compact: bool,
    /// Scenario A's city totals by year, with its legend label, when A is
    /// pinned for comparison.
    pub compare: Option<(String, Vec<f64>)>,
    /// The city total's spread while uncertainty is on (boxed: most paths
    /// have none).
    pub fan: Option<Box<Fan>>,
}

/// The city total's percentiles by year, for fan bands.
#[derive(Clone, Debug, PartialEq)]
pub struct Fan {
    /// Per year from the base year: the 5th, 25th, 50th, 75th and 95th
    /// percentiles, 亿元.
    pub bands: Vec<[f64; 5]>,
    /// Legend texts: the 90 % band, the 50 % band, the median.
    pub labels: [String; 3],
}

/// One unit's bar.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitBar {
    /// Unit name.
    pub name: String,
    /// Unit index in the plan.
    pub unit: Option<usize>,
    /// Projected ÷ base; 0 for a zero base.
    pub multiple: f64,
    /// Whether the unit doubles.
    pub met: bool,
    /// The 5th and 95th percentiles of the multiple, while uncertainty is
    /// on.
    pub range: Option<(f64, f64)>,
}

/// Units against their own doubling, laggards first.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitsData {
    /// Chart title.
    pub title: String,
    /// Title of the x axis.
    pub x_title: String,
    /// Bars sorted by multiple, smallest first.
    pub bars: Vec<UnitBar>,
    /// Label of the 2.0× reference line.
    pub reference_label: String,
    /// Legend texts: met, missed.
    pub legend: [String; 2],
    /// Legend text of the ranges, when bars carry them.
    pub range_label: Option<String>,
}

/// One cell of the floor map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FloorCell {
    /// The growth, percent: as set, or as reported figures give it.
    pub growth: f64,
    /// Growth minus floor in percentage points; `None` where the plan sets
    /// no floor for the year.
    pub diff: Option<f64>,
}

/// Unit × year map of growth against the floors.
#[derive(Clone, Debug, PartialEq)]
pub struct FloorMapData {
    /// Chart title.
    pub title: String,
    /// Row labels (units).
    pub units: Vec<String>,
    /// Column labels: year and its floor note.
    pub columns: Vec<(String, String)>,
    /// `cells[u][k]`.
    pub cells: Vec<Vec<FloorCell>>,
    /// Legend texts: below, above, no floor.
    pub legend: [String; 3],
}

/// One row of the gap breakdown.
#[derive(Clone, Debug, PartialEq)]
pub struct GapBar {
    /// Unit name, or the unallocated part's.
    pub name: String,
    /// Projected minus its share of the target, 亿元.
    pub amount: f64,
}

/// Who carries the target: each unit's contribution to the city's margin
/// (positive) or shortfall (negative), largest first, and the city total.
#[derive(Clone, Debug, PartialEq)]
pub struct GapData {
    /// Chart title, saying the order.
    pub title: String,
    /// Bars, largest contribution first.
    pub bars: Vec<GapBar>,
    /// The city row's label and amount (the sum of the bars).
    pub total: (String, f64),
    /// Title of the x axis.
    pub x_title: String,
    /// Legend texts: adds to the margin, adds to the shortfall.
    pub legend: [String; 2],
}

/// Any chart's data.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartData {
    /// See [`PathData`].
    Path(PathData),
    /// See [`UnitsData`].
    Units(UnitsData),
    /// See [`FloorMapData`].
    Floors(FloorMapData),
    /// See [`GapData`].
    Gap(GapData),
}

/// The numbers behind a chart, for a screen-reader table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartTable {
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}

/// "A：B（C）" in Chinese, "A: B (C)" in English.
fn titled(lang: Lang, a: &str, b: &str, c: &str) -> String {
    match lang {
        Lang::Zh => format!("{a}：{b}（{c}）"),
        Lang::En => format!("{a}: {b} ({c})"),
    }
}

impl ChartData {
    /// Which kind.
    pub fn kind(&self) -> ChartKind {
        match self {
            ChartData::Path(_) => ChartKind::Path,
            ChartData::Units(_) => ChartKind::Units,
            ChartData::Floors(_) => ChartKind::Floors,
            ChartData::Gap(_) => ChartKind::Gap,
        }
    }

    /// The chart's title.
    pub fn title(&self) -> &str {
        match self {
            ChartData::Path(d) => &d.title,
            ChartData::Units(d) => &d.title,
            ChartData::Floors(d) => &d.title,
            ChartData::Gap(d) => &d.title,
        }
    }

    /// The page's large chart of `kind` for `key` (as the charts panel
    /// draws it: the path with scenario A's totals when one is pinned), for
    /// its download, which the on-demand panels make.
    pub fn large(
        plan: &Plan,
        kind: ChartKind,
        key: IndicatorKey,
        scenario: &Scenario,
        pinned: Option<&Scenario>,
        lang: Lang,
    ) -> Self {
        let verdict = TargetVerdict::judge(plan, scenario, key);
        match kind {
            ChartKind::Path => ChartData::path(plan, scenario, &verdict, lang, false, pinned),
            ChartKind::Units => ChartData::units(plan, &verdict, lang),
            ChartKind::Floors => ChartData::floors(plan, scenario, key, lang),
            ChartKind::Gap => ChartData::gap(plan, &verdict, lang),
        }
    }

    /// The path chart of `key`, with scenario A's totals beside it when
    /// `compare` holds one.
    pub fn path(
        plan: &Plan,
        scenario: &Scenario,
        verdict: &TargetVerdict,
        lang: Lang,
        compact: bool,
        compare: Option<&Scenario>,
    ) -> Self {
        let key = verdict.indicator;
        let ind = plan.indicator(key);
        let s = lang.s();
        let projection = Projection::of(scenario.inputs(key));
        let base_total = projection.city.first().copied().unwrap_or(0.0);
        let mut factor = 1.0;
        let mut floor_path = vec![base_total];
        for year in plan.years(key) {
            match ind.floor(year) {
                Some(f) => {
                    factor *= f.factor();
                    floor_path.push(base_total * factor);
                }
                None => break,
            }
        }
        let gap = verdict.gap();
        let gap_word = if verdict.status == Status::Met { s.margin } else { s.shortfall };
        let exact = verdict.exactly_met();
        // Small multiples are a few hundred pixels wide: figures without units.
        let (title, target_label, gap_label) = if compact {
            (
                lang.indicator_short(ind).to_owned(),
                format!("{} {}", s.target_line, format::yi_plain(ind.city_target)),
                if exact { s.exactly_met.to_owned() } else { format!("{gap_word} {}", format::signed_yi(gap)) },
            )
        } else {
            (
                titled(lang, lang.indicator_short(ind), s.chart_path, s.yi_yuan),
                format!("{} {}", s.target_line, lang.target_amount(ind.city_target)),
                if exact { s.exactly_met.to_owned() } else { format!("{gap_word} {}", lang.signed_amount(gap)) },
            )
        };
        ChartData::Path(PathData {
            title,
            y_title: s.yi_yuan.to_owned(),
            x_title: s.axis_year.to_owned(),
            years: (plan.base_year..=ind.target_year).map(|y| y.to_string()).collect(),
            units: plan
                .units
                .iter()
                .map(|u| lang.unit_short(u).to_owned())
                .chain(projection.unallocated.as_ref().map(|_| s.unallocated_short.to_owned()))
                .collect(),
            values: projection.units.iter().chain(projection.unallocated.as_ref()).cloned().collect(),
            totals: projection.city.clone(),
            target: ind.city_target,
            target_label,
            doubling: 2.0 * base_total,
            doubling_label: format!("{} {}", s.doubling_line, format::yi(2.0 * base_total)),
            floor_path,
            floor_label: s.floor_path.to_owned(),
            gap_label,
            met: verdict.status == Status::Met,
            compact,
            compare: compare.map(|a| (s.compare_a_label.to_owned(), Projection::of(a.inputs(key)).city)),
            fan: None,
        })
    }

    /// The chart with what the draws say, while uncertainty is on: fan
    /// bands on a path chart, ranges on a units chart; other charts as
    /// they are.
    #[must_use]
    pub fn with_outlook(mut self, outlook: Option<&Outlook>, lang: Lang) -> Self {
        let Some(o) = outlook.filter(|o| o.uncertain) else { return self };
        let c = lang.c();
        match &mut self {
            ChartData::Path(d) => {
                d.fan = Some(Box::new(Fan {
                    bands: o.city.clone(),
                    labels: [c.fan_outer.to_owned(), c.fan_inner.to_owned(), c.fan_median.to_owned()],
                }));
            }
            ChartData::Units(d) => {
                for bar in &mut d.bars {
                    bar.range = bar.unit.and_then(|u| o.multiples.get(u).copied().flatten());
                }
                d.range_label = Some(c.multiple_range.to_owned());
            }
            ChartData::Floors(_) | ChartData::Gap(_) => {}
        }
        self
    }

    /// The units chart of a verdict.
    pub fn units(plan: &Plan, verdict: &TargetVerdict, lang: Lang) -> Self {
        let s = lang.s();
        let ind = plan.indicator(verdict.indicator);
        let mut bars: Vec<UnitBar> = verdict
            .units
            .iter()
            .map(|u| UnitBar {
                name: lang.unit_short(&plan.units[u.unit]).to_owned(),
                unit: Some(u.unit),
                multiple: u.multiple.unwrap_or(0.0),
                met: u.doubling == Status::Met,
                range: None,
            })
            .collect();
        crate::model::sort_short(&mut bars, |a, b| a.multiple.total_cmp(&b.multiple).is_lt());
        ChartData::Units(UnitsData {
            title: titled(lang, lang.indicator_short(ind), s.chart_units, &lang.year(ind.target_year)),
            x_title: s.axis_multiple.to_owned(),
            bars,
            reference_label: format!("{} 2.0×", s.doubling_line),
            legend: [s.legend_doubled.to_owned(), s.legend_not_doubled.to_owned()],
            range_label: None,
        })
    }

    /// The gap breakdown of a verdict (see [`crate::model::contribution`]).
    pub fn gap(plan: &Plan, verdict: &TargetVerdict, lang: Lang) -> Self {
        let s = lang.s();
        let ind = plan.indicator(verdict.indicator);
        let bars = contributions(verdict)
            .iter()
            .map(|c| GapBar {
                name: match c.who {
                    Contributor::Unit(u) => lang.unit_short(&plan.units[u]).to_owned(),
                    Contributor::Unallocated => s.unallocated_short.to_owned(),
                },
                amount: c.amount,
            })
            .collect();
        ChartData::Gap(GapData {
            title: titled(lang, lang.indicator_short(ind), s.chart_gap, &lang.year(ind.target_year)),
            bars,
            total: (s.city_total.to_owned(), verdict.gap()),
            x_title: s.yi_yuan.to_owned(),
            legend: [s.legend_carries.to_owned(), s.legend_short.to_owned()],
        })
    }

    /// The floor map of `key`.
    pub fn floors(plan: &Plan, scenario: &Scenario, key: IndicatorKey, lang: Lang) -> Self {
        let s = lang.s();
        let ind = plan.indicator(key);
        let inputs = scenario.inputs(key);
        let projection = Projection::of(inputs);
        let years: Vec<u16> = plan.years(key).collect();
        let cells = (0..plan.units.len())
            .map(|u| {
                years
                    .iter()
                    .enumerate()
                    .map(|(k, y)| {
                        // The growth set, or what reported levels imply.
                        let percent = inputs.year_growth(&projection, u, k).map_or(0.0, YearGrowth::percent);
                        FloorCell { growth: percent, diff: ind.floor(*y).map(|f| percent - f.percent()) }
                    })
                    .collect()
            })
            .collect();
        ChartData::Floors(FloorMapData {
            title: titled(lang, lang.indicator_short(ind), s.chart_floors, s.chart_floors_note),
            units: plan.units.iter().map(|u| lang.unit_short(u).to_owned()).collect(),
            columns: years
                .iter()
                .enumerate()
                .map(|(k, y)| {
                    let year =
                        if inputs.is_locked(k) { format!("{} {}", lang.year(*y), s.reported) } else { lang.year(*y) };
                    (year, ind.floor(*y).map_or_else(|| s.no_floor.to_owned(), |f| lang.floor(f)))
                })
                .collect(),
            cells,
            legend: [s.legend_below.to_owned(), s.legend_above.to_owned(), s.no_floor.to_owned()],
        })
    }

    /// One sentence that says what the chart shows, for `aria-label`.
    pub fn summary(&self, lang: Lang) -> String {
        let s = lang.s();
        match self {
            ChartData::Path(d) => {
                let last = d.years.last().cloned().unwrap_or_default();
                let total = d.totals.last().copied().unwrap_or(0.0);
                format!(
                    "{}. {} {}: {} {}; {}; {}",
                    d.title,
                    last,
                    s.projected,
                    format::yi(total),
                    s.yi_yuan,
                    d.target_label,
                    d.gap_label
                )
            }
            ChartData::Units(d) => {
                let doubled = d.bars.iter().filter(|b| b.met).count();
                let laggard = d.bars.first().map(|b| format!("{} {}", b.name, format::multiple(b.multiple)));
                format!(
                    "{}. {}/{} {}; {}",
                    d.title,
                    doubled,
                    d.bars.len(),
                    s.units_doubled,
                    laggard.unwrap_or_default()
                )
            }
            ChartData::Floors(d) => {
                let below = d.cells.iter().flatten().filter(|c| c.diff.is_some_and(|x| x < 0.0)).count();
                format!("{}. {} {}", d.title, below, s.cells_below_floor)
            }
            ChartData::Gap(d) => {
                let short: Vec<&str> = d.bars.iter().filter(|b| b.amount < -0.005).map(|b| b.name.as_str()).collect();
                format!(
                    "{}. {} {}; {}{}{}",
                    d.title,
                    d.total.0,
                    lang.signed_amount(d.total.1),
                    s.legend_short,
                    lang.colon(),
                    if short.is_empty() { "—".to_owned() } else { short.join(lang.list_sep()) }
                )
            }
        }
    }

    /// The numbers behind the chart.
    pub fn table(&self, lang: Lang) -> ChartTable {
        let s = lang.s();
        match self {
            ChartData::Path(d) => {
                let mut headers = vec![s.axis_year.to_owned()];
                headers.extend(d.units.iter().cloned());
                headers.extend([s.city_total.to_owned(), d.floor_label.clone()]);
                if let Some(fan) = &d.fan {
                    headers.extend([
                        format!("{} 5%", fan.labels[0]),
                        fan.labels[2].clone(),
                        format!("{} 95%", fan.labels[0]),
                    ]);
                }
                let rows = d
                    .years
                    .iter()
                    .enumerate()
                    .map(|(k, y)| {
                        let mut row = vec![y.clone()];
                        row.extend(d.values.iter().map(|v| format::yi(v.get(k).copied().unwrap_or(0.0))));
                        row.push(format::yi(d.totals.get(k).copied().unwrap_or(0.0)));
                        row.push(d.floor_path.get(k).map_or_else(|| "—".to_owned(), |v| format::yi(*v)));
                        if let Some(band) = d.fan.as_ref().and_then(|f| f.bands.get(k)) {
                            row.extend([band[0], band[2], band[4]].map(format::yi));
                        }
                        row
                    })
                    .collect();
                ChartTable { headers, rows }
            }
            ChartData::Units(d) => ChartTable {
                headers: [s.unit, s.multiple, s.doubled]
                    .into_iter()
                    .map(str::to_owned)
                    .chain(d.range_label.clone())
                    .collect(),
                rows: d
                    .bars
                    .iter()
                    .map(|b| {
                        let mut row = vec![
                            b.name.clone(),
                            format::multiple(b.multiple),
                            (if b.met { s.yes } else { s.no }).to_owned(),
                        ];
                        if d.range_label.is_some() {
                            row.push(b.range.map_or_else(
                                || "—".to_owned(),
                                |(lo, hi)| format!("{}–{}", format::multiple(lo), format::multiple(hi)),
                            ));
                        }
                        row
                    })
                    .collect(),
            },
            ChartData::Gap(d) => ChartTable {
                headers: vec![s.unit.to_owned(), format!("{} ({})", s.contribution_short, s.yi_yuan)],
                rows: d
                    .bars
                    .iter()
                    .map(|b| (b.name.clone(), b.amount))
                    .chain([d.total.clone()])
                    .map(|(name, amount)| vec![name, format::signed_yi(amount)])
                    .collect(),
            },
            ChartData::Floors(d) => {
                let mut rows = Vec::new();
                for (u, name) in d.units.iter().enumerate() {
                    for (k, (year, floor)) in d.columns.iter().enumerate() {
                        if let Some(c) = d.cells.get(u).and_then(|r| r.get(k)) {
                            rows.push(vec![
                                name.clone(),
                                year.clone(),
                                format!("{}%", format::growth_text(c.growth)),
                                floor.clone(),
                                c.diff.map_or_else(|| "—".to_owned(), |x| format::signed_pct(x, 1).replace('%', "")),
                            ]);
                        }
                    }
                }
                ChartTable {
                    headers: vec![
                        s.unit.to_owned(),
                        s.axis_year.to_owned(),
                        s.growth_col.to_owned(),
                        s.floor_col.to_owned(),
                        s.diff_col.to_owned(),
                    ],
                    rows,
                }
            }
        }
    }
}
