// What a command does to Docker: whether it needs a TTY, runs until stopped, reaches
// beyond the lab (prune, `rm $(docker ps -aq)`), which named objects it creates (so
// "Reset lab" can remove exactly those) and which images it runs or pulls. Commands are
// read with the shared shell tokenizer (src/shell).
import { execCommand, innermostCommand, tokenizeShell, type ShellCommand, type ShellWord } from '../../shell';
import { findPlaceholder } from '../load/fences';
import type { Destructive, DestructiveKind, ResourceSet } from '../labModel';

/** Words of one simple command (a pipeline or `&&` list splits into several). */
type Words = string[];

/** The simple commands of a command line (its first line: a here-document's body is data). */
function segments(command: string): ShellCommand[] {
  const line = command.split('\n')[0];
  return tokenizeShell(line, 0, line.length).commands;
}

/** A command's words as the shell passes them: quotes removed, `$(…)` and `$VAR` kept as written. */
function wordsOf(cmd: ShellCommand): Words {
  return cmd.argv.map((w) => w.value);
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

/** The docker (or podman) call a command makes, through `sudo`, `env` and the like. */
function dockerCall(cmd: ShellCommand | undefined): DockerCall | undefined {
  const inner = cmd && innermostCommand(cmd);
  if (!inner || (inner.name !== 'docker' && inner.name !== 'podman')) return undefined;
  const w = wordsOf(inner);
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

/** A Compose call, spelled `docker compose …` (v2) or `docker-compose …` (v1). */
export interface ComposeCall {
  /** `-p`/`--project-name`/`COMPOSE_PROJECT_NAME=`; undefined when Compose derives it (folder or `name:`). */
  project?: string;
  /** `-f` files as written. */
  files: string[];
  /** up, down, ps, logs, exec, run, config, stop, start, restart, build, … */
  subcommand: string;
  args: string[];
}

/** Compose's own options before the subcommand that take a value. */
const COMPOSE_GLOBAL_VALUE = new Set(['-p', '--project-name', '-f', '--file', '--project-directory', '--env-file', '--profile', '--ansi', '--progress', '--parallel', '-H', '--host', '-c', '--context', '--log-level']);

function composeCallOf(cmd: ShellCommand | undefined): ComposeCall | undefined {
  const inner = cmd && innermostCommand(cmd);
  if (!inner) return undefined;
  let args: string[];
  if (inner.name === 'docker-compose') args = wordsOf(inner).slice(1);
  else {
    const call = dockerCall(inner);
    if (!call || call.verb !== 'compose') return undefined;
    args = call.args;
  }
  const envProject = [...(cmd?.assignments ?? []), ...inner.assignments].map((a) => /^COMPOSE_PROJECT_NAME=(.+)$/.exec(a.value)?.[1]).filter(Boolean).pop();
  const out: ComposeCall = { project: envProject, files: [], subcommand: '', args: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (COMPOSE_GLOBAL_VALUE.has(name) || /^-[pf].+/.test(a)) {
      const value = eq > 0 ? a.slice(eq + 1) : /^-[pf].+/.test(a) ? a.slice(2) : args[++i] ?? '';
      const flag = /^-[pf].+/.test(a) ? a.slice(0, 2) : name;
      if (flag === '-p' || flag === '--project-name') out.project = value;
      if (flag === '-f' || flag === '--file') out.files.push(value);
      continue;
    }
    if (a.startsWith('-')) continue;
    out.subcommand = a;
    out.args = args.slice(i + 1);
    break;
  }
  return out.subcommand ? out : undefined;
}

/** The Compose calls of a command line (`cd app && docker compose up -d` has one). */
export function composeCalls(command: string): ComposeCall[] {
  return segments(command).map(composeCallOf).filter((c): c is ComposeCall => !!c);
}

/** Compose projects a command names (`-p pair1-web`, `COMPOSE_PROJECT_NAME=…`), so a reset finds them. */
export function composeProjectsOf(command: string): string[] {
  const out: string[] = [];
  for (const c of composeCalls(command)) {
    if (c.project && !c.project.startsWith('$') && !findPlaceholder(c.project) && !out.includes(c.project)) out.push(c.project);
  }
  return out;
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

type MassTarget = 'containers' | 'running' | 'images' | 'volumes' | 'networks';

/** What a listing command lists when it prints only IDs for another command (`docker ps -aq`). */
function listedIds(cmd: ShellCommand | undefined): MassTarget | undefined {
  const call = dockerCall(cmd);
  if (!call) return undefined;
  const [sub, ...rest] = call.args;
  const flags = (call.verb === 'container' || call.verb === 'image' ? rest : call.args).filter((a) => a.startsWith('-'));
  if (!flags.some((f) => /^-[a-zA-Z]*q/.test(f) || f === '--quiet')) return undefined;
  const listing = (verb: string, subs: string[]) => call.verb === verb && subs.includes(sub);
  if (call.verb === 'ps' || listing('container', ['ls', 'list', 'ps'])) return flags.some((f) => /^-[a-zA-Z]*a/.test(f) || f === '--all') ? 'containers' : 'running';
  if (call.verb === 'images' || listing('image', ['ls', 'list'])) return 'images';
  if (call.verb === 'volume-ls' || call.verb === 'volume-list') return 'volumes';
  if (call.verb === 'network-ls' || call.verb === 'network-list') return 'networks';
  return undefined;
}

/** The commands inside a word's `$( … )` or backticks. */
function substitutedCommands(word: ShellWord): ShellCommand[] {
  if (!word.dynamic) return [];
  const out: ShellCommand[] = [];
  for (const m of word.value.matchAll(/\$\((.*)\)|`([^`]*)`/g)) {
    const inner = m[1] ?? m[2];
    out.push(...tokenizeShell(inner, 0, inner.length).commands);
  }
  return out;
}

/** `docker ps -aq`, `docker images -q`… inside $( ) or backticks, or fed through xargs. */
function massTarget(commands: ShellCommand[]): MassTarget | undefined {
  for (const c of commands) {
    for (const w of c.argv) {
      const target = listedIds(substitutedCommands(w)[0]);
      if (target) return target;
    }
  }
  for (const [k, c] of commands.entries()) {
    if (c.next === '|' && commands[k + 1]?.name === 'xargs') {
      const target = listedIds(c);
      if (target) return target;
    }
  }
  return undefined;
}

/** The command `xargs` runs with the IDs it reads (`… | xargs docker rm -f`). */
function xargsCommand(cmd: ShellCommand): ShellCommand | undefined {
  return cmd.name === 'xargs' ? execCommand(cmd.argv.slice(1)).commands[0] : undefined;
}

/** Flags of a Compose subcommand (`up -d`, `logs --follow`, `exec -T`). */
function composeFlag(c: ComposeCall, ...names: string[]): boolean {
  const options: string[] = [];
  for (const a of c.args) {
    if (a === '--') break;
    if (a.startsWith('-')) options.push(a);
  }
  return options.some((o) => names.some((n) => (n.startsWith('--') ? o === n || o.startsWith(`${n}=`) : /^-[a-zA-Z]+$/.test(o) && o.includes(n.slice(1)))));
}

/** `up` without `-d` and `logs -f` run until stopped; `attach` and `exec` without `-T` need a terminal. */
function composeTraits(c: ComposeCall, traits: CommandTraits): CommandTraits {
  const out = { ...traits };
  if (c.subcommand === 'up' && !composeFlag(c, '-d', '--detach', '--wait')) out.longRunning = true;
  if (c.subcommand === 'logs' && composeFlag(c, '-f', '--follow')) out.longRunning = true;
  if (c.subcommand === 'events' || c.subcommand === 'watch') out.longRunning = true;
  if (c.subcommand === 'attach') out.interactive = true;
  // exec gives the command a TTY unless -T; v1 then refuses a non-terminal input ("the
  // input device is not a TTY"), so headless it needs -T. `run` falls back on both.
  if (c.subcommand === 'exec' && !composeFlag(c, '-T', '--no-TTY', '--no-tty', '-d', '--detach')) out.interactive = true;
  // `down` without a project name takes whichever project the folder's name gives, which
  // on a shared host may be another pair's: the lab-scoped version downs the lab's own.
  if (c.subcommand === 'down' && !c.project && !c.files.length) {
    out.destructive = { kind: 'compose-down', force: false, allImages: composeFlag(c, '--rmi'), volumes: composeFlag(c, '-v', '--volumes') };
  }
  return out;
}

const XARGS_DESTRUCTIVE: Record<string, DestructiveKind> = { rm: 'remove-all-containers', stop: 'stop-all', kill: 'kill-all', rmi: 'remove-all-images' };

/** What running `command` means beyond printing: TTY, never-ending, destructive. */
export function commandTraits(command: string): CommandTraits {
  const traits: CommandTraits = { interactive: false, longRunning: false };
  const commands = segments(command);
  const target = massTarget(commands);
  for (const cmd of commands) {
    const words = wordsOf(cmd);
    if (words[0] === 'tail' && words.includes('-f')) traits.longRunning = true;
    const compose = composeCallOf(cmd);
    if (compose) {
      Object.assign(traits, composeTraits(compose, traits));
      continue;
    }
    if (words[0] === 'watch') traits.longRunning = true;
    if (words[0] === 'ping' && pingRunsForever(words)) traits.longRunning = true;
    const call = dockerCall(cmd);
    if (!call) continue;
    const opts = parseOptions(call.args, call.verb === 'run' || call.verb === 'create' || call.verb === 'exec', shortValuesFor(call.verb));
    const tty = has(opts, '-t', '--tty');
    if (((call.verb === 'run' || call.verb === 'create' || call.verb === 'exec') && tty) || call.verb === 'attach') traits.interactive = true;
    if (call.verb === 'start' && has(opts, '-a', '--attach') && has(opts, '-i', '--interactive')) traits.interactive = true;
    if (call.verb === 'login' && !has(opts, '--password-stdin', '-p', '--password')) traits.interactive = true;
    if (call.verb === 'logs' && has(opts, '-f', '--follow')) traits.longRunning = true;
    if (call.verb === 'stats' && !has(opts, '--no-stream')) traits.longRunning = true;
    if (call.verb === 'events') traits.longRunning = true;
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
  }
  // `docker ps -aq | xargs docker rm`: the pipe hands the IDs to the command xargs runs.
  for (const cmd of commands) {
    const xcall = traits.destructive || !target ? undefined : dockerCall(xargsCommand(cmd));
    const kind = xcall && XARGS_DESTRUCTIVE[xcall.verb];
    if (xcall && kind) {
      const force = xcall.verb === 'rm' && has(parseOptions(xcall.args, false), '-f', '--force');
      traits.destructive = { kind, force, allImages: false, volumes: false };
    }
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
  for (const cmd of segments(command)) {
    const call = dockerCall(cmd);
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

/**
 * Host ports a command publishes when it succeeds (`-p 8080:80`, `-p 127.0.0.1:8080:80/tcp`,
 * `--publish 8080-8081:80-81`), so a handout can list them and a test can prove that two
 * pairs never ask for the same one. `-p 80` and `-P` take a port the daemon picks: none here.
 */
export function publishedHostPorts(command: string): number[] {
  const out: number[] = [];
  for (const cmd of segments(command)) {
    const call = dockerCall(cmd);
    if (!call || (call.verb !== 'run' && call.verb !== 'create')) continue;
    for (const spec of values(parseOptions(call.args, true), '-p', '--publish')) {
      const parts = spec.replace(/\/[a-z]+$/i, '').split(':');
      // ip:host:container, host:container; a lone container port is published on a random one.
      const host = parts.length >= 3 ? parts[parts.length - 2] : parts.length === 2 ? parts[0] : '';
      const range = /^(\d+)(?:-(\d+))?$/.exec(host);
      if (!range) continue;
      const first = Number(range[1]);
      const last = range[2] ? Number(range[2]) : first;
      for (let port = first; port <= last && port - first < 1024; port++) if (!out.includes(port)) out.push(port);
    }
  }
  return out;
}

/** Images a command runs or pulls (for pre-pulling a lab that does not list its images). */
export function referencedImages(command: string): string[] {
  const out: string[] = [];
  if (findPlaceholder(command)) return out;
  for (const cmd of segments(command)) {
    const call = dockerCall(cmd);
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
