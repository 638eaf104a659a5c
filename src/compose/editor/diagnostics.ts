// Diagnostics for a compose file, as a learner can read them: YAML syntax errors at their
// place, then the compose-spec schema's errors (Ajv, Korean by ajv-i18n), one per problem
// at the key or value it is about. Ajv reports every failed branch of a oneOf / anyOf
// (`depends_on: db` fails "must be array" and "must be object" and "must match exactly one
// schema"): the branches are folded into the one that matched the value's type, or, when
// none did, into one "must be array or object". Never throws on what a learner types.
import type { ErrorObject } from 'ajv';
import { isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Localized } from '../../util/i18n';
import { dedupeProblems, pointerToPath, YamlSource, type YamlPath, type YamlSpan } from '../../util/yamlSource';
import { childSchemas, expand, keysAt, koreanMessages, schemasAt, validateCompose, describe } from './schema';

export type ComposeSeverity = 'error' | 'warning' | 'hint';

export interface ComposeProblem extends YamlSpan {
  /** `yaml/<yaml error code>`, `schema/<Ajv keyword>`, `schema/deprecated`. */
  code: string;
  severity: ComposeSeverity;
  message: Localized;
  /** The key is deprecated by the spec (shown struck through). */
  deprecated?: boolean;
}

const TYPE_WORDS: Record<string, Localized> = {
  string: { ko: '문자열(string)', en: 'string' },
  number: { ko: '숫자(number)', en: 'number' },
  integer: { ko: '정수(integer)', en: 'integer' },
  boolean: { ko: 'true/false(boolean)', en: 'boolean (true/false)' },
  null: { ko: '빈 값(null)', en: 'null' },
  array: { ko: '목록(array: `- 항목` 줄)', en: 'array (a list of `- item` lines)' },
  object: { ko: '매핑(object: `키: 값` 줄)', en: 'object (`key: value` lines)' },
};

function typeWords(types: string[], lang: keyof Localized): string {
  const words = types.map((t) => TYPE_WORDS[t]?.[lang] ?? t);
  return words.join(lang === 'ko' ? ' 또는 ' : ' or ');
}

function typesOf(e: ErrorObject): string[] {
  return String((e.params as { type?: unknown }).type ?? '')
    .split(',')
    .filter(Boolean);
}

function within(path: string, parent: string): boolean {
  return path === parent || path.startsWith(parent + '/');
}

/**
 * Folds each failed oneOf / anyOf with the errors of its branches (the errors Ajv reported
 * just before it, at or under its path): when some branch got past the type check, its
 * errors are the problem and the other branches' "must be …" go; when none did, one
 * "must be A or B" replaces them all. Inner branchings fold first, as Ajv reports them first.
 */
export function foldBranches(errors: ErrorObject[]): ErrorObject[] {
  const list: (ErrorObject | undefined)[] = [...errors];
  for (let k = 0; k < list.length; k++) {
    const o = list[k];
    if (!o || (o.keyword !== 'oneOf' && o.keyword !== 'anyOf')) continue;
    if (o.keyword === 'oneOf' && (o.params as { passingSchemas?: unknown }).passingSchemas != null) continue;
    const range: number[] = [];
    for (let i = k - 1; i >= 0; i--) {
      const e = list[i];
      if (e === undefined) continue;
      if (!within(e.instancePath, o.instancePath)) break;
      range.push(i);
    }
    const typesHere = range.filter((i) => list[i]!.keyword === 'type' && list[i]!.instancePath === o.instancePath).sort((a, b) => a - b);
    const others = range.filter((i) => !typesHere.includes(i));
    if (typesHere.length === 0 && others.length === 0) continue;
    if (others.length > 0) {
      for (const i of typesHere) list[i] = undefined;
      list[k] = undefined;
      continue;
    }
    const types = [...new Set(typesHere.flatMap((i) => typesOf(list[i]!)))];
    const first = list[typesHere[0]!]!;
    for (const i of typesHere) list[i] = undefined;
    list[k] = { ...first, params: { type: types.join(',') }, message: `must be ${types.join(',')}` };
  }
  return list.filter((e): e is ErrorObject => e !== undefined && e.keyword !== 'if');
}

function dotted(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return row[b.length]!;
}

/** The schema's key nearest to a mistyped one (`port` → `ports`, `enviroment` → `environment`). */
export function nearestKey(path: YamlPath, key: string): string | undefined {
  let best: { name: string; d: number } | undefined;
  const lower = key.toLowerCase();
  for (const { name } of keysAt(path)) {
    const d = distance(lower, name);
    if (d <= Math.max(1, Math.min(2, Math.floor(name.length / 3))) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

function unknownKeyMessage(path: YamlPath, key: string, ko: string, en: string): Localized {
  const names = schemasAt(path)
    .flatMap(expand)
    .flatMap((s) => (s.properties ? [] : Object.keys(s.patternProperties ?? {})));
  if (names.length > 0 && keysAt(path).length === 0) {
    const pattern = names[0]!;
    return {
      ko: `\`${key}\`: ${dotted(path)}의 이름은 ${pattern} 형식이어야 합니다 (영문자, 숫자, . _ -)`,
      en: `\`${key}\`: names under ${dotted(path)} must match ${pattern} (letters, digits, . _ -)`,
    };
  }
  const where = path.length ? { ko: `${dotted(path)}에 쓸 수 없는 키`, en: `not a key of ${dotted(path)}` } : { ko: '최상위에 쓸 수 없는 키', en: 'not a top-level key' };
  const near = nearestKey(path, key);
  const hint = near ? { ko: ` \`${near}\`을(를) 쓰려던 것인가요?`, en: ` Did you mean \`${near}\`?` } : { ko: '', en: '' };
  return { ko: `\`${key}\`: ${ko} (${where.ko}).${hint.ko}`, en: `\`${key}\`: ${en} (${where.en}).${hint.en}` };
}

function schemaProblem(src: YamlSource, e: ErrorObject, ko: string): ComposeProblem {
  const path = pointerToPath(e.instancePath);
  const params = e.params as Record<string, unknown>;
  const en = e.message ?? e.keyword;
  const base = { code: `schema/${e.keyword}`, severity: 'error' as const };
  if (e.keyword === 'additionalProperties') {
    const key = String(params.additionalProperty);
    return { ...base, ...src.key(path, key), message: unknownKeyMessage(path, key, ko, en) };
  }
  const where = path.length ? `${dotted(path)}: ` : '';
  let message: Localized = { ko: where + ko, en: where + en };
  if (e.keyword === 'type') {
    const types = typesOf(e);
    message = { ko: `${where}${koreanMessages([{ ...e, params: { type: typeWords(types, 'ko') } }])[0]}`, en: `${where}must be ${typeWords(types, 'en')}` };
  } else if (e.keyword === 'enum') {
    const allowed = ((params.allowedValues as unknown[] | undefined) ?? []).map(String).join(', ');
    message = { ko: `${where}${ko}: ${allowed}`, en: `${where}${en}: ${allowed}` };
  }
  return { ...base, ...src.about(path), message };
}

/** Keys the spec marks deprecated (`version`), as hints with the spec's own words. */
function deprecatedKeys(src: YamlSource): ComposeProblem[] {
  const out: ComposeProblem[] = [];
  const visit = (node: YamlNode | null | undefined, path: YamlPath, depth: number): void => {
    if (!node || depth > 6) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const child = childSchemas(schemasAt(path), key);
        if (child.some((c) => expand(c).some((s) => s.deprecated === true)) && pair.key.range) {
          const note = child.map(describe).find(Boolean);
          out.push({
            ...src.span(pair.key.range[0], pair.key.range[1]),
            code: 'schema/deprecated',
            severity: 'hint',
            deprecated: true,
            message: { ko: `\`${key}\`은(는) 더 이상 쓰이지 않는 키입니다${note ? ` (${note})` : ''}`, en: `\`${key}\` is deprecated${note ? `: ${note}` : ''}` },
          });
        }
        visit(pair.value as YamlNode | null, [...path, key], depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as YamlNode, [...path, i], depth + 1));
    }
  };
  visit(src.doc.contents as YamlNode | null, [], 0);
  return out;
}

/** Every problem of a compose file's text, in document order. */
export function composeDiagnostics(text: string): ComposeProblem[] {
  const src = new YamlSource(text, { merge: true });
  const syntax = src.syntaxProblems();
  if (syntax.length > 0) return syntax.map((p) => ({ ...p, code: `yaml/${p.code}`, severity: 'error' as const }));
  let data: unknown;
  try {
    data = src.doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    return [{ ...src.of([]), code: 'yaml/alias', severity: 'error', message: { ko: `YAML 오류: ${String(error)}`, en: `YAML error: ${String(error)}` } }];
  }
  // An empty file is a file being started, not a mistake.
  if (data === null || data === undefined) return [];
  const errors = foldBranches(validateCompose(data));
  const ko = koreanMessages(errors);
  const problems = errors.map((e, i) => schemaProblem(src, e, ko[i] ?? e.keyword));
  const all = dedupeProblems([...problems, ...deprecatedKeys(src)]);
  return all.sort((a, b) => a.line - b.line || a.column - b.column);
}
