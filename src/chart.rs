//! Charts: pure chart data computed from the plan and a scenario, and one
//! drawing function per chart, generic over plotters' `DrawingBackend`
//! (plotters-canvas in the browser, through [`canvas::Canvas`], which keeps
//! the canvas state it sets; `SVGBackend` in tests and downloads).
//!
//! Layout is computed here, in pixels, rather than by plotters'
//! `ChartBuilder`: its label layout measures text through the DOM on wasm,
//! which forces a reflow per label and sets inline styles that the page's
//! Content-Security-Policy forbids. Text is drawn with explicit anchors, so
//! no measurement is ever needed beyond a width estimate for margins.

pub mod canvas;
pub mod data;
pub mod draw;
mod layout;

pub use data::{ChartData, ChartKind, ChartTable, FloorMapData, GapData, PathData, UnitsData};
pub use draw::{draw, render_svg};
