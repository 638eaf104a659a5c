// The lab capability's state, in one place: each session's progress (the extension's global
// state, so it survives reloads), what is running now in each open lab, and the walkthrough
// steps that tick from the `dockerLabs.done.…` context keys. Made at activation (it needs
// no lab engine beyond progress.ts), read by the manager, the sessions and the commands.
import * as vscode from 'vscode';
import type { Lab, StepStatus } from '../labModel';
import { doneContextKey, reviveProgress, type SessionProgress } from '../progress/progress';
import { resetStepProgress } from '../progress/transitions';
import { LiveRuns } from '../run/liveRuns';

const KEY = 'dockerLabs.lab.progress';

interface WalkthroughContribution {
  id: string;
  steps?: { id: string; completionEvents?: string[] }[];
}

export class LabStore {
  /** Read once per session, then kept here and written through on every change. */
  private readonly progressBySession = new Map<string, SessionProgress>();
  private readonly liveBySession = new Map<string, LiveRuns>();
  /** Walkthrough steps (`publisher.name#walkthrough#step`) by the context key that completes them. */
  private readonly walkthroughSteps = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** A session's progress or live runs changed (its id): the Labs view redraws. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    extension?: vscode.Extension<unknown>,
  ) {
    if (extension) this.indexWalkthroughs(extension);
  }

  private all(): Record<string, unknown> {
    return this.state.get<Record<string, unknown>>(KEY) ?? {};
  }

  sessionIds(): string[] {
    return Object.keys(this.all());
  }

  progress(lab: Pick<Lab, 'id' | 'title'>): SessionProgress {
    let p = this.progressBySession.get(lab.id);
    if (!p) {
      p = reviveProgress(lab, this.all()[lab.id]);
      this.progressBySession.set(lab.id, p);
    }
    return p;
  }

  async save(progress: SessionProgress): Promise<void> {
    progress.updated = new Date().toISOString();
    this.progressBySession.set(progress.sessionId, progress);
    await this.state.update(KEY, { ...this.all(), [progress.sessionId]: progress });
    this.changed.fire(progress.sessionId);
  }

  /** Something about a session changed that is not stored (a step started or ended running). */
  touch(sessionId: string): void {
    this.changed.fire(sessionId);
  }

  /** Whether any session has recorded anything (the Labs view's welcome shows until one has). */
  anyStarted(): boolean {
    return Object.values(this.all()).some((raw) => Object.keys((raw as { steps?: object } | undefined)?.steps ?? {}).length > 0);
  }

  /** What runs now in a lab, and how its commands last ended. */
  live(sessionId: string): LiveRuns {
    let live = this.liveBySession.get(sessionId);
    if (!live) this.liveBySession.set(sessionId, (live = new LiveRuns()));
    return live;
  }

  /** Forgets a session's steps (variables and created objects are kept: reset removes those). */
  async clearSteps(lab: Pick<Lab, 'id' | 'title'>): Promise<SessionProgress> {
    const old = this.progress(lab);
    for (const stepId of Object.keys(old.steps)) await this.setDone(lab.id, stepId, false);
    const fresh = resetStepProgress(old);
    await this.save(fresh);
    this.live(lab.id).clear();
    return fresh;
  }

  /** Sets the context key of every passed step (on activation). */
  async restoreContextKeys(): Promise<void> {
    for (const [sessionId, raw] of Object.entries(this.all())) {
      const steps = (raw as { steps?: Record<string, { status?: StepStatus }> })?.steps ?? {};
      for (const [stepId, s] of Object.entries(steps)) if (s?.status === 'passed') await this.setDone(sessionId, stepId, true);
    }
  }

  /** Reads which walkthrough step each `onContext:dockerLabs.done.…` key completes. */
  private indexWalkthroughs(extension: vscode.Extension<unknown>): void {
    const walkthroughs = (extension.packageJSON?.contributes?.walkthroughs ?? []) as WalkthroughContribution[];
    for (const w of walkthroughs) {
      for (const step of w.steps ?? []) {
        for (const event of step.completionEvents ?? []) {
          const m = /^onContext:(dockerLabs\.done\.[A-Za-z0-9_]+\.[A-Za-z0-9_]+)$/.exec(event);
          if (m) this.walkthroughSteps.set(m[1], `${extension.id}#${w.id}#${step.id}`);
        }
      }
    }
  }

  async setDone(sessionId: string, stepId: string, done: boolean): Promise<void> {
    const key = doneContextKey(sessionId, stepId);
    await vscode.commands.executeCommand('setContext', key, done);
    const step = this.walkthroughSteps.get(key);
    if (done && step) {
      // The walkthrough service starts lazily and ignores an `onContext:` key that was already
      // true when it started; ticking the step directly covers that case.
      await Promise.resolve(vscode.commands.executeCommand('welcome.markStepComplete', step)).catch(() => undefined);
    }
  }
}
