// @ts-check
// Lab view script. Posts only typed messages with ids (never command text) and draws the
// state the extension sends. Runs under a CSP that allows nothing but this nonce'd script.
// The messages are src/lab/view/protocol.ts; `npm run typecheck` checks this file against
// it (tsconfig.webview.json).
/** @typedef {import('../../src/lab/view/protocol').ViewMessage} ViewMessage */
/** @typedef {import('../../src/lab/view/protocol').SessionMessage} SessionMessage */
/** @typedef {import('../../src/lab/view/protocol').ViewConfig} ViewConfig */
/** @typedef {import('../../src/lab/view/protocol').StepView} StepView */
/** @typedef {import('../../src/lab/view/protocol').StepAction} StepAction */
/** @typedef {import('../../src/lab/view/protocol').LabAction} LabAction */
(function () {
  'use strict';
  /** @type {{ postMessage(message: ViewMessage): void }} */
  const vscode = /** @type {any} */ (window).acquireVsCodeApi();
  /** @type {ViewConfig} */
  const config = JSON.parse(document.getElementById('lab-config')?.textContent ?? '{}');
  const S = config.strings;
  const sessionId = config.sessionId;

  /** @param {ViewMessage} message */
  function post(message) {
    vscode.postMessage(message);
  }

  /** @param {Element} el */

  function stepOf(el) {
    return el.getAttribute('data-step') ?? '';
  }

  document.addEventListener('click', (event) => {
    const el = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!el || el.hasAttribute('disabled')) return;
    // Command links are anchors (href="#"): the page itself never navigates.
    if (el instanceof HTMLAnchorElement) event.preventDefault();
    const action = el.getAttribute('data-action');
    const stepId = stepOf(el);
    switch (action) {
      case 'run':
        post({ type: 'run', sessionId, stepId, commandIndex: Number(el.getAttribute('data-index')) });
        break;
      case 'runStep':
      case 'check':
      case 'markDone':
        post({ type: /** @type {StepAction} */ (action), sessionId, stepId });
        break;
      case 'hint': {
        const hint = document.querySelector(`section[data-step="${CSS.escape(stepId)}"] [data-role="hint"]`);
        if (hint instanceof HTMLElement) hint.hidden = !hint.hidden;
        revealSolutionButton(stepId);
        break;
      }
      case 'solution': {
        // Opening it counts (the session records the reveal); closing it again does not.
        const solution = document.querySelector(`section[data-step="${CSS.escape(stepId)}"] [data-role="solution"]`);
        if (!(solution instanceof HTMLElement)) break;
        solution.hidden = !solution.hidden;
        if (!solution.hidden) post({ type: 'solution', sessionId, stepId });
        break;
      }
      case 'copy':
        post({ type: 'copy', sessionId, block: Number(el.getAttribute('data-code')) });
        break;
      case 'createFile':
        post({ type: 'createFile', sessionId, file: Number(el.getAttribute('data-file')) });
        break;
      case 'command':
        post({ type: 'command', sessionId, link: Number(el.getAttribute('data-link')) });
        break;
      case 'variables':
      case 'prepull':
      case 'reset':
      case 'resetProgress':
        post({ type: /** @type {LabAction} */ (action), sessionId });
        break;
      default:
        break;
    }
  });

  /** The solution is offered only once the step's hint has been shown. @param {string} stepId */
  function revealSolutionButton(stepId) {
    const button = document.querySelector(`section[data-step="${CSS.escape(stepId)}"] button[data-action="solution"]`);
    if (button instanceof HTMLElement) button.hidden = false;
  }

  document.addEventListener('change', (event) => {
    const el = event.target;
    if (!(el instanceof HTMLInputElement) || el.getAttribute('data-action') !== 'tick') return;
    post({ type: 'tick', sessionId, stepId: stepOf(el), checkpointIndex: Number(el.getAttribute('data-index')), checked: el.checked });
  });

  /** @param {Record<string, StepView>} steps */
  function render(steps) {
    let passed = 0;
    for (const section of document.querySelectorAll('section.step')) {
      const id = stepOf(section);
      /** @type {StepView} */
      const s = steps[id] || { status: 'not-started', showHint: false, commands: {}, ticked: [] };
      if (s.status === 'passed') passed++;
      section.setAttribute('data-status', s.status);
      const status = section.querySelector('[data-role="status"]');
      if (status) status.textContent = S[s.status] || s.status;
      const reason = section.querySelector('[data-role="reason"]');
      if (reason instanceof HTMLElement) {
        reason.textContent = s.reason || '';
        reason.hidden = !s.reason;
      }
      const hint = section.querySelector('[data-role="hint"]');
      if (hint instanceof HTMLElement && s.status === 'failed' && s.showHint) {
        hint.hidden = false;
        revealSolutionButton(id);
      }
      // Opened before (this or an earlier visit): the button stays offered.
      if (s.solutionReveals) revealSolutionButton(id);
      for (const row of section.querySelectorAll('.row.command[data-command]')) {
        const index = Number(row.getAttribute('data-command'));
        const c = (s.commands || {})[index];
        const mark = row.querySelector('[data-role="cmd-status"]');
        row.classList.toggle('running', !!(c && c.running));
        if (mark) mark.textContent = !c ? '' : c.running ? '…' : c.exitCode === undefined ? '↵' : c.exitCode === 0 ? '✓' : `✗ ${c.exitCode}`;
        row.classList.toggle('ok', !!(c && c.exitCode === 0));
        row.classList.toggle('bad', !!(c && c.exitCode !== undefined && c.exitCode !== 0));
      }
      for (const box of section.querySelectorAll('input[data-action="tick"]')) {
        if (!(box instanceof HTMLInputElement)) continue;
        box.checked = (s.ticked || []).includes(Number(box.getAttribute('data-index')));
      }
    }
    const total = config.total || 1;
    const fill = document.querySelector('.progress-fill');
    if (fill instanceof HTMLElement) fill.style.width = `${Math.round((100 * passed) / total)}%`;
    const bar = document.querySelector('.progress');
    if (bar) bar.setAttribute('aria-valuenow', String(passed));
    const text = document.querySelector('[data-role="progress-text"]');
    if (text) text.textContent = S.progress.replace('{0}', String(passed)).replace('{1}', String(config.total));
  }

  window.addEventListener('message', (event) => {
    /** @type {SessionMessage} */
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'state') render(m.steps);
    if (m.type === 'focusStep') {
      const section = document.querySelector(`section[data-step="${CSS.escape(m.stepId)}"]`);
      if (section) section.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
  });

  // Mermaid, only present on pages with a diagram. `style A,B fill:…` (several nodes in
  // one line, common in the course notes) is split into one line per node first.
  async function drawDiagrams() {
    const mermaid = /** @type {any} */ (window).mermaid;
    if (!mermaid) return;
    const dark = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
    let n = 0;
    for (const el of document.querySelectorAll('pre.mermaid')) {
      const source = el.textContent.replace(/^(\s*)style\s+([\w-]+(?:\s*,\s*[\w-]+)+)\s+(.+)$/gm, (_m, /** @type {string} */ indent, /** @type {string} */ ids, /** @type {string} */ rest) =>
        ids.split(',').map((id) => `${indent}style ${id.trim()} ${rest}`).join('\n'),
      );
      try {
        const { svg } = await mermaid.render(`lab-mermaid-${n++}`, source);
        const box = document.createElement('div');
        box.className = 'mermaid-drawn';
        box.innerHTML = svg;
        el.replaceWith(box);
      } catch {
        el.classList.add('mermaid-error');
        el.setAttribute('title', S.mermaidError);
      }
    }
  }

  // mermaid (3.5 MB) loads after this script so the buttons work at once; draw when it is in.
  if (/** @type {any} */ (window).mermaid) drawDiagrams();
  else window.addEventListener('load', () => drawDiagrams());
  post({ type: 'ready', sessionId });
})();
