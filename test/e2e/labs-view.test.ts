// The Labs view as a learner meets it in a Korean workbench (code-server in Chromium, the
// fixture daemon): with no progress the welcome shows "실습 열기"; clicking it picks session 1
// (pair 20, one of the pair numbers these e2e runs use so they do not meet other runs on the
// shared daemon); the view then lists every session with its `n/m`; a session expands to its
// steps; a step's inline ▶ runs it in the integrated terminal against the real daemon and its
// row turns passed while the session's count moves on; "reset progress" takes it back; the
// inline ✓ checks it again from the recorded run; the inline reset says what it would remove.
// Leaves test-results/labs-view-ko.png (a session expanded, a passed step in sight).
import * as assert from 'assert/strict';
import type { Locator } from 'playwright-core';
import { getFixture, type Fixture } from '../docker/fixture';
import { hasKoreanFont, openWorkbench, type Workbench, findChromium, needs } from './workbench';

const PAIR = '20';
const SESSION_TITLE = 'Docker 시작하기 — 기본 명령어';
const STEP_TITLE = '설치 확인하기';

describe('Labs view e2e (Korean workbench, real daemon)', function () {
  this.timeout(300_000);
  let wb: Workbench | undefined;
  let fx: Fixture;
  let pane: Locator;

  before(async function () {
    fx = await needs(this, process.env.REQUIRE_VSCODE === '1' || process.env.REQUIRE_DOCKER === '1', async () => {
      await findChromium();
      return getFixture();
    });
    assert.ok(hasKoreanFont(), 'fc-list :lang=ko finds no font: apt-get install -y fonts-noto-cjk');
    // Tall enough that session 1's steps after the expanded one are drawn (the tree draws only the rows in sight).
    wb = await openWorkbench({ locale: 'ko', env: { DOCKER_HOST: fx.host }, width: 1400, height: 1100 });
  });

  after(async () => {
    await wb?.close();
  });

  const rows = (): Locator => pane.locator('.monaco-list-row');
  const sessionRow = (title: string): Locator => rows().filter({ has: wb!.page.locator('.label-name', { hasText: title }) }).first();
  const description = async (row: Locator): Promise<string> => ((await row.locator('.label-description').first().textContent()) ?? '').trim();
  /** `n/m` of a session row, as the view shows it. */
  const count = async (row: Locator): Promise<[number, number]> => {
    const m = /^(\d+)\/(\d+)$/.exec(await description(row));
    assert.ok(m, `a session shows n/m, not "${await description(row)}"`);
    return [Number(m[1]), Number(m[2])];
  };
  const waitForCount = async (row: Locator, passed: number): Promise<void> => {
    await row.locator('.label-description', { hasText: new RegExp(`^\\s*${passed}/\\d+\\s*$`) }).waitFor({ timeout: 60_000 });
  };
  /** Hovers a row so its inline actions show, then clicks the one with this (Korean) title. */
  const inline = async (row: Locator, title: string): Promise<void> => {
    await row.hover();
    await row.locator(`.actions .action-label[aria-label="${title}"]`).click();
  };

  it('shows the welcome with "실습 열기" until a lab is started, and opening one lists every session with n/m', async () => {
    await wb!.openViewContainer('Docker Labs');
    pane = await wb!.viewPane('실습', { alone: true });
    await pane.getByText('아직 시작한 실습이 없습니다', { exact: false }).waitFor({ timeout: 60_000 });
    assert.equal(await rows().count(), 0, 'no session rows before anything is started');
    await pane.locator('.monaco-button', { hasText: '실습 열기' }).first().click();
    // The command asks which session (a quick pick of the built-in sessions, Korean titles) …
    await wb!.page.locator('.quick-input-list .monaco-list-row', { hasText: SESSION_TITLE }).first().click();
    // … then the pair number, as a learner sees it on opening.
    const input = wb!.page.locator('.quick-input-widget input');
    await wb!.page.locator('.quick-input-widget', { hasText: '페어 번호' }).first().waitFor({ timeout: 60_000 });
    await input.fill(PAIR);
    await input.press('Enter');

    const basics = sessionRow(SESSION_TITLE);
    await basics.waitFor({ timeout: 60_000 });
    await pane.getByText('아직 시작한 실습이 없습니다', { exact: false }).waitFor({ state: 'detached', timeout: 30_000 });
    // Every built-in session is listed with its own count; none has passed anything yet.
    const sessions = await rows().count();
    assert.ok(sessions >= 5, `the five built-in sessions are listed (${sessions} rows)`);
    for (let i = 0; i < sessions; i++) {
      const [passed, total] = await count(rows().nth(i));
      assert.equal(passed, 0);
      assert.ok(total > 0, 'each session has steps');
    }
  });

  it('expands a session to its steps; ▶ on a step runs it in the terminal and the row and the count turn passed', async () => {
    const basics = sessionRow(SESSION_TITLE);
    const [, total] = await count(basics);
    await basics.locator('.monaco-tl-twistie').click();
    const step = rows().filter({ has: wb!.page.locator('.label-name', { hasText: STEP_TITLE }) }).first();
    await step.waitFor({ timeout: 30_000 });
    assert.equal(await description(step), '시작 전');
    assert.equal(await step.locator('.codicon-circle-large-outline').count(), 1, 'a step not started has the empty circle');

    await inline(step, '실습 단계 실행');
    // The commands (`docker --version`, `docker version`) run in the lab's integrated terminal.
    await wb!.page.locator('.terminal-tabs-entry, .single-terminal-tab, .panel .terminal-wrapper').first().waitFor({ timeout: 30_000 });
    await step.locator('.label-description', { hasText: /^\s*통과\s*$/ }).waitFor({ timeout: 90_000 });
    assert.equal(await step.locator('.codicon-pass-filled').count(), 1, 'a passed step has the filled check');
    await waitForCount(basics, 1);
    assert.deepEqual(await count(basics), [1, total], 'the session count moved on without a refresh');
    await step.scrollIntoViewIfNeeded();
    await wb!.page.mouse.move(700, 900);
    await wb!.screenshot('labs-view-ko');
  });

  it('"실습 진행 상황 초기화" takes the count back; ▶ runs the step again and ✓ judges it from that run', async () => {
    const basics = sessionRow(SESSION_TITLE);
    await basics.click({ button: 'right' });
    // Monaco's menu runs an item on Enter once the pointer has focused it (a bare click left it open here).
    const item = wb!.page.locator('.monaco-menu .action-menu-item', { hasText: '실습 진행 상황 초기화' });
    await item.hover();
    await wb!.page.keyboard.press('Enter');
    await wb!.page.locator('.context-view .monaco-menu').waitFor({ state: 'detached', timeout: 10_000 });
    await waitForCount(basics, 0);
    const step = rows().filter({ has: wb!.page.locator('.label-name', { hasText: STEP_TITLE }) }).first();
    await step.locator('.label-description', { hasText: /^\s*시작 전\s*$/ }).waitFor({ timeout: 30_000 });

    // The step is judged by its commands' exit codes, and the reset forgot the last run: it runs again.
    await inline(step, '실습 단계 실행');
    await step.locator('.label-description', { hasText: /^\s*통과\s*$/ }).waitFor({ timeout: 90_000 });
    await waitForCount(basics, 1);
    // ✓ judges the step again from the run just recorded, without running anything.
    await inline(step, '실습 단계 확인');
    await wb!.page.waitForTimeout(2000);
    assert.equal(await description(step), '통과');
    assert.deepEqual((await count(basics))[0], 1);
  });

  it('the inline reset on a session cleans up only what the lab made (here: nothing yet, and it says so)', async () => {
    const basics = sessionRow(SESSION_TITLE);
    // `docker version` creates nothing, and session 1 for pair 20 has nothing on the daemon.
    const mine = await fx.cli(['ps', '-a', '--filter', `name=^pair${PAIR}-my-`, '--format', '{{.Names}}']);
    assert.equal(mine.stdout.trim(), '', `no session-1 container of pair ${PAIR} before the reset`);
    await inline(basics, '실습 초기화…');
    await wb!.waitForText('이 실습에는 정리할 것이 없습니다.', 30_000);
    // Resetting the lab is about Docker objects: the progress stays.
    assert.deepEqual((await count(basics))[0], 1);
  });
});
