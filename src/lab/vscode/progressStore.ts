// Progress in the extension's global state (survives reloads), and the walkthrough
// context keys that follow it.
import * as vscode from 'vscode';
import type { Lab, StepStatus } from '../labModel';
import { doneContextKey, emptyProgress, reviveProgress, type SessionProgress } from '../progress/progress';

const KEY = 'dockerLabs.lab.progress';

export class ProgressStore {
  constructor(private readonly state: vscode.Memento) {}

  private all(): Record<string, unknown> {
    return this.state.get<Record<string, unknown>>(KEY) ?? {};
  }

  sessionIds(): string[] {
    return Object.keys(this.all());
  }

  get(lab: Pick<Lab, 'id' | 'title'>): SessionProgress {
    return reviveProgress(lab, this.all()[lab.id]);
  }

  async save(progress: SessionProgress): Promise<void> {
    progress.updated = new Date().toISOString();
    await this.state.update(KEY, { ...this.all(), [progress.sessionId]: progress });
  }

  /** Forgets a session's steps (variables and created objects are kept: reset removes those). */
  async clearSteps(lab: Pick<Lab, 'id' | 'title'>): Promise<SessionProgress> {
    const old = this.get(lab);
    for (const stepId of Object.keys(old.steps)) await setDone(lab.id, stepId, false);
    const fresh = { ...emptyProgress(lab), variables: old.variables, created: old.created };
    await this.save(fresh);
    return fresh;
  }

  /** Sets the context key of every passed step (on activation). */
  async restoreContextKeys(): Promise<void> {
    for (const [sessionId, raw] of Object.entries(this.all())) {
      const steps = (raw as { steps?: Record<string, { status?: StepStatus }> })?.steps ?? {};
      for (const [stepId, s] of Object.entries(steps)) if (s?.status === 'passed') await setDone(sessionId, stepId, true);
    }
  }
}

/** Walkthrough steps (`publisher.name#walkthrough#step`) by the context key that completes them. */
const walkthroughSteps = new Map<string, string>();

/** Reads which walkthrough step each `onContext:dockerLabs.done.…` key completes. */
export function indexWalkthroughs(extension: vscode.Extension<unknown>): void {
  const walkthroughs = (extension.packageJSON?.contributes?.walkthroughs ?? []) as { id: string; steps?: { id: string; completionEvents?: string[] }[] }[];
  for (const w of walkthroughs) {
    for (const step of w.steps ?? []) {
      for (const event of step.completionEvents ?? []) {
        const m = /^onContext:(dockerLabs\.done\.[A-Za-z0-9_]+\.[A-Za-z0-9_]+)$/.exec(event);
        if (m) walkthroughSteps.set(m[1], `${extension.id}#${w.id}#${step.id}`);
      }
    }
  }
}

export async function setDone(sessionId: string, stepId: string, done: boolean): Promise<void> {
  const key = doneContextKey(sessionId, stepId);
  await vscode.commands.executeCommand('setContext', key, done);
  const step = walkthroughSteps.get(key);
  if (done && step) {
    // The walkthrough service starts lazily and ignores an `onContext:` key that was already
    // true when it started; ticking the step directly covers that case.
    await Promise.resolve(vscode.commands.executeCommand('welcome.markStepComplete', step)).catch(() => undefined);
  }
}
