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
