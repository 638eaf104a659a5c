// Helpers shared by the explorer's Docker tests: a model on a real daemon whose
// dockerode client counts the list calls it makes and reads along the event stream
// it receives (the client and the stream are real; the helpers only observe them),
// and waiting for what the model announces, with a deadline.
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { ExplorerModel, GROUPS, type ExplorerModelOptions, type GroupId, type ModelChange } from '../../src/explorer';
import type { EngineEvent } from '../../src/explorer/events';
import { waitFor } from '../support/waitFor';

/** One thing the model was told or said, in the order it happened. */
export type Observed = { event: EngineEvent } | { change: ModelChange };

export interface CountedModel {
  model: ExplorerModel;
  /** Calls started, by method. */
  calls: Record<string, number>;
  /** List calls answered (or failed), by method. */
  settled: Record<string, number>;
  /** The options of every listContainers call, in order. */
  containerLists: Array<{ filters?: { id?: string[] } }>;
  changes: ModelChange[];
  /** Every event the model's stream delivered and every change the model announced, in order (never cleared). */
  observed: Observed[];
}

const LISTS: Record<GroupId, string> = { containers: 'listContainers', images: 'listImages', networks: 'listNetworks', volumes: 'listVolumes' };
const COUNTED = new Set([...Object.values(LISTS), 'getEvents']);

/** Reads the event stream's JSON lines as the model's own reader gets them. */
function readAlong(stream: Readable, onEvent: (event: EngineEvent) => void): void {
  let rest = '';
  // Attached before the model's reader, in the same turn the stream is handed over,
  // so both see every chunk and this one sees each event first.
  stream.on('data', (chunk: Buffer | string) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      try {
        if (line.trim()) onEvent(JSON.parse(line) as EngineEvent);
      } catch {
        // Not an event: the model's reader skips it too.
      }
    }
  });
}

export function countedModel(docker: Dockerode, endpoint: string, options: Partial<ExplorerModelOptions> = {}): CountedModel {
  const calls: Record<string, number> = {};
  const settled: Record<string, number> = {};
  const containerLists: CountedModel['containerLists'] = [];
  const observed: Observed[] = [];
  const counted = new Proxy(docker, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop === 'string' && COUNTED.has(prop) && typeof value === 'function') {
        return (...args: unknown[]) => {
          calls[prop] = (calls[prop] ?? 0) + 1;
          if (prop === 'listContainers') containerLists.push({ ...(args[0] as object) });
          const answer = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (!(answer instanceof Promise)) return answer;
          if (prop === 'getEvents') {
            return answer.then((stream: Readable) => {
              readAlong(stream, (event) => observed.push({ event }));
              return stream;
            });
          }
          const done = () => (settled[prop] = (settled[prop] ?? 0) + 1);
          return answer.then(
            (v: unknown) => {
              done();
              return v;
            },
            (e: unknown) => {
              done();
              throw e;
            },
          );
        };
      }
      return value;
    },
  });
  const model = new ExplorerModel({ client: () => counted, endpoint: () => endpoint, ...options });
  const changes: ModelChange[] = [];
  model.onDidChange((change) => {
    changes.push(change);
    observed.push({ change });
  });
  return { model, calls, settled, containerLists, changes, observed };
}

/** Where the model stands now, to wait for what happens after. */
export interface Mark {
  observed: number;
  calls: Record<string, number>;
  settled: Record<string, number>;
}

export function mark(counted: CountedModel): Mark {
  return { observed: counted.observed.length, calls: { ...counted.calls }, settled: { ...counted.settled } };
}

const since = (counted: CountedModel, from: Mark, method: string, of: 'calls' | 'settled') => (counted[of][method] ?? 0) - (from[of][method] ?? 0);

/** No list call is on its way. */
export function listsSettled(counted: CountedModel): boolean {
  return Object.values(LISTS).every((m) => (counted.calls[m] ?? 0) === (counted.settled[m] ?? 0));
}

/**
 * Waits for the re-list that follows the event stream's (re)connecting: since `from`,
 * the stream opened, every group was listed and announced, and no list is still on its way.
 */
export function waitForRelist(counted: CountedModel, from: Mark, timeoutMs = 10_000): Promise<true> {
  return waitFor(
    'the event stream to connect and every group to be listed again',
    () =>
      since(counted, from, 'getEvents', 'calls') >= 1 &&
      GROUPS.every((g) => since(counted, from, LISTS[g], 'settled') >= 1 && counted.observed.slice(from.observed).some((o) => 'change' in o && o.change.groups.includes(g))) &&
      listsSettled(counted),
    timeoutMs,
  );
}

/**
 * Waits until the model's stream delivered an event matching each of `expected`, and
 * the model then announced a change of `group` and has no list on its way: the
 * events have been applied.
 */
export function waitForEventsApplied(counted: CountedModel, what: string, expected: Array<(event: EngineEvent) => boolean>, group: GroupId, timeoutMs = 10_000): Promise<true> {
  return waitFor(
    what,
    () => {
      const at = expected.map((match) => counted.observed.findIndex((o) => 'event' in o && match(o.event)));
      if (at.some((i) => i < 0)) return false;
      const last = Math.max(...at);
      return counted.observed.slice(last + 1).some((o) => 'change' in o && o.change.groups.includes(group)) && listsSettled(counted);
    },
    timeoutMs,
  );
}
