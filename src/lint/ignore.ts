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

export function collectIgnores(doc: DockerfileModel, inline: boolean): Ignores {
  const global = new Set<string>();
  const byInstruction = new Map<number, Set<string>>();

  for (const d of doc.directives) {
    if (d.name.toLowerCase() !== 'check') continue;
    // `# check=skip=A,B;error=true`
    for (const part of d.value.split(';')) {
      const [k, v] = part.split('=', 2);
      if (k?.trim().toLowerCase() === 'skip' && v) for (const id of splitIds(v)) global.add(id);
    }
  }

  if (inline) {
    const instructions = doc.instructions;
    let next = 0;
    for (const c of ignorePragmas(doc)) {
      const ids = splitIds(c.ids);
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
