// Helpers shared by the explorer's Docker tests: a model on a real daemon whose
// dockerode client counts the list calls it makes (the client is real; the count
// only observes it).
import type Dockerode from 'dockerode';
import { ExplorerModel, type ExplorerModelOptions, type ModelChange } from '../../src/explorer';

export interface CountedModel {
  model: ExplorerModel;
  calls: Record<string, number>;
  /** The options of every listContainers call, in order. */
  containerLists: Array<{ filters?: { id?: string[] } }>;
  changes: ModelChange[];
}

const COUNTED = new Set(['listContainers', 'listImages', 'listNetworks', 'listVolumes', 'getEvents']);

export function countedModel(docker: Dockerode, endpoint: string, options: Partial<ExplorerModelOptions> = {}): CountedModel {
  const calls: Record<string, number> = {};
  const containerLists: CountedModel['containerLists'] = [];
  const counted = new Proxy(docker, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop === 'string' && COUNTED.has(prop) && typeof value === 'function') {
        return (...args: unknown[]) => {
          calls[prop] = (calls[prop] ?? 0) + 1;
          if (prop === 'listContainers') containerLists.push({ ...(args[0] as object) });
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
  const model = new ExplorerModel({ client: () => counted, endpoint: () => endpoint, ...options });
  const changes: ModelChange[] = [];
  model.onDidChange((c) => changes.push(c));
  return { model, calls, containerLists, changes };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
