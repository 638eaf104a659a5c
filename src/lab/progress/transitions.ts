// How a session's progress changes: a step's outcome recorded, a step marked done by hand,
// a checkpoint ticked, the steps forgotten. Pure: each returns a new SessionProgress and
// leaves the one it was given alone; the editor saves the result and sets the walkthrough
// context keys from `passed`.
import type { Localized } from '../../util/i18n';
import type { Step, VariableValues } from '../labModel';
import { emptyResources } from '../labModel';
import type { StepResult } from '../run/runner';
import type { SessionProgress, StepProgress } from './progress';

const EXPECTED_FAILURE_SEEN: Localized = { ko: '기대한 오류를 확인했습니다.', en: 'The expected error was recognised.' };
const MARKED_BY_HAND: Localized = { ko: '직접 완료로 표시했습니다.', en: 'Marked done by hand.' };

function withStep(progress: SessionProgress, stepId: string, step: StepProgress): SessionProgress {
  return { ...progress, steps: { ...progress.steps, [stepId]: step } };
}

/** A run or check's result: its status, why (a note or the expected failure when it passed), not by hand. */
export function recordStepResult(progress: SessionProgress, result: StepResult, now = new Date()): SessionProgress {
  const previous = progress.steps[result.stepId];
  const reason = result.status === 'passed' ? (result.notes[0] ?? (result.expectedFailure ? EXPECTED_FAILURE_SEEN : undefined)) : result.reason;
  return withStep(progress, result.stepId, { ...previous, status: result.status, reason, at: now.toISOString(), byHand: false });
}

/** The learner says the step is done (a terminal without shell integration, a manual check). */
export function markStepDone(progress: SessionProgress, stepId: string, now = new Date()): SessionProgress {
  return withStep(progress, stepId, { ...progress.steps[stepId], status: 'passed', byHand: true, reason: MARKED_BY_HAND, at: now.toISOString() });
}

/** Ticks or unticks checkpoint `index` of a step; an index the step does not have changes nothing. */
export function tickCheckpoint(progress: SessionProgress, step: Step, index: number, checked: boolean, now = new Date()): SessionProgress {
  if (!Number.isInteger(index) || index < 0 || index >= step.manual.length) return progress;
  const previous: StepProgress = progress.steps[step.id] ?? { status: 'not-started', at: now.toISOString() };
  const ticked = new Set(previous.ticked ?? []);
  if (checked) ticked.add(index);
  else ticked.delete(index);
  return withStep(progress, step.id, { ...previous, ticked: [...ticked].sort((a, b) => a - b) });
}

/** The learner opened the step's solution: one more reveal, the step's status unchanged. */
export function revealSolution(progress: SessionProgress, step: Step, now = new Date()): SessionProgress {
  if (!step.solution) return progress;
  const previous: StepProgress = progress.steps[step.id] ?? { status: 'not-started', at: now.toISOString() };
  return withStep(progress, step.id, { ...previous, solutionReveals: (previous.solutionReveals ?? 0) + 1 });
}

/** Every checkpoint ticked, and a `manual:` check confirmed by hand when the step has one. */
export function checkpointsDone(progress: SessionProgress, step: Step): boolean {
  const p = progress.steps[step.id];
  const ticked = new Set(p?.ticked ?? []);
  const manualChecks = step.checks.filter((c) => c.kind === 'manual').length;
  return step.manual.every((_m, i) => ticked.has(i)) && (manualChecks === 0 || p?.byHand === true);
}

/** A step with nothing to run or check automatically: ticking its last box checks it. */
export function onlyCheckpoints(step: Step): boolean {
  return !step.commands.some((c) => c.runnable) && step.checks.every((c) => c.kind === 'manual');
}

/** Forgets the steps; the variables and the created objects stay (resetting the lab removes those). */
export function resetStepProgress(progress: SessionProgress, now = new Date()): SessionProgress {
  return { ...progress, steps: {}, updated: now.toISOString() };
}

/** The learner's values for the lab's variables. */
export function setVariables(progress: SessionProgress, variables: VariableValues): SessionProgress {
  return { ...progress, variables: { ...variables } };
}

/** After a reset of the lab: nothing it created is left. */
export function clearCreated(progress: SessionProgress): SessionProgress {
  return { ...progress, created: emptyResources() };
}
