// The class view's page: a grid of pairs × steps (✓ ✗ ·), a cell's sentence on click, the
// session and pair count pickers and the instructor's actions. Pure HTML from the grid,
// with its texts handed in (the editor translates them through vscode.l10n).
import { escapeHtml } from '../util/html';
import { webviewPage } from '../util/webviewPage';
import type { Lang } from '../util/i18n';
import type { ClassGrid } from './grid';

export interface ClassPageTexts {
  /** The page's title (the panel's). */
  title: string;
  session: string;
  pairs: string;
  refresh: string;
  merge: string;
  exportCsv: string;
  resetPair: string;
  pair: string;
  passed: string;
  clickCell: string;
  checkedAt: string;
}

export interface ClassPage {
  grid?: ClassGrid;
  /** The daemon could not be asked: its one sentence. */
  problem?: string;
  sessions: { id: string; title: string }[];
  session: string;
  pairCount: number;
  lang: Lang;
  texts: ClassPageTexts;
  nonce: string;
  cspSource: string;
}

const esc = escapeHtml;

const MARK = { passed: '✓', failed: '✗', 'not-started': '·' } as const;

export function classPageHtml(p: ClassPage): string {
  const t = p.texts;
  const g = p.grid;
  const head = g ? g.steps.map((s, i) => `<th title="${esc(s.title || s.id)}">${i + 1}</th>`).join('') : '';
  const rows = g
    ? g.rows
        .map(
          (r) =>
            `<tr><th class="pair">${esc(t.pair)} ${r.pair}</th>` +
            r.cells
              .map((c, i) => `<td class="cell ${c.status}" tabindex="0" data-pair="${r.pair}" data-step="${esc(g.steps[i].id)}" data-title="${esc(g.steps[i].title || g.steps[i].id)}" data-message="${esc(c.message[p.lang])}">${MARK[c.status]}</td>`)
              .join('') +
            `<td class="count">${r.passed}/${g.steps.length}</td><td><button data-reset="${r.pair}">${esc(t.resetPair)}</button></td></tr>`,
        )
        .join('\n')
    : '';
  const options = p.sessions.map((s) => `<option value="${esc(s.id)}"${s.id === p.session ? ' selected' : ''}>${esc(s.title)}</option>`).join('');
  const styleText = `body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:8px 16px}
table{border-collapse:collapse;margin-top:12px}th,td{border:1px solid var(--vscode-panel-border,#8884);padding:2px 6px;text-align:center}
th.pair{text-align:left;white-space:nowrap}.cell{cursor:pointer;min-width:1.4em}.passed{color:var(--vscode-testing-iconPassed,#3a3)}
.failed{color:var(--vscode-testing-iconFailed,#c33);font-weight:bold}.not-started{color:var(--vscode-descriptionForeground,#888)}
.cell.selected{outline:2px solid var(--vscode-focusBorder)}#detail{margin-top:12px;min-height:3em;white-space:pre-wrap}
.problem{color:var(--vscode-errorForeground)}button{margin-right:4px}
`;
  const body = `<div class="bar"><label>${esc(t.session)} <select id="session">${options}</select></label>
<label>${esc(t.pairs)} <input id="pairs" type="number" min="1" max="30" value="${p.pairCount}"></label>
<button id="refresh">${esc(t.refresh)}</button><button id="merge">${esc(t.merge)}</button><button id="csv">${esc(t.exportCsv)}</button></div>
${p.problem ? `<p class="problem" id="problem">${esc(p.problem)}</p>` : ''}
${g ? `<table id="grid"><thead><tr><th></th>${head}<th>${esc(t.passed)}</th><th></th></tr></thead><tbody>${rows}</tbody></table><p class="meta">${esc(t.checkedAt)} ${esc(g.checkedAt)}${g.host ? ` · ${esc(g.host)}` : ''}</p>` : ''}
<div id="detail">${esc(t.clickCell)}</div>`;
  const scriptText = `const vscode = acquireVsCodeApi();
const post = (m) => vscode.postMessage(m);
document.getElementById('refresh').onclick = () => post({ type: 'refresh' });
document.getElementById('merge').onclick = () => post({ type: 'merge' });
document.getElementById('csv').onclick = () => post({ type: 'csv' });
document.getElementById('session').onchange = (e) => post({ type: 'session', session: e.target.value });
document.getElementById('pairs').onchange = (e) => post({ type: 'pairs', count: Number(e.target.value) });
for (const b of document.querySelectorAll('button[data-reset]')) b.onclick = () => post({ type: 'reset', pair: Number(b.dataset.reset) });
const detail = document.getElementById('detail');
const show = (td) => {
  for (const s of document.querySelectorAll('.cell.selected')) s.classList.remove('selected');
  td.classList.add('selected');
  detail.textContent = '${esc(t.pair)} ' + td.dataset.pair + ' · ' + td.dataset.title + '\\n' + td.dataset.message;
};
for (const td of document.querySelectorAll('td.cell')) { td.onclick = () => show(td); td.onkeydown = (e) => { if (e.key === 'Enter' || e.key === ' ') show(td); }; }`;
  return webviewPage({ lang: p.lang, title: t.title, cspSource: p.cspSource, nonce: p.nonce, styleText, scriptText, body });
}
