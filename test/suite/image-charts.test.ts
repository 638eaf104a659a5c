// The image pictures inside a real extension host, against the fixture daemon: session 4's
// comparison in small (a single-stage and a multi-stage build of one app on the fixture's
// busybox), built from Dockerfiles in the workspace; the layer chart and the size comparison
// open from the explorer's image items, their webviews report what they drew, and the model
// they show agrees with `docker history` and `docker image inspect`.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExplorerNode, LayerChart, SizeComparison } from '../../src/explorer';
import type { ExplorerApi } from '../../src/explorer/vscode';
import { activateExtension, docker as dockerCli, dockerOk as dockerCliOk, workspaceDir } from './helpers';
import { waitFor } from '../support/waitFor';

// The classic builder, as the fixture's Engine 20.10 has it (the charts read its history forms).
const docker = (args: string[]) => dockerCli(args, { DOCKER_BUILDKIT: '0' });
const dockerOk = (args: string[]) => dockerCliOk(args, { DOCKER_BUILDKIT: '0' });

const id = Math.random().toString(36).slice(2, 8);
const repo = `charts-suite-${id}`;
const folder = `charts-${id}`;
const LABEL = `dev.docker-labs.test.charts=${id}`;

// The app: a "build" that leaves 600 kB of tools beside its 3-byte output.
const FILES: Record<string, string> = {
  'build.sh': 'dd if=/dev/zero of=tools.bin bs=1k count=600 2>/dev/null\necho ok > out.txt\n',
  'app.sh': 'cat /app/out.txt\n',
  'Dockerfile.basic': ['FROM busybox:latest', 'WORKDIR /app', 'COPY . .', 'RUN sh build.sh', 'CMD ["sh", "/app/app.sh"]', ''].join('\n'),
  Dockerfile: [
    '# build stage: the tools stay here',
    'FROM busybox:latest AS builder',
    `LABEL ${LABEL}`,
    'WORKDIR /src',
    'COPY . .',
    'RUN sh build.sh',
    '',
    '# run stage: only the output',
    'FROM busybox:latest',
    'WORKDIR /app',
    'COPY --from=builder /src/out.txt ./',
    'COPY app.sh ./',
    'CMD ["sh", "/app/app.sh"]',
    '',
  ].join('\n'),
};

/** `docker history` in bytes, oldest first, as the charts list it. */
async function cliHistory(ref: string): Promise<Array<{ createdBy: string; size: number }>> {
  const out = await dockerOk(['history', '--no-trunc', '--human=false', '--format', '{{.Size}}\t{{.CreatedBy}}', ref]);
  return out
    .split('\n')
    .map((line) => {
      const [size = '', ...rest] = line.split('\t');
      return { createdBy: rest.join('\t'), size: Number(size) };
    })
    .reverse();
}

describe('image charts (extension host, real daemon)', function () {
  this.timeout(240_000);
  let explorer: ExplorerApi;
  let dir: string;
  const basic = `${repo}:basic`;
  const multi = `${repo}:multi`;
  const gone = `${repo}:gone`;
  const empty = `${repo}:empty`;

  before(async function () {
    const api = await activateExtension();
    explorer = await api.explorer;
    const version = await docker(['version']);
    if (version.code !== 0) {
      const reason = `no Docker daemon at ${api.docker.endpoint.host}: ${version.stderr.trim()}`;
      if (process.env.REQUIRE_DOCKER === '1') throw new Error(reason);
      console.warn(`image charts suite skipped: ${reason}`);
      this.skip();
    }
    dir = path.join(workspaceDir(), folder);
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
    fs.mkdirSync(path.join(dir, 'empty'));
    fs.writeFileSync(path.join(dir, 'empty', 'Dockerfile.empty'), `FROM scratch\nLABEL ${LABEL}\nCMD ["/nothing"]\n`);
    await dockerOk(['pull', '-q', 'busybox:latest']);
    await dockerOk(['build', '-q', '-t', basic, '-f', path.join(dir, 'Dockerfile.basic'), dir]);
    await dockerOk(['build', '-q', '-t', multi, '-f', path.join(dir, 'Dockerfile'), dir]);
    await dockerOk(['build', '-q', '-t', empty, '-f', path.join(dir, 'empty', 'Dockerfile.empty'), path.join(dir, 'empty')]);
    await dockerOk(['tag', 'busybox:latest', gone]);
    await explorer.model.refresh();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The tags, and the builder stage the classic builder leaves as an untagged image (it carries our label).
    const labelled = (await docker(['images', '-q', '--filter', `label=${LABEL}`])).stdout.split('\n').filter(Boolean);
    await docker(['rmi', '-f', basic, multi, empty, gone]);
    if (labelled.length) await docker(['rmi', '-f', ...new Set(labelled)]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function imageNode(ref: string): Promise<ExplorerNode> {
    const roots = await explorer.provider.getChildren();
    const images = roots.find((r) => r.kind === 'group' && r.group === 'images');
    assert.ok(images, 'the images group');
    const nodes = await explorer.provider.getChildren(images);
    const node = nodes.find((n) => n.kind === 'image' && n.ref === ref);
    assert.ok(node, `${ref} in the tree (${nodes.map((n) => (n.kind === 'image' ? n.ref : n.kind)).join(', ')})`);
    return node;
  }

  const drawnLayers = (version: number) => waitFor('the layer chart drawn', () => (explorer.charts.layers.drawn?.version ?? 0) > version && explorer.charts.layers.drawn, 30_000);
  const drawnComparison = (version: number) => waitFor('the comparison drawn', () => (explorer.charts.comparison.drawn?.version ?? 0) > version && explorer.charts.comparison.drawn, 30_000);

  it("charts the basic image's layers as docker history lists them, rows linked to Dockerfile.basic", async () => {
    const before = explorer.charts.layers.drawn?.version ?? 0;
    const node = await imageNode(basic);
    const chart = await vscode.commands.executeCommand<LayerChart>('dockerLabs.explorer.image.layerChart', node, [node]);
    const drawn = await drawnLayers(before);
    assert.ok(drawn.ok, 'mermaid drew the chart');
    assert.equal(drawn.message.type, 'layers');
    if (drawn.message.type !== 'layers') return;

    const history = await cliHistory(basic);
    assert.equal(drawn.message.rows.length, history.length, 'one row per history entry');
    assert.deepEqual(drawn.message.rows.map((r) => r.size), history.map((h) => h.size), 'sizes are docker history\'s');
    assert.equal(drawn.message.total, history.reduce((s, h) => s + h.size, 0));
    assert.equal(Number(await dockerOk(['image', 'inspect', '--format', '{{.Size}}', basic])), drawn.message.total, 'the total is the image size');
    const withBytes = history.filter((h) => h.size > 0).length;
    assert.equal(drawn.bars, withBytes, 'one drawn bar per layer with bytes');
    assert.equal(chart.rows.length, drawn.message.rows.length, 'the command returns what the panel shows');

    const [workdir, copy, run, cmd] = drawn.message.rows.slice(-4);
    assert.equal(workdir?.instruction, 'WORKDIR /app');
    assert.match(copy?.instruction ?? '', /^COPY dir:[0-9a-f]{12} in \.$/, 'the classic builder hashes the sources');
    assert.equal(run?.instruction, 'RUN sh build.sh');
    assert.ok((run?.size ?? 0) > 600_000, 'the build left its tools');
    assert.equal(cmd?.instruction, 'CMD ["sh" "/app/app.sh"]');
    const file = `${folder}/Dockerfile.basic`;
    assert.deepEqual([workdir, copy, run, cmd].map((r) => r?.source), [`${file}:2`, `${file}:3`, `${file}:4`, `${file}:5`]);
    assert.ok(drawn.message.rows.slice(0, -4).every((r) => !r.source), "the base image's entries link nowhere");
  });

  it('opens the Dockerfile at the line of a linked row, and nothing for a row it did not link', async () => {
    const rows = explorer.charts.layers.drawn?.message.type === 'layers' ? explorer.charts.layers.drawn.message.rows : [];
    const run = rows.find((r) => r.instruction === 'RUN sh build.sh');
    assert.ok(run);
    assert.equal(await explorer.charts.openLink(run.step), true);
    const editor = await waitFor('Dockerfile.basic open', () => vscode.window.activeTextEditor?.document.uri.fsPath === path.join(dir, 'Dockerfile.basic') && vscode.window.activeTextEditor, 10_000);
    assert.equal(editor.selection.active.line, 3, 'at RUN sh build.sh (line 4)');
    assert.equal(await explorer.charts.openLink(1), false, "the base image's first layer");
    assert.equal(await explorer.charts.openLink(9999), false, 'a step the chart never had');
  });

  it("links the multi-stage image's rows to its run stage in Dockerfile, not Dockerfile.basic", async () => {
    const before = explorer.charts.layers.drawn?.version ?? 0;
    const node = await imageNode(multi);
    await vscode.commands.executeCommand('dockerLabs.explorer.image.layerChart', node, [node]);
    const drawn = await drawnLayers(before);
    if (drawn.message.type !== 'layers') return assert.fail('a layer chart');
    const linked = drawn.message.rows.filter((r) => r.source).map((r) => [r.instruction.replace(/file:[0-9a-f]{12}/, 'file:…'), r.source]);
    assert.deepEqual(linked, [
      ['WORKDIR /app', `${folder}/Dockerfile:10`],
      ['COPY file:… in ./', `${folder}/Dockerfile:11`],
      ['COPY file:… in ./', `${folder}/Dockerfile:12`],
      ['CMD ["sh" "/app/app.sh"]', `${folder}/Dockerfile:13`],
    ]);
    assert.ok(drawn.message.rows.every((r) => !r.instruction.startsWith('RUN sh build.sh')), 'the build stage is not in the image');
  });

  it('compares the two side by side: totals as docker image inspect says, the busybox layers shared', async () => {
    const before = explorer.charts.comparison.drawn?.version ?? 0;
    const nodes = [await imageNode(basic), await imageNode(multi)];
    const comparison = await vscode.commands.executeCommand<SizeComparison>('dockerLabs.explorer.image.compare', nodes[0], nodes);
    const drawn = await drawnComparison(before);
    assert.ok(drawn.ok, 'mermaid drew every chart');
    if (drawn.message.type !== 'compare') return assert.fail('a comparison');
    assert.deepEqual(drawn.message.images.map((i) => i.ref), [basic, multi]);
    for (const image of drawn.message.images) {
      assert.equal(image.total, Number(await dockerOk(['image', 'inspect', '--format', '{{.Size}}', image.ref])), `${image.ref} total`);
      assert.deepEqual(image.layers.map((l) => l.size), (await cliHistory(image.ref)).map((h) => h.size));
    }
    const [single, staged] = drawn.message.images;
    assert.ok(single && staged && single.total - staged.total > 600_000, 'the multi-stage image left the tools behind');
    // Shared: busybox's own layers, by their diff IDs, and after them only what both builds
    // committed alike with no bytes (the classic builder's WORKDIR /app layer).
    const base = JSON.parse(await dockerOk(['image', 'inspect', '--format', '{{json .RootFS.Layers}}', 'busybox:latest'])) as string[];
    const baseSize = Number(await dockerOk(['image', 'inspect', '--format', '{{.Size}}', 'busybox:latest']));
    for (const image of comparison.images) {
      const shared = image.layers.filter((l) => l.shared);
      assert.deepEqual(shared.slice(0, base.length).map((l) => l.diffId), base, image.ref);
      assert.ok(shared.slice(base.length).every((l) => l.size === 0 && l.instruction === 'WORKDIR /app'), `${image.ref}: ${shared.slice(base.length).map((l) => l.instruction).join(', ')}`);
      assert.equal(image.sharedBytes, baseSize, `${image.ref}: the shared bytes are busybox's`);
    }
    const bars = 2 + comparison.images.reduce((n, i) => n + i.layers.filter((l) => l.size > 0).length, 0);
    assert.equal(drawn.bars, bars, 'the totals chart and each image\'s layers');
  });

  it('says so in the panel for an image with no layers and for one removed meanwhile', async () => {
    let before = explorer.charts.layers.drawn?.version ?? 0;
    const node = await imageNode(empty);
    await vscode.commands.executeCommand('dockerLabs.explorer.image.layerChart', node, [node]);
    let drawn = await drawnLayers(before);
    if (drawn.message.type !== 'layers') return assert.fail('a layer chart');
    assert.equal(drawn.message.source, '');
    assert.match(drawn.message.note ?? '', new RegExp(empty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.equal(drawn.bars, 0);
    assert.ok(drawn.ok);

    const stale = await imageNode(gone);
    await dockerOk(['rmi', gone]);
    before = drawn.version;
    await vscode.commands.executeCommand('dockerLabs.explorer.image.layerChart', stale, [stale]);
    drawn = await drawnLayers(before);
    assert.ok(drawn.message.problem, 'the daemon\'s refusal is in the panel');
    assert.match(drawn.message.problem, new RegExp(gone.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.equal(drawn.message.type === 'layers' ? drawn.message.rows.length : -1, 0);
  });
  it('an image built with Build Image links to the Dockerfile it was built from, even where another file now matches better', async () => {
    // A twin of Dockerfile.basic in another folder, and the original edited after the build
    // (its CMD changed): by text alone the twin explains more of the history and would win.
    const built = `${repo}:built`;
    const original = path.join(dir, 'Dockerfile.basic');
    const twin = path.join(dir, 'twin', 'Dockerfile.basic');
    fs.mkdirSync(path.dirname(twin), { recursive: true });
    fs.writeFileSync(twin, FILES['Dockerfile.basic']);
    try {
      const outcome = await vscode.commands.executeCommand<{ succeeded: boolean; imageId?: string; problem?: string }>('dockerLabs.build.image', vscode.Uri.file(original), built);
      assert.ok(outcome?.succeeded, outcome?.problem);
      fs.writeFileSync(original, FILES['Dockerfile.basic'].replace('CMD ["sh", "/app/app.sh"]', 'CMD ["sh", "-c", "cat /app/out.txt"]'));
      await explorer.model.refresh();
      const before = explorer.charts.layers.drawn?.version ?? 0;
      const node = await imageNode(built);
      await vscode.commands.executeCommand('dockerLabs.explorer.image.layerChart', node, [node]);
      const drawn = await drawnLayers(before);
      if (drawn.message.type !== 'layers') return assert.fail('a layer chart');
      const file = `${folder}/Dockerfile.basic`;
      const linked = drawn.message.rows.filter((r) => r.source).map((r) => [r.instruction.replace(/dir:[0-9a-f]{12}/, 'dir:…'), r.source]);
      assert.deepEqual(linked, [
        ['WORKDIR /app', `${file}:2`],
        ['COPY dir:… in .', `${file}:3`],
        ['RUN sh build.sh', `${file}:4`],
      ], 'the recorded Dockerfile, whose changed CMD no longer matches; never the twin');
    } finally {
      fs.writeFileSync(original, FILES['Dockerfile.basic']);
      fs.rmSync(path.dirname(twin), { recursive: true, force: true });
      await docker(['rmi', built]);
    }
  });
});
