// The Engine API objects the explorer reads, narrowed to the fields it uses, and the
// four list calls that fill them. One call per group and no per-object inspect: the
// list answers already carry what the tree shows (a container's networks with IPs and
// its mounts), so network members and volume users are joined here rather than asked
// for 50 times. Container sizes are never requested (`size=false`): computing them
// walks every container's filesystem.
import type Dockerode from 'dockerode';

export type GroupId = 'containers' | 'images' | 'networks' | 'volumes';
export const GROUPS: readonly GroupId[] = ['containers', 'images', 'networks', 'volumes'];

export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command?: string;
  Created: number;
  State: string;
  Status: string;
  Ports?: Array<{ IP?: string; PrivatePort: number; PublicPort?: number; Type: string }>;
  Labels?: Record<string, string> | null;
  NetworkSettings?: { Networks?: Record<string, ContainerNetwork> | null } | null;
  Mounts?: Array<{ Type: string; Name?: string; Source?: string; Destination: string; RW?: boolean; Driver?: string }> | null;
}

export interface ContainerNetwork {
  NetworkID?: string;
  IPAddress?: string;
  GlobalIPv6Address?: string;
  Aliases?: string[] | null;
  /** Engine 1.44+: the names this container answers to on the network. */
  DNSNames?: string[] | null;
}

export interface ImageSummary {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Created: number;
  Size: number;
  Labels?: Record<string, string> | null;
}

export interface NetworkSummary {
  Id: string;
  Name: string;
  Driver: string;
  Scope?: string;
  Internal?: boolean;
  IPAM?: { Config?: Array<{ Subnet?: string; Gateway?: string }> | null } | null;
  Labels?: Record<string, string> | null;
}

export interface VolumeSummary {
  Name: string;
  Driver: string;
  Mountpoint?: string;
  CreatedAt?: string;
  Labels?: Record<string, string> | null;
  Scope?: string;
}

export interface HistoryEntry {
  Id: string;
  Created: number;
  CreatedBy: string;
  Size: number;
  Comment?: string;
  Tags?: string[] | null;
}

export interface GroupData {
  containers: ContainerSummary[];
  images: ImageSummary[];
  networks: NetworkSummary[];
  volumes: VolumeSummary[];
}

/** Lists one group. `signal` bounds the call so an unreachable TCP host cannot hang the tree. */
export async function listGroup<G extends GroupId>(
  docker: Dockerode,
  group: G,
  signal?: AbortSignal,
): Promise<GroupData[G]> {
  switch (group) {
    case 'containers':
      return (await docker.listContainers({ all: true, size: false, abortSignal: signal } as Dockerode.ContainerListOptions)) as unknown as GroupData[G];
    case 'images':
      return (await docker.listImages({ abortSignal: signal } as Dockerode.ListImagesOptions)) as unknown as GroupData[G];
    case 'networks':
      return (await docker.listNetworks({ abortSignal: signal } as object)) as unknown as GroupData[G];
    case 'volumes': {
      const answer = (await docker.listVolumes({ abortSignal: signal } as object)) as { Volumes?: VolumeSummary[] | null };
      return (answer.Volumes ?? []) as GroupData[G];
    }
    default:
      throw new Error(`unknown group ${String(group)}`);
  }
}

/** Only these containers (by ID), as `docker ps -a --filter id=…` asks. */
export async function listContainersById(docker: Dockerode, ids: readonly string[], signal?: AbortSignal): Promise<ContainerSummary[]> {
  return (await docker.listContainers({ all: true, size: false, filters: { id: [...ids] }, abortSignal: signal } as Dockerode.ContainerListOptions)) as unknown as ContainerSummary[];
}

export function containerName(c: Pick<ContainerSummary, 'Names' | 'Id'>): string {
  const name = c.Names?.[0];
  if (!name) return c.Id.slice(0, 12);
  return name.charCodeAt(0) === 47 /* / */ ? name.slice(1) : name;
}

/**
 * Orders names by code point. Docker names are ASCII ([a-zA-Z0-9_.-]), and this is
 * far cheaper than localeCompare when a daemon has hundreds of objects.
 */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts by a key computed once per item rather than once per comparison. */
export function sortBy<T>(items: readonly T[], key: (item: T) => string, rank?: (item: T) => number): T[] {
  return items
    .map((item) => ({ item, key: key(item), rank: rank ? rank(item) : 0 }))
    .sort((a, b) => a.rank - b.rank || byText(a.key, b.key))
    .map((x) => x.item);
}

export const BUILTIN_NETWORKS = new Set(['bridge', 'host', 'none']);

export function isBuiltinNetwork(n: Pick<NetworkSummary, 'Name'>): boolean {
  return BUILTIN_NETWORKS.has(n.Name);
}

export function isDangling(image: Pick<ImageSummary, 'RepoTags'>): boolean {
  return !(image.RepoTags ?? []).some((t) => t !== '<none>:<none>');
}

/** Volumes the daemon created for an anonymous `-v /data` or a VOLUME instruction. */
export function isAnonymousVolume(v: Pick<VolumeSummary, 'Labels' | 'Name'>): boolean {
  return Boolean(v.Labels && 'com.docker.volume.anonymous' in v.Labels);
}

export interface NetworkMember {
  container: ContainerSummary;
  ipv4?: string;
  ipv6?: string;
}

/** Containers attached to each network, keyed by network ID (and by name for old daemons). */
export function membersByNetwork(containers: readonly ContainerSummary[], networks: readonly NetworkSummary[]): Map<string, NetworkMember[]> {
  const idByName = new Map(networks.map((n) => [n.Name, n.Id]));
  const result = new Map<string, NetworkMember[]>();
  for (const container of containers) {
    for (const [name, attachment] of Object.entries(container.NetworkSettings?.Networks ?? {})) {
      const id = attachment.NetworkID || idByName.get(name) || name;
      const list = result.get(id) ?? [];
      list.push({ container, ipv4: attachment.IPAddress || undefined, ipv6: attachment.GlobalIPv6Address || undefined });
      result.set(id, list);
    }
  }
  for (const [id, list] of result) result.set(id, sortBy(list, (m) => containerName(m.container)));
  return result;
}

export interface VolumeUse {
  container: ContainerSummary;
  destination: string;
  readOnly: boolean;
}

/** Which containers mount each named volume, and where. */
export function usersByVolume(containers: readonly ContainerSummary[]): Map<string, VolumeUse[]> {
  const result = new Map<string, VolumeUse[]>();
  for (const container of containers) {
    for (const mount of container.Mounts ?? []) {
      if (mount.Type !== 'volume' || !mount.Name) continue;
      const list = result.get(mount.Name) ?? [];
      list.push({ container, destination: mount.Destination, readOnly: mount.RW === false });
      result.set(mount.Name, list);
    }
  }
  for (const [name, list] of result) result.set(name, sortBy(list, (u) => containerName(u.container)));
  return result;
}

/** Published ports, one per host port and protocol (the daemon lists IPv4 and IPv6 bindings separately). */
export function publishedPorts(c: Pick<ContainerSummary, 'Ports'>): Array<{ hostPort: number; containerPort: number; protocol: string; hostIp?: string }> {
  const seen = new Map<string, { hostPort: number; containerPort: number; protocol: string; hostIp?: string }>();
  for (const p of c.Ports ?? []) {
    if (!p.PublicPort) continue;
    const key = `${p.PublicPort}/${p.Type}`;
    const existing = seen.get(key);
    const ip = p.IP && p.IP !== '0.0.0.0' && p.IP !== '::' ? p.IP : undefined;
    if (!existing) seen.set(key, { hostPort: p.PublicPort, containerPort: p.PrivatePort, protocol: p.Type, hostIp: ip });
  }
  return [...seen.values()].sort((a, b) => a.hostPort - b.hostPort || byText(a.protocol, b.protocol));
}
