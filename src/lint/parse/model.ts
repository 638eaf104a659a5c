// The document model every rule reads: instructions with their arguments,
// flags, JSON form, properties and heredocs; comments; parser directives; build
// stages. Built once per lint and shared by all rules.
//
// Each instruction is parsed by dockerfile-ast on its own (see split.ts for
// why); the parsed segment, and what we extract from it, is cached by its text
// in a SegmentCache so an editor re-lint only re-parses what changed. Extracted
// data is stored relative to the segment's start and moved to absolute offsets
// when a model is built. Everything positional in the model is an offset into
// the text; `LineIndex` turns offsets into line/character ranges for reports.
import { DockerfileParser, Arg as AstArg, Env as AstEnv, Label as AstLabel, JSONInstruction, ModifiableInstruction, Onbuild } from 'dockerfile-ast';
import type { Instruction as AstInstruction, Property as AstProperty } from 'dockerfile-ast';
import { parseImageRef, type ImageRef } from '../../docker';
import { continuationAt, droppedLinesEnd } from '../../shell';
import { LineIndex } from './lines';
import { commentHeaderEnd, splitInstructions, type RawHeredoc, type RawInstruction } from './split';

export interface Span {
  start: number;
  end: number;
}

export interface Word extends Span {
  /** The value with the parser's escapes applied (quotes kept, as dockerfile-ast does). */
  value: string;
}

export interface Flag extends Span {
  name: string;
  value: string | null;
  nameStart: number;
  nameEnd: number;
  valueStart: number | null;
  valueEnd: number | null;
}

export interface JsonForm {
  open: Span;
  close: Span;
  /** The array's strings: `value` unescaped, span covers the quotes. */
  strings: Word[];
}

export interface Property extends Span {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** The value as the builder sees it (quotes and escapes removed); null when absent. */
  value: string | null;
  valueStart: number | null;
  valueEnd: number | null;
  /** `=` was used (`ENV a=b`), as opposed to the legacy `ENV a b`. */
  assignment: boolean;
}

export interface VariableRef extends Span {
  name: string;
  /** `${name:-default}` and friends: the modifier, `-`, `+`, `?`, with or without `:`. */
  modifier: string | null;
}

export interface Heredoc {
  name: string;
  tabbed: boolean;
  bodyStart: number;
  bodyEnd: number;
  terminated: boolean;
}

export interface Comment extends Span {
  /** Text after `#`, trimmed. */
  text: string;
}

export interface Directive extends Span {
  name: string;
  value: string;
}

/** One segment (instruction text) parsed by dockerfile-ast, with lazily extracted data relative to the segment. */
class SegmentEntry {
  private parsed: AstInstruction | null | undefined;
  private parseLines: LineIndex | undefined;
  args?: Word[];
  flags?: Flag[];
  json?: JsonForm | null;
  properties?: Property[];
  triggerKeyword?: string;
  /** Values derived from the segment's text by others (see Instr.derived), with the segment start they were computed at. */
  derived?: Map<string, { base: number; value: unknown }>;
  /** Last model generation that used this entry (for eviction). */
  generation = 0;

  constructor(
    /** dockerfile-ast input: an escape directive line (when needed) then the segment. */
    readonly parseText: string,
    /** Length of that leading directive line. */
    readonly prefixLength: number,
    readonly prefixLines: number,
  ) {}

  /** True once dockerfile-ast has parsed this segment. */
  get isParsed(): boolean {
    return this.parsed !== undefined;
  }

  get instruction(): AstInstruction | null {
    if (this.parsed === undefined) {
      try {
        this.parsed = DockerfileParser.parse(this.parseText).getInstructions()[0] ?? null;
      } catch {
        this.parsed = null;
      }
    }
    return this.parsed;
  }

  /** Segment-relative offset of a dockerfile-ast position. */
  rel(pos: { line: number; character: number }): number {
    if (!this.parseLines) this.parseLines = new LineIndex(this.parseText);
    return this.parseLines.offset(pos) - this.prefixLength;
  }
}

/** Parsed segments by text; reuse one across lints of the same document. */
export class SegmentCache {
  private readonly entries = new Map<string, SegmentEntry>();
  private generation = 0;

  /**
   * `oneShot`: for a model built once (a lint without an IncrementalLinter), nothing
   * is kept: each segment gets a fresh entry, sparing the map of every segment's text.
   */
  constructor(private readonly oneShot = false) {}

  /** Starts a model build; entries not touched by the last `keep` builds are dropped at `sweep`. */
  begin(): number {
    return ++this.generation;
  }

  get(escape: string, segment: string): SegmentEntry {
    if (this.oneShot) {
      const prefix = escape === '\\' ? '' : `#escape=${escape}\n`;
      return new SegmentEntry(prefix + segment, prefix.length, prefix ? 1 : 0);
    }
    const key = escape === '\\' ? segment : escape + '\u0000' + segment;
    let entry = this.entries.get(key);
    if (!entry) {
      const prefix = escape === '\\' ? '' : `#escape=${escape}\n`;
      entry = new SegmentEntry(prefix + segment, prefix.length, prefix ? 1 : 0);
      this.entries.set(key, entry);
    }
    entry.generation = this.generation;
    return entry;
  }

  /** Drops entries the current build did not use. */
  sweep(): void {
    for (const [key, entry] of this.entries) if (entry.generation !== this.generation) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

export class Instr {
  /** Uppercase keyword as the builder reads it (`RUN`), continuation characters removed. */
  readonly keyword: string;
  /** The keyword as written (`run`, `From`). */
  readonly rawKeyword: string;
  stage: Stage | null = null;
  /** For the instruction an `ONBUILD` triggers (see DockerfileModel.triggers): that ONBUILD. */
  onbuild: Instr | null = null;
  readonly heredocs: Heredoc[];
  /** Absolute-offset views, built once per lint. */
  private readonly memo: { args?: Word[]; flags?: Flag[]; json?: JsonForm | null; properties?: Property[]; variables?: VariableRef[] } = {};

  constructor(
    readonly doc: DockerfileModel,
    readonly index: number,
    private readonly raw: RawInstruction,
    /** Offset of the segment's first character (its line start). */
    private readonly base: number,
    private readonly entry: SegmentEntry,
  ) {
    const text = doc.text;
    let kw = text.slice(raw.start, raw.keywordEnd);
    if (kw.includes(doc.escape)) {
      // Keyword broken by a continuation (`RU\` + newline + `N`): the parser joins it.
      kw = entry.instruction?.getInstruction() ?? kw.replace(/[\\`][ \t]*\r?\n[ \t]*/g, '');
    }
    this.rawKeyword = kw;
    this.keyword = kw.toUpperCase();
    this.heredocs = raw.heredocs ? raw.heredocs.map((h: RawHeredoc) => ({ ...h })) : [];
  }

  get start(): number {
    return this.raw.start;
  }
  get keywordEnd(): number {
    return this.raw.keywordEnd;
  }
  /** End of the first logical line (heredoc bodies follow). */
  get logicalEnd(): number {
    return this.raw.logicalEnd;
  }
  get end(): number {
    return this.raw.end;
  }
  /** 0-based line of the keyword. */
  get line(): number {
    return this.doc.lines.lineOf(this.raw.start);
  }

  /** Raw text of the whole instruction. */
  get text(): string {
    return this.doc.text.slice(this.raw.start, this.raw.end);
  }

  /** Arguments, flags excluded, in dockerfile-ast's whitespace split. */
  get args(): Word[] {
    if (this.memo.args) return this.memo.args;
    const e = this.entry;
    if (!e.args) {
      const words = this.plainWords(this.raw.logicalEnd);
      if (words) {
        e.args = words.slice(readFlags(this.keyword, words)?.length ?? 0);
      } else {
        const inst = e.instruction;
        e.args = inst ? inst.getArguments().map((a) => ({ value: a.getValue(), start: e.rel(a.getRange().start), end: e.rel(a.getRange().end) })) : [];
      }
    }
    return (this.memo.args = this.shift(e.args));
  }

  /**
   * True when something follows the keyword on its logical line (skipping
   * blanks and continuations): a cheap test that needs no parse.
   */
  get hasArguments(): boolean {
    return this.firstArgumentChar() !== -1;
  }

  /** Offset of the first non-blank character after the keyword (continuations skipped), or -1. */
  private firstArgumentChar(): number {
    const text = this.doc.text;
    const esc = this.doc.escape;
    let lineStart = false; // just after a continuation: a `#` here starts a dropped comment line
    for (let i = this.raw.keywordEnd; i < this.raw.logicalEnd; i++) {
      const c = text[i];
      if (c === ' ' || c === '\t') continue;
      if (c === '\r' || c === '\n') {
        lineStart = true;
        continue;
      }
      if (c === esc) {
        const next = continuationAt(text, i, esc);
        if (next !== -1) {
          i = next - 1;
          lineStart = true;
          continue;
        }
      }
      if (c === '#' && lineStart) {
        while (i < this.raw.logicalEnd && text[i] !== '\n' && text[i] !== '\r') i++;
        i--;
        continue;
      }
      return i;
    }
    return -1;
  }

  /**
   * A value computed from this instruction's text alone (`compute`, in document
   * offsets), kept with the parsed segment so that a re-lint of an edited
   * document reuses it for an instruction the edit neither changed nor moved
   * (those above the edit). A moved instruction computes it again: copying a
   * value with its offsets shifted measured slower than reading a RUN again.
   * One value per `key` and segment text.
   */
  derived<T>(key: string, compute: () => T): T {
    const memo = (this.entry.derived ??= new Map());
    const kept = memo.get(key);
    if (kept && kept.base === this.base) return kept.value as T;
    const value = compute();
    memo.set(key, { base: this.base, value });
    return value;
  }

  /** `--name=value` flags (FROM, RUN, COPY, ADD, HEALTHCHECK …). */
  get flags(): Flag[] {
    if (this.memo.flags) return this.memo.flags;
    const e = this.entry;
    if (!e.flags) {
      const first = this.firstArgumentChar();
      const end = this.doc.text.startsWith('--', first) ? this.flagsEnd(first) : -1;
      const words = end === -1 ? null : this.plainWords(end);
      if (end === -1) {
        e.flags = [];
      } else if (words) {
        e.flags = readFlags(this.keyword, words) ?? [];
      } else {
        // Flags lead the arguments: when the instruction is not parsed yet, parse only
        // `KEYWORD --flag…` (a long RUN body needs no parse to find its --mount). Not for
        // an ONBUILD trigger: its entry is the segment with `ONBUILD` blanked out, and the
        // document's own text there would parse as the ONBUILD, which has no flags.
        const source = e.isParsed || this.onbuild ? e : this.doc.segment(this.base, end);
        const inst = source.instruction;
        e.flags =
          inst instanceof ModifiableInstruction
            ? inst.getFlags().map((f) => {
                const vr = f.getValueRange();
                return {
                  name: f.getName(),
                  value: f.getValue(),
                  start: source.rel(f.getRange().start),
                  end: source.rel(f.getRange().end),
                  nameStart: source.rel(f.getNameRange().start),
                  nameEnd: source.rel(f.getNameRange().end),
                  valueStart: vr ? source.rel(vr.start) : null,
                  valueEnd: vr ? source.rel(vr.end) : null,
                };
              })
            : [];
      }
    }
    const b = this.base;
    return (this.memo.flags = e.flags.map((f) => ({
      ...f,
      start: f.start + b,
      end: f.end + b,
      nameStart: f.nameStart + b,
      nameEnd: f.nameEnd + b,
      valueStart: f.valueStart === null ? null : f.valueStart + b,
      valueEnd: f.valueEnd === null ? null : f.valueEnd + b,
    })));
  }

  /** End of the run of `--flag` words starting at `first` (continuations and escapes as the parser reads them). */
  private flagsEnd(first: number): number {
    const text = this.doc.text;
    const esc = this.doc.escape;
    const end = this.raw.logicalEnd;
    let i = first;
    let last = first;
    while (i < end && text.startsWith('--', i)) {
      // the word
      while (i < end) {
        const c = text[i];
        if (c === ' ' || c === '\t' || c === '\r' || c === '\n') break;
        if (c === esc) {
          if (continuationAt(text, i, esc, end, { atEnd: true }) !== -1) break;
          i += 2;
          continue;
        }
        i++;
      }
      last = i;
      // blanks, continuations and comment lines up to the next word
      const next = this.firstCharAfter(i);
      if (next === -1) break;
      i = next;
    }
    return last;
  }

  /**
   * The words from the keyword to `end` (segment-relative), split as dockerfile-ast
   * splits them, when the text there is one line without the escape character or a
   * backslash: then its split is plain whitespace splitting and no parse is needed
   * (most instructions; the differential test in parse.test.ts holds it to the
   * parser). Null otherwise.
   */
  /**
   * The words of a one-line ENV / LABEL / ARG as dockerfile-ast's getPropertyArguments
   * splits them when there is no escape character or backslash: at blanks, except
   * inside quotes; a closing quote must end its word (the parser reads on otherwise).
   * Null when that is not so (the parser reads it).
   */
  private propertyWords(): Word[] | null {
    if (this.heredocs.length > 0) return null;
    const text = this.doc.text;
    const esc = this.doc.escape.charCodeAt(0);
    const base = this.base;
    const end = this.raw.logicalEnd;
    const out: Word[] = [];
    let wordStart = -1;
    for (let i = this.raw.keywordEnd; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE || c === TAB) {
        if (wordStart !== -1) {
          out.push({ value: text.slice(wordStart, i), start: wordStart - base, end: i - base });
          wordStart = -1;
        }
      } else if (c === LF || c === CR || c === esc || c === BACKSLASH) {
        return null;
      } else {
        if (wordStart === -1) wordStart = i;
        if (c === DQUOTE || c === SQUOTE) {
          const close = text.indexOf(c === DQUOTE ? '"' : "'", i + 1);
          if (close === -1 || close >= end) return null;
          for (let k = i + 1; k < close; k++) {
            const d = text.charCodeAt(k);
            if (d === esc || d === BACKSLASH || d === LF || d === CR) return null;
          }
          const after = close + 1 < end ? text.charCodeAt(close + 1) : SPACE;
          if (after !== SPACE) return null;
          i = close;
        }
      }
    }
    if (wordStart !== -1) out.push({ value: text.slice(wordStart, end), start: wordStart - base, end: end - base });
    return out;
  }

  private plainWords(end: number): Word[] | null {
    if (this.heredocs.length > 0) return null;
    const text = this.doc.text;
    const esc = this.doc.escape.charCodeAt(0);
    const base = this.base;
    const out: Word[] = [];
    let wordStart = -1;
    for (let i = this.raw.keywordEnd; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE || c === TAB) {
        if (wordStart !== -1) {
          out.push({ value: text.slice(wordStart, i), start: wordStart - base, end: i - base });
          wordStart = -1;
        }
      } else if (c === LF || c === CR || c === esc || c === BACKSLASH) {
        return null;
      } else if (wordStart === -1) {
        wordStart = i;
      }
    }
    if (wordStart !== -1) out.push({ value: text.slice(wordStart, end), start: wordStart - base, end: end - base });
    return out;
  }

  /**
   * The exec form read without the parser when it is plain: one line without the
   * escape character or a backslash, strings without blanks (dockerfile-ast drops
   * blanks inside a JSON string: those go to it, so its reading stays the one
   * place that decides them), nothing after `]`. Null for an instruction that has
   * no exec form; undefined when the parser must read it. `open` is the `[`.
   */
  private plainJson(open: number): JsonForm | null | undefined {
    if (!JSON_KEYWORDS.has(this.keyword)) return null;
    if (!this.plainWords(this.raw.logicalEnd)) return undefined;
    const text = this.doc.text.slice(open, this.raw.logicalEnd);
    if (!PLAIN_JSON.test(text)) return undefined;
    const at = open - this.base;
    const strings: Word[] = [];
    const quoted = /"([^"]*)"/g;
    for (let m = quoted.exec(text); m; m = quoted.exec(text)) strings.push({ value: m[1], start: at + m.index, end: at + m.index + m[0].length });
    const close = at + text.lastIndexOf(']');
    return { open: { start: at, end: at + 1 }, close: { start: close, end: close + 1 }, strings };
  }

  flag(name: string): Flag | undefined {
    return this.flags.find((f) => f.name.toLowerCase() === name);
  }

  /** The exec (JSON array) form, or null for the shell form. */
  get json(): JsonForm | null {
    if (this.memo.json !== undefined) return this.memo.json;
    const e = this.entry;
    // Only an argument list that starts with `[` can be the exec form: no parse needed otherwise.
    const bracket = e.json === undefined ? (this.argsStartRaw() === this.raw.keywordEnd ? this.firstArgumentChar() : this.firstCharAfter(this.argsStartRaw())) : -1;
    if (e.json === undefined && this.doc.text[bracket] !== '[') e.json = null;
    if (e.json === undefined) e.json = this.plainJson(bracket);
    if (e.json === undefined) {
      e.json = null;
      const inst = e.instruction;
      if (inst instanceof JSONInstruction) {
        const open = inst.getOpeningBracket();
        const close = inst.getClosingBracket();
        if (!(open && close) && this.doc.escape !== '\\') {
          // dockerfile-ast reads JSON continuations only with the backslash escape.
          e.json = scanJsonArray(this.doc.text, this.doc.escape, this.argsStartRaw(), this.raw.logicalEnd, this.base);
        } else if (open && close) {
          const closeEnd = e.rel(close.getRange().end);
          // Only a complete array with nothing after it is the exec form.
          const rest = this.doc.text.slice(this.base + closeEnd, this.raw.logicalEnd);
          if (rest.trim() === '') {
            e.json = {
              open: { start: e.rel(open.getRange().start), end: e.rel(open.getRange().end) },
              close: { start: e.rel(close.getRange().start), end: closeEnd },
              strings: inst.getJSONStrings().map((s) => ({ value: s.getJSONValue(), start: e.rel(s.getRange().start), end: e.rel(s.getRange().end) })),
            };
          }
        }
      }
    }
    const j = e.json;
    if (!j) return (this.memo.json = null);
    const b = this.base;
    return (this.memo.json = {
      open: { start: j.open.start + b, end: j.open.end + b },
      close: { start: j.close.start + b, end: j.close.end + b },
      strings: this.shift(j.strings),
    });
  }

  /** ENV / LABEL pairs, or the ARG's declarations. */
  get properties(): Property[] {
    if (this.memo.properties) return this.memo.properties;
    const e = this.entry;
    const words = !e.properties && PROPERTY_KEYWORDS.has(this.keyword) ? this.propertyWords() : null;
    if (words) e.properties = plainProperties(words, this.doc.text, this.base) ?? undefined;
    if (!e.properties) {
      const inst = e.instruction;
      let props: (AstProperty | null)[] = [];
      // ARG too: `ARG a=1 b=2` declares two (dockerfile-ast's getProperty() is null there).
      if (inst instanceof AstEnv || inst instanceof AstLabel || inst instanceof AstArg) props = inst.getProperties();
      e.properties = [];
      for (const p of props) {
        if (!p) continue;
        const vr = p.getValueRange();
        e.properties.push({
          name: p.getName(),
          start: e.rel(p.getRange().start),
          end: e.rel(p.getRange().end),
          nameStart: e.rel(p.getNameRange().start),
          nameEnd: e.rel(p.getNameRange().end),
          value: p.getValue(),
          valueStart: vr ? e.rel(vr.start) : null,
          valueEnd: vr ? e.rel(vr.end) : null,
          assignment: p.getAssignmentOperator() === '=',
        });
      }
    }
    const b = this.base;
    return (this.memo.properties = e.properties.map((p) => ({
      ...p,
      start: p.start + b,
      end: p.end + b,
      nameStart: p.nameStart + b,
      nameEnd: p.nameEnd + b,
      valueStart: p.valueStart === null ? null : p.valueStart + b,
      valueEnd: p.valueEnd === null ? null : p.valueEnd + b,
    })));
  }

  /**
   * `$VAR` / `${VAR…}` references on the instruction's logical line (flags
   * included), as the builder expands them. Scanned here rather than with
   * dockerfile-ast's getVariables, which recurses without end on an indented
   * instruction outside a stage (its variable resolution falls back to the
   * whole file, which resolves through itself).
   */
  get variables(): VariableRef[] {
    if (this.memo.variables) return this.memo.variables;
    const out: VariableRef[] = [];
    const text = this.doc.text;
    const esc = this.doc.escape;
    const end = this.raw.logicalEnd;
    for (let i = this.raw.keywordEnd; i < end; i++) {
      const c = text[i];
      if (c === esc) {
        i++; // an escaped character (`\$` stays literal), or a continuation
        continue;
      }
      if (c !== '$') continue;
      if (text[i + 1] === '{') {
        const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?]?)/.exec(text.slice(i, Math.min(end, i + 256)));
        if (!m) continue;
        const close = text.indexOf('}', i);
        const stop = close === -1 || close >= end ? end : close + 1;
        const modifier = m[2] === '' ? (text[i + 2 + m[1].length] === '}' ? null : '') : m[2].replace(':', '');
        out.push({ name: m[1], start: i, end: stop, modifier });
        i = stop - 1;
      } else {
        const m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i, Math.min(end, i + 256)));
        if (!m) continue;
        out.push({ name: m[1], start: i, end: i + m[0].length, modifier: null });
        i += m[0].length - 1;
      }
    }
    return (this.memo.variables = out);
  }

  /** For ONBUILD: the keyword of the triggered instruction (uppercase), or null. */
  get triggerKeyword(): string | null {
    const e = this.entry;
    if (e.triggerKeyword === undefined) {
      const inst = e.instruction;
      e.triggerKeyword = inst instanceof Onbuild ? (inst.getTriggerWord() ?? '').toUpperCase() : '';
    }
    return e.triggerKeyword || null;
  }

  /** First non-blank character from `from` on the logical line (continuations skipped), or -1. */
  private firstCharAfter(from: number): number {
    const text = this.doc.text;
    for (let i = from; i < this.raw.logicalEnd; i++) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
      if (c === this.doc.escape) {
        const next = continuationAt(text, i, c);
        if (next !== -1) {
          i = next - 1;
          continue;
        }
      }
      return i;
    }
    return -1;
  }

  /** Where the arguments start in the text, skipping flags (without asking the parser). */
  private argsStartRaw(): number {
    const flags = this.flags;
    return flags.length > 0 ? flags[flags.length - 1].end : this.raw.keywordEnd;
  }

  /** True when the arguments are the exec (JSON) form. */
  get isJsonForm(): boolean {
    return this.json !== null;
  }

  /** Offset where the arguments (after flags) start, or the logical end when there are none. */
  get argsStart(): number {
    const a = this.args;
    return a.length > 0 ? a[0].start : this.raw.logicalEnd;
  }

  private shift<T extends Span>(items: T[]): T[] {
    const b = this.base;
    return items.map((it) => ({ ...it, start: it.start + b, end: it.end + b }));
  }
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const BACKSLASH = 92;
const DQUOTE = 34;
const SQUOTE = 39;

/** The keywords dockerfile-ast reads an exec (JSON) form of (its JSONInstruction classes). */
const JSON_KEYWORDS = new Set(['ADD', 'CMD', 'COPY', 'ENTRYPOINT', 'RUN', 'SHELL', 'VOLUME']);
/** A plain exec form: `[`, strings without quotes, backslashes or blanks inside, separated by commas, `]`, only blanks after. */
const PLAIN_JSON = /^\[[ \t]*"[^"\\ \t]*"(?:[ \t]*,[ \t]*"[^"\\ \t]*")*[ \t]*\][ \t]*$/;

/** The keywords dockerfile-ast reads properties of (its PropertyInstruction classes). */
const PROPERTY_KEYWORDS = new Set(['ENV', 'LABEL', 'ARG']);

/**
 * The properties dockerfile-ast's getProperties makes of the words of a plain
 * one-line instruction (see Instr.propertyWords), segment-relative: each
 * `name=value` word one, or the legacy `ENV NAME value…` (first word without
 * `=`, two or more words) one whose value is the text from the second word to
 * the last. Without escapes a value is its text as written, or the text inside
 * its quotes for `name="value"`. Null for other quoted forms (the parser reads them).
 */
function plainProperties(words: readonly Word[], text: string, base: number): Property[] | null {
  const quoted = words.some((w) => w.value.includes('"') || w.value.includes("'"));
  // With quotes, only `name="value"` / `name='value'` words, whose value is the text inside the quotes.
  if (quoted && !words.every((w) => !(w.value.includes('"') || w.value.includes("'")) || QUOTED_PROPERTY.test(w.value))) return null;
  if (words.length >= 2 && !words[0].value.includes('=')) {
    if (quoted) return null;
    const [name, first] = words;
    const last = words[words.length - 1];
    const value = words.length === 2 ? first.value : text.slice(first.start + base, last.end + base);
    return [{ name: name.value, start: name.start, end: last.end, nameStart: name.start, nameEnd: name.end, value, valueStart: first.start, valueEnd: last.end, assignment: false }];
  }
  return words.map((w) => {
    const eq = w.value.indexOf('=');
    if (eq === -1) return { name: w.value, start: w.start, end: w.end, nameStart: w.start, nameEnd: w.end, value: null, valueStart: null, valueEnd: null, assignment: false };
    const raw = w.value.slice(eq + 1);
    const value = raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw;
    return { name: w.value.slice(0, eq), start: w.start, end: w.end, nameStart: w.start, nameEnd: w.start + eq, value, valueStart: w.start + eq + 1, valueEnd: w.end, assignment: true };
  });
}

/** `name="value"` or `name='value'`: a name without quotes, a value wholly in one pair of quotes. */
const QUOTED_PROPERTY = /^[^"'=]*=(?:"[^"]*"|'[^']*')$/;

/**
 * The leading `--flags` dockerfile-ast's getFlags finds among plain words (see
 * Instr.plainWords) of an instruction with flags (its ModifiableInstruction
 * classes, each with its own place to stop looking); null for other keywords.
 * Flag i is word i: the parser's getArguments drops as many leading words as
 * it found flags.
 */
function readFlags(keyword: string, words: readonly Word[]): Flag[] | null {
  const stop = FLAG_STOP.get(keyword);
  if (!stop) return null;
  const flags: Flag[] = [];
  for (const w of words) {
    const v = w.value;
    if (stop(v)) break;
    if (!v.startsWith('--')) continue;
    const eq = v.indexOf('=');
    // The name starts after the two dashes (dockerfile-ast skips exactly two; `--` alone has no name).
    const nameStart = v.length > 2 ? w.start + 2 : w.start - 1;
    if (eq === -1) flags.push({ name: v.slice(2), value: null, start: w.start, end: w.end, nameStart, nameEnd: w.end, valueStart: null, valueEnd: null });
    else if (eq === v.length - 1) flags.push({ name: v.slice(2, eq), value: '', start: w.start, end: w.end, nameStart, nameEnd: w.start + eq, valueStart: w.end, valueEnd: w.end });
    else flags.push({ name: v.slice(2, eq), value: v.slice(eq + 1), start: w.start, end: w.end, nameStart, nameEnd: w.start + eq, valueStart: w.start + eq + 1, valueEnd: w.end });
  }
  return flags;
}

const stopAtNoDashes = (v: string): boolean => !v.includes('--');
/** Per keyword with flags, where dockerfile-ast's getFlags stops (its `stopSearchingForFlags`). */
const FLAG_STOP = new Map<string, (value: string) => boolean>([
  ['RUN', stopAtNoDashes],
  ['ADD', stopAtNoDashes],
  ['COPY', stopAtNoDashes],
  ['FROM', stopAtNoDashes],
  ['HEALTHCHECK', (v) => v.toUpperCase() === 'CMD' || v.toUpperCase() === 'NONE'],
  ['CMD', () => true],
  ['ENTRYPOINT', () => true],
  ['SHELL', () => true],
  ['VOLUME', () => true],
]);

export type { ImageRef };

export interface Stage {
  index: number;
  from: Instr;
  /** Stage name as written (`AS Builder` → `Builder`), or null. */
  name: string | null;
  /** FROM's image argument as written. */
  imageText: string;
  /** The image with build args expanded; null when it cannot be known (an ARG without default). */
  image: ImageRef | null;
  /** The earlier stage this one builds on (`FROM builder`), if any. */
  parent: Stage | null;
  /** Instructions after FROM, up to the next FROM. */
  instructions: Instr[];
  isFinal: boolean;
  /** In the final image: the final stage and the stages it builds on. */
  ships: boolean;
  /**
   * The stage hadolint pretends for instructions before the first FROM (ARG
   * aside, which stays global): no base image, `from` is its first
   * instruction (also in `instructions`), index -1; final (and shipped) only
   * in a file without FROM. See DockerfileModel.preamble.
   */
  implicit: boolean;
}

export interface ParseProblem {
  message: string;
  start: number;
  end: number;
}

export class DockerfileModel {
  readonly lines: LineIndex;
  readonly escape: string;
  readonly directives: Directive[];
  readonly instructions: Instr[] = [];
  /** Top-level comment lines (comments inside continuation lines are in `embeddedComments`). */
  readonly comments: Comment[] = [];
  readonly embeddedComments: Comment[] = [];
  readonly stages: Stage[] = [];
  /** ARG instructions before the first FROM. */
  readonly globalArgs: Instr[] = [];
  /**
   * The other instructions before the first FROM (already an
   * `instruction-order` error), as one implicit stage so that every rule
   * judges them as it judges a stage's, as hadolint does (it lints every
   * instruction wherever it stands, pretending a base image at the top of a
   * file). Not in `stages`: it has no FROM to judge. Null when there are none.
   */
  preamble: Stage | null = null;
  readonly problems: ParseProblem[] = [];
  private cache!: SegmentCache;

  constructor(
    readonly text: string,
    cache: SegmentCache = new SegmentCache(true),
  ) {
    this.lines = new LineIndex(text);
    cache.begin();

    // Parser directives: dockerfile-ast reads them from the leading comment lines.
    // dockerfile-ast reads directives only when the first line is a `#…=…` comment.
    const firstLineEnd = this.lines.lineEnd(0);
    const headerEnd = text.lastIndexOf('=', firstLineEnd) !== -1 && text.lastIndexOf('#', firstLineEnd) !== -1 ? commentHeaderEnd(text) : 0;
    let escape = '\\';
    const directives: Directive[] = [];
    if (headerEnd > 0) {
      try {
        const header = DockerfileParser.parse(text.slice(0, headerEnd));
        escape = header.getEscapeCharacter();
        for (const d of header.getDirectives()) {
          const r = d.getRange();
          directives.push({ name: d.getName(), value: d.getValue(), start: this.lines.offset(r.start), end: this.lines.offset(r.end) });
        }
      } catch (err) {
        this.problems.push({ message: String(err), start: 0, end: 0 });
      }
    }
    this.escape = escape;
    this.directives = directives;
    const from = directives.length > 0 ? this.lines.offset({ line: directives.length, character: 0 }) : text.charCodeAt(0) === 0xfeff ? 1 : 0;

    const split = splitInstructions(text, escape, from, (start, logicalEnd) => this.heredocNames(cache, start, logicalEnd));

    for (const c of split.comments) {
      const comment = { start: c.start, end: c.end, text: text.slice(c.start + 1, c.end).trim() };
      (c.embedded ? this.embeddedComments : this.comments).push(comment);
    }

    this.cache = cache;
    for (const raw of split.instructions) {
      const base = this.lines.starts[this.lines.lineOf(raw.start)];
      const entry = cache.get(escape, text.slice(base, raw.end));
      this.instructions.push(new Instr(this, this.instructions.length, raw, base, entry));
    }
    this.buildStages();
  }

  private triggerList?: Instr[];

  /**
   * The instruction each `ONBUILD` carries (`ONBUILD RUN …` → that RUN), as an
   * instruction of its own over the same text, so rules judge it as hadolint
   * does (its rules apply to the trigger too). Not in `instructions` or a
   * stage's list: a trigger changes nothing in this image (no USER, WORKDIR or
   * stage order of its own). Its `stage` is the ONBUILD's, `onbuild` the ONBUILD.
   */
  get triggers(): Instr[] {
    if (this.triggerList) return this.triggerList;
    const out: Instr[] = [];
    for (const ins of this.instructions) {
      if (ins.keyword !== 'ONBUILD') continue;
      const word = ins.args[0];
      if (!word || ins.triggerKeyword === null) continue;
      const base = this.lines.starts[this.lines.lineOf(ins.start)];
      // The segment with `ONBUILD` blanked out parses as the trigger alone, with every offset unchanged.
      let segment = this.text.slice(base, ins.end);
      const from = ins.start - base;
      const to = ins.keywordEnd - base;
      segment = segment.slice(0, from) + segment.slice(from, to).replace(/[^\r\n]/g, ' ') + segment.slice(to);
      const raw: RawInstruction = { start: word.start, keywordEnd: word.end, logicalEnd: ins.logicalEnd, end: ins.end };
      if (ins.heredocs.length > 0) raw.heredocs = ins.heredocs.map((h) => ({ ...h }));
      const trigger = new Instr(this, -1 - ins.index, raw, base, this.cache.get(this.escape, segment));
      trigger.stage = ins.stage;
      trigger.onbuild = ins;
      out.push(trigger);
    }
    return (this.triggerList = out);
  }

  /** Drops cached parses this lint did not use (call when the lint is done). */
  releaseUnusedParses(): void {
    this.cache.sweep();
  }

  /** The parse entry for the text from `base` (a line start) to `end`. */
  segment(base: number, end: number): SegmentEntry {
    return this.cache.get(this.escape, this.text.slice(base, end));
  }

  private heredocNames(cache: SegmentCache, start: number, logicalEnd: number): { names: string[]; tabbed: boolean } | null {
    const base = this.lines.starts[this.lines.lineOf(start)];
    const entry = cache.get(this.escape, this.text.slice(base, logicalEnd));
    let inst = entry.instruction;
    if (!inst) return null;
    if (inst instanceof Onbuild) inst = inst.getTriggerInstruction();
    if (!inst) return null;
    const keyword = inst.getKeyword();
    if (keyword !== 'ADD' && keyword !== 'COPY' && keyword !== 'RUN') return null;
    const names: string[] = [];
    let tabbed = false;
    for (const arg of inst.getArguments()) {
      const value = arg.getValue();
      if (value.startsWith('<<') && value.length > 2) {
        if (value.startsWith('<<-')) tabbed = true;
        const name = heredocName(value);
        if (name !== null) names.push(name);
      }
    }
    return { names, tabbed };
  }

  private buildStages(): void {
    let current: Stage | null = null;
    const byName = new Map<string, Stage>();
    for (const ins of this.instructions) {
      if (ins.keyword === 'FROM') {
        const args = ins.args;
        const imageText = args[0]?.value ?? '';
        let name: string | null = null;
        if (args.length >= 3 && args[1].value.toLowerCase() === 'as') name = args[2].value;
        const expanded = this.expandGlobal(imageText);
        const parent = expanded !== null ? byName.get(expanded.toLowerCase()) ?? null : null;
        const image = expanded === null || parent ? null : parseImageRef(expanded);
        current = { index: this.stages.length, from: ins, name, imageText, image, parent, instructions: [], isFinal: false, ships: false, implicit: false };
        ins.stage = current;
        this.stages.push(current);
        if (name && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), current);
      } else if (current) {
        ins.stage = current;
        current.instructions.push(ins);
      } else if (ins.keyword === 'ARG') {
        this.globalArgs.push(ins);
      } else {
        this.preamble ??= { index: -1, from: ins, name: null, imageText: '', image: null, parent: null, instructions: [], isFinal: false, ships: false, implicit: true };
        ins.stage = this.preamble;
        this.preamble.instructions.push(ins);
      }
    }
    if (this.preamble && this.stages.length === 0) this.preamble.isFinal = this.preamble.ships = true;
    const last = this.stages[this.stages.length - 1];
    if (last) {
      last.isFinal = true;
      for (let s: Stage | null = last; s && !s.ships; s = s.parent) s.ships = true;
    }
  }

  /** Default value of a global ARG (declared before the first FROM); undefined when not declared, null when without default. */
  globalArg(name: string): string | null | undefined {
    let value: string | null | undefined;
    for (const a of this.globalArgs) for (const p of a.properties) if (p.name === name) value = p.value;
    return value;
  }

  /** Expands `$VAR`/`${VAR}` in a FROM argument with global ARG defaults; null when one is unknown. */
  expandGlobal(value: string): string | null {
    if (!value.includes('$')) return value;
    return expandVariables(value, (n) => this.globalArg(n), this.escape);
  }

  range(start: number, end: number) {
    return this.lines.range(start, end);
  }
}

/**
 * Reads `[ "a", "b" ]` between `start` and `end`, skipping line continuations
 * (escape + newline) and the blank/comment lines after them. Spans are made
 * relative to `base`. Null when the text is not exactly a JSON array of strings.
 */
function scanJsonArray(text: string, escape: string, start: number, end: number, base: number): JsonForm | null {
  let i = start;
  const skip = (): void => {
    for (;;) {
      while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
      const next = continuationAt(text, i, escape, end);
      if (next === -1) return;
      i = droppedLinesEnd(text, next, end);
    }
  };
  skip();
  if (text[i] !== '[') return null;
  const open = { start: i - base, end: i + 1 - base };
  i++;
  const strings: Word[] = [];
  for (;;) {
    skip();
    if (text[i] === ']' && strings.length === 0) break;
    if (text[i] !== '"') return null;
    const s = i;
    let raw = '';
    for (i++; i < end && text[i] !== '"'; i++) {
      if (text[i] === '\\') raw += text[i++];
      raw += text[i];
    }
    if (text[i] !== '"') return null;
    i++;
    let value: string;
    try {
      value = JSON.parse('"' + raw + '"');
    } catch {
      return null;
    }
    strings.push({ value, start: s - base, end: i - base });
    skip();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === ']') break;
    return null;
  }
  const close = { start: i - base, end: i + 1 - base };
  i++;
  skip();
  return text.slice(i, end).trim() === '' ? { open, close, strings } : null;
}

/** dockerfile-ast's Util.parseHeredocName, so heredoc ends are found as the parser finds them. */
function heredocName(value: string): string | null {
  value = value.substring(2);
  if (value.charAt(0) === '-') value = value.substring(1);
  if (value.charAt(0) === '"') {
    if (value.charAt(value.length - 1) !== '"') return null;
    value = value.substring(1, value.length - 1);
  }
  if (value.charAt(0) === "'") {
    if (value.charAt(value.length - 1) !== "'") return null;
    value = value.substring(1, value.length - 1);
  }
  if (value.charAt(0) === '<') return null;
  return value;
}

/**
 * Expands `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}`,
 * `${NAME+word}` as the builder does for instruction arguments. `lookup`
 * returns the value, null for "declared without value" and undefined for
 * "not declared". Returns null when a needed value is unknown.
 */
export function expandVariables(value: string, lookup: (name: string) => string | null | undefined, escape = '\\'): string | null {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === escape && value[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    if (value[i + 1] === '{') {
      const close = value.indexOf('}', i + 2);
      if (close === -1) return null;
      const inner = value.slice(i + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-+?])(.*))?$/s.exec(inner);
      if (!m) return null;
      const v = lookup(m[1]);
      const set = m[2] === ':' ? v !== undefined && v !== null && v !== '' : v !== undefined;
      if (m[3] === '-') out += set ? v ?? '' : m[4];
      else if (m[3] === '+') out += set ? m[4] : '';
      else if (m[3] === '?') {
        if (!set) return null;
        out += v ?? '';
      } else {
        if (v === undefined || v === null) return null;
        out += v;
      }
      i = close;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(value.slice(i + 1));
    if (!m) {
      out += '$';
      continue;
    }
    const v = lookup(m[0]);
    if (v === undefined || v === null) return null;
    out += v;
    i += m[0].length;
  }
  return out;
}
