// "Reset lab": remove only what the lab declares (resources:, templated) or creates (the
// named objects its own commands create, plus anything recorded while it ran), and
// nothing else. The same planner gives the scoped version of a destructive course
// command: `docker system prune` becomes "remove the lab's stopped containers and unused
// networks", `docker stop $(docker ps -q)` becomes "stop the lab's running containers".
import type { Destructive, Lab, ResourceSet, VariableValues } from '../labModel';
import { emptyResources } from '../labModel';
import { composeProjectsOf, createdObjects, publishedHostPorts } from '../run/created';
import type { DockerState } from '../check/state';
import { hasTemplate, substitute } from '../load/template';

function add(into: ResourceSet, from: ResourceSet): ResourceSet {
  for (const k of Object.keys(emptyResources()) as (keyof ResourceSet)[]) {
    for (const v of from[k]) if (!into[k].includes(v)) into[k].push(v);
  }
  return into;
}

/** Fills a lab's templates; undefined when a value is missing or a template is malformed. */
function filler(lab: Lab, vars: VariableValues): (text: string) => string | undefined {
  return (text) => {
    try {
      return substitute(text, vars, lab.variables);
    } catch {
      return undefined;
    }
  };
}

/** The lab's runnable command lines (its own and its headless ones), templates filled. */
export function labCommandLines(lab: Lab, vars: VariableValues): string[] {
  const fill = filler(lab, vars);
  const out: string[] = [];
  for (const step of lab.steps) {
    const texts = [...step.commands.filter((c) => c.runnable).map((c) => c.text), ...(Array.isArray(step.headless) ? step.headless : [])];
    for (const text of texts) {
      const filled = fill(text);
      if (filled !== undefined) out.push(filled);
    }
  }
  return out;
}

/** What a lab owns: named objects, and the Compose projects whose labelled objects are its too. */
export interface LabObjects extends ResourceSet {
  /** Projects its commands name (`-p`) or its `compose:` checks look at. */
  composeProjects: string[];
}

/** The `compose:` checks of a lab, templates filled (those that can be). */
function composeChecks(lab: Lab, fill: (t: string) => string | undefined): { project: string; volumes: string[] }[] {
  const out: { project: string; volumes: string[] }[] = [];
  for (const step of lab.steps) {
    for (const c of [...step.precondition, ...step.checks]) {
      if (c.kind !== 'compose') continue;
      const project = fill(c.project);
      // A check by compose file names no project until the file is read (at check time).
      if (!project || hasTemplate(project) || /\.ya?ml$/.test(project)) continue;
      out.push({ project, volumes: (c.volumes ?? []).map(fill).filter((v): v is string => !!v).map((v) => `${project}_${v}`) });
    }
  }
  return out;
}

/** Every object the lab owns, by name: declared ∪ created by its commands ∪ tracked. */
export function labObjects(lab: Lab, vars: VariableValues, tracked: ResourceSet = emptyResources()): LabObjects {
  const out: LabObjects = { ...emptyResources(), composeProjects: [] };
  const fill = filler(lab, vars);
  const declared = emptyResources();
  for (const k of Object.keys(declared) as (keyof ResourceSet)[]) {
    declared[k] = lab.resources[k].map(fill).filter((v): v is string => v !== undefined && !hasTemplate(v));
  }
  add(out, declared);
  const lines = labCommandLines(lab, vars);
  for (const line of lines) add(out, createdObjects(line));
  const projects = (list: string[]): void => {
    for (const p of list) if (!out.composeProjects.includes(p)) out.composeProjects.push(p);
  };
  for (const line of lines) projects(composeProjectsOf(line));
  for (const c of composeChecks(lab, fill)) {
    projects([c.project]);
    // The named volumes the lab declares for its project (`down` keeps them; the reset does not).
    add(out, { ...emptyResources(), volumes: c.volumes });
  }
  add(out, tracked);
  return out;
}

/** The host ports the lab's commands publish, in the order they first appear. */
export function labHostPorts(lab: Lab, vars: VariableValues): number[] {
  const out: number[] = [];
  for (const line of labCommandLines(lab, vars)) for (const port of publishedHostPorts(line)) if (!out.includes(port)) out.push(port);
  // A compose file's ports are not on a command line; the `compose:` checks name them.
  const fill = filler(lab, vars);
  for (const step of lab.steps) {
    for (const c of [...step.precondition, ...step.checks]) {
      if (c.kind !== 'compose') continue;
      for (const want of Object.values(c.services ?? {})) {
        for (const spec of want.ports ?? []) {
          const parts = (fill(spec) ?? '').split('/')[0].split(':');
          const port = parts.length >= 2 ? Number(parts[parts.length - 2]) : NaN;
          if (Number.isInteger(port) && port > 0 && !out.includes(port)) out.push(port);
        }
      }
    }
  }
  return out;
}

export interface ResetPlan {
  stop: string[];
  kill: string[];
  containers: { name: string; force: boolean }[];
  networks: string[];
  volumes: string[];
  images: string[];
}

export function planIsEmpty(plan: ResetPlan): boolean {
  return !plan.stop.length && !plan.kill.length && !plan.containers.length && !plan.networks.length && !plan.volumes.length && !plan.images.length;
}

/**
 * What to do to the lab's objects that exist right now. Without a scope: remove them all.
 * With the scope of a destructive command: what that command would do, limited to them.
 */
export async function planReset(docker: DockerState, objects: ResourceSet & { composeProjects?: string[] }, scope?: Destructive): Promise<ResetPlan> {
  const plan: ResetPlan = { stop: [], kill: [], containers: [], networks: [], volumes: [], images: [] };
  // A Compose project's containers (replicas and `run` ones) and networks are the lab's by
  // their labels, whichever spelling made them and whatever they are named.
  const projectContainers: string[] = [];
  const projectNetworks: string[] = [];
  for (const project of objects.composeProjects ?? []) {
    for (const c of await docker.composeContainers(project)) if (!projectContainers.includes(c.name)) projectContainers.push(c.name);
    for (const n of await docker.composeNetworks(project)) if (!projectNetworks.includes(n)) projectNetworks.push(n);
  }
  const containerNames = [...objects.containers, ...projectContainers.filter((n) => !objects.containers.includes(n))];
  const containers = (await Promise.all(containerNames.map(async (n) => ({ name: n, info: await docker.container(n) })))).filter((c) => c.info);
  const running = containers.filter((c) => ['running', 'restarting', 'paused'].includes(c.info!.state));
  const stopped = containers.filter((c) => !running.includes(c));
  const existing = async <T>(names: string[], get: (n: string) => Promise<T | undefined>): Promise<string[]> =>
    (await Promise.all(names.map(async (n) => ((await get(n)) ? n : undefined)))).filter((n): n is string => !!n);
  const networks = [...(await existing(objects.networks, (n) => docker.network(n))), ...projectNetworks.filter((n) => !objects.networks.includes(n))];
  const volumes = await existing(objects.volumes, (n) => docker.volume(n));
  const images = await existing(objects.images, (n) => docker.image(n));
  const removed = (): Set<string> => new Set(plan.containers.map((c) => c.name));
  const unused = async (kind: 'network' | 'volume' | 'image', name: string): Promise<boolean> => {
    const gone = removed();
    const users = await docker.containersUsing(kind, name);
    return users.every((u) => gone.has(u));
  };
  const onlyUnused = async (kind: 'network' | 'volume' | 'image', names: string[]): Promise<string[]> => {
    const out: string[] = [];
    for (const n of names) if (await unused(kind, n)) out.push(n);
    return out;
  };

  switch (scope?.kind) {
    case undefined:
      plan.containers = containers.map((c) => ({ name: c.name, force: true }));
      plan.networks = networks;
      plan.volumes = volumes;
      plan.images = images;
      break;
    case 'stop-all':
      plan.stop = running.map((c) => c.name);
      break;
    case 'kill-all':
      plan.kill = running.map((c) => c.name);
      break;
    case 'remove-all-containers':
      plan.containers = (scope.force ? containers : stopped).map((c) => ({ name: c.name, force: scope.force }));
      break;
    case 'container-prune':
      plan.containers = stopped.map((c) => ({ name: c.name, force: false }));
      break;
    case 'system-prune':
      plan.containers = stopped.map((c) => ({ name: c.name, force: false }));
      plan.networks = await onlyUnused('network', networks);
      if (scope.allImages) plan.images = await onlyUnused('image', images);
      if (scope.volumes) plan.volumes = await onlyUnused('volume', volumes);
      break;
    case 'network-prune':
    case 'remove-all-networks':
      plan.networks = await onlyUnused('network', networks);
      break;
    case 'volume-prune':
    case 'remove-all-volumes':
      plan.volumes = await onlyUnused('volume', volumes);
      break;
    case 'image-prune':
      if (scope.allImages) plan.images = await onlyUnused('image', images);
      break;
    case 'remove-all-images':
      plan.images = scope.force ? images : await onlyUnused('image', images);
      break;
    case 'compose-down': {
      // What `down` does, to the lab's own projects: their containers and networks (and
      // with -v the named volumes the lab declares for them); images stay, they are shared.
      const own = new Set(projectContainers);
      plan.containers = containers.filter((c) => own.has(c.name)).map((c) => ({ name: c.name, force: true }));
      plan.networks = projectNetworks;
      if (scope.volumes) {
        const prefixes = (objects.composeProjects ?? []).map((p) => `${p}_`);
        plan.volumes = volumes.filter((v) => prefixes.some((p) => v.startsWith(p)));
      }
      break;
    }
  }
  return plan;
}

export interface ResetOutcome {
  done: string[];
  errors: string[];
}

/** Carries out a plan: containers first (so networks and volumes are free), then the rest. */
export async function executeReset(docker: DockerState, plan: ResetPlan): Promise<ResetOutcome> {
  const done: string[] = [];
  const errors: string[] = [];
  const attempt = async (label: string, op: () => Promise<void>): Promise<void> => {
    try {
      await op();
      done.push(label);
    } catch (err) {
      errors.push(`${label}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
  };
  for (const n of plan.stop) await attempt(`stop container ${n}`, () => docker.stopContainer(n));
  for (const n of plan.kill) await attempt(`kill container ${n}`, () => docker.killContainer(n));
  for (const c of plan.containers) await attempt(`remove container ${c.name}`, () => docker.removeContainer(c.name, c.force));
  for (const n of plan.networks) await attempt(`remove network ${n}`, () => docker.removeNetwork(n));
  for (const n of plan.volumes) await attempt(`remove volume ${n}`, () => docker.removeVolume(n));
  for (const n of plan.images) await attempt(`remove image ${n}`, () => docker.removeImage(n));
  return { done, errors };
}

/** One line per planned action, for confirmations and CLI output. */
export function describePlan(plan: ResetPlan): string[] {
  return [
    ...plan.stop.map((n) => `stop container ${n}`),
    ...plan.kill.map((n) => `kill container ${n}`),
    ...plan.containers.map((c) => `remove container ${c.name}`),
    ...plan.networks.map((n) => `remove network ${n}`),
    ...plan.volumes.map((n) => `remove volume ${n}`),
    ...plan.images.map((n) => `remove image ${n}`),
  ];
}
