// A learner's compose file with `port:` for `ports:`, opened in a Korean workbench: the
// squiggle sits under `port` (line 4, column 5), the Problems panel and the hover say it
// in Korean. Leaves test-results/compose-editor-ko-*.png.
import * as assert from 'assert/strict';
import { findChromium, hasKoreanFont, needs, openWorkbench, type Workbench } from './workbench';

const FILE = 'shop/compose.yaml';
const TEXT = 'services:\n  web:\n    image: nginx:alpine\n    port:\n      - "8080:80"\n';
const MESSAGE = '`port`: 추가적인 속성은 허용되지 않습니다 (services.web에 쓸 수 없는 키). `ports`을(를) 쓰려던 것인가요?';

describe('Compose editor e2e (ko)', function () {
  this.timeout(300_000);
  let wb: Workbench | undefined;

  before(async function () {
    await needs(this, process.env.REQUIRE_VSCODE === '1', findChromium);
    assert.ok(hasKoreanFont(), 'fc-list :lang=ko finds no font: apt-get install -y fonts-noto-cjk');
    wb = await openWorkbench({ locale: 'ko', width: 1400, height: 900, files: { [FILE]: TEXT } });
  });

  after(async () => {
    await wb?.close();
  });

  it('shows the Korean schema diagnostic under `port`, in the Problems panel and on hover', async () => {
    const page = wb!.page;
    await page.keyboard.press('ControlOrMeta+P');
    await page.locator('.quick-input-widget input').fill(FILE);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'compose.yaml' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .monaco-editor').first().waitFor();

    // The squiggle, drawn once the compose editor has loaded and validated the file.
    const squiggle = page.locator('.editor-instance .squiggly-error').first();
    await squiggle.waitFor({ timeout: 60_000 });
    // It lies under the word `port` on the fourth line, and spans that word only.
    const line = page.locator('.editor-instance .view-lines .view-line', { hasText: 'port:' }).first();
    const word = line.locator('span span', { hasText: /^port$/ }).first();
    const [s, w] = [await squiggle.boundingBox(), await word.boundingBox()];
    assert.ok(s && w, 'squiggle and word are on screen');
    assert.ok(Math.abs(s.x - w.x) < 2 && Math.abs(s.width - w.width) < 2, `squiggle ${JSON.stringify(s)} under \`port\` ${JSON.stringify(w)}`);
    assert.ok(s.y >= w.y - 2 && s.y <= w.y + w.height + 2, `squiggle ${JSON.stringify(s)} on the line of \`port\` ${JSON.stringify(w)}`);

    // The Problems panel: the Korean message at line 4, column 5.
    await page.keyboard.press('ControlOrMeta+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: '추가적인 속성은 허용되지 않습니다' }).first();
    await problem.waitFor({ timeout: 30_000 });
    const row = (await problem.innerText()).replace(/\s+/g, ' ');
    assert.ok(row.includes(MESSAGE.replace(/\s+/g, ' ')), row);
    assert.match(row, /\[(?:Ln|줄) 4, (?:Col|열) 5\]/);
    await wb!.screenshot('compose-editor-ko-1-problems');

    // The hover on the squiggle says the same.
    await word.hover();
    const hover = page.locator('.monaco-hover', { hasText: '`ports`을(를) 쓰려던 것인가요?' }).first();
    await hover.waitFor({ timeout: 30_000 });
    await wb!.screenshot('compose-editor-ko-2-hover');
  });
});
