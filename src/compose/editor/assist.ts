// Completion and hover for compose files, from the compose-spec schema. Completion reads
// the path at the cursor from the indentation of the lines above it, so it works while
// the file is half typed (and so not valid YAML); hover reads the parsed document's keys.
import { isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Lang } from '../../util/i18n';
import { YamlSource, type YamlPath, type YamlSpan } from '../../util/yamlSource';
import { SERVICE_KEYS_KO } from './docs';
import { descriptionAt, keysAt, valuesAt } from './schema';

export interface ComposeCompletion {
  label: string;
  kind: 'key' | 'value';
  insertText: string;
  /** The JSON types the key's value may have, e.g. `array | object`. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  deprecated?: boolean;
  /** Offsets in the text of the word the completion replaces. */
  replace: { start: number; end: number };
}

interface Line {
  indent: number;
  /** The text after the indentation. */
  body: string;
}

const KEY_LINE = /^(-\s+)?(?:"([^"]*)"|'([^']*)'|([^\s:#'"-][^:#]*?|[^\s:#'"]))\s*:(?:\s|$)/;

function lineOf(text: string): Line {
  const indent = /^ */.exec(text)![0].length;
  return { indent, body: text.slice(indent) };
}

function keyOf(body: string): { item: boolean; key?: string } {
  const m = KEY_LINE.exec(body);
  if (!m) return { item: /^-(\s|$)/.test(body) };
  return { item: m[1] !== undefined, key: m[2] ?? m[3] ?? m[4] };
}

function meaningful(text: string): boolean {
  const t = text.trim();
  return t !== '' && !t.startsWith('#') && t !== '---';
}

/**
 * The YAML path of the map a key at `indent` on line `row` belongs to: each line above
 * with less indentation is a parent (`key:`), and a `- ` line opens a list item (0).
 */
export function pathAt(lines: string[], row: number, indent: number): YamlPath {
  const path: YamlPath = [];
  let want = indent;
  for (let r = row - 1; r >= 0 && want > 0; r--) {
    const raw = lines[r] ?? '';
    if (!meaningful(raw)) continue;
    const { indent: i, body } = lineOf(raw);
    if (i >= want) continue;
    const { item, key } = keyOf(body);
    if (item) {
      // `- key: v`: its map's keys sit after the dash.
      const inner = i + (/^-\s+/.exec(body)?.[0].length ?? 2);
      if (key !== undefined && want > inner) path.unshift(0, key);
      else path.unshift(0);
    } else if (key !== undefined) {
      path.unshift(key);
    } else {
      continue;
    }
    want = i;
  }
  return path;
}

/** The keys already written in the map the cursor's line belongs to. */
function siblingKeys(lines: string[], row: number, indent: number): Set<string> {
  const found = new Set<string>();
  const scan = (from: number, step: number): void => {
    for (let r = from; r >= 0 && r < lines.length; r += step) {
      const raw = lines[r] ?? '';
      if (!meaningful(raw)) continue;
      const { indent: i, body } = lineOf(raw);
      if (i < indent) {
        // A `- ` line above opens the item map the cursor is in: its first key counts.
        if (step < 0) {
          const k = keyOf(body);
          if (k.item && k.key && i + 2 === indent) found.add(k.key);
        }
        return;
      }
      if (i === indent) {
        const k = keyOf(body);
        if (k.item) return;
        if (k.key !== undefined) found.add(k.key);
      }
    }
  };
  scan(row - 1, -1);
  scan(row + 1, 1);
  return found;
}

function keyDocs(path: YamlPath, key: string, lang: Lang): string | undefined {
  const english = descriptionAt([...path, key]);
  const korean = lang === 'ko' && path.length === 2 && path[0] === 'services' ? SERVICE_KEYS_KO[key] : undefined;
  if (!english && !korean) return undefined;
  return [korean, english].filter(Boolean).join('\n\n');
}

/** Completions at `offset`: the keys the schema allows in the map there, or the values it lists for the key. */
export function composeCompletions(text: string, offset: number, lang: Lang): ComposeCompletion[] {
  const before = text.slice(0, offset);
  const row = before.split('\n').length - 1;
  const lines = text.split('\n');
  const lineStart = before.lastIndexOf('\n') + 1;
  const prefix = before.slice(lineStart);
  const rest = (lines[row] ?? '').slice(prefix.length);
  const wordAfter = /^[\w.-]*/.exec(rest)![0].length;

  // `key: par|` → values.
  const value = /^(\s*)(-\s+)?((?:[\w.-]+)):\s+(["']?)([\w.-]*)$/.exec(prefix);
  if (value) {
    const indent = value[1]!.length + (value[2]?.length ?? 0);
    const base = pathAt(lines, row, indent);
    const path = [...(value[2] ? [...base, 0] : base), value[3]!];
    const start = offset - value[5]!.length;
    return valuesAt(path).map((v) => ({ label: v, kind: 'value', insertText: v, replace: { start, end: offset + wordAfter } }));
  }

  // `  par|` or `  - par|` → keys.
  const key = /^(\s*)(-\s+)?([\w.-]*)$/.exec(prefix);
  if (!key) return [];
  const indent = key[1]!.length + (key[2]?.length ?? 0);
  const base = pathAt(lines, row, indent);
  const path = key[2] ? [...base, 0] : base;
  const present = key[2] ? new Set<string>() : siblingKeys(lines, row, indent);
  const start = offset - key[3]!.length;
  return keysAt(path)
    .filter((k) => !present.has(k.name))
    .map((k) => ({
      label: k.name,
      kind: 'key' as const,
      insertText: `${k.name}: `,
      detail: k.types.join(' | ') || undefined,
      documentation: keyDocs(path, k.name, lang),
      deprecated: k.deprecated,
      replace: { start, end: offset + wordAfter },
    }));
}

export interface ComposeHover extends YamlSpan {
  /** Markdown. */
  markdown: string;
}

/** The key under `offset` and its path, if the cursor is on a key of the parsed document. */
function keyAt(src: YamlSource, offset: number): { path: YamlPath; key: string; range: [number, number] } | undefined {
  let found: { path: YamlPath; key: string; range: [number, number] } | undefined;
  const visit = (node: YamlNode | null | undefined, path: YamlPath): void => {
    if (!node || found || !node.range || offset < node.range[0] || offset > node.range[2]) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
        const key = String(pair.key.value);
        const [s, e] = pair.key.range;
        if (offset >= s && offset <= e) {
          found = { path, key, range: [s, e] };
          return;
        }
        visit(pair.value as YamlNode | null, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as YamlNode, [...path, i]));
    }
  };
  visit(src.doc.contents as YamlNode | null, []);
  return found;
}

/** The schema's description of the key under `offset` (with our Korean line for a common service key). */
export function composeHover(text: string, offset: number, lang: Lang): ComposeHover | undefined {
  const src = new YamlSource(text);
  const at = keyAt(src, offset);
  if (!at) return undefined;
  const docs = keyDocs(at.path, at.key, lang);
  if (!docs) return undefined;
  return { ...src.span(at.range[0], at.range[1]), markdown: `**\`${at.key}\`**\n\n${docs}` };
}
