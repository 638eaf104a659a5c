// ShellCheck on RUN bodies, as hadolint does it (see scripts.ts for what is
// checked and how, runner.ts for the process). Findings carry ShellCheck's
// code as their rule (`SC2086`, also their hadolint id: hadolint reports the
// same code), its message, its severity (style → hint), and an exact range in
// the Dockerfile. Silenced like hadolint: `# hadolint ignore=SC2086` (or
// `# docker-labs ignore=`) on the line before the instruction, the `global`
// form, `.hadolint.yaml` `ignored:` / `override:`, and hadolint's default exclusions.
import type { Lang, Localized } from '../../util/i18n';
import { LintFacts } from '../facts/lintFacts';
import { collectIgnores } from '../ignore';
import { DockerfileModel } from '../parse/model';
import type { Finding, LintConfig, Severity } from '../types';
import { collectScripts, type ShellScript } from './scripts';
import { ShellCheckCancelled, ShellCheckRunner, ShellCheckUnavailable, type ShellCheckComment } from './runner';

export { collectScripts, dialectOf, joinLine, type ShellDialect, type ShellScript } from './scripts';
export { DEFAULT_EXCLUDED, ShellCheckCancelled, ShellCheckRunner, ShellCheckUnavailable, type RunnerOptions, type ShellCheckComment } from './runner';

const LEVEL: Record<ShellCheckComment['level'], Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

/** Whether a rule reference names a ShellCheck code (`SC2086`, any case). */
export function isShellCheckRef(ref: string): boolean {
  return /^sc\d{4}$/i.test(ref.trim());
}

/** Where ShellCheck explains a code. */
export function shellcheckDocsUrl(rule: string): string {
  return `https://www.shellcheck.net/wiki/${rule.toUpperCase()}`;
}

/** The short description of a ShellCheck finding's rule (hovers, SARIF's rule list). */
export function shellcheckTitle(rule: string): Localized {
  return { ko: `ShellCheck ${rule}: RUN의 셸 스크립트 검사`, en: `ShellCheck ${rule}: a check of the RUN's shell script` };
}

export interface ShellCheckRequest {
  lang?: Lang;
  config?: LintConfig;
  signal?: AbortSignal;
}

/** One Dockerfile's scripts, ready for a runner (the CLI batches several files' through one runner call). */
export class ShellCheckJob {
  readonly scripts: ShellScript[];

  constructor(
    readonly model: DockerfileModel,
    private readonly config: LintConfig | undefined,
  ) {
    this.scripts = collectScripts(model, new LintFacts(model));
  }

  /** The findings from the comments of each of `scripts`, ignores and config applied, sorted. */
  findings(comments: readonly ShellCheckComment[][]): Finding[] {
    const config = this.config;
    const ignores = collectIgnores(this.model, !config?.disableInlineIgnores);
    const off = new Set<string>();
    for (const ref of config?.ignored ?? []) if (isShellCheckRef(ref)) off.add(ref.trim().toUpperCase());
    const severity = new Map<string, Severity | 'off'>();
    for (const [ref, value] of Object.entries(config?.severity ?? {})) if (isShellCheckRef(ref)) severity.set(ref.trim().toUpperCase(), value);
    const out: Finding[] = [];
    const seen = new Set<string>();
    this.scripts.forEach((s, k) => {
      for (const c of comments[k] ?? []) {
        const rule = `SC${c.code}`;
        if (s.drop?.includes(c.code) || off.has(rule) || ignores.global.has(rule.toLowerCase()) || ignores.byInstruction.get(s.instruction)?.has(rule.toLowerCase())) continue;
        const level = severity.get(rule) ?? LEVEL[c.level] ?? 'warning';
        if (level === 'off') continue;
        const range = this.range(s, c);
        if (!range) continue;
        const f: Finding = { rule, severity: level, category: 'correctness', range, messageId: rule, message: c.message, hadolint: rule };
        const key = `${rule}:${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(f);
      }
    });
    out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
    return out;
  }

  /** The Dockerfile range of a comment, or null when it lies in the header we added. */
  private range(s: ShellScript, c: ShellCheckComment): Finding['range'] | null {
    const start = scriptOffset(s.text, c.line, c.column) - s.headerLength;
    if (start < 0) return null;
    const endInScript = scriptOffset(s.text, c.endLine, c.endColumn) - s.headerLength;
    const last = s.offsets.length - 1;
    const from = s.offsets[Math.min(start, last)];
    // The end maps through the character before it, so a range ending at a joined continuation stays on its line.
    const to = endInScript > start ? s.offsets[Math.min(endInScript - 1, last - 1)] + 1 : from;
    const lines = this.model.lines;
    return { start: lines.position(from), end: lines.position(Math.max(from, to)) };
  }
}

/** UTF-16 offset in `text` of a 1-based line and code-point column (json1's). */
function scriptOffset(text: string, line: number, column: number): number {
  let i = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', i);
    if (nl === -1) return text.length;
    i = nl + 1;
  }
  for (let c = 1; c < column && i < text.length && text[i] !== '\n'; c++) {
    const code = text.charCodeAt(i);
    i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  return i;
}

export type ShellCheckOutcome =
  | { status: 'ok'; findings: Finding[] }
  /** The executable could not be run: `reason` says why (not found, exit code…). */
  | { status: 'unavailable'; executable: string; reason: string }
  | { status: 'cancelled' };

/** Checks the RUN bodies of one Dockerfile (text or an already-parsed model). Never rejects. */
export async function shellcheckDockerfile(input: string | DockerfileModel, runner: ShellCheckRunner, request: ShellCheckRequest = {}): Promise<ShellCheckOutcome> {
  try {
    const model = typeof input === 'string' ? new DockerfileModel(input) : input;
    const job = new ShellCheckJob(model, request.config);
    if (job.scripts.length === 0) return { status: 'ok', findings: [] };
    const comments = await runner.check(job.scripts.map((s) => s.text), request.signal);
    return { status: 'ok', findings: job.findings(comments) };
  } catch (err) {
    return outcomeOf(err, runner);
  }
}

/** Checks several Dockerfiles through one runner call (the CLI: processes shared across files). */
export async function shellcheckDockerfiles(inputs: readonly { model: DockerfileModel; config?: LintConfig }[], runner: ShellCheckRunner, signal?: AbortSignal): Promise<{ status: 'ok'; findings: Finding[][] } | Exclude<ShellCheckOutcome, { status: 'ok' }>> {
  try {
    const jobs = inputs.map((i) => new ShellCheckJob(i.model, i.config));
    const all = jobs.flatMap((j) => j.scripts.map((s) => s.text));
    const comments = all.length > 0 ? await runner.check(all, signal) : [];
    let k = 0;
    return {
      status: 'ok',
      findings: jobs.map((j) => {
        const mine = comments.slice(k, k + j.scripts.length);
        k += j.scripts.length;
        return j.findings(mine);
      }),
    };
  } catch (err) {
    return outcomeOf(err, runner);
  }
}

function outcomeOf(err: unknown, runner: ShellCheckRunner): Exclude<ShellCheckOutcome, { status: 'ok' }> {
  if (err instanceof ShellCheckCancelled) return { status: 'cancelled' };
  if (err instanceof ShellCheckUnavailable) return { status: 'unavailable', executable: err.executable, reason: err.message };
  return { status: 'unavailable', executable: runner.executable, reason: err instanceof Error ? err.message : String(err) };
}

/** The one line that says ShellCheck is not there (CLI stderr, editor log). */
export function unavailableMessage(outcome: { executable: string; reason: string }): Localized {
  return {
    ko: `ShellCheck를 실행할 수 없어 RUN 셸 스크립트 검사를 건너뜁니다 (${outcome.reason}). Debian/Ubuntu: apt-get install shellcheck`,
    en: `ShellCheck could not be run, so RUN shell scripts are not checked (${outcome.reason}). Debian/Ubuntu: apt-get install shellcheck`,
  };
}
