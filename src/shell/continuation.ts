// Line continuations: an escape character (`\`, or the Dockerfile's `# escape=` one),
// optional blanks, then a line break. The Dockerfile parser, the RUN tokenizer, quick
// fixes and the lab's fence reader all recognise them here, so they agree on what
// joins two lines.

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;

export interface ContinuationOptions {
  /** Blanks may stand between the escape and the line break (Dockerfiles: yes; a shell: no). Default true. */
  blanks?: boolean;
  /** Reaching `end` after the blanks counts as a line break. Default false. */
  atEnd?: boolean;
}

/** The defaults, shared: continuationAt runs for every escape character the tokenizer and the model meet. */
const NO_OPTIONS: ContinuationOptions = Object.freeze({});

/**
 * Offset just past the line break of a continuation starting at `i` (`escape`, blanks,
 * `\n`, `\r\n` or `\r`), or -1 when none starts there. Only `text` before `end` is read.
 */
export function continuationAt(text: string, i: number, escape: string, end = text.length, options: ContinuationOptions = NO_OPTIONS): number {
  if (i >= end || text[i] !== escape) return -1;
  let j = i + 1;
  if (options.blanks !== false) while (j < end && isBlank(text.charCodeAt(j))) j++;
  if (j >= end) return options.atEnd ? end : -1;
  return lineBreakEnd(text, j, end);
}

/**
 * After a Dockerfile continuation BuildKit drops the empty lines and comment lines
 * that follow: the offset of the first line that counts (its start), from `from`.
 */
export function droppedLinesEnd(text: string, from: number, end = text.length): number {
  let j = from;
  for (;;) {
    let k = j;
    while (k < end && isBlank(text.charCodeAt(k))) k++;
    if (k < end && text.charCodeAt(k) === HASH) {
      while (k < end && !isLineBreak(text.charCodeAt(k))) k++;
    } else if (!(k < end && isLineBreak(text.charCodeAt(k)))) {
      return j;
    }
    const next = lineBreakEnd(text, k, end);
    if (next === -1) return k;
    j = next;
  }
}

/** The text with every continuation removed (the escape, its blanks and the line break). */
export function joinContinuations(text: string, escape: string): string {
  let out = '';
  let from = 0;
  for (let i = text.indexOf(escape); i !== -1; i = text.indexOf(escape, i + 1)) {
    const next = continuationAt(text, i, escape);
    if (next === -1) continue;
    out += text.slice(from, i);
    from = next;
    i = next - 1;
  }
  return out + text.slice(from);
}

/** Whether a line (without its line break) ends in a continuation: `escape`, then only blanks. */
export function lineContinues(line: string, escape = '\\'): boolean {
  let j = line.length;
  while (j > 0 && isBlank(line.charCodeAt(j - 1))) j--;
  return j > 0 && line[j - 1] === escape;
}

/** The line without its trailing continuation (escape and blanks around it). */
export function withoutContinuation(line: string, escape = '\\'): string {
  if (!lineContinues(line, escape)) return line;
  return line.trimEnd().slice(0, -1).trimEnd();
}

/** Offset just past a line break at `i`, or -1 when none is there. */
function lineBreakEnd(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === LF) return i + 1;
  if (c === CR) return i + 1 < end && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  return -1;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isLineBreak(c: number): boolean {
  return c === LF || c === CR;
}
