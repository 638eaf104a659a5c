// The live explorer model: the four lists of the daemon, kept current while someone
// looks at them. Events are coalesced (about 100 ms) and refresh only the groups they
// touch; a slow poll backstops a missed event; when the daemon is unreachable the
// state carries one problem and the event watcher's reconnects double as the probe
// that brings the tree back. Every public method resolves; nothing here rejects
// unhandled.
import type Dockerode from 'dockerode';
import { EventWatcher, containerIdsOf, type EventWatcherOptions } from './events';
import { GROUPS, listContainersById, listGroup, membersByNetwork, usersByVolume, type GroupData, type GroupId, type HistoryEntry } from './daemonLists';
import { describeProblem, type ExplorerProblem } from './problem';
import type { TreeState } from './tree';
import type { ActiveFilter } from './filter';

export interface ModelChange {
  /** The tree's top level changed (problem appeared or cleared, endpoint switched). */
  roots: boolean;
  groups: GroupId[];
}

export interface ExplorerModelOptions {
  client: () => Dockerode;
  endpoint: () => string;
  /** Window in which events are gathered into one refresh. */
  coalesceMs?: number;
  /** Backstop refresh while live. */
  pollMs?: number;
  /** Bound for one list call. */
  listTimeoutMs?: number;
  backoffMs?: EventWatcherOptions['backoffMs'];
  describe?: (error: unknown) => ExplorerProblem;
}

type Listener = (change: ModelChange) => void;

/** Above this many changed containers one full list is cheaper than a filtered one. */
const MAX_TARGETED = 50;

export class ExplorerModel {
  readonly state: TreeState;
  private readonly listeners = new Set<Listener>();
  private readonly running = new Map<GroupId, Promise<void>>();
  private readonly again = new Set<GroupId>();
  private readonly pending = new Set<GroupId>();
  /** Containers named by the pending events ('all' once any event or caller wants the whole list). */
  private pendingContainers: Set<string> | 'all' = new Set();
  /** What the next containers fetch must cover. */
  private containerScope: Set<string> | 'all' | undefined;
  private flushTimer?: ReturnType<typeof setTimeout>;
  private pollTimer?: ReturnType<typeof setInterval>;
  private readonly watcher: EventWatcher;
  private readonly historyCache = new Map<string, Promise<HistoryEntry[]>>();
  private generation = 0;
  private loaded?: Promise<void>;
  private live = false;
  private readonly describe: (error: unknown) => ExplorerProblem;

  constructor(private readonly options: ExplorerModelOptions) {
    this.describe = options.describe ?? ((e) => describeProblem(e, safe(options.endpoint, '')));
    this.state = { endpoint: safe(options.endpoint, ''), data: {}, groupErrors: {}, showDangling: false };
    this.watcher = new EventWatcher({
      client: options.client,
      backoffMs: options.backoffMs,
      onEvent: (groups, event) => this.queue(groups, containerIdsOf(event)),
      onConnected: () => this.queue(GROUPS),
      onDisconnected: (error) => this.fail(error, this.generation),
    });
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  get isLive(): boolean {
    return this.live;
  }

  /** Loads every group once (the first time the tree is shown); later calls reuse it, unless the daemon was unreachable. */
  load(): Promise<void> {
    if (!this.loaded || (this.state.problem && !this.live)) this.loaded = this.refresh();
    return this.loaded;
  }

  /** Re-lists the given groups (all by default). Resolves when they are current; never rejects. */
  async refresh(groups: readonly GroupId[] = GROUPS): Promise<void> {
    await Promise.all(groups.map((g) => this.refreshGroup(g)));
  }

  /** Re-lists only these containers (by full ID), merging them into the list; all when too many. */
  refreshContainers(ids: readonly string[]): Promise<void> {
    return this.refreshGroup('containers', ids);
  }

  /** Events and the backstop poll run only while live (the view is visible). */
  setLive(live: boolean): void {
    if (live === this.live) return;
    this.live = live;
    if (live) {
      this.watcher.start();
      this.pollTimer = setInterval(() => void this.refresh(), this.options.pollMs ?? 60_000);
      this.pollTimer.unref?.();
    } else {
      this.watcher.stop();
      clearInterval(this.pollTimer);
      this.pollTimer = undefined;
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
      this.pending.clear();
    }
  }

  /** Retry now: reconnect the event stream and list everything again. */
  retry(): Promise<void> {
    if (this.live) this.watcher.restart();
    return this.refresh();
  }

  /** The endpoint changed: forget everything from the old daemon. */
  reset(): void {
    this.generation++;
    this.state.endpoint = safe(this.options.endpoint, '');
    this.state.data = {};
    this.state.groupErrors = {};
    this.state.problem = undefined;
    this.historyCache.clear();
    this.loaded = undefined;
    this.again.clear();
    this.running.clear();
    this.containerScope = undefined;
    this.pendingContainers = new Set();
    if (this.live) this.watcher.restart();
    this.emit({ roots: true, groups: [...GROUPS] });
  }

  /** Shows only the objects the filter admits (undefined: all); every group is redrawn. */
  setFilter(filter: ActiveFilter | undefined): void {
    if (JSON.stringify(this.state.filter) === JSON.stringify(filter)) return;
    this.state.filter = filter;
    this.emit({ roots: false, groups: [...GROUPS] });
  }

  setShowDangling(show: boolean): void {
    if (this.state.showDangling === show) return;
    this.state.showDangling = show;
    this.emit({ roots: false, groups: ['images'] });
  }

  /** An image's layers, newest first as the API returns them (image IDs are immutable, so cached). */
  history(imageId: string): Promise<HistoryEntry[]> {
    let answer = this.historyCache.get(imageId);
    if (!answer) {
      answer = (async () => (await this.options.client().getImage(imageId).history()) as HistoryEntry[])();
      this.historyCache.set(imageId, answer);
      answer.catch(() => this.historyCache.delete(imageId));
    }
    return answer;
  }

  dispose(): void {
    this.setLive(false);
    this.listeners.clear();
  }

  /** `containerIds`: the containers an event is about; without them the whole container list is due. */
  private queue(groups: readonly GroupId[], containerIds?: readonly string[]): void {
    for (const g of groups) this.pending.add(g);
    if (groups.includes('containers')) {
      if (!containerIds || this.pendingContainers === 'all') this.pendingContainers = 'all';
      else for (const id of containerIds) this.pendingContainers.add(id);
    }
    if (this.flushTimer) return;
    // A fixed window from the first event (not a sliding debounce), so a steady trickle
    // of events cannot postpone the refresh indefinitely.
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      const due = [...this.pending];
      const containers = this.pendingContainers;
      this.pending.clear();
      this.pendingContainers = new Set();
      void Promise.all(due.map((g) => this.refreshGroup(g, g === 'containers' && containers !== 'all' ? [...containers] : undefined)));
    }, this.options.coalesceMs ?? 100);
    this.flushTimer.unref?.();
  }

  private refreshGroup(group: GroupId, containerIds?: readonly string[]): Promise<void> {
    if (group === 'containers') {
      if (!containerIds || this.containerScope === 'all') this.containerScope = 'all';
      else {
        this.containerScope ??= new Set();
        for (const id of containerIds) this.containerScope.add(id);
      }
    }
    const current = this.running.get(group);
    if (current) {
      // A list is already on its way but may predate the change: list once more after it.
      this.again.add(group);
      return current;
    }
    const run = (async () => {
      do {
        this.again.delete(group);
        await this.fetch(group);
      } while (this.again.has(group));
    })().finally(() => {
      if (this.running.get(group) === run) this.running.delete(group);
    });
    this.running.set(group, run);
    return run;
  }

  private async fetch(group: GroupId): Promise<void> {
    const generation = this.generation;
    let data: GroupData[GroupId];
    let scope: Set<string> | 'all' = 'all';
    if (group === 'containers') {
      scope = this.containerScope ?? 'all';
      this.containerScope = undefined;
      // A few containers are cheaper to ask for by ID than hundreds to list again.
      if (scope !== 'all' && (!this.state.data.containers || scope.size > MAX_TARGETED)) scope = 'all';
    }
    try {
      const signal = AbortSignal.timeout(this.options.listTimeoutMs ?? 10_000);
      if (scope === 'all') data = await listGroup(this.options.client(), group, signal);
      else {
        const fresh = await listContainersById(this.options.client(), [...scope], signal);
        // Asked for and not answered: removed. Everything else stays as listed.
        data = [...(this.state.data.containers ?? []).filter((c) => !scope.has(c.Id)), ...fresh];
      }
    } catch (error) {
      this.fail(error, generation, group);
      return;
    }
    if (generation !== this.generation) return;
    const before = derivedSignatures(this.state.data);
    (this.state.data as Record<GroupId, unknown>)[group] = data;
    if (group === 'images') {
      // Layers of images that are gone will not be asked for again.
      const present = new Set((data as GroupData['images']).map((i) => i.Id));
      for (const id of this.historyCache.keys()) if (!present.has(id)) this.historyCache.delete(id);
    }
    const hadGroupError = group in this.state.groupErrors;
    delete this.state.groupErrors[group];
    const changed = new Set<GroupId>([group]);
    if (group === 'containers') {
      const after = derivedSignatures(this.state.data);
      for (const g of ['networks', 'volumes', 'images'] as const) if (before[g] !== after[g]) changed.add(g);
    }
    if (this.state.problem) {
      // Back from an outage: the other groups are as old as the outage.
      this.state.problem = undefined;
      this.emit({ roots: true, groups: [...GROUPS] });
      void this.refresh(GROUPS.filter((g) => g !== group));
      return;
    }
    if (hadGroupError) changed.add(group);
    this.emit({ roots: false, groups: [...changed] });
  }

  private fail(error: unknown, generation: number, group?: GroupId): void {
    if (generation !== this.generation) return;
    const problem = this.describe(error);
    if (problem.connection) {
      const previous = this.state.problem;
      this.state.problem = problem;
      if (!previous || previous.kind !== problem.kind) this.emit({ roots: true, groups: [] });
    } else if (group) {
      this.state.groupErrors[group] = problem;
      this.emit({ roots: false, groups: [group] });
    }
  }

  private emit(change: ModelChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch {
        // A listener's failure must not stop the others or the model.
      }
    }
  }
}

/** What the network, volume and image nodes derive from the container list. */
function derivedSignatures(data: Partial<GroupData>): Record<'networks' | 'volumes' | 'images', string> {
  const containers = data.containers ?? [];
  const networks = [...membersByNetwork(containers, data.networks ?? [])]
    .map(([id, members]) => `${id}=${members.map((m) => `${m.container.Id}/${m.container.Names?.[0]}/${m.container.State}/${m.ipv4 ?? ''}`).join(',')}`)
    .sort()
    .join(';');
  const volumes = [...usersByVolume(containers)]
    .map(([name, uses]) => `${name}=${uses.map((u) => `${u.container.Id}/${u.container.Names?.[0]}/${u.container.State}/${u.destination}`).join(',')}`)
    .sort()
    .join(';');
  const images = containers
    .map((c) => c.ImageID)
    .sort()
    .join(',');
  return { networks, volumes, images };
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
