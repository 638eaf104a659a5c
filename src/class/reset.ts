// "Reset pair N": the lab's own scoped reset for that pair's values: only the objects the
// lab declares or creates under pair N's names, nothing of another pair or outside the lab.
import { describePlan, executeReset, labObjects, planReset, type DockerState, type Lab, type ResetOutcome, type ResetPlan } from '../lab';
import { pairValues } from './grid';

export interface PairResetPlan {
  pair: number;
  plan: ResetPlan;
  /** One line per action (`remove container pair3-web`), for the confirmation. */
  lines: string[];
}

export async function planPairReset(state: DockerState, lab: Lab, pair: number): Promise<PairResetPlan> {
  const plan = await planReset(state, labObjects(lab, pairValues(pair)));
  return { pair, plan, lines: describePlan(plan) };
}

export function resetPair(state: DockerState, planned: PairResetPlan): Promise<ResetOutcome> {
  return executeReset(state, planned.plan);
}
