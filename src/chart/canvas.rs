//! plotters-canvas, with the canvas state it sets kept: the profile of a
//! slider step put most of a chart's drawing time in text, and most of
//! that in setting the same font, alignment and colour again before every
//! label (each a string formatted in Rust, decoded in JS and parsed by the
//! canvas). This backend sets each only when it changes. It draws every
//! shape itself, with `CanvasBackend` giving the size, so that no colour
//! or font size is written with core's float formatting (see
//! `format::fixed`). Lines drawn one after another in the same style (grid
//! lines, ticks, dashes) go into one path, stroked once when something else
//! is drawn: one canvas stroke instead of one per line.

use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The canvas state last set here; `None` where another call may have
/// changed it.
#[derive(Default)]
struct Set {
    fill: Option<((u8, u8, u8), u64)>,
    stroke: Option<((u8, u8, u8), u64, u32)>,
    font: Option<(String, u64, String)>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
}

/// A canvas backend that sets fill colour, font and text alignment only
/// when they change.
pub struct Canvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    set: Set,
    /// A path of lines in the set stroke style, not stroked yet.
    lines: bool,
}

/// Error type of the backend: a canvas call that failed.
pub type Error = CanvasProblem;
type Result<T = ()> = std::result::Result<T, DrawingErrorKind<Error>>;

impl Canvas {
    /// The backend for `canvas`; `None` where the browser gives no 2D
    /// context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Self> {
        let context = canvas.get_context("2d").ok()??.dyn_into::<CanvasRenderingContext2d>().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(Canvas { inner, context, set: Set::default(), lines: false })
    }

    /// Draws what `layer` holds over the whole canvas: one copy of a kept
    /// chart back instead of its drawing calls.
    ///
    /// # Errors
    ///
    /// What the browser reports.
    pub fn copy(&self, layer: &HtmlCanvasElement) -> std::result::Result<(), String> {
        self.context.draw_image_with_html_canvas_element(layer, 0.0, 0.0).map_err(crate::web::js_error)
    }

    /// Strokes the lines waiting in the path, before anything else is drawn
    /// or any state changes.
    fn flush(&mut self) {
        if self.lines {
            self.context.stroke();
            self.lines = false;
        }
    }

    fn fill(&mut self, colour: BackendColor) {
        let key = (colour.rgb, colour.alpha.to_bits());
        if self.set.fill != Some(key) {
            self.context.set_fill_style_str(&css_colour(colour));
            self.set.fill = Some(key);
        }
    }

    fn stroke(&mut self, style: &impl BackendStyle) {
        let colour = style.color();
        let key = (colour.rgb, colour.alpha.to_bits(), style.stroke_width());
        if self.set.stroke != Some(key) {
            self.context.set_stroke_style_str(&css_colour(colour));
            self.context.set_line_width(f64::from(style.stroke_width()));
            self.set.stroke = Some(key);
        }
    }

    /// A path through `points`, closed when `close`.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>, close: bool) {
        self.context.begin_path();
        let mut points = points.into_iter();
        if let Some(first) = points.next() {
            self.context.move_to(f64::from(first.0), f64::from(first.1));
            for p in points {
                self.context.line_to(f64::from(p.0), f64::from(p.1));
            }
            if close {
                self.context.close_path();
            }
        }
    }
}

fn js_problem(e: wasm_bindgen::JsValue) -> DrawingErrorKind<Error> {
    DrawingErrorKind::DrawingError(CanvasProblem(crate::web::js_error(e)))
}

/// A horizontal or vertical line one device pixel wide, moved half a
/// pixel so that it covers one row of pixels rather than two half-lit
/// ones (as plotters-canvas draws it).
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = ((f64::from(from.0), f64::from(from.1)), (f64::from(to.0), f64::from(to.1)));
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

/// Records `value` in `slot`; true when it was not there already.
fn changed(slot: &mut Option<&'static str>, value: &'static str) -> bool {
    slot.replace(value) != Some(value)
}

/// `#rrggbb`, or `rgba(…)` when not opaque.
fn css_colour(colour: BackendColor) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let (r, g, b) = colour.rgb;
    if colour.alpha >= 1.0 {
        let mut s = String::with_capacity(7);
        s.push('#');
        for v in [r, g, b] {
            s.push(char::from(HEX[usize::from(v >> 4)]));
            s.push(char::from(HEX[usize::from(v & 15)]));
        }
        s
    } else {
        let alpha = crate::format::fixed(colour.alpha.clamp(0.0, 1.0), 3);
        format!("rgba({r},{g},{b},{})", crate::format::trim_zeros(&alpha))
    }
}

impl DrawingBackend for Canvas {
    type ErrorType = Error;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        self.flush();
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, colour: BackendColor) -> Result {
        self.flush();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        self.fill(colour);
        self.context.fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (a, b) = crisp(from, to);
        let colour = style.color();
        let key = (colour.rgb, colour.alpha.to_bits(), style.stroke_width());
        if !(self.lines && self.set.stroke == Some(key)) {
            self.flush();
            self.stroke(style);
            self.context.begin_path();
            self.lines = true;
        }
        self.context.move_to(a.0, a.1);
        self.context.line_to(b.0, b.1);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        self.flush();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (f64::from(bottom_right.0 - upper_left.0), f64::from(bottom_right.1 - upper_left.1));
        if fill {
            self.fill(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.stroke(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result {
        self.flush();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.stroke(style);
        self.trace(path, false);
        self.context.stroke();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result {
        self.flush();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.fill(style.color());
        } else {
            self.stroke(style);
        }
        self.context.begin_path();
        self.context
            .arc(f64::from(center.0), f64::from(center.1), f64::from(radius), 0.0, std::f64::consts::TAU)
            .map_err(js_problem)?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result {
        self.flush();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.fill(style.color());
        self.trace(vert, true);
        self.context.fill();
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result {
        self.flush();
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let quarter_turns = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 1.0,
            FontTransform::Rotate180 => 2.0,
            FontTransform::Rotate270 => 3.0,
        };
        let (mut x, mut y) = (f64::from(pos.0), f64::from(pos.1));
        if quarter_turns != 0.0 {
            // Rotated about the anchor; save and restore keep the set
            // state (font, colours, alignment) as it was.
            self.context.save();
            self.context.translate(x, y).map_err(js_problem)?;
            self.context.rotate(quarter_turns * std::f64::consts::FRAC_PI_2).map_err(js_problem)?;
            (x, y) = (0.0, 0.0);
        }
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if changed(&mut self.set.baseline, baseline) {
            self.context.set_text_baseline(baseline);
        }
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if changed(&mut self.set.align, align) {
            self.context.set_text_align(align);
        }
        self.fill(colour);
        let (font_style, size, family) = (style.style(), style.size(), style.family());
        let same =
            self.set.font.as_ref().is_some_and(|(st, sz, fam)| {
                st == font_style.as_str() && *sz == size.to_bits() && fam == family.as_str()
            });
        if !same {
            self.context.set_font(&format!(
                "{} {}px {}",
                font_style.as_str(),
                crate::format::fixed(size, 2),
                family.as_str()
            ));
            self.set.font = Some((font_style.as_str().to_owned(), size.to_bits(), family.as_str().to_owned()));
        }
        let drawn = self.context.fill_text(text, x, y).map_err(js_problem);
        if quarter_turns != 0.0 {
            self.context.restore();
            // What was set inside the saved state is gone with it.
            self.set = Set::default();
        }
        drawn
    }
}

/// A canvas call that failed, as the browser said it.
#[derive(Debug)]
pub struct CanvasProblem(String);

impl std::fmt::Display for CanvasProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasProblem {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_css_hex_when_opaque_and_rgba_otherwise() {
        assert_eq!(css_colour(BackendColor { alpha: 1.0, rgb: (0x1C, 0x24, 0x30) }), "#1c2430");
        assert_eq!(css_colour(BackendColor { alpha: 1.0, rgb: (0, 255, 9) }), "#00ff09");
        assert_eq!(css_colour(BackendColor { alpha: 0.5, rgb: (1, 2, 3) }), "rgba(1,2,3,0.5)");
        assert_eq!(css_colour(BackendColor { alpha: 0.125, rgb: (1, 2, 3) }), "rgba(1,2,3,0.125)");
        assert_eq!(css_colour(BackendColor { alpha: 0.0, rgb: (1, 2, 3) }), "rgba(1,2,3,0)");
    }
}
