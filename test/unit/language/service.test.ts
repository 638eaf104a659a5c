// The language service behind our documentation: what completion, hover and signature
// help show is ours; code actions leave out what the linter already fixes; the outline
// groups instructions by stage; the snippets follow the course's pillars.
import * as assert from 'assert';
import { DockerfileParser } from 'dockerfile-ast';
import { CODE_ACTION_TITLES, DOCKERFILE_SNIPPETS, DockerfileLanguage, FIXED_BY_LINTER } from '../../../src/language';
import { RULES, lintText } from '../../../src/lint';

const language = new DockerfileLanguage();

describe('language: the service behind our documentation', () => {
  it('completion of `FR` offers FROM with our Korean documentation, not the service’s English', async () => {
    const items = await language.completion('FR', { line: 0, character: 2 }, 'ko');
    const from = items.find((i) => i.label.startsWith('FROM'));
    assert.ok(from, items.map((i) => i.label).join(', '));
    const doc = from.documentation as { kind: string; value: string };
    assert.strictEqual(doc.kind, 'markdown');
    assert.match(doc.value, /베이스 이미지 지정/);
    assert.doesNotMatch(doc.value, /Set the `baseImage`/);
  });

  it('offers stage names after `COPY --from=` and declared variables in `${`', async () => {
    const stages = await language.completion('FROM node:18-alpine AS build\nFROM alpine\nCOPY --from=', { line: 2, character: 12 }, 'en');
    assert.deepStrictEqual(stages.map((i) => i.label), ['build']);
    const vars = await language.completion('FROM alpine\nARG VERSION=1\nENV APP_HOME=/app\nRUN echo ${', { line: 3, character: 11 }, 'en');
    const labels = vars.map((i) => i.label);
    assert.ok(labels.includes('${VERSION}') && labels.includes('${APP_HOME}'), labels.join(' '));
  });

  it('hovers: keyword, flag and directive with our text; a FROM image with its parts', () => {
    const text = '# syntax=docker/dockerfile:1\nFROM node:18-alpine AS build\nCOPY --from=build a b\n';
    const md = (line: number, character: number, lang: 'ko' | 'en') => {
      const h = language.hover(text, { line, character }, lang);
      return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
    };
    assert.match(md(1, 1, 'ko'), /\*\*FROM\*\* — 베이스 이미지 지정/);
    assert.match(md(2, 8, 'ko'), /\*\*COPY --from\*\* — 다른 스테이지/);
    assert.match(md(0, 4, 'en'), /\*\*# syntax\*\* — Dockerfile syntax version/);
    assert.match(md(1, 8, 'ko'), /- `18-alpine` — 태그/);
  });

  it('signature help speaks our language', () => {
    const help = language.signatureHelp('FROM alpine\nCOPY ', { line: 1, character: 5 }, 'ko');
    assert.ok(help);
    assert.match(JSON.stringify(help.signatures[0].documentation), /파일 복사/);
    assert.ok(help.signatures.every((s) => (s.parameters ?? []).every((p) => p.documentation === undefined)), 'no English parameter notes');
    const flag = language.signatureHelp('FROM node AS build\nFROM alpine\nCOPY --from=', { line: 2, character: 12 }, 'ko');
    assert.ok(flag && flag.signatures.length > 0);
    assert.match(JSON.stringify(flag.signatures[0].documentation), /다른 스테이지/);
  });

  it('code actions: the service’s own fixes, not those the linter already offers', () => {
    const text = 'from alpine\nCOPY --chowm=app a b\n';
    const actions = language.codeActions('file:///Dockerfile', text, { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, 'ko');
    const commands = actions.map((a) => a.command);
    assert.ok(!commands.includes('docker.command.convertToUppercase'), commands.join(' '));
    assert.ok(commands.includes('docker.command.flagToChown'), commands.join(' '));
    assert.ok(actions.find((a) => a.command === 'docker.command.flagToChown')?.title.includes('--chown으로'));
    const lint = lintText(text).findings.map((f) => f.rule);
    assert.ok(lint.includes('instruction-casing'), 'the linter reports (and fixes) the casing itself');
  });

  it('each fix left to the linter names a fixable rule, and every service command has a ko/en title', () => {
    for (const rule of Object.values(FIXED_BY_LINTER)) {
      const found = RULES.find((r) => r.meta.id === rule);
      assert.ok(found && found.meta.fixable, `${rule} is not a fixable rule`);
    }
    for (const [id, title] of Object.entries(CODE_ACTION_TITLES)) assert.ok(title.ko && title.en && title.ko !== title.en, id);
  });

  it('the outline is stages with their instructions', () => {
    const outline = language.outline('file:///Dockerfile', 'ARG V=1\nFROM node:18 AS build\nRUN npm ci\nFROM nginx:alpine\nCOPY --from=build /a /b\n');
    assert.deepStrictEqual(
      outline.map((n) => [n.kind, n.name, n.detail, n.children.map((c) => c.name)]),
      [
        ['instruction', 'ARG', undefined, []],
        ['stage', 'build', 'node:18', ['FROM', 'RUN']],
        ['stage', 'nginx:alpine', undefined, ['FROM', 'COPY']],
      ],
    );
    assert.deepStrictEqual(outline[1].range, { start: { line: 1, character: 0 }, end: { line: 2, character: 10 } });
  });

  it('one parse per version: an edited text is read afresh, the service’s variable hover still answers, and the parser is left as it was', async () => {
    const md = (text: string, line: number, character: number) => {
      const h = language.hover(text, { line, character }, 'en');
      return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : h ? JSON.stringify(h.contents) : null;
    };
    const parse = DockerfileParser.parse;
    const before = 'FROM node:18\nARG V=1\n\nRUN echo $V\n';
    const after = 'FROM node:20\nARG V=2\n\nRUN echo $V\n';
    assert.match(md(before, 0, 7) ?? '', /- `18` — Tag/);
    assert.match(md(after, 0, 7) ?? '', /- `20` — Tag/);
    assert.match(md(before, 0, 7) ?? '', /- `18` — Tag/);
    assert.strictEqual(md(before, 3, 10), '"1"');
    assert.strictEqual(md(after, 3, 10), '"2"');
    assert.strictEqual(md(before, 2, 0), null, 'a blank line has no hover');
    await language.completion(after, { line: 3, character: 3 }, 'en');
    language.format(after, { tabSize: 2, insertSpaces: true });
    assert.strictEqual(DockerfileParser.parse, parse, 'DockerfileParser.parse is restored after each request');
    // Lines are found without splitting the file, CRLF included.
    const crlf = 'FROM alpine\r\nRUN --mo';
    const flags = await language.completion(crlf, { line: 1, character: 8 }, 'en');
    assert.ok(flags.some((i) => i.label === '--mount='), flags.map((i) => i.label).join(' '));
  });

  it('formats with the editor’s indentation', () => {
    const edits = language.format('FROM alpine\nRUN a && \\\nb\n', { tabSize: 2, insertSpaces: true });
    assert.deepStrictEqual(edits.map((e) => e.newText), ['  ']);
    const tabs = language.format('FROM alpine\nRUN a && \\\nb\n', { tabSize: 4, insertSpaces: false });
    assert.deepStrictEqual(tabs.map((e) => e.newText), ['\t']);
  });

  it('the snippets follow the pillars: the linter finds nothing about base image, user, cache order or stages', () => {
    assert.deepStrictEqual(DOCKERFILE_SNIPPETS.map((s) => s.prefix), ['node-app', 'multi-stage', 'python-slim']);
    const pillarRules = new Set(RULES.filter((r) => ['base-image', 'user', 'layer-cache', 'multi-stage'].includes(r.meta.category)).map((r) => r.meta.id));
    for (const s of DOCKERFILE_SNIPPETS) {
      assert.match(s.name.ko + s.description.ko, /[\uac00-\ud7a3]/, s.prefix);
      assert.ok(s.name.en && s.description.en, s.prefix);
      const text = s.body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d/g, '');
      const findings = lintText(text).findings.filter((f) => pillarRules.has(f.rule));
      assert.deepStrictEqual(findings.map((f) => `${f.rule}: ${f.message}`), [], s.prefix);
    }
    const multi = DOCKERFILE_SNIPPETS[1].body.join('\n');
    assert.match(multi, /AS \$\{2:build\}[\s\S]*COPY --from=\$\{2:build\}[\s\S]*USER node/);
    const node = DOCKERFILE_SNIPPETS[0].body.join('\n');
    assert.ok(node.indexOf('COPY package*.json') < node.indexOf('COPY . .'));
  });
});
