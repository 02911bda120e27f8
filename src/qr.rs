//! QR codes of links, as SVG markup made here from the `qrcode` crate's
//! module matrix (its own renderers are left out to keep the page small).

use std::fmt::Write;

use qrcode::{Color, EcLevel, QrCode};

/// An SVG of `text` as a QR code with error correction level M and a
/// four-module quiet zone, named `label` for screen readers, or `None` if
/// the text is too long for any QR version. The markup is generated here
/// from numbers and the label, whose `&`, `<` and `"` are escaped, so it is
/// safe to insert.
pub fn svg(text: &str, label: &str) -> Option<String> {
    let (width, dark) = modules(text)?;
    let size = width + 8;
    let mut path = String::with_capacity(width * width * 4);
    for (i, is_dark) in dark.iter().enumerate() {
        if *is_dark {
            let _ = write!(path, "M{},{}h1v1h-1z", i % width + 4, i / width + 4);
        }
    }
    let label = label.replace('&', "&amp;").replace('<', "&lt;").replace('"', "&quot;");
    Some(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges" role="img" aria-label="{label}"><rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>"##
    ))
}

/// The dark modules of the QR code of `text`, row by row, with the width.
pub fn modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some((code.width(), code.to_colors().iter().map(|c| *c == Color::Dark).collect()))
}
