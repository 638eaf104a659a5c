// Shared by the linter's unit tests: run the engine, pick one rule's findings,
// describe expectations by the text a finding's range covers (the rule tables
// use ./ruleTester.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText, type Finding, type LintOptions } from '../../../src/lint';
import { LineIndex } from '../../../src/lint/parse/lines';
import { DockerfileModel } from '../../../src/lint/parse/model';
import { DockerfileParser } from 'dockerfile-ast';
import { corpusDir } from '../../support/shared';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export { corpusDir };

/** Corpus files (name, text), or null when ../shared/corpus is not there. */
export function corpus(): { name: string; text: string }[] | null {
  if (!fs.existsSync(corpusDir)) return null;
  return fs
    .readdirSync(corpusDir)
    .filter((f) => f !== 'MANIFEST.tsv' && fs.statSync(path.join(corpusDir, f)).isFile())
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(corpusDir, name), 'utf8') }));
}

export function run(text: string, options: LintOptions = {}): Finding[] {
  const r = lintText(text, options);
  assert.deepStrictEqual(r.ruleErrors.map((e) => `${e.rule}: ${String((e.error as Error)?.stack ?? e.error)}`), [], 'no rule may throw');
  return r.findings;
}

export function of(text: string, rule: string, options: LintOptions = {}): Finding[] {
  return run(text, options).filter((f) => f.rule === rule);
}

/** The document text a finding's range covers. */
export function covered(text: string, f: { range: Finding['range'] }): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offset(f.range.start), lines.offset(f.range.end));
}

export function describeFindings(text: string, list: Finding[]): string {
  return list.map((f) => `${f.rule}@${f.range.start.line + 1}:${f.range.start.character + 1} «${covered(text, f)}»`).join(', ');
}

/** Deterministic PRNG (mulberry32) for the fuzz tests. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Instruction ranges and keywords, and comment ranges, as dockerfile-ast sees the whole file. */
export function astShape(text: string): string[] {
  const d = DockerfileParser.parse(text);
  const r = (x: { start: { line: number; character: number }; end: { line: number; character: number } }) => `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
  return [...d.getInstructions().map((i) => `${i.getKeyword()} ${r(i.getRange())}`), ...d.getComments().map((c) => `# ${r(c.getRange())}`)];
}

export function modelShape(text: string): string[] {
  const m = new DockerfileModel(text);
  const r = (s: number, e: number) => {
    const x = m.range(s, e);
    return `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
  };
  const comments = [...m.comments, ...m.embeddedComments].sort((a, b) => a.start - b.start);
  return [...m.instructions.map((i) => `${i.keyword} ${r(i.start, i.end)}`), ...comments.map((c) => `# ${r(c.start, c.end)}`)];
}


/** A random damaging edit or three: delete, duplicate, swap lines; truncate; flip characters; insert stray syntax. */
export function mutate(text: string, random: () => number): string {
  const pick = (n: number) => Math.floor(random() * n);
  const lines = text.split('\n');
  const rounds = 1 + pick(3);
  let out = text;
  for (let r = 0; r < rounds; r++) {
    switch (pick(8)) {
      case 0:
        lines.splice(pick(lines.length), 1 + pick(3));
        out = lines.join('\n');
        break;
      case 1: {
        const at = pick(lines.length);
        lines.splice(at, 0, ...lines.slice(at, at + 1 + pick(4)));
        out = lines.join('\n');
        break;
      }
      case 2: {
        const a = pick(lines.length);
        const b = pick(lines.length);
        [lines[a], lines[b]] = [lines[b], lines[a]];
        out = lines.join('\n');
        break;
      }
      case 3:
        out = out.slice(0, pick(out.length + 1));
        break;
      case 4: {
        // flip a few characters to random code units (bytes of a broken encoding, NULs, lone surrogates)
        const chars = out.split('');
        for (let k = 0; k < 1 + pick(5); k++) chars[pick(chars.length)] = String.fromCharCode(pick(0xffff));
        out = chars.join('');
        break;
      }
      default: {
        const stray = ['"', "'", '\\', '\\\n', '`', '<<EOF', '$(', '${', '[', '#', '\r', '\t', '--', '&&', '|'][pick(15)];
        const at = pick(out.length + 1);
        out = out.slice(0, at) + stray + out.slice(at);
        break;
      }
    }
    if (r < rounds - 1) lines.splice(0, lines.length, ...out.split('\n'));
  }
  return out;
}
