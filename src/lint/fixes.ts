// Edits quick fixes are built from, computed from the model (never from
// guessed text positions): append to a RUN, insert a flag, add or remove an
// instruction line, create a non-root user.
import type { Localized } from '../util/i18n';
import { createdUser } from './shellCommands';
import type { LintFacts } from './facts/lintFacts';
import { libraryName } from './images';
import type { Instr, Stage } from './parse/model';
import type { ShellWord } from './parse/shell';
import { joinContinuations } from '../shell';
import type { EditSpec, RuleContext } from './rule';

/** Inserts ` text` right after a word (`apk add` → `apk add --no-cache`). */
export function insertAfter(word: ShellWord, text: string): EditSpec {
  return { start: word.end, end: word.end, text: ' ' + text };
}

/**
 * Appends `&& snippet` to a shell-form RUN when its last command ends the
 * script at top level (not inside a group, before a comment or a heredoc).
 */
export function appendToRun(ctx: LintFacts, ins: Instr, snippet: string): EditSpec | null {
  if (ins.isJsonForm || ins.heredocs.length > 0) return null;
  const cmds = ctx.script(ins).commands;
  const last = cmds[cmds.length - 1];
  if (!last || last.depth !== 0 || last.next === '&' || last.next === '|') return null;
  const tail = ctx.text.slice(last.end, ins.logicalEnd);
  // Only blanks, `;` or a continuation may follow the last command.
  if (!/^[\s;]*$/.test(joinContinuations(tail, ctx.doc.escape))) return null;
  return { start: last.end, end: last.end, text: ` && ${snippet}` };
}

/** A new line with `line` before the instruction, indented like it. */
export function insertLineBefore(ctx: LintFacts, ins: Instr, line: string): EditSpec {
  const at = ctx.lineStartAt(ins.start);
  return { start: at, end: at, text: ctx.indentAt(ins.start) + line + ctx.eol };
}

/** New lines after the instruction (after its heredocs, if any). */
export function insertLinesAfter(ctx: LintFacts, ins: Instr, lines: string[]): EditSpec {
  const indent = ctx.indentAt(ins.start);
  return { start: ins.end, end: ins.end, text: lines.map((l) => ctx.eol + indent + l).join('') };
}

/** Removes the instruction's lines, line break included. */
export function deleteInstruction(ctx: LintFacts, ins: Instr): EditSpec {
  const start = ctx.lineStartAt(ins.start);
  const lines = ctx.doc.lines;
  const lastLine = lines.lineOf(ins.end);
  const end = lastLine + 1 < lines.lineCount ? lines.starts[lastLine + 1] : ins.end;
  // At the end of the file, take the line break before instead.
  if (end === ins.end && start > 0) {
    let s = start - 1;
    if (s > 0 && ctx.text[s] === '\n' && ctx.text[s - 1] === '\r') s--;
    return { start: s, end, text: '' };
  }
  return { start, end, text: '' };
}

export interface UserSetup {
  /** Shell command creating the user, when the image needs one. */
  create: string | null;
  user: string;
}

/**
 * How to make a stage run as a non-root user, in the course's style: reuse a
 * user the stage creates (or the `node` user of the official Node images),
 * else create one (`adduser -D` on Alpine, `useradd` on Debian/RHEL), or use
 * a numeric id on images without a user database (scratch, distroless).
 * Null when the image's OS is unknown (no safe way to create a user).
 */
export function userSetup(ctx: LintFacts, stage: Stage): UserSetup | null {
  for (let s: Stage | null = stage; s; s = s.parent) {
    for (const ins of s.instructions) {
      if (ins.keyword !== 'RUN') continue;
      for (const c of ctx.commands(ins)) {
        const user = createdUser(c);
        if (user && user !== 'root') return { create: null, user };
      }
    }
  }
  const root = ctx.rootImage(stage);
  if (root && libraryName(root) === 'node') return { create: null, user: 'node' };
  switch (ctx.os(stage)) {
    case 'alpine':
      return { create: 'adduser -D appuser', user: 'appuser' };
    case 'debian':
    case 'rhel':
      return { create: 'useradd --create-home appuser', user: 'appuser' };
    case 'scratch':
      return { create: null, user: '65534:65534' };
    case 'distroless':
      return { create: null, user: '65532:65532' };
    default:
      return null;
  }
}

/**
 * Edits that create (if needed) and switch to the user after the stage's last
 * root-needing instruction. The user creation joins that RUN when it is one,
 * so the fix adds no layer (and no consecutive-RUN finding).
 */
export function userFixEdits(ctx: LintFacts, stage: Stage, setup: UserSetup): EditSpec[] {
  const at = userInsertionPoint(stage);
  const USER = `${ctx.keyword('USER')} ${setup.user}`;
  if (!setup.create) return [insertLinesAfter(ctx, at, [USER])];
  const joined = at.keyword === 'RUN' && ctx.posix(at) ? appendToRun(ctx, at, setup.create) : null;
  if (joined) return [joined, insertLinesAfter(ctx, at, [USER])];
  return [insertLinesAfter(ctx, at, [`${ctx.keyword('RUN')} ${setup.create}`, USER])];
}

/**
 * Where to switch user in a stage: after the last instruction that may need
 * root (RUN, COPY, ADD) and after any `USER` already there, so the build keeps
 * working and the switch is what the container runs with.
 */
export function userInsertionPoint(stage: Stage): Instr {
  let at = stage.from;
  for (const ins of stage.instructions) {
    if (ins.keyword === 'RUN' || ins.keyword === 'COPY' || ins.keyword === 'ADD' || ins.keyword === 'USER') at = ins;
  }
  return at;
}

/**
 * Reports every earlier `keyword` instruction of a stage that a later one overrides
 * (CMD, ENTRYPOINT: only the last takes effect), with a fix that deletes it.
 */
export function reportOverridden(ctx: RuleContext, keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK'): void {
  for (const stage of ctx.facts.stages) {
    const all = stage.instructions.filter((i) => i.keyword === keyword);
    const last = all[all.length - 1];
    for (const ins of all.slice(0, -1)) {
      ctx.report({
        start: ins.start,
        end: ins.logicalEnd,
        messageId: 'overridden',
        data: { line: last.line + 1 },
        fix: { messageId: 'removeIgnored', edits: [deleteInstruction(ctx.facts, ins)] },
      });
    }
  }
}

/** The messages of a rule reporting with `reportOverridden`. */
export function overriddenMessages(keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK', overridden: Localized): Record<'overridden' | 'removeIgnored', Localized> {
  return { overridden, removeIgnored: { ko: `무시되는 ${keyword} 삭제`, en: `Remove the ignored ${keyword}` } };
}
