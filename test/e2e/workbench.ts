// Browser end-to-end helper: a real VS Code workbench (code-server) with Docker
// Labs loaded as the extension under development, in Debian's Chromium driven
// by playwright-core. Drive it like a learner (activity bar, command palette,
// clicks), or call the `vscode` API in its extension host through the bridge
// (test/e2e/bridge.ts); screenshots go to the git-ignored test-results/.
//
//   const wb = await openWorkbench({ locale: 'ko', files: { 'Dockerfile': 'FROM ubuntu\n' } });
//   try { await wb.openViewContainer('Docker Labs'); await wb.screenshot('explorer'); } finally { await wb.close(); }
import { spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { CodeServer, Profile, Workspace } from '../../scripts/vscode/code-server.mjs';

export const ROOT = path.resolve(__dirname, '..', '..');
export const RESULTS_DIR = path.join(ROOT, 'test-results');

// The harness modules are ES modules; loaded on first use (the tests run as CommonJS).
const harness = () =>
  Promise.all([
    import('../../scripts/vscode/code-server.mjs'),
    import('../../scripts/vscode/browser.mjs'),
    import('../../scripts/vscode/cleanup.mjs'),
  ]);

export interface OpenOptions {
  /** UI language of the workbench and `vscode.env.language` (default 'ko'). */
  locale?: string;
  /** Files to create in the temp workspace, by relative path. */
  files?: Record<string, string>;
  /** User settings added to the harness defaults. */
  settings?: Record<string, unknown>;
  /** Environment for the extension host (e.g. DOCKER_HOST). */
  env?: Record<string, string>;
  width?: number;
  height?: number;
  /** Wait this long for the workbench and our activity bar entry (ms). */
  timeoutMs?: number;
}

let built = false;
let bridgeModule: string | undefined;

/** Builds dist/ (once per process) and compiles the bridge module. */
async function prepare(): Promise<string> {
  if (!built) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('extension build failed');
    built = true;
  }
  if (!bridgeModule) {
    const esbuild = await import('esbuild');
    bridgeModule = path.join(ROOT, 'out', 'test', 'e2e', 'bridge.js');
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'test', 'e2e', 'bridge.ts')],
      outfile: bridgeModule,
      bundle: true,
      packages: 'external',
      external: ['vscode'],
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
    });
  }
  return bridgeModule;
}

/** Throws when no Chromium can be had here (the browser the workbench opens in). */
export async function findChromium(): Promise<void> {
  const { chromiumPath } = await import('../../scripts/vscode/browser.mjs');
  chromiumPath();
}

/**
 * Gets what a suite needs from this machine (a browser, a Docker daemon); when it cannot
 * be had, skips the suite with the reason, or fails it when `required` (REQUIRE_* set).
 */
export async function needs<T>(ctx: Mocha.Context, required: boolean, get: () => Promise<T>): Promise<T> {
  try {
    return await get();
  } catch (error) {
    if (required) throw error;
    console.log(`      skipped: ${(error as Error).message}`);
    ctx.skip();
  }
}

/** Korean needs a CJK font in the browser's machine; Debian ships it as fonts-noto-cjk. */
export function hasKoreanFont(): boolean {
  const r = spawnSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

export class Workbench {
  private constructor(
    readonly page: Page,
    readonly url: string,
    readonly workspace: string,
    readonly locale: string,
    private readonly bridge: { port: number; token: string },
    private readonly closeAll: () => Promise<void>,
  ) {}

  /** Starts code-server and Chromium and opens the workbench; close() undoes all of it. */
  static async open(options: OpenOptions = {}): Promise<Workbench> {
    const locale = options.locale ?? 'ko';
    const timeoutMs = options.timeoutMs ?? 120_000;
    const [cs, br, cleanup] = await harness();
    const bridge = await prepare();
    const home = await cs.ensureCodeServer();
    const profile: Profile = cs.createProfile({ locale, settings: options.settings });
    const workspace: Workspace = cs.createWorkspace();
    for (const [rel, content] of Object.entries(options.files ?? {})) {
      const file = path.join(workspace.dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    const bridgeFile = path.join(profile.dir, 'bridge.json');
    const token = randomBytes(16).toString('hex');
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    let bridgePort: number | undefined;
    const closeAll = async () => {
      unregister();
      if (bridgePort) await callBridge(bridgePort, token, { op: 'stop' }).catch(() => undefined);
      if (browser) await browser.close().catch(() => undefined);
      if (server) await server.stop();
      workspace.dispose();
      profile.dispose();
    };
    const unregister = cleanup.onCleanup(closeAll);
    try {
      server = await cs.startCodeServer({
        home,
        profile,
        env: { ...options.env, DOCKER_LABS_BRIDGE_FILE: bridgeFile, DOCKER_LABS_BRIDGE_TOKEN: token, DOCKER_LABS_TEST_LOCALE: locale },
      });
      browser = await br.launchChromium();
      const context = await br.newContext(browser, { locale, width: options.width, height: options.height });
      const page = await context.newPage();
      const url = cs.workbenchUrl(server, { folder: workspace.dir, extensionDevelopmentPath: ROOT, extensionTestsPath: bridge });
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
      await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
      // Our activity bar entry appears once the extension's contributions are in.
      await page.locator('.activitybar a.action-label[class*="activity-workbench-view-extension-dockerLabs"]').waitFor({ timeout: timeoutMs });
      const deadline = Date.now() + timeoutMs;
      while (!fs.existsSync(bridgeFile)) {
        if (Date.now() > deadline) throw new Error(`the extension host did not start (see ${profile.logFile})`);
        await new Promise((r) => setTimeout(r, 200));
      }
      bridgePort = (JSON.parse(fs.readFileSync(bridgeFile, 'utf8')) as { port: number }).port;
      return new Workbench(page, url, workspace.dir, locale, { port: bridgePort, token }, closeAll);
    } catch (error) {
      await closeAll();
      throw error;
    }
  }

  /** Runs a command by id in the extension host (`vscode.commands.executeCommand`) and returns its JSON result. */
  executeCommand<T = unknown>(command: string, ...args: unknown[]): Promise<T> {
    return callBridge(this.bridge.port, this.bridge.token, { op: 'executeCommand', command, args }) as Promise<T>;
  }

  /** Activates Docker Labs and returns the activation time it reports. */
  activate(): Promise<{ activationMs: number }> {
    return callBridge(this.bridge.port, this.bridge.token, { op: 'activate' }) as Promise<{ activationMs: number }>;
  }

  /** `vscode.env.language` as the extension host sees it. */
  language(): Promise<string> {
    return callBridge(this.bridge.port, this.bridge.token, { op: 'language' }) as Promise<string>;
  }

  /** The clipboard as the extension host reads it (`vscode.env.clipboard.readText()`). */
  clipboard(): Promise<string> {
    return callBridge(this.bridge.port, this.bridge.token, { op: 'clipboard' }) as Promise<string>;
  }

  /** Runs a command the way a learner does: F1, type its title, Enter. */
  async runCommand(title: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    await this.page.keyboard.press('F1');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor();
    await row.click();
  }

  /** Clicks the activity bar entry with this title (e.g. 'Docker Labs') and waits for its side bar. */
  async openViewContainer(title: string): Promise<Locator> {
    const item = this.page.locator(`.activitybar a.action-label[aria-label^="${title}"]`);
    await item.waitFor();
    const tab = item.locator('xpath=..');
    if ((await tab.getAttribute('aria-selected')) !== 'true') await item.click();
    // Away from the activity bar, so its hover tooltip does not end up in screenshots.
    const viewport = this.page.viewportSize();
    if (viewport) await this.page.mouse.move(viewport.width / 2, viewport.height / 2);
    const sidebar = this.page.locator('.part.sidebar');
    await sidebar.locator('.composite.title', { hasText: title.toUpperCase() }).or(sidebar.locator('.composite.title', { hasText: title })).first().waitFor();
    return sidebar;
  }

  /**
   * The body of one view in the open side bar, found by its header title (a view container holds several views,
   * e.g. Labs and the explorer). Expands that view if it is folded; with `alone`, folds the container's other views
   * so this one gets the whole height (and the screenshot).
   */
  async viewPane(title: string, options: { alone?: boolean } = {}): Promise<Locator> {
    const sidebar = this.page.locator('.part.sidebar');
    const exact = new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i');
    const headers = sidebar.locator('.pane-header');
    // `has` locators are relative to the element they filter.
    const titled = this.page.locator('.title', { hasText: exact });
    const header = headers.filter({ has: titled }).first();
    await header.waitFor();
    if (options.alone) {
      for (const other of await headers.all()) {
        if ((await other.locator('.title').innerText()).trim().toLowerCase() === title.toLowerCase()) continue;
        if ((await other.getAttribute('aria-expanded')) === 'true') await other.click();
      }
    }
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    return sidebar.locator('.pane', { has: this.page.locator('.pane-header', { has: titled }) }).locator('.pane-body');
  }

  /** Waits for visible text anywhere in the workbench. */
  async waitForText(text: string | RegExp, timeoutMs = 30_000): Promise<Locator> {
    const locator = this.page.getByText(text).first();
    await locator.waitFor({ timeout: timeoutMs });
    return locator;
  }

  /** Saves a PNG screenshot as test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Stops the bridge, Chromium and code-server, and removes the temp profile and workspace. */
  close(): Promise<void> {
    return this.closeAll();
  }
}

export const openWorkbench = (options?: OpenOptions) => Workbench.open(options);

async function callBridge(port: number, token: string, request: { op: string; command?: string; args?: unknown[] }): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = (await res.json()) as { result?: unknown; error?: string };
  if (!res.ok) throw new Error(`extension host: ${body.error ?? res.status}`);
  return body.result;
}
