// The explorer's actions as plain functions over dockerode. Each one is planned first:
// `argv` is the docker CLI command that does the same thing (the editor logs it as
// `$ docker stop web` so learners learn the command while clicking) and `run()` does
// it through the Engine API. Errors are the daemon's own; src/explorer/problem.ts
// words them for the learner.
import type Dockerode from 'dockerode';
import type { Readable } from 'node:stream';
import { PullProgress, pullReference, repoAndTag, type PullEvent } from '../docker';
import { isAnonymousVolume, isBuiltinNetwork, isDangling, membersByNetwork, containerName, usersByVolume, type GroupData, type HistoryEntry } from './daemonLists';
import { createContainerBody, runArgv, type RunOptions } from './run';

export interface Planned<T = void> {
  /** The equivalent docker CLI command, one word per element. */
  argv: string[];
  run(): Promise<T>;
}

/** What actions address a container by: the ID to be exact, the name to show. */
export interface ContainerRef {
  id: string;
  name: string;
}

function plan<T>(argv: string[], run: () => Promise<T>): Planned<T> {
  return { argv, run };
}

/** `docker start` / `docker stop` succeed quietly when there is nothing to do; so do we (the API answers 304). */
async function tolerateNotModified(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 304) throw error;
  }
}

export const containerActions = {
  start: (docker: Dockerode, c: ContainerRef) => plan(['docker', 'start', c.name], () => tolerateNotModified(docker.getContainer(c.id).start())),
  stop: (docker: Dockerode, c: ContainerRef) => plan(['docker', 'stop', c.name], () => tolerateNotModified(docker.getContainer(c.id).stop())),
  restart: (docker: Dockerode, c: ContainerRef) => plan(['docker', 'restart', c.name], async () => void (await docker.getContainer(c.id).restart())),
  /** `force` stops a running container first, as `docker rm -f` does. */
  remove: (docker: Dockerode, c: ContainerRef, force = false) =>
    plan(['docker', 'rm', ...(force ? ['-f'] : []), c.name], async () => void (await docker.getContainer(c.id).remove({ force }))),
  inspect: (docker: Dockerode, c: ContainerRef) => plan(['docker', 'container', 'inspect', c.name], () => docker.getContainer(c.id).inspect() as Promise<unknown>),
};

/** Commands that belong in a terminal: the learner watches (and can reuse) them. */
export const terminalCommands = {
  logs: (c: ContainerRef) => ['docker', 'logs', '-f', '--tail', '200', c.name],
  shell: (c: ContainerRef) => ['docker', 'exec', '-it', c.name, 'sh'],
};

export const imageActions = {
  /** `docker run -d …`: create, then start. Like the CLI, a container whose start fails stays (state "created"). */
  run: (docker: Dockerode, options: RunOptions) =>
    plan(runArgv(options), async () => {
      const container = await docker.createContainer(createContainerBody(options));
      await container.start();
      return container.id;
    }),
  pull: (docker: Dockerode, ref: string, options: { onProgress?: (progress: PullProgress) => void; signal?: AbortSignal } = {}) =>
    plan(['docker', 'pull', ref], () => pull(docker, ref, options)),
  remove: (docker: Dockerode, ref: string, force = false) =>
    plan(['docker', 'rmi', ...(force ? ['-f'] : []), ref], async () => void (await docker.getImage(ref).remove({ force }))),
  tag: (docker: Dockerode, source: string, target: string) =>
    plan(['docker', 'tag', source, target], async () => {
      const { repo, tag } = repoAndTag(target);
      await docker.getImage(source).tag({ repo, tag });
    }),
  history: (docker: Dockerode, ref: string) => plan(['docker', 'history', ref], () => docker.getImage(ref).history() as Promise<unknown[]>),
  inspect: (docker: Dockerode, ref: string) => plan(['docker', 'image', 'inspect', ref], () => docker.getImage(ref).inspect() as Promise<unknown>),
  /** The layer chart's data: whole instructions, as `--no-trunc` prints them (the API never truncates). */
  layerHistory: (docker: Dockerode, ref: string) => plan(['docker', 'history', '--no-trunc', ref], () => docker.getImage(ref).history() as Promise<HistoryEntry[]>),
  /** The size comparison's `RootFS.Layers` and `Size`, one `docker image inspect` for all. */
  inspectMany: (docker: Dockerode, refs: readonly string[]) =>
    plan(['docker', 'image', 'inspect', ...refs], () => Promise.all(refs.map((ref) => docker.getImage(ref).inspect() as Promise<ImageInspect>))),
};

/** The parts of `docker image inspect` the size comparison reads. */
export interface ImageInspect {
  Id: string;
  Size?: number;
  RootFS?: { Layers?: string[] };
}

export const networkActions = {
  create: (docker: Dockerode, name: string, subnet?: string) =>
    plan(['docker', 'network', 'create', ...(subnet ? ['--subnet', subnet] : []), name], async () => {
      const network = await docker.createNetwork({
        Name: name,
        Driver: 'bridge',
        CheckDuplicate: true,
        ...(subnet ? { IPAM: { Driver: 'default', Config: [{ Subnet: subnet }] } } : {}),
      });
      return network.id;
    }),
  remove: (docker: Dockerode, name: string) => plan(['docker', 'network', 'rm', name], async () => void (await docker.getNetwork(name).remove())),
  inspect: (docker: Dockerode, name: string) => plan(['docker', 'network', 'inspect', name], () => docker.getNetwork(name).inspect() as Promise<unknown>),
  connect: (docker: Dockerode, network: string, c: ContainerRef) =>
    plan(['docker', 'network', 'connect', network, c.name], async () => void (await docker.getNetwork(network).connect({ Container: c.id }))),
  disconnect: (docker: Dockerode, network: string, c: ContainerRef) =>
    plan(['docker', 'network', 'disconnect', network, c.name], async () => void (await docker.getNetwork(network).disconnect({ Container: c.id }))),
};

export const volumeActions = {
  create: (docker: Dockerode, name: string) =>
    plan(['docker', 'volume', 'create', name], async () => ((await docker.createVolume({ Name: name })) as unknown as { name: string }).name),
  remove: (docker: Dockerode, name: string) => plan(['docker', 'volume', 'rm', name], async () => void (await docker.getVolume(name).remove())),
  inspect: (docker: Dockerode, name: string) => plan(['docker', 'volume', 'inspect', name], () => docker.getVolume(name).inspect() as Promise<unknown>),
};

async function pull(docker: Dockerode, ref: string, options: { onProgress?: (progress: PullProgress) => void; signal?: AbortSignal }): Promise<void> {
  const signal = options.signal;
  if (signal?.aborted) throw abortError();
  const stream = (await docker.pull(pullReference(ref), { abortSignal: signal })) as Readable;
  const progress = new PullProgress();
  await new Promise<void>((resolve, reject) => {
    let failure: Error | undefined;
    const onAbort = () => {
      stream.destroy();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    docker.modem.followProgress(
      stream,
      (error: Error | null) => {
        signal?.removeEventListener('abort', onAbort);
        if (signal?.aborted) return reject(abortError());
        if (error || failure) return reject(error ?? failure);
        resolve();
      },
      (event: PullEvent) => {
        // The daemon reports a failed pull inside the stream with HTTP 200 already sent.
        if (event.error) failure = Object.assign(new Error(event.errorDetail?.message ?? event.error), { json: { message: event.error } });
        progress.feed(event);
        options.onProgress?.(progress);
      },
    );
  });
}

function abortError(): Error {
  return Object.assign(new Error('cancelled'), { name: 'AbortError', code: 'ABORT_ERR' });
}

export type PruneKind = 'containers' | 'images' | 'networks' | 'volumes' | 'system';

export interface PrunePlan {
  kind: PruneKind;
  argv: string[];
  /** What will go, by name, grouped as the CLI reports it. */
  items: { group: 'containers' | 'images' | 'networks' | 'volumes'; name: string }[];
}

/**
 * What a prune will remove, worked out from the lists the tree already has, with the
 * daemon's own rules: stopped (and never-started) containers; dangling images no
 * container uses; custom networks no running container is attached to; volumes no
 * container mounts, of which API 1.42 and later (Docker 23+) take only anonymous ones
 * unless `--all`. `apiVersion` is the daemon's (`docker version`); unknown means current.
 */
export function prunePlan(kind: PruneKind, data: Partial<GroupData>, apiVersion?: string): PrunePlan {
  const containers = data.containers ?? [];
  const items: PrunePlan['items'] = [];
  const stoppedContainers = () => {
    for (const c of containers) if (!['running', 'paused', 'restarting'].includes(c.State)) items.push({ group: 'containers', name: containerName(c) });
  };
  const remaining = (kind === 'system' ? containers.filter((c) => ['running', 'paused', 'restarting'].includes(c.State)) : containers);
  const danglingImages = () => {
    const used = new Set(remaining.map((c) => c.ImageID));
    for (const image of data.images ?? []) if (isDangling(image) && !used.has(image.Id)) items.push({ group: 'images', name: image.Id.replace(/^sha256:/, '').slice(0, 12) });
  };
  const unusedNetworks = () => {
    const members = membersByNetwork(remaining, data.networks ?? []);
    for (const n of data.networks ?? []) {
      if (isBuiltinNetwork(n)) continue;
      const attached = (members.get(n.Id) ?? members.get(n.Name) ?? []).filter((m) => m.container.State === 'running' || m.container.State === 'paused' || m.container.State === 'restarting');
      if (attached.length === 0) items.push({ group: 'networks', name: n.Name });
    }
  };
  const unusedVolumes = () => {
    const users = usersByVolume(remaining);
    const anonymousOnly = !apiVersion || compareVersions(apiVersion, '1.42') >= 0;
    for (const v of data.volumes ?? []) if ((!anonymousOnly || isAnonymousVolume(v)) && !users.has(v.Name)) items.push({ group: 'volumes', name: v.Name });
  };
  switch (kind) {
    case 'containers':
      stoppedContainers();
      return { kind, argv: ['docker', 'container', 'prune'], items };
    case 'images':
      danglingImages();
      return { kind, argv: ['docker', 'image', 'prune'], items };
    case 'networks':
      unusedNetworks();
      return { kind, argv: ['docker', 'network', 'prune'], items };
    case 'volumes':
      unusedVolumes();
      return { kind, argv: ['docker', 'volume', 'prune'], items };
    case 'system':
      stoppedContainers();
      unusedNetworks();
      danglingImages();
      return { kind, argv: ['docker', 'system', 'prune'], items };
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The daemon's API version, for prunePlan. */
export async function apiVersionOf(docker: Dockerode): Promise<string | undefined> {
  try {
    return ((await docker.version()) as { ApiVersion?: string }).ApiVersion;
  } catch {
    return undefined;
  }
}

export interface PruneResult {
  removed: string[];
  spaceReclaimed: number;
}

/** Runs a prune. The daemon decides what goes; the plan only told the learner beforehand. */
export function prune(docker: Dockerode, p: PrunePlan): Planned<PruneResult> {
  return plan([...p.argv], async () => {
    const result: PruneResult = { removed: [], spaceReclaimed: 0 };
    const add = (answer: { SpaceReclaimed?: number } & Record<string, unknown>, key: string) => {
      const list = answer[key];
      if (Array.isArray(list)) {
        for (const item of list) result.removed.push(typeof item === 'string' ? item : String((item as Record<string, unknown>).Deleted ?? (item as Record<string, unknown>).Untagged ?? ''));
      }
      result.spaceReclaimed += answer.SpaceReclaimed ?? 0;
    };
    if (p.kind === 'containers' || p.kind === 'system') add((await docker.pruneContainers()) as never, 'ContainersDeleted');
    if (p.kind === 'networks' || p.kind === 'system') add((await docker.pruneNetworks()) as never, 'NetworksDeleted');
    if (p.kind === 'images' || p.kind === 'system') add((await docker.pruneImages({ filters: { dangling: ['true'] } })) as never, 'ImagesDeleted');
    if (p.kind === 'volumes') add((await docker.pruneVolumes()) as never, 'VolumesDeleted');
    if (p.kind === 'system') {
      // Build cache goes too with `docker system prune`; a daemon without BuildKit answers an error we can ignore.
      try {
        add((await docker.pruneBuilder()) as never, 'CachesDeleted');
      } catch {
        // nothing cached
      }
    }
    return result;
  });
}
