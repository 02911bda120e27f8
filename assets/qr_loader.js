// The QR decoder worker (src/bin/qr_decoder/main.rs). The page's client
// (qr_client.js) starts it on the first image or camera scan. It loads
// Trunk's worker output next to it: qr-decoder.js (wasm-bindgen's
// no-modules glue, which defines `wasm_bindgen`) and qr-decoder_bg.wasm,
// with the page's build hash as ?v=… so that a cached decoder never meets
// a newer page.
//
// Each message is { id, source }: an image file (Blob) or an ImageBitmap
// of a camera frame. The answer is { id, texts } or { id, error: { kind,
// detail } }, kind `image` (not an image the browser can read), `load`
// (the decoder's files could not be loaded) or `decode` (the decoder
// trapped on this image; the worker then closes, and the client starts a
// new one for the next request).
'use strict';

// Large photos are read at this many pixels a side first: a phone's
// 12-megapixel photo of a QR code reads as well at 2,000 px and four times
// faster; the full size is read only if that finds nothing or leaves a
// code unreadable.
const FIRST_SIDE = 2000;

let ready;
try {
  const version = self.location.search;
  importScripts(`./qr-decoder.js${version}`);
  ready = wasm_bindgen({ module_or_path: `./qr-decoder_bg.wasm${version}` });
} catch (err) {
  ready = Promise.reject(err);
}

function pixels(bitmap, scale) {
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(w, h);
  const g = canvas.getContext('2d', { willReadFrequently: true });
  g.drawImage(bitmap, 0, 0, w, h);
  return [w, h, g.getImageData(0, 0, w, h).data];
}

async function decode(source) {
  try {
    await ready;
  } catch (err) {
    throw { kind: 'load', detail: String(err && err.message ? err.message : err) };
  }
  let bitmap = source;
  if (!(source instanceof ImageBitmap)) {
    try {
      bitmap = await createImageBitmap(source);
    } catch (err) {
      throw { kind: 'image', detail: String(err && err.message ? err.message : err) };
    }
  }
  const long = Math.max(bitmap.width, bitmap.height);
  const scales = long > FIRST_SIDE ? [FIRST_SIDE / long, 1] : [1];
  const texts = [];
  for (const scale of scales) {
    const [w, h, data] = pixels(bitmap, scale);
    let out;
    try {
      out = wasm_bindgen.decode_rgba(w, h, data);
    } catch (err) {
      // The decoder trapped (a panic aborts): this instance is spent.
      bitmap.close();
      throw { kind: 'decode', detail: String(err && err.message ? err.message : err), spent: true };
    }
    const [unreadable, ...found] = out;
    for (const t of found) if (!texts.includes(t)) texts.push(t);
    if (texts.length > 0 && unreadable === 0) break;
  }
  bitmap.close();
  return texts;
}

self.onmessage = async (event) => {
  const { id, source } = event.data || {};
  try {
    self.postMessage({ id, texts: await decode(source) });
  } catch (err) {
    const error = err && err.kind ? { kind: err.kind, detail: err.detail } : { kind: 'load', detail: String(err) };
    self.postMessage({ id, error });
    // A trapped wasm is not used again: the client starts a new worker.
    if (err && err.spent) self.close();
  }
};
