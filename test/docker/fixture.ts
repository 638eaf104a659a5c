// The Docker daemon the Docker tests run against, from scripts/docker-fixture.mjs:
// the daemon named by DOCKER_LABS_TEST_DOCKER_HOST / DOCKER_HOST, or the
// fixture's own private dockerd with its registry mirror of fixture images.
//
//   const fx = await getFixture();
//   await fx.cli(['run', '-d', '--name', 'web', 'nginx:alpine']);
//   const containers = await fx.docker.listContainers();
//
// startExtraDaemon() gives a second daemon a test may stop and start.
import * as path from 'node:path';
import type Dockerode from 'dockerode';
import { createClient } from '../../src/docker/client';
import { resolveEndpoint } from '../../src/docker/endpoint';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Written to the command's stdin. */
  input?: string;
  /** Extra environment (DOCKER_HOST is set already). */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
}

export interface Fixture {
  /** The daemon as DOCKER_HOST would name it: unix://…/docker.sock, tcp://… */
  host: string;
  /** True when the daemon came from DOCKER_LABS_TEST_DOCKER_HOST / DOCKER_HOST. */
  external: boolean;
  /** 127.0.0.1:PORT of the registry mirror (the fixture's own daemon only). */
  registry?: string;
  /** A dockerode client made by our own src/docker/client.ts. */
  docker: Dockerode;
  /** Environment for child processes (docker CLI, the extension) that should use this daemon. */
  env: NodeJS.ProcessEnv;
  /** Runs the docker CLI against the daemon; never rejects on a non-zero exit. */
  cli(args: string[], opts?: CliOptions): Promise<CliResult>;
  /** Like cli() but rejects unless the command succeeds; resolves stdout. */
  cliOk(args: string[], opts?: CliOptions): Promise<string>;
}

export interface ExtraDaemon {
  id: string;
  /** unix://… of its own socket. */
  host: string;
  socketPath: string;
  /** tcp://127.0.0.1:PORT when started with tcpPort (or tls). */
  tcpHost?: string;
  /** With tls: the client's DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem). */
  certPath?: string;
  logFile: string;
  readonly pid: number | undefined;
  running(): Promise<boolean>;
  /** Stops the daemon (SIGTERM, as `systemctl stop docker` does); its data stays. */
  stop(): Promise<void>;
  /** Starts it again with the same data, sockets and ports. */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  dispose(): Promise<void>;
}

export interface ExtraDaemonOptions {
  /** Also listen on tcp://127.0.0.1:PORT (true: any free port). */
  tcpPort?: number | boolean;
  /** The TCP port speaks TLS and verifies clients (`dockerd --tlsverify`); certificates from makeTlsCertificates. */
  tls?: boolean;
  /** `dockerd --default-address-pool`, e.g. "base=10.215.7.0/24,size=25". */
  defaultAddressPool?: string;
  /** A bridge of its own, so `docker run -p` publishes ports (no iptables: docker-proxy forwards them). */
  bridge?: boolean;
}

/** sshd standing in for a class's shared Docker server (scripts/docker-fixture.mjs startSshHost). */
export interface SshHost {
  id: string;
  /** ssh://root@127.0.0.1:PORT */
  host: string;
  port: number;
  user: string;
  /** The key authorized on the server, and one that is not. */
  keyFile: string;
  wrongKeyFile: string;
  /** The learner's ssh_config the handle's env makes ssh use (IdentityFile, UserKnownHostsFile). */
  sshConfig: string;
  logFile: string;
  /** A learner's environment whose DOCKER_HOST is this host (PATH with the fixture's ssh config). */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
  dispose(): Promise<void>;
}

export interface TlsCertificates {
  dir: string;
  ca: string;
  serverCert: string;
  serverKey: string;
  /** ca.pem, cert.pem, key.pem: a DOCKER_CERT_PATH. */
  clientDir: string;
}

interface FixtureModule {
  dockerCli(host: string, args: string[], opts?: CliOptions): Promise<CliResult>;
  ensureFixture(opts?: { rebuild?: boolean }): Promise<{ host: string; external: boolean; registry?: string }>;
  startExtraDaemon(opts?: ExtraDaemonOptions): Promise<ExtraDaemon>;
  startSshHost(opts: { dockerHost: string; docker?: boolean }): Promise<SshHost>;
  makeTlsCertificates(dir: string, opts?: { cn?: string }): TlsCertificates;
  composeDockerConfig(): string;
  freePort(): Promise<number>;
  unavailableReason(): string | undefined;
  externalHost(env?: NodeJS.ProcessEnv): string | undefined;
  FixtureUnavailable: new (reason: string) => Error & { reason: string };
}

const scriptPath = path.resolve(__dirname, '..', '..', 'scripts', 'docker-fixture.mjs');
let modulePromise: Promise<FixtureModule> | undefined;

/** The fixture script (an ES module; mocha loads this file as CommonJS). */
export function fixtureModule(): Promise<FixtureModule> {
  modulePromise ??= import(scriptPath) as Promise<FixtureModule>;
  return modulePromise;
}

/** Why the Docker tests cannot run here, or undefined when a daemon can be had. */
export async function dockerUnavailableReason(): Promise<string | undefined> {
  const m = await fixtureModule();
  return m.externalHost() ? undefined : m.unavailableReason();
}

export async function runDockerCli(host: string, args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return (await fixtureModule()).dockerCli(host, args, opts);
}

function makeFixture(host: string, external: boolean, registry?: string): Fixture {
  const cli = (args: string[], opts?: CliOptions) => runDockerCli(host, args, opts);
  return {
    host,
    external,
    registry,
    docker: createClient(resolveEndpoint({}, host)),
    env: { ...process.env, DOCKER_HOST: host, DOCKER_CONTEXT: '' },
    cli,
    async cliOk(args, opts) {
      const r = await cli(args, opts);
      if (r.code !== 0) throw new Error(`docker ${args.join(' ')} exited ${r.code}: ${r.stderr || r.stdout}`);
      return r.stdout;
    },
  };
}

let fixturePromise: Promise<Fixture> | undefined;

/**
 * The shared daemon (started on first call, reused after). Rejects with a
 * FixtureUnavailable error (its `reason` says why) where no daemon can be had.
 */
export function getFixture(): Promise<Fixture> {
  fixturePromise ??= (async () => {
    const m = await fixtureModule();
    const fx = await m.ensureFixture();
    return makeFixture(fx.host, fx.external, fx.registry);
  })();
  // A failed start is not cached: a later call may try again.
  fixturePromise.catch(() => (fixturePromise = undefined));
  return fixturePromise;
}

/**
 * A private second daemon (own data-root, socket; no bridge or iptables), for
 * tests that stop and restart a daemon or need one on tcp://127.0.0.1:PORT.
 * Call dispose() when done (e.g. in an after hook).
 */
export async function startExtraDaemon(opts: ExtraDaemonOptions = {}): Promise<ExtraDaemon & { client(): Dockerode; cli(args: string[], o?: CliOptions): Promise<CliResult> }> {
  const m = await fixtureModule();
  const d = await m.startExtraDaemon(opts);
  return Object.assign(d, {
    client: () => createClient(resolveEndpoint({}, d.host)),
    cli: (args: string[], o?: CliOptions) => runDockerCli(d.host, args, o),
  });
}

/**
 * An sshd on 127.0.0.1 whose logins' `docker` reaches `dockerHost` (docker: false:
 * no docker on the server's PATH). Call dispose() when done.
 */
export async function startSshHost(opts: { dockerHost: string; docker?: boolean }): Promise<SshHost> {
  return (await fixtureModule()).startSshHost(opts);
}

/** A CA with a server certificate for 127.0.0.1/localhost and a client certificate (openssl). */
export async function makeTlsCertificates(dir: string, opts?: { cn?: string }): Promise<TlsCertificates> {
  return (await fixtureModule()).makeTlsCertificates(dir, opts);
}

/** The fixture's own DOCKER_CONFIG with the `docker compose` → docker-compose (v1) plugin. */
export async function composeDockerConfig(): Promise<string> {
  return (await fixtureModule()).composeDockerConfig();
}

export async function freePort(): Promise<number> {
  return (await fixtureModule()).freePort();
}

/**
 * Runs a fixture start-up; where it cannot be had here (FixtureUnavailable: not
 * root, a package missing) the test is skipped with the reason, or fails with
 * REQUIRE_DOCKER=1 as the root hook does.
 */
export async function orSkip<T>(ctx: Mocha.Context, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (e) {
    const reason = (e as { reason?: string }).reason;
    if (reason === undefined) throw e;
    if (process.env.REQUIRE_DOCKER === '1') throw new Error(`REQUIRE_DOCKER=1 but ${reason}`, { cause: e });
    console.warn(`\n  skipped: ${reason}\n`);
    ctx.skip();
  }
}

/** A FixtureUnavailable-like error when a command-line tool is missing. */
export function toolUnavailable(reason: string): Error & { reason: string } {
  return Object.assign(new Error(reason), { reason });
}

/** A name unique to this test run, for containers, networks and volumes. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid.toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

/** What a test created on the daemon, removed again by removeCreated() (containers first). */
export interface CreatedObjects {
  containers: string[];
  networks: string[];
  volumes: string[];
  images: string[];
}

export function createdObjects(): CreatedObjects {
  return { containers: [], networks: [], volumes: [], images: [] };
}

export async function removeCreated(fx: Fixture, made: CreatedObjects, opts: { forceImages?: boolean } = {}): Promise<void> {
  if (made.containers.length) await fx.cli(['rm', '-f', '-v', ...made.containers]);
  if (made.networks.length) await fx.cli(['network', 'rm', ...made.networks]);
  if (made.volumes.length) await fx.cli(['volume', 'rm', '-f', ...made.volumes]);
  if (made.images.length) await fx.cli(['rmi', ...(opts.forceImages ? ['-f'] : []), ...made.images]);
}
