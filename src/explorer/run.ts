// `docker run -d` from the explorer: the options a learner types (name, ports,
// network, environment), checked before anything is sent, turned into both the CLI
// line they would type and the Engine API body that does the same.
import { shellWords } from '../shell';
import type Dockerode from 'dockerode';
import type { Localized } from '../util/i18n';

export interface PortMapping {
  hostIp?: string;
  /** Undefined: the daemon picks a free host port, as `-p 80` does. */
  hostPort?: number;
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

export interface RunOptions {
  image: string;
  name?: string;
  ports: PortMapping[];
  network?: string;
  env: string[];
}

const t = (ko: string, en: string): Localized => ({ ko, en });

export const RUN_TEXT = {
  badName: t(
    '컨테이너 이름에는 영문자, 숫자, _ . - 만 쓸 수 있고 영문자나 숫자로 시작해야 합니다 (2자 이상).',
    'A container name uses letters, digits, _ . - only, starts with a letter or digit and has at least 2 characters.',
  ),
  badPort: t(
    '"{value}"은(는) 포트 형식이 아닙니다. 예: 8080:80, 127.0.0.1:8080:80, 5353:53/udp',
    '"{value}" is not a port mapping. Examples: 8080:80, 127.0.0.1:8080:80, 5353:53/udp',
  ),
  badEnv: t(
    '"{value}"은(는) 환경 변수 형식이 아닙니다. 예: MYSQL_ROOT_PASSWORD=rootpass GREETING="hello world"',
    '"{value}" is not an environment variable. Example: MYSQL_ROOT_PASSWORD=rootpass GREETING="hello world"',
  ),
};

export function validateContainerName(name: string): Localized | undefined {
  if (name === '') return undefined;
  return /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name) ? undefined : RUN_TEXT.badName;
}

function port(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : undefined;
}

/** `8080:80 127.0.0.1:9090:90 5353:53/udp 3000`, separated by spaces or commas. */
export function parsePorts(text: string): { ports: PortMapping[] } | { error: Localized; value: string } {
  const ports: PortMapping[] = [];
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    const m = /^(?:(?:(\[[0-9a-fA-F:]+\]|\d{1,3}(?:\.\d{1,3}){3}):)?(\d{1,5})?:)?(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(item);
    const containerPort = m ? port(m[3] ?? '') : undefined;
    const hostPort = m?.[2] !== undefined ? port(m[2]) : undefined;
    if (!m || containerPort === undefined || (m[2] !== undefined && hostPort === undefined)) return { error: RUN_TEXT.badPort, value: item };
    ports.push({
      hostIp: m[1]?.replace(/^\[|\]$/g, ''),
      hostPort,
      containerPort,
      protocol: (m[4] as PortMapping['protocol'] | undefined) ?? 'tcp',
    });
  }
  return { ports };
}

/** `A=1 B="two words"` as a shell would split it; `$X` stays literal. */
export function parseEnv(text: string): { env: string[] } | { error: Localized; value: string } {
  const env: string[] = [];
  const { words, simple } = shellWords(text);
  if (!simple) return { error: RUN_TEXT.badEnv, value: text };
  for (const entry of words) {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*=/.test(entry)) return { error: RUN_TEXT.badEnv, value: entry };
    env.push(entry);
  }
  return { env };
}

function portSpec(p: PortMapping): string {
  const host = p.hostIp ? `${p.hostIp.includes(':') ? `[${p.hostIp}]` : p.hostIp}:${p.hostPort ?? ''}:` : p.hostPort !== undefined ? `${p.hostPort}:` : '';
  return `${host}${p.containerPort}${p.protocol === 'tcp' ? '' : `/${p.protocol}`}`;
}

/** The command a learner would type for these options. */
export function runArgv(options: RunOptions): string[] {
  return [
    'docker',
    'run',
    '-d',
    ...(options.name ? ['--name', options.name] : []),
    ...options.ports.flatMap((p) => ['-p', portSpec(p)]),
    ...(options.network ? ['--network', options.network] : []),
    ...options.env.flatMap((e) => ['-e', e]),
    options.image,
  ];
}

/** The Engine API body `docker run -d` sends for these options. */
export function createContainerBody(options: RunOptions): Dockerode.ContainerCreateOptions {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const p of options.ports) {
    const key = `${p.containerPort}/${p.protocol}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: p.hostIp ?? '', HostPort: p.hostPort !== undefined ? String(p.hostPort) : '' });
  }
  return {
    name: options.name || undefined,
    Image: options.image,
    Env: options.env.length ? options.env : undefined,
    ExposedPorts: options.ports.length ? exposed : undefined,
    HostConfig: {
      PortBindings: options.ports.length ? bindings : undefined,
      NetworkMode: options.network || undefined,
    },
  };
}
