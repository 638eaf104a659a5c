// DockerState over the shared dockerode client (src/docker/client.ts).
import { PassThrough } from 'stream';
import type Dockerode from 'dockerode';
import { COMPOSE_LABELS, composeLabelsOf } from '../../compose';
import type { ComposeContainerInfo, ContainerInfo, DockerState, ExecOutcome, ImageInfo, NetworkInfo, VolumeInfo } from './state';

function statusOf(err: unknown): number | undefined {
  return typeof err === 'object' && err && 'statusCode' in err ? Number((err as { statusCode: unknown }).statusCode) : undefined;
}

async function orUndefined<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/** Splits Docker's multiplexed stdout/stderr stream (8-byte frame headers) into text. */
export function demux(buffer: Buffer): string {
  const parts: Buffer[] = [];
  let i = 0;
  while (i + 8 <= buffer.length) {
    const type = buffer[i];
    const size = buffer.readUInt32BE(i + 4);
    if (type > 2 || buffer[i + 1] !== 0 || buffer[i + 2] !== 0 || buffer[i + 3] !== 0) return buffer.toString('utf8');
    parts.push(buffer.subarray(i + 8, i + 8 + size));
    i += 8 + size;
  }
  return i === 0 && buffer.length ? buffer.toString('utf8') : Buffer.concat(parts).toString('utf8');
}

export class DockerodeState implements DockerState {
  constructor(private readonly docker: Dockerode) {}

  async image(ref: string): Promise<ImageInfo | undefined> {
    const info = await orUndefined(this.docker.getImage(ref).inspect());
    return info ? { id: info.Id, tags: info.RepoTags ?? [], size: info.Size } : undefined;
  }

  async container(nameOrId: string): Promise<ContainerInfo | undefined> {
    const info = await orUndefined(this.docker.getContainer(nameOrId).inspect());
    if (!info) return undefined;
    const name = info.Name.replace(/^\//, '');
    // The API also resolves ID prefixes; a check by name must not match another container.
    if (name !== nameOrId && !info.Id.startsWith(nameOrId)) return undefined;
    const ports = Object.entries(info.NetworkSettings?.Ports ?? {}).flatMap(([containerPort, bindings]) =>
      bindings && bindings.length ? bindings.map((b) => ({ containerPort, hostPort: b.HostPort })) : [{ containerPort }],
    );
    const env: Record<string, string> = {};
    for (const kv of info.Config?.Env ?? []) {
      const eq = kv.indexOf('=');
      if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    return {
      id: info.Id,
      name,
      state: info.State?.Status ?? 'unknown',
      image: info.Config?.Image ?? '',
      imageId: info.Image,
      ports,
      networks: Object.keys(info.NetworkSettings?.Networks ?? {}),
      env,
      mounts: (info.Mounts ?? []).map((m) => ({ type: m.Type, name: m.Name, source: m.Source, destination: m.Destination })),
    };
  }

  async network(name: string): Promise<NetworkInfo | undefined> {
    const info = await orUndefined(this.docker.getNetwork(name).inspect());
    if (!info || (info.Name !== name && !String(info.Id).startsWith(name))) return undefined;
    return {
      id: info.Id,
      name: info.Name,
      driver: info.Driver,
      subnets: (info.IPAM?.Config ?? []).map((c: { Subnet?: string }) => c.Subnet).filter((s: string | undefined): s is string => !!s),
      containers: Object.values((info.Containers ?? {}) as Record<string, { Name: string }>).map((c) => c.Name),
    };
  }

  async volume(name: string): Promise<VolumeInfo | undefined> {
    const info = await orUndefined(this.docker.getVolume(name).inspect());
    return info ? { name: info.Name, driver: info.Driver } : undefined;
  }

  async logs(container: string): Promise<string> {
    const c = this.docker.getContainer(container);
    const raw = (await c.logs({ stdout: true, stderr: true, tail: 5000, follow: false })) as unknown as Buffer;
    return demux(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)));
  }

  async exec(container: string, argv: string[], timeoutMs: number): Promise<ExecOutcome> {
    const c = this.docker.getContainer(container);
    const exec = await c.exec({ Cmd: argv, AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({ hijack: true, stdin: false });
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (d: Buffer) => chunks.push(d));
    this.docker.modem.demuxStream(stream, out, out);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        stream.destroy();
        reject(new Error(`timeout after ${timeoutMs} ms`));
      }, timeoutMs);
      stream.on('end', () => {
        clearTimeout(timer);
        resolve();
      });
      stream.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
      stream.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    // The exit code is set a moment after the stream ends.
    for (let i = 0; i < 50; i++) {
      const info = await exec.inspect();
      if (!info.Running && info.ExitCode !== null) return { exitCode: info.ExitCode ?? 0, output: Buffer.concat(chunks).toString('utf8') };
      await new Promise((r) => setTimeout(r, 100));
    }
    return { exitCode: -1, output: Buffer.concat(chunks).toString('utf8') };
  }

  async composeContainers(project: string): Promise<ComposeContainerInfo[]> {
    const list = await this.docker.listContainers({ all: true, filters: { label: [`${COMPOSE_LABELS.project}=${project}`] } });
    const out: ComposeContainerInfo[] = [];
    for (const c of list) {
      const labels = composeLabelsOf(c.Labels);
      // The filter matched on the daemon; the label reader has the last word (both spellings write the same labels).
      if (!labels || labels.project !== project) continue;
      const info = await this.container(c.Id);
      if (info) out.push({ ...info, service: labels.service, oneoff: labels.oneoff });
    }
    return out;
  }

  async composeNetworks(project: string): Promise<string[]> {
    const list = await this.docker.listNetworks({ filters: { label: [`${COMPOSE_LABELS.project}=${project}`] } });
    return list.filter((n) => n.Labels?.[COMPOSE_LABELS.project] === project).map((n) => n.Name);
  }

  async containersUsing(kind: 'volume' | 'network' | 'image', name: string): Promise<string[]> {
    const filters: Record<string, string[]> = kind === 'volume' ? { volume: [name] } : kind === 'network' ? { network: [name] } : { ancestor: [name] };
    try {
      const list = await this.docker.listContainers({ all: true, filters });
      return list.map((c) => (c.Names[0] ?? c.Id).replace(/^\//, ''));
    } catch (err) {
      if (statusOf(err) === 404 || statusOf(err) === 400) return [];
      throw err;
    }
  }

  async stopContainer(nameOrId: string): Promise<void> {
    await ignore304(this.docker.getContainer(nameOrId).stop({ t: 2 }));
  }

  async killContainer(nameOrId: string): Promise<void> {
    await ignore304(this.docker.getContainer(nameOrId).kill().catch((e) => (statusOf(e) === 409 ? undefined : Promise.reject(e))));
  }

  async removeContainer(nameOrId: string, force: boolean): Promise<void> {
    await orUndefined(this.docker.getContainer(nameOrId).remove({ force, v: true }));
  }

  async removeNetwork(name: string): Promise<void> {
    await orUndefined(this.docker.getNetwork(name).remove());
  }

  async removeVolume(name: string): Promise<void> {
    await orUndefined(this.docker.getVolume(name).remove());
  }

  async removeImage(ref: string): Promise<void> {
    await orUndefined(this.docker.getImage(ref).remove({ force: false, noprune: false }));
  }
}

async function ignore304<T>(p: Promise<T>): Promise<void> {
  try {
    await p;
  } catch (err) {
    if (statusOf(err) !== 304 && statusOf(err) !== 404) throw err;
  }
}
