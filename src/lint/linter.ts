// Runs the rules over one parsed model, each with its own RuleContext, and
// turns their reports into findings: message texts are resolved from
// `meta.messages` here, and configuration (ignored rules, severity overrides)
// and ignore comments are applied here, once, so rules only describe problems.
import type { Lang } from '../util/i18n';
import { LintFacts } from './facts/lintFacts';
import { checkDirective, collectIgnores } from './ignore';
import { LineIndex } from './parse/lines';
import { DockerfileModel, SegmentCache } from './parse/model';
import { formatMessage, messageOf, RuleContractError, type EditSpec, type MessageData, type ReportDescriptor, type Rule, type RuleContext, type RuleOptions } from './rule';
import { RULES } from './rules';
import type { BuildContext, Finding, LintConfig, LintOptions, RuleMeta, Severity, SeveritySetting } from './types';

const BY_REF = new Map<string, Rule[]>();
for (const rule of RULES) {
  const refs = [rule.meta.id, rule.meta.hadolint, rule.meta.buildkit].filter((r): r is string => !!r).map((r) => r.toLowerCase());
  for (const ref of refs) {
    const list = BY_REF.get(ref) ?? [];
    list.push(rule);
    BY_REF.set(ref, list);
  }
}
const BY_ID = new Map(RULES.map((r) => [r.meta.id, r]));

/** Rules a reference names: our id, a hadolint id (`DL3008`) or a BuildKit check (`JSONArgsRecommended`). */
export function resolveRule(ref: string): Rule[] {
  return BY_REF.get(ref.trim().toLowerCase()) ?? [];
}

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

interface ResolvedConfig {
  off: Set<string>;
  severity: Map<string, Severity>;
  inline: boolean;
  options: RuleOptions;
}

const resolvedConfigs = new WeakMap<LintConfig, ResolvedConfig>();
/** Rules hadolint ships at its `ignore` level: off until a config gives them a severity. */
const OFF_BY_DEFAULT = RULES.filter((r) => !r.meta.enabledByDefault).map((r) => r.meta.id);
const DEFAULT_CONFIG: ResolvedConfig = Object.freeze({ off: new Set(OFF_BY_DEFAULT), severity: new Map(), inline: true, options: Object.freeze({}) });

function resolveConfig(config: LintConfig | undefined): ResolvedConfig {
  if (!config) return DEFAULT_CONFIG;
  const cached = resolvedConfigs.get(config);
  if (cached) return cached;
  const off = new Set<string>(OFF_BY_DEFAULT);
  const severity = new Map<string, Severity>();
  for (const ref of config.ignored ?? []) for (const r of resolveRule(ref)) off.add(r.meta.id);
  // Later entries win, so a settings object merged after a .hadolint.yaml overrides it.
  for (const [ref, value] of Object.entries(config.severity ?? {})) {
    for (const r of resolveRule(ref)) {
      if (value === 'off') {
        off.add(r.meta.id);
        severity.delete(r.meta.id);
      } else if (isSeverity(value)) {
        off.delete(r.meta.id);
        severity.set(r.meta.id, value);
      }
    }
  }
  const options: RuleOptions = Object.freeze({ trustedRegistries: config.trustedRegistries, labelSchema: config.labelSchema, strictLabels: config.strictLabels, hadolintCompat: config.hadolintCompat });
  const resolved = { off, severity, inline: !config.disableInlineIgnores, options };
  resolvedConfigs.set(config, resolved);
  return resolved;
}

function isSeverity(v: unknown): v is Severity {
  return v === 'error' || v === 'warning' || v === 'info' || v === 'hint';
}

const SHELLCHECK_REF = /^\s*sc\d{4}\s*$/i;

/** Merges configs left to right (later wins), normalising rule references to our ids. */
export function mergeConfigs(...configs: (LintConfig | undefined)[]): LintConfig {
  const ignored: string[] = [];
  const severity: Record<string, SeveritySetting> = {};
  let disableInlineIgnores = false;
  // The rule settings: a later config that sets one replaces it.
  const settings: Pick<LintConfig, 'trustedRegistries' | 'labelSchema' | 'strictLabels' | 'failureThreshold' | 'hadolintCompat'> = {};
  for (const c of configs) {
    if (!c) continue;
    if (c.trustedRegistries !== undefined) settings.trustedRegistries = c.trustedRegistries;
    if (c.labelSchema !== undefined) settings.labelSchema = c.labelSchema;
    if (c.strictLabels !== undefined) settings.strictLabels = c.strictLabels;
    if (c.failureThreshold !== undefined) settings.failureThreshold = c.failureThreshold;
    for (const ref of c.ignored ?? []) {
      // ShellCheck codes (SC2086) name no rule of ours: kept for the ShellCheck engine.
      if (SHELLCHECK_REF.test(ref)) ignored.push(ref.trim().toUpperCase());
      for (const r of resolveRule(ref)) {
        ignored.push(r.meta.id);
        delete severity[r.meta.id];
      }
    }
    for (const [ref, value] of Object.entries(c.severity ?? {})) {
      if (SHELLCHECK_REF.test(ref)) {
        const code = ref.trim().toUpperCase();
        delete severity[code];
        severity[code] = value;
        if (value !== 'off') for (let k = ignored.indexOf(code); k !== -1; k = ignored.indexOf(code)) ignored.splice(k, 1);
      }
      for (const r of resolveRule(ref)) {
        delete severity[r.meta.id];
        severity[r.meta.id] = value;
        if (value !== 'off') {
          const k = ignored.indexOf(r.meta.id);
          if (k !== -1) ignored.splice(k, 1);
        }
      }
    }
    if (c.disableInlineIgnores !== undefined) disableInlineIgnores = c.disableInlineIgnores;
    if (c.hadolintCompat !== undefined) settings.hadolintCompat = c.hadolintCompat;
  }
  return { ignored, severity, disableInlineIgnores, ...settings };
}

export interface LintResult {
  findings: Finding[];
  /** The parsed document (null only when even the model could not be built). */
  model: DockerfileModel | null;
  /** Rules that threw (a bug: reported here instead of breaking the lint). */
  ruleErrors: { rule: string; error: unknown }[];
}

export interface EngineOptions extends LintOptions {
  /** Reuse parsed instructions across lints of the same document (see IncrementalLinter). */
  cache?: SegmentCache;
  /** The rules to run (default: all of RULES); for tests of the rule contract and single-rule tools. */
  rules?: readonly Rule[];
}

export function lintText(text: string, options: EngineOptions = {}): LintResult {
  const lang: Lang = options.lang ?? 'en';
  const config = resolveConfig(options.config);
  const ruleErrors: { rule: string; error: unknown }[] = [];
  let model: DockerfileModel;
  const parseError = BY_ID.get('parse-error')!.meta;
  try {
    model = new DockerfileModel(text, options.cache);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const data = { detail };
    return {
      findings: [finding(parseError, 'parseError', parseError.severity, { line: 0, character: 0 }, { line: 0, character: 0 }, formatMessage(messageOf(parseError, 'parseError', data), lang, data))],
      model: null,
      ruleErrors,
    };
  }

  const facts = new LintFacts(model);
  const raws: RawFinding[] = [];
  const check = checkDirective(model);
  // Experimental BuildKit checks run only when asked for, as in BuildKit: by the
  // `# check=experimental=` directive (which wins over `skip`) or a configured severity.
  const experimentalOn = (meta: RuleMeta): boolean =>
    config.severity.has(meta.id) || check.experimental.has('all') || (!!meta.buildkit && check.experimental.has(meta.buildkit.toLowerCase()));
  for (const p of model.problems) raws.push({ meta: parseError, start: p.start, end: p.end, messageId: 'parseError', data: { detail: p.message } });
  for (const rule of options.rules ?? RULES) {
    if (config.off.has(rule.meta.id)) continue;
    if (rule.meta.experimental && !experimentalOn(rule.meta)) continue;
    try {
      rule.check(new Context(rule.meta, model, facts, raws, config.options, options.context));
    } catch (error) {
      ruleErrors.push({ rule: rule.meta.id, error });
    }
  }

  model.releaseUnusedParses();
  const ignores = collectIgnores(model, config.inline);
  const ignoredBy = (meta: RuleMeta, refs: Set<string> | undefined): boolean => {
    if (!refs || refs.size === 0) return false;
    return refs.has(meta.id) || (!!meta.hadolint && refs.has(meta.hadolint.toLowerCase())) || (!!meta.buildkit && (refs.has(meta.buildkit.toLowerCase()) || refs.has('all')));
  };

  const out: Finding[] = [];
  const instructions = model.instructions;
  for (const raw of raws) {
    const meta = raw.meta;
    if (config.off.has(meta.id)) continue;
    // A check named in `experimental=` wins over `skip=` even where it is no experiment of ours
    // (BuildKit's CopyIgnoredFile is one there, always on here).
    const named = !!meta.buildkit && check.experimental.has(meta.buildkit.toLowerCase());
    if (ignoredBy(meta, ignores.global) && !(meta.experimental && experimentalOn(meta)) && !named) continue;
    if (ignores.byInstruction.size > 0) {
      const at = instructionAt(instructions, raw.start);
      if (at !== -1 && ignoredBy(meta, ignores.byInstruction.get(at))) continue;
    }
    // `# check=error=true` makes BuildKit fail the build on a check finding: an error here too, unless configured otherwise.
    const severity = config.severity.get(meta.id) ?? (check.error && meta.buildkit ? 'error' : meta.severity);
    out.push(toFinding(model, raw, severity, lang));
  }
  out.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
  return { findings: out, model, ruleErrors };
}

/** Lints Dockerfile text. Never throws: unreadable input becomes a `parse-error` finding. */
export function lint(text: string, options: EngineOptions = {}): Finding[] {
  return lintText(text, options).findings;
}

/**
 * Lints successive versions of one document, re-parsing only instructions
 * whose text changed (the editor keeps one per open Dockerfile).
 */
export class IncrementalLinter {
  private readonly cache = new SegmentCache();

  lint(text: string, options: LintOptions = {}): LintResult {
    return lintText(text, { ...options, cache: this.cache });
  }
}

function instructionAt(list: DockerfileModel['instructions'], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

interface RawFinding extends ReportDescriptor {
  meta: RuleMeta;
}

/**
 * The context one rule runs with: its own object (a rule cannot see or change
 * what another reports: the findings list and the rule's meta are private
 * fields), the shared facts, and a `report` that checks the contract before
 * accepting a finding. A class, so that `report` is one function on the
 * prototype rather than a closure made for every rule of every lint.
 */
class Context implements RuleContext {
  readonly id: string;
  readonly text: string;
  readonly #meta: RuleMeta;
  readonly #out: RawFinding[];

  constructor(
    meta: RuleMeta,
    readonly doc: DockerfileModel,
    readonly facts: LintFacts,
    out: RawFinding[],
    readonly options: RuleOptions,
    readonly context: BuildContext | undefined,
  ) {
    this.id = meta.id;
    this.text = doc.text;
    this.#meta = meta;
    this.#out = out;
    Object.freeze(this);
  }

  report(d: ReportDescriptor): void {
    const meta = this.#meta;
    messageOf(meta, d.messageId, d.data);
    if (d.fix) {
      if (!meta.fixable) throw new RuleContractError(meta.id, `reported a fix but meta.fixable is false`);
      messageOf(meta, d.fix.messageId, d.fix.data ?? d.data);
    }
    this.#out.push({ ...d, meta });
  }
}

function toFinding(model: DockerfileModel, raw: RawFinding, severity: Severity, lang: Lang): Finding {
  const meta = raw.meta;
  const lines = model.lines;
  const f = finding(meta, raw.messageId, severity, lines.position(raw.start), lines.position(Math.max(raw.start, raw.end)), formatMessage(meta.messages[raw.messageId], lang, raw.data));
  if (raw.fix && (raw.fix.edits.length > 0 || (raw.fix.files?.length ?? 0) > 0)) {
    const data: MessageData | undefined = raw.fix.data ?? raw.data;
    f.fix = {
      title: formatMessage(meta.messages[raw.fix.messageId], lang, data),
      edits: raw.fix.edits.map((e: EditSpec) => ({ range: lines.range(e.start, e.end), newText: e.text })),
    };
    if (raw.fix.files?.length) {
      f.fix.files = raw.fix.files.map((file) => {
        const other = new LineIndex(file.create ? '' : file.text);
        return { path: file.path, create: file.create, edits: file.edits.map((e) => ({ range: other.range(e.start, e.end), newText: e.text })) };
      });
    }
  }
  return f;
}

function finding(meta: RuleMeta, messageId: string, severity: Severity, start: Finding['range']['start'], end: Finding['range']['end'], message: string): Finding {
  const f: Finding = { rule: meta.id, severity, category: meta.category, range: { start, end }, messageId, message };
  if (meta.hadolint) f.hadolint = meta.hadolint;
  if (meta.buildkit) f.buildkit = meta.buildkit;
  return f;
}

export type RuleError = LintResult['ruleErrors'][number];

/**
 * A rule that threw, as a finding (the CLI's `rule-error`): error level, at the
 * file's start, naming the rule and the exception so that a bug cannot hide
 * behind missing findings. The editor logs these instead of showing them.
 */
export function ruleErrorFinding(e: RuleError, lang: Lang): Finding {
  const detail = e.error instanceof Error ? `${e.error.name}: ${e.error.message}` : String(e.error);
  const message = lang === 'ko' ? `규칙 ${e.rule}이(가) 예외로 중단되었습니다: ${detail} (Docker Labs의 버그입니다. 이 파일의 다른 결과는 그대로입니다)` : `Rule ${e.rule} threw an exception: ${detail} (a bug in Docker Labs; the file's other findings stand)`;
  return { rule: 'rule-error', severity: 'error', category: 'correctness', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, messageId: 'ruleError', message };
}
