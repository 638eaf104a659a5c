// The course walkthroughs in a real VS Code (code-server in Chromium), in Korean and in
// English: the walkthrough opens with its localized title, a step shows its localized Run and
// Check buttons, and its media is the Markdown in that language (VS Code picks
// `<step>.nls.ko.md` by itself). Screenshots of each language go to test-results/.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator } from 'playwright-core';
import { hasKoreanFont, openWorkbench, ROOT, type Workbench, findChromium, needs } from './workbench';

const EXTENSION = 'docker-labs.docker-labs';

const nls = (locale: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(ROOT, locale === 'en' ? 'package.nls.json' : `package.nls.${locale}.json`), 'utf8')) as Record<string, string>;

const EXPECT = {
  ko: { run: '▶ 실행', check: '✓ 확인', open: '실습 열기', media: '의도적 오류 2' },
  en: { run: '▶ Run', check: '✓ Check', open: 'Open the lab', media: 'Intentional error 2' },
} as const;

for (const locale of ['ko', 'en'] as const) {
  describe(`course walkthroughs e2e (${locale})`, function () {
    this.timeout(300_000);
    let wb: Workbench | undefined;

    before(async function () {
      await needs(this, process.env.REQUIRE_VSCODE === '1', findChromium);
      if (locale === 'ko') assert.ok(hasKoreanFont(), 'fc-list :lang=ko finds no font: apt-get install -y fonts-noto-cjk');
      wb = await openWorkbench({ locale, width: 1400, height: 900 });
    });

    after(async () => {
      await wb?.close();
    });

    /** The walkthrough's step media (a webview in the walkthrough editor). */
    function mediaFrame(): FrameLocator {
      return wb!.page.frameLocator('.gettingStartedSlideDetails .getting-started-media iframe.webview.ready').frameLocator('#active-frame');
    }

    async function openWalkthrough(session: string): Promise<void> {
      // An open walkthrough editor keeps showing its category; start from a fresh one.
      await wb!.executeCommand('workbench.action.closeAllEditors');
      await wb!.executeCommand('workbench.action.openWalkthrough', `${EXTENSION}#${session}`, false);
      const title = wb!.page.locator(`.gettingStartedSlideDetails .category-title[x-category-title-for="${EXTENSION}#${session}"]`);
      await title.waitFor({ timeout: 60_000 });
      assert.equal((await title.innerText()).trim(), nls(locale)[`walkthrough.${session}.title`]);
    }

    async function selectStep(session: string, step: string) {
      const selector = `.getting-started-step[data-step-id="${EXTENSION}#${session}#${step}"]`;
      const row = wb!.page.locator(selector);
      await row.waitFor({ timeout: 30_000 });
      await row.click();
      await wb!.page.locator(`${selector}.expanded`).waitFor({ timeout: 30_000 });
      return row;
    }

    it(`shows session 3 in ${locale === 'ko' ? 'Korean' : 'English'}: its steps, buttons and media`, async () => {
      await openWalkthrough('image-management');
      const strings = nls(locale);
      const row = await selectStep('image-management', 'port-conflict');
      assert.equal((await row.locator('.step-title').innerText()).trim(), strings['walkthrough.image-management.port-conflict.title']);
      const buttons = (await row.locator('.step-description-container .button-container .monaco-button').allInnerTexts()).map((t) => t.trim());
      assert.deepEqual(buttons, [EXPECT[locale].run, EXPECT[locale].check]);
      const media = mediaFrame();
      await media.getByText(EXPECT[locale].media).first().waitFor({ timeout: 30_000 });
      await media.getByText('docker run -d -p 8081:80 --name pair1-another-web nginx:alpine').first().waitFor({ timeout: 30_000 });
      const shot = await wb!.screenshot(`walkthrough-${locale}-image-management`);
      assert.ok(fs.statSync(shot).size > 20_000, `screenshot ${shot} has content`);
    });

    it(`opens the lab from the first step and shows the explorer button of session 2 (${locale})`, async () => {
      await openWalkthrough('basics');
      const first = await selectStep('basics', 'version');
      const buttons = (await first.locator('.step-description-container .button-container .monaco-button').allInnerTexts()).map((t) => t.trim());
      assert.ok(buttons.includes(EXPECT[locale].open), buttons.join(' | '));
      // Code spans of the Markdown show as code in the description, not as backticks.
      assert.equal((await first.locator('.step-description-container code').first().innerText()).trim(), 'docker --version');
      assert.ok(!(await first.locator('.step-description-container').innerText()).includes('`'));
      await mediaFrame().getByText('docker version', { exact: true }).first().waitFor({ timeout: 30_000 });
      await wb!.screenshot(`walkthrough-${locale}-basics`);

      await openWalkthrough('images-containers');
      const explorer = await selectStep('images-containers', 'explorer-layers');
      const labels = (await explorer.locator('.step-description-container .button-container .monaco-button').allInnerTexts()).map((t) => t.trim());
      assert.ok(labels.includes(locale === 'ko' ? 'Docker 탐색기 열기' : 'Open the Docker explorer'), labels.join(' | '));
      assert.ok(!labels.includes(EXPECT[locale].run), 'nothing to run in this step');
      await mediaFrame().getByText(locale === 'ko' ? '탐색기에서 레이어 보기' : 'See the layers in the explorer').first().waitFor({ timeout: 30_000 });
      await wb!.screenshot(`walkthrough-${locale}-images-containers`);
    });
  });
}
