// The Docker explorer as a learner sees it: a real workbench in Korean, connected to
// the fixture daemon, showing the course's pair exercise (two containers on a
// user-defined network, a volume, a stopped container). Leaves
// test-results/explorer-ko.png.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import { getFixture, type Fixture } from '../docker/fixture';
import { openWorkbench, type Workbench, findChromium, needs } from './workbench';

const NAMES = {
  network: 'e2e-pair1-network',
  web: 'e2e-pair1-web',
  cache: 'e2e-pair1-redis',
  old: 'e2e-old-web',
  volume: 'e2e-redis-data',
};

describe('explorer e2e (Korean workbench, real daemon)', function () {
  let wb: Workbench | undefined;
  let fx: Fixture;

  before(async function () {
    fx = await needs(this, process.env.REQUIRE_VSCODE === '1' || process.env.REQUIRE_DOCKER === '1', async () => {
      await findChromium();
      return getFixture();
    });
    await fx.cli(['rm', '-f', NAMES.web, NAMES.cache, NAMES.old]);
    await fx.cli(['network', 'rm', NAMES.network]);
    await fx.cli(['volume', 'rm', NAMES.volume]);
    await fx.cliOk(['pull', '-q', 'nginx:alpine']);
    await fx.cliOk(['pull', '-q', 'redis:7-alpine']);
    await fx.cliOk(['network', 'create', NAMES.network]);
    await fx.cliOk(['volume', 'create', NAMES.volume]);
    await fx.cliOk(['run', '-d', '--name', NAMES.web, '--network', NAMES.network, '-p', '80', 'nginx:alpine']);
    await fx.cliOk(['run', '-d', '--name', NAMES.cache, '--network', NAMES.network, '-v', `${NAMES.volume}:/data`, 'redis:7-alpine']);
    await fx.cliOk(['create', '--name', NAMES.old, 'nginx:alpine']);
    wb = await openWorkbench({ locale: 'ko', env: { DOCKER_HOST: fx.host }, width: 1400, height: 1000 });
  });

  after(async function () {
    await wb?.close();
    if (!fx) return;
    await fx.cli(['rm', '-f', NAMES.web, NAMES.cache, NAMES.old]);
    await fx.cli(['network', 'rm', NAMES.network]);
    await fx.cli(['volume', 'rm', NAMES.volume]);
  });

  it('shows containers, networks with their members and volumes in Korean', async function () {
    const sidebar = await wb!.openViewContainer('Docker Labs');
    // Widen the side bar (drag its edge) so descriptions (image, status, IPs) are readable in the picture.
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
    for (const name of [NAMES.web, NAMES.cache, NAMES.old]) await row(name).waitFor({ timeout: 30_000 });
    await row('컨테이너').waitFor();

    // Fold the image list (a shared daemon has many) and open the network to show who is on it.
    const images = row('이미지');
    if ((await images.getAttribute('aria-expanded')) === 'true') await images.click();
    // The list renders only the rows in sight: scroll (as a learner does) until a row is drawn,
    // and keep what each view of the tree showed.
    let text = await tree.innerText();
    const reveal = async (name: string) => {
      const target = row(name);
      for (let i = 0; i < 40 && (await target.count()) === 0; i++) {
        await tree.hover();
        await wb!.page.mouse.wheel(0, 200);
        await wb!.page.waitForTimeout(100);
        text += `\n${await tree.innerText()}`;
      }
      return target;
    };
    await (await reveal(NAMES.network)).click();
    await tree.locator('.monaco-list-row[aria-level="3"]', { hasText: NAMES.cache }).first().waitFor();
    text += `\n${await tree.innerText()}`;
    await (await reveal(NAMES.volume)).click();
    text += `\n${await tree.innerText()}`;

    for (const expected of ['컨테이너', '네트워크', '볼륨', '실행 중', '생성됨', NAMES.network, NAMES.volume]) assert.ok(text.includes(expected), `the tree shows "${expected}":\n${text}`);
    const ip = (await fx.cliOk(['inspect', '-f', `{{(index .NetworkSettings.Networks "${NAMES.network}").IPAddress}}`, NAMES.cache])).trim();
    assert.ok(text.includes(ip), `the network shows ${NAMES.cache} with its IP ${ip}`);
    const shot = await wb!.screenshot('explorer-ko');
    assert.ok(fs.statSync(shot).size > 20_000, `screenshot ${shot} has content`);
    const header = await sidebar.locator('.composite.title, .pane-header').allInnerTexts();
    assert.ok(header.join(' ').includes(fx.host), `the view description names the endpoint: ${JSON.stringify(header)}`);
  });
});
