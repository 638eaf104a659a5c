// Build Image as a learner does it, in a Korean browser workbench on the fixture daemon:
// open the Dockerfile, press the editor title's "이미지 빌드", type the tag, watch the build
// in the terminal; the cache map then stands beside each instruction. Change the app,
// build again (the prompt offers the last tag): the lines up to `COPY . .` say 캐시 사용, the
// COPY and the install after it say 다시 빌드, and the COPY's hover says why.
// Leaves test-results/build-cache-map-ko.png (the second build's map with the hover open).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { getFixture, type Fixture } from '../docker/fixture';
import { findChromium, hasKoreanFont, needs, openWorkbench, type Workbench } from './workbench';

describe('Build Image e2e (Korean workbench, real daemon)', function () {
  this.timeout(300_000);
  let wb: Workbench | undefined;
  let fx: Fixture;
  const id = `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
  const tag = `e2e-build-app:${id}`;
  const made = new Set<string>();
  // The LABEL keeps the first build from reusing layers another run left on the daemon.
  const DOCKERFILE = `FROM busybox:latest\nLABEL e2e.nonce=${id}\nWORKDIR /app\nCOPY . .\nRUN mkdir deps && dd if=/dev/zero of=deps/lib bs=1k count=300 2>/dev/null\nCMD ["cat", "server.js"]\n`;

  before(async function () {
    fx = await needs(this, process.env.REQUIRE_VSCODE === '1' || process.env.REQUIRE_DOCKER === '1', async () => {
      await findChromium();
      return getFixture();
    });
    assert.ok(hasKoreanFont(), 'fc-list :lang=ko finds no font: apt-get install -y fonts-noto-cjk');
    await fx.cliOk(['pull', '-q', 'busybox:latest']);
    wb = await openWorkbench({
      locale: 'ko',
      env: { DOCKER_HOST: fx.host },
      width: 1400,
      height: 900,
      files: { 'app/Dockerfile': DOCKERFILE, 'app/package.json': '{"name":"e2e-app","dependencies":{}}\n', 'app/server.js': 'console.log(1)\n' },
    });
  });

  after(async () => {
    await wb?.close();
    if (!fx) return;
    // Every image a build made carries the nonce label, also those of a run that failed halfway.
    const labelled = (await fx.cli(['images', '-q', '--filter', `label=e2e.nonce=${id}`])).stdout.split('\n').filter(Boolean);
    await fx.cli(['rmi', '-f', tag, ...made, ...new Set(labelled)]);
  });

  /** The image id the tag names now, or '' when there is none. */
  const imageId = async (): Promise<string> => {
    const r = await fx.cli(['image', 'inspect', '--format', '{{.Id}}', tag]);
    return r.code === 0 ? r.stdout.trim() : '';
  };

  /** Each visible line of the editor with the text the cache map draws after it (a CSS ::after). */
  async function mapLines(): Promise<{ text: string; map: string }[]> {
    return wb!.page.locator('.editor-instance .view-lines .view-line').evaluateAll((els) => {
      type El = { style: { top: string }; innerText: string; querySelectorAll(s: string): ArrayLike<unknown> };
      const after = (e: unknown): string => {
        const c = (globalThis as unknown as { getComputedStyle(e: unknown, p: string): { content: string } }).getComputedStyle(e, '::after').content;
        return c && c !== 'none' && c !== 'normal' ? c.replace(/^"|"$/g, '') : '';
      };
      return els
        .map((e) => e as unknown as El)
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((e) => ({ text: e.innerText.replace(/\u00a0/g, ' '), map: Array.from(e.querySelectorAll('span')).map(after).join('') }));
    });
  }

  async function waitForMap(ok: (lines: { text: string; map: string }[]) => boolean, what: string): Promise<{ text: string; map: string }[]> {
    const deadline = Date.now() + 120_000;
    let lines: { text: string; map: string }[] = [];
    while (Date.now() < deadline) {
      lines = await mapLines();
      if (ok(lines)) return lines;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`${what}: the editor shows ${JSON.stringify(lines)}`);
  }

  /** Presses the editor title's Build Image button and answers the tag prompt. */
  async function buildFromTitle(typeTag: boolean): Promise<void> {
    const page = wb!.page;
    await page.locator('.editor-actions .action-label[aria-label="이미지 빌드"]').first().click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    if (typeTag) await input.fill(tag);
    else assert.equal(await input.inputValue(), tag, 'the prompt offers the tag the file was last built with');
    await page.keyboard.press('Enter');
  }

  it('the first build from the editor title: the command line in the terminal, every line after FROM rebuilt', async () => {
    const page = wb!.page;
    await page.keyboard.press('ControlOrMeta+P');
    await page.locator('.quick-input-widget input').fill('app/Dockerfile');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dockerfile' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .monaco-editor').first().waitFor();
    await buildFromTitle(true);
    const lines = await waitForMap((l) => l.filter((x) => x.map).length >= 6, 'the first map');
    // The learner sees the exact command in the terminal. The rows drawn are only the last
    // screenful, so read the whole buffer as a learner copies it: select all, copy.
    await wb!.executeCommand('workbench.action.terminal.selectAll');
    await wb!.executeCommand('workbench.action.terminal.copySelection');
    const copied = (await wb!.clipboard()).replace(/\s*\n\s*/g, '');
    assert.ok(copied.includes(`docker build -t ${tag} -f Dockerfile .`), `the terminal holds the command line: ${copied.slice(0, 400)}`);
    const mapOf = (start: string) => lines.find((l) => l.text.startsWith(start))?.map ?? '';
    assert.match(mapOf('FROM'), /^✓ 캐시 사용/, 'the base image was there already');
    for (const start of ['LABEL', 'WORKDIR', 'COPY', 'RUN', 'CMD']) assert.match(mapOf(start), /^↻ 다시 빌드/, start);
    assert.match(mapOf('RUN'), /\d+(\.\d+)?kB · \d+\.\d s$/, 'the install shows its layer size and time');
    made.add(await imageId());
  });

  it('after an app change the rebuild keeps the lines before COPY . . cached, and the hover says why the rest rebuilt', async () => {
    const before = await imageId();
    fs.writeFileSync(path.join(wb!.workspace, 'app', 'server.js'), `console.log(2) // ${id}\n`);
    await buildFromTitle(false);
    const lines = await waitForMap((l) => {
      const copy = l.find((x) => x.text.startsWith('COPY'));
      return !!copy && /^↻ 다시 빌드/.test(copy.map) && l.some((x) => x.text.startsWith('WORKDIR') && /^✓ 캐시 사용/.test(x.map));
    }, 'the second map');
    const after = await imageId();
    assert.notEqual(after, before, 'a new image was built');
    made.add(after);
    const mapOf = (start: string) => lines.find((l) => l.text.startsWith(start))?.map ?? '';
    for (const start of ['FROM', 'LABEL', 'WORKDIR']) assert.match(mapOf(start), /^✓ 캐시 사용/, start);
    for (const start of ['COPY', 'RUN', 'CMD']) assert.match(mapOf(start), /^↻ 다시 빌드/, start);

    // Hover the install line: it names the COPY whose cache missed and the cache-order pillar.
    const runLine = wb!.page.locator('.editor-instance .view-lines .view-line', { hasText: 'RUN mkdir deps' }).first();
    await runLine.hover({ position: { x: 30, y: 5 } });
    const hover = wb!.page.locator('.monaco-editor .monaco-hover', { hasText: '캐시가 깨져' });
    await hover.waitFor({ timeout: 20_000 });
    const text = (await hover.innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /4행/, `the hover names line 4 (COPY . .): ${text}`);
    assert.match(text, /의존성 파일을 먼저 COPY 하세요/, text);
    await wb!.screenshot('build-cache-map-ko');
  });
});
