// Malformed lab.yaml → positioned problems in Korean and English; nothing half-loads.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadSessionFolder, parseMetadata } from '../../../src/lab';

function session(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-meta-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const KO = `# 페어 네트워크

## 네트워크 만들기 {#create-network}

\`\`\`bash
docker network create pair{{pair}}-network
\`\`\`

## 중복 {#duplicate-network}

\`\`\`bash
docker network create pair{{pair}}-network
\`\`\`

## 웹 {#web}

\`\`\`bash
docker run -d --name pair{{pair}}-web -p {{8079 + 2*pair}}:80 nginx:alpine
\`\`\`
`;

const GOOD = `id: pair-network
title: { ko: 페어 네트워크, en: Pair network }
variables:
  pair: { type: integer, min: 1, max: 30, default: 1 }
resources:
  networks: ['pair{{pair}}-network']
steps:
  - id: create-network
    checks:
      - network: pair{{pair}}-network
        driver: bridge
  - id: duplicate-network
    expect: { failure: true, output: "already exists" }
    precondition:
      - network: pair{{pair}}-network
    hint: { ko: 확인하세요, en: Check }
  - id: web
    checks:
      - container: pair{{pair}}-web
        state: running
        ports: ["{{8079 + 2*pair}}:80"]
`;

describe('lab: lab.yaml', () => {
  it('loads a valid session: steps from the Markdown, checks from lab.yaml', () => {
    const dir = session({ 'lab.yaml': GOOD, 'ko.md': KO, 'en.md': KO.replace('페어 네트워크', 'Pair network') });
    const r = loadSessionFolder(dir, 'ko');
    assert.deepStrictEqual(r.problems, []);
    const lab = r.lab!;
    assert.strictEqual(lab.id, 'pair-network');
    assert.deepStrictEqual(lab.steps.map((s) => s.id), ['create-network', 'duplicate-network', 'web']);
    assert.deepStrictEqual(lab.steps[0].checks.map((c) => c.kind), ['network']);
    assert.strictEqual(lab.steps[1].expect?.output, 'already exists');
    assert.strictEqual(lab.steps[1].precondition.length, 1);
    assert.ok(lab.steps[2].commands[0].runnable, 'templates with declared variables run');
    assert.strictEqual(path.basename(loadSessionFolder(dir, 'en').lab!.markdownFile), 'en.md');
  });

  it('explains that a template inside [ ] needs quotes', () => {
    const { problems } = parseMetadata('id: x\ntitle: X\nresources:\n  containers: [pair{{pair}}-web]\n', 'lab.yaml');
    assert.strictEqual(problems[0].line, 4);
    assert.match(problems[0].message.en, /quote/);
    assert.match(problems[0].message.ko, /따옴표/);
  });

  it('reports YAML syntax errors with line and column', () => {
    const { meta, problems } = parseMetadata('id: x\ntitle: [unclosed\nsteps: []\n', 'lab.yaml');
    assert.strictEqual(meta, undefined);
    assert.ok(problems.length >= 1);
    assert.strictEqual(problems[0].file, 'lab.yaml');
    assert.ok(problems[0].line >= 2, `line ${problems[0].line}`);
    assert.match(problems[0].message.ko, /YAML 문법 오류/);
    assert.match(problems[0].message.en, /YAML syntax error/);
  });

  it('points schema errors at the offending key or value', () => {
    const text = 'id: x\ntitle: X\nsteps:\n  - id: a\n    checks:\n      - container: web\n        stat: running\n      - imagee: nginx\n      - network: n\n        driver: 5\n';
    const { problems } = parseMetadata(text, 'lab.yaml');
    const at = (line: number) => problems.find((p) => p.line === line);
    assert.ok(at(7), 'unknown key `stat`');
    assert.strictEqual(at(7)!.column, 9);
    assert.match(at(7)!.message.en, /unknown key `stat`/);
    assert.match(at(7)!.message.ko, /알 수 없는 키 `stat`/);
    assert.ok(at(8), 'unknown check kind');
    assert.match(at(8)!.message.en, /unknown check kind/);
    assert.strictEqual(problems.filter((p) => p.line === 8).length, 1, 'reported once');
    assert.ok(at(10) && /must be string/.test(at(10)!.message.en), JSON.stringify(problems));
  });

  it("a step's `os:` names the systems it is for; an unknown system is positioned", () => {
    const ok = parseMetadata('id: a\ntitle: t\nsteps:\n  - id: s\n    os: [linux]\n', 'f');
    assert.deepStrictEqual(ok.problems, []);
    assert.deepStrictEqual(ok.meta!.steps[0].os, ['linux']);
    const bad = parseMetadata('id: a\ntitle: t\nsteps:\n  - id: s\n    os: [linux, macos]\n', 'f').problems;
    assert.strictEqual(bad[0]?.line, 5, JSON.stringify(bad));
    assert.match(bad[0].message.en, /must be one of: linux, mac, windows/);
    assert.match(bad[0].message.ko, /다음 중 하나여야 합니다/);
  });

  it('catches duplicate keys, missing fields and bad enums', () => {
    assert.match(parseMetadata('id: a\nid: b\ntitle: t\n', 'f').problems[0].message.en, /YAML syntax error/);
    const missing = parseMetadata('title: t\n', 'f').problems;
    assert.match(missing[0].message.en, /missing `id`/);
    const state = parseMetadata('id: a\ntitle: t\nsteps:\n  - id: s\n    checks:\n      - container: c\n        state: runing\n', 'f').problems;
    assert.strictEqual(state[0].line, 7);
    assert.match(state[0].message.en, /must be one of: running/);
  });

  it('cross-checks lab.yaml against the Markdown; nothing half-loads', () => {
    const bad = GOOD.replace('  - id: web\n', '  - id: webb\n').replace('output: "already exists"', 'output: "(unclosed"').replace('pair{{pair}}-network\n        driver', 'pair{{pear}}-network\n        driver');
    const dir = session({ 'lab.yaml': bad, 'ko.md': KO });
    const r = loadSessionFolder(dir, 'ko');
    assert.strictEqual(r.lab, undefined);
    const messages = r.problems.map((p) => `${path.basename(p.file)}:${p.line}: ${p.message.en}`);
    assert.ok(messages.some((m) => /lab\.yaml:\d+: ko\.md has no heading ending in `\{#webb\}`/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /expect\.output is not a valid regular expression/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /undeclared variable `pear`/.test(m)), messages.join('\n'));
    for (const p of r.problems) assert.ok(p.message.ko && p.message.en && p.line > 0 && p.column > 0);
  });

  it('flags an undeclared variable in the Markdown at its line', () => {
    const dir = session({ 'lab.yaml': GOOD, 'ko.md': KO.replace('pair{{pair}}-web', 'team{{team}}-web') });
    const r = loadSessionFolder(dir, 'ko');
    const p = r.problems.find((x) => /undeclared variable `team`/.test(x.message.en))!;
    assert.strictEqual(path.basename(p.file), 'ko.md');
    assert.strictEqual(p.line, 18);
  });

  it('requires ko.md and en.md to run the same commands', () => {
    const dir = session({ 'lab.yaml': GOOD, 'ko.md': KO, 'en.md': KO.replace('nginx:alpine', 'httpd:alpine') });
    const r = loadSessionFolder(dir, 'ko');
    assert.ok(r.problems.some((p) => path.basename(p.file) === 'en.md' && /runs different commands/.test(p.message.en)));
  });

  it('rejects bad variable declarations and defaults', () => {
    const dir = session({ 'lab.yaml': GOOD.replace('default: 1', 'default: 99'), 'ko.md': KO });
    assert.ok(loadSessionFolder(dir, 'ko').problems.some((p) => /default: `pair` must be in 1–30/.test(p.message.en)));
  });
});
