// The cache map on a real rebuild: the fixture daemon's `docker build` (classic builder),
// a changed server.js, and the map read from the CLI output and the image history.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildCacheMap, parseBuildOutput, type HistoryEntry } from '../../src/build';
import { getFixture } from './fixture';

describe('build: cache map on the fixture daemon', function () {
  const tag = `docker-labs-test-build2:${process.pid}`;
  let dir: string;
  // Each build's image: a rebuild leaves the previous one untagged, and it is ours to remove.
  const built: string[] = [];
  const nonce = `${process.pid}-${Date.now()}`;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build2-'))));
  after(async () => {
    const fx = await getFixture();
    await fx.cli(['rmi', '-f', tag, ...built]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function build(dockerfile: string, server: string) {
    const fx = await getFixture();
    fs.writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"app"}\n');
    // A nonce: a daemon that kept an earlier run's layers must still see a change.
    fs.writeFileSync(path.join(dir, 'server.js'), `${server}// ${nonce}\n`);
    const r = await fx.cli(['build', '-t', tag, dir]);
    assert.equal(r.code, 0, r.stderr);
    const parsed = parseBuildOutput(r.stdout + r.stderr);
    if (parsed.imageId) built.push(parsed.imageId);
    const history = (await fx.docker.getImage(tag).history()) as HistoryEntry[];
    return { map: buildCacheMap(dockerfile, parsed, history), history };
  }

  it('COPY . . before the install: the COPY and all after it rebuild', async () => {
    await getFixture().then((fx) => fx.cliOk(['pull', '-q', 'busybox:latest']));
    const df = 'FROM busybox:latest\nWORKDIR /app\nCOPY . .\nRUN mkdir -p node_modules && cp package.json node_modules/\nCMD ["cat", "server.js"]\n';
    await build(df, 'console.log(1)\n');
    const { map, history } = await build(df, 'console.log(2)\n');
    const copy = map.findIndex((l) => l.text === 'COPY . .');
    map.forEach((l, i) => assert.equal(l.state, i < copy ? 'cached' : 'rebuilt', l.text));
    // Sizes are the history entries of each step's image id.
    for (const l of map.slice(1)) assert.equal(l.sizeBytes, history.find((e) => e.Id.replace('sha256:', '').startsWith(l.step!.imageId!))!.Size, l.text);
  });

  it('package.json first: the install stays cached', async () => {
    const df = 'FROM busybox:latest\nWORKDIR /app\nCOPY package*.json ./\nRUN mkdir -p node_modules && cp package.json node_modules/\nCOPY . .\nCMD ["cat", "server.js"]\n';
    await build(df, 'console.log(1)\n');
    const { map } = await build(df, 'console.log(3)\n');
    assert.equal(map.find((l) => l.keyword === 'RUN')!.state, 'cached');
    assert.equal(map.find((l) => l.text === 'COPY . .')!.state, 'rebuilt');
  });
});
