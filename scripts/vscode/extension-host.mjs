// Runs an `extensionTestsPath` module (the mocha suite, or the activation
// benchmark's probe) in the extension host of a fresh code-server window:
// code-server with a throwaway profile, a temp workspace, the repo as the
// extension under development, Chromium opening the workbench URL, then waiting
// for the module to write its result file.
//
// runWindowsInExtensionHost does the same for several windows one after the
// other (a reload): each window gets a new code-server, and so a new extension
// host process, on the same user-data-dir, workspace and port, opened in the
// same browser context. The browser is part of the profile here: code-server's
// workbench keeps global and workspace state (an extension's `globalState`)
// in the browser's IndexedDB, per origin.
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProfile, createWorkspace, startCodeServer, workbenchUrl } from './code-server.mjs';
import { launchChromium, newContext } from './browser.mjs';

// The workbench writes state changes to IndexedDB 100 ms after they happen
// (VS Code's Storage flush delay); give that write time to land before closing.
const STORAGE_SETTLE_MS = 1000;

/**
 * Options: home (code-server install), root (extension folder), testsPath
 * (compiled module exporting run()), locale, env (for the extension host),
 * timeoutMs, artifactsDir (screenshot + logs on time-out), label, log, and
 * beforeStart({ profile, workspace }) to prepare the profile or workspace.
 * Resolves with { result, logs } where result is the parsed result file; rejects
 * on time-out or start-up failure with the log tails in the message.
 */
export async function runInExtensionHost({ label = 'vscode', ...options }) {
  const { windows, logs } = await runWindowsInExtensionHost({ ...options, label, windows: [{ label }] });
  if (windows[0].error) throw windows[0].error;
  return { result: windows[0].result, logs };
}

/**
 * Like runInExtensionHost, for `windows` ([{ label, env }], env added to the
 * common one) opened one after the other against the same profile and workspace;
 * each window is closed (as a user closes the tab) and its code-server stopped
 * before the next starts. `proceed(outcome)` is asked after each window but the
 * last; false ends the sequence there. A window that errs (time-out, start-up)
 * ends it too. Resolves with { windows: [{ label, result } | { label, error }], logs }.
 */
export async function runWindowsInExtensionHost({ home, root, testsPath, locale = 'en', env = {}, windows, proceed = () => true, timeoutMs = 10 * 60_000, artifactsDir, label = 'vscode', log = () => {}, beforeStart }) {
  const profile = createProfile({ locale });
  const workspace = createWorkspace();
  const browserLog = join(profile.dir, 'browser.log');
  const browserLogStream = createWriteStream(browserLog);
  const outcomes = [];
  let browser;
  try {
    // E.g. install a .vsix into the profile, or put files into the workspace.
    if (beforeStart) await beforeStart({ profile, workspace: workspace.dir });
    let port = 0;
    let context;
    for (const [index, spec] of windows.entries()) {
      const windowLabel = spec.label ?? `${label}-${index + 1}`;
      const resultFile = join(profile.dir, `result-${index + 1}.json`);
      const last = index === windows.length - 1;
      let server;
      let page;
      try {
        server = await startCodeServer({
          home,
          profile,
          // The same origin as the window before, or the browser's storage would not carry over.
          port,
          log,
          env: {
            ...env,
            ...spec.env,
            DOCKER_LABS_TEST_RESULT: resultFile,
            DOCKER_LABS_TEST_LOCALE: locale,
            DOCKER_LABS_TEST_WORKSPACE: workspace.dir,
          },
        });
        port = Number(new URL(server.url).port);
        browser ??= await launchChromium();
        context ??= await newContext(browser, { locale });
        page = await context.newPage();
        page.on('console', (m) => browserLogStream.write(`[${m.type()}] ${m.text()}\n`));
        page.on('pageerror', (e) => browserLogStream.write(`[pageerror] ${e.message}\n`));
        const url = workbenchUrl(server, { folder: workspace.dir, extensionDevelopmentPath: root, extensionTestsPath: testsPath });
        log(`${windowLabel}: opening the workbench (${locale})`);
        browserLogStream.write(`--- ${windowLabel} ---\n`);
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
        const deadline = Date.now() + timeoutMs;
        while (!existsSync(resultFile)) {
          if (Date.now() > deadline) {
            let shot = '';
            if (artifactsDir) {
              mkdirSync(artifactsDir, { recursive: true });
              shot = join(artifactsDir, `${windowLabel}-timeout.png`);
              await page.screenshot({ path: shot }).catch(() => (shot = ''));
            }
            throw new Error(
              `${windowLabel}: no result after ${Math.round(timeoutMs / 1000)} s${shot ? ` (screenshot: ${shot})` : ''}\n` +
                `--- code-server log ---\n${tailOf(profile.logFile)}\n--- browser console ---\n${tailOf(browserLog)}`,
            );
          }
          await new Promise((r) => setTimeout(r, 250));
        }
        const outcome = { label: windowLabel, result: JSON.parse(readFileSync(resultFile, 'utf8')) };
        outcomes.push(outcome);
        if (last || !proceed(outcome)) break;
        await closeWindow(page);
      } catch (error) {
        outcomes.push({ label: windowLabel, error });
        break;
      } finally {
        if (page && !page.isClosed()) await page.close().catch(() => {});
        if (server) await server.stop();
      }
    }
    return { windows: outcomes, logs: { codeServer: profile.logFile, browser: browserLog } };
  } finally {
    if (browser) await browser.close().catch(() => {});
    await new Promise((r) => browserLogStream.end(r));
    if (artifactsDir) copyLogs(profile, browserLog, artifactsDir, label);
    workspace.dispose();
    profile.dispose();
  }
}

/**
 * Closes the tab the way a user does: the workbench's beforeunload handler runs
 * its shutdown (which flushes its storage) and any "leave the page?" prompt is
 * accepted.
 */
async function closeWindow(page) {
  await new Promise((r) => setTimeout(r, STORAGE_SETTLE_MS));
  page.on('dialog', (d) => d.accept().catch(() => {}));
  const closed = new Promise((r) => page.once('close', r));
  await page.close({ runBeforeUnload: true });
  await Promise.race([closed, new Promise((r) => setTimeout(r, 10_000))]);
}

function tailOf(file, lines = 25) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function copyLogs(profile, browserLog, dir, label) {
  mkdirSync(dir, { recursive: true });
  for (const [from, name] of [
    [profile.logFile, `${label}-code-server.log`],
    [browserLog, `${label}-browser.log`],
  ]) {
    if (existsSync(from)) copyFileSync(from, join(dir, name));
  }
}
