// Progress per session and step: what the editor keeps in global state, what the
// instructor export contains, and the walkthrough context keys.
import type { Lang, Localized } from '../../util/i18n';
import type { Lab, ResourceSet, StepStatus, VariableValues } from '../labModel';
import { emptyResources } from '../labModel';

export interface StepProgress {
  status: StepStatus;
  reason?: Localized;
  /** ISO time of the last change. */
  at: string;
  /** Marked done by hand rather than by a check. */
  byHand?: boolean;
  /** Indexes of ticked manual checkpoints. */
  ticked?: number[];
  /** How many times the learner opened the step's solution (absent in older progress: none). */
  solutionReveals?: number;
}

export interface SessionProgress {
  sessionId: string;
  title: Localized;
  variables: VariableValues;
  steps: Record<string, StepProgress>;
  /** Objects the lab's commands created while the learner ran them. */
  created: ResourceSet;
  updated: string;
}

export function emptyProgress(lab: Pick<Lab, 'id' | 'title'>): SessionProgress {
  return { sessionId: lab.id, title: lab.title, variables: {}, steps: {}, created: emptyResources(), updated: new Date().toISOString() };
}

/** Reads stored progress back, tolerating older or damaged shapes. */
export function reviveProgress(lab: Pick<Lab, 'id' | 'title'>, raw: unknown): SessionProgress {
  const base = emptyProgress(lab);
  if (!raw || typeof raw !== 'object') return base;
  const r = raw as Partial<SessionProgress>;
  const created = emptyResources();
  for (const k of Object.keys(created) as (keyof ResourceSet)[]) {
    const list = r.created?.[k];
    created[k] = Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  }
  const steps: Record<string, StepProgress> = {};
  for (const [id, s] of Object.entries(r.steps ?? {})) {
    if (!s || typeof s !== 'object' || typeof s.status !== 'string') continue;
    const { solutionReveals, ...rest } = s;
    steps[id] = Number.isInteger(solutionReveals) && solutionReveals! > 0 ? { ...rest, solutionReveals } : rest;
  }
  const variables: VariableValues = {};
  for (const [k, v] of Object.entries(r.variables ?? {})) if (typeof v === 'string') variables[k] = v;
  return { ...base, variables, steps, created, updated: typeof r.updated === 'string' ? r.updated : base.updated };
}

/** `dockerLabs.done.<session>.<step>`, every character outside [A-Za-z0-9] replaced by `_`. */
export function doneContextKey(sessionId: string, stepId: string): string {
  const clean = (s: string): string => s.replace(/[^A-Za-z0-9]/g, '_');
  return `dockerLabs.done.${clean(sessionId)}.${clean(stepId)}`;
}

export interface ProgressSummary {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
}

/** Steps that count towards the progress bar: every step of the lab. */
export function summarize(lab: Lab, progress: SessionProgress): ProgressSummary {
  const summary: ProgressSummary = { total: lab.steps.length, passed: 0, failed: 0, skipped: 0 };
  for (const step of lab.steps) {
    const s = progress.steps[step.id]?.status;
    if (s === 'passed') summary.passed++;
    else if (s === 'failed') summary.failed++;
    else if (s === 'skipped') summary.skipped++;
  }
  return summary;
}

export interface ProgressExport {
  session: string;
  title: Localized;
  exported: string;
  variables: VariableValues;
  summary: ProgressSummary;
  /** Solutions opened, over all steps. */
  solutionReveals: number;
  steps: { id: string; title: string; status: StepStatus; byHand: boolean; solutionReveals: number; at?: string; reason?: Localized }[];
}

export function exportProgress(lab: Lab, progress: SessionProgress, now = new Date()): ProgressExport {
  return {
    session: lab.id,
    title: lab.title,
    exported: now.toISOString(),
    variables: progress.variables,
    summary: summarize(lab, progress),
    solutionReveals: lab.steps.reduce((n, s) => n + (progress.steps[s.id]?.solutionReveals ?? 0), 0),
    steps: lab.steps.map((s) => {
      const p = progress.steps[s.id];
      return { id: s.id, title: s.title, status: p?.status ?? 'not-started', byHand: !!p?.byHand, solutionReveals: p?.solutionReveals ?? 0, at: p?.at, reason: p?.reason };
    }),
  };
}

const STATUS_TEXT: Record<StepStatus, Localized> = {
  'not-started': { ko: '시작 전', en: 'not started' },
  running: { ko: '실행 중', en: 'running' },
  passed: { ko: '통과', en: 'passed' },
  failed: { ko: '실패', en: 'failed' },
  skipped: { ko: '건너뜀', en: 'skipped' },
};

export function statusText(status: StepStatus, lang: Lang): string {
  return STATUS_TEXT[status][lang];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A Markdown report for an instructor (several sessions in one document). */
export function progressMarkdown(exports: ProgressExport[], lang: Lang): string {
  const t = (ko: string, en: string): string => (lang === 'ko' ? ko : en);
  const out: string[] = [`# ${t('Docker Labs 진행 상황', 'Docker Labs progress')}`, ''];
  for (const e of exports) {
    out.push(`## ${e.title[lang]} (\`${e.session}\`)`, '');
    const vars = Object.entries(e.variables).map(([k, v]) => `${k}=${v}`).join(', ');
    const reveals = e.solutionReveals ? ` · ${t('풀이 열람', 'Solutions opened')}: ${e.solutionReveals}` : '';
    out.push(`${t('통과', 'Passed')}: ${e.summary.passed}/${e.summary.total}` + (vars ? ` · ${t('변수', 'Variables')}: ${vars}` : '') + reveals, '');
    out.push(`| ${t('단계', 'Step')} | ${t('상태', 'Status')} | ${t('시각', 'When')} | ${t('메모', 'Note')} |`, '|---|---|---|---|');
    for (const s of e.steps) {
      const reveals = s.solutionReveals ? t(`풀이 ${s.solutionReveals}회 열람`, `solution opened ${s.solutionReveals}×`) : '';
      const note = [s.byHand ? t('직접 완료 표시', 'marked by hand') : '', reveals, s.reason?.[lang] ?? ''].filter(Boolean).join('; ');
      out.push(`| ${cell(s.title || s.id)} | ${statusText(s.status, lang)} | ${s.at ?? ''} | ${cell(note)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
