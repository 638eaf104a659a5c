// `npm test`: every check and suite in order, each in its own process, then one
// closing line `N passed, N failed, N skipped`. Type check and ESLint count as one
// check each; mocha suites count their tests (pending = skipped).
//
//   npm test                      everything
//   npm test -- --only unit,docker
//   npm test -- --skip e2e
//
// The Docker fixture (scripts/docker-fixture.mjs) is brought up once for the
// suites that need a daemon and its DOCKER_HOST handed to them (and so to the
// VS Code extension hosts); if this run started it, it is stopped at the end.
// REQUIRE_DOCKER=1 / REQUIRE_VSCODE=1 turn "could not run here" into failures
// (each suite decides that; the fixture's own failure to start is reported).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const work = mkdtempSync(join(tmpdir(), 'docker-labs-test-'));
const MIN = 60_000;

const mochaSuite = (name, config, timeoutMs) => ({
  name,
  kind: 'mocha',
  config,
  timeoutMs,
  needsDocker: name !== 'unit',
  cmd: () => [bin('mocha'), ['--config', config, '--reporter', join(root, 'scripts', 'mocha-count-reporter.cjs')]],
});

const STEPS = [
  { name: 'typecheck', kind: 'check', timeoutMs: 5 * MIN, cmd: () => [bin('tsc'), ['-p', '.', '--noEmit']] },
  // The lab view's script against the message types it shares with the extension.
  { name: 'typecheck-webview', kind: 'check', timeoutMs: 5 * MIN, cmd: () => [bin('tsc'), ['-p', 'tsconfig.webview.json']] },
  { name: 'lint', kind: 'check', timeoutMs: 5 * MIN, cmd: () => [bin('eslint'), ['src', 'test', 'scripts', 'bench']] },
  mochaSuite('unit', '.mocharc.unit.json', 10 * MIN),
  mochaSuite('docker', '.mocharc.docker.json', 25 * MIN),
  {
    name: 'vscode',
    kind: 'summary',
    timeoutMs: 30 * MIN,
    needsDocker: true,
    cmd: (summary) => [process.execPath, [join(root, 'scripts', 'test-vscode.mjs'), '--summary', summary]],
  },
  mochaSuite('e2e', '.mocharc.e2e.json', 15 * MIN),
];

function parseArgs(argv) {
  const opts = { only: undefined, skip: [] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => (inline ?? argv[++i] ?? '').split(',').filter(Boolean);
    if (flag === '--only') opts.only = value();
    else if (flag === '--skip') opts.skip = value();
    else {
      console.error(`usage: npm test -- [--only ${STEPS.map((s) => s.name).join(',')}] [--skip …]`);
      process.exit(2);
    }
  }
  return opts;
}

/** Spec files a mocha config names (its globs are `dir/**\/*.suffix`). */
function specFiles(config) {
  const { spec = [] } = JSON.parse(readFileSync(join(root, config), 'utf8'));
  const files = [];
  for (const glob of [spec].flat()) {
    const m = /^(.*?)\/\*\*\/\*(.*)$/.exec(glob);
    if (!m) {
      if (existsSync(join(root, glob))) files.push(glob);
      continue;
    }
    const dir = join(root, m[1]);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir, { recursive: true })) if (String(f).endsWith(m[2])) files.push(join(m[1], String(f)));
  }
  return files;
}

function runProcess(cmd, args, { env, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit', detached: true });
    let timedOut = false;
    const kill = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill('SIGTERM');
      setTimeout(() => kill('SIGKILL'), 10_000).unref();
    }, timeoutMs);
    const forward = (signal) => kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code: code ?? 1, signal, timedOut });
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 1, error, timedOut });
    });
  });
}

/** Brings up the Docker fixture; returns { env, startedHere, reason }. */
async function dockerFixture() {
  const script = join(root, 'scripts', 'docker-fixture.mjs');
  if (!existsSync(script)) return { env: {}, reason: 'scripts/docker-fixture.mjs does not exist yet' };
  const fixture = await import(pathToFileURL(script).href);
  try {
    const before = await fixture.fixtureStatus();
    const fx = await fixture.ensureFixture();
    const startedHere = !fx.external && before.daemon !== 'running';
    return { env: fixture.fixtureEnv(fx.host), fixture, startedHere, host: fx.host };
  } catch (error) {
    if (error instanceof fixture.FixtureUnavailable) return { env: {}, reason: error.reason };
    return { env: {}, reason: error.message, error };
  }
}

function banner(text) {
  console.log(`\n${'━'.repeat(4)} ${text} ${'━'.repeat(Math.max(4, 72 - text.length))}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const steps = STEPS.filter((s) => (!opts.only || opts.only.includes(s.name)) && !opts.skip.includes(s.name));
  const rows = [];
  let fx;
  const started = Date.now();

  for (const step of steps) {
    banner(step.name);
    const t0 = Date.now();
    const row = { name: step.name, passed: 0, failed: 0, skipped: 0, note: '' };
    rows.push(row);
    if (step.kind === 'mocha' && specFiles(step.config).length === 0) {
      row.note = 'no test files';
      console.log(`${step.name}: no test files match ${step.config}`);
      continue;
    }
    if (step.needsDocker && !fx) {
      fx = await dockerFixture();
      if (fx.host) console.log(`docker fixture: DOCKER_HOST=${fx.host}${fx.startedHere ? ' (started for this run)' : ''}`);
      else {
        console.log(`docker fixture: not available: ${fx.reason}`);
        if (fx.error) {
          // Not "cannot run here" but a broken fixture: that is a failure of its own.
          rows.push({ name: 'docker fixture', passed: 0, failed: 1, skipped: 0, note: fx.reason.split('\n')[0] });
        }
      }
    }
    const env = { ...process.env, ...(step.needsDocker ? fx.env : {}) };
    const counts = join(work, `${step.name}.json`);
    rmSync(counts, { force: true });
    env.DOCKER_LABS_MOCHA_COUNTS = counts;
    const [cmd, args] = step.cmd(counts);
    const r = await runProcess(cmd, args, { env, timeoutMs: step.timeoutMs });
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    if (step.kind === 'check') {
      if (r.code === 0) row.passed = 1;
      else row.failed = 1;
    } else if (existsSync(counts)) {
      const c = JSON.parse(readFileSync(counts, 'utf8'));
      row.passed = c.passes ?? c.passed ?? 0;
      row.failed = c.failures ?? c.failed ?? 0;
      row.skipped = c.pending ?? c.skipped ?? 0;
      // A non-zero exit with no failed test (a crash after the run) still fails the suite.
      if (r.code !== 0 && row.failed === 0) row.failed = 1;
    } else if (r.code !== 0) {
      row.failed = 1;
      row.note = 'did not finish (no result)';
    }
    if (r.timedOut) row.note = `timed out after ${step.timeoutMs / MIN} min`;
    row.seconds = seconds;
    console.log(`\n${step.name}: ${row.passed} passed, ${row.failed} failed, ${row.skipped} skipped (${seconds} s)${row.note ? ` — ${row.note}` : ''}`);
  }

  if (fx?.startedHere) {
    console.log('\ndocker fixture: stopping the daemon this run started');
    await fx.fixture.stopFixture().catch((e) => console.log(`docker fixture: stop failed: ${e.message}`));
  }
  rmSync(work, { recursive: true, force: true });

  banner(`summary (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const r of rows) {
    console.log(`  ${r.name.padEnd(15)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(4)} failed ${String(r.skipped).padStart(4)} skipped${r.note ? `  (${r.note})` : ''}`);
  }
  const total = (k) => rows.reduce((n, r) => n + r[k], 0);
  console.log(`\n${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
  return total('failed') > 0 ? 1 : 0;
}

process.exitCode = await main();
