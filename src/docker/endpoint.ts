// Where the Docker Engine API lives, found exactly the way the docker CLI finds
// it (docker/cli: cli/command/cli.go resolveContextName, getServerHost;
// opts/hosts.go ParseHost; cli/context/store), so the extension talks to the
// daemon the learner's terminal talks to:
//
//   1. an explicit host (the dockerLabs.dockerHost setting), like `docker -H`;
//   2. an explicit context (chosen in the extension), like `docker --context`;
//   3. DOCKER_HOST (then the "default" context, TLS from DOCKER_TLS_VERIFY,
//      DOCKER_TLS and DOCKER_CERT_PATH);
//   4. DOCKER_CONTEXT;
//   5. currentContext in $DOCKER_CONFIG/config.json (default ~/.docker);
//   6. the platform default: unix:///var/run/docker.sock, npipe:////./pipe/docker_engine.
//
// A named context is read from $DOCKER_CONFIG/contexts/meta/<sha256(name)>/meta.json
// (Endpoints.docker.Host, SkipTLSVerify) with its TLS files under
// contexts/tls/<sha256(name)>/docker/. Nothing here connects; this only reads files.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type EndpointKind = 'unix' | 'tcp' | 'ssh' | 'npipe';

export interface Endpoint {
  /** As the docker CLI would print it: unix:///var/run/docker.sock, tcp://host:2376, ssh://user@host… */
  host: string;
  kind: EndpointKind;
  /** Context name when the endpoint came from a docker context ("default" included). */
  context?: string;
  /** How it was found. */
  source: 'setting' | 'context-option' | 'env' | 'context-env' | 'context-config' | 'default';
  /** TLS (tcp only): paths of the PEM files, and whether the server certificate is verified. */
  tls?: { ca?: string; cert?: string; key?: string; verify: boolean };
  /** For ssh://[user@]host[:port]. */
  ssh?: { host: string; port?: number; username?: string };
  /** Set when the endpoint cannot be used as resolved (unknown context, malformed host): the CLI fails too. */
  error?: EndpointError;
}

export interface EndpointError {
  code: 'context-not-found' | 'context-unreadable' | 'invalid-host';
  /** The CLI's wording (English), for logs; errors.ts turns the code into a Localized message. */
  message: string;
}

export interface ResolveOptions {
  /** A context chosen explicitly (beats DOCKER_HOST, as `docker --context` does). */
  context?: string;
  platform?: NodeJS.Platform;
  homedir?: string;
}

export const DEFAULT_CONTEXT = 'default';
const DEFAULT_UNIX_HOST = 'unix:///var/run/docker.sock';
const DEFAULT_NPIPE_HOST = 'npipe:////./pipe/docker_engine';
const DEFAULT_TLS_HOST = 'tcp://localhost:2376';

export function defaultHost(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? DEFAULT_NPIPE_HOST : DEFAULT_UNIX_HOST;
}

/** $DOCKER_CONFIG, or ~/.docker. */
export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env, homedir: string = os.homedir()): string {
  return env.DOCKER_CONFIG || path.join(homedir, '.docker');
}

/** The directory name the CLI stores a context under: hex SHA-256 of its name. */
export function contextDirName(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

/**
 * Normalises a host the way the CLI's ParseHost does: "" → the platform default
 * (tcp://localhost:2376 when TLS is on), "host:port" → tcp://host:port, tcp
 * without a port gets 2375 (2376 with TLS), "unix://" alone → the default socket.
 * Throws on a malformed host.
 */
export function parseHost(value: string, tls = false, platform: NodeJS.Platform = process.platform): string {
  let host = value.trim();
  if (host === '') host = tls ? DEFAULT_TLS_HOST : defaultHost(platform);
  const sep = host.indexOf('://');
  const proto = sep < 0 ? 'tcp' : host.slice(0, sep).toLowerCase();
  const rest = sep < 0 ? host : host.slice(sep + 3);
  switch (proto) {
    case 'unix':
      return `unix://${rest || '/var/run/docker.sock'}`;
    case 'npipe':
      return `npipe://${rest || '//./pipe/docker_engine'}`;
    case 'ssh':
      if (!rest) throw new Error(`invalid bind address format: ${value}`);
      return host;
    case 'fd':
      return host;
    case 'tcp':
    case 'http':
    case 'https': {
      // ParseTCPAddr: a missing host means localhost, a missing port the default one.
      let url: URL;
      try {
        url = new URL(`tcp://${rest.startsWith(':') ? `localhost${rest}` : rest}`);
      } catch {
        throw new Error(`invalid bind address format: ${value}`);
      }
      const hostname = url.hostname || 'localhost';
      const port = url.port || (tls ? '2376' : '2375');
      const pathname = url.pathname && url.pathname !== '/' ? url.pathname : '';
      return `tcp://${hostname}:${port}${pathname}`;
    }
    default:
      throw new Error(`invalid bind address format: ${value}`);
  }
}

export function endpointKind(host: string): EndpointKind {
  if (host.startsWith('unix://')) return 'unix';
  if (host.startsWith('npipe://')) return 'npipe';
  if (host.startsWith('ssh://')) return 'ssh';
  return 'tcp';
}

function sshParts(host: string): Endpoint['ssh'] {
  const url = new URL(host);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    username: url.username ? decodeURIComponent(url.username) : undefined,
  };
}

/** Endpoint fields for a host string (kind, ssh parts); an error instead of throwing. */
function fromHost(raw: string, base: Omit<Endpoint, 'host' | 'kind'>, tls: boolean, platform: NodeJS.Platform): Endpoint {
  try {
    const host = parseHost(raw, tls, platform);
    const kind = endpointKind(host);
    return { ...base, host, kind, ...(kind === 'ssh' ? { ssh: sshParts(host) } : {}) };
  } catch (e) {
    return { ...base, host: raw, kind: endpointKind(raw), error: { code: 'invalid-host', message: (e as Error).message } };
  }
}

/** The "default" context: DOCKER_HOST (or the platform default) with the env's TLS settings. */
function defaultContextEndpoint(env: NodeJS.ProcessEnv, source: Endpoint['source'], platform: NodeJS.Platform, homedir: string, context?: string): Endpoint {
  // The CLI turns TLS on for DOCKER_TLS_VERIFY or DOCKER_TLS (any non-empty value).
  const verify = !!env.DOCKER_TLS_VERIFY;
  const tlsOn = verify || !!env.DOCKER_TLS;
  const ep = fromHost(env.DOCKER_HOST ?? '', { source, ...(context ? { context } : {}) }, tlsOn, platform);
  if (tlsOn && ep.kind === 'tcp') {
    const certDir = env.DOCKER_CERT_PATH || dockerConfigDir(env, homedir);
    const file = (name: string) => {
      const p = path.join(certDir, name);
      return fs.existsSync(p) ? p : undefined;
    };
    ep.tls = { ca: verify ? file('ca.pem') : undefined, cert: file('cert.pem'), key: file('key.pem'), verify };
  }
  return ep;
}

interface ContextMeta {
  Name?: string;
  Metadata?: { Description?: string };
  Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
}

/** Reads a named context as the CLI stores it; undefined when it does not exist. */
function readContext(configDir: string, name: string): { meta: ContextMeta; tlsDir: string } | undefined {
  const dir = contextDirName(name);
  const metaPath = path.join(configDir, 'contexts', 'meta', dir, 'meta.json');
  let text: string;
  try {
    text = fs.readFileSync(metaPath, 'utf8');
  } catch {
    return undefined;
  }
  return { meta: JSON.parse(text) as ContextMeta, tlsDir: path.join(configDir, 'contexts', 'tls', dir, 'docker') };
}

function contextEndpoint(
  name: string,
  source: Endpoint['source'],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  homedir: string,
): Endpoint {
  if (name === DEFAULT_CONTEXT) return defaultContextEndpoint(env, source, platform, homedir, DEFAULT_CONTEXT);
  const configDir = dockerConfigDir(env, homedir);
  let stored: ReturnType<typeof readContext>;
  try {
    stored = readContext(configDir, name);
  } catch (e) {
    return {
      host: '',
      kind: 'unix',
      context: name,
      source,
      error: { code: 'context-unreadable', message: `context "${name}": ${(e as Error).message}` },
    };
  }
  if (!stored) {
    return {
      host: '',
      kind: 'unix',
      context: name,
      source,
      error: { code: 'context-not-found', message: `context "${name}": context not found` },
    };
  }
  const docker = stored.meta.Endpoints?.docker ?? {};
  const ep = fromHost(docker.Host ?? '', { source, context: name }, false, platform);
  if (ep.kind === 'tcp') {
    const file = (f: string) => {
      const p = path.join(stored.tlsDir, f);
      return fs.existsSync(p) ? p : undefined;
    };
    const ca = file('ca.pem');
    const cert = file('cert.pem');
    const key = file('key.pem');
    // A context talks TLS when it has TLS material or asks to skip verification.
    if (ca || cert || key || docker.SkipTLSVerify) ep.tls = { ca, cert, key, verify: !docker.SkipTLSVerify };
  }
  return ep;
}

/** currentContext from $DOCKER_CONFIG/config.json; a missing or broken file means none (the CLI only warns). */
export function configuredContext(env: NodeJS.ProcessEnv = process.env, homedir: string = os.homedir()): string | undefined {
  try {
    const config = JSON.parse(fs.readFileSync(path.join(dockerConfigDir(env, homedir), 'config.json'), 'utf8')) as { currentContext?: string };
    return config.currentContext || undefined;
  } catch {
    return undefined;
  }
}

/** The endpoint the docker CLI would use with this environment (see the top of this file). */
export function resolveEndpoint(env: NodeJS.ProcessEnv = process.env, override?: string, options: ResolveOptions = {}): Endpoint {
  const platform = options.platform ?? process.platform;
  const homedir = options.homedir ?? os.homedir();
  if (override && override.trim()) {
    // Like `docker -H`: the default context's TLS settings from the environment still apply.
    return defaultContextEndpoint({ ...env, DOCKER_HOST: override.trim() }, 'setting', platform, homedir);
  }
  if (options.context) return contextEndpoint(options.context, 'context-option', env, platform, homedir);
  if (env.DOCKER_HOST) return defaultContextEndpoint(env, 'env', platform, homedir);
  if (env.DOCKER_CONTEXT) return contextEndpoint(env.DOCKER_CONTEXT, 'context-env', env, platform, homedir);
  const current = configuredContext(env, homedir);
  if (current) return contextEndpoint(current, 'context-config', env, platform, homedir);
  return defaultContextEndpoint(env, 'default', platform, homedir);
}

/** Short text for the status bar: the context name, else the host. */
export function endpointLabel(endpoint: Endpoint): string {
  if (endpoint.context && endpoint.context !== DEFAULT_CONTEXT) return endpoint.context;
  return endpoint.host || endpoint.context || '';
}

export interface ContextInfo {
  name: string;
  description: string;
  /** Endpoints.docker.Host; for "default", what DOCKER_HOST or the platform gives. */
  host: string;
  /** The one the CLI uses now (DOCKER_CONTEXT, else currentContext, else default), as `docker context ls` marks it. */
  current: boolean;
  error?: string;
}

/** The contexts `docker context ls` lists: "default" first, then the stored ones by name. */
export function listContexts(env: NodeJS.ProcessEnv = process.env, options: { platform?: NodeJS.Platform; homedir?: string } = {}): ContextInfo[] {
  const platform = options.platform ?? process.platform;
  const homedir = options.homedir ?? os.homedir();
  const configDir = dockerConfigDir(env, homedir);
  const current = env.DOCKER_HOST ? DEFAULT_CONTEXT : env.DOCKER_CONTEXT || configuredContext(env, homedir) || DEFAULT_CONTEXT;
  const def = defaultContextEndpoint(env, 'default', platform, homedir, DEFAULT_CONTEXT);
  const out: ContextInfo[] = [
    { name: DEFAULT_CONTEXT, description: 'Current DOCKER_HOST based configuration', host: def.host, current: current === DEFAULT_CONTEXT },
  ];
  const metaRoot = path.join(configDir, 'contexts', 'meta');
  let dirs: string[] = [];
  try {
    dirs = fs.readdirSync(metaRoot);
  } catch {
    // No contexts created yet.
  }
  const stored: ContextInfo[] = [];
  for (const dir of dirs) {
    try {
      const meta = JSON.parse(fs.readFileSync(path.join(metaRoot, dir, 'meta.json'), 'utf8')) as ContextMeta;
      if (!meta.Name) continue;
      stored.push({
        name: meta.Name,
        description: meta.Metadata?.Description ?? '',
        host: meta.Endpoints?.docker?.Host ?? '',
        current: current === meta.Name,
      });
    } catch (e) {
      stored.push({ name: dir, description: '', host: '', current: false, error: (e as Error).message });
    }
  }
  stored.sort((a, b) => a.name.localeCompare(b.name));
  return [...out, ...stored];
}

/**
 * DOCKER_HOST / DOCKER_CONTEXT that point a docker CLI (a child process, a terminal) at
 * `ep`: a named context stays a context (its TLS and ssh settings live in it), any other
 * endpoint is its host, with DOCKER_CONTEXT emptied so that no context wins over it.
 */
export function cliEnvironment(ep: Endpoint): { DOCKER_HOST: string; DOCKER_CONTEXT: string } {
  if (ep.context && ep.context !== DEFAULT_CONTEXT && ep.source !== 'setting' && ep.source !== 'env') return { DOCKER_HOST: '', DOCKER_CONTEXT: ep.context };
  return { DOCKER_HOST: ep.host, DOCKER_CONTEXT: '' };
}
