// The instructor's Class view in a real VS Code in Chromium, in Korean, on the fixture daemon.
// Two pairs have run part of session 3 through the built CLI (`docker-labs lab run`, as a
// learner's terminal does): pair 29 its first three steps, pair 30 its first two, then its web
// server stopped. The instructor opens the view, picks the session and the pair count in the
// page, and reads ✓/✗/· per pair and step; a click on pair 30's ✗ shows its one Korean
// sentence. Leaves test-results/class-view-ko.png. Pairs 29–30 only (the Docker suite's
// class test holds 13–28, the course acceptance 1–2).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import type { FrameLocator } from 'playwright-core';
import { getFixture, type Fixture } from '../docker/fixture';
import { runCli } from '../support/cli';
import { openWorkbench, type Workbench, findChromium, needs } from './workbench';

const SESSION = 'image-management';

describe('Class view e2e (Korean workbench, real daemon)', function () {
  this.timeout(600_000);
  let wb: Workbench | undefined;
  let fx: Fixture | undefined;

  const cli = async (args: string[]) => {
    const run = await runCli(args, { ...fx!.env });
    assert.equal(run.code, 0, `docker-labs ${args.join(' ')}:\n${run.stdout}${run.stderr}`);
    return run;
  };
  const reset = (pair: number) => cli(['lab', 'reset', SESSION, '--var', `pair=${pair}`]);
  const runSteps = (pair: number, steps: string[]) => cli(['lab', 'run', SESSION, '--var', `pair=${pair}`, '--yes', ...steps.flatMap((s) => ['--step', s])]);

  before(async function () {
    fx = await needs(this, process.env.REQUIRE_VSCODE === '1' || process.env.REQUIRE_DOCKER === '1', async () => {
      await findChromium();
      return getFixture();
    });
    // First: opening the workbench builds dist/, whose cli.js drives the pairs.
    wb = await openWorkbench({ locale: 'ko', env: { DOCKER_HOST: fx.host }, width: 1500, height: 1300 });
    await Promise.all([reset(29), reset(30)]);
    await Promise.all([runSteps(29, ['pull-images', 'run-single', 'single-logs']), runSteps(30, ['pull-images', 'run-single'])]);
    // Pair 30's web server stops: the step it is at (run-single) fails on the daemon.
    await fx.cliOk(['stop', '-t', '1', 'pair30-web-server']);
  });

  after(async function () {
    await wb?.close();
    if (fx) await Promise.all([reset(29), reset(30)]);
  });

  function classFrame(): FrameLocator {
    return wb!.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  it('shows ✓/✗/· for pairs 29 and 30 and a cell’s one-sentence Korean result', async () => {
    await wb!.activate();
    // Opened on another session, so that picking session 3 in the page is the instructor's choice.
    await wb!.executeCommand('dockerLabs.class.open', 'basics', 2);
    const frame = classFrame();
    await frame.locator('#grid td.cell[data-pair="2"]').first().waitFor({ timeout: 60_000 });
    assert.equal(await frame.locator('#grid td.cell[data-step="run-single"]').count(), 0, 'session 1 has no run-single step');

    await frame.locator('#session').selectOption(SESSION);
    await frame.locator('#grid td.cell[data-step="run-single"]').first().waitFor({ timeout: 60_000 });
    const pairs = frame.locator('#pairs');
    await pairs.fill('30');
    await pairs.press('Enter');
    const cell = (pair: number, step: string) => frame.locator(`#grid td.cell[data-pair="${pair}"][data-step="${step}"]`);
    await cell(30, 'run-single').waitFor({ timeout: 60_000 });
    assert.equal(await frame.locator('#grid tbody tr').count(), 30);
    assert.equal(await frame.locator('#session').inputValue(), SESSION);

    const mark = async (pair: number, step: string) => (await cell(pair, step).textContent())?.trim();
    for (const step of ['pull-images', 'run-single', 'single-logs']) assert.equal(await mark(29, step), '✓', `pair 29 ${step}: ${await cell(29, step).getAttribute('data-message')}`);
    assert.equal(await mark(29, 'create-network'), '·');
    assert.equal(await mark(30, 'pull-images'), '✓');
    assert.equal(await mark(30, 'run-single'), '✗');
    assert.equal(await mark(30, 'create-network'), '·');
    // A pair with none of the lab's objects has not started anything.
    for (const td of await frame.locator('#grid td.cell[data-pair="28"]').all()) assert.equal((await td.textContent())?.trim(), '·');
    const row = (pair: number) => frame.locator('#grid tbody tr', { has: frame.locator(`td.cell[data-pair="${pair}"]`) });
    assert.match((await row(29).locator('td.count').textContent()) ?? '', /^3\//);

    await cell(30, 'run-single').click();
    const detail = (await frame.locator('#detail').innerText()).trim();
    const lines = detail.split('\n');
    assert.equal(lines.length, 2, detail);
    assert.match(lines[0], /^페어 30 · /);
    assert.match(lines[1], /^컨테이너 `pair30-web-server`의 상태가 exited입니다\(기대한 상태: running\)\./, detail);
    assert.equal(await cell(30, 'run-single').getAttribute('class'), 'cell failed selected');

    // code-server's "application running on port …" toast (the pairs' published ports) would cover the picture.
    await wb!.executeCommand('notifications.clearAll');
    const shot = await wb!.screenshot('class-view-ko');
    assert.ok(fs.statSync(shot).size > 20_000, `screenshot ${shot} has content`);
  });
});
