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

export function tokenizeShell(text: string, start: number, end: number, options: TokenizeOptions = {}): ShellScript {
  const dfEscape = options.dockerfileEscape ? options.dockerfileEscape.charCodeAt(0) : -1;
  const heredocMode = dfEscape === -1;
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

  /** Length of a Dockerfile continuation at i (escape, blanks, newline, then dropped lines), or 0. */
  const joinerAt = (i: number): number => {
    if (heredocMode) {
      if (text.charCodeAt(i) !== C.BACKSLASH) return 0;
      const c = text.charCodeAt(i + 1);
      if (c === C.LF) return 2;
      if (c === C.CR) return text.charCodeAt(i + 2) === C.LF ? 3 : 2;
      return 0;
    }
    if (text.charCodeAt(i) !== dfEscape) return 0;
    let j = i + 1;
    while (j < end && (text.charCodeAt(j) === C.SPACE || text.charCodeAt(j) === C.TAB)) j++;
    if (j >= end) return 0;
    const c = text.charCodeAt(j);
    if (c === C.CR) j += text.charCodeAt(j + 1) === C.LF ? 2 : 1;
    else if (c === C.LF) j++;
    else return 0;
    // BuildKit drops empty lines and comment lines that follow a continuation.
    for (;;) {
      let k = j;
      while (k < end && (text.charCodeAt(k) === C.SPACE || text.charCodeAt(k) === C.TAB)) k++;
      const d = text.charCodeAt(k);
      if (k < end && d === C.HASH) {
        while (k < end && text.charCodeAt(k) !== C.LF && text.charCodeAt(k) !== C.CR) k++;
      } else if (!(k < end && (d === C.LF || d === C.CR))) {
        break;
      }
      if (text.charCodeAt(k) === C.CR) k++;
      if (text.charCodeAt(k) === C.LF) k++;
      if (k === j) break;
      j = k;
    }
    return j - i;
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
      if (/^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(text.slice(word.start, word.end))) {
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
    // Ordinary character.
    if (!inWord) startWord(i);
    if (litStart === -1) litStart = i;
    i++;
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

/** Options of common wrappers that take a value (`sudo -u user cmd`). */
const WRAPPERS: Record<string, Set<string>> = {
  sudo: new Set(['-u', '-g', '-p', '-C', '-h', '-r', '-t', '-U', '-D', '-R', '-T']),
  env: new Set(['-u', '-C', '-S', '--unset', '--chdir']),
  nice: new Set(['-n', '--adjustment']),
  nohup: new Set(),
  exec: new Set(['-a']),
  command: new Set(),
  eatmydata: new Set(),
  stdbuf: new Set(['-i', '-o', '-e']),
  timeout: new Set(['-s', '-k', '--signal', '--kill-after']),
  time: new Set(['-f', '-o']),
  chronic: new Set(),
  'su-exec': new Set(),
  gosu: new Set(),
};

/**
 * The command a wrapper runs (`sudo apt-get install x` → `apt-get install x`),
 * or null when `cmd` is not a wrapper or wraps nothing.
 */
export function unwrapCommand(cmd: ShellCommand): ShellCommand | null {
  const valued = WRAPPERS[cmd.name];
  if (!valued) return null;
  let i = 1;
  const argv = cmd.argv;
  // su-exec / gosu take a user first.
  if (cmd.name === 'su-exec' || cmd.name === 'gosu') i = 2;
  if (cmd.name === 'timeout') {
    while (i < argv.length && argv[i].value.startsWith('-')) i += valued.has(argv[i].value) ? 2 : 1;
    i++; // the duration
  }
  while (i < argv.length) {
    const v = argv[i].value;
    if (v === '--') {
      i++;
      break;
    }
    if (cmd.name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) {
      i++;
      continue;
    }
    if (!v.startsWith('-') || v === '-') break;
    i += valued.has(v) ? 2 : 1;
  }
  if (i >= argv.length) return null;
  const inner = argv.slice(i);
  return { ...cmd, name: basename(inner[0].value), argv: inner, assignments: [], start: inner[0].start, wrapper: cmd.name };
}
