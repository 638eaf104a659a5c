// Shell fences as the course writes them → commands the lab can run, one at a time.
// Also what a command does to Docker: whether it needs a TTY, runs until stopped,
// reaches beyond the lab (prune, `rm $(docker ps -aq)`), and which named objects it
// creates (so "Reset lab" can remove exactly those).
import { parse as shellParse, type ParseEntry } from 'shell-quote';
import type { CommandBlock, Destructive, DestructiveKind, FenceRow, NotRunnableReason, ResourceSet } from './model';

/** Info strings of fences the lab treats as shell. */
const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'terminal', 'shell-session', 'shellsession', 'powershell', 'pwsh', 'ps1', 'cmd', 'bat']);
const POWERSHELL_LANGS = new Set(['powershell', 'pwsh', 'ps1']);

/** Words a line of an untyped fence starts with when the fence is a shell fence. */
const COMMAND_WORDS = new Set([
  'docker', 'docker-compose', 'podman', 'sudo', 'apt', 'apt-get', 'yum', 'dnf', 'brew', 'curl', 'wget', 'ls', 'cd', 'mkdir',
  'echo', 'cat', 'npm', 'npx', 'node', 'git', 'ping', 'nslookup', 'kubectl', 'systemctl', 'export', 'cp', 'mv', 'rm', 'touch',
  'chmod', 'hostname', 'grep', 'tail', 'head', 'watch', 'set', 'source', 'pwd', 'whoami', 'usermod', 'newgrp',
]);

export interface FenceInfo {
  lang: string;
  norun: boolean;
}

export function parseFenceInfo(info: string): FenceInfo {
  const words = info.trim().split(/\s+/).filter(Boolean);
  const lang = (words[0] ?? '').replace(/^\{?\.?/, '').replace(/\}$/, '').toLowerCase();
  return { lang, norun: words.slice(1).some((w) => w.toLowerCase() === 'norun' || w === '{norun}') };
}

// ---- prompts (transcripts such as `$ docker ps` or `C:\Users\me>docker ps`) ---------

interface Prompt {
  command: string;
  /** `root@abc123:/# …`: a shell on some other host, most often inside a container. */
  remote: boolean;
}

const PROMPTS: { re: RegExp; remote: boolean }[] = [
  { re: /^\s*\$\s+(.*)$/, remote: false },
  { re: /^\s*PS [^>\n]*>\s?(.*)$/, remote: false },
  { re: /^\s*[A-Za-z]:\\[^>\n]*>\s?(.*)$/, remote: false },
  { re: /^\s*[\w.-]+@[\w.-]+:[^\s#$]*[#$]\s?(.*)$/, remote: true },
];

function matchPrompt(line: string): Prompt | undefined {
  for (const { re, remote } of PROMPTS) {
    const m = re.exec(line);
    if (m) return { command: m[1], remote };
  }
  return undefined;
}

/** Whether an untyped fence (no info string) holds shell commands. */
export function looksLikeShell(content: string): boolean {
  const lines = content.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (lines.length === 0) return false;
  if (matchPrompt(lines[0])) return true;
  let continued = false;
  for (const line of lines) {
    if (!continued) {
      const first = line.split(/\s+/)[0];
      if (!COMMAND_WORDS.has(first)) return false;
    }
    continued = line.endsWith('\\');
  }
  return true;
}

export function isShellFence(info: FenceInfo, content: string): boolean {
  if (info.lang === '') return looksLikeShell(content);
  return SHELL_LANGS.has(info.lang);
}

// ---- comments, continuations, heredocs ------------------------------------------

/** Cuts a trailing `# comment` the way a shell would: only at a word start, outside quotes. */
export function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i).trimEnd();
  }
  return line.trimEnd();
}

const HEREDOC = /<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/;

// ---- placeholders -----------------------------------------------------------------

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/;

/** A placeholder the learner must fill in: `[이미지 이름]`, `[OPTIONS]`, `<name>`, `...`. */
export function findPlaceholder(command: string): string | undefined {
  for (const m of command.matchAll(/\[([^[\]\n]+)\]/g)) {
    const inner = m[1];
    if (inner.startsWith(' ') || inner.endsWith(' ')) continue; // `[ -f x ]` is a shell test
    if (HANGUL.test(inner) || /^[A-Z][A-Z0-9_-]*(\s[A-Z0-9_-]+)*$/.test(inner) || /\S\s\S/.test(inner)) return m[0];
  }
  const angle = /(^|[^<\w])(<[A-Za-z\uAC00-\uD7AF][\w\uAC00-\uD7AF .:/-]*>)/.exec(command);
  if (angle) return angle[2];
  const dots = /(^|\s)(\.\.\.|…)(?=\s|$)/.exec(command);
  if (dots) return dots[2];
  return undefined;
}

// ---- fences → rows and commands ---------------------------------------------------

export interface ParsedCommand {
  text: string;
  /** 0-based line offset inside the fence where the command starts. */
  offset: number;
  runnable: boolean;
  reason?: NotRunnableReason;
}

export interface ParsedFence {
  rows: FenceRow[];
  commands: ParsedCommand[];
}

/**
 * Splits a shell fence into rows and commands: one command per line, `\` (or PowerShell's
 * backtick) continuations joined, here-documents kept whole, comments dropped, prompt
 * transcripts reduced to their commands, placeholder lines marked not runnable.
 */
export function parseShellFence(content: string, info: FenceInfo): ParsedFence {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const powershell = POWERSHELL_LANGS.has(info.lang);
  const firstReal = lines.find((l) => l.trim() !== '');
  const transcript = firstReal !== undefined && matchPrompt(firstReal) !== undefined;
  const rows: FenceRow[] = [];
  const commands: ParsedCommand[] = [];
  const continues = (l: string): boolean => {
    const t = l.trimEnd();
    return t.endsWith('\\') || (powershell && t.endsWith('`'));
  };
  const dropContinuation = (l: string): string => l.trimEnd().slice(0, -1).trimEnd();

  let i = 0;
  while (i < lines.length) {
    const raw = lines[i];
    if (raw.trim() === '') {
      rows.push({ kind: 'blank', text: raw });
      i++;
      continue;
    }
    let first = raw;
    let remote = false;
    if (transcript) {
      const prompt = matchPrompt(raw);
      if (!prompt) {
        rows.push({ kind: 'output', text: raw });
        i++;
        continue;
      }
      first = prompt.command;
      remote = prompt.remote && !/^\s*(sudo\s+)?docker\b/.test(prompt.command);
    } else if (raw.trimStart().startsWith('#')) {
      rows.push({ kind: 'comment', text: raw });
      i++;
      continue;
    }
    const start = i;
    const shown: string[] = [raw];
    const parts: string[] = [];
    let current = first;
    while (continues(current) && i + 1 < lines.length) {
      parts.push(dropContinuation(current));
      i++;
      shown.push(lines[i]);
      current = lines[i].trim();
    }
    parts.push(current);
    let text = parts.map((p, k) => (k === 0 ? stripComment(p) : stripComment(p.trim()))).filter((p) => p !== '').join(' ').trim();
    const heredoc = HEREDOC.exec(text);
    if (heredoc) {
      const body: string[] = [];
      const delimiter = heredoc[2];
      while (i + 1 < lines.length) {
        i++;
        shown.push(lines[i]);
        body.push(lines[i]);
        if (lines[i].trim() === delimiter) break;
      }
      text = [text, ...body].join('\n');
    }
    i++;
    if (text === '') {
      rows.push({ kind: 'comment', text: shown.join('\n') });
      continue;
    }
    let reason: NotRunnableReason | undefined;
    if (info.norun) reason = 'norun';
    else if (remote) reason = 'inside-container';
    else if (findPlaceholder(heredoc ? text.split('\n')[0] : text)) reason = 'placeholder';
    rows.push({ kind: 'command', text: shown.join('\n'), command: commands.length });
    commands.push({ text, offset: start, runnable: reason === undefined, reason });
  }
  return { rows, commands };
}

/** A block for display only (non-shell fence). */
export function plainBlock(line: number, lang: string, content: string): CommandBlock {
  return { line, lang, shell: false, norun: true, rows: [{ kind: 'output', text: content.replace(/\n$/, '') }] };
}

// ---- what a command does --------------------------------------------------------

/** Words of one simple command (a pipeline or `&&` list splits into several). */
type Words = string[];

function segments(command: string): Words[] {
  let entries: ParseEntry[];
  try {
    entries = shellParse(command.split('\n')[0], (name) => `$${name}`);
  } catch {
    return [];
  }
  const out: Words[] = [[]];
  for (const e of entries) {
    if (typeof e === 'string') out[out.length - 1].push(e);
    else if ('op' in e && ['&&', '||', ';', '|', '&', '(', ')'].includes(e.op)) out.push([]);
    else if ('comment' in e) break;
  }
  return out.filter((w) => w.length > 0);
}

interface DockerCall {
  /** The docker verb after management-command normalisation: run, rm, rmi, build, … */
  verb: string;
  args: string[];
}

const MANAGEMENT: Record<string, Record<string, string>> = {
  container: { run: 'run', create: 'create', rm: 'rm', remove: 'rm', stop: 'stop', kill: 'kill', exec: 'exec', logs: 'logs', start: 'start', attach: 'attach', prune: 'container-prune', stats: 'stats', commit: 'commit' },
  image: { build: 'build', tag: 'tag', rm: 'rmi', remove: 'rmi', prune: 'image-prune', pull: 'pull' },
  network: { create: 'network-create', rm: 'network-rm', remove: 'network-rm', prune: 'network-prune' },
  volume: { create: 'volume-create', rm: 'volume-rm', remove: 'volume-rm', prune: 'volume-prune' },
  system: { prune: 'system-prune' },
  builder: { build: 'build', prune: 'builder-prune' },
  buildx: { build: 'build', prune: 'builder-prune' },
};

function dockerCall(words: Words): DockerCall | undefined {
  let w = words;
  while (w[0] === 'sudo' || /^[A-Z_][A-Z0-9_]*=/.test(w[0] ?? '')) w = w.slice(1);
  if (w[0] !== 'docker' && w[0] !== 'podman') return undefined;
  let i = 1;
  // Global options before the verb: `docker --context x run …`, `docker -H host ps`.
  while (i < w.length && w[i].startsWith('-')) {
    if (/^(-H|--host|-c|--context|--config|-l|--log-level)$/.test(w[i])) i += 2;
    else i += 1;
  }
  const first = w[i];
  if (!first) return undefined;
  const management = MANAGEMENT[first];
  if (management && w[i + 1] && management[w[i + 1]]) return { verb: management[w[i + 1]], args: w.slice(i + 2) };
  if (first === 'network' || first === 'volume') return { verb: `${first}-${w[i + 1] ?? ''}`, args: w.slice(i + 2) };
  return { verb: first, args: w.slice(i + 1) };
}

/** Short options of `run`/`create`/`exec` that take a value. */
const VALUE_SHORT = new Set(['a', 'c', 'e', 'h', 'l', 'm', 'p', 'u', 'v', 'w']);
const BOOLEAN_LONG = new Set([
  '--rm', '--detach', '--interactive', '--tty', '--init', '--privileged', '--read-only', '--publish-all', '--no-healthcheck',
  '--oom-kill-disable', '--help', '--quiet', '--disable-content-trust', '--all', '--force', '--volumes', '--no-stream',
  '--follow', '--timestamps', '--internal', '--attachable', '--ipv6', '--ingress', '--config-only', '--pull', '--no-cache',
]);

interface Options {
  /** Option name (as written, e.g. `--name`, `-v`) → values. Clustered short flags are split. */
  flags: Map<string, string[]>;
  positional: string[];
}

function parseOptions(args: string[], stopAtFirstPositional: boolean, valueShort = VALUE_SHORT): Options {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  const add = (name: string, value: string): void => {
    const list = flags.get(name) ?? [];
    list.push(value);
    flags.set(name, list);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) add(a.slice(0, eq), a.slice(eq + 1));
      else if (BOOLEAN_LONG.has(a)) add(a, '');
      else add(a, args[++i] ?? '');
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const ch = a[k];
        if (valueShort.has(ch)) {
          const rest = a.slice(k + 1);
          add(`-${ch}`, rest !== '' ? rest : (args[++i] ?? ''));
          break;
        }
        add(`-${ch}`, '');
      }
      continue;
    }
    positional.push(a);
    if (stopAtFirstPositional) {
      positional.push(...args.slice(i + 1));
      break;
    }
  }
  return { flags, positional };
}

/** Which short options take a value, per verb (`-a` is `--attach VALUE` for run, a flag for prune). */
function shortValuesFor(verb: string): Set<string> {
  if (verb === 'run' || verb === 'create') return VALUE_SHORT;
  if (verb === 'exec') return new Set(['e', 'u', 'w']);
  if (verb === 'logs') return new Set(['n']);
  return new Set();
}

const has = (o: Options, ...names: string[]): boolean => names.some((n) => o.flags.has(n));
const values = (o: Options, ...names: string[]): string[] => names.flatMap((n) => o.flags.get(n) ?? []);

/** Words of the command a container runs (`docker run … IMAGE CMD…`, `docker exec … C CMD…`). */
function innerCommand(call: DockerCall): string[] | undefined {
  if (call.verb === 'run' || call.verb === 'create') return parseOptions(call.args, true).positional.slice(1);
  if (call.verb === 'exec') return parseOptions(call.args, true, new Set(['e', 'u', 'w'])).positional.slice(1);
  return undefined;
}

function pingRunsForever(words: string[]): boolean {
  const i = words.indexOf('ping');
  if (i < 0) return false;
  const rest = words.slice(i + 1);
  return !rest.some((w) => /^-[a-zA-Z]*[cw]/.test(w));
}

export interface CommandTraits {
  interactive: boolean;
  longRunning: boolean;
  destructive?: Destructive;
}

const DESTRUCTIVE_VERBS: Record<string, DestructiveKind> = {
  'system-prune': 'system-prune',
  'container-prune': 'container-prune',
  'image-prune': 'image-prune',
  'volume-prune': 'volume-prune',
  'network-prune': 'network-prune',
  'builder-prune': 'image-prune',
};

/** `docker ps -aq`, `docker images -q`… inside $( ) or backticks, or fed through xargs. */
function massTarget(command: string): 'containers' | 'running' | 'images' | 'volumes' | 'networks' | undefined {
  const sub = /(\$\(|`)\s*(?:sudo\s+)?docker\s+([a-z]+(?:\s+(?:ls|list|ps))?)([^)`]*)/.exec(command) ?? /(^|\|)\s*(?:sudo\s+)?docker\s+([a-z]+(?:\s+(?:ls|list|ps))?)([^|]*)\|\s*xargs\b/.exec(command);
  if (!sub) return undefined;
  const verb = sub[2].trim();
  const opts = sub[3];
  if (!/(^|\s)-[a-zA-Z]*q|--quiet/.test(opts)) return undefined;
  if (verb === 'ps' || verb === 'container ls' || verb === 'container list' || verb === 'container ps') {
    return /(^|\s)-[a-zA-Z]*a|--all/.test(opts) ? 'containers' : 'running';
  }
  if (verb === 'images' || verb === 'image ls' || verb === 'image list') return 'images';
  if (verb === 'volume ls' || verb === 'volume list') return 'volumes';
  if (verb === 'network ls' || verb === 'network list') return 'networks';
  return undefined;
}

/** What running `command` means beyond printing: TTY, never-ending, destructive. */
export function commandTraits(command: string): CommandTraits {
  const traits: CommandTraits = { interactive: false, longRunning: false };
  const target = massTarget(command);
  for (const words of segments(command)) {
    if (words[0] === 'tail' && words.includes('-f')) traits.longRunning = true;
    if (words[0] === 'watch') traits.longRunning = true;
    if (words[0] === 'ping' && pingRunsForever(words)) traits.longRunning = true;
    const call = dockerCall(words);
    if (!call) continue;
    const opts = parseOptions(call.args, call.verb === 'run' || call.verb === 'create' || call.verb === 'exec', shortValuesFor(call.verb));
    const tty = has(opts, '-t', '--tty');
    if (((call.verb === 'run' || call.verb === 'create' || call.verb === 'exec') && tty) || call.verb === 'attach') traits.interactive = true;
    if (call.verb === 'start' && has(opts, '-a', '--attach') && has(opts, '-i', '--interactive')) traits.interactive = true;
    if (call.verb === 'login' && !has(opts, '--password-stdin', '-p', '--password')) traits.interactive = true;
    if (call.verb === 'logs' && has(opts, '-f', '--follow')) traits.longRunning = true;
    if (call.verb === 'stats' && !has(opts, '--no-stream')) traits.longRunning = true;
    if (call.verb === 'events') traits.longRunning = true;
    if ((call.verb === 'compose' && words.includes('up') && !words.some((w) => w === '-d' || w === '--detach')) ||
        (call.verb === 'compose' && words.includes('logs') && words.some((w) => w === '-f' || w === '--follow'))) {
      traits.longRunning = true;
    }
    const inner = innerCommand(call);
    if (inner && pingRunsForever(inner)) traits.longRunning = true;

    const force = has(opts, '-f', '--force');
    const flags: Omit<Destructive, 'kind'> = { force, allImages: has(opts, '-a', '--all'), volumes: has(opts, '--volumes') };
    const pruneKind = DESTRUCTIVE_VERBS[call.verb];
    if (pruneKind) traits.destructive = { kind: pruneKind, ...flags };
    else if (target) {
      const kind: DestructiveKind | undefined =
        (call.verb === 'stop' && (target === 'running' || target === 'containers') && 'stop-all') ||
        (call.verb === 'kill' && (target === 'running' || target === 'containers') && 'kill-all') ||
        (call.verb === 'rm' && (target === 'running' || target === 'containers') && 'remove-all-containers') ||
        (call.verb === 'rmi' && target === 'images' && 'remove-all-images') ||
        (call.verb === 'volume-rm' && target === 'volumes' && 'remove-all-volumes') ||
        (call.verb === 'network-rm' && target === 'networks' && 'remove-all-networks') ||
        undefined;
      if (kind) traits.destructive = { kind, ...flags };
    }
    if (!traits.destructive && words.includes('xargs') && target) {
      const after = words.slice(words.indexOf('xargs') + 1);
      const xcall = dockerCall(after);
      if (xcall && ['rm', 'stop', 'kill', 'rmi', 'volume-rm', 'network-rm'].includes(xcall.verb)) {
        traits.destructive = { kind: xcall.verb === 'rmi' ? 'remove-all-images' : xcall.verb === 'stop' ? 'stop-all' : 'remove-all-containers', ...flags };
      }
    }
  }
  // `docker ps -aq | xargs docker rm`: the pipe splits the segments above.
  if (!traits.destructive && target && /\|\s*xargs\s+(?:sudo\s+)?docker\s+(rm|stop|kill|rmi)\b/.exec(command)) {
    const verb = /\|\s*xargs\s+(?:sudo\s+)?docker\s+(rm|stop|kill|rmi)\b/.exec(command)![1];
    const kinds: Record<string, DestructiveKind> = { rm: 'remove-all-containers', stop: 'stop-all', kill: 'kill-all', rmi: 'remove-all-images' };
    traits.destructive = { kind: kinds[verb], force: /\brm\s+(-\w*f|--force)/.test(command), allImages: false, volumes: false };
  }
  return traits;
}

// ---- objects a command creates ----------------------------------------------------

const VOLUME_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Named Docker objects the command creates when it succeeds (templates already substituted). */
export function createdObjects(command: string): ResourceSet {
  const out: ResourceSet = { containers: [], networks: [], volumes: [], images: [] };
  const push = (list: string[], v: string | undefined): void => {
    if (v && !v.startsWith('$') && !findPlaceholder(v) && !list.includes(v)) list.push(v);
  };
  for (const words of segments(command)) {
    const call = dockerCall(words);
    if (!call) continue;
    switch (call.verb) {
      case 'run':
      case 'create': {
        const o = parseOptions(call.args, true);
        push(out.containers, values(o, '--name').pop());
        for (const v of values(o, '-v', '--volume')) {
          const source = v.split(':')[0];
          if (v.includes(':') && VOLUME_NAME.test(source)) push(out.volumes, source);
        }
        for (const m of values(o, '--mount')) {
          const fields = Object.fromEntries(m.split(',').map((kv) => kv.split('=') as [string, string]));
          const source = fields.source ?? fields.src;
          if ((fields.type ?? 'volume') === 'volume' && source && VOLUME_NAME.test(source)) push(out.volumes, source);
        }
        break;
      }
      case 'network-create': {
        const o = parseOptions(call.args, false, new Set(['d', 'o']));
        push(out.networks, o.positional[0]);
        break;
      }
      case 'volume-create': {
        const o = parseOptions(call.args, false, new Set(['d', 'o']));
        push(out.volumes, o.positional[0]);
        break;
      }
      case 'build': {
        const o = parseOptions(call.args, false, new Set(['t', 'f']));
        for (const t of values(o, '-t', '--tag')) push(out.images, t);
        break;
      }
      case 'tag':
        push(out.images, call.args.filter((a) => !a.startsWith('-'))[1]);
        break;
      case 'commit': {
        const o = parseOptions(call.args, false, new Set(['a', 'c', 'm']));
        push(out.images, o.positional[1]);
        break;
      }
    }
  }
  return out;
}

/** Images a command runs or pulls (for pre-pulling a lab that does not list its images). */
export function referencedImages(command: string): string[] {
  const out: string[] = [];
  if (findPlaceholder(command)) return out;
  for (const words of segments(command)) {
    const call = dockerCall(words);
    if (!call) continue;
    if (call.verb === 'run' || call.verb === 'create') {
      const image = parseOptions(call.args, true).positional[0];
      if (image) out.push(image);
    } else if (call.verb === 'pull') {
      out.push(...call.args.filter((a) => !a.startsWith('-')));
    }
  }
  return out.filter((i) => !i.startsWith('$') && !findPlaceholder(i));
}
