//! Drawing, written once and generic over plotters' `DrawingBackend`.
//!
//! Every size below is in CSS pixels and multiplied by `scale` (the
//! device-pixel ratio on canvas, 1 for SVG), so charts stay crisp on high-DPI
//! screens and read the same at any size.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontStyle, RGBColor};
use std::cell::RefCell;

use super::data::{ChartData, FloorMapData, GapData, PathData, UnitsData};
use super::layout::{mix, nice_axis, px, text_width};
use crate::format;

/// Font families for chart text: the browser's CJK fonts first.
pub const FONT: &str = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

/// Unit colours, in unit order; the last, grey, is for the unallocated
/// part. Tableau 10's hues, darkened until each stands at least 3:1 against
/// the white ground (WCAG 1.4.11; checked in tests/charts.rs); stacked
/// segments are parted by a white gap.
pub const UNIT_COLOURS: [RGBColor; 10] = [
    RGBColor(0x4E, 0x79, 0xA7),
    RGBColor(0xD9, 0x71, 0x1C),
    RGBColor(0x3B, 0x8C, 0x86),
    RGBColor(0xD6, 0x4B, 0x4D),
    RGBColor(0x4A, 0x8F, 0x3F),
    RGBColor(0xA8, 0x86, 0x0B),
    RGBColor(0x9B, 0x5F, 0x8E),
    RGBColor(0xC2, 0x45, 0x8F),
    RGBColor(0x8C, 0x6A, 0x55),
    RGBColor(0x86, 0x7D, 0x78),
];
/// Text.
pub const INK: RGBColor = RGBColor(0x1C, 0x24, 0x30);
/// Secondary text and axes.
pub const MUTED: RGBColor = RGBColor(0x5B, 0x66, 0x75);
/// Grid lines.
pub const GRID: RGBColor = RGBColor(0xE3, 0xE7, 0xEE);
/// Met.
pub const MET: RGBColor = RGBColor(0x1B, 0x7A, 0x3D);
/// Missed, and the target line.
pub const MISSED: RGBColor = RGBColor(0xB3, 0x26, 0x1E);
/// Cells with no floor.
pub const NEUTRAL: RGBColor = RGBColor(0xEE, 0xF0, 0xF3);
/// Scenario A's path when comparing.
pub const COMPARE: RGBColor = RGBColor(0x6A, 0x3D, 0x9A);
/// The fan bands of a path chart and the ranges of the units chart.
pub const FAN: RGBColor = RGBColor(0x1F, 0x3F, 0x8F);
/// The fan's bands in the legend: [`FAN`] at their opacity on white.
const FAN_OUTER: RGBColor = RGBColor(0xC8, 0xCF, 0xE3);
const FAN_INNER: RGBColor = RGBColor(0xA3, 0xAF, 0xD1);
/// The halo under a line drawn over bars.
const WHITE_INK: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);

/// How far from zero (percentage points) the floor map's colours saturate.
const FLOOR_SATURATION: f64 = 15.0;

/// The colour of a unit by index.
pub fn unit_colour(unit: usize) -> RGBColor {
    UNIT_COLOURS[unit % UNIT_COLOURS.len()]
}

/// The floor map's colour for a difference from the floor in points.
pub fn floor_colour(diff: Option<f64>) -> RGBColor {
    floor_shade(diff).map_or(NEUTRAL, |(base, t, _)| mix(WHITE, base, t))
}

/// The colour of a floor map cell's label: black on the lighter shades,
/// white on the darker ones, whichever stands out more (at least 4.5:1;
/// checked in tests/charts.rs).
pub fn floor_ink(diff: Option<f64>) -> RGBColor {
    match floor_shade(diff) {
        Some((_, t, white_from)) if t >= white_from => WHITE,
        _ => BLACK,
    }
}

/// A difference's shade: the colour it tends to, how far towards it (0 …
/// 1), and from how far on white text contrasts more than black.
fn floor_shade(diff: Option<f64>) -> Option<(RGBColor, f64, f64)> {
    let d = diff?;
    Some(if d < 0.0 {
        (MISSED, (0.15 + 0.85 * (-d / FLOOR_SATURATION)).min(1.0), 0.8)
    } else {
        (MET, (0.1 + 0.75 * (d / FLOOR_SATURATION)).min(1.0), 0.92)
    })
}

/// A pen: drawing helpers at one scale.
struct Pen<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    /// Device pixels per CSS pixel.
    s: f64,
    /// Factor on font sizes that the backend undoes (see [`render_svg`]).
    font: f64,
    /// Which part of the chart to draw.
    part: Part,
    /// Where the calls go instead of the area, when recording.
    record: Option<&'a RefCell<Vec<PenOp>>>,
}

/// A chart's two parts. The back is a path chart's white ground, title,
/// axes, grid, tick and year labels and legend: what a slider step leaves
/// as it was, and nothing that overlaps the front, so that drawing it first
/// changes no pixel. The canvas keeps it and draws it again only when its
/// recorded calls changed; a step then draws three labels, not thirty.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Part {
    /// The back alone.
    Back,
    /// The front alone (for charts without a back: all of it).
    Front,
    /// Both, back first.
    Whole,
}

/// One drawing call of a chart's back, recorded (see [`record_back`]).
#[derive(Clone, PartialEq, Debug)]
pub enum PenOp {
    /// The white ground.
    Ground,
    /// A text: the text, x, y, size, colour, anchor and whether bold.
    Text(String, f64, f64, f64, RGBColor, (u8, u8), bool),
    /// A filled rectangle.
    Rect(f64, f64, f64, f64, RGBColor),
    /// A line through points, or dashed, with its width.
    Line(Vec<(f64, f64)>, RGBColor, f64, bool),
    /// A filled dot: centre and radius.
    Dot(f64, f64, f64, RGBColor),
    /// A filled polygon, see through: its corners, colour and opacity.
    Band(Vec<(f64, f64)>, RGBColor, f64),
}

fn anchor_code(pos: (HPos, VPos)) -> (u8, u8) {
    let h = match pos.0 {
        HPos::Left => 0,
        HPos::Center => 1,
        HPos::Right => 2,
    };
    let v = match pos.1 {
        VPos::Top => 0,
        VPos::Center => 1,
        VPos::Bottom => 2,
    };
    (h, v)
}

fn anchor_of((h, v): (u8, u8)) -> (HPos, VPos) {
    let h = match h {
        0 => HPos::Left,
        1 => HPos::Center,
        _ => HPos::Right,
    };
    let v = match v {
        0 => VPos::Top,
        1 => VPos::Center,
        _ => VPos::Bottom,
    };
    (h, v)
}

impl<DB: DrawingBackend> Pen<'_, DB> {
    #[allow(clippy::too_many_arguments)]
    fn text(
        &self,
        t: &str,
        x: f64,
        y: f64,
        size: f64,
        colour: RGBColor,
        pos: (HPos, VPos),
        bold: bool,
    ) -> DrawResult<(), DB> {
        if self.recorded(|| PenOp::Text(t.to_owned(), x, y, size, colour, anchor_code(pos), bold)) {
            return Ok(());
        }
        let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
        let font: FontDesc = (FontFamily::Name(FONT), size * self.s * self.font, style).into();
        let ts = font.color(&colour).pos(Pos::new(pos.0, pos.1));
        self.area.draw(&Text::new(t.to_owned(), (px(x), px(y)), ts))
    }

    fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, colour: RGBColor) -> DrawResult<(), DB> {
        if self.recorded(|| PenOp::Rect(x0, y0, x1, y1, colour)) {
            return Ok(());
        }
        self.area.draw(&Rectangle::new([(px(x0), px(y0)), (px(x1), px(y1))], colour.filled()))
    }

    fn line(&self, points: &[(f64, f64)], colour: RGBColor, width: f64) -> DrawResult<(), DB> {
        if self.recorded(|| PenOp::Line(points.to_vec(), colour, width, false)) {
            return Ok(());
        }
        let pts: Vec<(i32, i32)> = points.iter().map(|(x, y)| (px(*x), px(*y))).collect();
        self.area.draw(&PathElement::new(pts, colour.stroke_width(self.width(width))))
    }

    fn dashed(&self, points: &[(f64, f64)], colour: RGBColor, width: f64) -> DrawResult<(), DB> {
        if self.recorded(|| PenOp::Line(points.to_vec(), colour, width, true)) {
            return Ok(());
        }
        let pts: Vec<(i32, i32)> = points.iter().map(|(x, y)| (px(*x), px(*y))).collect();
        let style = colour.stroke_width(self.width(width));
        self.area.draw(&DashedPathElement::new(pts, px(6.0 * self.s), px(4.0 * self.s), style))
    }

    fn dot(&self, x: f64, y: f64, r: f64, colour: RGBColor) -> DrawResult<(), DB> {
        if self.recorded(|| PenOp::Dot(x, y, r, colour)) {
            return Ok(());
        }
        self.area.draw(&Circle::new((px(x), px(y)), px(r * self.s), colour.filled()))
    }

    fn band(&self, corners: &[(f64, f64)], colour: RGBColor, opacity: f64) -> DrawResult<(), DB> {
        if self.recorded(|| PenOp::Band(corners.to_vec(), colour, opacity)) {
            return Ok(());
        }
        let pts: Vec<(i32, i32)> = corners.iter().map(|(x, y)| (px(*x), px(*y))).collect();
        self.area.draw(&Polygon::new(pts, colour.mix(opacity).filled()))
    }

    fn ground(&self) -> DrawResult<(), DB> {
        if self.recorded(|| PenOp::Ground) {
            return Ok(());
        }
        self.area.fill(&WHITE)
    }

    /// Records `op` instead of drawing, when recording; true when it did.
    fn recorded(&self, op: impl FnOnce() -> PenOp) -> bool {
        self.record.is_some_and(|r| {
            r.borrow_mut().push(op());
            true
        })
    }

    /// Draws what the pen recorded.
    fn replay(&self, ops: &[PenOp]) -> DrawResult<(), DB> {
        for op in ops {
            match op {
                PenOp::Ground => self.ground()?,
                PenOp::Text(t, x, y, size, colour, pos, bold) => {
                    self.text(t, *x, *y, *size, *colour, anchor_of(*pos), *bold)?;
                }
                PenOp::Rect(x0, y0, x1, y1, colour) => self.rect(*x0, *y0, *x1, *y1, *colour)?,
                PenOp::Line(points, colour, width, false) => self.line(points, *colour, *width)?,
                PenOp::Line(points, colour, width, true) => self.dashed(points, *colour, *width)?,
                PenOp::Dot(x, y, r, colour) => self.dot(*x, *y, *r, *colour)?,
                PenOp::Band(corners, colour, opacity) => self.band(corners, *colour, *opacity)?,
            }
        }
        Ok(())
    }

    fn back(&self) -> bool {
        self.part != Part::Front
    }

    fn front(&self) -> bool {
        self.part != Part::Back
    }

    fn width(&self, w: f64) -> u32 {
        u32::try_from(px(w * self.s).max(1)).unwrap_or(1)
    }
}

/// Draws any chart onto `area` at `scale` device pixels per CSS pixel.
///
/// # Errors
///
/// Whatever the backend reports.
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, data: &ChartData, scale: f64) -> DrawResult<(), DB> {
    draw_with_font(area, data, scale, 1.0)
}

fn draw_with_font<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
    scale: f64,
    font: f64,
) -> DrawResult<(), DB> {
    draw_part(&Pen { area, s: scale_or_one(scale), font, part: Part::Whole, record: None }, data)
}

fn scale_or_one(scale: f64) -> f64 {
    if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    }
}

fn draw_part<DB: DrawingBackend>(pen: &Pen<'_, DB>, data: &ChartData) -> DrawResult<(), DB> {
    if pen.back() {
        pen.ground()?;
    }
    match data {
        ChartData::Path(d) => draw_path(pen, d),
        _ if !pen.front() => Ok(()),
        ChartData::Units(d) => draw_units(pen, d),
        ChartData::Floors(d) => draw_floors(pen, d),
        ChartData::Gap(d) => draw_gap(pen, d),
    }
}

/// Whether a chart has a back worth keeping (see [`Part`]).
pub fn has_back(data: &ChartData) -> bool {
    matches!(data, ChartData::Path(_))
}

/// The drawing calls of a chart's back on `area`, recorded, not drawn.
///
/// # Errors
///
/// Whatever the backend reports (recording draws nothing).
pub fn record_back<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
    scale: f64,
) -> Result<Vec<PenOp>, DrawingAreaErrorKind<DB::ErrorType>> {
    let ops = RefCell::new(Vec::new());
    draw_part(&Pen { area, s: scale_or_one(scale), font: 1.0, part: Part::Back, record: Some(&ops) }, data)?;
    Ok(ops.into_inner())
}

/// Draws recorded calls of a back on `area`.
///
/// # Errors
///
/// Whatever the backend reports.
pub fn replay_back<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, ops: &[PenOp], scale: f64) -> DrawResult<(), DB> {
    Pen { area, s: scale_or_one(scale), font: 1.0, part: Part::Back, record: None }.replay(ops)
}

/// Draws a chart's front (see [`Part`]); for a chart without a back, all
/// of it.
///
/// # Errors
///
/// Whatever the backend reports.
pub fn draw_front<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ChartData,
    scale: f64,
) -> DrawResult<(), DB> {
    let part = if has_back(data) { Part::Front } else { Part::Whole };
    draw_part(&Pen { area, s: scale_or_one(scale), font: 1.0, part, record: None }, data)
}

/// Draws a chart as SVG text of `width` × `height` CSS pixels: the same
/// drawing code as on canvas, for downloads and tests.
///
/// # Errors
///
/// A message if drawing failed.
pub fn render_svg(data: &ChartData, width: u32, height: u32) -> Result<String, String> {
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        // plotters-svg writes every font size divided by 1.24 (the canvas
        // backend does not); scale up so both show the same text size.
        draw_with_font(&root, data, 1.0, 1.24).map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(buf)
}

/// The font size, at most `size` and at least 9, at which `text` fits in
/// `width` device pixels.
fn fit(text: &str, size: f64, width: f64, s: f64) -> f64 {
    let natural = text_width(text, size * s);
    if natural <= width {
        size
    } else {
        (size * width / natural).max(9.0)
    }
}

fn dims<DB: DrawingBackend>(pen: &Pen<'_, DB>) -> (f64, f64) {
    let (w, h) = pen.area.dim_in_pixel();
    (f64::from(w), f64::from(h))
}

/// Lays legend items out in rows; returns each item's (x, y) and the
/// height used.
fn legend_rows(labels: &[String], x0: f64, width: f64, size: f64, s: f64) -> (Vec<(f64, f64)>, f64) {
    let (row_h, swatch) = (size * 1.5 * s, size * 1.6 * s);
    let mut out = Vec::with_capacity(labels.len());
    let (mut x, mut y) = (x0, 0.0);
    for label in labels {
        let w = swatch + text_width(label, size * s) + 16.0 * s;
        if x > x0 && x + w > x0 + width {
            x = x0;
            y += row_h;
        }
        out.push((x, y));
        x += w;
    }
    (out, if labels.is_empty() { 0.0 } else { y + row_h })
}

#[allow(clippy::too_many_lines)]
// x, y, w, h, d: the names drawing code reads best with.
#[allow(clippy::many_single_char_names)]
fn draw_path<DB: DrawingBackend>(pen: &Pen<'_, DB>, d: &PathData) -> DrawResult<(), DB> {
    let (w, h) = dims(pen);
    let s = pen.s;
    let pad = if d.compact { 6.0 } else { 10.0 } * s;
    let (title_size, label_size) = if d.compact { (12.0, 10.0) } else { (14.0, 11.0) };
    let (back, front) = (pen.back(), pen.front());
    if back {
        pen.text(&d.title, pad, pad, fit(&d.title, title_size, w - 2.0 * pad, s), INK, (HPos::Left, VPos::Top), true)?;
    }

    // Legend: units, then the three reference lines.
    let mut legend: Vec<String> = if d.compact { Vec::new() } else { d.units.clone() };
    if !d.compact {
        legend.extend([d.target_label.clone(), d.doubling_label.clone(), d.floor_label.clone()]);
        if let Some((label, _)) = &d.compare {
            legend.push(label.clone());
        }
        if let Some(fan) = &d.fan {
            legend.extend(fan.labels.iter().cloned());
        }
    }
    let (mut slots, mut legend_h) = legend_rows(&legend, pad, w - 2.0 * pad, label_size, s);
    // A short chart keeps its plot and drops the legend (the lines are
    // labelled, and the screen-reader table names the units).
    if h - legend_h < h * 0.62 {
        legend.clear();
        slots.clear();
        legend_h = 0.0;
    }

    let top = pad + title_size * 1.6 * s + label_size * if d.compact { 2.0 } else { 1.2 } * s;
    let x_title_h = if d.compact { 0.0 } else { label_size * 1.4 * s };
    let bottom = h - pad - legend_h - x_title_h - label_size * 1.8 * s;
    let plot_h = (bottom - top).max(1.0);
    // As many ticks as fit with a label's height and a half between them.
    let fit_ticks = (plot_h / (label_size * 2.2 * s)).floor().clamp(2.0, 7.0);
    // Between 2 and 7, so the cast is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let max_ticks = if d.compact { fit_ticks.min(4.0) } else { fit_ticks } as u32;
    let compared = d.compare.iter().flat_map(|(_, t)| t.iter().copied());
    let fanned = d.fan.iter().flat_map(|f| f.bands.iter().map(|b| b[4]));
    let y_max_value =
        d.totals.iter().copied().chain(compared).chain(fanned).fold(d.target.max(d.doubling), f64::max) * 1.08;
    let (step, y_top) = nice_axis(y_max_value, 2.min(max_ticks), max_ticks);
    let tick_w = text_width(&format::yi_plain(y_top), label_size * s);
    let left = pad + tick_w + 6.0 * s;
    // Room right of the last bar for the gap marker, so it is never cut off.
    let right = w - pad - 8.0 * s;
    let y = |v: f64| bottom - (v / y_top).clamp(0.0, 1.2) * plot_h;

    // Axis titles, grid and ticks.
    if back && !d.compact {
        pen.text(&d.y_title, pad, top - label_size * 0.9 * s, label_size, MUTED, (HPos::Left, VPos::Bottom), false)?;
    }
    let mut v = 0.0;
    while back && v <= y_top + step * 0.01 {
        pen.line(&[(left, y(v)), (right, y(v))], GRID, 1.0)?;
        pen.text(&format::yi_plain(v), left - 4.0 * s, y(v), label_size, MUTED, (HPos::Right, VPos::Center), false)?;
        v += step;
    }
    if back && !d.compact {
        pen.text(&d.x_title, right, bottom + label_size * 1.6 * s, label_size, MUTED, (HPos::Right, VPos::Top), false)?;
    }

    // Stacked bars by unit.
    let n = d.years.len().max(1);
    #[allow(clippy::cast_precision_loss)]
    let band = (right - left) / n as f64;
    let bar_w = band * if d.compact { 0.62 } else { 0.56 };
    #[allow(clippy::cast_precision_loss)]
    let centre = |k: usize| left + band * (k as f64 + 0.5);
    // Narrow bands show years as '23.
    let short_years = band < text_width("2022", label_size * s) * 1.25;
    for (k, year) in d.years.iter().enumerate() {
        let x0 = centre(k) - bar_w / 2.0;
        let mut acc = 0.0;
        for (u, series) in d.values.iter().enumerate().filter(|_| front) {
            let v = series.get(k).copied().unwrap_or(0.0).max(0.0);
            // A white gap of one pixel under every segment but the lowest.
            let gap = if acc > 0.0 { s } else { 0.0 };
            let top = y(acc + v);
            pen.rect(x0, top, x0 + bar_w, (y(acc) - gap).max(top), unit_colour(u))?;
            acc += v;
        }
        if back {
            let label = if short_years { format!("'{}", year.get(2..).unwrap_or(year)) } else { year.clone() };
            pen.text(&label, centre(k), bottom + 4.0 * s, label_size, MUTED, (HPos::Center, VPos::Top), false)?;
        }
    }

    // Legend.
    let legend_top = h - pad - legend_h + label_size * 0.2 * s;
    let swatch = label_size * s;
    for (i, (label, (lx, ly))) in legend.iter().zip(&slots).enumerate().filter(|_| back) {
        let (x, yy) = (*lx, legend_top + ly);
        let mid = yy + swatch / 2.0;
        match i.checked_sub(d.units.len()) {
            None => pen.rect(x, yy, x + swatch, yy + swatch, unit_colour(i))?,
            Some(0) => pen.line(&[(x, mid), (x + swatch * 1.4, mid)], MISSED, 2.0)?,
            Some(1) => pen.dashed(&[(x, mid), (x + swatch * 1.4, mid)], MUTED, 1.5)?,
            Some(2) => pen.dashed(&[(x, mid), (x + swatch * 1.4, mid)], INK, 1.5)?,
            // A's line comes before the fan's three entries.
            Some(i) => match i.checked_sub(3 + usize::from(d.compare.is_some())) {
                None => pen.line(&[(x, mid), (x + swatch * 1.4, mid)], COMPARE, 2.0)?,
                Some(0) => pen.rect(x, yy, x + swatch * 1.4, yy + swatch, FAN_OUTER)?,
                Some(1) => pen.rect(x, yy, x + swatch * 1.4, yy + swatch, FAN_INNER)?,
                Some(_) => pen.line(&[(x, mid), (x + swatch * 1.4, mid)], FAN, 2.0)?,
            },
        }
        pen.text(label, x + swatch * 1.6, mid, label_size, INK, (HPos::Left, VPos::Center), false)?;
    }
    if !front {
        return Ok(());
    }

    // Over the bars: the axis line, the floors' path, A's totals, the
    // target and doubling lines and the gap.
    pen.line(&[(left, bottom), (right, bottom)], MUTED, 1.0)?;

    // The floors' path, dashed, with dots.
    let floor_pts: Vec<(f64, f64)> = d.floor_path.iter().enumerate().map(|(k, v)| (centre(k), y(*v))).collect();
    if floor_pts.len() > 1 {
        pen.dashed(&floor_pts, INK, 1.5)?;
    }
    for (x, yy) in &floor_pts {
        pen.dot(*x, *yy, 2.5, INK)?;
    }

    // The fan: the 90 % and 50 % bands of the city total, from the last
    // year without spread, and the median.
    if let Some(fan) = &d.fan {
        let from = fan.bands.iter().rposition(|b| (b[4] - b[0]).abs() < 1e-9).unwrap_or(0);
        let pts = |q: usize| -> Vec<(f64, f64)> {
            fan.bands.iter().enumerate().skip(from).map(|(k, b)| (centre(k), y(b[q]))).collect()
        };
        for (lo, hi, colour) in [(0, 4, FAN), (1, 3, FAN)] {
            let mut corners = pts(hi);
            corners.extend(pts(lo).into_iter().rev());
            pen.band(&corners, colour, if lo == 0 { 0.22 } else { 0.3 })?;
        }
        let median = pts(2);
        if median.len() > 1 {
            pen.line(&median, WHITE_INK, 3.5)?;
            pen.line(&median, FAN, 2.0)?;
        }
    }

    // Scenario A's totals, when comparing: a line with square markers.
    if let Some((_, totals)) = &d.compare {
        let pts: Vec<(f64, f64)> = totals.iter().enumerate().map(|(k, v)| (centre(k), y(*v))).collect();
        pen.line(&pts, COMPARE, 2.0)?;
        for (x, yy) in &pts {
            pen.rect(x - 3.5 * s, yy - 3.5 * s, x + 3.5 * s, yy + 3.5 * s, COMPARE)?;
        }
    }

    // Doubling and target lines. When they nearly coincide, one label says both.
    let (yt, yd) = (y(d.target), y(d.doubling));
    let close = (yt - yd).abs() < label_size * 1.3 * s;
    pen.dashed(&[(left, yd), (right, yd)], MUTED, 1.5)?;
    pen.line(&[(left, yt), (right, yt)], MISSED, 2.0)?;
    let target_text = if close && !d.compact {
        // "≈" only where the figures nearly agree; lines merely drawn close get a plain separator.
        let joiner = if (d.target - d.doubling).abs() <= 0.005 * d.target.abs() { "≈" } else { "·" };
        format!("{} {joiner} {}", d.target_label, d.doubling_label)
    } else {
        d.target_label.clone()
    };
    pen.text(&target_text, left + 4.0 * s, yt - 3.0 * s, label_size, MISSED, (HPos::Left, VPos::Bottom), true)?;
    if !close && !d.compact {
        let (anchor, dy) = if yd > yt { (VPos::Top, 3.0) } else { (VPos::Bottom, -3.0) };
        pen.text(&d.doubling_label, left + 4.0 * s, yd + dy * s, label_size, MUTED, (HPos::Left, anchor), false)?;
    }

    // The gap at the target year.
    let last = d.totals.len().saturating_sub(1);
    let total = d.totals.get(last).copied().unwrap_or(0.0);
    let gap_colour = if d.met { MET } else { MISSED };
    let bracket_x = (centre(last) + bar_w / 2.0 + 4.0 * s).min(w - pad - 2.0 * s);
    if (y(total) - yt).abs() > 2.0 * s {
        pen.line(&[(bracket_x, y(total)), (bracket_x, yt)], gap_colour, 2.0)?;
    }
    if d.compact {
        pen.text(&d.gap_label, pad, pad + title_size * 1.4 * s, label_size, gap_colour, (HPos::Left, VPos::Top), true)?;
    } else {
        let gap_y = y(total).min(yt) - 3.0 * s;
        let gap_y = if close || (gap_y - yt).abs() < label_size * s { gap_y - label_size * 1.3 * s } else { gap_y };
        let half = text_width(&d.gap_label, label_size * s) / 2.0;
        let gap_x = centre(last).min(w - pad - half);
        pen.text(&d.gap_label, gap_x, gap_y, label_size, gap_colour, (HPos::Center, VPos::Bottom), true)?;
    }

    Ok(())
}

// x, y, w, h, d: the names drawing code reads best with.
#[allow(clippy::many_single_char_names)]
fn draw_units<DB: DrawingBackend>(pen: &Pen<'_, DB>, d: &UnitsData) -> DrawResult<(), DB> {
    let (w, h) = dims(pen);
    let s = pen.s;
    let (pad, label_size) = (10.0 * s, 11.0);
    pen.text(&d.title, pad, pad, fit(&d.title, 14.0, w - 2.0 * pad, s), INK, (HPos::Left, VPos::Top), true)?;
    let name_w = d.bars.iter().map(|b| text_width(&b.name, label_size * s)).fold(0.0, f64::max);
    let max_mult =
        d.bars.iter().map(|b| b.range.map_or(b.multiple, |r| r.1.max(b.multiple))).fold(2.4, f64::max) * 1.12;
    let (step, x_top) = nice_axis(max_mult, 3, 7);
    let left = pad + name_w + 8.0 * s;
    let right = w - pad - text_width("0.00×", label_size * s) - 4.0 * s;
    let top = pad + 14.0 * 1.6 * s + label_size * 1.4 * s;
    let legend_h = label_size * 1.6 * s;
    let bottom = h - pad - legend_h - label_size * 3.0 * s;
    let x = |v: f64| left + (v / x_top).clamp(0.0, 1.0) * (right - left);

    let ticks = std::iter::successors(Some(0.0), |v| Some(v + step)).take_while(|v| *v <= x_top + step * 0.01);
    x_axis(
        pen,
        ticks.map(|v| (x(v), format!("{}×", crate::format::fixed(v, 1)))),
        (top, bottom, right, label_size),
        &d.x_title,
    )?;

    #[allow(clippy::cast_precision_loss)]
    let row = (bottom - top) / d.bars.len().max(1) as f64;
    for (i, b) in d.bars.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let mid = top + row * (i as f64 + 0.5);
        let colour = if b.met { MET } else { MISSED };
        pen.rect(x(0.0), mid - row * 0.32, x(b.multiple), mid + row * 0.32, colour)?;
        pen.text(&b.name, left - 6.0 * s, mid, label_size, INK, (HPos::Right, VPos::Center), false)?;
        // The 90 % range: a whisker with end ticks.
        let mut end = b.multiple.max(2.0);
        if let Some((lo, hi)) = b.range {
            let tick = row * 0.18;
            pen.line(&[(x(lo), mid), (x(hi), mid)], FAN, 1.5)?;
            pen.line(&[(x(lo), mid - tick), (x(lo), mid + tick)], FAN, 1.5)?;
            pen.line(&[(x(hi), mid - tick), (x(hi), mid + tick)], FAN, 1.5)?;
            end = end.max(hi);
        }
        // Values stand right of the bar, and right of the 2.0× line for
        // bars that stop short of it, so the line never crosses a label.
        pen.text(
            &format::multiple(b.multiple),
            x(end) + 4.0 * s,
            mid,
            label_size,
            colour,
            (HPos::Left, VPos::Center),
            true,
        )?;
    }
    pen.line(&[(x(0.0), top), (x(0.0), bottom)], MUTED, 1.0)?;
    pen.dashed(&[(x(2.0), top - 4.0 * s), (x(2.0), bottom)], INK, 1.5)?;
    pen.text(&d.reference_label, x(2.0), top - 5.0 * s, label_size, INK, (HPos::Center, VPos::Bottom), true)?;

    let legend_y = h - pad - legend_h / 2.0;
    let end = swatch_legend(pen, legend_y, pad, label_size, &d.legend, [MET, MISSED])?;
    if let Some(label) = &d.range_label {
        // After the swatches: a whisker and its label.
        let (left, right) = (end, end + label_size * 1.6 * s);
        let tick = label_size * 0.4 * s;
        pen.line(&[(left, legend_y), (right, legend_y)], FAN, 1.5)?;
        pen.line(&[(left, legend_y - tick), (left, legend_y + tick)], FAN, 1.5)?;
        pen.line(&[(right, legend_y - tick), (right, legend_y + tick)], FAN, 1.5)?;
        pen.text(label, right + label_size * 0.5 * s, legend_y, label_size, INK, (HPos::Left, VPos::Center), false)?;
    }
    Ok(())
}

// x, y, w, h, d: the names drawing code reads best with.
#[allow(clippy::many_single_char_names)]
fn draw_floors<DB: DrawingBackend>(pen: &Pen<'_, DB>, d: &FloorMapData) -> DrawResult<(), DB> {
    let (w, h) = dims(pen);
    let s = pen.s;
    let (pad, label_size) = (10.0 * s, 11.0);
    pen.text(&d.title, pad, pad, fit(&d.title, 14.0, w - 2.0 * pad, s), INK, (HPos::Left, VPos::Top), true)?;
    let name_w = d.units.iter().map(|n| text_width(n, label_size * s)).fold(0.0, f64::max);
    let left = pad + name_w + 8.0 * s;
    let right = w - pad;
    let top = pad + 14.0 * 1.6 * s + label_size * 2.8 * s;
    let legend_h = label_size * 2.0 * s;
    let bottom = h - pad - legend_h;
    #[allow(clippy::cast_precision_loss)]
    let (col_w, row_h) = ((right - left) / d.columns.len().max(1) as f64, (bottom - top) / d.units.len().max(1) as f64);

    for (k, (year, floor)) in d.columns.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let cx = left + col_w * (k as f64 + 0.5);
        pen.text(year, cx, top - label_size * 1.5 * s, label_size, INK, (HPos::Center, VPos::Bottom), true)?;
        pen.text(floor, cx, top - 3.0 * s, label_size * 0.9, MUTED, (HPos::Center, VPos::Bottom), false)?;
    }
    for (u, name) in d.units.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y0 = top + row_h * u as f64;
        pen.text(name, left - 6.0 * s, y0 + row_h / 2.0, label_size, INK, (HPos::Right, VPos::Center), false)?;
        for (k, cell) in d.cells.get(u).into_iter().flatten().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let x0 = left + col_w * k as f64;
            let fill = floor_colour(cell.diff);
            pen.rect(x0 + 1.0 * s, y0 + 1.0 * s, x0 + col_w - 1.0 * s, y0 + row_h - 1.0 * s, fill)?;
            let ink = floor_ink(cell.diff);
            let label = match cell.diff {
                Some(diff) if diff < 0.0 => format!("▼ {}%", format::growth_text(cell.growth)),
                _ => format!("{}%", format::growth_text(cell.growth)),
            };
            pen.text(&label, x0 + col_w / 2.0, y0 + row_h / 2.0, label_size, ink, (HPos::Center, VPos::Center), false)?;
        }
    }

    // Legend: a diverging scale from −15 to +15 points, then "no floor".
    let ly = h - pad - legend_h / 2.0;
    let bar_w = (w * 0.3).min(180.0 * s);
    let x0 = pad + text_width(&d.legend[0], label_size * s) + 10.0 * s;
    pen.text(&d.legend[0], pad, ly, label_size, INK, (HPos::Left, VPos::Center), false)?;
    let steps = 24_i32;
    for i in 0..steps {
        let t = f64::from(i) / f64::from(steps - 1);
        let diff = -FLOOR_SATURATION + t * 2.0 * FLOOR_SATURATION;
        let xa = x0 + bar_w * f64::from(i) / f64::from(steps);
        pen.rect(xa, ly - 5.0 * s, xa + bar_w / f64::from(steps) + 0.5, ly + 5.0 * s, floor_colour(Some(diff)))?;
    }
    pen.text("0", x0 + bar_w / 2.0, ly + 6.0 * s, label_size * 0.9, MUTED, (HPos::Center, VPos::Top), false)?;
    let x1 = x0 + bar_w + 6.0 * s;
    pen.text(&d.legend[1], x1, ly, label_size, INK, (HPos::Left, VPos::Center), false)?;
    let x2 = x1 + text_width(&d.legend[1], label_size * s) + 16.0 * s;
    pen.rect(x2, ly - 5.0 * s, x2 + 10.0 * s, ly + 5.0 * s, NEUTRAL)?;
    pen.text(&d.legend[2], x2 + 14.0 * s, ly, label_size, INK, (HPos::Left, VPos::Center), false)?;
    Ok(())
}

// x, y, w, h, d: the names drawing code reads best with.
#[allow(clippy::many_single_char_names)]
fn draw_gap<DB: DrawingBackend>(pen: &Pen<'_, DB>, d: &GapData) -> DrawResult<(), DB> {
    let (w, h) = dims(pen);
    let s = pen.s;
    let (pad, label_size) = (10.0 * s, 11.0);
    pen.text(&d.title, pad, pad, fit(&d.title, 14.0, w - 2.0 * pad, s), INK, (HPos::Left, VPos::Top), true)?;
    let names = d.bars.iter().map(|b| b.name.as_str()).chain([d.total.0.as_str()]);
    let name_w = names.map(|n| text_width(n, label_size * s)).fold(0.0, f64::max);
    let amounts = || d.bars.iter().map(|b| b.amount).chain([d.total.1]);
    let hi = amounts().fold(0.0, f64::max);
    let lo = amounts().fold(0.0, f64::min);
    let span = (hi - lo).max(1e-9);
    let value_w = text_width("−000.0", label_size * s) + 6.0 * s;
    let left = pad + name_w + 8.0 * s + value_w;
    let right = w - pad - value_w;
    let top = pad + 14.0 * 1.6 * s + label_size * 0.8 * s;
    let legend_h = label_size * 1.6 * s;
    let bottom = h - pad - legend_h - label_size * 3.0 * s;
    let x = |v: f64| left + (v - lo) / span * (right - left);

    // Axis ticks on a nice step around zero.
    // As many ticks as their labels fit side by side, with room between.
    let tick_w = text_width("−000", label_size * s) * 1.8;
    let fit = ((right - left) / tick_w).floor().clamp(2.0, 6.0);
    // Between 2 and 6, so the cast is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let (step, _) = nice_axis(span, 2, fit as u32);
    let first = (lo / step).ceil() * step;
    let ticks = std::iter::successors(Some(first), |v| Some(v + step)).take_while(|v| *v <= hi + step * 0.01);
    let label = |v: f64| {
        let plain = format::tick(v, step);
        if v > 0.0 && !format::is_zero_text(&plain) {
            format!("+{plain}")
        } else {
            plain
        }
    };
    x_axis(pen, ticks.map(|v| (x(v), label(v))), (top, bottom, right, label_size), &d.x_title)?;

    // One row per bar and one more for the city, after a gap.
    #[allow(clippy::cast_precision_loss)]
    let row = (bottom - top) / (d.bars.len() as f64 + 1.5);
    let bars = d.bars.iter().map(|b| (b.name.as_str(), b.amount, false)).chain([(d.total.0.as_str(), d.total.1, true)]);
    for (i, (name, amount, total)) in bars.enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let k = if total { i as f64 + 0.5 } else { i as f64 };
        let mid = top + row * (k + 0.5);
        let colour = if amount >= 0.0 { MET } else { MISSED };
        let (x0, x1) = (x(0.0).min(x(amount)), x(0.0).max(x(amount)));
        pen.rect(x0, mid - row * 0.32, x1.max(x0 + 1.0 * s), mid + row * 0.32, colour)?;
        pen.text(name, pad + name_w, mid, label_size, INK, (HPos::Right, VPos::Center), total)?;
        let (vx, anchor) = if amount >= 0.0 { (x1 + 4.0 * s, HPos::Left) } else { (x0 - 4.0 * s, HPos::Right) };
        pen.text(&format::signed_yi(amount), vx, mid, label_size, colour, (anchor, VPos::Center), true)?;
        if total {
            let line_y = mid - row * 0.75;
            pen.line(&[(pad, line_y), (w - pad, line_y)], MUTED, 1.0)?;
        }
    }
    pen.line(&[(x(0.0), top), (x(0.0), bottom)], INK, 1.0)?;

    swatch_legend(pen, h - pad - legend_h / 2.0, pad, label_size, &d.legend, [MET, MISSED]).map(|_| ())
}

/// A legend of coloured squares and their labels, left to right from `x`
/// on the line `y`.
fn swatch_legend<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    y: f64,
    x: f64,
    label_size: f64,
    labels: &[String],
    colours: [RGBColor; 2],
) -> DrawResult<f64, DB> {
    let s = pen.s;
    let sw = label_size * s;
    let mut lx = x;
    for (label, colour) in labels.iter().zip(colours) {
        pen.rect(lx, y - sw / 2.0, lx + sw, y + sw / 2.0, colour)?;
        pen.text(label, lx + sw * 1.5, y, label_size, INK, (HPos::Left, VPos::Center), false)?;
        lx += sw * 1.5 + text_width(label, label_size * s) + 16.0 * s;
    }
    Ok(lx)
}

/// Vertical grid lines with their labels under the plot, from `top` to
/// `bottom`, and the axis title at the right end below them.
fn x_axis<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    ticks: impl Iterator<Item = (f64, String)>,
    (top, bottom, right, label_size): (f64, f64, f64, f64),
    title: &str,
) -> DrawResult<(), DB> {
    let s = pen.s;
    for (x, label) in ticks {
        pen.line(&[(x, top), (x, bottom)], GRID, 1.0)?;
        pen.text(&label, x, bottom + 4.0 * s, label_size, MUTED, (HPos::Center, VPos::Top), false)?;
    }
    let y = bottom + label_size * 1.5 * s + 4.0 * s;
    pen.text(title, right, y, label_size, MUTED, (HPos::Right, VPos::Top), false)
}
