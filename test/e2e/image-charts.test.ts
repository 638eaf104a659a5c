// The image pictures as a learner sees them: a Korean workbench on the fixture daemon with
// session 4's workspace (its starter app, `Dockerfile.basic` and the multi-stage
// `Dockerfile`), both images built from it; the layer chart opened from the image's context
// menu in the Docker explorer, drawn by mermaid inside the webview, its row link opening the
// Dockerfile at the line; then the two images selected (ctrl-click) and compared. Leaves
// test-results/layer-chart-ko.png and test-results/size-comparison-ko.png.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator, Locator } from 'playwright-core';
import { parseBuildOutput } from '../../src/build';
import { humanSize } from '../../src/explorer';
import { getFixture, type Fixture } from '../docker/fixture';
import { openWorkbench, ROOT, type Workbench, findChromium, needs } from './workbench';

const REPO = 'e2e-charts-pair1-myapp';
const BASIC = `${REPO}:basic`;
const OPTIMIZED = `${REPO}:optimized`;
const STARTER = path.join(ROOT, 'exercises', '04-images-networking-storage', 'starter');

/** The workspace of session 4 after its build steps: the starter app and the two Dockerfiles the lab writes. */
function sessionFiles(): Record<string, string> {
  const read = (...p: string[]) => fs.readFileSync(path.join(STARTER, ...p), 'utf8');
  const files: Record<string, string> = {};
  for (const name of ['package.json', 'package-lock.json', 'server.js', 'build.js']) files[name] = read(name);
  files['Dockerfile.basic'] = read('solution', 'Dockerfile.basic');
  files.Dockerfile = read('solution', 'Dockerfile.multistage');
  return files;
}

describe('image charts e2e (Korean workbench, real daemon)', function () {
  let wb: Workbench | undefined;
  let fx: Fixture;
  // Every image the builds made (--no-cache: none is shared with another build), the builder stage's included.
  const built: string[] = [];

  before(async function () {
    this.timeout(240_000);
    fx = await needs(this, process.env.REQUIRE_VSCODE === '1' || process.env.REQUIRE_DOCKER === '1', async () => {
      await findChromium();
      return getFixture();
    });
    await fx.cli(['rmi', BASIC, OPTIMIZED]);
    await fx.cliOk(['pull', '-q', 'node:18']);
    await fx.cliOk(['pull', '-q', 'node:18-alpine']);
    // A click selects an image without unfolding its layers (ctrl-click then adds the second one).
    const settings = { 'workbench.tree.expandMode': 'doubleClick' };
    wb = await openWorkbench({ locale: 'ko', env: { DOCKER_HOST: fx.host }, files: sessionFiles(), settings, width: 1600, height: 1300 });
    // As the lab's steps do: docker build -t …:basic -f Dockerfile.basic . and docker build -t …:optimized .
    for (const [tag, file] of [[BASIC, 'Dockerfile.basic'], [OPTIMIZED, 'Dockerfile']] as const) {
      const r = await fx.cli(['build', '--no-cache', '-t', tag, '-f', file, '.'], { cwd: wb.workspace, env: { DOCKER_BUILDKIT: '0' }, timeoutMs: 180_000 });
      built.push(...parseBuildOutput(r.stdout + r.stderr).steps.flatMap((s) => (s.imageId ? [s.imageId] : [])));
      assert.equal(r.code, 0, r.stderr);
    }
  });

  after(async function () {
    this.timeout(60_000);
    await wb?.close();
    if (!fx) return;
    await fx.cli(['rmi', BASIC, OPTIMIZED]);
    // What is left of the builds: the builder stage, newest step first (its parents go with it).
    for (const id of [...built].reverse()) await fx.cli(['rmi', id]);
  });

  const frame = (): FrameLocator => wb!.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

  let tree: Locator;
  const row = (text: string) => tree.locator('.monaco-list-row', { hasText: text }).first();

  /** The explorer with the containers folded and the images open: the images sort by name, ours near the top. */
  async function imagesInSight(): Promise<void> {
    await wb!.openViewContainer('Docker Labs');
    tree = await wb!.viewPane('Docker', { alone: true });
    const containers = row('컨테이너');
    await containers.waitFor({ timeout: 60_000 });
    // Folded and unfolded by their twisties (a click only selects, see expandMode).
    if ((await containers.getAttribute('aria-expanded')) === 'true') await containers.locator('.monaco-tl-twistie').click();
    const images = row('이미지');
    if ((await images.getAttribute('aria-expanded')) !== 'true') await images.locator('.monaco-tl-twistie').click();
    await row(BASIC).waitFor({ timeout: 30_000 });
  }

  async function contextMenu(target: Locator, item: string): Promise<void> {
    await target.click({ button: 'right' });
    const entry = wb!.page.locator('.monaco-menu .action-menu-item', { hasText: item });
    try {
      await entry.waitFor({ timeout: 10_000 });
    } catch (error) {
      await wb!.screenshot('image-charts-menu-failure');
      const offered = await wb!.page.locator('.monaco-menu .action-menu-item').allInnerTexts();
      throw new Error(`no "${item}" in the context menu (${offered.join(' | ') || 'no menu'})`, { cause: error });
    }
    await entry.hover();
    await entry.click();
    // A click that lands while the menu is still settling is lost; the hovered entry takes Enter.
    const menu = wb!.page.locator('.context-view .monaco-menu');
    if (!(await menu.waitFor({ state: 'detached', timeout: 3_000 }).then(() => true, () => false))) {
      await wb!.page.keyboard.press('Enter');
      await menu.waitFor({ state: 'detached', timeout: 10_000 });
    }
  }

  it('draws the layers of the basic image from its context menu, and a row opens its Dockerfile line', async function () {
    this.timeout(180_000);
    await imagesInSight();
    await contextMenu(row(BASIC), '레이어 차트');
    const svg = frame().locator('.drawn svg');
    await svg.waitFor({ timeout: 60_000 });
    const rows = frame().locator('tbody tr');
    const history = (await fx.cliOk(['history', '--no-trunc', '--human=false', '--format', '{{.Size}}', BASIC])).trim().split('\n').map(Number).reverse();
    assert.equal(await rows.count(), history.length, 'one row per docker history entry');
    const bars = frame().locator('.drawn svg g[class^="bar-plot"] rect');
    assert.equal(await bars.count(), history.filter((s) => s > 0).length, 'one bar per layer with bytes');
    assert.equal(await frame().locator('tbody tr:not(.meta)').count(), history.filter((s) => s > 0).length);
    // The bars are labelled with the instructions that made them.
    const labels = await svg.locator('text').allTextContents();
    assert.ok(labels.some((l) => /^\d+\. RUN npm install$/.test(l)), `the npm install bar is labelled: ${labels.join(' | ')}`);
    const total = await frame().locator('tfoot').innerText();
    assert.ok(total.includes(humanSize(Number((await fx.cliOk(['image', 'inspect', '--format', '{{.Size}}', BASIC])).trim()))), `the total is the image size: ${total}`);
    assert.ok((await frame().locator('thead').innerText()).includes('명령어'), 'Korean table headers');

    const install = frame().locator('tbody tr', { hasText: 'RUN npm install' });
    const link = install.locator('a');
    assert.equal(await link.innerText(), 'Dockerfile.basic:5');
    await frame().locator('tbody tr', { hasText: 'CMD ["npm" "start"]' }).locator('a', { hasText: 'Dockerfile.basic:7' }).waitFor();
    assert.equal(await frame().locator('tbody tr a').count(), 5, 'WORKDIR, COPY, RUN, EXPOSE and CMD of Dockerfile.basic; the base image links nowhere');
    assert.equal(await frame().locator('body script:not([nonce])').count(), 0, 'every script carries the nonce');

    // The picture: the chart at the editor's full width, before the Dockerfile opens beside it.
    await wb!.executeCommand('workbench.action.closePanel');
    await wb!.page.mouse.move(800, 1290);
    await wb!.screenshot('layer-chart-ko');

    await link.click();
    await wb!.page.locator('.tab.active', { hasText: 'Dockerfile.basic' }).waitFor({ timeout: 15_000 });
    const cursorLine = wb!.page.locator('.editor-group-container.active .monaco-editor .line-numbers.active-line-number');
    await cursorLine.waitFor({ timeout: 10_000 });
    assert.equal((await cursorLine.innerText()).trim(), '5', 'the cursor on RUN npm install (line 5)');
  });

  it('compares the basic and the multi-stage image, selected together in the explorer', async function () {
    this.timeout(180_000);
    await wb!.executeCommand('workbench.action.closeAllEditors');
    await imagesInSight();
    await row(BASIC).click();
    await row(OPTIMIZED).click({ modifiers: ['Control'] });
    assert.equal(await tree.locator('.monaco-list-row.selected').count(), 2, 'two images selected');
    await contextMenu(row(OPTIMIZED), '이미지 크기 비교');
    const sections = frame().locator('section.image');
    await sections.nth(1).waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
      await wb!.screenshot('image-charts-compare-failure');
      throw error;
    });
    assert.deepEqual(await sections.evaluateAll((all) => all.map((s) => s.getAttribute('data-ref'))), [BASIC, OPTIMIZED]);
    assert.equal(await frame().locator('.drawn svg').count(), 3, 'the totals and one chart per image');
    const totals = await frame().locator('table.totals').innerText();
    for (const ref of [BASIC, OPTIMIZED]) {
      const size = Number((await fx.cliOk(['image', 'inspect', '--format', '{{.Size}}', ref])).trim());
      assert.ok(totals.includes(ref) && totals.includes(humanSize(size)), `${ref} at ${humanSize(size)} in the totals: ${totals}`);
    }
    assert.equal(await frame().locator('.drawn svg').first().locator('g[class^="bar-plot"] rect').count(), 2, 'a total bar per image');
    assert.ok((await frame().locator('body').innerText()).includes('이미지 크기 합계'), 'the Korean totals title');
    await wb!.executeCommand('workbench.action.closePanel');
    await wb!.page.mouse.move(800, 1290);
    await wb!.screenshot('size-comparison-ko');
  });
});
