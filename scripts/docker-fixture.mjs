#!/usr/bin/env node
// The Docker fixture: a real daemon for tests, benchmarks and development.
//
//   node scripts/docker-fixture.mjs up       start (or reuse) registry + dockerd, build images if needed
//   node scripts/docker-fixture.mjs env      print `export DOCKER_HOST=…` for the running fixture
//   node scripts/docker-fixture.mjs status   what is running, where
//   node scripts/docker-fixture.mjs down     stop dockerd and the registry (data is kept)
//   node scripts/docker-fixture.mjs up --rebuild   rebuild and push the images even if unchanged
//
// When DOCKER_LABS_TEST_DOCKER_HOST (or DOCKER_HOST, unless it points at this
// fixture) names a daemon, that daemon is used as is. Otherwise, as root with
// Debian's docker.io, docker-registry and busybox-static installed, it starts:
//   - docker-registry on 127.0.0.1:<port>, storage under .cache/docker-fixture/registry;
//   - a private dockerd (own data-root, exec-root, pidfile and unix socket) with
//     that registry as --registry-mirror and one 10.N.0.0/16 cut into /24s as its
//     --default-address-pool (256 networks: a 30-pair class fits);
// and builds the fixture images (test/fixture/images.mjs) FROM scratch with
// busybox, pushes them as library/<name>:<tag> and removes the local copies, so
// `docker pull nginx:alpine` goes through the mirror exactly as a learner's
// does. Images are rebuilt only when their sources change (a hash of them).
//
// Everything lives in the git-ignored .cache/docker-fixture/; sockets go to a
// short directory (unix socket paths are limited to 108 bytes).
//
// The same functions are exported for tests and benchmarks: ensureFixture(),
// startExtraDaemon() (a second, disposable daemon that tests may stop and
// restart), fixtureStatus(), stopFixture().
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { families, images, registryPath } from '../test/fixture/images.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtureSrc = path.join(root, 'test', 'fixture');
export const cacheDir = path.join(root, '.cache', 'docker-fixture');
const statePath = path.join(cacheDir, 'state.json');
const lockDir = path.join(cacheDir, 'lock');

const DOCKERD = process.env.DOCKER_LABS_DOCKERD || '/usr/sbin/dockerd';
const REGISTRY = process.env.DOCKER_LABS_REGISTRY || '/usr/bin/docker-registry';
const BUSYBOX = process.env.DOCKER_LABS_BUSYBOX || '/bin/busybox';
// Bump when the build recipe below changes in a way the hashed sources don't show.
const RECIPE = 3;

/** Thrown when no daemon can be had here; tests turn it into a skip. */
export class FixtureUnavailable extends Error {
  constructor(reason) {
    super(reason);
    this.name = 'FixtureUnavailable';
    this.reason = reason;
  }
}

function log(...args) {
  if (!process.env.DOCKER_LABS_FIXTURE_QUIET) console.error('[docker-fixture]', ...args);
}

// ---------------------------------------------------------------------------
// Paths

/** Where sockets, pidfiles and exec-roots go: inside the cache if that is short. */
export function runDir() {
  const inCache = path.join(cacheDir, 'run');
  // exec-root holds containerd's sockets a few levels down: keep a wide margin.
  if (inCache.length <= 60) return inCache;
  const hash = createHash('sha256').update(root).digest('hex').slice(0, 10);
  return path.join(os.tmpdir(), `docker-labs-${hash}`);
}

function paths() {
  const run = runDir();
  return {
    run,
    socket: path.join(run, 'docker.sock'),
    pidfile: path.join(run, 'docker.pid'),
    execRoot: path.join(run, 'x'),
    dataRoot: path.join(cacheDir, 'data'),
    dockerdLog: path.join(cacheDir, 'dockerd.log'),
    registryRoot: path.join(cacheDir, 'registry'),
    registryConfig: path.join(cacheDir, 'registry.yml'),
    registryLog: path.join(cacheDir, 'registry.log'),
    registryPidfile: path.join(run, 'registry.pid'),
  };
}

// ---------------------------------------------------------------------------
// Small helpers

function readState() {
  try {
    return JSON.parse(fs.readFileSync(statePath, 'utf8'));
  } catch {
    return {};
  }
}

function writeState(patch) {
  const next = { ...readState(), ...patch };
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(statePath + '.tmp', JSON.stringify(next, null, 2));
  fs.renameSync(statePath + '.tmp', statePath);
  return next;
}

function alive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function readPid(file) {
  try {
    return Number(fs.readFileSync(file, 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** GET over a unix socket or TCP; resolves { status, body } or rejects. */
function request({ socketPath, host, port, path: p, method = 'GET', headers, timeoutMs = 3000 }) {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, host, port, path: p, method, headers, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

async function pingDaemon(socketPath) {
  try {
    const r = await request({ socketPath, path: '/_ping', timeoutMs: 2000 });
    return r.status === 200;
  } catch {
    return false;
  }
}

async function pingRegistry(port) {
  try {
    const r = await request({ host: '127.0.0.1', port, path: '/v2/', timeoutMs: 2000 });
    return r.status === 200;
  } catch {
    return false;
  }
}

async function waitFor(what, check, { timeoutMs = 60000, proc, logFile } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (proc && proc.exitCode !== null) break;
    await sleep(200);
  }
  const tail = logFile && fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
  throw new Error(`${what} did not come up${tail ? `; last log lines:\n${tail}` : ''}`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Starts a long-lived process detached from us, output appended to logFile. */
function spawnDetached(cmd, args, logFile) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = fs.openSync(logFile, 'a');
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  child.unref();
  return child;
}

async function stopPid(pid, what, timeoutMs = 30000) {
  if (!alive(pid)) return;
  log(`stopping ${what} (pid ${pid})`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await sleep(100);
  if (alive(pid)) {
    process.kill(pid, 'SIGKILL');
    while (alive(pid)) await sleep(100);
  }
}

/** Runs the docker CLI against `host`; resolves { code, stdout, stderr }. */
export function dockerCli(host, args, { input, env, timeoutMs = 600000, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, {
      cwd,
      env: { ...process.env, DOCKER_HOST: host, DOCKER_CONTEXT: '', DOCKER_BUILDKIT: '0', DOCKER_CLI_HINTS: 'false', ...env },
      // No input: no stdin pipe, so a command that exits at once cannot make the write fail.
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    if (child.stdin) {
      // A command may exit before reading its input (EPIPE): its exit code tells what happened.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });
}

async function dockerOk(host, args, opts) {
  const r = await dockerCli(host, args, opts);
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} failed (${r.code}):\n${r.stderr || r.stdout}`);
  return r.stdout;
}

/** One process at a time may start or build the fixture (others wait here). */
async function withLock(fn) {
  fs.mkdirSync(cacheDir, { recursive: true });
  const deadline = Date.now() + 20 * 60000;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = readPid(path.join(lockDir, 'pid'));
      let age;
      try {
        age = Date.now() - fs.statSync(lockDir).mtimeMs;
      } catch {
        continue;
      }
      // A lock without a living holder is stale (the holder was killed).
      if ((holder && !alive(holder)) || (!holder && age > 10000)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the fixture lock held by pid ${holder}`, { cause: e });
      if (!announced) log(`waiting for another fixture process (pid ${holder})`);
      announced = true;
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Which daemon

/** A daemon given from outside (not this fixture's own socket), or undefined. */
export function externalHost(env = process.env) {
  if (env.DOCKER_LABS_TEST_DOCKER_HOST) return env.DOCKER_LABS_TEST_DOCKER_HOST;
  const own = `unix://${paths().socket}`;
  if (env.DOCKER_HOST && env.DOCKER_HOST !== own) return env.DOCKER_HOST;
  return undefined;
}

/** Why this machine cannot run the fixture's own daemon, or undefined if it can. */
export function unavailableReason() {
  if (process.platform !== 'linux') return `the Docker fixture needs Linux (this is ${process.platform}); set DOCKER_LABS_TEST_DOCKER_HOST to a daemon`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0)
    return 'the Docker fixture starts its own dockerd and needs root; run as root or set DOCKER_LABS_TEST_DOCKER_HOST to a daemon';
  for (const [bin, pkg] of [
    [DOCKERD, 'docker.io'],
    [REGISTRY, 'docker-registry'],
    [BUSYBOX, 'busybox-static'],
  ]) {
    if (!fs.existsSync(bin)) return `${bin} not found (apt-get install ${pkg}); or set DOCKER_LABS_TEST_DOCKER_HOST to a daemon`;
  }
  if (spawnSync('docker', ['--version']).status !== 0) return 'the docker CLI is not installed (apt-get install docker.io)';
  if (spawnSync('ip', ['-V']).status !== 0) return 'the ip command is missing (apt-get install iproute2)';
  return undefined;
}

// ---------------------------------------------------------------------------
// Registry and daemon

async function ensureRegistry() {
  const p = paths();
  const state = readState();
  if (state.registryPort && (await pingRegistry(state.registryPort))) return state.registryPort;
  const oldPid = readPid(p.registryPidfile);
  if (oldPid) await stopPid(oldPid, 'stale registry');
  const port = state.registryPort && (await portFree(state.registryPort)) ? state.registryPort : await freePort();
  fs.mkdirSync(p.registryRoot, { recursive: true });
  fs.mkdirSync(p.run, { recursive: true });
  fs.writeFileSync(
    p.registryConfig,
    [
      '# Written by scripts/docker-fixture.mjs: the fixture daemon\'s --registry-mirror.',
      'version: 0.1',
      'log:',
      '  level: warn',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${p.registryRoot}`,
      '  delete:',
      '    enabled: true',
      '  cache:',
      '    blobdescriptor: inmemory',
      'http:',
      `  addr: 127.0.0.1:${port}`,
      '',
    ].join('\n'),
  );
  log(`starting docker-registry on 127.0.0.1:${port}`);
  const child = spawnDetached(REGISTRY, ['serve', p.registryConfig], p.registryLog);
  fs.writeFileSync(p.registryPidfile, String(child.pid));
  await waitFor('docker-registry', () => pingRegistry(port), { proc: child, logFile: p.registryLog, timeoutMs: 30000 });
  writeState({ registryPort: port });
  return port;
}

async function daemonMirrors(socketPath) {
  try {
    const r = await request({ socketPath, path: '/info', timeoutMs: 5000 });
    return JSON.parse(r.body).RegistryConfig?.Mirrors ?? [];
  } catch {
    return [];
  }
}

// The main daemon's own bridge: any other dockerd on the machine (a developer's,
// a test's) owns docker0 and may delete or re-address it under us. Each checkout
// picks its bridge name and a free 10.213.N.0/24 once and keeps them (state.json),
// so two checkouts on one machine do not share a bridge either.
function bridgeConfig() {
  const state = readState();
  if (state.bridge) return state.bridge;
  const hash = createHash('sha256').update(root).digest('hex');
  const routes = spawnSync('ip', ['-4', 'route'], { encoding: 'utf8' }).stdout ?? '';
  const first = parseInt(hash.slice(0, 2), 16);
  for (let i = 0; i < 256; i++) {
    const n = (first + i) % 256;
    if (!routes.includes(`10.213.${n}.`)) return writeState({ bridge: { name: `dl-${hash.slice(0, 8)}`, cidr: `10.213.${n}.1/24` } }).bridge;
  }
  throw new Error('no free 10.213.N.0/24 for the fixture bridge');
}

// The main daemon's pools for user-defined networks: Docker's defaults hold ~30 bridge
// networks and a 30-pair class of session 3 makes 30 (session 4, 60). As the instructor
// guide (exercises/README.md) tells a class server: one /16 cut into /24s, 256 networks.
// Each checkout picks a 10.N.0.0/16 (N 10–99) no route on the machine uses yet and keeps it,
// clear of the subnets the course and tests name themselves (session 1's 10.123.<pair>.0/24,
// the explorer's and the checks' 10.200–249.x.0/24, the bridges' 10.213/10.215).
function addressPoolConfig() {
  const state = readState();
  if (state.addressPool) return state.addressPool;
  const routes = spawnSync('ip', ['-4', 'route'], { encoding: 'utf8' }).stdout ?? '';
  for (let n = 10; n < 100; n++) {
    if (!routes.split('\n').some((r) => r.startsWith(`10.${n}.`))) return writeState({ addressPool: `base=10.${n}.0.0/16,size=24` }).addressPool;
  }
  throw new Error('no free 10.N.0.0/16 (N 10–99) for the fixture daemon\'s address pool');
}

function ensureBridge({ name, cidr }) {
  const ip = (args) => spawnSync('ip', args, { encoding: 'utf8' });
  if (ip(['link', 'show', name]).status !== 0) {
    const add = ip(['link', 'add', name, 'type', 'bridge']);
    if (add.status !== 0 && !/exists/.test(add.stderr)) throw new Error(`ip link add ${name}: ${add.stderr}`);
  }
  if (!ip(['-4', 'addr', 'show', 'dev', name]).stdout.includes(cidr.split('/')[0])) {
    const addr = ip(['addr', 'add', cidr, 'dev', name]);
    if (addr.status !== 0 && !/exists/.test(addr.stderr)) throw new Error(`ip addr add ${cidr}: ${addr.stderr}`);
  }
  ip(['link', 'set', name, 'up']);
}

function dockerdArgs({ dataRoot, execRoot, pidfile, socket, registryPort, tcpPort, tls, defaultAddressPool, isolated, bridge }) {
  const args = ['--data-root', dataRoot, '--exec-root', execRoot, '--pidfile', pidfile, '-H', `unix://${socket}`];
  if (bridge) args.push('--bridge', bridge);
  if (tcpPort) args.push('-H', `tcp://127.0.0.1:${tcpPort}`);
  // As `dockerd --tlsverify` on a class server: only clients with a certificate from this CA get in.
  if (tls) args.push('--tlsverify', '--tlscacert', tls.ca, '--tlscert', tls.serverCert, '--tlskey', tls.serverKey);
  if (defaultAddressPool) args.push('--default-address-pool', defaultAddressPool);
  if (registryPort) args.push('--registry-mirror', `http://127.0.0.1:${registryPort}`);
  // An extra daemon must not fight the main one over docker0 and iptables.
  if (isolated) args.push(...(bridge ? [] : ['--bridge=none']), '--iptables=false', '--ip-masq=false', '--shutdown-timeout', '2');
  return args;
}

async function startDockerd(opts, logFile) {
  const oldPid = readPid(opts.pidfile);
  if (oldPid && !alive(oldPid)) fs.rmSync(opts.pidfile, { force: true });
  fs.mkdirSync(path.dirname(opts.socket), { recursive: true });
  fs.mkdirSync(opts.dataRoot, { recursive: true });
  const child = spawnDetached(DOCKERD, dockerdArgs(opts), logFile);
  await waitFor(`dockerd (${opts.socket})`, () => pingDaemon(opts.socket), { proc: child, logFile, timeoutMs: 90000 });
  return child.pid;
}

async function ensureDaemon(registryPort) {
  const p = paths();
  const mirror = `http://127.0.0.1:${registryPort}/`;
  const bridge = bridgeConfig();
  const config = { dataRoot: p.dataRoot, execRoot: p.execRoot, pidfile: p.pidfile, socket: p.socket, registryPort, bridge: bridge.name, defaultAddressPool: addressPoolConfig() };
  const argsKey = dockerdArgs(config).join(' ');
  ensureBridge(bridge);
  if (await pingDaemon(p.socket)) {
    const mirrors = await daemonMirrors(p.socket);
    if (mirrors.includes(mirror) && readState().dockerdArgs === argsKey) return;
    log('the running dockerd was started with other options: restarting it');
    await stopPid(readPid(p.pidfile), 'dockerd');
  } else {
    const pid = readPid(p.pidfile);
    if (alive(pid)) await stopPid(pid, 'unresponsive dockerd');
  }
  log(`starting dockerd on unix://${p.socket}`);
  await startDockerd(config, p.dockerdLog);
  writeState({ dockerdArgs: argsKey });
}

// ---------------------------------------------------------------------------
// Images

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

function fileSha(file) {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function npmDir() {
  const cli = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' });
  const dir = path.join(cli.stdout.trim(), 'npm');
  if (cli.status !== 0 || !fs.existsSync(path.join(dir, 'bin', 'npm-cli.js'))) throw new Error('cannot find the global npm (npm root -g)');
  return dir;
}

/** Everything the images are made from; a change means rebuild. */
export function imagesHash() {
  const h = createHash('sha256');
  h.update(`recipe ${RECIPE}\n`);
  for (const file of walk(fixtureSrc)) {
    if (file.endsWith('.md')) continue; // documentation does not change an image
    const st = fs.lstatSync(file);
    const rel = path.relative(fixtureSrc, file);
    h.update(`${rel} ${st.mode & 0o111 ? 'x' : '-'} ${st.isSymbolicLink() ? 'link:' + fs.readlinkSync(file) : fileSha(file)}\n`);
  }
  h.update(`busybox ${fileSha(BUSYBOX)}\nnode ${process.version}\n`);
  for (const [name, bin] of Object.entries(HOST_BINARIES)) if (fs.existsSync(bin)) h.update(`${name} ${fileSha(bin)}\n`);
  h.update(`npm ${JSON.parse(fs.readFileSync(path.join(npmDir(), 'package.json'), 'utf8')).version}\n`);
  return h.digest('hex');
}

// Host programs a family image may carry (images.mjs `hostBinaries`), by name.
const HOST_BINARIES = { 'docker-registry': REGISTRY };

/** A dynamically linked program and the shared libraries it loads, under dest as at target. */
function copyBinaryWithLibs(bin, dest, target) {
  const real = fs.realpathSync(bin);
  fs.mkdirSync(path.join(dest, path.dirname(target)), { recursive: true });
  fs.copyFileSync(real, path.join(dest, target));
  fs.chmodSync(path.join(dest, target), 0o755);
  copyLibs(real, dest);
}

function copyLibs(bin, dest) {
  const ldd = spawnSync('ldd', [bin], { encoding: 'utf8' });
  // A static binary: ldd says "not a dynamic executable" and exits 1.
  if (ldd.status !== 0) return;
  for (const line of ldd.stdout.split('\n')) {
    const m = /=>\s*(\/\S+)/.exec(line) || /^\s*(\/\S+)\s+\(/.exec(line);
    if (!m) continue;
    const target = path.join(dest, m[1]);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(fs.realpathSync(m[1]), target);
    fs.chmodSync(target, 0o755);
  }
}

/** The node binary, the shared libraries it loads and npm, laid out as in the image. */
function assembleNodeRuntime(dest) {
  const node = fs.realpathSync(process.execPath);
  fs.mkdirSync(path.join(dest, 'usr/local/bin'), { recursive: true });
  fs.copyFileSync(node, path.join(dest, 'usr/local/bin/node'));
  fs.chmodSync(path.join(dest, 'usr/local/bin/node'), 0o755);
  const ldd = spawnSync('ldd', [node], { encoding: 'utf8' });
  if (ldd.status !== 0) throw new Error(`ldd ${node} failed: ${ldd.stderr}`);
  copyLibs(node, dest);
  fs.cpSync(npmDir(), path.join(dest, 'usr/local/lib/node_modules/npm'), { recursive: true, verbatimSymlinks: true });
  // No update check from inside containers: it would wait on the network.
  fs.mkdirSync(path.join(dest, 'usr/local/etc'), { recursive: true });
  fs.writeFileSync(path.join(dest, 'usr/local/etc/npmrc'), 'update-notifier=false\n');
}

function copyContext(srcDir, dest) {
  fs.cpSync(srcDir, dest, { recursive: true, verbatimSymlinks: true });
  // Scripts must be executable whatever umask or checkout they came from.
  for (const file of walk(dest)) {
    const st = fs.lstatSync(file);
    if (st.isSymbolicLink() || !st.isFile()) continue;
    const fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(2);
    fs.readSync(fd, head, 0, 2, 0);
    fs.closeSync(fd);
    fs.chmodSync(file, head.toString() === '#!' ? 0o755 : 0o644);
  }
}

async function registryHas(port, ref) {
  const { repository, tag } = registryPath(ref);
  try {
    const r = await request({
      host: '127.0.0.1',
      port,
      method: 'HEAD',
      path: `/v2/${repository}/manifests/${tag}`,
      headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json' },
    });
    return r.status === 200;
  } catch {
    return false;
  }
}

async function buildImages(host, registryPort, hash) {
  const started = Date.now();
  const imagesDir = path.join(fixtureSrc, 'images');
  const work = fs.mkdtempSync(path.join(cacheDir, 'build-'));
  const pushed = [];
  const localTags = [];
  try {
    log('building fixture images (first run or sources changed)');
    const baseCtx = path.join(work, 'base');
    copyContext(path.join(imagesDir, 'base'), baseCtx);
    fs.copyFileSync(BUSYBOX, path.join(baseCtx, 'busybox'));
    fs.chmodSync(path.join(baseCtx, 'busybox'), 0o755);
    const baseTag = 'docker-labs-fixture/base:build';
    await dockerOk(host, ['build', '-q', '-t', baseTag, baseCtx]);
    localTags.push(baseTag);

    const familyUser = {};
    for (const [name, family] of Object.entries(families)) {
      if (!images.some((i) => i.family === name)) continue;
      const ctx = path.join(work, `f-${name}`);
      copyContext(path.join(imagesDir, family.dir), ctx);
      const args = { BASE: baseTag, ...family.args };
      if (family.nodeRuntime) {
        assembleNodeRuntime(path.join(ctx, 'node-runtime'));
        args.NODE_VERSION = process.version.slice(1);
      }
      for (const [target, bin] of Object.entries(family.hostBinaries ?? {})) copyBinaryWithLibs(HOST_BINARIES[bin], path.join(ctx, 'host-rootfs'), target);
      const tag = `docker-labs-fixture/${name}:build`;
      log(`  family ${name}`);
      await dockerOk(host, ['build', '-q', '-t', tag, ...Object.entries(args).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]), ctx]);
      localTags.push(tag);
      familyUser[name] = (await dockerOk(host, ['image', 'inspect', '-f', '{{.Config.User}}', tag])).trim() || 'root';
    }

    const variantCtx = path.join(work, 'variant');
    copyContext(path.join(imagesDir, 'variant'), variantCtx);
    for (const image of images) {
      const { repository, tag } = registryPath(image.ref);
      const target = `127.0.0.1:${registryPort}/${repository}:${tag}`;
      const args = {
        BASE: `docker-labs-fixture/${image.family}:build`,
        OS: image.os,
        PAD_MB: String(image.padMb ?? 0),
        RUN_AS: familyUser[image.family],
        TAG: image.ref,
      };
      await dockerOk(host, ['build', '-q', '-t', target, ...Object.entries(args).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]), variantCtx]);
      localTags.push(target);
      pushed.push(target);
    }
    log(`  pushing ${pushed.length} tags to 127.0.0.1:${registryPort}`);
    // Two pushes at a time: layers are shared, and the machine has few cores.
    const queue = [...pushed];
    await Promise.all(
      [0, 1].map(async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await dockerOk(host, ['push', '-q', next]);
      }),
    );
    writeState({ imagesHash: hash, imagesBuiltAt: new Date().toISOString() });
    log(`images ready in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    // Local copies go: learners' commands must pull through the mirror.
    // (Removing a tag also removes its untagged build parents; no prune, which
    // could take dangling images a test on the shared daemon made on purpose.)
    if (localTags.length) await dockerCli(host, ['rmi', '-f', ...localTags.reverse()]);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function ensureImages(host, registryPort, { rebuild = false } = {}) {
  const hash = imagesHash();
  const state = readState();
  if (!rebuild && state.imagesHash === hash) {
    const missing = [];
    for (const image of images) if (!(await registryHas(registryPort, image.ref))) missing.push(image.ref);
    if (missing.length === 0) return;
    log(`registry lacks ${missing.join(', ')}: rebuilding`);
  }
  await buildImages(host, registryPort, hash);
}

// ---------------------------------------------------------------------------
// Public API

/**
 * Makes sure a daemon is available and returns how to reach it.
 * @returns {Promise<{ host: string, external: boolean, registry?: string, socketPath?: string }>}
 */
export async function ensureFixture({ rebuild = false } = {}) {
  const external = externalHost();
  if (external) return { host: external, external: true };
  const reason = unavailableReason();
  if (reason) throw new FixtureUnavailable(reason);
  return withLock(async () => {
    const registryPort = await ensureRegistry();
    await ensureDaemon(registryPort);
    const { socket } = paths();
    const host = `unix://${socket}`;
    await ensureImages(host, registryPort, { rebuild });
    return { host, external: false, registry: `127.0.0.1:${registryPort}`, socketPath: socket };
  });
}

/** What is running (no side effects). */
export async function fixtureStatus() {
  const external = externalHost();
  const p = paths();
  const state = readState();
  const registryUp = state.registryPort ? await pingRegistry(state.registryPort) : false;
  const daemonUp = await pingDaemon(p.socket);
  return {
    external: external ?? null,
    host: `unix://${p.socket}`,
    daemon: daemonUp ? 'running' : 'stopped',
    daemonPid: daemonUp ? readPid(p.pidfile) ?? null : null,
    registry: state.registryPort ? `127.0.0.1:${state.registryPort}` : null,
    registryState: registryUp ? 'running' : 'stopped',
    imagesBuiltAt: state.imagesBuiltAt ?? null,
    cacheDir: path.relative(root, cacheDir),
  };
}

/** Stops the fixture's dockerd and registry; images and daemon data stay cached. */
export async function stopFixture() {
  const p = paths();
  await withLock(async () => {
    await stopPid(readPid(p.pidfile), 'dockerd');
    await stopPid(readPid(p.registryPidfile), 'docker-registry', 10000);
  });
}

// Extra daemons of this process: stopped when it exits, even without dispose().
const liveExtraPids = new Set();
process.on('exit', () => {
  for (const pid of liveExtraPids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

/** Removes extra daemons left by test processes that died before dispose(). */
async function sweepExtraDaemons() {
  const extraRoot = path.join(cacheDir, 'extra');
  let ids;
  try {
    ids = fs.readdirSync(extraRoot);
  } catch {
    return;
  }
  for (const id of ids) {
    const home = path.join(extraRoot, id);
    let info;
    try {
      info = JSON.parse(fs.readFileSync(path.join(home, 'owner'), 'utf8'));
    } catch {
      continue;
    }
    if (alive(info.owner)) continue;
    const pid = readPid(info.pidfile);
    if (alive(pid)) await stopPid(pid, `abandoned extra dockerd ${id}`);
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(info.run, { recursive: true, force: true });
  }
}

/** A bridge name and a free 10.214.N.0/24 for an extra daemon. */
function extraBridge(id) {
  const routes = spawnSync('ip', ['-4', 'route'], { encoding: 'utf8' }).stdout ?? '';
  const first = parseInt(id.slice(0, 2), 16);
  for (let i = 0; i < 256; i++) {
    const n = (first + i) % 256;
    if (!routes.includes(`10.214.${n}.`)) return { name: `dlx-${id}`, cidr: `10.214.${n}.1/24` };
  }
  throw new Error('no free 10.214.N.0/24 for an extra daemon bridge');
}

/**
 * A second daemon of its own (data-root, exec-root, pidfile, socket), without a
 * bridge or iptables rules so it cannot disturb the main one, pulling through
 * the same registry mirror. Tests stop and start it freely; dispose() removes it.
 * @param {{ tcpPort?: number | boolean, tls?: boolean, defaultAddressPool?: string }} [opts]
 *   tcpPort: also listen on tcp://127.0.0.1:PORT (true: any free port);
 *   tls: that port speaks TLS and verifies clients (`--tlsverify`), with a CA and
 *     certificates made by makeTlsCertificates() (the handle's certPath is the client's DOCKER_CERT_PATH);
 *   defaultAddressPool: `--default-address-pool` (e.g. "base=10.215.7.0/24,size=25")
 */
export async function startExtraDaemon(opts = {}) {
  const reason = unavailableReason();
  if (reason) throw new FixtureUnavailable(reason);
  await sweepExtraDaemons();
  const id = createHash('sha256').update(`${process.pid} ${Date.now()} ${Math.random()}`).digest('hex').slice(0, 8);
  const run = path.join(runDir(), `e${id}`);
  const home = path.join(cacheDir, 'extra', id);
  fs.mkdirSync(home, { recursive: true });
  // Who started it: a later sweep removes daemons whose test process is gone.
  fs.writeFileSync(path.join(home, 'owner'), JSON.stringify({ owner: process.pid, pidfile: path.join(run, 'docker.pid'), run }));
  const state = readState();
  const registryPort = state.registryPort && (await pingRegistry(state.registryPort)) ? state.registryPort : undefined;
  const tcpPort = opts.tcpPort === true || (opts.tls && !opts.tcpPort) ? await freePort() : opts.tcpPort || undefined;
  const tls = opts.tls ? makeTlsCertificates(path.join(home, 'tls')) : undefined;
  // opts.bridge: a bridge of its own (published ports through docker-proxy, no iptables), for a
  // second host that serves `docker run -p` (the course's deployment server).
  const bridge = opts.bridge ? extraBridge(id) : undefined;
  if (bridge) ensureBridge(bridge);
  const config = {
    dataRoot: path.join(home, 'data'),
    execRoot: path.join(run, 'x'),
    pidfile: path.join(run, 'docker.pid'),
    socket: path.join(run, 'docker.sock'),
    registryPort,
    tcpPort,
    tls,
    defaultAddressPool: opts.defaultAddressPool,
    isolated: true,
    bridge: bridge?.name,
  };
  const logFile = path.join(home, 'dockerd.log');
  let pid = await startDockerd(config, logFile);
  liveExtraPids.add(pid);
  const handle = {
    id,
    host: `unix://${config.socket}`,
    socketPath: config.socket,
    tcpHost: tcpPort ? `tcp://127.0.0.1:${tcpPort}` : undefined,
    // DOCKER_CERT_PATH for a client of the TLS port (ca.pem, cert.pem, key.pem).
    certPath: tls?.clientDir,
    logFile,
    get pid() {
      return pid;
    },
    async running() {
      return pingDaemon(config.socket);
    },
    async stop() {
      await stopPid(pid, `extra dockerd ${id}`);
      liveExtraPids.delete(pid);
      pid = undefined;
    },
    async start() {
      if (pid && alive(pid)) return;
      pid = await startDockerd(config, logFile);
      liveExtraPids.add(pid);
    },
    async dispose() {
      await handle.stop();
      if (bridge) spawnSync('ip', ['link', 'del', bridge.name]);
      // The daemon unmounted everything on its way out; now the files can go.
      fs.rmSync(home, { recursive: true, force: true });
      fs.rmSync(run, { recursive: true, force: true });
    },
  };
  return handle;
}

// ---------------------------------------------------------------------------
// TLS certificates (for a daemon started with --tlsverify)

function openssl(args, cwd) {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
}

/**
 * A CA and the certificates it signs, as the Docker docs' "Protect the Docker
 * daemon socket" makes them: ca.pem; server-cert.pem/server-key.pem for
 * 127.0.0.1 and localhost; and in client/ the client's ca.pem, cert.pem and
 * key.pem (a DOCKER_CERT_PATH). EC keys: quick to make.
 */
export function makeTlsCertificates(dir, { cn = 'Docker Labs fixture CA' } = {}) {
  fs.mkdirSync(path.join(dir, 'client'), { recursive: true });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(['req', '-x509', ...ec, '-days', '7', '-subj', `/CN=${cn}`, '-keyout', 'ca-key.pem', '-out', 'ca.pem'], dir);
  const sign = (name, subject, ext) => {
    fs.writeFileSync(path.join(dir, `${name}.ext`), ext);
    openssl(['req', ...ec, '-subj', subject, '-keyout', `${name}-key.pem`, '-out', `${name}.csr`], dir);
    openssl(['x509', '-req', '-days', '7', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-extfile', `${name}.ext`, '-out', `${name}-cert.pem`], dir);
  };
  sign('server', '/CN=localhost', 'subjectAltName = DNS:localhost,IP:127.0.0.1\nextendedKeyUsage = serverAuth\n');
  sign('client', '/CN=docker-labs-learner', 'extendedKeyUsage = clientAuth\n');
  const clientDir = path.join(dir, 'client');
  fs.copyFileSync(path.join(dir, 'ca.pem'), path.join(clientDir, 'ca.pem'));
  fs.copyFileSync(path.join(dir, 'client-cert.pem'), path.join(clientDir, 'cert.pem'));
  fs.copyFileSync(path.join(dir, 'client-key.pem'), path.join(clientDir, 'key.pem'));
  return { dir, ca: path.join(dir, 'ca.pem'), serverCert: path.join(dir, 'server-cert.pem'), serverKey: path.join(dir, 'server-key.pem'), clientDir };
}

// ---------------------------------------------------------------------------
// A remote Docker host over ssh (DOCKER_HOST=ssh://user@host)

const SSHD = process.env.DOCKER_LABS_SSHD || '/usr/sbin/sshd';

// sshd insists on its privilege-separation directory (Debian's package makes it at boot).
function ensurePrivsepDir() {
  fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  fs.chmodSync('/run/sshd', 0o755);
}

function sshKeygen(file, comment) {
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr}`);
  return fs.readFileSync(`${file}.pub`, 'utf8').trim();
}

async function sshBanner(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(2000, () => done(false));
    sock.once('data', (d) => done(d.toString().startsWith('SSH-')));
    sock.once('error', () => done(false));
  });
}

/**
 * Debian's sshd on 127.0.0.1:PORT standing in for the class's shared Docker
 * server, reached as DOCKER_HOST=ssh://root@127.0.0.1:PORT. Everything is its
 * own, under .cache/docker-fixture/extra/<id>/: sshd_config, host key,
 * authorized_keys, a generated client key (and a second, unauthorised one).
 * On the "server", sshd's SetEnv gives the login DOCKER_HOST=<dockerHost> (and a
 * DOCKER_CONFIG of its own), so the `docker system dial-stdio` the docker CLI
 * and our client run there reaches the fixture daemon; `docker: false` leaves
 * docker off the PATH instead (a server without Docker). The login is root,
 * because only root may use the fixture daemon's socket.
 *
 * The learner's side: `env` (PATH, DOCKER_HOST, SSH_AUTH_SOCK) puts a small
 * `ssh` first on the PATH that adds `-F <its ssh_config>` (IdentityFile,
 * known_hosts with this host's key, BatchMode), as the learner's ~/.ssh/config
 * would; ssh reads the home directory from the password database, not $HOME,
 * so the ssh config cannot be swapped in any other way without touching the
 * real ~/.ssh.
 * @param {{ dockerHost: string, docker?: boolean }} opts
 */
export async function startSshHost({ dockerHost, docker = true }) {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) throw new FixtureUnavailable('the ssh host of the Docker fixture needs root');
  for (const [bin, pkg] of [
    [SSHD, 'openssh-server'],
    ['/usr/bin/ssh', 'openssh-client'],
  ]) {
    if (!fs.existsSync(bin)) throw new FixtureUnavailable(`${bin} not found (apt-get install ${pkg})`);
  }
  await sweepExtraDaemons();
  const id = createHash('sha256').update(`ssh ${process.pid} ${Date.now()} ${Math.random()}`).digest('hex').slice(0, 8);
  const home = path.join(cacheDir, 'extra', id);
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  const pidfile = path.join(home, 'sshd.pid');
  fs.writeFileSync(path.join(home, 'owner'), JSON.stringify({ owner: process.pid, pidfile, run: home }));
  const hostKey = path.join(home, 'ssh_host_ed25519_key');
  const hostPub = sshKeygen(hostKey, 'docker-labs-fixture-host');
  const clientKey = path.join(home, 'id_ed25519');
  const clientPub = sshKeygen(clientKey, 'docker-labs-learner');
  const wrongKey = path.join(home, 'id_ed25519_unknown');
  sshKeygen(wrongKey, 'docker-labs-stranger');
  fs.writeFileSync(path.join(home, 'authorized_keys'), `${clientPub}\n`, { mode: 0o600 });
  const serverDockerConfig = path.join(home, 'server-docker-config');
  fs.mkdirSync(serverDockerConfig, { recursive: true });
  const port = await freePort();
  const user = 'root';
  // The PATH of a login on the server: Debian's, or one without any docker.
  const serverPath = docker ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' : path.join(home, 'no-docker-bin');
  if (!docker) fs.mkdirSync(serverPath, { recursive: true });
  const sshdConfig = path.join(home, 'sshd_config');
  fs.writeFileSync(
    sshdConfig,
    [
      '# Written by scripts/docker-fixture.mjs: a stand-in for a class\'s shared Docker server.',
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `PidFile ${pidfile}`,
      `AuthorizedKeysFile ${path.join(home, 'authorized_keys')}`,
      `AllowUsers ${user}`,
      'PermitRootLogin prohibit-password',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      // The cache may sit under a group-writable directory; the keys are ours anyway.
      'StrictModes no',
      'PrintMotd no',
      'PrintLastLog no',
      'AllowTcpForwarding no',
      'X11Forwarding no',
      `SetEnv PATH=${serverPath} DOCKER_HOST=${dockerHost} DOCKER_CONFIG=${serverDockerConfig} DOCKER_CLI_HINTS=false`,
      '',
    ].join('\n'),
  );
  ensurePrivsepDir();
  const test = spawnSync(SSHD, ['-t', '-f', sshdConfig], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`sshd -t: ${test.stderr}`);

  // The learner's side.
  const binDir = path.join(home, 'bin');
  fs.mkdirSync(binDir, { recursive: true });
  const knownHosts = path.join(home, 'known_hosts');
  fs.writeFileSync(knownHosts, `[127.0.0.1]:${port} ${hostPub.split(' ').slice(0, 2).join(' ')}\n`);
  const sshConfig = path.join(home, 'ssh_config');
  fs.writeFileSync(
    sshConfig,
    [
      '# The learner\'s ~/.ssh/config for the fixture\'s ssh host.',
      'Host 127.0.0.1',
      `  IdentityFile ${clientKey}`,
      '  IdentitiesOnly yes',
      `  UserKnownHostsFile ${knownHosts}`,
      '  StrictHostKeyChecking yes',
      '  BatchMode yes',
      '  LogLevel ERROR',
      '',
    ].join('\n'),
  );
  const sshWrapper = path.join(binDir, 'ssh');
  fs.writeFileSync(sshWrapper, `#!/bin/sh\n# The fixture's ssh_config in place of ~/.ssh/config (ssh ignores $HOME).\nexec /usr/bin/ssh -F '${sshConfig}' "$@"\n`, { mode: 0o755 });

  const logFile = path.join(home, 'sshd.log');
  const start = async () => {
    const child = spawnDetached(SSHD, ['-D', '-e', '-f', sshdConfig], logFile);
    await waitFor(`sshd on 127.0.0.1:${port}`, () => sshBanner(port), { proc: child, logFile, timeoutMs: 20000 });
    return child.pid;
  };
  let pid = await start();
  liveExtraPids.add(pid);
  const host = `ssh://${user}@127.0.0.1:${port}`;
  const handle = {
    id,
    host,
    port,
    user,
    /** The key authorized on the server, and one that is not. */
    keyFile: clientKey,
    wrongKeyFile: wrongKey,
    sshConfig,
    logFile,
    /** Environment of a learner whose DOCKER_HOST is this host. */
    env: { PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`, DOCKER_HOST: host, DOCKER_CONTEXT: '', SSH_AUTH_SOCK: '' },
    get pid() {
      return pid;
    },
    async stop() {
      await stopPid(pid, `sshd ${id}`, 5000);
      liveExtraPids.delete(pid);
      pid = undefined;
    },
    async dispose() {
      await handle.stop();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
  return handle;
}

// ---------------------------------------------------------------------------
// `docker compose` (v2) for the fixture

/**
 * A DOCKER_CONFIG of the fixture's own whose cli-plugins/docker-compose forwards
 * `docker compose …` to Debian's docker-compose (v1): no Compose v2 plugin can
 * be had from Debian's archive or the npm registry. The user's ~/.docker is
 * never touched: pass DOCKER_CONFIG=<this dir> to the commands that need it.
 */
export function composeDockerConfig() {
  const dir = path.join(cacheDir, 'docker-config');
  const plugin = path.join(dir, 'cli-plugins', 'docker-compose');
  fs.mkdirSync(path.dirname(plugin), { recursive: true });
  const version = (spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' }).stdout ?? '').trim() || 'unknown';
  const metadata = JSON.stringify({
    SchemaVersion: '0.1.0',
    Vendor: 'Docker Labs fixture',
    Version: version,
    ShortDescription: 'Docker Compose (the fixture forwards to docker-compose v1)',
  });
  const script = [
    '#!/bin/sh',
    '# Docker Labs fixture: `docker compose ...` forwarded to Debian\'s docker-compose (v1).',
    '# The docker CLI runs a plugin as `docker-compose compose ARGS` (and asks it for its metadata).',
    `if [ "$1" = docker-cli-plugin-metadata ]; then echo '${metadata}'; exit 0; fi`,
    '[ "$1" = compose ] && shift',
    'exec docker-compose "$@"',
    '',
  ].join('\n');
  if (!fs.existsSync(plugin) || fs.readFileSync(plugin, 'utf8') !== script) fs.writeFileSync(plugin, script, { mode: 0o755 });
  return dir;
}

/** Environment for child processes that should use the fixture's daemon. */
export function fixtureEnv(host) {
  return { DOCKER_HOST: host, DOCKER_CONTEXT: '' };
}

// ---------------------------------------------------------------------------
// CLI

async function main(argv) {
  const [command = 'status', ...rest] = argv;
  try {
    switch (command) {
      case 'up': {
        const fx = await ensureFixture({ rebuild: rest.includes('--rebuild') });
        log(fx.external ? `using the daemon at ${fx.host}` : `ready: ${fx.host} (registry mirror ${fx.registry})`);
        console.log(`export DOCKER_HOST=${fx.host}`);
        return 0;
      }
      case 'env': {
        const external = externalHost();
        if (external) {
          console.log(`export DOCKER_HOST=${external}`);
          return 0;
        }
        const st = await fixtureStatus();
        if (st.daemon !== 'running') {
          console.error('[docker-fixture] not running: run `node scripts/docker-fixture.mjs up` first');
          return 1;
        }
        console.log(`export DOCKER_HOST=${st.host}`);
        return 0;
      }
      case 'status': {
        const st = await fixtureStatus();
        console.log(rest.includes('--json') ? JSON.stringify(st) : Object.entries(st).map(([k, v]) => `${k}: ${v}`).join('\n'));
        return 0;
      }
      case 'down':
        await stopFixture();
        return 0;
      default:
        console.error('usage: node scripts/docker-fixture.mjs up [--rebuild] | env | status [--json] | down');
        return 2;
    }
  } catch (e) {
    if (e instanceof FixtureUnavailable) {
      console.error(`[docker-fixture] unavailable: ${e.reason}`);
      return 3;
    }
    console.error(`[docker-fixture] ${e.stack || e.message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
