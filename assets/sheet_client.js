// The page's side of the spreadsheet worker, loaded only when a spreadsheet
// is first opened or saved: assets/boot.js imports this module on the first
// call of doublingSheets(json, bytes), so none of it is in the first load.
//
// It starts the worker (sheet_loader.js, which loads sheet-worker.js and
// sheet-worker_bg.wasm, see src/bin/sheet_worker/main.rs) on the first
// request and keeps it for later ones. Each request gets an id; the worker
// answers with the same id (src/sheet/protocol.rs has the messages). A
// request is answered with { reply, bytes } or rejected with { zh, en }: the
// worker words its own failures; this file words those outside it (the
// worker's files cannot be loaded, it stops, it does not answer in time, the
// browser refuses). A worker that panicked, never loaded, stopped or timed
// out is ended, every request waiting on it gets the message, and the next
// request starts a fresh one.

const TIMEOUT_MS = 20000;

const WORDS = {
  load: [
    '无法加载表格组件（sheet_loader.js、sheet-worker.js、sheet-worker_bg.wasm），请检查网络连接或刷新页面后重试',
    'The spreadsheet component (sheet_loader.js, sheet-worker.js, sheet-worker_bg.wasm) could not be loaded; check the connection or reload the page and try again',
  ],
  crashed: ['表格组件意外停止；再试一次会重新启动它', 'The spreadsheet component stopped unexpectedly; trying again restarts it'],
  timeout: ['表格组件没有响应，已停止，请重试', 'The spreadsheet component did not answer and was stopped; try again'],
  browser: ['浏览器拒绝了此操作', 'The browser refused'],
};

/** A failure outside the worker, in both languages, with the browser's detail. */
function problem(kind, detail) {
  const [zh, en] = WORDS[kind];
  const d = String(detail || '').trim().slice(0, 160);
  return d ? { zh: `${zh}（${d}）。`, en: `${en} (${d}).` } : { zh: `${zh}。`, en: `${en}.` };
}

let worker = null;
let ready = false;
let nextId = 0;
const waiting = new Map();
// Messages posted before the worker's wasm listens would be lost: they wait here until "ready".
let queue = [];

/** Ends the worker and rejects every request waiting on it. */
function end(why) {
  if (worker) worker.terminate();
  worker = null;
  queue = [];
  for (const w of waiting.values()) {
    clearTimeout(w.timer);
    w.reject(why);
  }
  waiting.clear();
}

function onMessage(event) {
  const { id, json, bytes } = event.data || {};
  let reply = null;
  try {
    reply = JSON.parse(json);
  } catch {
    // Answered below as a message nobody understood.
  }
  const failed = reply && reply.failed;
  const kind = failed && failed.error && failed.error.kind;
  const words = failed && failed.zh && failed.en ? { zh: failed.zh, en: failed.en } : null;
  if (id === 0) {
    // About the worker itself: ready, or its files could not be loaded.
    if (failed) end(words || problem('load', failed.error && failed.error.detail));
    else if (reply === 'ready') {
      ready = true;
      for (const [message, transfer] of queue) worker.postMessage(message, transfer);
      queue = [];
    }
    return;
  }
  const w = waiting.get(id);
  if (!w) return;
  waiting.delete(id);
  clearTimeout(w.timer);
  if (!reply) w.reject(problem('crashed', 'unreadable reply'));
  else if (failed) w.reject(words || problem('crashed', kind));
  else w.resolve({ reply, bytes });
  // A panic leaves the wasm unusable: start afresh next time.
  if (kind === 'panic') end(problem('crashed', kind));
}

function start(version) {
  ready = false;
  worker = new Worker(`./sheet_loader.js${version}`);
  worker.onmessage = onMessage;
  worker.onerror = (event) => {
    event.preventDefault();
    // Before "ready" the files did not load (or would not run); after, it stopped.
    end(problem(ready ? 'crashed' : 'load', event.message));
  };
}

/** Sends one request: JSON text and, to read a file, its bytes (transferred). */
export function request(json, bytes, version) {
  return new Promise((resolve, reject) => {
    try {
      if (!worker) start(version);
      const id = ++nextId;
      const timer = setTimeout(() => end(problem('timeout', `${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
      waiting.set(id, { resolve, reject, timer });
      const message = { id, json };
      if (bytes) message.bytes = bytes;
      const transfer = bytes ? [bytes.buffer] : [];
      if (ready) worker.postMessage(message, transfer);
      else queue.push([message, transfer]);
    } catch (err) {
      end(problem('browser', err && err.message));
      reject(problem('browser', err && err.message));
    }
  });
}
