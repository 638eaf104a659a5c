// The workbench as a learner sees it: Docker Labs in the activity bar of a real
// VS Code (code-server in Chromium), in Korean. Leaves a screenshot in
// test-results/ (the README's picture comes from here).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { hasKoreanFont, openWorkbench, ROOT, type Workbench, findChromium, needs } from './workbench';

const nls = (locale: string): Record<string, string> => {
  const file = path.join(ROOT, locale === 'en' ? 'package.nls.json' : `package.nls.${locale}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
};

/** `%key%` placeholders of package.json resolved the way VS Code does for `locale`. */
const localize = (value: string, locale: string): string => {
  const m = /^%(.+)%$/.exec(value);
  return m ? nls(locale)[m[1]] ?? nls('en')[m[1]] ?? value : value;
};

describe('workbench e2e (Korean)', function () {
  let wb: Workbench | undefined;

  before(async function () {
    await needs(this, process.env.REQUIRE_VSCODE === '1', findChromium);
    wb = await openWorkbench({ locale: 'ko' });
  });

  after(async () => {
    await wb?.close();
  });

  it('has a Korean font for Chromium (Debian fonts-noto-cjk)', () => {
    assert.ok(hasKoreanFont(), 'fc-list :lang=ko finds no font: apt-get install -y fonts-noto-cjk');
  });

  it('runs the extension host in Korean', async () => {
    assert.equal(await wb!.language(), 'ko');
  });

  it('opens the Docker Labs view container from the activity bar, with Korean titles', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const container = manifest.contributes.viewsContainers.activitybar.find((c: { id: string }) => c.id === 'dockerLabs');
    const title = localize(container.title, 'ko');
    const sidebar = await wb!.openViewContainer(title);
    for (const view of manifest.contributes.views.dockerLabs as { id: string; name: string }[]) {
      const name = localize(view.name, 'ko');
      // A lone view's header is hidden (its name joins the container title), so look for it attached.
      await sidebar.locator(`.pane-header[aria-label^="${name}"]`).first().waitFor({ state: 'attached', timeout: 30_000 });
    }
    // The view has rendered: tree rows (Docker objects, or the "cannot connect" node) or a welcome text.
    await sidebar.locator('.pane-body .monaco-list-row, .pane-body .welcome-view-content').first().waitFor({ timeout: 30_000 });
    const text = await sidebar.innerText();
    assert.match(text, /[\uAC00-\uD7A3]/, `the Docker Labs side bar shows Korean text:\n${text}`);
    const shot = await wb!.screenshot('workbench-ko-docker-labs');
    assert.ok(fs.statSync(shot).size > 10_000, `screenshot ${shot} has content`);
  });
});
