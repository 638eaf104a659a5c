// The explorer's Compose grouping as a learner sees it: a real Korean workbench on the
// fixture daemon with a two-service project brought up by Compose and one plain
// container. Leaves test-results/compose-ko.png.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCompose, COMPOSE_V1 } from '../../src/compose';
import { getFixture, type Fixture } from '../docker/fixture';
import { openWorkbench, type Workbench, findChromium, needs } from './workbench';

const PROJECT = 'e2eshop';
const PLAIN = 'e2e-plain-web';

describe('compose e2e (Korean workbench, real daemon)', function () {
  let wb: Workbench | undefined;
  let fx: Fixture;
  let dir: string;
  const compose = (...args: string[]) => runCompose([...COMPOSE_V1, '-p', PROJECT, ...args], { cwd: dir, env: fx.env, timeoutMs: 120_000 });

  before(async function () {
    fx = await needs(this, process.env.REQUIRE_VSCODE === '1' || process.env.REQUIRE_DOCKER === '1', async () => {
      await findChromium();
      return getFixture();
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-e2e-compose-'));
    fs.writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx:alpine\n  cache:\n    image: redis:alpine\n');
    await compose('down').catch(() => undefined);
    await fx.cli(['rm', '-f', PLAIN]);
    await compose('up', '-d');
    await fx.cliOk(['run', '-d', '--name', PLAIN, 'nginx:alpine']);
    wb = await openWorkbench({ locale: 'ko', env: { DOCKER_HOST: fx.host }, width: 1400, height: 1000 });
  });

  after(async function () {
    await wb?.close();
    if (!fx) return;
    await compose('down').catch(() => undefined);
    await fx.cli(['rm', '-f', PLAIN]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the Compose project as a group of its services, the plain container beside it', async function () {
    const sidebar = await wb!.openViewContainer('Docker Labs');
    const box = await sidebar.boundingBox();
    if (box) {
      await wb!.page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
      await wb!.page.mouse.down();
      await wb!.page.mouse.move(box.x + box.width + 320, box.y + box.height / 2, { steps: 8 });
      await wb!.page.mouse.up();
    }
    // The container also holds the Labs view; the explorer's view is titled Docker.
    const tree = await wb!.viewPane('Docker', { alone: true });
    const row = (text: string) => tree.locator('.monaco-list-row', { hasText: text }).first();
    await row(PROJECT).waitFor({ timeout: 30_000 });
    const images = row('이미지');
    if ((await images.getAttribute('aria-expanded')) === 'true') await images.click();
    // Project (level 2) → services (level 3) → containers (level 4).
    const project = tree.locator('.monaco-list-row[aria-level="2"]', { hasText: PROJECT }).first();
    assert.match(await project.innerText(), /Compose 프로젝트 · 서비스 2개 · 실행 중 2\/2/);
    for (const service of ['web', 'cache']) await tree.locator('.monaco-list-row[aria-level="3"]', { hasText: service }).first().waitFor();
    await tree.locator('.monaco-list-row[aria-level="4"]', { hasText: `${PROJECT}_web_1` }).first().waitFor();
    await tree.locator('.monaco-list-row[aria-level="2"]', { hasText: PLAIN }).first().waitFor();
    const shot = await wb!.screenshot('compose-ko');
    assert.ok(fs.statSync(shot).size > 20_000, `screenshot ${shot} has content`);
  });
});
