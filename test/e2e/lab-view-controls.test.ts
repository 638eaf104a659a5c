// The lab view's controls clicked inside its webview in a Korean workbench (code-server in
// Chromium): a code block's copy button, the 💡 hint and then the 🔑 solution (offered only
// after the hint, every opening counted in the progress), "파일 만들기" on a `file=` fence
// (written into the lab folder), a `command:dockerLabs.*` link (runs our command), and the
// `os=` blocks (only the learner's OS shows).
//
// A lab of the workspace, not a built-in session: no built-in session has all five controls,
// and no built-in step has both a hint and a solution (their solutions show at once), so the
// "solution only after the hint" order can only be clicked on a lab written for it. The
// built-in pages render through the same code (render.ts), so the buttons are the same.
// Leaves test-results/lab-view-controls-ko.png (the solution open, the buttons in sight).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator } from 'playwright-core';
import { hasKoreanFont, openWorkbench, type Workbench, findChromium, needs } from './workbench';

const DOCKERFILE = 'FROM nginx:alpine\nCOPY index.html /usr/share/nginx/html/\n';

const LESSON = `# 실습 화면 버튼

## Dockerfile 쓰기 {#write}

\`\`\`dockerfile file=controls/Dockerfile
${DOCKERFILE}\`\`\`

\`\`\`bash
docker build -t e2e-controls controls
\`\`\`

\`\`\`text os=linux
리눅스에서만 보이는 안내
\`\`\`

\`\`\`text os=windows|mac
윈도우와 맥에서만 보이는 안내
\`\`\`

[Docker 탐색기 열기](command:dockerLabs.explorer.focus)
`;

const LESSON_YAML = `id: e2e-controls
title: { ko: 실습 화면 버튼, en: Lab view controls }
steps:
  - id: write
    hint: { ko: "파일 이름은 \`controls/Dockerfile\`입니다.", en: "The file is \`controls/Dockerfile\`." }
    solution: { ko: "위의 **파일 만들기**를 누르면 됩니다.", en: "Press **Create this file** above." }
    checks:
      - file: controls/Dockerfile
        contains: FROM nginx:alpine
`;

interface SessionJson {
  id: string;
  workdir: string;
  progress: { steps: Record<string, { solutionReveals?: number }> };
}

describe('lab view controls e2e (Korean)', function () {
  this.timeout(300_000);
  let wb: Workbench | undefined;
  const lesson = (): string => path.join(wb!.workspace, 'lesson.md');

  before(async function () {
    await needs(this, process.env.REQUIRE_VSCODE === '1', findChromium);
    assert.ok(hasKoreanFont(), 'fc-list :lang=ko finds no font: apt-get install -y fonts-noto-cjk');
    wb = await openWorkbench({ locale: 'ko', files: { 'lesson.md': LESSON, 'lesson.lab.yaml': LESSON_YAML }, width: 1400, height: 1000 });
    await wb.activate();
    const opened = await wb.executeCommand<SessionJson>('dockerLabs.lab.open', lesson());
    assert.equal(opened.id, 'e2e-controls');
    await frame().locator('[data-role="progress-text"]:not(:empty)').waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await wb?.close();
  });

  function frame(): FrameLocator {
    return wb!.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }
  const step = () => frame().locator('section[data-step="write"]');
  /** The session's stored progress, read back through the extension: opening the open lab returns it as it is. */
  const progress = async () => (await wb!.executeCommand<SessionJson>('dockerLabs.lab.open', 'e2e-controls')).progress;

  it('shows only the block for the learner\'s OS', async () => {
    // code-server's extension host runs on this Linux machine, so the learner's OS is Linux.
    assert.equal(process.platform, 'linux', 'this e2e runs where the extension host is Linux');
    const main = (await frame().locator('main').textContent()) ?? '';
    assert.ok(main.includes('리눅스에서만 보이는 안내'));
    assert.ok(!main.includes('윈도우와 맥에서만 보이는 안내'), 'the Windows/macOS block is left out');
    assert.equal(await frame().locator('.os-block[data-os="linux"] .badge.os', { hasText: 'Linux' }).count(), 1, 'the block says whose it is');
  });

  it('the copy button puts the code block on the clipboard', async () => {
    await step().locator('.cmd-block button[data-action="copy"]').first().click();
    // The extension writes the clipboard (vscode.env.clipboard) and then says so in the status bar.
    await wb!.waitForText('클립보드에 복사했습니다.', 20_000);
    // Read back as the extension host sees the clipboard (through the bridge). The page's own
    // navigator.clipboard.readText() gave '' in headless Chromium here, even with the
    // clipboard permissions granted (observed; why was not pinned down), so it proves nothing.
    assert.equal(await wb!.clipboard(), 'docker build -t e2e-controls controls');
  });

  it('offers 🔑 only after 💡, and counts every opening of the solution', async () => {
    const solutionButton = step().locator('button[data-action="solution"]');
    assert.equal(await solutionButton.isVisible(), false, 'no solution button before the hint');
    assert.equal((await progress()).steps.write?.solutionReveals ?? 0, 0);
    await step().locator('button[data-action="hint"]').click();
    await step().locator('[data-role="hint"]', { hasText: 'controls/Dockerfile' }).waitFor();
    await solutionButton.waitFor({ state: 'visible' });
    await solutionButton.click();
    await step().locator('[data-role="solution"]', { hasText: '파일 만들기' }).waitFor();
    const once = async () => (await progress()).steps.write?.solutionReveals ?? 0;
    for (let i = 0; i < 50 && (await once()) < 1; i++) await new Promise((r) => setTimeout(r, 200));
    assert.equal(await once(), 1, 'the opening is recorded');
    // Closing it does not count; opening it again does.
    await solutionButton.click();
    await step().locator('[data-role="solution"]').waitFor({ state: 'hidden' });
    await solutionButton.click();
    await step().locator('[data-role="solution"]').waitFor({ state: 'visible' });
    for (let i = 0; i < 50 && (await once()) < 2; i++) await new Promise((r) => setTimeout(r, 200));
    assert.equal(await once(), 2, 'each opening is counted, closing is not');
    // Opening the open lab again by its file (Explorer, "Open as Docker Lab") with nothing
    // changed on disk leaves the page as it is: the hint and the solution stay open.
    await wb!.executeCommand('dockerLabs.lab.open', lesson());
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await step().locator('[data-role="solution"]').isVisible(), true, 'the solution is still open');
    assert.equal(await step().locator('[data-role="hint"]').isVisible(), true, 'the hint is still open');
    await step().locator('.step-bar').scrollIntoViewIfNeeded();
    await wb!.screenshot('lab-view-controls-ko');
  });

  it('"파일 만들기" writes the fence into the lab folder and opens it', async () => {
    const target = path.join(wb!.workspace, 'controls', 'Dockerfile');
    assert.equal(fs.existsSync(target), false);
    await step().locator('button[data-action="createFile"]').click();
    for (let i = 0; i < 100 && !fs.existsSync(target); i++) await new Promise((r) => setTimeout(r, 200));
    assert.equal(fs.readFileSync(target, 'utf8'), DOCKERFILE);
    await wb!.page.locator('.tabs-container .tab', { hasText: 'Dockerfile' }).first().waitFor({ timeout: 20_000 });
  });

  it('a command:dockerLabs.* link runs our command (here: reveals the Docker explorer)', async () => {
    await wb!.executeCommand('workbench.action.closeSidebar');
    await wb!.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
    const link = frame().locator('a.command-link', { hasText: 'Docker 탐색기 열기' });
    assert.equal(await link.getAttribute('href'), '#', 'the page holds no command URI');
    await link.click();
    await wb!.page.locator('.part.sidebar .pane-header[aria-expanded="true"] .title', { hasText: /^\s*Docker\s*$/ }).first().waitFor({ timeout: 30_000 });
  });
});
