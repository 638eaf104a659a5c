// Finds where each instruction and comment of a Dockerfile starts and ends,
// with the same top-level scan dockerfile-ast's parser does (parser.ts: parse,
// processInstruction, processArguments, processComment, processHeredocs,
// parseHeredoc), but without building any object.
//
// Why: dockerfile-ast parses a whole file noticeably slower than the same file
// fed to it one instruction at a time (about 2x on the corpus), and a
// per-instruction parse lets the editor re-parse only the instruction an edit
// touched. The instruction boundaries must be exactly the parser's, which the
// differential test in test/unit/lint/split.test.ts checks on every corpus
// file and on fuzzed variants of them.

import { continuationAt } from '../../shell';

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const HASH = 35;

export interface RawInstruction {
  /** Offset of the keyword's first character. */
  start: number;
  /** Offset just after the keyword (dockerfile-ast's instruction range end). */
  keywordEnd: number;
  /** End of the first logical line (continuations joined); heredoc bodies follow it. */
  logicalEnd: number;
  /** End of the instruction, heredoc bodies included. */
  end: number;
  /** Heredocs (in order), when the instruction has any. */
  heredocs?: RawHeredoc[];
}

export interface RawHeredoc {
  name: string;
  /** `<<-`: leading tabs are stripped from the body and the delimiter line. */
  tabbed: boolean;
  /** Offset of the body's first character (just after the line break ending the previous part). */
  bodyStart: number;
  /** Offset of the line break before the delimiter line, or the end of file when unterminated. */
  bodyEnd: number;
  /** True when the delimiter line was found. */
  terminated: boolean;
}

export interface RawComment {
  start: number;
  end: number;
  /** Inside an instruction's continuation lines (not a top-level comment line). */
  embedded: boolean;
}

/** Given an instruction's first logical line, the names (and `<<-` flag) of its heredocs. */
export type HeredocProbe = (start: number, logicalEnd: number) => { names: string[]; tabbed: boolean } | null;

export interface SplitResult {
  instructions: RawInstruction[];
  comments: RawComment[];
}

/**
 * Scans `text` from `from` (just after the parser directives) with escape
 * character `escape`. `probe` is only called for a logical line containing `<<`.
 */
export function splitInstructions(text: string, escape: string, from: number, probe: HeredocProbe): SplitResult {
  const n = text.length;
  const esc = escape.charCodeAt(0);
  const instructions: RawInstruction[] = [];
  const comments: RawComment[] = [];
  // Next `<<` at or after the instruction being scanned: instructions come in
  // order, so one forward-moving search keeps the whole scan linear.
  let heredocMark = text.indexOf('<<', from);
  // Files with only \n line breaks (nearly all) let indexOf find line ends; the next escape
  // character is tracked like heredocMark, moving forward only, so the scan stays linear.
  const hasCR = text.includes('\r');
  let nextEscape = -1;
  const indexOrEnd = (s: string, at: number): number => {
    const k = text.indexOf(s, at);
    return k === -1 ? n : k;
  };

  const comment = (start: number, embedded: boolean): number => {
    if (!hasCR) {
      const end = indexOrEnd('\n', start + 1);
      comments.push({ start, end, embedded });
      return end;
    }
    let end = n;
    for (let i = start + 1; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === CR || c === LF) {
        end = i;
        break;
      }
    }
    comments.push({ start, end, embedded });
    return end;
  };

  const heredocEnd = (name: string, offset: number, tabbed: boolean): number => {
    let startWord = -1;
    let lineStart = true;
    for (let i = offset; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === SPACE) {
        lineStart = false;
      } else if (c === TAB) {
        if (!tabbed) lineStart = false;
      } else if (c === CR || c === LF) {
        if (startWord !== -1 && i - startWord === name.length && text.startsWith(name, startWord)) return i;
        startWord = -1;
        lineStart = true;
      } else if (lineStart) {
        startWord = i;
        lineStart = false;
      }
    }
    return n;
  };

  const finish = (start: number, keywordEnd: number, logicalEnd: number): number => {
    let end = logicalEnd;
    let heredocs: RawHeredoc[] | undefined;
    if (heredocMark !== -1 && heredocMark < start) heredocMark = text.indexOf('<<', start);
    if (heredocMark !== -1 && heredocMark < logicalEnd) {
      const found = probe(start, logicalEnd);
      if (found && found.names.length > 0) {
        heredocs = [];
        for (const name of found.names) {
          const bodyStart = lineBreakEnd(text, end);
          const next = heredocEnd(name, end, found.tabbed);
          const terminated = next < n;
          heredocs.push({
            name,
            tabbed: found.tabbed,
            bodyStart: Math.min(bodyStart, n),
            bodyEnd: terminated ? bodyEndBefore(text, next, bodyStart) : n,
            terminated,
          });
          end = next;
        }
      }
    }
    instructions.push(heredocs ? { start, keywordEnd, logicalEnd, end, heredocs } : { start, keywordEnd, logicalEnd, end });
    return end;
  };

  // processArguments: scan to the first line break that is not escaped.
  const args = (start: number, keywordEnd: number, offset: number): number => {
    if (!hasCR) {
      // A line without the escape character ends the instruction at its \n (what the loop below
      // finds on such a line, one character at a time): most instructions.
      if (nextEscape !== n && nextEscape <= offset) nextEscape = indexOrEnd(escape, offset + 1);
      const lineEnd = indexOrEnd('\n', offset + 1);
      if (nextEscape >= lineEnd) return lineEnd === n ? endOfFile(start, keywordEnd) : finish(start, keywordEnd, lineEnd);
    }
    let escaped = false;
    for (let i = offset + 1; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === CR || c === LF) {
        if (escaped) continue;
        return finish(start, keywordEnd, i);
      } else if (c === esc) {
        const after = continuationAt(text, i, escape, n);
        if (after !== -1) {
          escaped = true;
          i = after - 1;
        } else if (isBlank(text.charCodeAt(i + 1))) {
          // Blanks, then not a line break: the parser steps over the character after them.
          const j = blanksEnd(text, i + 2, n);
          if (j >= n) return endOfFile(start, keywordEnd);
          i = j;
        }
        continue;
      } else if (c === HASH) {
        if (escaped) {
          i = comment(i, true);
          continue;
        }
      } else if (c !== SPACE && c !== TAB) {
        escaped = false;
      }
    }
    return endOfFile(start, keywordEnd);
  };

  const endOfFile = (start: number, keywordEnd: number): number => {
    instructions.push({ start, keywordEnd, logicalEnd: n, end: n });
    return n;
  };

  // processInstruction: read the keyword, then its arguments.
  const instruction = (start: number): number => {
    let keywordEnd = -1;
    let escapedKeyword = false;
    scan: for (let i = start + 1; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === esc) {
        escapedKeyword = true;
        const after = continuationAt(text, i, escape, n);
        if (after !== -1) {
          // `RU\` + newline ends the keyword's range at the escape; blanks before the newline do not.
          const next = text.charCodeAt(i + 1);
          if (keywordEnd === -1 && (next === CR || next === LF)) keywordEnd = i;
          i = after - 1;
        } else if (isBlank(text.charCodeAt(i + 1))) {
          const j = blanksEnd(text, i + 2, n);
          keywordEnd = i + 1;
          if (j >= n) break scan;
          i = j - 2;
        } else {
          keywordEnd = i + 1;
          escapedKeyword = false;
        }
        continue;
      }
      if (c === SPACE || c === TAB) {
        if (escapedKeyword) {
          // Blanks after an escaped newline: still inside the keyword if only a line break follows.
          for (let j = i + 1; j < n; j++) {
            const d = text.charCodeAt(j);
            if (d === SPACE || d === TAB) continue;
            if (d === CR || d === LF) {
              i = j;
              continue scan;
            }
            break;
          }
        }
        if (keywordEnd === -1) keywordEnd = i;
        return args(start, keywordEnd, i);
      }
      if (c === CR || c === LF) {
        if (escapedKeyword) continue;
        instructions.push({ start, keywordEnd: i, logicalEnd: i, end: i });
        return i;
      }
      if (c === HASH && escapedKeyword) continue;
      keywordEnd = i + 1;
      escapedKeyword = false;
    }
    if (keywordEnd === -1) keywordEnd = n;
    instructions.push({ start, keywordEnd, logicalEnd: n, end: n });
    return n;
  };

  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === CR || c === LF) continue;
    if (c === HASH) i = comment(i, false);
    else i = instruction(i);
  }
  return { instructions, comments };
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** The first offset from `from` that is not a blank (or `end`). */
function blanksEnd(text: string, from: number, end: number): number {
  let j = from;
  while (j < end && isBlank(text.charCodeAt(j))) j++;
  return j;
}

/** Offset just past the line break at `offset` (or `offset` when there is none). */
function lineBreakEnd(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  if (c === CR) return text.charCodeAt(offset + 1) === LF ? offset + 2 : offset + 1;
  if (c === LF) return offset + 1;
  return offset;
}

/**
 * Where a heredoc body ends: the line break before the delimiter line whose
 * end is `delimiterLineEnd` (never before `bodyStart`, for an empty body).
 */
function bodyEndBefore(text: string, delimiterLineEnd: number, bodyStart: number): number {
  let i = delimiterLineEnd;
  while (i > bodyStart) {
    const c = text.charCodeAt(i - 1);
    if (c === LF || c === CR) break;
    i--;
  }
  if (i > bodyStart && text.charCodeAt(i - 1) === LF) i--;
  if (i > bodyStart && text.charCodeAt(i - 1) === CR) i--;
  return i;
}

/**
 * Parser directives (`# escape=`, `# syntax=`, `# check=`) can only sit in the
 * leading run of comment lines; this returns where that run ends, so only that
 * much is handed to dockerfile-ast to read the directives.
 */
export function commentHeaderEnd(text: string): number {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    let j = i;
    while (j < n && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
    if (text.charCodeAt(j) !== HASH) return i;
    while (j < n && text.charCodeAt(j) !== LF && text.charCodeAt(j) !== CR) j++;
    i = lineBreakEnd(text, j);
    if (i === j) return n;
  }
  return n;
}
