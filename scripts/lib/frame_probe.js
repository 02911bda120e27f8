// Injected before the page's own scripts by scripts/bench.mjs. It times
// "changed chart painted": from t0 to the end of the rendering step of the
// frame that contains the first canvas draw call after t0. The canvas
// context's drawing methods and requestAnimationFrame are wrapped; from
// inside that frame's animation-frame callback a MessageChannel message is
// posted, and its arrival (after the frame's style, layout and paint) is
// the end time. t0 is navigation start for a load, and a capture-phase
// keydown on window for a slider step.
(() => {
  const probe = {
    t0: 0,
    drew: false,
    posted: false,
    inFrame: false,
    firstDraw: null,
    lastDraw: null,
    verdict: null,
    results: [],
  };
  window.__probe = probe;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const painted = performance.now();
    probe.results.push({
      t0: probe.t0,
      painted,
      firstDraw: probe.firstDraw,
      lastDraw: probe.lastDraw,
      verdict: probe.verdict,
    });
    probe.t0 = null;
  };
  const post = () => {
    if (!probe.posted) {
      probe.posted = true;
      channel.port2.postMessage(0);
    }
  };
  window.addEventListener('keydown', () => {
    probe.t0 = performance.now();
    probe.drew = false;
    probe.posted = false;
    probe.firstDraw = null;
    probe.lastDraw = null;
    probe.verdict = null;
  }, true);
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((ts) => {
    probe.inFrame = true;
    try {
      cb(ts);
    } finally {
      probe.inFrame = false;
      if (probe.t0 !== null && probe.drew) post();
    }
  });
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['fillRect', 'strokeRect', 'clearRect', 'fillText', 'strokeText', 'fill', 'stroke', 'drawImage', 'putImageData']) {
    const original = proto[name];
    if (typeof original !== 'function') continue;
    proto[name] = function wrapped(...args) {
      if (probe.t0 !== null) {
        const now = performance.now();
        if (!probe.drew) {
          probe.drew = true;
          probe.firstDraw = now;
          // Drawn outside an animation frame: the frame that shows it is the next one.
          if (!probe.inFrame) raf(() => post());
        }
        probe.lastDraw = now;
      }
      return original.apply(this, args);
    };
  }
  new MutationObserver((records) => {
    if (probe.t0 === null || probe.verdict !== null) return;
    if (records.some((r) => r.attributeName === 'data-projected')) probe.verdict = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-projected'] });
})();
