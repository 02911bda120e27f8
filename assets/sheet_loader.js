// Starts the spreadsheet worker (src/bin/sheet_worker/main.rs). The page
// runs this file as a classic web worker (src/sheet.rs), only when a
// spreadsheet is first opened or saved. It loads Trunk's worker output next
// to it: sheet-worker.js (wasm-bindgen's no-modules glue, which defines
// `wasm_bindgen`) and sheet-worker_bg.wasm, whose `main` then listens for
// requests and posts {id: 0, json: '"ready"'}.
//
// Trunk names a worker's files without a content hash, so the page adds
// its own build's hash as ?v=… to this file's address; it is passed on to
// both files so that a browser never mixes a cached worker with a newer
// page.
//
// If either file cannot be loaded the page hears it as a typed failure
// (the same JSON as SheetError::Load in src/sheet/protocol.rs), never as
// silence.
'use strict';

function fail(err) {
  const detail = err && err.message ? err.message : String(err);
  self.postMessage({ id: 0, json: JSON.stringify({ failed: { error: { kind: 'load', detail } } }) });
}

try {
  const version = self.location.search;
  importScripts(`./sheet-worker.js${version}`);
  wasm_bindgen({ module_or_path: `./sheet-worker_bg.wasm${version}` }).catch(fail);
} catch (err) {
  fail(err);
}
