// The grid as CSV (RFC 4180): one row per pair, one column per step, the status in the
// instructor's language, then the number of steps passed. A spreadsheet opens it as it is.
import { statusText } from '../lab';
import type { Lang } from '../util/i18n';
import type { ClassGrid } from './grid';

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** With `bom`, a UTF-8 byte-order mark first, so that Excel reads the Korean right. */
export function classCsv(grid: ClassGrid, lang: Lang, options: { bom?: boolean } = {}): string {
  const head = [lang === 'ko' ? '페어' : 'pair', ...grid.steps.map((s) => s.id), lang === 'ko' ? '통과' : 'passed'];
  const lines = [head.map(field).join(',')];
  for (const row of grid.rows) {
    lines.push([String(row.pair), ...row.cells.map((c) => statusText(c.status, lang)), `${row.passed}/${grid.steps.length}`].map(field).join(','));
  }
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
