// What the Labs view shows, as plain data: each session with its progress (`7/21`) and each
// step with its state. The editor turns these into tree items (vscode/labsView.ts); the
// walkthroughs read the same progress, so both always agree.
import type { Lab, StepStatus } from '../labModel';
import { summarize, type SessionProgress } from '../progress/progress';

/** A step's state as the view marks it: an expected-failure step that passed saw its error. */
export type StepState = StepStatus | 'expected-failure-seen';

export interface LabsTreeStep {
  sessionId: string;
  stepId: string;
  title: string;
  state: StepState;
}

export interface LabsTreeSession {
  sessionId: string;
  title: string;
  passed: number;
  total: number;
  /** Any step with an outcome, a ticked box or an opened solution. */
  started: boolean;
  steps: LabsTreeStep[];
}

export function stepState(lab: Pick<Lab, 'steps'>, progress: SessionProgress, stepId: string, running = false): StepState {
  if (running) return 'running';
  const status = progress.steps[stepId]?.status ?? 'not-started';
  const step = lab.steps.find((s) => s.id === stepId);
  return status === 'passed' && step?.expect?.failure && !progress.steps[stepId]?.byHand ? 'expected-failure-seen' : status;
}

export function labsTreeSession(lab: Lab, progress: SessionProgress, isRunning: (stepId: string) => boolean = () => false): LabsTreeSession {
  const summary = summarize(lab, progress);
  return {
    sessionId: lab.id,
    title: lab.title[lab.lang] ?? lab.title.en,
    passed: summary.passed,
    total: summary.total,
    started: Object.keys(progress.steps).length > 0,
    steps: lab.steps.map((s) => ({ sessionId: lab.id, stepId: s.id, title: s.title || s.id, state: stepState(lab, progress, s.id, isRunning(s.id)) })),
  };
}
