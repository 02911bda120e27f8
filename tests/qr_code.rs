//! The QR code of a link decodes back to the link (read with rqrr, an
//! independent decoder), and the SVG draws exactly its dark modules.

// Tests fail loudly on purpose.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use doubling_sandbox::qr;

fn decode(text: &str) -> String {
    let (width, dark) = qr::modules(text).unwrap();
    // Four px a module and a four-module quiet zone, as a greyscale image.
    let (scale, margin) = (4, 4);
    let side = (width + 2 * margin) * scale;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        let (mx, my) = ((x / scale).wrapping_sub(margin), (y / scale).wrapping_sub(margin));
        if mx < width && my < width && dark[my * width + mx] {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1);
    grids[0].decode().unwrap().1
}

#[test]
fn a_link_survives_the_qr_code() {
    let link = "https://intranet.example/sandbox/#s=AQIh5Y6_5Yy65Lya5ZWG5pa55qGIIELvvIgyMDI0LTAz77yJCQHgKwGoLQHwLgG4MAHAMgGwNAGYNgGEOAF8OgEbAAAAAAAAAAAAAAA";
    assert_eq!(decode(link), link);
}

#[test]
fn the_svg_draws_the_dark_modules_and_nothing_else() {
    let text = "#s=AQAAAAAAAAAAAEgDSAw";
    let (width, dark) = qr::modules(text).unwrap();
    let svg = qr::svg(text, "二维码 <\"甲&乙\">").unwrap();
    assert!(svg.contains(r#"role="img" aria-label="二维码 &lt;&quot;甲&amp;乙&quot;>""#), "{svg}");
    assert!(svg.starts_with("<svg") && svg.contains(&format!("viewBox=\"0 0 {0} {0}\"", width + 8)));
    assert_eq!(svg.matches("h1v1h-1z").count(), dark.iter().filter(|d| **d).count());
    assert!(!svg.contains("script"), "numbers only, nothing executable");
}

#[test]
fn a_text_too_long_for_any_qr_code_gives_none() {
    assert!(qr::svg(&"x".repeat(5000), "QR").is_none());
}

/// The QR code of `text` drawn as an RGBA image `side` px wide on light
/// grey, `px` px a module, turned by `degrees` about the image's centre,
/// with its centre at (`cx`, `cy`) of the image, sampled at each pixel's
/// centre (nearest module). Pixel counts are small: exact in f64.
#[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn drawn(text: &str, side: usize, px: f64, degrees: f64, (cx, cy): (f64, f64), rgba: &mut [u8]) {
    let (width, dark) = qr::modules(text).unwrap();
    let (sin, cos) = degrees.to_radians().sin_cos();
    let half = width as f64 / 2.0;
    for y in 0..side {
        for x in 0..side {
            let (dx, dy) = (x as f64 + 0.5 - cx, y as f64 + 0.5 - cy);
            // Back into the code's own frame, in modules from its centre.
            let (u, v) = ((dx * cos + dy * sin) / px + half, (-dx * sin + dy * cos) / px + half);
            let inside = u >= 0.0 && v >= 0.0 && (u as usize) < width && (v as usize) < width;
            let on = inside && dark[v as usize * width + u as usize];
            let quiet = u >= -4.0 && v >= -4.0 && u < width as f64 + 4.0 && v < width as f64 + 4.0;
            let shade: u8 = if on {
                20
            } else if quiet {
                250
            } else {
                continue;
            };
            let i = (y * side + x) * 4;
            rgba[i..i + 4].copy_from_slice(&[shade, shade, shade, 255]);
        }
    }
}

#[test]
fn a_page_qr_code_scaled_and_rotated_reads_back_and_two_in_one_image_read_as_two() {
    let a = "https://intranet.example/sandbox/#s=AQIh5Y6_5Yy65Lya5ZWG5pa55qGIIELvvIgyMDI0LTAz77yJCQHgKwGoLQHwLgG4MAHAMgGwNAGYNgGEOAF8OgEbAAAAAAAAAAAAAAA";
    let b = "#s=AQAAAAAAAAAAAEgDSAw";
    for (px, degrees) in [(3.0, 0.0), (4.6, 17.0), (7.3, 90.0), (5.5, 200.0), (3.4, -33.0)] {
        let side = 900;
        let mut rgba = vec![180u8; side * side * 4];
        drawn(a, side, px, degrees, (450.0, 450.0), &mut rgba);
        let got = qr::decode_rgba(side, side, &rgba);
        assert_eq!(got.texts, vec![a.to_owned()], "{px} px a module, turned {degrees}°");
    }
    let (w, h) = (1400, 700);
    let mut rgba = vec![200u8; w * h * 4];
    let mut left = vec![200u8; h * h * 4];
    let mut right = vec![200u8; h * h * 4];
    drawn(a, h, 4.0, 8.0, (350.0, 350.0), &mut left);
    drawn(b, h, 9.0, -12.0, (350.0, 350.0), &mut right);
    for y in 0..h {
        rgba[y * w * 4..(y * w + h) * 4].copy_from_slice(&left[y * h * 4..(y + 1) * h * 4]);
        rgba[(y * w + h) * 4..(y + 1) * w * 4].copy_from_slice(&right[y * h * 4..(y + 1) * h * 4]);
    }
    let mut got = qr::decode_rgba(w, h, &rgba).texts;
    got.sort();
    let mut want = vec![a.to_owned(), b.to_owned()];
    want.sort();
    assert_eq!(got, want);
    // Nothing to read, and a buffer too short: no code, no panic.
    assert_eq!(qr::decode_rgba(50, 50, &[255; 400]), qr::Decoded::default());
}
