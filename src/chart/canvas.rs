//! plotters-canvas, with the canvas state it sets kept: the profile of a
//! slider step put most of a chart's drawing time in text, and most of
//! that in setting the same font, alignment and colour again before every
//! label (each a string formatted in Rust, decoded in JS and parsed by the
//! canvas). This backend sets each only when it changes, and hands every
//! other call to `CanvasBackend` as it is.

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
}

/// Error type of the backend (that of plotters-canvas).
pub type Error = <CanvasBackend as DrawingBackend>::ErrorType;
type Result<T = ()> = std::result::Result<T, DrawingErrorKind<Error>>;

impl Canvas {
    /// The backend for `canvas`; `None` where the browser gives no 2D
    /// context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Self> {
        let context = canvas.get_context("2d").ok()??.dyn_into::<CanvasRenderingContext2d>().ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(Canvas { inner, context, set: Set::default() })
    }

    fn fill(&mut self, colour: BackendColor) {
        let key = (colour.rgb, colour.alpha.to_bits());
        if self.set.fill != Some(key) {
            self.context.set_fill_style_str(&css_colour(colour));
            self.set.fill = Some(key);
        }
    }

    /// After a call handed to plotters-canvas, which sets the fill colour
    /// itself.
    fn forget_fill(&mut self) {
        self.set.fill = None;
    }
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
        format!("rgba({r},{g},{b},{})", colour.alpha)
    }
}

impl DrawingBackend for Canvas {
    type ErrorType = Error;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, colour: BackendColor) -> Result {
        if colour.alpha == 0.0 {
            return Ok(());
        }
        self.fill(colour);
        self.context.fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        if !fill {
            return self.inner.draw_rect(upper_left, bottom_right, style, fill);
        }
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.fill(style.color());
        self.context.fill_rect(
            f64::from(upper_left.0),
            f64::from(upper_left.1),
            f64::from(bottom_right.0 - upper_left.0),
            f64::from(bottom_right.1 - upper_left.1),
        );
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result {
        self.forget_fill();
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result {
        self.forget_fill();
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        if !matches!(style.transform(), FontTransform::None) {
            // Rotated text saves and restores the whole state.
            self.set = Set::default();
            return self.inner.draw_text(text, style, pos);
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
            self.context.set_font(&format!("{} {}px {}", font_style.as_str(), size, family.as_str()));
            self.set.font = Some((font_style.as_str().to_owned(), size.to_bits(), family.as_str().to_owned()));
        }
        self.context
            .fill_text(text, f64::from(pos.0), f64::from(pos.1))
            .map_err(|e| DrawingErrorKind::FontError(Box::new(CanvasProblem(crate::web::js_error(e)))))
    }
}

/// A canvas call that failed, as the browser said it.
#[derive(Debug)]
struct CanvasProblem(String);

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
    }
}
