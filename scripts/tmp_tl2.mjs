import fs from 'node:fs';
const t = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const ev = t.traceEvents || t;
const names = ev.filter(e => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const mains = new Set(names.map(e => `${e.pid}:${e.tid}`));
const X = ev.filter(e => mains.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur);
const t0 = Math.min(...X.map(e => e.ts));
const pick = X.filter(e => ['ProxyMain::BeginMainFrame','FireAnimationFrame','RunMicrotasks','TimerFire','Layout','UpdateLayoutTree','FunctionCall','v8.wasm.compileConsume','EvaluateScript','MinorGC','ResizeObserverController::DeliverObservations','Paint'].includes(e.name) && e.dur > 500).sort((a,b)=>a.ts-b.ts);
const seen = new Set();
for (const e of pick) { const k = e.name + e.ts; if (seen.has(k)) continue; seen.add(k);
  console.log(`${((e.ts - t0)/1000).toFixed(1).padStart(8)} ${(e.dur/1000).toFixed(1).padStart(6)} ${e.name}`); }
