// @ts-check
// Network diagram script: draws the mermaid text the extension posts (src/explorer/vscode/diagramPanel.ts)
// and reports each drawing back by version. Posts nothing else; runs under a CSP that allows
// only this nonce'd script and the bundled mermaid.
(function () {
  'use strict';
  const vscode = /** @type {any} */ (window).acquireVsCodeApi();
  /** @type {Record<string, string>} */
  const S = JSON.parse(document.getElementById('diagram-config')?.textContent ?? '{}');
  const main = /** @type {HTMLElement} */ (document.querySelector('[data-role="diagram"]'));
  const subtitle = /** @type {HTMLElement} */ (document.querySelector('[data-role="subtitle"]'));
  /** @type {any} */
  let latest;
  let drawing = false;

  /** @param {string} text @param {string} cls */
  function note(text, cls) {
    const p = document.createElement('p');
    p.className = cls;
    p.textContent = text;
    main.replaceChildren(p);
  }

  async function draw() {
    const mermaid = /** @type {any} */ (window).mermaid;
    if (!latest || !mermaid || drawing) return;
    drawing = true;
    const m = latest;
    subtitle.textContent = m.subtitle ?? '';
    let ok = true;
    if (m.problem) note(S.problem.replace('{0}', m.problem), 'problem');
    else if (m.loading) note(S.loading, 'empty');
    else if (!m.source) note(S.empty, 'empty');
    else {
      try {
        const { svg } = await mermaid.render(`network-diagram-${m.version}`, m.source);
        const box = document.createElement('div');
        box.className = 'drawn';
        box.innerHTML = svg;
        main.replaceChildren(box);
      } catch {
        ok = false;
        note(S.error, 'problem');
        const pre = document.createElement('pre');
        pre.textContent = m.source;
        main.append(pre);
      }
    }
    vscode.postMessage({ type: 'drawn', version: m.version, ok });
    drawing = false;
    // A newer state arrived while this one was drawn.
    if (latest !== m) void draw();
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || m.type !== 'draw') return;
    latest = m;
    void draw();
  });

  function start() {
    const mermaid = /** @type {any} */ (window).mermaid;
    const dark = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
    mermaid?.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default', flowchart: { htmlLabels: true } });
    vscode.postMessage({ type: 'ready' });
  }
  if (/** @type {any} */ (window).mermaid) start();
  else window.addEventListener('load', start);
})();
