// What is running now and how each command last ended, per step of one open lab: what
// the view's ✓/✗ marks show and what ✓ Check judges. Not persisted (an outcome is only
// meaningful against the Docker state it left, which a reload does not keep).
import type { ExecutedCommand, LastRuns } from './runner';

export interface LiveCommand {
  running: boolean;
  /** How it last ended (kept while it runs again). */
  executed?: ExecutedCommand;
}

export class LiveRuns {
  private readonly runningSteps = new Set<string>();
  private readonly commands = new Map<string, Map<number, LiveCommand>>();

  isRunning(stepId: string): boolean {
    return this.runningSteps.has(stepId);
  }

  /** Marks a step running; false when it already is (a second ▶ while the first runs). */
  startStep(stepId: string, options: { fresh: boolean }): boolean {
    if (this.runningSteps.has(stepId)) return false;
    this.runningSteps.add(stepId);
    if (options.fresh) this.commands.delete(stepId);
    return true;
  }

  endStep(stepId: string): void {
    this.runningSteps.delete(stepId);
  }

  commandStarted(stepId: string, index: number): void {
    this.commandsOf(stepId).set(index, { ...this.commandsOf(stepId).get(index), running: true });
  }

  commandEnded(stepId: string, index: number, executed: ExecutedCommand | undefined): void {
    if (executed) this.commandsOf(stepId).set(index, { running: false, executed });
    else this.commandsOf(stepId).delete(index);
  }

  /** Per command index: running, and how it last ended. */
  command(stepId: string, index: number): LiveCommand | undefined {
    return this.commands.get(stepId)?.get(index);
  }

  /** The last outcome of each command of the step that has one. */
  last(stepId: string): LastRuns {
    const out = new Map<number, ExecutedCommand>();
    for (const [index, c] of this.commands.get(stepId) ?? []) if (c.executed) out.set(index, c.executed);
    return out;
  }

  /** Everything forgotten (the lab's files changed, its progress was reset). */
  clear(): void {
    this.commands.clear();
  }

  private commandsOf(stepId: string): Map<number, LiveCommand> {
    let m = this.commands.get(stepId);
    if (!m) this.commands.set(stepId, (m = new Map()));
    return m;
  }
}
