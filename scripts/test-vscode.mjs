// Extension-host tests: runs the mocha suite of test/suite/ inside a real VS Code.
//
//   node scripts/test-vscode.mjs [--locale ko,en] [--grep TEXT] [--timeout SECONDS] [--summary FILE]
//
// Which VS Code: the desktop one given by VSCODE_EXECUTABLE (through
// @vscode/test-electron's runTests), else one @vscode/test-electron can
// download when a display is available, else, offline, the VS Code that
// code-server serves, opened in Debian's Chromium (scripts/vscode/).
//
// Locales: the first runs the whole suite, each further one only the tests
// tagged `@l10n` (default: `ko,en`: Korean first, as the course is taught).
// Reload phases, in the first locale only, after its run: the tests tagged
// `@reload-1` run in one window, which is then closed, and the tests tagged
// `@reload-2` in a new window (a new extension host process) with the same
// profile and workspace; every other run leaves both tags out. The second
// window is not opened when no `@reload-1` test matches.
// With REQUIRE_VSCODE=1 a suite that could not run is a failure; otherwise it
// is reported as skipped with the reason. Exit code 1 on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSuite } from './vscode/suite.mjs';
import { ensureCodeServer } from './vscode/code-server.mjs';
import { runWindowsInExtensionHost } from './vscode/extension-host.mjs';
import { chromiumPath } from './vscode/browser.mjs';
import { cleanupAll } from './vscode/cleanup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'test-results');

function parseArgs(argv) {
  const opts = {
    locales: (process.env.DOCKER_LABS_TEST_LOCALES ?? 'ko,en').split(','),
    grep: undefined,
    timeoutS: Number(process.env.VSCODE_TEST_TIMEOUT ?? 600),
    summary: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--locale' || flag === '--locales') opts.locales = value().split(',');
    else if (flag === '--grep') opts.grep = value();
    else if (flag === '--timeout') opts.timeoutS = Number(value());
    else if (flag === '--summary') opts.summary = value();
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node scripts/test-vscode.mjs [--locale ko,en] [--grep TEXT] [--timeout SECONDS] [--summary FILE]');
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  opts.locales = opts.locales.map((l) => l.trim()).filter(Boolean);
  return opts;
}

const log = (m) => process.stderr.write(`${m}\n`);

/** Grep for the n-th locale run: the whole suite first, then only the @l10n tests. */
function grepFor(index, grep) {
  if (grep) return grep;
  return index === 0 ? undefined : '@l10n';
}

/** The two windows of a reload; test/suite/index.ts picks the tests by DOCKER_LABS_TEST_PHASE. */
const RELOAD_PHASES = ['reload-1', 'reload-2'];

function printResult(label, result) {
  const env = result.environment ?? {};
  console.log(`\n${label}: VS Code ${env.vscodeVersion ?? '?'} (${env.appName ?? '?'}, ${env.uiKind ?? '?'}), UI language ${env.language ?? '?'}`);
  for (const t of result.tests ?? []) {
    const time = t.durationMs !== undefined ? ` (${t.durationMs} ms)` : '';
    if (t.state === 'passed') console.log(`  ✓ ${t.title}${time}`);
    else if (t.state === 'pending') console.log(`  - ${t.title} (pending)`);
    else {
      console.log(`  ✗ ${t.title}${time}`);
      const detail = (t.error?.stack ?? t.error?.message ?? '').split('\n').slice(0, 8);
      for (const line of detail) console.log(`      ${line}`);
    }
  }
  if (result.error) console.log(`  suite error: ${result.error}`);
  for (const f of result.figures ?? []) console.log(`  figure: ${f.name} = ${Number(f.value.toFixed(3))} ${f.unit}`);
  const s = result.stats;
  console.log(`  ${s.passes} passing, ${s.failures} failing, ${s.pending} pending (${(s.durationMs / 1000).toFixed(1)} s)`);
}

/** Desktop VS Code to use, or undefined when only code-server can run the suite. */
async function desktopVsCode() {
  if (process.env.VSCODE_EXECUTABLE) {
    if (!existsSync(process.env.VSCODE_EXECUTABLE)) throw new Error(`VSCODE_EXECUTABLE ${process.env.VSCODE_EXECUTABLE} does not exist`);
    return process.env.VSCODE_EXECUTABLE;
  }
  // A downloaded desktop VS Code needs a display; headless machines use code-server.
  if (process.env.DOCKER_LABS_VSCODE === 'code-server' || (process.platform === 'linux' && !process.env.DISPLAY)) return undefined;
  try {
    const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
    return await downloadAndUnzipVSCode({ version: 'stable', timeout: 15_000 });
  } catch (error) {
    log(`vscode: no desktop VS Code to download (${error.message.split('\n')[0]}); using code-server`);
    return undefined;
  }
}

/**
 * The windows of one run (one, or the reload phases) in desktop VS Code, one
 * after the other with the same --user-data-dir and workspace; same result
 * shape as runWindowsInExtensionHost.
 */
async function runDesktopWindows(executable, { index, locale, env, windows, proceed = () => true, timeoutS }) {
  const { runTests } = await import('@vscode/test-electron');
  const { createProfile, createWorkspace } = await import('./vscode/code-server.mjs');
  const profile = createProfile({ locale });
  const workspace = createWorkspace();
  const outcomes = [];
  try {
    for (const [n, spec] of windows.entries()) {
      const resultFile = join(profile.dir, `result-${n + 1}.json`);
      await runTests({
        vscodeExecutablePath: executable,
        extensionDevelopmentPath: root,
        extensionTestsPath: index,
        launchArgs: [workspace.dir, '--disable-extensions', '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir, '--locale', locale],
        extensionTestsEnv: {
          ...env,
          ...spec.env,
          DOCKER_LABS_TEST_RESULT: resultFile,
          DOCKER_LABS_TEST_LOCALE: locale,
          DOCKER_LABS_TEST_WORKSPACE: workspace.dir,
          DOCKER_LABS_TEST_TIMEOUT_MS: String(timeoutS * 1000),
        },
      }).catch((e) => log(`vscode: ${e.message ?? e}`));
      if (!existsSync(resultFile)) {
        outcomes.push({ label: spec.label, error: new Error('VS Code exited without writing a test result') });
        break;
      }
      const outcome = { label: spec.label, result: JSON.parse(readFileSync(resultFile, 'utf8')) };
      outcomes.push(outcome);
      if (!proceed(outcome)) break;
    }
    return { windows: outcomes };
  } finally {
    workspace.dispose();
    profile.dispose();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const requireVsCode = process.env.REQUIRE_VSCODE === '1';
  const summary = { passed: 0, failed: 0, skipped: 0, runs: [] };
  const finish = (code) => {
    if (opts.summary) {
      mkdirSync(dirname(opts.summary), { recursive: true });
      writeFileSync(opts.summary, JSON.stringify(summary, null, 2));
    }
    return code;
  };

  log('vscode: building the extension and compiling the suite');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.log('vscode: the extension build failed');
    summary.failed++;
    return finish(1);
  }
  const suite = await compileSuite(root);
  log(`vscode: ${suite.count} test file(s) compiled into ${relative(root, dirname(suite.index))}`);

  const notRun = (reason) => {
    summary.notRun = reason;
    if (requireVsCode) {
      console.log(`vscode: FAILED: the extension-host suite did not run (REQUIRE_VSCODE=1): ${reason}`);
      summary.failed++;
      return finish(1);
    }
    console.log(`vscode: skipped: ${reason}`);
    summary.skipped++;
    return finish(0);
  };

  let desktop;
  try {
    desktop = await desktopVsCode();
  } catch (error) {
    return notRun(error.message);
  }
  let home;
  if (!desktop) {
    try {
      chromiumPath();
      home = await ensureCodeServer({ log });
    } catch (error) {
      return notRun(error.message);
    }
  }

  mkdirSync(resultsDir, { recursive: true });
  let failedRuns = 0;
  const failRun = (message) => {
    console.log(message);
    summary.failed++;
    failedRuns++;
  };
  /** Opens the windows of one run; prints and counts each window's result. Returns the outcomes. */
  const run = async ({ locale, grep, windows, proceed }) => {
    const started = Date.now();
    const env = grep ? { DOCKER_LABS_TEST_GREP: grep } : {};
    let outcomes;
    try {
      if (desktop) ({ windows: outcomes } = await runDesktopWindows(desktop, { index: suite.index, locale, env, windows, proceed, timeoutS: opts.timeoutS }));
      else {
        ({ windows: outcomes } = await runWindowsInExtensionHost({
          home,
          root,
          testsPath: suite.index,
          locale,
          env,
          windows,
          proceed,
          timeoutMs: opts.timeoutS * 1000,
          artifactsDir: resultsDir,
          label: windows[0].label,
          log,
        }));
      }
    } catch (error) {
      outcomes = [{ label: windows[0].label, error }];
    }
    for (const { label, result, error } of outcomes) {
      const phase = windows.find((w) => w.label === label)?.env?.DOCKER_LABS_TEST_PHASE;
      if (error) {
        failRun(`\n${label}: FAILED: ${error.message}`);
        summary.runs.push({ locale, grep, phase, error: error.message });
        continue;
      }
      writeFileSync(join(resultsDir, `${label}.json`), JSON.stringify(result, null, 2));
      printResult(`${label} (${((Date.now() - started) / 1000).toFixed(0)} s)`, result);
      const s = result.stats;
      summary.passed += s.passes;
      summary.failed += s.failures;
      summary.skipped += s.pending;
      summary.runs.push({ locale, grep, phase, stats: s, figures: result.figures, environment: result.environment });
      if (s.failures > 0 || result.error) failedRuns++;
      if (result.error && s.failures === 0) summary.failed++;
    }
    return outcomes;
  };
  const ranTests = (outcome) => !!outcome && !outcome.error && outcome.result.stats.tests > 0;
  const noTestRan = (outcome) => !!outcome && !outcome.error && outcome.result.stats.tests === 0 && !outcome.result.error;

  let reloadRanTests = false;
  for (const [index, locale] of opts.locales.entries()) {
    const grep = grepFor(index, opts.grep);
    const label = `vscode-${locale}`;
    log(`${label}: running ${grep ? `tests matching "${grep}"` : 'the whole suite'} in ${desktop ? 'desktop VS Code' : 'code-server'}`);
    const [normal] = await run({ locale, grep, windows: [{ label }] });
    if (index === 0) {
      log(`${label}: reload phases (tests tagged ${RELOAD_PHASES.map((p) => `@${p}`).join(', ')}), one window each, same profile and workspace`);
      const reload = await run({
        locale,
        grep,
        windows: RELOAD_PHASES.map((phase) => ({ label: `${label}-${phase}`, env: { DOCKER_LABS_TEST_PHASE: phase } })),
        // No @reload-1 test matches: nothing for a second window to check.
        proceed: (outcome) => ranTests(outcome),
      });
      reloadRanTests = ranTests(reload[0]);
      if (noTestRan(reload[0])) console.log(`\n${label}-${RELOAD_PHASES[0]}: no test tagged @${RELOAD_PHASES[0]} matches; the second window was not opened`);
      // A first window whose tests set something up that no second window checks.
      else if (noTestRan(reload[1])) failRun(`${label}-${RELOAD_PHASES[1]}: FAILED: no test ran after the reload`);
    }
    // A run may be empty when the grep matches reload tests only (e.g. --grep @reload).
    if (noTestRan(normal) && !reloadRanTests) failRun(`${label}: FAILED: no test ran`);
    else if (noTestRan(normal)) console.log(`\n${label}: no test outside the reload phases matches`);
  }
  return finish(failedRuns > 0 ? 1 : 0);
}

main()
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  })
  .catch(async (error) => {
    console.log(`vscode: FAILED: ${error.stack ?? error}`);
    await cleanupAll();
    process.exit(1);
  });
