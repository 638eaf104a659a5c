// Learners' exported progress files (the lab's "Export Lab Progress…" JSON: an array of
// ProgressExport, src/lab/progress/progress.ts) merged into the class grid. The daemon's
// state stays the judge where it can answer: a progress file fills the cells the daemon
// cannot show (not started, an expected error, a checkpoint, a step cleaned up since),
// never overrides what is there now.
import { statusText, type ProgressExport } from '../lab';
import type { Localized } from '../util/i18n';
import type { ClassGrid } from './grid';

const msg = (ko: string, en: string): Localized => ({ ko, en });

export interface ParsedProgress {
  exports: ProgressExport[];
  problem?: Localized;
}

function isExport(x: unknown): x is ProgressExport {
  if (!x || typeof x !== 'object') return false;
  const e = x as Partial<ProgressExport>;
  return typeof e.session === 'string' && Array.isArray(e.steps) && !!e.variables && typeof e.variables === 'object';
}

/** Reads one exported file (an array of session exports, or one); a problem sentence when it is not one. */
export function parseProgressFile(text: string): ParsedProgress {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const why = (err as Error).message;
    return { exports: [], problem: msg(`JSON으로 읽을 수 없습니다(${why}). Docker Labs: 실습 진행 상황 내보내기…에서 JSON으로 저장한 파일인지 확인하세요.`, `not JSON (${why}); save it with Docker Labs: Export Lab Progress… as JSON.`) };
  }
  const list = Array.isArray(raw) ? raw : [raw];
  const exports = list.filter(isExport);
  if (!exports.length) {
    return { exports: [], problem: msg('Docker Labs 진행 상황 파일이 아닙니다(session, variables, steps가 없음).', 'not a Docker Labs progress file (no session, variables, steps).') };
  }
  return { exports };
}

/**
 * Fills the grid from progress exports (`source` names each, e.g. its file name). Returns
 * a new grid; `merged` says, per export of this session, which pair it counted for.
 */
export function mergeProgress(grid: ClassGrid, files: { source: string; exports: ProgressExport[] }[]): ClassGrid {
  const rows = grid.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c })) }));
  const merged: ClassGrid['merged'] = [...grid.merged];
  for (const file of files) {
    for (const e of file.exports.filter((x) => x.session === grid.session)) {
      const pair = Number(e.variables.pair);
      const row = rows.find((r) => r.pair === pair);
      if (!row) {
        merged.push({ source: file.source, pair: Number.isInteger(pair) ? pair : undefined, used: false, why: Number.isInteger(pair) ? msg(`페어 ${pair}는 이 표에 없습니다.`, `pair ${pair} is not in this grid.`) : msg('페어 번호가 없습니다.', 'it names no pair.') });
        continue;
      }
      merged.push({ source: file.source, pair, used: true });
      for (const s of e.steps) {
        const cell = row.cells.find((c) => c.stepId === s.id);
        if (!cell || cell.status !== 'not-started') continue;
        if (s.status !== 'passed' && s.status !== 'failed') continue;
        const when = s.at ? ` (${s.at})` : '';
        const reason = s.status === 'failed' && s.reason ? ` ${s.reason.ko}` : '';
        const reasonEn = s.status === 'failed' && s.reason ? ` ${s.reason.en}` : '';
        cell.status = s.status;
        cell.source = 'progress';
        cell.at = s.at;
        cell.message = msg(
          `학습자의 진행 파일 ${file.source}: ${statusText(s.status, 'ko')}${s.byHand ? '(직접 완료 표시)' : ''}${when}.${reason}`,
          `The learner's progress file ${file.source}: ${statusText(s.status, 'en')}${s.byHand ? ' (marked by hand)' : ''}${when}.${reasonEn}`,
        );
      }
      row.passed = row.cells.filter((c) => c.status === 'passed').length;
    }
  }
  const others = files.flatMap((f) => f.exports.filter((x) => x.session !== grid.session).map(() => f.source));
  for (const source of new Set(others)) {
    if (!merged.some((m) => m.source === source)) merged.push({ source, used: false, why: msg(`세션 ${grid.session}의 진행 상황이 없습니다.`, `it holds no progress for session ${grid.session}.`) });
  }
  return { ...grid, rows, merged };
}
