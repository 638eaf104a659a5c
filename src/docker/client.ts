// A dockerode client for an endpoint, created on first use so that activation
// never loads dockerode (and ssh2) before the explorer or a lab check needs it.
import * as fs from 'node:fs';
import type * as http from 'node:http';
import type Dockerode from 'dockerode';
import type { DockerOptions } from 'dockerode';
import type { Endpoint } from './endpoint';
import { sshConnectConfig, sshEffectiveConfig, sshHttpAgent, sshTarget } from './ssh';

/** Thrown by createClient when the endpoint cannot be used at all (errors.ts words it). */
export class EndpointUnusableError extends Error {
  readonly code = 'EDOCKERLABS_ENDPOINT';
  constructor(
    readonly endpoint: Endpoint,
    readonly reason: NonNullable<Endpoint['error']>['code'] | 'tls-files' | 'unsupported' | 'client-setup',
    message: string,
  ) {
    super(message);
    this.name = 'EndpointUnusableError';
  }
}

/**
 * dockerode options for the endpoint. Every connection key is given (undefined
 * where unused) because docker-modem merges its own defaults from DOCKER_HOST
 * and DOCKER_CERT_PATH underneath: without this a unix socket chosen in the
 * settings would lose to a tcp:// DOCKER_HOST in the editor's environment.
 */
export function clientOptions(endpoint: Endpoint, env: NodeJS.ProcessEnv = process.env): DockerOptions {
  if (endpoint.error) throw new EndpointUnusableError(endpoint, endpoint.error.code, endpoint.error.message);
  const none = { socketPath: undefined, host: undefined, port: undefined, protocol: undefined, ca: undefined, cert: undefined, key: undefined };
  switch (endpoint.kind) {
    case 'unix':
      return { ...none, socketPath: decodeURIComponent(endpoint.host.slice('unix://'.length)) };
    case 'npipe':
      // npipe:////./pipe/docker_engine → //./pipe/docker_engine
      return { ...none, socketPath: endpoint.host.slice('npipe://'.length) };
    case 'ssh': {
      // Host, user, port and keys as the learner's ssh would take them (ssh.ts).
      const target = sshTarget(endpoint.ssh!, env, sshEffectiveConfig(endpoint.ssh!, env));
      return {
        ...none,
        protocol: 'ssh',
        host: target.host,
        port: target.port,
        username: target.username,
        sshOptions: { ...sshConnectConfig(target), agent: target.agent },
      } as DockerOptions;
    }
    case 'tcp': {
      const url = new URL(endpoint.host.replace(/^tcp:/, 'http:'));
      const options: DockerOptions = { ...none, host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port), protocol: 'http' };
      if (endpoint.tls) {
        const read = (p?: string) => {
          if (!p) return undefined;
          try {
            return fs.readFileSync(p);
          } catch (e) {
            throw new EndpointUnusableError(endpoint, 'tls-files', `could not read TLS file ${p}: ${(e as Error).message}`);
          }
        };
        options.protocol = 'https';
        options.ca = read(endpoint.tls.ca);
        options.cert = read(endpoint.tls.cert);
        options.key = read(endpoint.tls.key);
        if (!endpoint.tls.verify) {
          // DOCKER_TLS without _VERIFY, or a context with SkipTLSVerify: encrypted, not verified.
          const https = require('node:https') as typeof import('node:https');
          (options as { agent?: unknown }).agent = new https.Agent({ rejectUnauthorized: false, cert: options.cert, key: options.key });
        }
      }
      return options;
    }
    default:
      throw new EndpointUnusableError(endpoint, 'unsupported', `unsupported Docker endpoint: ${endpoint.host}`);
  }
}

type Dial = (options: unknown, callback: unknown) => unknown;

/**
 * docker-modem for an ssh endpoint, with our transport (ssh.ts) in place of
 * docker-modem's own, which drops the remote command's stderr and exit status.
 * The modem keeps protocol "ssh" (and host, username, sshOptions) for whoever
 * inspects it; each request is plain HTTP through the dial-stdio agent.
 */
function sshModem(options: DockerOptions, agent: http.Agent): unknown {
  const Modem = require('docker-modem') as new (o: DockerOptions) => { protocol?: string };
  const base = Modem.prototype as unknown as { dial: Dial };
  class SshModem extends Modem {
    dial(request: unknown, callback: unknown): unknown {
      // dial builds the URL and the request synchronously from `protocol` and `agent`.
      this.protocol = 'http';
      try {
        return base.dial.call(this, request, callback);
      } finally {
        this.protocol = 'ssh';
      }
    }
  }
  return new SshModem({ ...options, agent } as DockerOptions);
}

export function createClient(endpoint: Endpoint, env: NodeJS.ProcessEnv = process.env): Dockerode {
  const options = clientOptions(endpoint, env);
  const DockerodeCtor = require('dockerode') as typeof Dockerode;
  try {
    if (endpoint.kind === 'ssh') {
      const connect = (options as { sshOptions: Parameters<typeof sshHttpAgent>[0] }).sshOptions;
      return new DockerodeCtor({ modem: sshModem(options, sshHttpAgent(connect)) } as DockerOptions);
    }
    return new DockerodeCtor(options);
  } catch (e) {
    // docker-modem reads DOCKER_CERT_PATH files from the editor's environment while constructing.
    throw new EndpointUnusableError(endpoint, 'client-setup', `could not set up the Docker client: ${(e as Error).message}`);
  }
}
