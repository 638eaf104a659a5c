// @ts-check
// Image charts script (src/explorer/vscode/imageChartsPanel.ts): draws the mermaid charts the
// extension posts and builds their tables from text (textContent only: instructions and names
// come from the daemon). Reports each drawing back by version, and a click on a row's
// Dockerfile link as its step number; the extension decides what that opens.
(function () {
  'use strict';
  const vscode = /** @type {any} */ (window).acquireVsCodeApi();
  /** @type {Record<string, string>} */
  const S = JSON.parse(document.getElementById('chart-config')?.textContent ?? '{}');
  const main = /** @type {HTMLElement} */ (document.querySelector('[data-role="chart"]'));
  const subtitle = /** @type {HTMLElement} */ (document.querySelector('[data-role="subtitle"]'));
  /** @type {any} */
  let latest;
  let drawing = false;
  /** mermaid's settings, made once the page knows its theme. */
  /** @type {Record<string, unknown>} */
  let settings = {};

  /** @param {string} tag @param {string} [cls] @param {string} [text] */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** @param {string[]} headers @param {HTMLElement[][]} rows */
  function table(headers, rows) {
    const t = document.createElement('table');
    const head = el('tr');
    for (const h of headers) head.append(el('th', undefined, h));
    t.createTHead().append(head);
    const body = el('tbody');
    for (const cells of rows) {
      const tr = el('tr');
      for (const c of cells) tr.append(c);
      body.append(tr);
    }
    t.append(body);
    return t;
  }

  /** @param {string} text @param {string} [cls] */
  const td = (text, cls) => el('td', cls, text);

  /** Draws one mermaid chart into a box; false when mermaid refused it (its source is shown). */
  async function chart(/** @type {string} */ id, /** @type {string} */ source) {
    const mermaid = /** @type {any} */ (window).mermaid;
    const box = el('div', 'drawn');
    // mermaid's xychart draws at a fixed size and leaves out the bar labels when they do not fit:
    // wide enough for a 40-character label, a row of height per bar.
    const bars = (/^\s*bar \[(.*)\]\s*$/m.exec(source)?.[1] ?? '').split(',').length;
    mermaid.initialize({ ...settings, xyChart: { width: 1000, height: Math.max(200, 110 + bars * 30), titleFontSize: 18, xAxis: { labelFontSize: 13 }, yAxis: { labelFontSize: 12 } } });
    try {
      const { svg } = await mermaid.render(id, source);
      box.innerHTML = svg;
      return { box, ok: true };
    } catch {
      box.className = 'problem';
      box.append(el('p', undefined, S.error), el('pre', undefined, source));
      return { box, ok: false };
    }
  }

  async function layers(/** @type {any} */ m) {
    const parts = [];
    let ok = true;
    if (m.source) {
      const drawn = await chart(`layer-chart-${m.version}`, m.source);
      ok = drawn.ok;
      parts.push(drawn.box);
    }
    if (m.note) parts.push(el('p', 'empty', m.note));
    if (m.rows.length) {
      const rows = m.rows.map((/** @type {any} */ r) => {
        const where = el('td', 'source');
        if (r.source) {
          const a = /** @type {HTMLAnchorElement} */ (el('a', undefined, r.source));
          a.href = '#';
          a.dataset.step = String(r.step);
          a.title = S.openLine.replace('{0}', r.source);
          a.addEventListener('click', (event) => {
            event.preventDefault();
            vscode.postMessage({ type: 'open', step: r.step });
          });
          where.append(a);
        }
        const instruction = td(r.instruction, 'instruction');
        const cells = [td(String(r.step), 'num'), instruction, td(r.sizeText, 'num'), td(r.shareText, 'num'), where];
        return cells;
      });
      const t = table([S.step, S.instruction, S.size, S.share, S.dockerfile], rows);
      t.tBodies[0]?.querySelectorAll('tr').forEach((/** @type {HTMLElement} */ tr, /** @type {number} */ i) => {
        if (m.rows[i].metadataOnly) tr.classList.add('meta');
        tr.dataset.step = String(m.rows[i].step);
      });
      const foot = el('tfoot');
      const total = el('tr');
      total.append(td(''), el('th', undefined, S.total), td(m.totalText, 'num'), td(''), td(''));
      foot.append(total);
      t.append(foot);
      parts.push(t);
    }
    return { parts, ok };
  }

  async function compare(/** @type {any} */ m) {
    const parts = [];
    let ok = true;
    if (m.source) {
      const drawn = await chart(`size-totals-${m.version}`, m.source);
      ok = drawn.ok;
      parts.push(drawn.box);
    }
    if (m.note) parts.push(el('p', 'empty', m.note));
    if (m.images.length) {
      const totals = table(
        [S.step, S.image, S.total, S.shared],
        m.images.map((/** @type {any} */ i, /** @type {number} */ n) => [td(String(n + 1), 'num'), td(i.ref, 'ref'), td(i.totalText, 'num'), td(i.sharedText, 'num')]),
      );
      totals.classList.add('totals');
      parts.push(totals);
    }
    const grid = el('div', 'images');
    for (const [n, image] of m.images.entries()) {
      const section = el('section', 'image');
      section.dataset.ref = image.ref;
      section.append(el('h2', undefined, `${n + 1}. ${image.ref} · ${image.totalText}`));
      section.append(el('p', 'legend', S.sharedBytes.replace('{0}', image.sharedText)));
      if (image.source) {
        const drawn = await chart(`size-image-${m.version}-${n}`, image.source);
        ok = ok && drawn.ok;
        section.append(drawn.box);
      }
      const t = table(
        [S.step, S.instruction, S.size, S.shared],
        image.layers.map((/** @type {any} */ l) => [td(String(l.step), 'num'), td(l.instruction, 'instruction'), td(l.sizeText, 'num'), td(l.shared ? S.sharedYes : '', 'shared')]),
      );
      t.tBodies[0]?.querySelectorAll('tr').forEach((/** @type {HTMLElement} */ tr, /** @type {number} */ i) => {
        if (image.layers[i].size === 0) tr.classList.add('meta');
        if (image.layers[i].shared) tr.classList.add('is-shared');
      });
      section.append(t);
      grid.append(section);
    }
    if (m.images.length) parts.push(grid);
    return { parts, ok };
  }

  async function draw() {
    const mermaid = /** @type {any} */ (window).mermaid;
    if (!latest || !mermaid || drawing) return;
    drawing = true;
    const m = latest;
    subtitle.textContent = m.title ?? '';
    let ok = true;
    if (m.problem) {
      main.replaceChildren(el('p', 'problem', m.problem));
    } else {
      const drawn = m.type === 'layers' ? await layers(m) : await compare(m);
      ok = drawn.ok;
      main.replaceChildren(...drawn.parts);
    }
    const bars = main.querySelectorAll('.drawn svg g[class^="bar-plot"] rect').length;
    vscode.postMessage({ type: 'drawn', version: m.version, ok, bars });
    drawing = false;
    // A newer chart arrived while this one was drawn.
    if (latest !== m) void draw();
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || (m.type !== 'layers' && m.type !== 'compare')) return;
    latest = m;
    void draw();
  });

  function start() {
    const dark = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
    // Docker's blue for the bars (the default theme's pale first colour is hard to see).
    settings = { startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default', themeVariables: { xyChart: { plotColorPalette: dark ? '#4c8dff' : '#1d63ed' } } };
    /** @type {any} */ (window).mermaid?.initialize(settings);
    vscode.postMessage({ type: 'ready' });
  }
  if (/** @type {any} */ (window).mermaid) start();
  else window.addEventListener('load', start);
})();
