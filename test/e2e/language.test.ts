// Writing a first Dockerfile as a learner does, in the browser workbench: `FR` and the
// completion list give `FROM`, the stage name is offered after `COPY --from=`, F2 renames
// the stage everywhere, Format Document formats the file. Screenshots go to test-results/.
import * as assert from 'assert/strict';
import { findChromium, hasKoreanFont, needs, openWorkbench, type Workbench } from './workbench';

describe('Dockerfile editing e2e (ko)', function () {
  this.timeout(300_000);
  let wb: Workbench | undefined;

  before(async function () {
    await needs(this, process.env.REQUIRE_VSCODE === '1', findChromium);
    assert.ok(hasKoreanFont(), 'fc-list :lang=ko finds no font: apt-get install -y fonts-noto-cjk');
    wb = await openWorkbench({ locale: 'ko', width: 1400, height: 900, files: { 'web/Dockerfile': '' }, settings: { 'editor.acceptSuggestionOnEnter': 'on' } });
  });

  after(async () => {
    await wb?.close();
  });

  /** The editor's text as shown (VS Code renders spaces as non-breaking ones). */
  async function editorText(): Promise<string> {
    const lines = wb!.page.locator('.editor-instance .view-lines .view-line');
    type Line = { style: { top: string }; innerText: string };
    const tops = await lines.evaluateAll((els) => els.map((e) => ({ top: parseFloat((e as unknown as Line).style.top), text: (e as unknown as Line).innerText.replace(/\u00a0/g, ' ') })));
    return tops.sort((a, b) => a.top - b.top).map((l) => l.text).join('\n');
  }

  async function eventuallyText(re: RegExp, what: string): Promise<string> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const text = await editorText();
      if (re.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`${what}: editor shows ${JSON.stringify(text)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const suggestion = (label: string) => wb!.page.locator('.suggest-widget .monaco-list-row', { hasText: label }).first();

  /** Waits for the completion list to offer `label`; asks for it with Ctrl+Space when it does not come up by itself. */
  async function offered(label: string): Promise<void> {
    try {
      await suggestion(label).waitFor({ timeout: 5_000 });
    } catch {
      await wb!.page.keyboard.press('Control+Space');
      await suggestion(label).waitFor({ timeout: 30_000 });
    }
  }

  it('types a Dockerfile with completion, renames the stage and formats the file', async () => {
    const page = wb!.page;
    await page.keyboard.press('ControlOrMeta+P');
    await page.locator('.quick-input-widget input').fill('web/Dockerfile');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dockerfile' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .monaco-editor').first().waitFor();
    await page.locator('.editor-instance .view-lines').first().click();

    // `FR` → the completion list offers FROM, with our Korean documentation beside it.
    await page.keyboard.type('FR');
    await wb!.screenshot('language-ko-0-typed');
    await offered('FROM');
    await page.keyboard.press('Control+Space'); // opens the details pane
    await wb!.waitForText(/베이스 이미지 지정/);
    await wb!.screenshot('language-ko-1-completion-from');
    await page.keyboard.press('Enter');
    // The snippet selects its placeholder (the base image): typing replaces it.
    await page.keyboard.type('node:18-alpine AS build');
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    // Escape before Enter: a completion list open at the end of a line would take the Enter.
    for (const line of ['WORKDIR /app', 'RUN npm ci', '', 'FROM nginx:1.25-alpine']) {
      await page.keyboard.type(line);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
    }
    await page.keyboard.type('COPY --from=');
    // The stage name is offered after `--from=`.
    await offered('build');
    await wb!.screenshot('language-ko-2-completion-stage');
    await page.keyboard.press('Enter');
    await page.keyboard.type(' /app/dist /usr/share/nginx/html');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.keyboard.type('    USER nginx');
    await eventuallyText(/FROM node:18-alpine AS build\n[\s\S]*COPY --from=build \/app\/dist/, 'typed Dockerfile');

    // F2 on the stage name renames it in FROM … AS and in COPY --from=.
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('F2');
    const rename = page.locator('.rename-box input, .rename-input').first();
    await rename.waitFor({ timeout: 30_000 });
    await wb!.screenshot('language-ko-3-rename');
    await rename.fill('builder');
    await page.keyboard.press('Enter');
    await eventuallyText(/AS builder\n[\s\S]*COPY --from=builder /, 'renamed stage');

    // Format Document (Ctrl+Shift+I on Linux, Shift+Alt+F elsewhere; from the palette here): the indented USER moves back to the margin.
    assert.match(await editorText(), /\n {4}USER nginx/);
    await wb!.runCommand('Format Document');
    const formatted = await eventuallyText(/\nUSER nginx/, 'formatted file');
    assert.match(formatted, /^FROM node:18-alpine AS builder\nWORKDIR \/app\nRUN npm ci\n\nFROM nginx:1\.25-alpine\nCOPY --from=builder \/app\/dist \/usr\/share\/nginx\/html\nUSER nginx/);
    await wb!.screenshot('language-ko-4-formatted');
  });
});
