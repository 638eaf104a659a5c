// Build Image inside a real extension host, against the fixture daemon the launcher's
// environment names (DOCKER_HOST): `docker build` runs in a real integrated terminal, its
// output comes back through shell integration, and the cache map on the Dockerfile says
// which instructions reused their layer. A small Node-style app on the fixture's busybox
// (the install is a `cp` into node_modules): with COPY . . before the install every code
// change rebuilds it; with package*.json copied first the install stays cached.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BuildApi, BuildOutcome } from '../../src/build/vscode';
import { activateExtension, docker, requestedLocale, workspaceDir } from './helpers';
import { waitFor } from '../support/waitFor';

const ko = requestedLocale().startsWith('ko');
const LABEL = ko ? { cached: '✓ 캐시 사용', rebuilt: '↻ 다시 빌드', failed: '✗ 실패', notRun: '○ 실행 안 됨' } : { cached: '✓ cached', rebuilt: '↻ rebuilt', failed: '✗ failed', notRun: '○ not run' };
const ADVICE = ko ? '의존성 파일을 먼저 COPY 하세요' : 'Copy the dependency files first';

describe('build: Build Image and its cache map (extension host, real daemon)', function () {
  this.timeout(240_000);
  const id = `${process.pid.toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  const tag = `docker-labs-suite-build:${id}`;
  const orderedTag = `docker-labs-suite-build-ordered:${id}`;
  const failTag = `docker-labs-suite-build-fail:${id}`;
  // Every image a build made: a rebuild leaves the previous one untagged, and it is ours to remove.
  const made = new Set<string>();
  let build: BuildApi;
  let dir: string;
  let serverVersion = 0;

  // The LABEL keeps the first build from reusing layers another run left on the daemon.
  const naive = `FROM busybox:latest\nLABEL suite.nonce=${id}\nWORKDIR /app\nCOPY . .\nRUN mkdir -p node_modules && cp package.json node_modules/ && dd if=/dev/zero of=node_modules/dep bs=1k count=200 2>/dev/null\nCMD ["cat", "server.js"]\n`;
  const ordered = `FROM busybox:latest\nLABEL suite.nonce=${id}\nWORKDIR /app\nCOPY package*.json ./\nRUN mkdir -p node_modules && cp package.json node_modules/\nCOPY . .\nCMD ["cat", "server.js"]\n`;

  const file = (name: string) => vscode.Uri.file(path.join(dir, name));
  const changeApp = () => fs.writeFileSync(path.join(dir, 'server.js'), `console.log(${++serverVersion}) // ${id}\n`);
  const states = (o: BuildOutcome) => o.map!.map((l) => `${l.text.split(' ')[0]}:${l.state}`);

  async function runBuild(dockerfile: vscode.Uri, as: string): Promise<BuildOutcome> {
    const outcome = await vscode.commands.executeCommand<BuildOutcome | undefined>('dockerLabs.build.image', dockerfile, as);
    assert.ok(outcome, 'the command returns what the build did');
    if (outcome.imageId) made.add(outcome.imageId);
    // A failed build leaves the steps it finished as untagged images (not FROM's: that is busybox).
    for (const l of outcome.map ?? []) if (!outcome.succeeded && l.keyword !== 'FROM' && l.step?.imageId) made.add(l.step.imageId);
    return outcome;
  }

  before(async function () {
    const api = await activateExtension();
    const version = await docker(['version', '--format', '{{.Server.Version}}']);
    if (version.code !== 0) {
      const reason = `no Docker daemon at ${api.docker.endpoint.host}: ${version.stderr.trim()}`;
      if (process.env.REQUIRE_DOCKER === '1') throw new Error(reason);
      console.warn(`build suite skipped: ${reason}`);
      this.skip();
    }
    const pulled = await docker(['pull', '-q', 'busybox:latest']);
    assert.equal(pulled.code, 0, pulled.stderr);
    build = await api.build;
    dir = path.join(workspaceDir(), `suite-build-${id}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"suite-app","dependencies":{}}\n');
    fs.writeFileSync(path.join(dir, 'Dockerfile'), naive);
    fs.writeFileSync(path.join(dir, 'ordered.Dockerfile'), ordered);
    fs.writeFileSync(path.join(dir, 'fail.Dockerfile'), `FROM busybox:latest\nLABEL suite.nonce=${id}-fail\nRUN echo before-the-failure\nRUN sh -c 'echo the install broke; exit 3'\nCMD ["true"]\n`);
    changeApp();
  });

  after(async () => {
    // The classic builder keeps a failed step's container (it carries the image's labels).
    const leftover = (await docker(['ps', '-aq', '--filter', `label=suite.nonce=${id}-fail`])).stdout.split('\n').filter(Boolean);
    if (leftover.length) await docker(['rm', '-f', ...leftover]);
    await docker(['rmi', '-f', tag, orderedTag, failTag, ...made]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('first build: runs docker build in a terminal with shell integration, every instruction after FROM rebuilt, decorated on the editor', async () => {
    const editor = await vscode.window.showTextDocument(file('Dockerfile'));
    const outcome = await runBuild(file('Dockerfile'), tag);
    assert.equal(outcome.commandLine, `docker build -t ${tag} -f Dockerfile .`);
    assert.ok(outcome.observed, 'the build was read through shell integration');
    assert.equal(outcome.exitCode, 0, outcome.problem);
    assert.ok(outcome.succeeded);
    const terminal = vscode.window.terminals.find((t) => t.name === (ko ? 'Docker Labs: 빌드' : 'Docker Labs: Build'));
    assert.ok(terminal?.shellIntegration, `a build terminal with shell integration: ${vscode.window.terminals.map((t) => t.name).join(', ')}`);
    assert.deepEqual(states(outcome), ['FROM:cached', 'LABEL:rebuilt', 'WORKDIR:rebuilt', 'COPY:rebuilt', 'RUN:rebuilt', 'CMD:rebuilt']);

    // Sizes are the built image's history, as `docker history` prints it in bytes.
    const rows = (await docker(['history', '--no-trunc', '--human=false', '--format', '{{.ID}}\t{{.Size}}', tag])).stdout.trim().split('\n').map((l) => l.split('\t'));
    const run = outcome.map!.find((l) => l.keyword === 'RUN')!;
    const row = rows.find(([imageId]) => imageId.replace('sha256:', '').startsWith(run.step!.imageId!));
    assert.ok(row, `the RUN step's image ${run.step?.imageId} is in the history: ${rows.map((r) => r[0]).join(', ')}`);
    assert.equal(run.sizeBytes, Number(row[1]));
    assert.ok(run.sizeBytes! >= 200 * 1024, `the install's layer holds its 200 KiB file: ${run.sizeBytes}`);
    assert.ok(outcome.map!.every((l) => l.durationMs !== undefined), 'every step has a time, measured as its output arrived');

    // The decorations on the open editor say the same, one line each.
    const shown = build.decorations(editor.document.uri);
    assert.deepEqual(
      shown.map((d) => d.line),
      outcome.map!.map((l) => l.line),
    );
    assert.ok(shown.find((d) => d.line === run.line)!.text.startsWith(`${LABEL.rebuilt} · `), shown.map((d) => d.text).join(' | '));
    assert.match(shown.find((d) => d.line === run.line)!.text, /\d+(\.\d+)?kB · \d+\.\d s$/);

    // The image is recorded with its Dockerfile.
    const record = build.builtImage(outcome.imageId!);
    assert.equal(record?.dockerfile, file('Dockerfile').toString());
    assert.equal(record?.tag, tag);
    assert.equal(build.lastCacheMap()?.dockerfile.toString(), file('Dockerfile').toString());
  });

  it('rebuild with nothing changed: every instruction cached', async () => {
    const outcome = await runBuild(file('Dockerfile'), tag);
    assert.ok(outcome.succeeded, outcome.problem);
    assert.ok(outcome.map!.every((l) => l.state === 'cached'), states(outcome).join(' '));
    assert.ok(build.decorations(file('Dockerfile')).every((d) => d.text.startsWith(LABEL.cached)));
  });

  it('an app file changed: cached up to COPY . ., which and all after it rebuild because of it (and the hover says why)', async () => {
    changeApp();
    const outcome = await runBuild(file('Dockerfile'), tag);
    assert.ok(outcome.succeeded, outcome.problem);
    assert.deepEqual(states(outcome), ['FROM:cached', 'LABEL:cached', 'WORKDIR:cached', 'COPY:rebuilt', 'RUN:rebuilt', 'CMD:rebuilt']);
    const copy = outcome.map!.find((l) => l.text === 'COPY . .')!;
    for (const l of outcome.map!.filter((x) => x.state === 'rebuilt')) assert.equal(l.cause, copy.line, l.text);
    const run = build.decorations(file('Dockerfile')).find((d) => d.state === 'rebuilt' && d.line === outcome.map!.find((l) => l.keyword === 'RUN')!.line)!;
    // Markdown keeps the text's spaces as &nbsp;.
    const hover = (run.hover ?? '').replace(/&nbsp;/g, ' ');
    assert.ok(hover.includes(ko ? `${copy.line + 1}행의 캐시가 깨져` : `line ${copy.line + 1}`), hover);
    assert.ok(hover.includes(ADVICE), hover);
  });

  it('an edit hides the map (its lines no longer say what was built); the built text again shows it', async () => {
    const editor = await vscode.window.showTextDocument(file('Dockerfile'));
    const count = build.decorations(editor.document.uri).length;
    assert.ok(count > 0);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# edited\n'));
    await waitFor('the map hidden after the edit', () => build.decorations(editor.document.uri).length === 0);
    await editor.edit((e) => e.delete(new vscode.Range(0, 0, 1, 0)));
    await waitFor('the map back on the built text', () => build.decorations(editor.document.uri).length === count);
    await editor.document.save();
  });

  it('an editor shown again gets the map again', async () => {
    const uri = file('Dockerfile');
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor('no editor of the Dockerfile visible', () => !vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString()));
    assert.deepEqual(build.decorations(uri), []);
    await vscode.window.showTextDocument(uri);
    const shown = await waitFor('the map on the reopened editor', () => build.decorations(uri).length > 0 && build.decorations(uri));
    assert.deepEqual(
      shown.map((d) => d.state),
      build.lastCacheMap()!.map.map((l) => l.state),
    );
  });

  it('package*.json copied first: after an app change the install stays cached', async () => {
    await vscode.window.showTextDocument(file('ordered.Dockerfile'));
    const first = await runBuild(file('ordered.Dockerfile'), orderedTag);
    assert.ok(first.succeeded, first.problem);
    changeApp();
    const outcome = await runBuild(file('ordered.Dockerfile'), orderedTag);
    assert.equal(outcome.commandLine, `docker build -t ${orderedTag} -f ordered.Dockerfile .`);
    assert.deepEqual(states(outcome), ['FROM:cached', 'LABEL:cached', 'WORKDIR:cached', 'COPY:cached', 'RUN:cached', 'COPY:rebuilt', 'CMD:rebuilt']);
    const shown = build.decorations(file('ordered.Dockerfile'));
    assert.ok(shown.find((d) => d.line === outcome.map!.find((l) => l.keyword === 'RUN')!.line)!.text.startsWith(LABEL.cached));
  });

  it('a failing build marks the failed line and what did not run', async () => {
    await vscode.window.showTextDocument(file('fail.Dockerfile'));
    const outcome = await runBuild(file('fail.Dockerfile'), failTag);
    assert.equal(outcome.succeeded, false);
    assert.notEqual(outcome.exitCode, 0);
    assert.deepEqual(states(outcome), ['FROM:cached', 'LABEL:rebuilt', 'RUN:rebuilt', 'RUN:failed', 'CMD:not-run']);
    assert.match(outcome.problem ?? '', /returned a non-zero code: 3/);
    const shown = build.decorations(file('fail.Dockerfile'));
    assert.deepEqual(
      shown.map((d) => d.text.split(' · ')[0]),
      [LABEL.cached, LABEL.rebuilt, LABEL.rebuilt, LABEL.failed, LABEL.notRun],
    );
    assert.match(shown[3].hover ?? '', /non-zero code: 3/);
  });

  it('a daemon that is not there: a clear message, nothing run', async () => {
    const config = vscode.workspace.getConfiguration('dockerLabs');
    const missing = `unix://${path.join(dir, 'no-daemon.sock')}`;
    await config.update('dockerHost', missing, vscode.ConfigurationTarget.Global);
    try {
      const outcome = await runBuild(file('Dockerfile'), tag);
      assert.equal(outcome.observed, false);
      assert.equal(outcome.succeeded, false);
      assert.ok(outcome.problem?.includes('no-daemon.sock'), outcome.problem);
    } finally {
      await config.update('dockerHost', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
