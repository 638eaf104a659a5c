// What the view draws for each step: progress, the live run, the language.
import type { Lang } from '../../util/i18n';
import type { Lab } from '../labModel';
import type { SessionProgress } from '../progress/progress';
import type { LiveRuns } from '../run/liveRuns';
import type { CommandView, StepView } from './protocol';

export function stepViews(lab: Lab, progress: SessionProgress, live: LiveRuns, lang: Lang): Record<string, StepView> {
  const steps: Record<string, StepView> = {};
  for (const step of lab.steps) {
    const p = progress.steps[step.id];
    const commands: Record<number, CommandView> = {};
    for (const c of step.commands) {
      const state = live.command(step.id, c.index);
      // A command running again shows no old exit code.
      if (state) commands[c.index] = { running: state.running, exitCode: state.running ? undefined : state.executed?.outcome?.exitCode };
    }
    steps[step.id] = {
      status: live.isRunning(step.id) ? 'running' : (p?.status ?? 'not-started'),
      reason: p?.reason?.[lang],
      showHint: p?.status === 'failed' && !!step.hint,
      commands,
      ticked: p?.ticked ?? [],
    };
    if (p?.solutionReveals) steps[step.id].solutionReveals = p.solutionReveals;
  }
  return steps;
}
