// The lab view in a real VS Code in Chromium, clicked like a learner: Run in the lab view
// runs the command in the integrated terminal, the step turns green; XSS payloads in the
// lab's Markdown stay inert; a passing built-in step ticks its walkthrough step through the
// context key. Screenshots go to test-results/.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator } from 'playwright-core';
import { openWorkbench, type Workbench, findChromium, needs } from './workbench';

const LESSON = `# E2E 실습

<script>window.top.__xss = 1; alert('script')</script>

<img src=x onerror="alert('img')">

<svg><script>alert('svg')</script></svg>

[javascript](javascript:alert('link')) · [command](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20pwned%22%7D) · [docs](https://docs.docker.com)

![[없는 그림.png]]

\`\`\`mermaid
graph LR
    A[터미널<br/>명령] --> B[Docker 데몬]
    B --> C["<img src=x onerror=alert('mermaid')>"]
    click A call alert('click')
\`\`\`

## 파일 만들기 {#hello}

\`\`\`bash
echo e2e-hello > e2e-hello.txt
\`\`\`
`;

const LESSON_YAML = `id: e2e-lab
title: { ko: E2E 실습, en: E2E lab }
steps:
  - id: hello
    checks:
      - file: e2e-hello.txt
        contains: e2e-hello
`;

async function dockerEnv(): Promise<Record<string, string> | undefined> {
  try {
    const { getFixture } = require('../docker/fixture') as typeof import('../docker/fixture');
    const fx = await getFixture();
    return { DOCKER_HOST: fx.host };
  } catch (error) {
    console.log(`      (no Docker daemon for the walkthrough part: ${(error as Error).message})`);
    return undefined;
  }
}

describe('lab view e2e (Korean)', function () {
  this.timeout(300_000);
  let wb: Workbench | undefined;
  let docker: Record<string, string> | undefined;
  const dialogs: string[] = [];

  before(async function () {
    await needs(this, process.env.REQUIRE_VSCODE === '1', findChromium);
    docker = await dockerEnv();
    wb = await openWorkbench({ locale: 'ko', files: { 'lesson.md': LESSON, 'lesson.lab.yaml': LESSON_YAML }, env: docker, width: 1400, height: 900 });
    wb.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });

  after(async () => {
    await wb?.close();
  });

  function labFrame(): FrameLocator {
    return wb!.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  it('opens the Markdown as a lab, runs a command from the view in the terminal, and the step turns green', async () => {
    await wb!.activate();
    // Open the lab the way the editor title / explorer menu does (the bridge passes a path).
    const opened = await wb!.executeCommand<{ id: string }>('dockerLabs.lab.open', path.join(wb!.workspace, 'lesson.md'));
    assert.equal(opened.id, 'e2e-lab');
    const frame = labFrame();
    // The view's script has loaded once it has drawn the progress line.
    await frame.locator('[data-role="progress-text"]:not(:empty)').waitFor({ timeout: 60_000 });
    const run = frame.locator('button[data-action="run"][data-step="hello"][data-index="0"]');
    await run.click();
    await frame.locator('section[data-step="hello"][data-status="passed"]').waitFor({ timeout: 60_000 });
    assert.equal(fs.readFileSync(path.join(wb!.workspace, 'e2e-hello.txt'), 'utf8').trim(), 'e2e-hello', 'the terminal ran the command');
    assert.equal((await frame.locator('section[data-step="hello"] [data-role="cmd-status"]').textContent())?.trim(), '✓');
    const terminalTab = wb!.page.locator('.terminal-tabs-entry, .single-terminal-tab, .panel .terminal-wrapper').first();
    await terminalTab.waitFor({ timeout: 20_000 });
    await wb!.screenshot('lab-view-step-passed');
  });

  it('keeps XSS payloads inert and draws the mermaid diagram', async () => {
    const frame = labFrame();
    await frame.locator('.mermaid-drawn svg, pre.mermaid-error').first().waitFor({ timeout: 30_000 });
    assert.deepEqual(dialogs, [], `no alert may fire: ${dialogs.join(', ')}`);
    assert.equal(await frame.locator('img[onerror], svg script, a[href^="javascript:"], a[href^="command:"]').count(), 0);
    assert.equal(await frame.locator('body script:not([nonce])').count(), 0, 'every script carries the nonce');
    assert.ok((await frame.locator('main').textContent())?.includes("<script>window.top.__xss = 1; alert('script')</script>"), 'the payload shows as text');
    assert.equal(await frame.locator('.mermaid-drawn svg').count(), 1, 'mermaid drew the diagram');
    assert.equal(await frame.locator('.embed-missing').count(), 1, 'wiki embed placeholder');
    assert.equal(await wb!.page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss), undefined);
    await frame.locator('.mermaid-drawn').scrollIntoViewIfNeeded();
    await wb!.screenshot('lab-view-xss-inert');
  });

  it('a passing built-in step ticks its walkthrough step', async function () {
    if (!docker) this.skip();
    const running = wb!.executeCommand<{ status: string; reason?: { en: string } }>('dockerLabs.lab.runStep', 'basics', 'version');
    // Session 1 is pair-safe: before its first command it asks for the pair number, as a learner sees it.
    const input = wb!.page.locator('.quick-input-widget input');
    await wb!.page.locator('.quick-input-widget .quick-input-message', { hasText: '페어 번호' }).or(wb!.page.locator('.quick-input-widget', { hasText: '페어 번호' })).first().waitFor({ timeout: 60_000 });
    await input.fill('1');
    await input.press('Enter');
    const result = await running;
    assert.equal(result.status, 'passed', result.reason?.en);
    await wb!.executeCommand('workbench.action.openWalkthrough', 'docker-labs.docker-labs#basics', false);
    await wb!.page.locator('.getting-started-step[data-step-id="docker-labs.docker-labs#basics#version"]').waitFor({ timeout: 30_000 });
    await wb!.page.locator('[data-done-step-id="docker-labs.docker-labs#basics#version"].codicon-getting-started-step-checked').waitFor({ timeout: 30_000 });
    assert.equal(await wb!.page.locator('[data-done-step-id="docker-labs.docker-labs#basics#pull"].codicon-getting-started-step-checked').count(), 0, 'a step not run stays unticked');
    await wb!.screenshot('lab-walkthrough-ticked');
  });
});
