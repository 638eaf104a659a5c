// The offline VS Code: code-server (VS Code 1.100 served to a browser) installed
// from the npm registry into a cache folder outside the repo, and started on
// 127.0.0.1 with a throwaway profile. Used by the extension-host test launcher,
// the e2e workbench helper, `npm start` and the activation benchmark.
//
// Why the install is done by hand: code-server's postinstall refuses to run as
// root without --unsafe-perm, and @vscode/ripgrep's postinstall downloads a
// binary from GitHub, which this network does not reach. So scripts are skipped
// and the same steps are replayed: native modules rebuilt from source against
// Node's headers, Debian's ripgrep linked in place of the download, and the
// symlinks code-server's postinstall.sh makes.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync, mkdtempSync, lstatSync, readlinkSync, openSync, closeSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { onCleanup, stopGroup, trackGroup, trackDir } from './cleanup.mjs';
import { writeLocaleShim } from './locale.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
// Bump when the install steps below change, so cached installs are redone.
const RECIPE = 2;
// Native modules of lib/vscode that need building (their prebuilt binaries come from GitHub).
const VSCODE_NATIVE_MODULES = ['kerberos', 'node-pty', '@parcel/watcher', '@vscode/spdlog', '@vscode/deviceid', 'native-watchdog'];

/** Cache folder for everything the harness installs (override: DOCKER_LABS_CACHE). */
export function cacheRoot() {
  if (process.env.DOCKER_LABS_CACHE) return process.env.DOCKER_LABS_CACHE;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'docker-labs');
}

export function codeServerHome() {
  return join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

function packageDir(home = codeServerHome()) {
  return join(home, 'node_modules', 'code-server');
}

/** The code-server entry script (run with this Node). */
export function codeServerEntry(home = codeServerHome()) {
  return join(packageDir(home), 'out', 'node', 'entry.js');
}

function installStamp() {
  return { version: CODE_SERVER_VERSION, recipe: RECIPE, nodeAbi: process.versions.modules, arch: process.arch };
}

function installIsComplete(home) {
  try {
    const stamp = JSON.parse(readFileSync(join(home, '.docker-labs-install.json'), 'utf8'));
    const want = installStamp();
    return Object.keys(want).every((k) => stamp[k] === want[k]) && existsSync(codeServerEntry(home));
  } catch {
    return false;
  }
}

/** What is missing on this machine for the install, as Debian package names. */
function missingPrerequisites() {
  const missing = [];
  const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
  if (!onPath('rg')) missing.push('ripgrep');
  if (!existsSync('/usr/include/gssapi/gssapi.h') && !onPath('krb5-config')) missing.push('libkrb5-dev');
  if (!onPath('make')) missing.push('make');
  if (!onPath('g++')) missing.push('g++');
  if (!onPath('python3')) missing.push('python3');
  return missing;
}

/** Environment for nested npm runs: nothing inherited from an outer `npm test`/`npm start`. */
function npmEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return {
    ...env,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

function run(cmd, args, { cwd, env, logFile, timeoutMs = 10 * 60_000 }) {
  return new Promise((resolve, reject) => {
    const fd = openSync(logFile, 'a');
    writeFileSync(fd, `\n$ (cd ${cwd} && ${cmd} ${args.join(' ')})\n`);
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', fd, fd], detached: true });
    const untrack = trackGroup(child.pid);
    const timer = setTimeout(() => {
      stopGroup(child.pid, 2000);
      reject(new Error(`${cmd} ${args.join(' ')} timed out after ${timeoutMs / 1000}s`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      untrack();
      closeSync(fd);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}) in ${cwd}`));
    });
  });
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function link(target, path) {
  try {
    if (lstatSync(path).isSymbolicLink() && readlinkSync(path) === target) return;
  } catch {
    /* not there yet */
  }
  rmSync(path, { recursive: true, force: true });
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
}

async function withLock(lockDir, log, fn) {
  mkdirSync(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
      } catch {
        /* being created */
      }
      let alive = owner > 0;
      try {
        if (alive) process.kill(owner, 0);
      } catch {
        alive = false;
      }
      if (owner && !alive) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another install (pid ${owner}) holds ${lockDir}`);
      log(`waiting for another code-server install (pid ${owner || '?'})…`);
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
  const unregister = onCleanup(() => rmSync(lockDir, { recursive: true, force: true }));
  try {
    return await fn();
  } finally {
    unregister();
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Makes sure code-server is installed in the cache folder and returns its home.
 * Reuses a complete install; otherwise installs into a staging folder and moves
 * it in place at the end, so an interrupted install is never mistaken for one.
 */
export async function ensureCodeServer({ log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  const home = codeServerHome();
  if (installIsComplete(home)) return home;
  const missing = missingPrerequisites();
  if (missing.length) {
    throw new Error(`cannot install code-server: missing ${missing.join(', ')} (Debian: apt-get install -y ${missing.join(' ')})`);
  }
  return withLock(`${home}.lock`, log, async () => {
    if (installIsComplete(home)) return home;
    const staging = `${home}.partial`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const logFile = join(staging, 'install.log');
    writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'docker-labs-code-server', private: true }, null, 2));
    const pkg = packageDir(staging);
    const vscodeDir = join(pkg, 'lib', 'vscode');
    const started = Date.now();
    const step = async (what, cmd, args, opts) => {
      const t0 = Date.now();
      log(`code-server install: ${what}…`);
      try {
        await run(cmd, args, { logFile, ...opts });
      } catch (error) {
        throw new Error(`${error.message}\n--- last lines of ${logFile} ---\n${tail(logFile)}`, { cause: error });
      }
      log(`code-server install: ${what} done (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    };
    log(`installing code-server ${CODE_SERVER_VERSION} into ${home} (once; a few minutes)`);
    await step(`npm install code-server@${CODE_SERVER_VERSION}`, 'npm', ['install', '--ignore-scripts', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], { cwd: staging, env: npmEnv() });
    // node-pre-gyp would first try GitHub for a prebuilt binary.
    await step('build argon2', 'npm', ['rebuild', 'argon2'], { cwd: staging, env: npmEnv({ npm_config_build_from_source: 'true' }) });
    await step('npm install lib/vscode', 'npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: vscodeDir, env: npmEnv() });
    // Debian's ripgrep instead of the GitHub download of @vscode/ripgrep.
    const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
    link(rg, join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));
    // kerberos would first try a prebuilt binary from GitHub; the others build from
    // source anyway, except @parcel/watcher, whose binary is an npm package.
    await step('build kerberos', 'npm', ['rebuild', 'kerberos'], { cwd: vscodeDir, env: npmEnv({ npm_config_build_from_source: 'true' }) });
    const others = VSCODE_NATIVE_MODULES.filter((m) => m !== 'kerberos');
    await step(`build ${others.join(', ')}`, 'npm', ['rebuild', ...others], {
      cwd: vscodeDir,
      // node-pty's build runs `npx node-gyp`, which must not stop to ask.
      env: npmEnv({ npm_config_yes: 'true' }),
    });
    await step('npm install lib/vscode/extensions', 'npm', ['install', '--omit=dev'], { cwd: join(vscodeDir, 'extensions'), env: npmEnv() });
    // The symlinks of code-server's postinstall.sh (Linux variant).
    link('node_modules', join(vscodeDir, 'node_modules.asar'));
    link('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
    link('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
    verifyInstall(staging, logFile);
    writeFileSync(join(staging, '.docker-labs-install.json'), JSON.stringify(installStamp(), null, 2));
    rmSync(home, { recursive: true, force: true });
    renameSync(staging, home);
    log(`code-server ${CODE_SERVER_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return home;
  });
}

/** Loads every native module once so a broken build fails here, not deep inside VS Code. */
function verifyInstall(home, logFile) {
  const pkg = packageDir(home);
  const vscodeDir = join(pkg, 'lib', 'vscode');
  const checks = [
    [home, `require('argon2')`],
    [vscodeDir, VSCODE_NATIVE_MODULES.map((m) => `require(${JSON.stringify(m)})`).join(';')],
  ];
  for (const [cwd, code] of checks) {
    const r = spawnSync(process.execPath, ['-e', code], { cwd, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`code-server install check failed in ${cwd}: ${r.stderr}\n${tail(logFile)}`);
  }
  // --config: otherwise code-server writes a default config into ~/.config.
  const config = join(home, '.version-check.yaml');
  writeFileSync(config, 'auth: none\n');
  const version = spawnSync(process.execPath, [codeServerEntry(home), '--config', config, '--version'], {
    encoding: 'utf8',
    env: codeServerEnv(join(home, '.version-check')),
  });
  if (version.status !== 0 || !version.stdout.includes(CODE_SERVER_VERSION)) {
    throw new Error(`code-server --version failed: ${version.stdout}${version.stderr}`);
  }
}

/** Settings of every throwaway profile: no trust prompt, no welcome page, nothing phoning home. */
export const PROFILE_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.autoRepositoryDetection': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
};

/**
 * A throwaway user-data-dir, extensions dir and config file for one code-server
 * run. For a non-English locale it also writes the locale shim (see locale.mjs).
 */
export function createProfile({ locale = 'en', settings = {}, prefix = 'docker-labs-vscode-' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const untrack = process.env.DOCKER_LABS_KEEP_TEMP ? () => {} : trackDir(dir);
  const userDataDir = join(dir, 'user-data');
  const extensionsDir = join(dir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...PROFILE_SETTINGS, ...settings }, null, 2));
  const config = join(dir, 'config.yaml');
  // Our own (not ~/.config/code-server/config.yaml); the command line repeats what matters.
  writeFileSync(config, 'auth: none\n');
  if (locale !== 'en') writeLocaleShim(userDataDir, locale);
  return {
    dir,
    locale,
    userDataDir,
    extensionsDir,
    config,
    logFile: join(dir, 'code-server.log'),
    dispose() {
      untrack();
      if (!process.env.DOCKER_LABS_KEEP_TEMP) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Environment for code-server and so for its extension hosts: ours, minus what
 * would make it act as a client of an enclosing VS Code, plus its own data dir.
 */
function codeServerEnv(dataHome, extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VSCODE_|ELECTRON_)/.test(k) || /^npm_/i.test(k)) continue;
    env[k] = v;
  }
  return { ...env, XDG_DATA_HOME: dataHome, ...extra };
}

/** Runs a code-server CLI command (e.g. --install-extension) against a profile. */
export async function codeServerCli(home, profile, args, { timeoutMs = 120_000 } = {}) {
  const out = join(profile.dir, 'cli.log');
  await run(process.execPath, [codeServerEntry(home), '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, '--config', profile.config, ...args], {
    cwd: profile.dir,
    env: codeServerEnv(join(profile.dir, 'xdg-data')),
    logFile: out,
    timeoutMs,
  }).catch((e) => {
    throw new Error(`${e.message}\n${tail(out)}`);
  });
  return readFileSync(out, 'utf8');
}

/**
 * Starts code-server on 127.0.0.1 (port 0: a free one) with the profile and resolves
 * once it answers. `env` is added to the environment, which extension hosts
 * inherit. Returns { url, authority, pid, stop() }.
 */
export async function startCodeServer({ home, profile, env = {}, port = 0, timeoutMs = 60_000, log = () => {} }) {
  const args = [
    codeServerEntry(home),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--config', profile.config,
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
    '--locale', profile.locale,
  ];
  const logStream = createWriteStream(profile.logFile, { flags: 'a' });
  const child = spawn(process.execPath, args, {
    cwd: profile.dir,
    env: codeServerEnv(join(profile.dir, 'xdg-data'), env),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: stop() takes the extension hosts, pty host and file watcher with it.
    detached: true,
  });
  const untrackGroup = trackGroup(child.pid);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    unregister();
    await stopGroup(child.pid, 5000);
    untrackGroup();
    logStream.end();
  };
  const unregister = onCleanup(stop);

  const url = await new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => fail(new Error(`code-server did not start within ${timeoutMs / 1000}s`)), timeoutMs);
    const fail = (error) => {
      clearTimeout(timer);
      reject(new Error(`${error.message}\n--- ${profile.logFile} ---\n${buffered.split('\n').slice(-30).join('\n')}`));
    };
    const onData = (chunk) => {
      logStream.write(chunk);
      buffered += chunk.toString();
      const m = /HTTP server listening on (http:\/\/[^\s]+)/.exec(buffered);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].endsWith('/') ? m[1] : `${m[1]}/`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', fail);
    child.on('exit', (code, signal) => fail(new Error(`code-server exited early (${signal ?? `exit ${code}`})`)));
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  // Keep logging after start-up; the early-exit handler above only matters until then.
  child.removeAllListeners('exit');
  child.on('exit', (code, signal) => {
    if (!stopped) log(`code-server exited unexpectedly (${signal ?? `exit ${code}`}); see ${profile.logFile}`);
  });
  const health = await fetch(new URL('healthz', url)).then(
    (r) => ({ ok: r.ok, why: `HTTP ${r.status}` }),
    (e) => ({ ok: false, why: e.message }),
  );
  if (!health.ok) {
    await stop();
    throw new Error(`code-server at ${url} does not answer /healthz: ${health.why}`);
  }
  const { host } = new URL(url);
  log(`code-server ${CODE_SERVER_VERSION} listening on ${url} (log: ${profile.logFile})`);
  return { url, authority: host, pid: child.pid, stop };
}

/** A `vscode-remote://` URI of a path on the code-server machine (this one). */
export function remoteUri(server, path) {
  return `vscode-remote://${server.authority}${pathToFileURL(path).pathname}`;
}

/**
 * The workbench URL that opens `folder` with, optionally, an extension under
 * development and an extension test runner: the same payload the desktop
 * `--extensionDevelopmentPath` / `--extensionTestsPath` flags produce.
 */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const url = new URL(server.url);
  if (folder) url.searchParams.set('folder', folder);
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(server, extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(server, extensionTestsPath)]);
  if (payload.length) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** A fresh temp folder to open as the workspace; removed by dispose(). */
export function createWorkspace(prefix = 'docker-labs-ws-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const untrack = process.env.DOCKER_LABS_KEEP_TEMP ? () => {} : trackDir(dir);
  return {
    dir,
    dispose() {
      untrack();
      if (!process.env.DOCKER_LABS_KEEP_TEMP) rmSync(dir, { recursive: true, force: true });
    },
  };
}
