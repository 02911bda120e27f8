import fs from 'node:fs';
const t = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const ev = t.traceEvents || t;
// renderer main thread: thread_name CrRendererMain
const names = ev.filter(e => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const mains = new Set(names.map(e => `${e.pid}:${e.tid}`));
const nav = ev.find(e => e.name === 'navigationStart' || e.name === 'NavigationStart' || e.name === 'markAsMainFrame');
const X = ev.filter(e => mains.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur);
const t0 = Math.min(...ev.filter(e => e.name === 'navigationStart').map(e => e.ts)) || Math.min(...X.map(e => e.ts));
const top = X.filter(e => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').sort((a,b)=>a.ts-b.ts);
for (const task of top) {
  if (task.dur < 2000) continue;
  const kids = X.filter(e => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur > 1000 && !/RunTask/.test(e.name));
  const agg = {};
  for (const k of kids) agg[k.name] = (agg[k.name] || 0) + k.dur;
  const s = Object.entries(agg).sort((a,b)=>b[1]-a[1]).slice(0,7).map(([n,d])=>`${n} ${(d/1000).toFixed(1)}`).join(', ');
  console.log(`${((task.ts - t0)/1000).toFixed(1).padStart(8)} +${(task.dur/1000).toFixed(1).padStart(6)}  ${s}`);
}
