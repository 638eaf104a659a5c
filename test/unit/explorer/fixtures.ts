// Engine API answers as a daemon gives them (trimmed to the fields the explorer reads),
// for the pure tree and plan functions.
import type { ContainerSummary, GroupData, ImageSummary, NetworkSummary, VolumeSummary } from '../../../src/explorer/daemonLists';

export const NOW = Date.UTC(2024, 0, 10);
const ago = (seconds: number) => NOW / 1000 - seconds;

const NGINX = 'sha256:' + 'a'.repeat(64);
const MYSQL = 'sha256:' + 'b'.repeat(64);
const DANGLING = 'sha256:' + 'c'.repeat(64);
const PAIR_NET = 'n'.repeat(64);
const BRIDGE = 'd'.repeat(64);
const ANON = 'e'.repeat(64);

export function container(over: Partial<ContainerSummary> & { Id: string; Names: string[] }): ContainerSummary {
  return { Image: 'nginx:alpine', ImageID: NGINX, Created: ago(600), State: 'running', Status: 'Up 10 minutes', Ports: [], Mounts: [], NetworkSettings: { Networks: {} }, ...over };
}

export const containers: ContainerSummary[] = [
  container({ Id: '1'.repeat(64), Names: ['/stopped-web'], State: 'exited', Status: 'Exited (0) 2 hours ago', NetworkSettings: { Networks: { bridge: { NetworkID: BRIDGE, IPAddress: '' } } } }),
  container({
    Id: '2'.repeat(64),
    Names: ['/pair1-web'],
    Ports: [
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8081, Type: 'tcp' },
      { IP: '::', PrivatePort: 80, PublicPort: 8081, Type: 'tcp' },
      { PrivatePort: 443, Type: 'tcp' },
    ],
    NetworkSettings: { Networks: { 'pair1-network': { NetworkID: PAIR_NET, IPAddress: '172.19.0.3' } } },
  }),
  container({
    Id: '3'.repeat(64),
    Names: ['/pair1-mysql'],
    Image: 'mysql:8.0',
    ImageID: MYSQL,
    NetworkSettings: { Networks: { 'pair1-network': { NetworkID: PAIR_NET, IPAddress: '172.19.0.2' } } },
    Mounts: [
      { Type: 'volume', Name: 'db-data', Source: '/var/lib/docker/volumes/db-data/_data', Destination: '/var/lib/mysql', RW: true },
      { Type: 'volume', Name: ANON, Destination: '/tmp/cache', RW: true },
    ],
  }),
  container({ Id: '4'.repeat(64), Names: ['/a-created'], State: 'created', Status: 'Created' }),
];

export const images: ImageSummary[] = [
  { Id: NGINX, RepoTags: ['nginx:alpine', 'web:v1'], RepoDigests: ['nginx@sha256:' + 'f'.repeat(64)], Created: ago(3 * 86400), Size: 4_270_000 },
  { Id: MYSQL, RepoTags: ['mysql:8.0'], Created: ago(86400), Size: 85_880_000 },
  { Id: DANGLING, RepoTags: [], Created: ago(7200), Size: 1000 },
];

export const networks: NetworkSummary[] = [
  { Id: PAIR_NET, Name: 'pair1-network', Driver: 'bridge', IPAM: { Config: [{ Subnet: '172.19.0.0/16', Gateway: '172.19.0.1' }] } },
  { Id: BRIDGE, Name: 'bridge', Driver: 'bridge', IPAM: { Config: [{ Subnet: '172.17.0.0/16' }] } },
  { Id: 'h'.repeat(64), Name: 'host', Driver: 'host', IPAM: { Config: [] } },
  { Id: 'o'.repeat(64), Name: 'none', Driver: 'null', IPAM: { Config: [] } },
  { Id: 'u'.repeat(64), Name: 'unused-net', Driver: 'bridge', IPAM: { Config: [{ Subnet: '172.20.0.0/16' }] } },
];

export const volumes: VolumeSummary[] = [
  { Name: 'db-data', Driver: 'local', Mountpoint: '/var/lib/docker/volumes/db-data/_data' },
  { Name: ANON, Driver: 'local', Labels: { 'com.docker.volume.anonymous': '' } },
  { Name: 'f'.repeat(64), Driver: 'local', Labels: { 'com.docker.volume.anonymous': '' } },
  { Name: 'keep-me', Driver: 'local' },
];

export const data: GroupData = { containers, images, networks, volumes };
