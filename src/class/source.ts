// The class engine's view of a real daemon: the lab engine's DockerState over the shared
// dockerode client, and one listing of names per refresh.
import * as os from 'os';
import type Dockerode from 'dockerode';
import { DockerodeState, nodeEnvironment, publishedHostFor } from '../lab';
import type { Lang } from '../util/i18n';
import type { ClassSource, Inventory } from './grid';

export async function listInventory(client: Dockerode): Promise<Inventory> {
  const [containers, networks, volumes] = await Promise.all([client.listContainers({ all: true }), client.listNetworks(), client.listVolumes()]);
  return {
    containers: new Set(containers.flatMap((c) => (c.Names ?? []).map((n) => n.replace(/^\//, '')))),
    networks: new Set(networks.map((n) => n.Name)),
    volumes: new Set((volumes.Volumes ?? []).map((v) => v.Name)),
  };
}

/** `host` as DOCKER_HOST names it (published ports of a tcp:// daemon are reached on its host). */
export function dockerClassSource(client: Dockerode, host: string | undefined, lang: Lang): ClassSource {
  // Lint and file checks are not asked (they live in each learner's folder): no workdir is read.
  return { state: new DockerodeState(client), inventory: () => listInventory(client), env: nodeEnvironment(os.tmpdir(), { lang, publishedHost: publishedHostFor(host) }), host };
}
