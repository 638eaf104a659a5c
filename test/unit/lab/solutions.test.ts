// Step solutions: lab.yaml's `solution` (Markdown per language, or commands), shown after the
// hint in the lab view, each opening counted in progress and in the export; progress from
// before solutions existed still loads.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { emptyProgress, exportProgress, loadMarkdownFile, loadSessionFolder, parseMetadata, progressMarkdown, revealSolution, reviveProgress, type Lab } from '../../../src/lab';
import { renderLab, type LabelKey } from '../../../src/lab/view/render';
import { parseViewMessage } from '../../../src/lab/view/protocol';

const labels = new Proxy({} as Record<LabelKey, string>, { get: (_t, k) => `«${String(k)}»` });

const MD = `# 풀이 실습

## 웹 서버 {#web}

\`\`\`bash
docker run -d --name pair{{pair}}-web nginx:alpine
\`\`\`

## 정리 {#cleanup}

\`\`\`bash
docker rm -f pair{{pair}}-web
\`\`\`
`;

const YAML = `id: solutions
title: { ko: 풀이 실습, en: Solutions }
variables:
  pair: { type: integer, min: 1, max: 30, default: 1 }
steps:
  - id: web
    hint: { ko: "\`--name\`을 보세요", en: "Look at \`--name\`" }
    solution:
      ko: "이름은 \`pair{{pair}}-web\`입니다. [문서](https://docs.docker.com) [명령](command:workbench.action.terminal.sendSequence)"
      en: "The name is \`pair{{pair}}-web\`."
  - id: cleanup
    solution:
      - docker rm -f pair{{pair}}-web
`;

function lab(): Lab {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-solution-'));
  fs.writeFileSync(path.join(dir, 'ko.md'), MD);
  fs.writeFileSync(path.join(dir, 'en.md'), MD);
  fs.writeFileSync(path.join(dir, 'lab.yaml'), YAML);
  const r = loadSessionFolder(dir, 'ko');
  assert.deepStrictEqual(r.problems, []);
  return r.lab!;
}

describe('lab: step solutions', () => {
  it('lab.yaml takes Markdown per language or a list of commands', () => {
    const l = lab();
    assert.deepStrictEqual(l.steps[0].solution, { kind: 'markdown', text: { ko: '이름은 `pair{{pair}}-web`입니다. [문서](https://docs.docker.com) [명령](command:workbench.action.terminal.sendSequence)', en: 'The name is `pair{{pair}}-web`.' } });
    assert.deepStrictEqual(l.steps[1].solution, { kind: 'commands', commands: ['docker rm -f pair{{pair}}-web'] });
  });

  it('a solution of neither form is one positioned problem', () => {
    const { problems } = parseMetadata('id: x\ntitle: { ko: 가, en: A }\nsteps:\n  - id: a\n    solution: 3\n', 'lab.yaml');
    assert.strictEqual(problems.length, 1, JSON.stringify(problems));
    assert.strictEqual(problems[0].line, 5);
    assert.match(problems[0].message.en, /solution.*Markdown or a list of commands/);
    assert.match(problems[0].message.ko, /solution/);
  });

  it('the view offers the solution after the hint (at once when the step has no hint), hidden until asked', () => {
    const l = lab();
    const { html } = renderLab({ lab: l, vars: { pair: '7' }, labels, interactive: true, resolveImage: () => undefined });
    assert.ok(html.includes('<button data-action="solution" data-step="web" hidden>🔑 «solution»</button>'), 'after the hint: hidden at first');
    assert.ok(html.includes('<button data-action="solution" data-step="cleanup">🔑 «solution»</button>'), 'no hint: offered at once');
    const web = /<div class="solution" data-role="solution" hidden>([^]*?)<\/div>/.exec(html.slice(html.indexOf('id="step-web"')));
    assert.ok(web, 'the solution is in the page, hidden');
    assert.match(web[1], /<code>pair7-web<\/code>/, 'variables filled in');
    assert.ok(!/href="command:/.test(web[1]), 'a command: link in a solution stays inert');
    assert.match(html, /<div class="solution" data-role="solution" hidden><div class="code-box"><button class="copy" data-action="copy" data-code="(\d+)"[^>]*><svg class="icon"[^]*?<\/svg><\/button><pre><code class="language-bash">docker rm -f pair7-web<\/code><\/pre>/);
  });

  it('each opening is counted; the status stays; a step without a solution changes nothing', () => {
    const l = lab();
    const once = revealSolution(emptyProgress(l), l.steps[0], new Date('2026-01-01T00:00:00Z'));
    const twice = revealSolution(once, l.steps[0]);
    assert.strictEqual(once.steps.web.solutionReveals, 1);
    assert.strictEqual(once.steps.web.status, 'not-started');
    assert.strictEqual(twice.steps.web.solutionReveals, 2);
    assert.strictEqual(once.steps.web.solutionReveals, 1, 'the input is left alone');
    const noSolution = { ...l.steps[0], solution: undefined };
    assert.strictEqual(revealSolution(twice, noSolution), twice);
  });

  it('the export carries the reveals per step and in total, JSON and Markdown', () => {
    const l = lab();
    const p = revealSolution(revealSolution(revealSolution({ ...emptyProgress(l), steps: { web: { status: 'passed', at: 'x' } } }, l.steps[0]), l.steps[0]), l.steps[1]);
    const json = exportProgress(l, p);
    assert.deepStrictEqual(json.steps.map((s) => [s.id, s.status, s.solutionReveals]), [['web', 'passed', 2], ['cleanup', 'not-started', 1]]);
    assert.strictEqual(json.solutionReveals, 3);
    assert.match(progressMarkdown([json], 'ko'), /풀이 열람: 3/);
    assert.match(progressMarkdown([json], 'ko'), /\| 웹 서버 \| 통과 \| x \| 풀이 2회 열람 \|/);
    assert.match(progressMarkdown([json], 'en'), /solution opened 2×/);
  });

  it('older progress (no reveals) and damaged counts still load', () => {
    const l = lab();
    const old = reviveProgress(l, { steps: { web: { status: 'passed', at: 'x' } } });
    assert.deepStrictEqual(old.steps.web, { status: 'passed', at: 'x' });
    assert.strictEqual(exportProgress(l, old).steps[0].solutionReveals, 0);
    const damaged = reviveProgress(l, { steps: { web: { status: 'failed', at: 'x', solutionReveals: 'many' }, cleanup: { status: 'passed', at: 'y', solutionReveals: 2 } } });
    assert.deepStrictEqual(damaged.steps.web, { status: 'failed', at: 'x' });
    assert.strictEqual(damaged.steps.cleanup.solutionReveals, 2);
  });
});

describe('lab: built-in sessions offer solutions', () => {
  const root = path.resolve(__dirname, '../../../exercises');
  for (const dir of fs.readdirSync(root).filter((d) => /^0\d-/.test(d))) {
    it(`${dir}: a few steps have a solution in both languages, with templates that resolve`, () => {
      for (const lang of ['ko', 'en'] as const) {
        const r = loadSessionFolder(path.join(root, dir), lang);
        assert.deepStrictEqual(r.problems, []);
        const withSolution = r.lab!.steps.filter((s) => s.solution);
        assert.ok(withSolution.length >= 2, `${dir}: ${withSolution.length} solutions`);
        const { html } = renderLab({ lab: r.lab!, vars: { pair: '3' }, labels, interactive: true, resolveImage: () => undefined });
        assert.strictEqual((html.match(/data-role="solution"/g) ?? []).length, withSolution.length);
        assert.ok(!/data-role="solution" hidden>[^]*?\{\{/.test(html.replace(/<\/div>[^]*?(?=<div class="solution"|$)/g, '</div>')), 'no unfilled template in a solution');
      }
    });
  }
});

describe('lab view: copy buttons', () => {
  it('every code block (shell or not, in a solution too) has a copy button naming only an index; the text stays in the extension', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-copy-'));
    const file = path.join(dir, 'x.md');
    fs.writeFileSync(file, '# T\n\n## A {#a}\n\n```bash\ndocker ps\n```\n\n```dockerfile\nFROM nginx:alpine\n```\n');
    const l = loadMarkdownFile(file, 'ko').lab!;
    const r = renderLab({ lab: l, labels, interactive: true, resolveImage: () => undefined });
    assert.deepStrictEqual(r.codeBlocks, ['docker ps', 'FROM nginx:alpine']);
    assert.ok(r.html.includes('<div class="cmd-block" data-step="a"><button class="copy" data-action="copy" data-code="0"'));
    assert.ok(/<div class="code-box"><button class="copy" data-action="copy" data-code="1"[^>]*><svg class="icon"[^]*?<\/svg><\/button><pre><code class="language-dockerfile">FROM nginx:alpine/.test(r.html));
    assert.deepStrictEqual(parseViewMessage({ type: 'copy', sessionId: 's', block: 1 }), { type: 'copy', sessionId: 's', block: 1 });
    assert.strictEqual(parseViewMessage({ type: 'copy', sessionId: 's', block: 'FROM x' }), undefined, 'never text');
  });
});
