//! A chart on a canvas: sized to its container and the device-pixel ratio,
//! redrawn whenever its data or size changes, described for screen readers,
//! and downloadable as SVG (same drawing code) or PNG (the canvas).

use std::rc::Rc;

use plotters::prelude::IntoDrawingArea;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::chart::{self, ChartData};
use crate::i18n::Lang;
use crate::model::IndicatorKey;
use crate::web;

/// Props of [`ChartCanvas`].
#[derive(Properties, PartialEq, Clone)]
pub struct ChartCanvasProps {
    /// What to draw.
    pub data: Rc<ChartData>,
    /// The indicator shown, for the test hook and file names.
    pub indicator: IndicatorKey,
    /// Interface language.
    pub lang: Lang,
    /// The scenario's name for download file names.
    pub scenario_name: AttrValue,
    /// The canvas's `data-testid`.
    pub testid: AttrValue,
    /// Size class: `large`, `small` …
    #[prop_or_default]
    pub class: Classes,
    /// Whether to offer downloads.
    #[prop_or(true)]
    pub downloads: bool,
    /// Type, lines and margins this many times larger (a projector wants
    /// about 1.6).
    #[prop_or(1.0)]
    pub zoom: f64,
    /// Whether the first drawing waits one frame more, so that the first
    /// frame paints the page's main chart sooner (the small multiples).
    #[prop_or_default]
    pub later: bool,
}

/// A path chart's back as last drawn (see `chart::draw::Part`): its
/// recorded calls and scale, and a canvas (not in the page) holding them.
struct Back {
    ops: Vec<chart::draw::PenOp>,
    scale: f64,
    layer: HtmlCanvasElement,
}

/// How a drawing came: the time it took in milliseconds, the zoom applied
/// to text and lines, and for a path chart whether its back was kept.
struct Painted {
    ms: f64,
    zoom: f64,
    kept: Option<bool>,
}

/// Draws `data` on `canvas` at `size` CSS pixels, its text in `lang` (a
/// `lang` attribute value). A path chart's back is drawn again only when
/// its calls, size, scale or language changed;
/// otherwise the kept one is copied.
fn paint(
    canvas: &HtmlCanvasElement,
    data: &ChartData,
    size: (u32, u32),
    zoom: f64,
    lang: &str,
    back: &mut Option<Back>,
) -> Result<Painted, String> {
    let start = web::now_ms();
    let dpr = web::device_pixel_ratio();
    let scaled = |v: u32| {
        // Sizes are a few thousand pixels at most, so the casts are exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let device = (f64::from(v) * dpr).round() as u32;
        device.max(1)
    };
    let (w, h) = (scaled(size.0), scaled(size.1));
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let backend =
        |c: &HtmlCanvasElement| chart::canvas::Canvas::new(c.clone()).ok_or("this browser gives no 2D canvas");
    let root = backend(canvas)?.into_drawing_area();
    // Zoom only as far as the height allows (about 230 CSS px per 1×), so
    // that the legend and labels leave the plot its room.
    let zoom = zoom.min(f64::from(size.1) / 230.0).max(1.0);
    let scale = dpr * zoom;
    let mut kept_back = None;
    if chart::draw::has_back(data) {
        let ops = chart::draw::record_back(&root, data, scale).map_err(|e| e.to_string())?;
        let same = |b: &Back| {
            b.layer.width() == w
                && b.layer.height() == h
                && b.scale.to_bits() == scale.to_bits()
                && b.layer.lang() == lang
                && b.ops == ops
        };
        let reused = back.take().filter(same);
        kept_back = Some(reused.is_some());
        let kept = if let Some(b) = reused {
            b
        } else {
            let layer = web::detached_canvas(lang)?;
            layer.set_width(w);
            layer.set_height(h);
            let area = backend(&layer)?.into_drawing_area();
            chart::draw::replay_back(&area, &ops, scale).map_err(|e| e.to_string())?;
            area.present().map_err(|e| e.to_string())?;
            Back { ops, scale, layer }
        };
        backend(canvas)?.copy(&kept.layer)?;
        *back = Some(kept);
    } else {
        *back = None;
    }
    chart::draw::draw_front(&root, data, scale).map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())?;
    Ok(Painted { ms: web::now_ms() - start, zoom, kept: kept_back })
}

/// A chart canvas with its text alternative and download buttons.
#[component]
pub fn ChartCanvas(props: &ChartCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    let size = use_state_eq(|| (0u32, 0u32));
    // The size read when the canvas was mounted, for the first drawing.
    let measured = use_mut_ref(|| (0u32, 0u32));
    let problem = use_state_eq(|| None::<String>);
    {
        let (canvas_ref, size, measured) = (canvas_ref.clone(), size.clone(), measured.clone());
        use_effect_with((), move |()| {
            // The size now, so that the first drawing is requested before
            // the first frame (an observer reports only after that frame's
            // layout); then every change of size.
            let watch = canvas_ref.cast::<web_sys::Element>().and_then(|el| {
                *measured.borrow_mut() = web::size_now(&el);
                web::watch_size(&el, move |w, h| size.set((w, h)))
            });
            move || drop(watch)
        });
    }
    // Painting waits for the next animation frame: the verdicts update at
    // once, and a drag that sends several inputs within one frame paints
    // the chart once, with the newest data. A newer request replaces (and so
    // cancels) an older one.
    let frame = use_mut_ref(|| None::<gloo::render::AnimationFrame>);
    // What was last sent to be drawn: the observer's first report repeats
    // the measured size, which needs no second drawing.
    let requested = use_mut_ref(|| None::<(Rc<ChartData>, (u32, u32))>);
    let back = use_mut_ref(|| None::<Back>);
    let draw = {
        let (canvas_ref, problem, zoom, lang) = (canvas_ref.clone(), problem.clone(), props.zoom, props.lang);
        move |data: &ChartData, size: (u32, u32)| {
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                match paint(&canvas, data, size, zoom, lang.html_lang(), &mut back.borrow_mut()) {
                    Ok(Painted { ms, zoom, kept }) => {
                        let _ = canvas.set_attribute("data-draw-ms", &crate::format::fixed(ms, 3));
                        let _ = canvas.set_attribute("data-zoom", &crate::format::fixed(zoom, 3));
                        if let Some(kept) = kept {
                            let _ = canvas.set_attribute("data-back", if kept { "kept" } else { "drawn" });
                        }
                        problem.set(None);
                    }
                    Err(e) => problem.set(Some(e)),
                }
            }
        }
    };
    // The first drawing is asked for while the first render runs, not by the
    // effect below: in a long first render yew yields to the browser before
    // it runs the effects, and the effect's request would then miss the
    // first frame (the chart came one frame, about 100 ms, after the page).
    // By the time the frame's callbacks run, the canvas is in the page.
    let _first = use_memo((), {
        let (canvas_ref, requested, measured, draw) =
            (canvas_ref.clone(), requested.clone(), measured.clone(), draw.clone());
        let (data, later) = (props.data.clone(), props.later);
        move |()| {
            (!later).then(|| {
                gloo::render::request_animation_frame(move |_| {
                    let Some(el) = canvas_ref.cast::<web_sys::Element>() else { return };
                    if requested.borrow().is_some() {
                        return;
                    }
                    let size = web::size_now(&el);
                    if size.0 > 0 && size.1 > 0 {
                        *measured.borrow_mut() = size;
                        *requested.borrow_mut() = Some((data.clone(), size));
                        draw(&data, size);
                    }
                })
            })
        }
    });
    {
        let later = props.later;
        use_effect_with((props.data.clone(), *size), move |(data, size)| {
            let size = if size.0 > 0 { *size } else { *measured.borrow() };
            let data = data.clone();
            let same = requested.borrow().as_ref().is_some_and(|(d, s)| Rc::ptr_eq(d, &data) && *s == size);
            if size.0 > 0 && size.1 > 0 && !same {
                let wait = later && requested.borrow().is_none();
                *requested.borrow_mut() = Some((data.clone(), size));
                let draw = move || draw(&data, size);
                let slot = frame.clone();
                *frame.borrow_mut() = Some(gloo::render::request_animation_frame(move |_| {
                    if wait {
                        *slot.borrow_mut() = Some(gloo::render::request_animation_frame(move |_| draw()));
                    } else {
                        draw();
                    }
                }));
            }
        });
    }

    let lang = props.lang;
    let s = lang.s();
    let kind = props.data.kind();
    let stem = web::file_safe(&format!(
        "{}_{}_{}_{}",
        s.app_name,
        props.indicator,
        kind.as_str(),
        crate::format::file_stem(&props.scenario_name, s.default_scenario_name, &web::today())
    ));
    // The SVG is drawn by the on-demand panels' wasm (see
    // `extra_host::chart_svg`), from the state the click has brought up to
    // date; a second click while it loads is ignored.
    let svg_busy = use_state_eq(|| false);
    // A download's failure, apart from the drawing's: the next download
    // that works clears it, and only it.
    let download_problem = use_state_eq(|| None::<String>);
    let on_svg = {
        let (size, problem, stem, busy) = (*size, download_problem.clone(), stem.clone(), svg_busy.clone());
        let (indicator, lang) = (props.indicator, lang);
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            let (problem, stem, busy) = (problem.clone(), stem.clone(), busy.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let (w, h) = (size.0.max(320), size.1.max(200));
                let result = crate::components::extra_host::chart_svg(kind, indicator, (w, h), lang)
                    .await
                    .and_then(|svg| web::download_text(&format!("{stem}.svg"), "image/svg+xml", &svg));
                problem.set(result.err());
                busy.set(false);
            });
        })
    };
    let on_png = {
        let (canvas_ref, problem, stem) = (canvas_ref.clone(), download_problem.clone(), stem.clone());
        Callback::from(move |_: MouseEvent| {
            let result = canvas_ref
                .cast::<HtmlCanvasElement>()
                .ok_or_else(|| "no canvas".to_owned())
                .and_then(|c| c.to_data_url().map_err(web::js_error))
                .and_then(|url| web::download_url(&format!("{stem}.png"), &url));
            problem.set(result.err());
        })
    };
    // The text alternative follows the first paint: a first load paints
    // its charts without building their tables first.
    let described = crate::components::settle::use_after_first_paint();
    let table = described.then(|| props.data.table(lang));
    html! {
        <figure class={classes!("chart", format!("chart-{}", kind.as_str()), props.class.clone())}>
            // Marked with its text's language, which picks the fonts of
            // its digits and Latin letters (also on the kept back's canvas).
            <canvas
                ref={canvas_ref}
                lang={lang.html_lang()}
                role="img"
                aria-label={props.data.summary(lang)}
                data-testid={props.testid.clone()}
            />
            <div class="sr-only">
                if let Some(table) = table {
                    <table>
                        <caption>{props.data.title()}</caption>
                        <thead><tr>{ for table.headers.iter().map(|h| html! { <th scope="col">{h}</th> }) }</tr></thead>
                        <tbody>
                            { for table.rows.iter().map(|r| html! { <tr>{ for r.iter().map(|c| html! { <td>{c}</td> }) }</tr> }) }
                        </tbody>
                    </table>
                }
            </div>
            if props.downloads {
                <figcaption class="chart-tools" aria-label={s.download_label}>
                    <button type="button" class="btn small" onclick={on_svg} aria-busy={svg_busy.then_some("true")} data-testid={format!("download-svg-{}-{}", kind.as_str(), props.indicator)}>{s.download_svg}</button>
                    <button type="button" class="btn small" onclick={on_png} data-testid={format!("download-png-{}-{}", kind.as_str(), props.indicator)}>{s.download_png}</button>
                </figcaption>
            }
            if let Some(p) = (*problem).clone() {
                <p class="field-error" role="alert">{p}</p>
            }
            if let Some(p) = (*download_problem).clone() {
                <p class="field-error" role="alert">{p}</p>
            }
        </figure>
    }
}
