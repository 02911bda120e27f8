//! QR codes of links, as SVG markup made here from the `qrcode` crate's
//! module matrix (its own renderers are left out to keep the page small),
//! and read back from pixels with `rqrr` (by the QR decoder worker,
//! `src/bin/qr_decoder`, alone).

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

/// What [`decode_rgba`] read in an image.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    /// The texts of the codes read, in the order found, each once.
    pub texts: Vec<String>,
    /// Codes found whose contents could not be read (blurred, cut, too
    /// small at this scale).
    pub unreadable: usize,
}

/// Reads every QR code in an RGBA image of `width` × `height` pixels
/// (`rgba` holds 4 bytes a pixel, row by row; a shorter buffer reads as
/// white).
pub fn decode_rgba(width: usize, height: usize, rgba: &[u8]) -> Decoded {
    let luma = |x: usize, y: usize| -> u8 {
        let i = (y * width + x) * 4;
        match rgba.get(i..i + 3) {
            // Rec. 601 weights in integers: (77 R + 150 G + 29 B) / 256,
            // at most 255.
            #[allow(clippy::cast_possible_truncation)]
            Some(p) => ((77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2])) >> 8) as u8,
            None => 255,
        }
    };
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(width, height, luma);
    let mut out = Decoded::default();
    for grid in img.detect_grids() {
        match grid.decode() {
            Ok((_, text)) if !out.texts.contains(&text) => out.texts.push(text),
            Ok(_) => {}
            Err(_) => out.unreadable += 1,
        }
    }
    out
}
