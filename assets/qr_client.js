// The page's side of the QR decoder, loaded on the first image or camera
// scan of the workshop view: assets/boot.js imports this module when the
// extras wasm first calls doublingQr(), so none of it is in the first load.
//
// decodeImage(file) reads the QR codes in an image file with the decoder
// worker (qr_loader.js, src/bin/qr_decoder) and gives their texts; it
// rejects with { kind, detail }: `image` (not an image), `load` (the
// decoder could not be loaded or stopped), `decode` (it failed on this
// image), `timeout`.
//
// startCamera(video, onTexts, onProblem) shows the camera in `video` and
// calls onTexts(texts) with the codes it reads, with the browser's
// BarcodeDetector where it reads QR codes, else with the same worker on a
// frame every 150 ms; it gives a function that stops the camera, or
// rejects with { kind, detail }: `insecure` (no secure context), `missing`
// (no camera or no API), `denied` (refused), `failed`. When three frames in
// a row cannot be read (the decoder does not load, or fails), it stops the
// camera and calls onProblem({ kind, detail }).

const TIMEOUT_MS = 15000;
const FRAME_MS = 150;

let worker = null;
let nextId = 1;
const waiting = new Map();

function end(error) {
  if (worker) worker.terminate();
  worker = null;
  for (const w of waiting.values()) {
    clearTimeout(w.timer);
    w.reject(error);
  }
  waiting.clear();
}

function ask(version, source, transfer = []) {
  if (!worker) {
    try {
      worker = new Worker(new URL(`qr_loader.js${version}`, document.baseURI).href);
    } catch (err) {
      if (source instanceof ImageBitmap) source.close();
      return Promise.reject({ kind: 'load', detail: String(err && err.message ? err.message : err) });
    }
    worker.onmessage = (event) => {
      const { id, texts, error } = event.data || {};
      const w = waiting.get(id);
      if (!w) return;
      waiting.delete(id);
      clearTimeout(w.timer);
      if (error) w.reject(error);
      else w.resolve(texts);
      // The worker closes itself after a trap: the next request starts another.
      if (error && error.kind === 'decode') end(error);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      end({ kind: 'load', detail: event.message || 'the decoder stopped' });
    };
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => end({ kind: 'timeout', detail: `${TIMEOUT_MS / 1000} s` }), TIMEOUT_MS);
    waiting.set(id, { resolve, reject, timer });
    worker.postMessage({ id, source }, transfer);
  });
}

async function detector() {
  if (!('BarcodeDetector' in globalThis)) return null;
  try {
    // eslint-disable-next-line no-undef
    const formats = await BarcodeDetector.getSupportedFormats();
    // eslint-disable-next-line no-undef
    return formats.includes('qr_code') ? new BarcodeDetector({ formats: ['qr_code'] }) : null;
  } catch {
    return null;
  }
}

// Frames in a row whose reading fails before the camera is stopped with
// the last failure (the decoder cannot be loaded, or keeps failing).
const FAILURES = 3;

async function startCamera(version, video, onTexts, onProblem) {
  if (!globalThis.isSecureContext) throw { kind: 'insecure', detail: '' };
  const media = navigator.mediaDevices;
  if (!media || !media.getUserMedia) throw { kind: 'missing', detail: '' };
  let stream;
  try {
    stream = await media.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  } catch (err) {
    const name = err && err.name;
    const kind = name === 'NotAllowedError' || name === 'SecurityError' ? 'denied'
      : name === 'NotFoundError' || name === 'OverconstrainedError' ? 'missing' : 'failed';
    throw { kind, detail: String(err && err.message ? err.message : err) };
  }
  video.muted = true;
  video.setAttribute('playsinline', '');
  video.srcObject = stream;
  try {
    await video.play();
  } catch (err) {
    stream.getTracks().forEach((t) => t.stop());
    throw { kind: 'failed', detail: String(err && err.message ? err.message : err) };
  }
  const native = await detector();
  let live = true;
  let failures = 0;
  const stop = () => {
    live = false;
    stream.getTracks().forEach((t) => t.stop());
    video.srcObject = null;
  };
  const tick = async () => {
    if (!live) return;
    try {
      if (video.readyState >= 2 && video.videoWidth > 0) {
        let texts;
        if (native) {
          texts = (await native.detect(video)).map((b) => b.rawValue);
        } else {
          const frame = await createImageBitmap(video);
          texts = await ask(version, frame, [frame]);
        }
        failures = 0;
        if (live && texts.length) onTexts(texts);
      }
    } catch (err) {
      // One frame that cannot be read is no reason to stop scanning;
      // several in a row are.
      failures += 1;
      if (live && failures >= FAILURES) {
        stop();
        onProblem(err && err.kind ? err : { kind: 'failed', detail: String(err && err.message ? err.message : err) });
        return;
      }
    }
    if (live) setTimeout(tick, FRAME_MS);
  };
  tick();
  return stop;
}

export function client(version) {
  return {
    decodeImage: (file) => ask(version, file),
    startCamera: (video, onTexts, onProblem) => startCamera(version, video, onTexts, onProblem),
  };
}
