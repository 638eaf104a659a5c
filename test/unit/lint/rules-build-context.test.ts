// The build-context rules, each case with a fake of our own narrow
// `BuildContext` (which files exist, which ignore file the build would use).
import * as assert from 'assert';
import { contextPath, dockerignoreMatcher, type BuildContext } from '../../../src/lint';
import { of } from './helpers';
import { testRule } from './ruleTester';

function fakeContext(files: string[], dockerignore?: { path?: string; text: string }): BuildContext {
  const set = new Set(files);
  return {
    dockerignore: () => (dockerignore ? { path: dockerignore.path ?? '.dockerignore', text: dockerignore.text } : undefined),
    exists: (p) => set.has(p),
    isNodeProject: () => set.has('package.json'),
  };
}

const NODE = ['package.json', 'server.js'];
const COPY_ALL = 'FROM node:18-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n';

describe('lint rules: build context', () => {
  testRule('dockerignore-missing', {
    invalid: [
      {
        name: 'Node project, COPY . . and no .dockerignore: the fix creates one with Node entries',
        src: COPY_ALL,
        context: fakeContext(NODE),
        messageId: 'noDockerignore',
        covers: '.',
        line: 5,
        count: 1,
        data: { copy: 'COPY . .', entries: '`node_modules`, `npm-debug.log`, `.git`' },
        fixed: COPY_ALL,
        fixedFiles: { '.dockerignore': 'node_modules\nnpm-debug.log\n.git\nDockerfile*\n.dockerignore\n' },
      },
      {
        name: 'Python project with a .env: Python entries and .env',
        src: 'FROM python:3.12-slim\nCOPY . /app\n',
        context: fakeContext(['requirements.txt', '.env', 'app.py']),
        messageId: 'noDockerignore',
        message: /`\.env`/,
        fixedFiles: { '.dockerignore': '__pycache__\n*.pyc\n.venv\n.git\n.env\nDockerfile*\n.dockerignore\n' },
      },
      {
        name: 'ADD ./ /srv in a plain project: the common entries only',
        src: 'FROM alpine:3.20\nADD ./ /srv\n',
        context: fakeContext(['index.html']),
        messageId: 'noDockerignore',
        covers: './',
        fixedFiles: { '.dockerignore': '.git\nDockerfile*\n.dockerignore\n' },
      },
      {
        name: 'two whole-context copies: one finding, on the first',
        src: 'FROM node:18-alpine AS build\nCOPY . .\nFROM node:18-alpine\nCOPY . .\n',
        context: fakeContext(NODE),
        messageId: 'noDockerignore',
        line: 2,
        count: 1,
      },
      {
        name: 'CRLF Dockerfile: the new file uses CRLF too',
        src: 'FROM alpine:3.20\r\nCOPY . .\r\n',
        context: fakeContext([]),
        messageId: 'noDockerignore',
        fixedFiles: { '.dockerignore': '.git\r\nDockerfile*\r\n.dockerignore\r\n' },
      },
    ],
    valid: [
      { name: 'a .dockerignore exists (even an empty one)', src: COPY_ALL, context: fakeContext(NODE, { text: '' }) },
      { name: 'only named files are copied', src: 'FROM node:18-alpine\nCOPY package.json server.js ./\n', context: fakeContext(NODE) },
      { name: 'COPY --from=build . . reads another stage, not the context', src: 'FROM node:18-alpine AS build\nFROM nginx:alpine\nCOPY --from=build . .\n', context: fakeContext(NODE) },
      { name: 'no build context known (the lab check, stdin)', src: COPY_ALL },
    ],
  });

  testRule('dockerignore-incomplete', {
    invalid: [
      {
        name: 'a .dockerignore without node_modules and .git: the fix appends both',
        src: COPY_ALL,
        context: fakeContext(NODE, { text: '*.log\n' }),
        messageId: 'missingEntries',
        covers: '.',
        data: { file: '.dockerignore', missing: '`node_modules`, `.git`', copy: 'COPY . .' },
        fixedFiles: { '.dockerignore': '*.log\nnode_modules\n.git\n' },
      },
      {
        name: 'only .git missing, the file without a final newline',
        src: COPY_ALL,
        context: fakeContext(NODE, { text: 'node_modules' }),
        messageId: 'missingEntries',
        message: /does not list `\.git`, so/,
        fixedFiles: { '.dockerignore': 'node_modules\n.git\n' },
      },
      {
        name: 'node_modules re-included by a later ! line',
        src: COPY_ALL,
        context: fakeContext(NODE, { text: 'node_modules\n.git\n!node_modules\n' }),
        messageId: 'missingEntries',
        message: /`node_modules`/,
      },
      {
        name: 'a Dockerfile-specific ignore file is the one named and extended',
        src: COPY_ALL,
        context: fakeContext(NODE, { path: 'docker/app.Dockerfile.dockerignore', text: '.git\r\n' }),
        messageId: 'missingEntries',
        message: /docker\/app\.Dockerfile\.dockerignore/,
        fixedFiles: { 'docker/app.Dockerfile.dockerignore': '.git\r\nnode_modules\r\n' },
      },
    ],
    valid: [
      { name: 'both listed', src: COPY_ALL, context: fakeContext(NODE, { text: 'node_modules\n.git\n' }) },
      { name: 'listed with Docker\'s other spellings (**/, trailing slash, /*)', src: COPY_ALL, context: fakeContext(NODE, { text: '**/node_modules\n/.git/\n' }) },
      { name: 'node_modules/* leaves out its contents', src: COPY_ALL, context: fakeContext(NODE, { text: 'node_modules/*\n.git\n' }) },
      { name: 'not a Node project', src: COPY_ALL, context: fakeContext(['app.py'], { text: '*.log\n' }) },
      { name: 'no whole-context copy', src: 'FROM node:18-alpine\nCOPY server.js ./\n', context: fakeContext(NODE, { text: '' }) },
      { name: 'no .dockerignore: dockerignore-missing reports instead', src: COPY_ALL, context: fakeContext(NODE) },
    ],
  });

  testRule('copy-ignored-file', {
    invalid: [
      {
        name: 'naming it in `# check=experimental=` wins over skip=all, as in BuildKit (where it is experimental)',
        src: '# check=skip=all;experimental=CopyIgnoredFile\nFROM scratch\nADD notes.md /docs/\n',
        context: fakeContext(['notes.md'], { text: '*.md\n' }),
        messageId: 'copyIgnoredFile',
        line: 3,
      },
      {
        name: 'BuildKit\'s example: */tmp/* and COPY ./tmp/helloworld.txt',
        src: 'FROM scratch\nCOPY ./tmp/helloworld.txt /helloworld.txt\n',
        context: fakeContext([], { text: '# build junk\ntmp/*\n' }),
        messageId: 'copyIgnoredFile',
        covers: './tmp/helloworld.txt',
        data: { file: './tmp/helloworld.txt', path: 'tmp/helloworld.txt', ignoreFile: '.dockerignore', line: 2, pattern: 'tmp/*', keyword: 'COPY' },
        fix: false,
      },
      {
        name: 'a file inside an ignored folder names the folder\'s line',
        src: 'FROM node:18-alpine\nCOPY config/app.json /app/\n',
        context: fakeContext([], { text: 'node_modules\nconfig\n' }),
        messageId: 'copyIgnoredFile',
        message: /line 2 of `\.dockerignore` \(`config`\)/,
      },
      {
        name: 'ADD, JSON form, one of two sources',
        src: 'FROM alpine:3.20\nADD ["keep.txt", "secret.env", "/etc/app/"]\n',
        context: fakeContext([], { text: '*.env\n' }),
        messageId: 'copyIgnoredFile',
        covers: '"secret.env"',
        count: 1,
        message: /this `ADD`/,
      },
      {
        name: 'the last matching line decides: re-included, then left out again',
        src: 'FROM alpine:3.20\nCOPY docs/guide.md /docs/\n',
        context: fakeContext([], { text: 'docs\n!docs/guide.md\n**/*.md\n' }),
        messageId: 'copyIgnoredFile',
        message: /line 3/,
      },
      {
        name: 'a glob source is matched as written (like BuildKit)',
        src: 'FROM alpine:3.20\nCOPY *.log /logs/\n',
        context: fakeContext([], { text: '*.log\n' }),
        messageId: 'copyIgnoredFile',
      },
    ],
    valid: [
      { name: 'COPY . . is not checked, whatever is left out', src: 'FROM alpine:3.20\nCOPY . .\n', context: fakeContext([], { text: '*\n!src\n' }) },
      { name: '--from= copies read a stage', src: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build /tmp/out /out\n', context: fakeContext([], { text: 'tmp\n' }) },
      { name: 'heredoc sources', src: 'FROM alpine:3.20\nCOPY <<EOF /tmp/note\nhello\nEOF\n', context: fakeContext([], { text: 'EOF\ntmp\n' }) },
      { name: 'URL sources', src: 'FROM alpine:3.20\nADD https://example.com/tmp/x.tar.gz /x/\n', context: fakeContext([], { text: 'https:\n**/*.gz\n' }) },
      { name: 're-included by a ! line', src: 'FROM alpine:3.20\nCOPY src/app.js /app/\n', context: fakeContext([], { text: '*\n!src\n' }) },
      { name: 'variables expand at build time', src: 'FROM alpine:3.20\nARG DIR=tmp\nCOPY $DIR/x /x\n', context: fakeContext([], { text: 'tmp\n' }) },
      { name: 'matching is case-sensitive, as in Docker', src: 'FROM alpine:3.20\nCOPY README.md /\n', context: fakeContext([], { text: 'readme.md\n' }) },
      { name: 'no .dockerignore', src: 'FROM alpine:3.20\nCOPY tmp/x /x\n', context: fakeContext([]) },
    ],
  });

  describe('dockerignoreMatcher', () => {
    it('names the deciding line and follows parent folders and negation', () => {
      const m = dockerignoreMatcher('# comment\n\nbuild/\n!build/keep\n  *.tmp  \n');
      assert.deepStrictEqual(m.excludedBy('build/out.js'), { line: 3, pattern: 'build/' });
      assert.strictEqual(m.excludedBy('build/keep'), null);
      assert.deepStrictEqual(m.excludedBy('./a.tmp'), { line: 5, pattern: '*.tmp' });
      assert.strictEqual(m.excludes('src/a.tmp'), false);
      assert.strictEqual(m.excludes('src/app.js'), false);
    });
    it('treats the context root and paths leaving it as never excluded', () => {
      assert.strictEqual(contextPath('.'), null);
      assert.strictEqual(contextPath('../x'), null);
      assert.strictEqual(contextPath('/src//app.js'), 'src/app.js');
      assert.strictEqual(dockerignoreMatcher('*\n').excludes('.'), false);
    });
  });

  testRule('copy-context-root', {
    invalid: [
      { name: 'COPY . . with no build context known', src: COPY_ALL, messageId: 'copyContextRoot', covers: '.', line: 5, count: 1 },
      { name: 'a quoted ./ source among others', src: 'FROM python:3.12-slim\nCOPY requirements.txt "./" /srv/\n', messageId: 'copyContextRoot', covers: '"./"' },
      { name: 'ADD of the whole context brings in the same files', src: 'FROM alpine:3.20\nWORKDIR /srv\nADD . /srv/\n', messageId: 'copyContextRoot', covers: '.', line: 3 },
      { name: 'under hadolint-compat even with a context and a .dockerignore', src: COPY_ALL, messageId: 'copyContextRoot', config: { hadolintCompat: true }, context: fakeContext(NODE, { text: 'node_modules\n.git\n' }) },
    ],
    valid: [
      { name: 'with a context: the .dockerignore rules judge it', src: COPY_ALL, context: fakeContext(NODE, { text: 'node_modules\n.git\n' }) },
      { name: 'a folder of the context', src: 'FROM nginx:1.27-alpine\nCOPY dist/ /usr/share/nginx/html/\n' },
      { name: 'under hadolint-compat ADD is left alone, as DL4007 looks at COPY only', src: 'FROM alpine:3.20\nWORKDIR /srv\nADD . /srv/\n', config: { hadolintCompat: true } },
      { name: 'the destination is `.`, not the source', src: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json .\n' },
      { name: 'from another stage, not the build context', src: 'FROM node:20 AS build\nWORKDIR /app\nRUN npm init -y\nFROM node:20-slim\nCOPY --from=build /app .\nCOPY --from=build . /copy\n' },
    ],
  });

  it('the context rules stay silent without a context, and speak with one', () => {
    assert.deepStrictEqual(of(COPY_ALL, 'dockerignore-missing'), []);
    assert.strictEqual(of(COPY_ALL, 'dockerignore-missing', { context: fakeContext(NODE) }).length, 1);
  });
});
