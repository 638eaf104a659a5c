// The live network diagram as a learner sees it: a Korean workbench on the fixture daemon
// with session 3's picture (a pair network with two containers, one isolated container on
// the default bridge), opened from the explorer's networks node, drawn by mermaid inside
// the webview, and redrawn when another container joins. Leaves
// test-results/network-diagram-ko.png.
import * as assert from 'assert/strict';
import type { FrameLocator } from 'playwright-core';
import { getFixture, type Fixture } from '../docker/fixture';
import { openWorkbench, type Workbench, findChromium, needs } from './workbench';

const NAMES = {
  network: 'e2e-diagram-pair1-network',
  web: 'e2e-diagram-pair1-web',
  db: 'e2e-diagram-pair1-db',
  isolated: 'e2e-diagram-pair1-isolated',
  late: 'e2e-diagram-pair1-late',
};
const CONTAINERS = [NAMES.web, NAMES.db, NAMES.isolated, NAMES.late];

describe('network diagram e2e (Korean workbench, real daemon)', function () {
  let wb: Workbench | undefined;
  let fx: Fixture;

  before(async function () {
    fx = await needs(this, process.env.REQUIRE_VSCODE === '1' || process.env.REQUIRE_DOCKER === '1', async () => {
      await findChromium();
      return getFixture();
    });
    await fx.cli(['rm', '-f', ...CONTAINERS]);
    await fx.cli(['network', 'rm', NAMES.network]);
    await fx.cliOk(['pull', '-q', 'nginx:alpine']);
    await fx.cliOk(['network', 'create', NAMES.network]);
    await fx.cliOk(['run', '-d', '--name', NAMES.web, '--network', NAMES.network, '-p', '8081:80', 'nginx:alpine']);
    await fx.cliOk(['run', '-d', '--name', NAMES.db, '--network', NAMES.network, '--network-alias', 'db', 'nginx:alpine']);
    await fx.cliOk(['run', '-d', '--name', NAMES.isolated, 'nginx:alpine']);
    wb = await openWorkbench({ locale: 'ko', env: { DOCKER_HOST: fx.host }, width: 1400, height: 1000 });
  });

  after(async function () {
    await wb?.close();
    if (!fx) return;
    await fx.cli(['rm', '-f', ...CONTAINERS]);
    await fx.cli(['network', 'rm', NAMES.network]);
  });

  const frame = (): FrameLocator => wb!.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

  it('opens from the networks node and draws the pair network apart from the isolated container', async function () {
    this.timeout(180_000);
    await wb!.openViewContainer('Docker Labs');
    const tree = await wb!.viewPane('Docker', { alone: true });
    const networks = tree.locator('.monaco-list-row', { hasText: '네트워크' }).first();
    await networks.waitFor({ timeout: 60_000 });
    await networks.hover();
    await networks.locator('.action-label[aria-label="네트워크 다이어그램"]').click();
    const svg = frame().locator('.drawn svg');
    await svg.waitFor({ timeout: 60_000 });
    await frame().locator('.drawn svg', { hasText: NAMES.isolated }).waitFor({ timeout: 30_000 });
    const text = (await svg.textContent()) ?? '';
    for (const name of [NAMES.network, NAMES.web, NAMES.db, NAMES.isolated, '8081→80/tcp', '기본 제공']) assert.ok(text.includes(name), `${name} is drawn`);
    // The pair network's box holds its two containers and not the isolated one.
    const pairBox = frame().locator('g.cluster', { hasText: NAMES.network });
    assert.equal(await pairBox.count(), 1);
    const inPair = await frame().locator('body').evaluate(
      (body, [network, ...names]) => {
        const doc = body.ownerDocument;
        const cluster = [...doc.querySelectorAll('g.cluster')].find((g) => g.textContent?.includes(network!));
        const box = cluster?.querySelector('rect')?.getBoundingClientRect();
        return names.map((name) => {
          const node = [...doc.querySelectorAll('g.node')].find((g) => g.textContent?.includes(name!));
          const r = node?.getBoundingClientRect();
          return !!box && !!r && r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
        });
      },
      [NAMES.network, NAMES.web, NAMES.db, NAMES.isolated],
    );
    assert.deepEqual(inPair, [true, true, false], 'web and db inside the pair network, the isolated container outside');
    assert.equal(await frame().locator('body script:not([nonce])').count(), 0, 'every script carries the nonce');
    assert.ok((await frame().locator('[data-role="subtitle"]').textContent())?.trim(), 'the endpoint is named');
  });

  it('is redrawn when another container joins the pair network', async function () {
    this.timeout(120_000);
    await fx.cliOk(['run', '-d', '--name', NAMES.late, '--network', NAMES.network, 'nginx:alpine']);
    await frame().locator('.drawn svg', { hasText: NAMES.late }).waitFor({ timeout: 30_000 });
    assert.equal(await frame().locator('.drawn svg').count(), 1, 'one diagram, redrawn in place');
    await wb!.screenshot('network-diagram-ko');
  });
});
