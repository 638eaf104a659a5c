// Report formats for the command line (and anyone grading Dockerfiles):
// text, JSON and SARIF 2.1.0. These switch from the engine's 0-based
// positions to 1-based lines and columns; `endColumn` is exclusive (the
// column just after the last character), as in SARIF. Columns count UTF-16
// code units (SARIF's default `columnKind`).
import { pick, type Lang } from '../util/i18n';
import { explanation, summary } from './rule';
import { RULES } from './rules';
import { isShellCheckRef, shellcheckDocsUrl, shellcheckTitle } from './shellcheck';
import type { Finding, Severity } from './types';

export interface FileReport {
  /** The path as the user gave it. */
  file: string;
  findings: Finding[];
}

export interface JsonFinding {
  file: string;
  rule: string;
  category: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  hadolint: string | null;
}

export function toJsonFindings(reports: readonly FileReport[]): JsonFinding[] {
  const out: JsonFinding[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      out.push({
        file: r.file,
        rule: f.rule,
        category: f.category,
        severity: f.severity,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        message: f.message,
        hadolint: f.hadolint ?? null,
      });
    }
  }
  return out;
}

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(toJsonFindings(reports), null, 2) + '\n';
}

/** `file:line:col severity rule message`, one per line. */
export function formatText(reports: readonly FileReport[]): string {
  let out = '';
  for (const f of toJsonFindings(reports)) out += `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}\n`;
  return out;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0: one run, the full rule catalogue in the driver, one result per finding. */
export function formatSarif(reports: readonly FileReport[], lang: Lang, version: string): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const rules = RULES.map((r) => {
    const m = r.meta;
    const tags = [m.category, ...(m.hadolint ? [m.hadolint] : []), ...(m.buildkit ? [m.buildkit] : [])];
    return {
      id: m.id,
      name: m.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text: pick(m.title, lang) },
      fullDescription: { text: pick(summary(m), lang) },
      help: { text: explanation(m, lang), markdown: explanation(m, lang) },
      defaultConfiguration: { level: SARIF_LEVEL[m.severity] },
      properties: { category: m.category, tags, ...(m.hadolint ? { hadolint: m.hadolint } : {}), ...(m.buildkit ? { buildkit: m.buildkit } : {}), course: pick(m.course.session.title, lang) },
    };
  });
  // ShellCheck codes and rule errors found in this run join the catalogue after our rules.
  const extra = (id: string, severity: Severity) => {
    ruleIndex.set(id, rules.length);
    const sc = isShellCheckRef(id);
    const title = sc ? shellcheckTitle(id) : { ko: '규칙 오류 (Docker Labs의 버그)', en: 'Rule error (a bug in Docker Labs)' };
    rules.push({
      id,
      name: id,
      shortDescription: { text: pick(title, lang) },
      fullDescription: { text: pick(title, lang) },
      ...(sc ? { helpUri: shellcheckDocsUrl(id) } : {}),
      help: { text: pick(title, lang), markdown: pick(title, lang) },
      defaultConfiguration: { level: SARIF_LEVEL[severity] },
      properties: { category: 'correctness', tags: sc ? ['correctness', 'shellcheck', id] : ['rule-error'] },
    } as (typeof rules)[number]);
  };
  for (const r of reports) for (const f of r.findings) if (!ruleIndex.has(f.rule)) extra(f.rule, f.severity);
  const results = [];
  for (const r of reports) {
    const uri = r.file.split('\\').join('/');
    for (const f of r.findings) {
      results.push({
        ruleId: f.rule,
        ruleIndex: ruleIndex.get(f.rule) ?? -1,
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
          },
        ],
        ...(f.fix && f.fix.edits.length > 0
          ? {
              fixes: [
                {
                  description: { text: f.fix.title },
                  artifactChanges: [
                    {
                      artifactLocation: { uri },
                      replacements: f.fix.edits.map((e) => ({
                        deletedRegion: { startLine: e.range.start.line + 1, startColumn: e.range.start.character + 1, endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1 },
                        insertedContent: { text: e.newText },
                      })),
                    },
                  ],
                },
              ],
            }
          : {}),
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'docker-labs', version, semanticVersion: version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
