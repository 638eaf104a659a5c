// hadolint's configuration file (`.hadolint.yaml` / `.hadolint.yml`), so
// hadolint users change nothing: `ignored`, `override` (error / warning /
// info / style), `disable-ignore-pragma`, `failure-threshold`,
// `trustedRegistries`, `label-schema` and `strict-labels`. Found next to the
// Dockerfile or in any folder above it. A key we do not know or a value of
// the wrong shape becomes a positioned problem in Korean and English; the
// valid parts still apply.
import * as fs from 'fs';
import * as path from 'path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { format, type Localized } from '../util/i18n';
import { LABEL_TYPES, type LabelType, type LintConfig, type SeveritySetting } from './types';

export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

const LEVELS: Record<string, SeveritySetting> = { error: 'error', warning: 'warning', info: 'info', style: 'hint', ignore: 'off' };
/** `failure-threshold`: hadolint's levels, `none` meaning any finding fails like `ignore`. */
const THRESHOLDS: Record<string, SeveritySetting> = { ...LEVELS, none: 'off' };
/** Keys hadolint reads that only shape its own output: accepted, nothing to do here. */
const OUTPUT_KEYS = new Set(['format', 'no-color', 'no-fail', 'verbose']);
const KEYS = ['ignored', 'override', 'disable-ignore-pragma', 'failure-threshold', 'trustedRegistries', 'label-schema', 'strict-labels', 'hadolint-compat', ...OUTPUT_KEYS];

/** A problem in the config file: where (0-based line and UTF-16 character) and what, in both languages. */
export interface ConfigProblem {
  line: number;
  character: number;
  message: Localized;
}

export interface LoadedConfig {
  config: LintConfig;
  /** Problems in the file (the valid parts still apply), in English, `line:column: ` first (1-based). */
  errors: string[];
  /** The same problems, positioned, in Korean and English. */
  problems: ConfigProblem[];
}

const MESSAGES = {
  invalidYaml: { ko: 'YAML 형식이 잘못되었습니다: {detail}', en: 'invalid YAML: {detail}' },
  notMapping: { ko: '최상위는 `키: 값` 매핑이어야 합니다', en: 'expected a mapping at the top level' },
  unknownKey: { ko: '알 수 없는 키 `{key}` (hadolint가 읽는 키: {known})', en: 'unknown key `{key}` (hadolint reads: {known})' },
  ruleList: { ko: '`{key}`는 규칙 id의 목록이어야 합니다 (예: `[DL3008, DL3015]`)', en: '`{key}` must be a list of rule ids (e.g. `[DL3008, DL3015]`)' },
  overrideMap: { ko: '`override`는 error/warning/info/style 아래에 규칙 id 목록을 두어야 합니다', en: '`override` must map error/warning/info/style to lists of rule ids' },
  unknownLevel: { ko: '`override`의 알 수 없는 수준 `{level}` (error, warning, info, style 중 하나)', en: 'unknown level `{level}` in `override` (expected error, warning, info or style)' },
  overrideList: { ko: '`override.{level}`은(는) 목록이어야 합니다', en: '`override.{level}` must be a list' },
  boolean: { ko: '`{key}`는 true 또는 false여야 합니다', en: '`{key}` must be true or false' },
  threshold: { ko: '`failure-threshold`는 error, warning, info, style, ignore, none 중 하나여야 합니다 (`{value}`)', en: '`failure-threshold` must be one of error, warning, info, style, ignore, none (not `{value}`)' },
  registries: { ko: '`trustedRegistries`는 레지스트리 하나 또는 레지스트리 목록이어야 합니다 (예: `[docker.io, ghcr.io]`)', en: '`trustedRegistries` must be a registry or a list of registries (e.g. `[docker.io, ghcr.io]`)' },
  labelSchema: { ko: '`label-schema`는 `레이블: 형식` 매핑이어야 합니다 (예: `version: semver`)', en: '`label-schema` must map labels to value types (e.g. `version: semver`)' },
  labelType: { ko: '레이블 `{label}`의 알 수 없는 형식 `{type}` ({types} 중 하나)', en: 'unknown type `{type}` for label `{label}` (expected one of {types})' },
} satisfies Record<string, Localized>;

export function parseHadolintConfig(text: string): LoadedConfig {
  const problems: ConfigProblem[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number | undefined, message: Localized, data: Record<string, string> = {}) => {
    const pos = lines.linePos(offset ?? 0);
    problems.push({ line: pos.line - 1, character: pos.col - 1, message: { ko: format(message.ko, data), en: format(message.en, data) } });
  };
  const atNode = (node: unknown, message: Localized, data?: Record<string, string>) => at((node as Node | null)?.range?.[0], message, data);
  const done = (config: LintConfig): LoadedConfig => ({
    config,
    problems,
    errors: problems.map((p) => `${p.line + 1}:${p.character + 1}: ${p.message.en}`),
  });

  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    at(e.pos[0], MESSAGES.invalidYaml, { detail: e.message.split('\n')[0] });
    return done({});
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) return done({});
  if (!isMap(root)) {
    atNode(root, MESSAGES.notMapping);
    return done({});
  }

  const config: LintConfig = {};
  const strings = (node: unknown): string[] | null => (isSeq(node) && node.items.every((i) => isScalar(i) && typeof i.value === 'string') ? node.items.map((i) => String((i as { value: string }).value)) : null);
  const bool = (key: string, node: unknown): boolean | undefined => {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    atNode(node, MESSAGES.boolean, { key });
    return undefined;
  };

  for (const pair of root.items as Pair<unknown, unknown>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    switch (key) {
      case 'ignored': {
        const ids = strings(value);
        if (ids) config.ignored = ids;
        else atNode(value ?? pair.key, MESSAGES.ruleList, { key });
        break;
      }
      case 'override': {
        if (!isMap(value)) {
          atNode(value ?? pair.key, MESSAGES.overrideMap);
          break;
        }
        const severity: Record<string, SeveritySetting> = {};
        for (const p of value.items as Pair<unknown, unknown>[]) {
          const level = isScalar(p.key) ? String(p.key.value) : '';
          const sev = Object.prototype.hasOwnProperty.call(LEVELS, level) ? LEVELS[level] : undefined;
          if (!sev) {
            atNode(p.key, MESSAGES.unknownLevel, { level });
            continue;
          }
          const ids = strings(p.value);
          if (!ids) {
            atNode(p.value ?? p.key, MESSAGES.overrideList, { level });
            continue;
          }
          for (const id of ids) severity[id] = sev;
        }
        config.severity = severity;
        break;
      }
      case 'disable-ignore-pragma': {
        const b = bool(key, value);
        if (b !== undefined) config.disableInlineIgnores = b;
        break;
      }
      case 'strict-labels': {
        const b = bool(key, value);
        if (b !== undefined) config.strictLabels = b;
        break;
      }
      // Ours (hadolint ignores keys it does not know): judge as hadolint where a rule deliberately differs.
      case 'hadolint-compat': {
        const b = bool(key, value);
        if (b !== undefined) config.hadolintCompat = b;
        break;
      }
      case 'failure-threshold': {
        const v = isScalar(value) ? String(value.value) : '';
        if (Object.prototype.hasOwnProperty.call(THRESHOLDS, v)) config.failureThreshold = THRESHOLDS[v];
        else atNode(value ?? pair.key, MESSAGES.threshold, { value: v });
        break;
      }
      case 'trustedRegistries': {
        if (isScalar(value) && typeof value.value === 'string') config.trustedRegistries = [value.value];
        else {
          const list = strings(value);
          if (list) config.trustedRegistries = list;
          else atNode(value ?? pair.key, MESSAGES.registries);
        }
        break;
      }
      case 'label-schema': {
        if (!isMap(value)) {
          atNode(value ?? pair.key, MESSAGES.labelSchema);
          break;
        }
        const schema: Record<string, LabelType> = {};
        for (const p of value.items as Pair<unknown, unknown>[]) {
          const label = isScalar(p.key) ? String(p.key.value) : '';
          const type = isScalar(p.value) ? String(p.value.value) : '';
          if ((LABEL_TYPES as readonly string[]).includes(type)) schema[label] = type as LabelType;
          else atNode(p.value ?? p.key, MESSAGES.labelType, { label, type, types: LABEL_TYPES.join(', ') });
        }
        config.labelSchema = schema;
        break;
      }
      default:
        if (!OUTPUT_KEYS.has(key)) atNode(pair.key, MESSAGES.unknownKey, { key, known: KEYS.join(', ') });
    }
  }
  return done(config);
}

/** The nearest `.hadolint.yaml`/`.hadolint.yml` in `dir` or a folder above it (not above `stopAt`, if given). */
export function findHadolintConfig(dir: string, stopAt?: string): string | null {
  let current = path.resolve(dir);
  const stop = stopAt ? path.resolve(stopAt) : null;
  for (;;) {
    for (const name of HADOLINT_CONFIG_NAMES) {
      const candidate = path.join(current, name);
      try {
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
    if (stop && current === stop) return null;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/** Finds and reads the hadolint config that applies to a Dockerfile. */
export function loadHadolintConfig(dockerfilePath: string, stopAt?: string): (LoadedConfig & { path: string }) | null {
  const found = findHadolintConfig(path.dirname(path.resolve(dockerfilePath)), stopAt);
  if (!found) return null;
  let text: string;
  try {
    text = fs.readFileSync(found, 'utf8');
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { path: found, config: {}, errors: [detail], problems: [{ line: 0, character: 0, message: { ko: `읽을 수 없습니다: ${detail}`, en: `cannot read: ${detail}` } }] };
  }
  return { path: found, ...parseHadolintConfig(text) };
}
