// The explorer's commands that ask questions, answered the way a learner answers
// them: from the command palette, typing into each quick input once its title is
// on screen, picking items. Effects are checked with the docker CLI against the
// fixture daemon; the Docker endpoint status bar item and the switch-context
// command are driven with a docker context made under a temp DOCKER_CONFIG.
// Leaves test-results/explorer-prompts-*.png.
// Not here: modal confirmations (remove a running container, prune). The workbench
// runs with an extensionTestsPath (our bridge), and VS Code's DialogService then
// refuses every modal ("refused to show dialog in tests"), so no learner could
// press their buttons in this harness.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { getFixture, uniqueName, type Fixture } from '../docker/fixture';
import { openWorkbench, type Workbench, findChromium, needs } from './workbench';
import { waitFor } from '../support/waitFor';

const NAMES = {
  network: uniqueName('e2e-prompt-net'),
  container: uniqueName('e2e-prompt-web'),
  createdNetwork: uniqueName('e2e-prompt-newnet'),
  createdVolume: uniqueName('e2e-prompt-vol'),
  tag: `${uniqueName('e2e-prompt-tag')}:v1`,
  context: uniqueName('e2e-prompt-ctx'),
};
const HOST_PORT = String(30000 + Math.floor(Math.random() * 9000));

describe('explorer prompts e2e (English workbench, real daemon)', function () {
  let wb: Workbench | undefined;
  let fx: Fixture;
  let dockerConfig: string | undefined;

  const cleanup = async () => {
    await fx.cli(['rm', '-f', NAMES.container]);
    await fx.cli(['network', 'rm', NAMES.network, NAMES.createdNetwork]);
    await fx.cli(['volume', 'rm', NAMES.createdVolume]);
    await fx.cli(['rmi', NAMES.tag]);
  };

  before(async function () {
    fx = await needs(this, process.env.REQUIRE_VSCODE === '1' || process.env.REQUIRE_DOCKER === '1', async () => {
      await findChromium();
      return getFixture();
    });
    await cleanup();
    await fx.cliOk(['pull', '-q', 'nginx:alpine']);
    await fx.cliOk(['network', 'create', NAMES.network]);
    // A docker context of our own, pointing at the fixture's daemon, in a config dir
    // only this test's extension host sees.
    dockerConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-e2e-config-'));
    await fx.cliOk(['context', 'create', NAMES.context, '--docker', `host=${fx.host}`], { env: { DOCKER_CONFIG: dockerConfig } });
    wb = await openWorkbench({ locale: 'en', env: { DOCKER_HOST: fx.host, DOCKER_CONFIG: dockerConfig }, width: 1400, height: 1000 });
    await wb.openViewContainer('Docker Labs');
  });

  after(async function () {
    await wb?.close();
    if (fx) await cleanup();
    if (dockerConfig) fs.rmSync(dockerConfig, { recursive: true, force: true });
  });

  const quickInput = () => wb!.page.locator('.quick-input-widget');

  /** Waits until the quick input shows this title (and prompt, if given) — the step is really on screen. */
  async function waitForStep(title: string, prompt?: string): Promise<void> {
    await quickInput().locator('.quick-input-title', { hasText: title }).waitFor({ timeout: 30_000 });
    if (prompt) await quickInput().getByText(prompt, { exact: false }).first().waitFor({ timeout: 30_000 });
  }

  /** Waits for a quick pick that asks with this placeholder (a pick without a title). */
  async function waitForPlaceholder(placeHolder: string): Promise<void> {
    await quickInput().locator(`input[placeholder="${placeHolder}"]`).waitFor({ timeout: 30_000 });
  }

  /** Answers an input box step: clear what it suggests, type the answer, Enter. */
  async function answer(title: string, prompt: string, text: string): Promise<void> {
    await waitForStep(title, prompt);
    const input = quickInput().locator('input').first();
    await input.focus();
    await wb!.page.keyboard.press('ControlOrMeta+A');
    await wb!.page.keyboard.press('Backspace');
    if (text) await wb!.page.keyboard.type(text);
    // No validation message may stand in the way of Enter.
    await quickInput().locator('.monaco-inputbox.error').waitFor({ state: 'hidden', timeout: 10_000 });
    await wb!.page.keyboard.press('Enter');
  }

  /** Picks the quick pick item whose label is exactly `label` (typing to filter first). */
  async function pickItem(label: string): Promise<void> {
    const input = quickInput().locator('input').first();
    await input.focus();
    await wb!.page.keyboard.type(label);
    const row = quickInput().locator('.quick-input-list .monaco-list-row').filter({ has: wb!.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
  }

  const refreshTree = () => wb!.executeCommand('dockerLabs.explorer.refresh');

  it('runs nginx:alpine with a name, a port, a user network and an env var, all from quick inputs', async function () {
    await refreshTree();
    await wb!.runCommand('Docker Labs: Run Image…');
    await waitForPlaceholder('Image to run');
    await pickItem('nginx:alpine');
    const title = (step: number) => `docker run nginx:alpine (${step}/4)`;
    await answer(title(1), 'Container name (--name)', NAMES.container);
    await answer(title(2), 'Published ports (-p HOST:CONTAINER)', `${HOST_PORT}:80`);
    await waitForStep(title(3));
    await pickItem(NAMES.network);
    await answer(title(4), 'Environment variables (-e KEY=VALUE)', 'GREETING=hello-from-e2e');

    const info = await waitFor('the container to run', async () => {
      const r = await fx.cli(['inspect', NAMES.container]);
      if (r.code !== 0) return undefined;
      const [c] = JSON.parse(r.stdout) as Array<{
        State: { Running: boolean };
        Config: { Image: string; Env: string[] };
        HostConfig: { PortBindings: Record<string, Array<{ HostPort: string }>> };
        NetworkSettings: { Networks: Record<string, unknown> };
      }>;
      return c?.State.Running ? c : undefined;
    }, 30_000, 300);
    await wb!.screenshot('explorer-prompts-run');
    assert.equal(info.Config.Image, 'nginx:alpine');
    assert.ok(info.Config.Env.includes('GREETING=hello-from-e2e'), `env: ${JSON.stringify(info.Config.Env)}`);
    assert.deepEqual(info.HostConfig.PortBindings['80/tcp']?.map((b) => b.HostPort), [HOST_PORT]);
    assert.deepEqual(Object.keys(info.NetworkSettings.Networks), [NAMES.network]);
  });

  it('creates a network and a volume from their name prompts', async function () {
    await refreshTree();
    await wb!.runCommand('Docker Labs: Create Network…');
    await answer('docker network create', 'Network name.', NAMES.createdNetwork);
    await answer('docker network create', 'Subnet (--subnet)', '');
    await waitFor('the network', async () => ((await fx.cli(['network', 'inspect', NAMES.createdNetwork])).code === 0 ? true : undefined), 30_000, 300);

    await wb!.runCommand('Docker Labs: Create Volume…');
    await answer('docker volume create', 'Volume name', NAMES.createdVolume);
    await waitFor('the volume', async () => ((await fx.cli(['volume', 'inspect', NAMES.createdVolume])).code === 0 ? true : undefined), 30_000, 300);

    // Asked again for the same name, the prompt refuses it as the learner types.
    await refreshTree();
    await wb!.runCommand('Docker Labs: Create Volume…');
    await waitForStep('docker volume create', 'Volume name');
    await quickInput().locator('input').first().focus();
    await wb!.page.keyboard.type(NAMES.createdVolume);
    await quickInput().getByText(`${NAMES.createdVolume} already exists.`).first().waitFor({ timeout: 30_000 });
    await wb!.page.keyboard.press('Enter');
    await wb!.page.waitForTimeout(500);
    assert.ok(await quickInput().isVisible(), 'Enter on a taken name leaves the prompt open');
    await wb!.page.keyboard.press('Escape');
    await quickInput().waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('tags an image under the name typed', async function () {
    await refreshTree();
    await wb!.runCommand('Docker Labs: Tag Image…');
    await waitForPlaceholder('Image to tag');
    await pickItem('nginx:alpine');
    await answer('docker tag nginx:alpine', 'New name for the image', NAMES.tag);
    const id = (await fx.cliOk(['image', 'inspect', '-f', '{{.Id}}', 'nginx:alpine'])).trim();
    const tagged = await waitFor('the tag', async () => {
      const r = await fx.cli(['image', 'inspect', '-f', '{{.Id}}', NAMES.tag]);
      return r.code === 0 ? r.stdout.trim() : undefined;
    }, 30_000, 300);
    assert.equal(tagged, id, 'the new tag names the same image');
  });

  it('switches the Docker context from the status bar item and shows it there', async function () {
    const statusbar = wb!.page.locator('.part.statusbar');
    const item = statusbar.locator('.statusbar-item', { hasText: fx.host }).first();
    await item.waitFor({ timeout: 30_000 });
    await item.locator('a').first().click();
    await waitForStep('Docker Labs: Switch Docker Context');
    const listed = quickInput().locator('.quick-input-list .monaco-list-row', { hasText: NAMES.context }).first();
    await listed.waitFor({ timeout: 30_000 });
    assert.ok((await listed.innerText()).includes(fx.host), 'the context is listed with its endpoint');
    await pickItem(NAMES.context);
    await statusbar.locator('.statusbar-item', { hasText: NAMES.context }).first().waitFor({ timeout: 30_000 });
    assert.equal(await statusbar.locator('.statusbar-item', { hasText: fx.host }).count(), 0, 'the status bar no longer names the plain host');
    await wb!.screenshot('explorer-prompts-context');
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
