// Entry point of the extension-host tests (the `extensionTestsPath` module):
// VS Code calls run() inside the extension host, which runs mocha over every
// compiled test/suite/**/*.test.ts and writes the outcome as JSON where the
// launcher (scripts/test-vscode.mjs) reads it: $DOCKER_LABS_TEST_RESULT, or
// test-results/vscode-suite.json when started some other way.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { recordedFigures, type Figure } from './helpers';

export interface TestOutcome {
  title: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: { message: string; stack?: string };
}

export interface SuiteResult {
  /** What the run looked like from inside: the UI language and the VS Code build. */
  environment: { language: string; vscodeVersion: string; appName: string; appHost: string; uiKind: string };
  stats: { tests: number; passes: number; failures: number; pending: number; durationMs: number };
  tests: TestOutcome[];
  figures: Figure[];
  /** Set when mocha itself could not run (e.g. a test file failed to load). */
  error?: string;
}

function resultFile(): string {
  return process.env.DOCKER_LABS_TEST_RESULT ?? path.resolve(__dirname, '../../../test-results/vscode-suite.json');
}

function testFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The reload phases of the launcher: windows that share one profile and workspace. */
const RELOAD_TAGS = ['@reload-1', '@reload-2'];

/**
 * Which tests run, as one regular expression over the full title: in a reload
 * phase (DOCKER_LABS_TEST_PHASE=reload-1|reload-2) only the tests tagged with
 * it, otherwise none tagged with either; and, given a grep (a regular
 * expression source, as mocha's --grep), only the tests it matches.
 */
function testFilter(phase: string | undefined, grep: string | undefined): RegExp {
  const tags = RELOAD_TAGS.map((t) => `${t}\\b`).join('|');
  const byPhase = phase ? `(?=.*@${phase}\\b)` : `(?!.*(?:${tags}))`;
  return new RegExp(`^${byPhase}${grep ? `(?=.*(?:${grep}))` : ''}`);
}

function describeError(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, stack: err.stack };
  return { message: String(err) };
}

function environment(): SuiteResult['environment'] {
  return {
    language: vscode.env.language,
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    appHost: vscode.env.appHost,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
  };
}

function writeResult(result: SuiteResult): void {
  const file = resultFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename: the launcher polls for the file and must never read half of it.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(result, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.DOCKER_LABS_TEST_TIMEOUT_MS ?? 60_000),
    // The launcher prints the outcome; mocha's own reporter output would only go to the browser console.
    reporter: class Quiet extends Mocha.reporters.Base {},
  });
  mocha.grep(testFilter(process.env.DOCKER_LABS_TEST_PHASE, process.env.DOCKER_LABS_TEST_GREP));
  const tests: TestOutcome[] = [];
  const started = Date.now();
  const stats = (): SuiteResult['stats'] => {
    const count = (state: TestOutcome['state']) => tests.filter((t) => t.state === state).length;
    return { tests: tests.length, passes: count('passed'), failures: count('failed'), pending: count('pending'), durationMs: Date.now() - started };
  };
  return new Promise<void>((resolve, reject) => {
    try {
      for (const file of testFiles(__dirname)) mocha.addFile(file);
      const runner = mocha.run(() => {
        const result: SuiteResult = { environment: environment(), stats: stats(), tests, figures: recordedFigures() };
        writeResult(result);
        if (result.stats.failures > 0) reject(new Error(`${result.stats.failures} extension-host test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => tests.push({ title: t.fullTitle(), file: t.file, state: 'passed', durationMs: t.duration }));
      runner.on('pending', (t) => tests.push({ title: t.fullTitle(), file: t.file, state: 'pending' }));
      // Also fires for failing hooks, which then count as failed tests.
      runner.on('fail', (t, err) => tests.push({ title: t.fullTitle(), file: t.file, state: 'failed', durationMs: t.duration, error: describeError(err) }));
    } catch (err) {
      const error = describeError(err);
      writeResult({ environment: environment(), stats: stats(), tests, figures: recordedFigures(), error: error.stack ?? error.message });
      reject(err);
    }
  });
}
