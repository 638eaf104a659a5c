// Shell fences as the course writes them → commands the lab can run, one at a time:
// prompts and output told apart, continuations joined, here-documents kept whole,
// placeholders the learner must fill in marked not runnable.
import { innermostCommand, lineContinues, tokenizeShell, withoutContinuation } from '../../shell';
import type { CommandBlock, FenceRow, LabOs, NotRunnableReason } from '../labModel';

export type { LabOs };

/** Info strings of fences the lab treats as shell. */
const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'terminal', 'shell-session', 'shellsession', 'powershell', 'pwsh', 'ps1', 'cmd', 'bat']);
const POWERSHELL_LANGS = new Set(['powershell', 'pwsh', 'ps1']);

/** Words a line of an untyped fence starts with when the fence is a shell fence. */
const COMMAND_WORDS = new Set([
  'docker', 'docker-compose', 'podman', 'sudo', 'apt', 'apt-get', 'yum', 'dnf', 'brew', 'curl', 'wget', 'ls', 'cd', 'mkdir',
  'echo', 'cat', 'npm', 'npx', 'node', 'git', 'ping', 'nslookup', 'kubectl', 'systemctl', 'export', 'cp', 'mv', 'rm', 'touch',
  'chmod', 'hostname', 'grep', 'tail', 'head', 'watch', 'set', 'source', 'pwd', 'whoami', 'usermod', 'newgrp',
]);

const OS_NAMES: Record<string, LabOs> = { windows: 'windows', win: 'windows', win32: 'windows', mac: 'mac', macos: 'mac', darwin: 'mac', osx: 'mac', linux: 'linux' };

export interface FenceInfo {
  lang: string;
  norun: boolean;
  /** `file=PATH`: the fence is the content of that file (the lab view offers "create this file"). */
  file?: string;
  /** `os=windows|mac`: shown only on those systems, and never run (a step's commands are the same everywhere). */
  os?: LabOs[];
}

/** Each system as a learner knows it. */
export const LAB_OS_NAME: Record<LabOs, string> = { windows: 'Windows', mac: 'macOS', linux: 'Linux' };

/** The `os=` word of process.platform. */
export function labOsOf(platform: string): LabOs {
  return platform === 'win32' ? 'windows' : platform === 'darwin' ? 'mac' : 'linux';
}

/** `key=value` / `key="value"` words of an info string after the language. */
function fenceAttributes(info: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of info.matchAll(/(?:^|\s)([a-z][\w-]*)=(?:"([^"]*)"|'([^']*)'|(\S+))/gi)) attrs.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4]);
  return attrs;
}

export function parseFenceInfo(info: string): FenceInfo {
  const words = info.trim().split(/\s+/).filter(Boolean);
  const lang = (words[0] ?? '').replace(/^\{?\.?/, '').replace(/\}$/, '').toLowerCase();
  const attrs = fenceAttributes(info.trim().slice((words[0] ?? '').length));
  const file = attrs.get('file') ?? attrs.get('save-as');
  const osNames = attrs.get('os')?.toLowerCase().split(/[|,]/).map((w) => w.trim()).filter(Boolean);
  // An unknown name is kept out rather than guessed: the block then shows on no system.
  const os = osNames ? [...new Set(osNames.map((w) => OS_NAMES[w]).filter((w): w is LabOs => !!w))] : undefined;
  const norun = words.slice(1).some((w) => w.toLowerCase() === 'norun' || w === '{norun}') || os !== undefined;
  return { lang, norun, ...(file ? { file } : {}), ...(os ? { os } : {}) };
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
    continued = lineContinues(line);
  }
  return true;
}

/** Whether a command line starts with docker (through sudo and the like): it reaches the learner's daemon from any prompt. */
function startsDocker(command: string): boolean {
  const first = tokenizeShell(command, 0, command.length).commands[0];
  return first !== undefined && /^docker\b/.test(innermostCommand(first).name);
}

export function isShellFence(info: FenceInfo, content: string): boolean {
  if (info.lang === '') return looksLikeShell(content);
  return SHELL_LANGS.has(info.lang);
}

// ---- comments, heredocs ------------------------------------------

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
  /** The escape that continues this line onto the next (PowerShell's is the backtick), or undefined. */
  const continuation = (l: string): string | undefined => (lineContinues(l) ? '\\' : powershell && lineContinues(l, '`') ? '`' : undefined);

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
      remote = prompt.remote && !startsDocker(prompt.command);
    } else if (raw.trimStart().startsWith('#')) {
      rows.push({ kind: 'comment', text: raw });
      i++;
      continue;
    }
    const start = i;
    const shown: string[] = [raw];
    const parts: string[] = [];
    let current = first;
    for (let escape = continuation(current); escape !== undefined && i + 1 < lines.length; escape = continuation(current)) {
      parts.push(withoutContinuation(current, escape));
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
