// The instructor's grid: for one session on one host, every pair × every step, judged by
// the lab engine's own check evaluation against what the daemon holds right now, without
// changing anything there. A pair none of whose lab objects exist has not started; a step
// after the last one that passed has not been reached yet; a step whose objects a later,
// passed step removed (as the lab asks) counts as passed; past that last step a step fails
// only where something it checks exists but is not right. Learners' exported progress
// files fill what the daemon cannot show (expected errors, checkpoints, cleaned-up steps).
import {
  checkLabel,
  evaluateCheck,
  labObjects,
  resolveCheck,
  type Check,
  type DockerState,
  type Environment,
  type Lab,
  type ResourceSet,
  type Step,
  type VariableValues,
} from '../lab';
import type { Localized } from '../util/i18n';

export type CellStatus = 'passed' | 'failed' | 'not-started';

export interface ClassCell {
  stepId: string;
  status: CellStatus;
  /** live: the daemon now; progress: a learner's exported progress file; none: nothing known. */
  source: 'live' | 'progress' | 'none';
  /** One sentence saying why. */
  message: Localized;
  /** The check the sentence is about (failed cells). */
  check?: string;
  /** ISO time (progress cells). */
  at?: string;
}

export interface ClassRow {
  pair: number;
  /** Some of the pair's lab objects exist on the daemon. */
  started: boolean;
  cells: ClassCell[];
  passed: number;
}

export interface ClassGrid {
  session: string;
  title: Localized;
  /** The daemon as DOCKER_HOST names it. */
  host?: string;
  steps: { id: string; title: string }[];
  rows: ClassRow[];
  checkedAt: string;
  /** Progress files merged in: whose, and which were left out and why. */
  merged: { source: string; pair?: number; used: boolean; why?: Localized }[];
}

/** The names of what exists on the daemon, listed once per refresh. */
export interface Inventory {
  containers: Set<string>;
  networks: Set<string>;
  volumes: Set<string>;
}

export interface ClassSource {
  state: DockerState;
  inventory(): Promise<Inventory>;
  env: Environment;
  host?: string;
}

const msg = (ko: string, en: string): Localized => ({ ko, en });

/** The check kinds the daemon (or a published port) can answer; lint/file live in the learner's folder. */
const LIVE_KINDS = new Set<Check['kind']>(['image', 'container', 'network', 'volume', 'logs', 'exec', 'http']);

function readOnly(): Promise<never> {
  return Promise.reject(new Error('the class view only reads the Docker state'));
}

/** How many daemon calls one refresh keeps in flight: a 30-pair class asks hundreds at once. */
export const DAEMON_CALLS_IN_FLIGHT = 16;

/** Runs at most `limit` of the calls given to it at a time, the rest in the order they came. */
export function callLimiter(limit: number): <T>(call: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(call: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await call();
    } finally {
      // The slot passes straight to the next waiting call, so `running` stays counted.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/**
 * A DockerState that answers from one listing where it can (a name not listed does not
 * exist: no 404 round trip), remembers every answer for one refresh, keeps at most
 * `inFlight` calls to the daemon running at once, and refuses to change anything.
 */
export function snapshotState(inner: DockerState, inventory: Inventory, inFlight = DAEMON_CALLS_IN_FLIGHT): DockerState {
  const memo = new Map<string, Promise<unknown>>();
  const limit = callLimiter(inFlight);
  const once = <T>(key: string, get: () => Promise<T>): Promise<T> => {
    let p = memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = limit(get);
      memo.set(key, p);
    }
    return p;
  };
  const has = (set: Set<string>, name: string): boolean => set.has(name) || /^[0-9a-f]{12,64}$/.test(name);
  return {
    image: (ref) => once(`i:${ref}`, () => inner.image(ref)),
    container: (name) => (has(inventory.containers, name) ? once(`c:${name}`, () => inner.container(name)) : Promise.resolve(undefined)),
    network: (name) => (has(inventory.networks, name) ? once(`n:${name}`, () => inner.network(name)) : Promise.resolve(undefined)),
    volume: (name) => (inventory.volumes.has(name) ? once(`v:${name}`, () => inner.volume(name)) : Promise.resolve(undefined)),
    logs: (c) => once(`l:${c}`, () => inner.logs(c)),
    exec: (c, argv, timeoutMs) => once(`e:${c}:${JSON.stringify(argv)}`, () => inner.exec(c, argv, timeoutMs)),
    containersUsing: (kind, name) => once(`u:${kind}:${name}`, () => inner.containersUsing(kind, name)),
    composeContainers: (project) => once(`pc:${project}`, () => inner.composeContainers(project)),
    composeNetworks: (project) => once(`pn:${project}`, () => inner.composeNetworks(project)),
    stopContainer: readOnly,
    killContainer: readOnly,
    removeContainer: readOnly,
    removeNetwork: readOnly,
    removeVolume: readOnly,
    removeImage: readOnly,
  };
}

/** The lab's pair variable, or undefined when the session is not pair-safe. */
export function pairVariable(lab: Lab): { min: number; max: number } | undefined {
  const spec = lab.variables.find((v) => v.name === 'pair');
  return spec ? { min: spec.min ?? 1, max: spec.max ?? 99 } : undefined;
}

export function pairValues(pair: number): VariableValues {
  return { pair: String(pair) };
}

/** The name a check is about when it names one object that must exist (for "removed later"). */
function objectOf(check: Check): string | undefined {
  switch (check.kind) {
    case 'container':
      return check.state === 'absent' ? undefined : check.name;
    case 'logs':
    case 'exec':
      return check.container;
    case 'network':
    case 'volume':
      return check.absent ? undefined : check.name;
    default:
      return undefined;
  }
}

/** The names a check says must be gone. */
function absentOf(check: Check): string | undefined {
  if (check.kind === 'container' && check.state === 'absent') return check.name;
  if ((check.kind === 'network' || check.kind === 'volume' || check.kind === 'image') && check.absent) return check.kind === 'image' ? check.ref : check.name;
  return undefined;
}

interface Judged {
  step: Step;
  live: boolean;
  /** Judged by its commands alone (no check, no precondition): passed once a later step passes. */
  byCommands: boolean;
  /** Results of the step's live checks, in order. */
  results: { check: Check; ok: boolean; message?: Localized; missing: boolean }[];
}

function exists(inventory: Inventory, owned: ResourceSet): boolean {
  return owned.containers.some((n) => inventory.containers.has(n)) || owned.networks.some((n) => inventory.networks.has(n)) || owned.volumes.some((n) => inventory.volumes.has(n));
}

async function judgeStep(step: Step, lab: Lab, vars: VariableValues, state: DockerState, env: Environment): Promise<Judged> {
  // A step that only looks at what earlier steps made keeps that as its precondition and is
  // judged by its commands, which the daemon cannot see: its precondition is what it can.
  const own = step.checks.filter((c) => LIVE_KINDS.has(c.kind));
  const looksAt = step.expect ? [] : step.precondition.filter((c) => LIVE_KINDS.has(c.kind));
  const checks = own.length ? own : looksAt;
  const byCommands = !step.expect && !checks.length && !step.checks.length && step.commands.some((c) => c.runnable);
  // The checks only read, so they all run at once; the snapshot state bounds the daemon calls.
  const results = await Promise.all(
    checks.map(async (raw) => {
      const check = { ...resolveCheck(raw, vars, lab.variables), timeout: 0 } as Check;
      const outcome = await evaluateCheck(check, state, env, { intervalMs: 0 });
      const object = objectOf(check);
      const missing = outcome.ok === false && object !== undefined && !(await state.container(object)) && !(await state.network(object)) && !(await state.volume(object));
      return { check, ok: outcome.ok !== false, message: outcome.message, missing };
    }),
  );
  return { step, live: checks.length > 0, byCommands, results };
}

const NOT_STARTED_PAIR = (pair: number): Localized => msg(`페어 ${pair}의 실습 객체가 아직 하나도 없습니다.`, `Pair ${pair} has none of this lab's objects yet.`);
const NOT_LIVE = msg('데몬에서 볼 수 없는 단계입니다(기대한 오류, 직접 체크, 학습자의 파일). 학습자의 진행 파일을 병합하세요.', "The daemon cannot show this step (an expected error, a checkpoint, the learner's files); merge the learner's progress file.");
const NOT_REACHED = msg('아직 이 단계에 이르지 않았습니다(앞 단계까지만 통과).', 'Not reached yet: only earlier steps pass.');
const PASSED_ON = msg('명령으로 판정하는 단계입니다. 뒤의 단계를 통과했으니 이 단계도 지나갔습니다.', 'A step judged by its commands: a later step passes, so the learner got past it.');
const PASSED = msg('이 단계의 확인을 모두 통과했습니다.', "Every check of this step passes.");

/** One pair's row. */
export async function pairRow(lab: Lab, pair: number, source: ClassSource, inventory: Inventory): Promise<ClassRow> {
  const vars = pairValues(pair);
  const owned = labObjects(lab, vars);
  if (!exists(inventory, owned)) {
    return { pair, started: false, passed: 0, cells: lab.steps.map((s) => ({ stepId: s.id, status: 'not-started', source: 'none', message: NOT_STARTED_PAIR(pair) })) };
  }
  // Every step at once: judging reads the results in step order afterwards, so the order the
  // checks finish in changes nothing.
  const judged = await Promise.all(lab.steps.map((step) => judgeStep(step, lab, vars, source.state, source.env)));
  // The frontier: the last step that passes on something that exists (not only on absences).
  let frontier = -1;
  judged.forEach((j, i) => {
    if (j.live && j.results.every((r) => r.ok) && j.results.some((r) => absentOf(r.check) === undefined)) frontier = i;
  });
  const removedLater = (name: string, from: number): string | undefined => {
    for (let i = from + 1; i <= frontier; i++) {
      const j = judged[i];
      if (j.live && j.results.every((r) => r.ok) && j.results.some((r) => absentOf(r.check) === name)) return j.step.id;
    }
    return undefined;
  };
  const cells = judged.map((j, i): ClassCell => {
    const id = j.step.id;
    if (j.byCommands && i < frontier) return { stepId: id, status: 'passed', source: 'live', message: PASSED_ON };
    if (!j.live) return { stepId: id, status: 'not-started', source: 'none', message: NOT_LIVE };
    const failed = j.results.filter((r) => !r.ok);
    if (i > frontier) {
      // Past the frontier a step fails only where the learner is at it: something it checks
      // exists but is not right. Missing objects, objects not cleaned up yet, passes on
      // absences alone: not reached.
      const wrong = failed.find((r) => !r.missing && absentOf(r.check) === undefined && objectOf(r.check) !== undefined);
      if (!wrong) return { stepId: id, status: 'not-started', source: 'live', message: NOT_REACHED };
      return { stepId: id, status: 'failed', source: 'live', message: wrong.message ?? msg('확인에 실패했습니다.', 'A check failed.'), check: checkLabel(wrong.check) };
    }
    if (!failed.length) return { stepId: id, status: 'passed', source: 'live', message: PASSED };
    const by = failed.every((r) => r.missing) ? failed.map((r) => removedLater(objectOf(r.check)!, i)) : [];
    if (by.length && by.every((s) => s !== undefined)) {
      return { stepId: id, status: 'passed', source: 'live', message: msg(`이 단계의 객체는 뒤의 \`${by[0]}\` 단계에서 실습대로 지웠습니다.`, `This step's objects were removed later, in step \`${by[0]}\`, as the lab asks.`) };
    }
    const first = failed[0];
    return { stepId: id, status: 'failed', source: 'live', message: first.message ?? msg('확인에 실패했습니다.', 'A check failed.'), check: checkLabel(first.check) };
  });
  return { pair, started: true, cells, passed: cells.filter((c) => c.status === 'passed').length };
}

/** The whole grid: every pair and step at once, sharing one listing. */
export async function classStatus(lab: Lab, pairs: number[], source: ClassSource, now: () => Date = () => new Date()): Promise<ClassGrid> {
  const inventory = await source.inventory();
  const shared: ClassSource = { ...source, state: snapshotState(source.state, inventory) };
  const rows = await Promise.all(pairs.map((p) => pairRow(lab, p, shared, inventory)));
  return {
    session: lab.id,
    title: lab.title,
    host: source.host,
    steps: lab.steps.map((s) => ({ id: s.id, title: s.title })),
    rows,
    checkedAt: now().toISOString(),
    merged: [],
  };
}
