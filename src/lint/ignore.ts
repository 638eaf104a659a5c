// Which findings the author asked to silence: `# docker-labs ignore=<id>,…` and
// `# hadolint ignore=DLxxxx,…` on the line(s) before an instruction, their
// `global ignore=` forms anywhere, and BuildKit's `# check=skip=…` directive.
import type { DockerfileModel } from './parse/model';
import type { TextEdit } from './types';

export interface Ignores {
  /** Rule references silenced everywhere. */
  global: Set<string>;
  /** Rule references silenced per instruction index. */
  byInstruction: Map<number, Set<string>>;
}

const PRAGMA = /^(?:hadolint|docker-labs)\s+(global\s+)?ignore\s*=\s*(.*)$/i;

/** BuildKit's `# check=skip=A,B;error=true;experimental=C` parser directive, read as BuildKit reads it. */
export interface CheckDirective {
  /** Checks skipped (lowercase names; `all` for every check). */
  skip: Set<string>;
  /** `error=true`: BuildKit fails the build on any check finding. */
  error: boolean;
  /** Experimental checks turned on (lowercase names; `all` for every one). */
  experimental: Set<string>;
}

const NO_CHECK_DIRECTIVE: CheckDirective = { skip: new Set(), error: false, experimental: new Set() };

export function parseCheckValue(value: string): CheckDirective {
  const out: CheckDirective = { skip: new Set(), error: false, experimental: new Set() };
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const k = part.slice(0, eq).trim().toLowerCase();
    const v = part.slice(eq + 1);
    if (k === 'skip') for (const id of splitIds(v)) out.skip.add(id);
    else if (k === 'experimental') for (const id of splitIds(v)) out.experimental.add(id);
    else if (k === 'error') out.error = /^\s*(true|1|t)\s*$/i.test(v);
  }
  return out;
}

/** The file's `# check=` directive (the first one among the parser directives), or an empty one. */
export function checkDirective(doc: DockerfileModel): CheckDirective {
  const d = doc.directives.find((x) => x.name.toLowerCase() === 'check');
  return d ? parseCheckValue(d.value) : NO_CHECK_DIRECTIVE;
}

/** `# check=skip=…` on the comment lines right above an instruction (after the parser directives). */
const CHECK_COMMENT = /^check\s*=\s*(.*)$/i;

export function collectIgnores(doc: DockerfileModel, inline: boolean): Ignores {
  const global = new Set<string>();
  const byInstruction = new Map<number, Set<string>>();

  for (const id of checkDirective(doc).skip) global.add(id);

  if (inline) {
    const instructions = doc.instructions;
    let next = 0;
    // In document order: `next` walks the instructions once.
    const silencers = [
      ...ignorePragmas(doc).map((p) => ({ end: p.end, global: p.global, ids: splitIds(p.ids) })),
      ...checkComments(doc),
    ].sort((x, y) => x.end - y.end);
    for (const c of silencers) {
      const ids = c.ids;
      if (c.global) {
        for (const id of ids) global.add(id);
        continue;
      }
      while (next < instructions.length && instructions[next].start < c.end) next++;
      if (next >= instructions.length) continue;
      let set = byInstruction.get(next);
      if (!set) byInstruction.set(next, (set = new Set()));
      for (const id of ids) set.add(id);
    }
  }
  return { global, byInstruction };
}

export interface IgnorePragma {
  start: number;
  end: number;
  /** `global ignore=` rather than `ignore=`. */
  global: boolean;
  /** The id list as written. */
  ids: string;
}

/** The `# hadolint ignore=…` / `# docker-labs ignore=…` comments (global or not), in document order. */
export function ignorePragmas(doc: DockerfileModel): IgnorePragma[] {
  // dockerfile-ast reads a first-line `# hadolint ignore=…` as a parser directive: look there too.
  const lines = [
    ...doc.directives.map((d) => ({ start: d.start, end: d.end, text: doc.text.slice(d.start, d.end).replace(/^\s*#/, '').trim() })),
    ...doc.comments,
  ];
  const out: IgnorePragma[] = [];
  for (const c of lines) {
    const m = PRAGMA.exec(c.text);
    if (m) out.push({ start: c.start, end: c.end, global: !!m[1], ids: m[2] });
  }
  return out;
}

/** BuildKit's per-instruction `# check=skip=…` comments (not the parser directive, read as the file-level form). */
function checkComments(doc: DockerfileModel): { end: number; global: false; ids: string[] }[] {
  const out: { end: number; global: false; ids: string[] }[] = [];
  for (const c of doc.comments) {
    const m = CHECK_COMMENT.exec(c.text);
    if (m && onLineAbove(doc, c.end, undefined)) out.push({ end: c.end, global: false, ids: [...parseCheckValue(m[1]).skip] });
  }
  return out;
}

/** True when only comment lines separate the comment ending at `end` from the next instruction at or after it. */
function onLineAbove(doc: DockerfileModel, end: number, after: { start: number } | undefined): boolean {
  let ins = after;
  if (!ins || ins.start < end) ins = doc.instructions.find((i) => i.start >= end);
  if (!ins) return false;
  const lines = doc.lines;
  for (let l = lines.lineOf(end) + 1; l < lines.lineOf(ins.start); l++) if (!/^\s*#/.test(lines.lineText(l))) return false;
  return true;
}

function splitIds(list: string): string[] {
  return list
    .split(/[,\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * The edit that silences `ruleId` for the instruction a finding starting at
 * `offset` belongs to: adds the id to a `# docker-labs ignore=` comment on the
 * line above, or inserts one (indented like the instruction).
 */
export function ignoreEdit(doc: DockerfileModel, offset: number, ruleId: string): TextEdit {
  const list = doc.instructions;
  let ins = list[0];
  for (const i of list) if (i.start <= offset) ins = i;
  const lines = doc.lines;
  const at = ins ? ins.start : offset;
  const line = lines.lineOf(at);
  if (line > 0) {
    const above = lines.lineText(line - 1);
    const m = /^(\s*#\s*docker-labs\s+ignore\s*=\s*)(.*?)\s*$/i.exec(above);
    if (m) {
      const ids = m[2].split(',').map((s) => s.trim()).filter(Boolean);
      if (!ids.includes(ruleId)) ids.push(ruleId);
      const start = lines.starts[line - 1];
      return { range: lines.range(start, lines.lineEnd(line - 1)), newText: m[1] + ids.join(',') };
    }
  }
  const lineStart = lines.starts[line];
  const indent = /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
  return { range: lines.range(lineStart, lineStart), newText: `${indent}# docker-labs ignore=${ruleId}${lines.eol}` };
}
