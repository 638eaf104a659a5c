// The shell scripts a Dockerfile hands to its shell, as ShellCheck should read
// them, each with the way back from a script offset to a Dockerfile offset.
// As hadolint does: a shebang from the stage's SHELL (its first word decides
// the dialect), an `export NAME=1` line for the ARG/ENV names in scope (and the
// proxy variables BuildKit predefines) so they do not read as unassigned, and
// shells ShellCheck does not know (pwsh, cmd, zsh…) skipped. Unlike hadolint,
// the body is the text Docker really runs: continuations (`\` or the escape
// directive's character) joined and the comment lines BuildKit drops removed,
// so a finding maps back to its exact character.
import { continuationAt, droppedLinesEnd } from '../../shell';
import type { LintFacts } from '../facts/lintFacts';
import type { DockerfileModel, Instr } from '../parse/model';

/** ShellCheck's dialects (its `--shell=` values). */
export type ShellDialect = 'sh' | 'bash' | 'dash' | 'ksh';

const DIALECTS: Record<string, ShellDialect> = { sh: 'sh', bash: 'bash', dash: 'dash', ksh: 'ksh', ash: 'dash', mksh: 'ksh', busybox: 'dash' };

/** Variables BuildKit defines for every RUN (hadolint's defaults too). */
const PREDEFINED = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];

export interface ShellScript {
  /** The instruction (index in the model) the script comes from. */
  instruction: number;
  dialect: ShellDialect;
  /** The whole script ShellCheck reads: header, then body. */
  text: string;
  /** Length of the header (shebang and exports) before the body. */
  headerLength: number;
  /** Dockerfile offset of each body character (UTF-16 index), plus one past the last. */
  offsets: number[];
  /** ShellCheck codes that mean nothing here (a body's own shebang no longer on line 1). */
  drop?: readonly number[];
}

/** The dialect ShellCheck should use for a shell executable (`/bin/bash`, `ash`, `busybox`), or null when it cannot check it. */
export function dialectOf(executable: string): ShellDialect | null {
  const base = executable.replace(/\\/g, '/').split('/').pop()!.toLowerCase().replace(/\.exe$/, '');
  return DIALECTS[base] ?? null;
}

/** Every script ShellCheck should check in the model: shell-form RUN, ONBUILD RUN and heredoc bodies run by a shell. */
export function collectScripts(model: DockerfileModel, facts: LintFacts): ShellScript[] {
  const out: ShellScript[] = [];
  for (const ins of model.instructions) {
    let bodyStart: number;
    if (ins.keyword === 'RUN') {
      if (ins.json) continue; // exec form: no shell
      bodyStart = facts.commandStart(ins);
    } else if (ins.keyword === 'ONBUILD' && ins.triggerKeyword === 'RUN') {
      const m = /^[ \t]+RUN(?=[ \t])/i.exec(model.text.slice(ins.keywordEnd, ins.logicalEnd));
      if (!m) continue; // trigger split by a continuation: rare, not worth a second parser
      bodyStart = ins.keywordEnd + m[0].length;
      if (/^\s*\[/.test(model.text.slice(bodyStart, ins.logicalEnd))) continue;
    } else continue;
    const shell = facts.shellAt(ins);
    if (!shell.posix) continue;
    const dialect = dialectOf(shell.argv[0] ?? '');
    if (!dialect) continue;
    const header = headerFor(dialect, variablesAt(facts, ins));
    const first = joinLine(model, bodyStart, ins.logicalEnd);
    const heredocs = ins.keyword === 'RUN' ? ins.heredocs : [];
    if (heredocs.length === 0) {
      out.push(script(ins.index, dialect, header, first));
      continue;
    }
    const line = model.text.slice(bodyStart, ins.logicalEnd);
    // `RUN <<EOF` alone: BuildKit runs each body as the script (its own shebang, if any, decides).
    const bare = /^(?:\s*<<-?\s*(["']?)[\w.-]+\1)+\s*$/.test(first.text);
    if (bare) {
      for (const h of heredocs) {
        const body = identity(model.text, h.bodyStart, h.bodyEnd);
        const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(body.text);
        if (shebang) {
          const exe = /(^|\/)env$/.test(shebang[1]) && shebang[2] ? shebang[2] : shebang[1];
          const own = dialectOf(exe);
          if (!own) continue; // a Python (…) heredoc
          out.push({ ...script(ins.index, own, headerFor(own, variablesAt(facts, ins)), body), drop: [1128] });
        } else out.push(script(ins.index, dialect, header, body));
      }
      continue;
    }
    // The first line with its heredocs is one shell script (`cat <<EOF > file` expands $VAR in the body)…
    const rest = identity(model.text, ins.logicalEnd, ins.end);
    out.push(script(ins.index, dialect, header, { text: first.text + rest.text, offsets: [...first.offsets.slice(0, -1), ...rest.offsets] }));
    // …and a body fed to a shell (`bash <<EOF`, `sh -e <<'EOF'`) is a script of its own.
    for (const h of heredocs) {
      const owner = new RegExp(`(?:^|[;&|(])\\s*(?:\\S*/)?(sh|bash|dash|ksh|ash|mksh)(?:\\s+-[\\w-]+)*\\s*<<-?\\s*(["']?)${escapeRegExp(h.name)}\\2`).exec(line);
      if (!owner) continue;
      const own = dialectOf(owner[1])!;
      out.push(script(ins.index, own, headerFor(own, variablesAt(facts, ins)), identity(model.text, h.bodyStart, h.bodyEnd)));
    }
  }
  return out;
}

interface Body {
  text: string;
  offsets: number[];
}

function script(instruction: number, dialect: ShellDialect, header: string, body: Body): ShellScript {
  return { instruction, dialect, text: header + body.text, headerLength: header.length, offsets: body.offsets };
}

function headerFor(dialect: ShellDialect, names: readonly string[]): string {
  return `#!/bin/${dialect}\nexport ${names.map((n) => `${n}=1`).join(' ')}\n`;
}

/** ARG (own stage) and ENV (own and parent stages) names declared before `ins`, plus the predefined ones. */
function variablesAt(facts: LintFacts, ins: Instr): string[] {
  const names = new Set(PREDEFINED);
  for (const n of facts.envBefore(ins)) names.add(n);
  for (const s of ins.stage?.instructions ?? []) {
    if (s.start >= ins.start) break;
    if (s.keyword === 'ARG') for (const p of s.properties) names.add(p.name);
  }
  return [...names].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)).sort();
}

/** The text of `[start, end)` as it is. */
function identity(text: string, start: number, end: number): Body {
  const offsets: number[] = [];
  for (let i = start; i <= end; i++) offsets.push(i);
  return { text: text.slice(start, end), offsets };
}

/**
 * The logical line `[start, end)` as the builder hands it to the shell: each
 * continuation (escape, blanks, line break) removed, and the empty and comment
 * lines after it dropped.
 */
export function joinLine(model: DockerfileModel, start: number, end: number): Body {
  const text = model.text;
  const esc = model.escape;
  let out = '';
  const offsets: number[] = [];
  let from = start;
  let i = start;
  while (i < end) {
    if (text[i] === esc) {
      const next = continuationAt(text, i, esc, end, { atEnd: true });
      if (next !== -1) {
        out += text.slice(from, i);
        for (let k = from; k < i; k++) offsets.push(k);
        from = i = next >= end ? end : droppedLinesEnd(text, next, end);
        continue;
      }
    }
    i++;
  }
  out += text.slice(from, end);
  for (let k = from; k < end; k++) offsets.push(k);
  offsets.push(end);
  return { text: out, offsets };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
