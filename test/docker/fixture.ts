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
  /** tcp://127.0.0.1:PORT when started with tcpPort. */
  tcpHost?: string;
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

interface FixtureModule {
  dockerCli(host: string, args: string[], opts?: CliOptions): Promise<CliResult>;
  ensureFixture(opts?: { rebuild?: boolean }): Promise<{ host: string; external: boolean; registry?: string }>;
  startExtraDaemon(opts?: { tcpPort?: number | boolean }): Promise<ExtraDaemon>;
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
export async function startExtraDaemon(opts: { tcpPort?: number | boolean } = {}): Promise<ExtraDaemon & { client(): Dockerode; cli(args: string[], o?: CliOptions): Promise<CliResult> }> {
  const m = await fixtureModule();
  const d = await m.startExtraDaemon(opts);
  return Object.assign(d, {
    client: () => createClient(resolveEndpoint({}, d.host)),
    cli: (args: string[], o?: CliOptions) => runDockerCli(d.host, args, o),
  });
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
