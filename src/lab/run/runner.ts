// Running a step: precondition, commands in order (through an Executor: a child shell
// for the CLI, the integrated terminal in the editor), the expected failure, then the
// checks. Pure: the editor and the CLI share it.
import type { Localized } from '../../util/i18n';
import { evaluateCheck, resolveCheck, type CheckOutcome } from '../check/checks';
import type { Check, Destructive, Lab, LabOs, ResourceSet, Step, StepStatus, VariableValues } from '../labModel';
import { describePlan, executeReset, labObjects, planReset } from '../reset/reset';
import { commandTraits, createdObjects } from './created';
import type { DockerState, Environment } from '../check/state';
import { substitute } from '../load/template';
import { LAB_OS_NAME, labOsOf } from '../load/fences';

export interface CommandOutcome {
  /** Undefined when the executor could not observe it (terminal without shell integration). */
  exitCode?: number;
  output?: string;
  observed: boolean;
  /** Stopped after its time ran out. */
  timedOut?: boolean;
}

export interface Executor {
  run(commandLine: string, options: { timeoutMs: number; longRunning: boolean }): Promise<CommandOutcome>;
}

export type DestructiveChoice = 'run' | 'scoped' | 'skip';

export interface RunContext {
  lab: Lab;
  vars: VariableValues;
  docker: DockerState;
  env: Environment;
  executor: Executor;
  /** The CLI: headless alternatives, no TTY, manual checkpoints are not asked. */
  headless: boolean;
  /** The learner's system, for steps that name theirs (default: this process's). */
  os?: LabOs;
  /** What to do with a command that reaches beyond the lab. */
  onDestructive(command: string, destructive: Destructive, step: Step): Promise<DestructiveChoice>;
  /** Whether the learner ticked every manual checkpoint of the step (editor). */
  manualDone?(step: Step): boolean;
  /** Objects created while running (filled in as commands succeed). */
  tracked: ResourceSet;
  signal?: AbortSignal;
  /** Seconds a command may run when the step sets no timeout. */
  defaultTimeoutS?: number;
  /** Seconds a never-ending command (logs -f, ping) runs headless before it is stopped. */
  longRunningS?: number;
  /** `index` as runCommand got it: in step.commands, or in step.headless for the headless form. */
  onCommandStart?(step: Step, index: number, text: string): void;
  onCommandEnd?(step: Step, index: number, executed: ExecutedCommand): void;
}

export interface ExecutedCommand {
  /** Index in step.commands, or undefined for a headless replacement. */
  index?: number;
  text: string;
  outcome?: CommandOutcome;
  /** Why it was not run. */
  skipped?: Localized;
  /** What ran instead (the scoped reset of a destructive command). */
  replacedBy?: string[];
  /** Runs until stopped (logs -f, ping): being stopped is not a failure. */
  longRunning?: boolean;
}

export interface CheckResult {
  label: string;
  ok: boolean | undefined;
  message?: Localized;
}

export interface StepResult {
  stepId: string;
  status: Extract<StepStatus, 'passed' | 'failed' | 'skipped'>;
  reason?: Localized;
  /** Remarks that do not change the status (skipped interactive commands, manual checkpoints). */
  notes: Localized[];
  commands: ExecutedCommand[];
  checks: CheckResult[];
  /** The expected failure was seen. */
  expectedFailure?: boolean;
}

const msg = (ko: string, en: string): Localized => ({ ko, en });

export function checkLabel(check: Check): string {
  switch (check.kind) {
    case 'image':
      return `image ${check.ref}${check.absent ? ' absent' : ''}`;
    case 'container':
      return `container ${check.name}${check.state ? ` ${check.state}` : ''}`;
    case 'network':
      return `network ${check.name}${check.absent ? ' absent' : ''}`;
    case 'volume':
      return `volume ${check.name}${check.mountedIn ? ` in ${check.mountedIn}` : ''}${check.absent ? ' absent' : ''}`;
    case 'logs':
      return `logs ${check.container} ∋ "${check.contains}"`;
    case 'exec':
      return `exec ${check.container} ${check.command.join(' ')}`;
    case 'http':
      return `GET ${check.url}`;
    case 'lint':
      return `lint ${check.path}`;
    case 'file':
      return `file ${check.path}`;
    case 'manual':
      return typeof check.text === 'string' ? check.text : check.text.en;
    case 'compose':
      return `compose ${check.project}${check.absent ? ' absent' : ''}`;
  }
}

/** A command a step runs here; `index` is its index in step.commands (none for a headless replacement). */
export interface PlannedCommand {
  index?: number;
  text: string;
  interactive: boolean;
  longRunning: boolean;
  destructive?: Destructive;
}

/** The commands a step runs here: its runnable Markdown commands, or its headless form. */
export function plannedCommands(step: Step, headless: boolean): PlannedCommand[] | 'no-headless' {
  if (headless && step.headless === false) return 'no-headless';
  if (headless && Array.isArray(step.headless)) return step.headless.map((text) => ({ text, ...commandTraits(text) }));
  return step.commands.filter((c) => c.runnable).map((c) => ({ index: c.index, text: c.text, interactive: c.interactive, longRunning: c.longRunning, destructive: c.destructive }));
}

async function evaluateAll(checks: Check[], ctx: RunContext): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  for (const raw of checks) {
    let check: Check;
    try {
      check = resolveCheck(raw, ctx.vars, ctx.lab.variables);
    } catch (err) {
      out.push({ label: checkLabel(raw), ok: false, message: msg(`확인 항목을 채울 수 없습니다: ${(err as Error).message}`, `cannot fill in the check: ${(err as Error).message}`) });
      continue;
    }
    const outcome: CheckOutcome = await evaluateCheck(check, ctx.docker, ctx.env, { signal: ctx.signal });
    out.push({ label: checkLabel(check), ok: outcome.ok, message: outcome.message });
  }
  return out;
}

/** The line of a command's output that says what went wrong (docker prints usage after it). */
function lastLine(text: string | undefined): string {
  const lines = (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  const telling = [...lines].reverse().find((l) => /error|denied|not found|no such|already|allocated|not available|bad address|refused|conflict/i.test(l) && !/--help/.test(l));
  return (telling ?? lines[lines.length - 1] ?? '').slice(0, 200);
}

/** Records the objects a successful command created, and the id `docker run -d` printed. */
export function recordCreated(tracked: ResourceSet, text: string, outcome: CommandOutcome): void {
  if (outcome.observed && outcome.exitCode !== 0 && !outcome.timedOut) return;
  const created = createdObjects(text);
  if (/\bdocker\s+(container\s+)?run\b/.test(text) && created.containers.length === 0 && outcome.output) {
    const id = /^([0-9a-f]{64})\s*$/m.exec(outcome.output)?.[1];
    if (id) created.containers.push(id.slice(0, 12));
  }
  for (const k of Object.keys(created) as (keyof ResourceSet)[]) {
    for (const v of created[k]) if (!tracked[k].includes(v)) tracked[k].push(v);
  }
}

/**
 * Judges a step from the commands that ran (the expected failure, command exit codes),
 * its checks and its manual checkpoints.
 */
export async function evaluateStep(ctx: RunContext, step: Step, executed: ExecutedCommand[]): Promise<StepResult> {
  const result: StepResult = { stepId: step.id, status: 'passed', notes: [], commands: executed, checks: [] };
  const ran = executed.filter((e) => e.outcome);

  const planned = plannedCommands(step, ctx.headless);
  const count = planned === 'no-headless' ? 0 : planned.length;
  const targetIndex = step.expect ? (step.expect.command ?? count) - 1 : -1;

  if (step.expect) {
    const target = executed[targetIndex];
    const outcome = target?.outcome;
    if (!target || !outcome) {
      return { ...result, status: 'failed', reason: msg('이 단계의 명령을 먼저 실행해야 기대한 오류를 확인할 수 있습니다.', "Run this step's command first so the expected error can be seen.") };
    }
    if (!outcome.observed) {
      return { ...result, status: 'failed', reason: msg('터미널에서 명령의 결과를 읽을 수 없었습니다(셸 통합 없음). 오류를 직접 보았다면 이 단계를 완료로 표시하세요.', 'The terminal did not report the outcome (no shell integration); if you saw the error, mark the step done by hand.') };
    }
    const failed = outcome.exitCode !== 0;
    if (step.expect.failure && !failed) {
      return { ...result, status: 'failed', reason: msg(`\`${target.text}\`가 실패해야 하는데 성공했습니다. 앞 단계가 만든 상태(이름, 포트)가 아직 있는지 확인하세요.`, `\`${target.text}\` was expected to fail but succeeded; check that what the earlier step created (the name, the port) is still there.`) };
    }
    if (step.expect.exitCode !== undefined && outcome.exitCode !== step.expect.exitCode) {
      return { ...result, status: 'failed', reason: msg(`\`${target.text}\`의 종료 코드가 ${outcome.exitCode}입니다(기대한 종료 코드: ${step.expect.exitCode}).`, `\`${target.text}\` exited with ${outcome.exitCode}, not ${step.expect.exitCode}.`) };
    }
    if (step.expect.output && !new RegExp(step.expect.output, 'i').test(outcome.output ?? '')) {
      return { ...result, status: 'failed', reason: msg(`\`${target.text}\`가 실패했지만 기대한 오류("${step.expect.output}")가 아닙니다: ${lastLine(outcome.output)}`, `\`${target.text}\` failed, but not with the expected error ("${step.expect.output}"): ${lastLine(outcome.output)}`) };
    }
    if (!step.expect.failure && failed) {
      return { ...result, status: 'failed', reason: msg(`\`${target.text}\`가 실패했습니다(종료 코드 ${outcome.exitCode}).`, `\`${target.text}\` failed (exit code ${outcome.exitCode}).`) };
    }
    result.expectedFailure = step.expect.failure;
  }

  for (const [k, e] of executed.entries()) {
    const o = e.outcome;
    if (k === targetIndex || !o || !o.observed) continue;
    if (o.timedOut && e.longRunning) continue;
    if (o.timedOut) {
      return { ...result, status: 'failed', reason: msg(`\`${e.text}\`가 제한 시간 안에 끝나지 않았습니다.`, `\`${e.text}\` did not finish in time.`) };
    }
    if (o.exitCode === 0) continue;
    return { ...result, status: 'failed', reason: msg(`\`${e.text}\`가 종료 코드 ${o.exitCode}로 실패했습니다: ${lastLine(o.output)}`, `\`${e.text}\` failed with exit code ${o.exitCode}: ${lastLine(o.output)}`) };
  }

  result.checks = await evaluateAll(step.checks, ctx);
  const failedCheck = result.checks.find((c) => c.ok === false);
  if (failedCheck) return { ...result, status: 'failed', reason: failedCheck.message };

  const manualCount = step.manual.length + step.checks.filter((c) => c.kind === 'manual').length;
  const automatic = ran.length > 0 || result.checks.some((c) => c.ok === true);
  if (manualCount > 0) {
    if (ctx.headless) {
      if (!automatic) return { ...result, status: 'skipped', reason: msg('직접 확인하는 체크포인트만 있는 단계입니다.', 'This step only has checkpoints the learner ticks.') };
      result.notes.push(msg(`직접 확인하는 체크포인트 ${manualCount}개는 확인하지 않았습니다.`, `${manualCount} manual checkpoint(s) not verified.`));
    } else if (!ctx.manualDone?.(step)) {
      return { ...result, status: 'failed', reason: msg('체크포인트를 모두 직접 체크해야 완료됩니다.', 'Tick every checkpoint to complete this step.') };
    }
  }
  if (!automatic && manualCount === 0) {
    return { ...result, status: 'skipped', reason: msg('이 단계에는 실행하거나 확인할 것이 없습니다.', 'Nothing to run or check in this step.') };
  }
  return result;
}

/** Runs the scoped equivalent of a destructive command; returns what it did. */
export async function runScoped(ctx: RunContext, destructive: Destructive): Promise<{ outcome: CommandOutcome; actions: string[] }> {
  const plan = await planReset(ctx.docker, labObjects(ctx.lab, ctx.vars, ctx.tracked), destructive);
  const actions = describePlan(plan);
  const done = await executeReset(ctx.docker, plan);
  const output = [...done.done, ...done.errors.map((e) => `error: ${e}`)].join('\n');
  return { outcome: { observed: true, exitCode: done.errors.length ? 1 : 0, output }, actions };
}

/**
 * Whether the step's automatic checks already pass before any of its commands runs: then
 * they observe what earlier steps left, not what this step does, and a learner who skips
 * the step still sees it tick. Steps that expect a failure, or have no automatic check, are
 * judged by their commands and never count.
 */
export async function checksPassBeforeRun(ctx: RunContext, step: Step): Promise<boolean> {
  if (step.expect) return false;
  const automatic = step.checks.filter((c) => c.kind !== 'manual');
  if (!automatic.length) return false;
  const results = await evaluateAll(automatic, ctx);
  return results.every((r) => r.ok === true);
}

/** Fails the step when its precondition is missing (nothing has run yet). */
export async function checkPrecondition(ctx: RunContext, step: Step): Promise<StepResult | undefined> {
  if (!step.precondition.length) return undefined;
  const pre = await evaluateAll(step.precondition, ctx);
  const missing = pre.find((c) => c.ok === false);
  if (!missing) return undefined;
  return {
    stepId: step.id,
    status: 'failed',
    notes: [],
    commands: [],
    checks: pre,
    reason: msg(`이 단계를 시작할 조건이 갖춰지지 않았습니다: ${missing.message?.ko ?? missing.label} 앞 단계를 먼저 완료하세요.`, `This step's precondition is missing: ${missing.message?.en ?? missing.label} Complete the earlier step first.`),
  };
}

/** The command `index` names: in step.commands, or in step.headless when the CLI runs that form instead. */
function plannedCommand(step: Step, headless: boolean, index: number): PlannedCommand | undefined {
  const planned = plannedCommands(step, headless);
  if (planned === 'no-headless') return undefined;
  return headless && Array.isArray(step.headless) ? planned[index] : planned.find((p) => p.index === index);
}

/** What running one command came to. */
export type CommandRun =
  /** It ran (or was skipped, or replaced by the scoped cleanup): `failed` when the step cannot go on after it. */
  | { kind: 'ran'; command: ExecutedCommand; failed: boolean }
  /** It did not start: the precondition is missing or its text cannot be filled in. */
  | { kind: 'blocked'; result: StepResult }
  /** No runnable command has that index. */
  | { kind: 'unknown' };

export interface RunCommandOptions {
  /**
   * Check the step's precondition first (default). runStep checks it once before the
   * first command; the ▶ of one command checks it when the step starts with that command.
   */
  precondition?: boolean;
}

/**
 * Runs one command of a step, the same way for "run step" and for the ▶ of one command:
 * the precondition, the templates filled in, the TTY and destructive rules, the step's
 * timeout, and what it created recorded in ctx.tracked. `index` is the command's index in
 * step.commands (or in step.headless when the CLI runs the headless form); the callbacks
 * carry the same index.
 */
export async function runCommand(ctx: RunContext, step: Step, index: number, options: RunCommandOptions = {}): Promise<CommandRun> {
  const p = plannedCommand(step, ctx.headless, index);
  if (!p) return { kind: 'unknown' };
  const empty: StepResult = { stepId: step.id, status: 'failed', notes: [], commands: [], checks: [] };
  if (options.precondition !== false) {
    const missing = await checkPrecondition(ctx, step);
    if (missing) return { kind: 'blocked', result: missing };
  }
  let text: string;
  try {
    text = substitute(p.text, ctx.vars, ctx.lab.variables);
  } catch (err) {
    return { kind: 'blocked', result: { ...empty, reason: msg(`명령을 채울 수 없습니다: ${(err as Error).message}`, `cannot fill in the command: ${(err as Error).message}`) } };
  }
  if (ctx.headless && p.interactive) {
    return { kind: 'ran', failed: false, command: { index: p.index, text, skipped: msg('터미널(TTY)이 필요한 명령이라 건너뛰었습니다.', 'Skipped: it needs a terminal (TTY).') } };
  }
  if (p.destructive) {
    const choice = await ctx.onDestructive(text, p.destructive, step);
    if (choice === 'skip') {
      return { kind: 'ran', failed: false, command: { index: p.index, text, skipped: msg('실습 밖의 Docker 객체까지 지우는 명령이라 건너뛰었습니다.', 'Skipped: it reaches beyond the lab.') } };
    }
    if (choice === 'scoped') {
      ctx.onCommandStart?.(step, index, text);
      const { outcome, actions } = await runScoped(ctx, p.destructive);
      const e: ExecutedCommand = { index: p.index, text, outcome, replacedBy: actions, skipped: msg('실습 범위로 줄인 정리로 대신했습니다.', 'Replaced by the lab-scoped cleanup.') };
      ctx.onCommandEnd?.(step, index, e);
      return { kind: 'ran', failed: false, command: e };
    }
  }
  ctx.onCommandStart?.(step, index, text);
  const timeoutS = p.longRunning && ctx.headless ? (ctx.longRunningS ?? 5) : (step.timeout ?? ctx.defaultTimeoutS ?? 300);
  const outcome = await ctx.executor.run(text, { timeoutMs: timeoutS * 1000, longRunning: p.longRunning });
  const e: ExecutedCommand = { index: p.index, text, outcome, longRunning: p.longRunning };
  recordCreated(ctx.tracked, text, outcome);
  ctx.onCommandEnd?.(step, index, e);
  const failed = outcome.observed && outcome.exitCode !== 0 && !(outcome.timedOut && p.longRunning);
  return { kind: 'ran', failed, command: e };
}

/** Runs a whole step: precondition, commands (each through runCommand), then evaluateStep. */
export async function runStep(ctx: RunContext, step: Step): Promise<StepResult> {
  const empty: StepResult = { stepId: step.id, status: 'skipped', notes: [], commands: [], checks: [] };
  const learnerOs = ctx.os ?? labOsOf(process.platform);
  if (step.os && !step.os.includes(learnerOs)) {
    const names = step.os.map((o) => LAB_OS_NAME[o]).join(', ');
    return { ...empty, reason: msg(`이 단계는 ${names}에서만 실습합니다(지금은 ${LAB_OS_NAME[learnerOs]}).`, `This step is for ${names} only (this is ${LAB_OS_NAME[learnerOs]}).`) };
  }
  const planned = plannedCommands(step, ctx.headless);
  if (planned === 'no-headless') {
    return { ...empty, reason: msg('이 단계는 터미널에서만 실습합니다(헤드리스 실행에서 건너뜀).', 'This step is for the terminal only (skipped headless).') };
  }
  const missing = await checkPrecondition(ctx, step);
  if (missing) return missing;
  const replaced = ctx.headless && Array.isArray(step.headless);
  const executed: ExecutedCommand[] = [];
  const expectIndex = step.expect ? (step.expect.command ?? planned.length) - 1 : -1;
  for (let k = 0; k < planned.length; k++) {
    if (ctx.signal?.aborted) break;
    const run = await runCommand(ctx, step, replaced ? k : planned[k].index!, { precondition: false });
    if (run.kind === 'unknown') continue;
    if (run.kind === 'blocked') return { ...run.result, commands: executed };
    executed.push(run.command);
    if (run.failed && k !== expectIndex) break; // later commands depend on this one
  }
  return evaluateStep(ctx, step, executed);
}

/** The last outcome of each command of a step, by its index in step.commands (what the ▶ buttons left). */
export type LastRuns = ReadonlyMap<number, ExecutedCommand>;

/**
 * Whether running command `index` on its own starts the step (so its precondition
 * applies): no runnable command before it has run since the step was last started.
 */
export function startsStep(step: Step, index: number, last: LastRuns): boolean {
  return !step.commands.some((c) => c.runnable && c.index < index && last.get(c.index)?.outcome);
}

/** Whether `index` is the step's last runnable command (after it, the ▶ route checks the step). */
export function isLastCommand(step: Step, index: number): boolean {
  const runnable = step.commands.filter((c) => c.runnable);
  return runnable[runnable.length - 1]?.index === index;
}

/** ✓ Check: judges a step from the last outcome of each of its commands. */
export async function checkStep(ctx: RunContext, step: Step, last: LastRuns): Promise<StepResult> {
  const planned = plannedCommands(step, ctx.headless);
  const executed: ExecutedCommand[] =
    planned === 'no-headless'
      ? []
      : planned.map((p) => {
          const ran = p.index === undefined ? undefined : last.get(p.index);
          return { index: p.index, text: ran?.text ?? fill(ctx, p.text), outcome: ran?.outcome, longRunning: p.longRunning };
        });
  return evaluateStep(ctx, step, executed);
}

/** A command's text with the learner's values, or as written when it cannot be filled in. */
function fill(ctx: RunContext, template: string): string {
  try {
    return substitute(template, ctx.vars, ctx.lab.variables);
  } catch {
    return template;
  }
}
