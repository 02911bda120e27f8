//! Charts drawn natively into SVG text, checked for what a reader would
//! check: title, axis labels, one series per unit, the target line at the
//! right height with its label, bars coloured by status, floor cells.

// Tests fail loudly on purpose.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use doubling_sandbox::chart::draw::{
    floor_colour, floor_ink, unit_colour, COMPARE, INK, MET, MISSED, MUTED, UNIT_COLOURS,
};
use doubling_sandbox::chart::{render_svg, ChartData, ChartKind};
use doubling_sandbox::i18n::Lang;
use doubling_sandbox::model::{Growth, IndicatorKey, Plan, Preset, Scenario, TargetVerdict};
use plotters::style::RGBColor;

/// One SVG element: its tag, attributes and text.
#[derive(Debug)]
struct El {
    tag: String,
    attrs: Vec<(String, String)>,
    text: String,
}

impl El {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
    fn num(&self, name: &str) -> f64 {
        self.attr(name).and_then(|v| v.parse().ok()).unwrap_or(f64::NAN)
    }
}

/// A small reader for the flat SVG plotters writes: one element per tag,
/// text content between `<text …>` and `</text>`.
fn parse(svg: &str) -> Vec<El> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if rest.starts_with('/') {
            continue;
        }
        let end = rest.find('>').unwrap();
        let head = &rest[..end];
        let tag: String = head.chars().take_while(|c| c.is_alphanumeric()).collect();
        let mut attrs = Vec::new();
        let mut a = &head[tag.len()..];
        while let Some(eq) = a.find("=\"") {
            let name = a[..eq].trim().to_owned();
            let after = &a[eq + 2..];
            let close = after.find('"').unwrap();
            attrs.push((name, after[..close].to_owned()));
            a = &after[close + 1..];
        }
        rest = &rest[end + 1..];
        let text = if tag == "text" { rest[..rest.find("</text>").unwrap()].trim().to_owned() } else { String::new() };
        out.push(El { tag, attrs, text });
    }
    out
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

fn texts(els: &[El]) -> Vec<&str> {
    els.iter().filter(|e| e.tag == "text").map(|e| e.text.as_str()).collect()
}

fn find_text<'a>(els: &'a [El], t: &str) -> &'a El {
    els.iter().find(|e| e.tag == "text" && e.text == t).unwrap_or_else(|| panic!("no text {t:?} in {:?}", texts(els)))
}

fn rects_of(els: &[El], colour: RGBColor) -> usize {
    els.iter().filter(|e| e.tag == "rect" && e.attr("fill") == Some(hex(colour).as_str())).count()
}

fn setup() -> (Plan, Scenario) {
    let plan = Plan::shipped().unwrap();
    let s = Scenario::default_for(&plan);
    (plan, s)
}

fn path_svg(plan: &Plan, s: &Scenario, key: IndicatorKey, lang: Lang) -> Vec<El> {
    let v = TargetVerdict::judge(plan, s, key);
    parse(&render_svg(&ChartData::path(plan, s, &v, lang, false, None), 800, 320).unwrap())
}

/// The pixel height of value `v` on the y axis, from two tick labels.
fn y_of(els: &[El], v: f64, (lo, hi): (&str, &str)) -> f64 {
    let (a, b) = (find_text(els, lo), find_text(els, hi));
    let (va, vb): (f64, f64) = (lo.parse().unwrap(), hi.parse().unwrap());
    a.num("y") + (v - va) / (vb - va) * (b.num("y") - a.num("y"))
}

#[test]
fn path_chart_has_title_axes_units_target_and_gap() {
    let (plan, s) = setup();
    let els = path_svg(&plan, &s, IndicatorKey::Funds, Lang::Zh);
    let t = texts(&els);
    assert!(t.contains(&"招商引资到位资金：全市合计路径（亿元）"), "{t:?}");
    for label in ["亿元", "年份", "2022", "2023", "2024"] {
        assert!(t.contains(&label), "axis label {label} missing");
    }
    // One series per unit: a rect per year in its colour, plus its legend swatch.
    for (u, unit) in plan.units.iter().enumerate() {
        assert_eq!(rects_of(&els, unit_colour(u)), 3 + 1, "{}", unit.name_zh);
        assert!(t.contains(&unit.name_zh.as_str()));
    }
    // The target line sits at 560 on the axis, in the target colour, labelled.
    let target_y = y_of(&els, 560.0, ("0", "500"));
    let red: Vec<&El> = els
        .iter()
        .filter(|e| {
            e.tag == "polyline" && e.attr("stroke") == Some(hex(MISSED).as_str()) && e.attr("stroke-width") == Some("2")
        })
        .collect();
    let target_line = red
        .iter()
        .find(|e| {
            let pts: Vec<f64> = e.attr("points").unwrap().split([' ', ',']).filter_map(|p| p.parse().ok()).collect();
            pts.len() == 4
                && (pts[1] - target_y).abs() <= 1.0
                && (pts[3] - target_y).abs() <= 1.0
                && pts[2] - pts[0] > 400.0
        })
        .unwrap_or_else(|| panic!("no horizontal target line near y={target_y}: {red:?}"));
    assert!(target_line.attr("points").is_some());
    // With the default bases the target equals the doubling line: one label says both.
    assert!(t.iter().any(|x| x.starts_with("目标 560亿元") && x.contains("翻番线 560.0")), "{t:?}");
    assert!(t.contains(&"超出 +0.03亿元"), "{t:?}");
    assert!(t.contains(&"底线路径"));
}

#[test]
fn path_chart_shows_a_shortfall_in_red() {
    let (plan, mut s) = setup();
    let key = IndicatorKey::ValueAdded;
    *s.growth_mut(key) = Preset::Zero.table(&plan, key);
    let els = path_svg(&plan, &s, key, Lang::Zh);
    let gap = find_text(&els, "缺口 −237.5亿元");
    assert_eq!(gap.attr("fill"), Some(hex(MISSED).as_str()));
    let t = texts(&els);
    assert!(t.contains(&"目标 475亿元"), "{t:?}");
    // Twice the 2022 total equals the target here too, so the labels merge;
    // the bars are flat at the base: 237.5 in every year.
    assert!(t.iter().any(|x| x.contains("翻番线 475.0")));
}

#[test]
fn path_chart_in_english() {
    let (plan, s) = setup();
    let els = path_svg(&plan, &s, IndicatorKey::Capacity, Lang::En);
    let t = texts(&els);
    assert!(t.contains(&"Capacity: City total path (100M yuan)"), "{t:?}");
    assert!(t.contains(&"Year"));
    assert!(t.contains(&"Puyang County"));
    assert!(t.iter().any(|x| x.starts_with("Target 2250 (100M yuan)")), "{t:?}");
    assert!(!t.iter().any(|x| x.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))), "Chinese left in {t:?}");
}

#[test]
fn units_chart_colours_bars_by_status_and_puts_laggards_first() {
    let (plan, mut s) = setup();
    let key = IndicatorKey::Investment;
    // 南乐县 and 台前县 grow less in 2025: they miss their doubling.
    s.growth_mut(key).set(3, 2, Growth::from_percent(5.0).unwrap());
    s.growth_mut(key).set(5, 2, Growth::from_percent(1.0).unwrap());
    let v = TargetVerdict::judge(&plan, &s, key);
    let els = parse(&render_svg(&ChartData::units(&plan, &v, Lang::Zh), 600, 300).unwrap());
    assert_eq!(rects_of(&els, MISSED), 2 + 1, "two missed bars and a legend swatch");
    assert_eq!(rects_of(&els, MET), 7 + 1);
    let t = texts(&els);
    assert!(t.contains(&"制造业投资：各单位翻番倍数，由低到高（2025年）"), "{t:?}");
    assert!(t.contains(&"倍数（目标年 ÷ 2022年）"));
    assert!(t.contains(&"翻番线 2.0×"));
    // Laggards first: 台前县 (1.0 % in 2025) above 南乐县 (5.0 %), above the rest.
    let y = |name: &str| find_text(&els, name).num("y");
    assert!(y("台前县") < y("南乐县"));
    assert!(y("南乐县") < y("华龙区"));
    // 1.35 × 1.30 × 1.01 = 1.77×
    assert!(t.contains(&"1.77×"), "{t:?}");
}

#[test]
fn floor_map_marks_cells_below_the_floor() {
    let (plan, mut s) = setup();
    let key = IndicatorKey::ValueAdded;
    s.growth_mut(key).set(1, 0, Growth::from_percent(8.5).unwrap()); // 濮阳县 2023, floor 12
    s.growth_mut(key).set(2, 2, Growth::from_percent(32.0).unwrap()); // 清丰县 2025, floor 20
    let els = parse(&render_svg(&ChartData::floors(&plan, &s, key, Lang::Zh), 600, 320).unwrap());
    let t = texts(&els);
    for y in ["2023年", "2024年", "2025年", "2026年", "底线 ≥12%", "底线 ≥20%", "无年度底线"] {
        assert!(t.contains(&y), "{y} missing: {t:?}");
    }
    assert!(t.contains(&"▼ 8.50%"));
    assert!(t.contains(&"32.00%"));
    assert_eq!(rects_of(&els, floor_colour(Some(8.5 - 12.0))), 1);
    assert_eq!(rects_of(&els, floor_colour(Some(12.0))), 1);
    // Nine units × four years of cells: the no-floor year is neutral.
    assert!(rects_of(&els, floor_colour(None)) >= 9);
    let data = ChartData::floors(&plan, &s, key, Lang::Zh);
    assert!(data.summary(Lang::Zh).ends_with("1 低于底线"), "{}", data.summary(Lang::Zh));
    assert_eq!(data.table(Lang::Zh).rows.len(), 36);
}

#[test]
fn reported_figures_and_the_unallocated_part_show_in_the_charts() {
    use doubling_sandbox::model::{Base, Report, Unallocated};
    let (plan, mut s) = setup();
    let key = IndicatorKey::Funds;
    let funds = s.inputs_mut(key);
    funds.unallocated = Some(Unallocated { base: Base::new(4.0).unwrap(), growth: Growth::ZERO });
    funds.set_reported_years(1);
    funds.set_report(
        0,
        Report::UnitLevels((0..9).map(|u| Base::new(if u == 5 { 100.0 } else { 30.0 }).unwrap()).collect()),
    );
    let els = path_svg(&plan, &s, key, Lang::Zh);
    let t = texts(&els);
    // The unallocated part is a tenth, grey series with its own legend entry.
    assert!(t.contains(&"市直、其他"), "{t:?}");
    assert_eq!(rects_of(&els, unit_colour(9)), 3 + 1);
    // Doubling 2 × 284 = 568 is drawn close to the 560 target but is not "≈" it.
    assert!(t.iter().any(|x| x.starts_with("目标 560亿元 · 翻番线 568.0")), "{t:?}");
    // The floor map shows what the levels imply, unclamped: 台前县 19.6 → 100 is +410.20 %.
    let els = parse(&render_svg(&ChartData::floors(&plan, &s, key, Lang::Zh), 600, 320).unwrap());
    let t = texts(&els);
    assert!(t.contains(&"2023年 已公布"), "{t:?}");
    assert!(t.contains(&"410.20%"), "{t:?}");
    // 华龙区 28 → 30 is +7.14 %, below the 50 % floor.
    assert!(t.contains(&"▼ 7.14%"), "{t:?}");
}

#[test]
fn gap_chart_shows_each_unit_against_its_share_and_the_city_sum() {
    let (plan, mut s) = setup();
    let key = IndicatorKey::Funds;
    // Every unit on 50 % then 30 %: each falls short by 0.05 × its base;
    // 华龙区 at +40 % in 2024 carries +2.80 instead.
    s.growth_mut(key).set_where(Growth::from_percent(30.0).unwrap(), |_, c| c == 1);
    s.growth_mut(key).set(0, 1, Growth::from_percent(40.0).unwrap());
    let v = TargetVerdict::judge(&plan, &s, key);
    let data = ChartData::gap(&plan, &v, Lang::Zh);
    let els = parse(&render_svg(&data, 600, 320).unwrap());
    let t = texts(&els);
    assert!(t.contains(&"招商引资到位资金：各单位对全市超出/缺口的贡献，由大到小（2024年）"), "{t:?}");
    for name in ["华龙区", "经开区", "示范区", "全市合计", "+2.80", "−2.52", "−9.80"] {
        assert!(t.contains(&name), "{name} missing: {t:?}");
    }
    // One green bar (华龙区) and eight red ones plus the city's, and the
    // legend swatches.
    assert_eq!(rects_of(&els, MET), 1 + 1);
    assert_eq!(rects_of(&els, MISSED), 8 + 1 + 1);
    // Largest first: 华龙区 above every other name, the city at the bottom.
    let y = |n: &str| find_text(&els, n).num("y");
    assert!(y("华龙区") < y("示范区") && y("示范区") < y("经开区") && y("经开区") < y("全市合计"));
    let table = data.table(Lang::Zh);
    assert_eq!(table.rows.len(), 10);
    assert_eq!(table.rows[0], vec!["华龙区".to_owned(), "+2.80".to_owned()]);
    assert_eq!(table.rows[9], vec!["全市合计".to_owned(), "−9.80".to_owned()]);
}

#[test]
fn a_download_is_the_chart_the_panel_draws() {
    // The on-demand panels make the SVG download from the page's state:
    // the same chart as the charts panel's, A's totals included.
    let (plan, s) = setup();
    let mut a = s.clone();
    for key in IndicatorKey::ALL {
        a.growth_mut(key).set(0, 0, Growth::from_percent(10.0).unwrap());
    }
    for key in IndicatorKey::ALL {
        let v = TargetVerdict::judge(&plan, &s, key);
        for lang in [Lang::Zh, Lang::En] {
            assert_eq!(
                ChartData::large(&plan, ChartKind::Path, key, &s, Some(&a), lang),
                ChartData::path(&plan, &s, &v, lang, false, Some(&a))
            );
            assert_eq!(
                ChartData::large(&plan, ChartKind::Path, key, &s, None, lang),
                ChartData::path(&plan, &s, &v, lang, false, None)
            );
            assert_eq!(
                ChartData::large(&plan, ChartKind::Units, key, &s, None, lang),
                ChartData::units(&plan, &v, lang)
            );
            assert_eq!(ChartData::large(&plan, ChartKind::Gap, key, &s, None, lang), ChartData::gap(&plan, &v, lang));
            assert_eq!(
                ChartData::large(&plan, ChartKind::Floors, key, &s, None, lang),
                ChartData::floors(&plan, &s, key, lang)
            );
        }
    }
}

#[test]
fn gap_chart_ticks_never_read_the_same_on_a_narrow_span() {
    // The default scenario meets every target by a few hundredths of 亿元:
    // ticks 0.005 apart must show three decimals, not 0.01 twice.
    let (plan, s) = setup();
    for key in IndicatorKey::ALL {
        let v = TargetVerdict::judge(&plan, &s, key);
        let els = parse(&render_svg(&ChartData::gap(&plan, &v, Lang::Zh), 600, 320).unwrap());
        let zero = els.iter().find(|e| e.tag == "text" && e.text == "0").expect("a zero tick");
        let ticks: Vec<&str> = els
            .iter()
            .filter(|e| e.tag == "text" && (e.num("y") - zero.num("y")).abs() < 0.01)
            .map(|e| e.text.as_str())
            .collect();
        assert!(ticks.len() >= 2, "{key}: {ticks:?}");
        let mut distinct = ticks.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), ticks.len(), "{key}: ticks repeat: {ticks:?}");
    }
}

/// The chart drawn as the canvas draws it: a path chart's back recorded and
/// replayed, then the front.
fn layered_svg(data: &ChartData, width: u32, height: u32) -> String {
    use doubling_sandbox::chart::draw::{draw_front, has_back, record_back, replay_back};
    use plotters::prelude::{IntoDrawingArea, SVGBackend};
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        if has_back(data) {
            let ops = record_back(&root, data, 1.0).unwrap();
            replay_back(&root, &ops, 1.0).unwrap();
        }
        draw_front(&root, data, 1.0).unwrap();
        root.present().unwrap();
    }
    buf
}

/// Every element once, whatever the order.
fn element_set(svg: &str) -> Vec<String> {
    let mut all: Vec<String> = parse(svg).iter().map(|e| format!("{} {:?} {}", e.tag, e.attrs, e.text)).collect();
    all.sort();
    all
}

#[test]
fn back_and_front_together_draw_every_element_of_the_chart_once() {
    let (plan, s) = setup();
    let mut charts = Vec::new();
    for key in IndicatorKey::ALL {
        let v = TargetVerdict::judge(&plan, &s, key);
        for lang in [Lang::Zh, Lang::En] {
            charts.push(ChartData::path(&plan, &s, &v, lang, false, None));
            charts.push(ChartData::path(&plan, &s, &v, lang, true, None));
            charts.push(ChartData::path(&plan, &s, &v, lang, false, Some(&s)));
            charts.push(ChartData::units(&plan, &v, lang));
            charts.push(ChartData::floors(&plan, &s, key, lang));
            charts.push(ChartData::gap(&plan, &v, lang));
        }
    }
    for data in &charts {
        // The SVG download scales fonts by 1.24 (see render_svg); the
        // canvas's parts do not, so compare both at the canvas's sizes.
        let whole = {
            use plotters::prelude::{IntoDrawingArea, SVGBackend};
            let mut buf = String::new();
            {
                let root = SVGBackend::with_string(&mut buf, (800, 320)).into_drawing_area();
                doubling_sandbox::chart::draw(&root, data, 1.0).unwrap();
                root.present().unwrap();
            }
            buf
        };
        let layered = layered_svg(data, 800, 320);
        assert!(parse(&whole).len() > 10, "{:?}", data.kind());
        assert_eq!(element_set(&whole), element_set(&layered), "{:?}", data.kind());
    }
}

#[test]
fn a_path_chart_back_leaves_out_what_a_step_changes() {
    let (plan, s) = setup();
    let key = IndicatorKey::Funds;
    let stepped = {
        let mut t = s.clone();
        let cur = t.growth(key).get(1, 0).unwrap();
        assert!(t.growth_mut(key).set(1, 0, Growth::from_percent(cur.percent() + 1.0).unwrap()));
        t
    };
    let back = |sc: &Scenario| {
        use plotters::prelude::{IntoDrawingArea, SVGBackend};
        let v = TargetVerdict::judge(&plan, sc, key);
        let data = ChartData::path(&plan, sc, &v, Lang::Zh, false, None);
        let mut buf = String::new();
        let root = SVGBackend::with_string(&mut buf, (800, 320)).into_drawing_area();
        doubling_sandbox::chart::draw::record_back(&root, &data, 1.0).unwrap()
    };
    let (a, b) = (back(&s), back(&stepped));
    assert!(a.len() > 20);
    assert_eq!(a, b, "one point more growth in one cell leaves the back as it was");
}

/// WCAG 2 relative luminance of an sRGB colour.
fn luminance(c: RGBColor) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// WCAG 2 contrast ratio, 1 … 21.
fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn contrast_ratios_follow_wcag() {
    // The figures WCAG's own definition gives.
    assert!((contrast(RGBColor(0, 0, 0), RGBColor(255, 255, 255)) - 21.0).abs() < 1e-9);
    assert!((contrast(RGBColor(0x76, 0x76, 0x76), RGBColor(255, 255, 255)) - 4.54).abs() < 0.01);
}

#[test]
fn chart_marks_stand_three_to_one_and_text_four_and_a_half_against_the_ground() {
    let white = RGBColor(255, 255, 255);
    for (i, c) in UNIT_COLOURS.iter().enumerate() {
        assert!(contrast(*c, white) >= 3.0, "unit colour {i} {c:?}: {:.2}", contrast(*c, white));
    }
    for (name, c) in [("met", MET), ("missed", MISSED), ("compare", COMPARE), ("muted", MUTED), ("ink", INK)] {
        assert!(contrast(c, white) >= 4.5, "{name}: {:.2}", contrast(c, white));
    }
    // Neighbouring units differ from each other, not only from the ground.
    for pair in UNIT_COLOURS.windows(2) {
        let d = u32::from(pair[0].0.abs_diff(pair[1].0))
            + u32::from(pair[0].1.abs_diff(pair[1].1))
            + u32::from(pair[0].2.abs_diff(pair[1].2));
        assert!(d >= 60, "{pair:?}");
    }
}

#[test]
fn floor_map_labels_read_on_every_shade() {
    for i in -4000..=4000 {
        let diff = f64::from(i) / 100.0;
        let (fill, ink) = (floor_colour(Some(diff)), floor_ink(Some(diff)));
        let ratio = contrast(fill, ink);
        assert!(ratio >= 4.5, "{diff} points: {fill:?} under {ink:?} is {ratio:.2}:1");
    }
    assert!(contrast(floor_colour(None), floor_ink(None)) >= 4.5);
}
