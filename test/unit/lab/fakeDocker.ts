// A fake of the lab engine's own narrow DockerState interface (src/lab/state.ts), holding
// objects in memory. Docker integration tests run the same code against the real daemon.
import type { ComposeContainerInfo, ContainerInfo, DockerState, Environment, ExecOutcome, ImageInfo, LintFinding, NetworkInfo, VolumeInfo } from '../../../src/lab';
import { normalizeImageRef } from '../../../src/lab';

export class FakeDocker implements DockerState {
  images = new Map<string, ImageInfo>();
  containers = new Map<string, ContainerInfo & { logs?: string; exec?: (argv: string[]) => ExecOutcome }>();
  networks = new Map<string, NetworkInfo>();
  volumes = new Map<string, VolumeInfo>();
  log: string[] = [];

  addImage(ref: string, size = 1000): this {
    this.images.set(normalizeImageRef(ref), { id: `sha256:${ref}`, tags: [ref], size });
    return this;
  }
  addContainer(c: Partial<ContainerInfo> & { name: string; logs?: string; exec?: (argv: string[]) => ExecOutcome }): this {
    this.containers.set(c.name, { id: `id-${c.name}`, state: 'running', image: 'nginx:alpine', imageId: 'sha256:nginx:alpine', ports: [], networks: [], env: {}, mounts: [], ...c });
    for (const n of c.networks ?? []) this.networks.get(n)?.containers.push(c.name);
    return this;
  }
  addNetwork(name: string, driver = 'bridge', subnets: string[] = [], composeProject?: string): this {
    this.networks.set(name, { id: `net-${name}`, name, driver, subnets, containers: [] });
    if (composeProject) this.networkProjects.set(name, composeProject);
    return this;
  }
  /** Compose labels of containers (by name) and networks (by name). */
  composeOf = new Map<string, { project: string; service: string; oneoff?: boolean }>();
  networkProjects = new Map<string, string>();
  /** A container Compose made: `<project>-<service>-<n>`, labelled, on `<project>_default`. */
  addComposeContainer(project: string, service: string, c: Partial<ContainerInfo> & { n?: number; oneoff?: boolean } = {}): this {
    const name = c.name ?? `${project}-${service}-${c.n ?? 1}`;
    const network = `${project}_default`;
    if (!this.networks.has(network)) this.addNetwork(network, 'bridge', [], project);
    this.addContainer({ networks: [network], ...c, name });
    this.composeOf.set(name, { project, service, oneoff: c.oneoff });
    return this;
  }
  addVolume(name: string): this {
    this.volumes.set(name, { name, driver: 'local' });
    return this;
  }

  async image(ref: string) {
    return this.images.get(normalizeImageRef(ref));
  }
  async container(name: string) {
    return this.containers.get(name);
  }
  async network(name: string) {
    return this.networks.get(name);
  }
  async volume(name: string) {
    return this.volumes.get(name);
  }
  async logs(name: string) {
    return this.containers.get(name)?.logs ?? '';
  }
  async exec(name: string, argv: string[]) {
    const c = this.containers.get(name);
    return c?.exec ? c.exec(argv) : { exitCode: 0, output: '' };
  }
  async composeContainers(project: string): Promise<ComposeContainerInfo[]> {
    return [...this.containers.values()].flatMap((c) => {
      const l = this.composeOf.get(c.name);
      return l && l.project === project ? [{ ...c, service: l.service, oneoff: l.oneoff ?? false }] : [];
    });
  }
  async composeNetworks(project: string) {
    return [...this.networks.keys()].filter((n) => this.networkProjects.get(n) === project);
  }
  async containersUsing(kind: 'volume' | 'network' | 'image', name: string) {
    return [...this.containers.values()]
      .filter((c) => (kind === 'network' ? c.networks.includes(name) : kind === 'volume' ? c.mounts.some((m) => m.name === name) : normalizeImageRef(c.image) === normalizeImageRef(name)))
      .map((c) => c.name);
  }
  async stopContainer(name: string) {
    this.log.push(`stop ${name}`);
    const c = this.containers.get(name);
    if (c) c.state = 'exited';
  }
  async killContainer(name: string) {
    this.log.push(`kill ${name}`);
    const c = this.containers.get(name);
    if (c) c.state = 'exited';
  }
  async removeContainer(name: string, force: boolean) {
    const c = this.containers.get(name);
    if (c && c.state === 'running' && !force) throw new Error(`container ${name} is running`);
    this.log.push(`rm ${name}`);
    this.containers.delete(name);
    this.composeOf.delete(name);
  }
  async removeNetwork(name: string) {
    this.log.push(`network rm ${name}`);
    this.networks.delete(name);
  }
  async removeVolume(name: string) {
    this.log.push(`volume rm ${name}`);
    this.volumes.delete(name);
  }
  async removeImage(ref: string) {
    this.log.push(`rmi ${ref}`);
    this.images.delete(normalizeImageRef(ref));
  }
}

export class FakeEnvironment implements Environment {
  folderName?: string;
  files = new Map<string, string>();
  findings: LintFinding[] = [];
  pages = new Map<string, { status: number; body: string }>();
  async readFile(rel: string) {
    return this.files.get(rel);
  }
  async lint(rel: string, categories: string[]) {
    if (!this.files.has(rel)) return undefined;
    return this.findings.filter((f) => !f.category || categories.includes(f.category));
  }
  async httpGet(url: string) {
    const page = this.pages.get(url);
    if (!page) throw new Error('ECONNREFUSED');
    return page;
  }
}
