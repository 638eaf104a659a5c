// A small POSIX shell tokenizer for RUN bodies, so rules see commands and their
// arguments with exact positions: `apt-get install -y curl && rm -rf /var/lib/apt/lists/*`
// becomes two commands, each with words and offsets into the Dockerfile.
//
// It understands what Dockerfiles use: `&&`, `||`, `;`, `|`, `&`, newlines in
// heredoc scripts, single and double quotes, backslash escapes, `$(…)`,
// `${…}`, backticks, redirections (their targets are not arguments), `( … )`
// and `{ … }` groups, `if`/`while`/`for` keywords, `VAR=value` prefixes and
// comments. Dockerfile line continuations (escape + newline, and the comment
// lines BuildKit drops inside them) are skipped without breaking a word. It
// never throws: unbalanced quotes or parentheses simply run to the end.

import { continuationAt, droppedLinesEnd } from './continuation';

export interface ShellWord {
  /** The word with quotes removed and escapes applied; `$(…)`/`${…}` kept as written. */
  value: string;
  start: number;
  end: number;
  /** Some part was quoted. */
  quoted: boolean;
  /** Contains a parameter expansion or command substitution. */
  dynamic: boolean;
}

export type Separator = '&&' | '||' | ';' | '|' | '&' | '\n';

export interface ShellCommand {
  /** Basename of the command word (`/usr/bin/apt-get` → `apt-get`), '' for a bare assignment. */
  name: string;
  /** Command word and arguments. */
  argv: ShellWord[];
  /** `VAR=value` words before the command word. */
  assignments: ShellWord[];
  /** Redirection targets (`> file`, `<<EOF`), with their operator. */
  redirects: { op: string; target: ShellWord | null }[];
  start: number;
  end: number;
  /** Operator before this command (null for the first one or after a group opens). */
  prev: Separator | null;
  /** Operator after this command (null at the end). */
  next: Separator | null;
  /** Nesting in `( … )` / `{ … }` / `if … fi` bodies. */
  depth: number;
  /** When this is the inner command of a wrapper (`sudo apt-get …`), the wrapper's name. */
  wrapper?: string;
}

export interface ShellScript {
  commands: ShellCommand[];
  /** A `|` pipe joins two commands somewhere. */
  hasPipe: boolean;
}

export interface TokenizeOptions {
  /**
   * The Dockerfile escape character: `escape` + optional blanks + newline is a
   * Dockerfile line continuation, removed before the shell runs. Omit for a
   * heredoc body, where newlines separate commands and `\` + newline is the
   * shell's own continuation.
   */
  dockerfileEscape?: string;
}

const RESERVED_PREFIX = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', 'time']);
const RESERVED_END = new Set(['fi', 'done', 'esac', '}', '{']);

const enum C {
  TAB = 9,
  LF = 10,
  CR = 13,
  SPACE = 32,
  BANG = 33,
  DQUOTE = 34,
  HASH = 35,
  DOLLAR = 36,
  AMP = 38,
  SQUOTE = 39,
  LPAREN = 40,
  RPAREN = 41,
  SEMI = 59,
  LT = 60,
  GT = 62,
  BACKSLASH = 92,
  BACKTICK = 96,
  LBRACE = 123,
  PIPE = 124,
  RBRACE = 125,
}

/**
 * Characters the main loop treats as nothing but part of a word, whatever the state: not a
 * blank, line break, quote, escape, `$`, backtick, operator, parenthesis or `#` (those it
 * looks at, some only outside a word); the loop also stops at the continuation character.
 */
const PLAIN = new Uint8Array(128).fill(1);
for (const c of [C.TAB, C.LF, C.CR, C.SPACE, C.DQUOTE, C.HASH, C.DOLLAR, C.AMP, C.SQUOTE, C.LPAREN, C.RPAREN, C.SEMI, C.LT, C.GT, C.BACKSLASH, C.BACKTICK, C.PIPE]) PLAIN[c] = 0;
for (let c = 0; c < 32; c++) PLAIN[c] = 0;

export function tokenizeShell(text: string, start: number, end: number, options: TokenizeOptions = {}): ShellScript {
  const dfEscape = options.dockerfileEscape ? options.dockerfileEscape[0] : '';
  const heredocMode = dfEscape === '';
  const commands: ShellCommand[] = [];
  let hasPipe = false;

  let depth = 0;
  let prevSep: Separator | null = null;
  let cmd: ShellCommand | null = null;

  // Current word.
  let inWord = false;
  let wordStart = 0;
  let wordEnd = 0;
  let value = '';
  let quoted = false;
  let dynamic = false;
  let pendingRedirect: string | null = null;

  /** The character a continuation starts with: only there can joinerAt find one (checked first, it runs for every character). */
  const joinCode = heredocMode ? C.BACKSLASH : dfEscape.charCodeAt(0);
  /** Length of a continuation at i (a Dockerfile one takes the lines BuildKit drops after it too), or 0. */
  const joinerAt = (i: number): number => {
    if (text.charCodeAt(i) !== joinCode) return 0;
    if (heredocMode) {
      const next = continuationAt(text, i, '\\', text.length, { blanks: false });
      return next === -1 ? 0 : next - i;
    }
    const next = continuationAt(text, i, dfEscape, end);
    return next === -1 ? 0 : droppedLinesEnd(text, next, end) - i;
  };

  const flushWord = (): void => {
    if (!inWord) return;
    const word: ShellWord = { value, start: wordStart, end: wordEnd, quoted, dynamic };
    inWord = false;
    value = '';
    quoted = false;
    dynamic = false;
    if (pendingRedirect !== null) {
      ensureCmd(word.start).redirects.push({ op: pendingRedirect, target: word });
      pendingRedirect = null;
      return;
    }
    const open = cmd as ShellCommand | null;
    if (!open || open.argv.length === 0) {
      if (!word.quoted && RESERVED_PREFIX.has(word.value)) return;
      if (!word.quoted && RESERVED_END.has(word.value)) {
        // `if cmd`, `! cmd`, `then cmd`: the next word starts the real command.
        if (word.value === '{') depth++;
        else if (word.value === '}') depth = Math.max(0, depth - 1);
        return;
      }
      // `NAME=value`, `NAME="a b"`: the name and `=` are unquoted in the source.
      // (A word whose value has no `=` has none in its source either: skip the slice and the regex.)
      if (word.value.includes('=') && /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(text.slice(word.start, word.end))) {
        const c = ensureCmd(word.start);
        c.assignments.push(word);
        c.end = word.end;
        return;
      }
    }
    const c = ensureCmd(word.start);
    c.argv.push(word);
    c.end = word.end;
  };

  const ensureCmd = (at: number): ShellCommand => {
    if (!cmd) {
      cmd = { name: '', argv: [], assignments: [], redirects: [], start: at, end: at, prev: prevSep, next: null, depth };
    }
    return cmd;
  };

  const endCommand = (sep: Separator | null): void => {
    flushWord();
    if (pendingRedirect !== null) {
      ensureCmd(wordEnd).redirects.push({ op: pendingRedirect, target: null });
      pendingRedirect = null;
    }
    const c = cmd as ShellCommand | null;
    if (c) {
      if (c.argv.length > 0 || c.assignments.length > 0) {
        c.next = sep;
        c.name = c.argv.length > 0 ? basename(c.argv[0].value) : '';
        commands.push(c);
      }
      cmd = null;
    }
    if (sep === '|') hasPipe = true;
    prevSep = sep;
  };

  const startWord = (at: number): void => {
    if (!inWord) {
      inWord = true;
      wordStart = at;
    }
  };

  /** Skips a `$(…)`, `$((…))`, `${…}` or backtick span starting at i; returns its end. */
  const skipExpansion = (i: number): number => {
    const c = text.charCodeAt(i);
    if (c === C.BACKTICK) {
      for (let j = i + 1; j < end; j++) {
        const d = text.charCodeAt(j);
        if (d === C.BACKSLASH) j++;
        else if (d === C.BACKTICK) return j + 1;
      }
      return end;
    }
    // c === '$'
    const open = text.charCodeAt(i + 1);
    const close = open === C.LBRACE ? C.RBRACE : C.RPAREN;
    let level = 0;
    for (let j = i + 1; j < end; j++) {
      const d = text.charCodeAt(j);
      if (d === C.BACKSLASH) {
        j++;
      } else if (d === C.SQUOTE && open === C.LPAREN) {
        const q = text.indexOf("'", j + 1);
        j = q === -1 || q >= end ? end : q;
      } else if (d === C.DQUOTE && open === C.LPAREN) {
        for (j++; j < end; j++) {
          const e = text.charCodeAt(j);
          if (e === C.BACKSLASH) j++;
          else if (e === C.DQUOTE) break;
        }
      } else if (d === open) {
        level++;
      } else if (d === close) {
        level--;
        if (level === 0) return j + 1;
      }
    }
    return end;
  };

  let i = start;
  let litStart = -1; // start of the pending literal run of the current word
  const flushLit = (upTo: number): void => {
    if (litStart !== -1) {
      value += text.slice(litStart, upTo);
      litStart = -1;
    }
  };

  while (i < end) {
    const j = joinerAt(i);
    if (j > 0) {
      flushLit(i);
      i += j;
      continue;
    }
    const c = text.charCodeAt(i);
    switch (c) {
      case C.SPACE:
      case C.TAB:
        flushLit(i);
        flushWord();
        i++;
        continue;
      case C.LF:
      case C.CR:
        flushLit(i);
        if (heredocMode || inWord || cmd) endCommand('\n');
        i++;
        continue;
      case C.HASH:
        if (!inWord) {
          // Comment to end of line (a heredoc line, or the rest of the joined RUN line).
          while (i < end && text.charCodeAt(i) !== C.LF && text.charCodeAt(i) !== C.CR) {
            const jj = heredocMode ? 0 : joinerAt(i);
            i += jj > 0 ? jj : 1;
          }
          continue;
        }
        break;
      case C.SQUOTE: {
        flushLit(i);
        startWord(i);
        quoted = true;
        let k = i + 1;
        let seg = k;
        while (k < end && text.charCodeAt(k) !== C.SQUOTE) {
          const jj = heredocMode ? 0 : joinerAt(k);
          if (jj > 0) {
            value += text.slice(seg, k);
            k += jj;
            seg = k;
          } else k++;
        }
        value += text.slice(seg, k);
        i = Math.min(k + 1, end);
        wordEnd = i;
        continue;
      }
      case C.DQUOTE: {
        flushLit(i);
        startWord(i);
        quoted = true;
        let k = i + 1;
        let seg = k;
        while (k < end) {
          const jj = heredocMode ? 0 : joinerAt(k);
          if (jj > 0) {
            value += text.slice(seg, k);
            k += jj;
            seg = k;
            continue;
          }
          const d = text.charCodeAt(k);
          if (d === C.DQUOTE) break;
          if (d === C.BACKSLASH) {
            const e = text.charCodeAt(k + 1);
            if (e === C.DQUOTE || e === C.BACKSLASH || e === C.DOLLAR || e === C.BACKTICK) {
              value += text.slice(seg, k) + text[k + 1];
              k += 2;
              seg = k;
              continue;
            }
            k += 2;
            continue;
          }
          if ((d === C.DOLLAR && (text.charCodeAt(k + 1) === C.LPAREN || text.charCodeAt(k + 1) === C.LBRACE)) || d === C.BACKTICK) {
            dynamic = true;
            k = skipExpansion(k);
            continue;
          }
          if (d === C.DOLLAR && isNameStart(text.charCodeAt(k + 1))) dynamic = true;
          k++;
        }
        value += text.slice(seg, Math.min(k, end));
        i = Math.min(k + 1, end);
        wordEnd = i;
        continue;
      }
      case C.BACKSLASH:
        if (i + 1 < end) {
          flushLit(i);
          startWord(i);
          value += text[i + 1];
          i += 2;
          wordEnd = i;
          continue;
        }
        break;
      case C.DOLLAR: {
        const next = text.charCodeAt(i + 1);
        if (next === C.LPAREN || next === C.LBRACE) {
          flushLit(i);
          startWord(i);
          const k = skipExpansion(i);
          value += text.slice(i, k);
          dynamic = true;
          i = k;
          wordEnd = i;
          continue;
        }
        if (isNameStart(next) || next === 64 /* @ */ || next === 42 /* * */ || next === 35 || next === 63 /* ? */ || (next >= 48 && next <= 57)) dynamic = true;
        break;
      }
      case C.BACKTICK: {
        flushLit(i);
        startWord(i);
        const k = skipExpansion(i);
        value += text.slice(i, k);
        dynamic = true;
        i = k;
        wordEnd = i;
        continue;
      }
      case C.AMP: {
        flushLit(i);
        const next = text.charCodeAt(i + 1);
        if (next === C.AMP) {
          endCommand('&&');
          i += 2;
        } else if (next === C.GT) {
          flushWord();
          pendingRedirect = text.charCodeAt(i + 2) === C.GT ? '&>>' : '&>';
          i += pendingRedirect.length;
        } else {
          endCommand('&');
          i++;
        }
        continue;
      }
      case C.PIPE: {
        flushLit(i);
        const next = text.charCodeAt(i + 1);
        if (next === C.PIPE) {
          endCommand('||');
          i += 2;
        } else {
          endCommand('|');
          i += next === C.AMP ? 2 : 1;
        }
        continue;
      }
      case C.SEMI:
        flushLit(i);
        endCommand(';');
        i += text.charCodeAt(i + 1) === C.SEMI ? 2 : 1;
        continue;
      case C.LPAREN:
        if (!inWord) {
          endCommand(prevSep);
          prevSep = null;
          depth++;
          i++;
          continue;
        }
        break;
      case C.RPAREN:
        flushLit(i);
        endCommand(null);
        depth = Math.max(0, depth - 1);
        i++;
        continue;
      case C.LT:
      case C.GT: {
        flushLit(i);
        // A word made only of digits right before the operator is a file descriptor.
        if (inWord && !quoted && /^\d+$/.test(value)) {
          inWord = false;
          value = '';
        } else {
          flushWord();
        }
        let k = i + 1;
        const d = text.charCodeAt(k);
        if (c === C.LT && d === C.LT) {
          k++;
          if (text.charCodeAt(k) === C.LT || text.charCodeAt(k) === 45 /* - */) k++;
        } else if (d === C.GT || d === C.AMP || d === C.PIPE || (c === C.LT && d === C.GT)) {
          k++;
        }
        pendingRedirect = text.slice(i, k);
        i = k;
        continue;
      }
    }
    // Ordinary character, and the ordinary ones after it (what this loop would do to each, at once).
    if (!inWord) startWord(i);
    if (litStart === -1) litStart = i;
    i++;
    for (let d = text.charCodeAt(i); i < end && (d >= 128 || PLAIN[d] === 1) && d !== joinCode; d = text.charCodeAt(i)) i++;
    wordEnd = i;
  }
  flushLit(i);
  endCommand(null);
  return { commands, hasPipe };
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function basename(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash === -1 ? word : word.slice(slash + 1);
}

/** Builds a command from an exec-form (JSON) argument list. */
export function execCommand(argv: ShellWord[]): ShellScript {
  if (argv.length === 0) return { commands: [], hasPipe: false };
  const cmd: ShellCommand = {
    name: basename(argv[0].value),
    argv,
    assignments: [],
    redirects: [],
    start: argv[0].start,
    end: argv[argv.length - 1].end,
    prev: null,
    next: null,
    depth: 0,
  };
  return { commands: [cmd], hasPipe: false };
}

export interface ShellWords {
  /** Every word in order, assignments included (`A=1 B="x y"` → `A=1`, `B=x y`); operators dropped. */
  words: string[];
  /** The text is one simple command: no operator, redirection or group. */
  simple: boolean;
}

/** `text` split into words as a shell would (quotes removed, `$X` and `$(…)` kept as written). */
export function shellWords(text: string): ShellWords {
  const { commands } = tokenizeShell(text, 0, text.length);
  const words = commands.flatMap((c) => [...c.assignments, ...c.argv].sort((a, b) => a.start - b.start).map((w) => w.value));
  const only = commands[0];
  const simple =
    commands.length === 0
      ? text.trim() === ''
      : commands.length === 1 && only.prev === null && only.next === null && only.depth === 0 && only.redirects.length === 0;
  return { words, simple };
}
