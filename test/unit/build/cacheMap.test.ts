// The build output reader and the cache map, on output captured from the fixture daemon's
// classic builder (test/fixture/build) and written BuildKit `--progress=plain` output.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { buildCacheMap, parseBuildOutput, type HistoryEntry } from '../../../src/build';

const dir = path.resolve(__dirname, '..', '..', 'fixture', 'build');
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

describe('build: cache map', () => {
  const dockerfile = read('Dockerfile.capture');
  const history = JSON.parse(read('classic-rebuild.history.json')) as HistoryEntry[];

  it('classic rebuild: lines before the changed COPY . . cached, it and all after rebuilt, sizes from the history ids', () => {
    for (const eol of ['\n', '\r\n']) {
      const parsed = parseBuildOutput(read('classic-rebuild.txt').replace(/\n/g, eol));
      assert.equal(parsed.builder, 'classic');
      assert.ok(parsed.succeeded);
      assert.deepEqual(parsed.tags, ['build2-capture:1']);
      const map = buildCacheMap(dockerfile, parsed, history);
      const copyAll = map.findIndex((l) => l.text === 'COPY . .');
      assert.ok(copyAll > 0);
      map.forEach((l, i) => assert.equal(l.state, i < copyAll ? 'cached' : 'rebuilt', l.text));
      for (const l of map.slice(1)) {
        const entry = history.find((e) => e.Id.replace('sha256:', '').startsWith(l.step!.imageId!));
        assert.equal(l.sizeBytes, entry!.Size, l.text);
        if (l.state === 'rebuilt') assert.equal(l.cause, map[copyAll].line);
      }
    }
  });

  it('classic failure: the failed step, not-run after it, ANSI stripped', () => {
    const parsed = parseBuildOutput('\u001b[1m' + read('classic-failed.txt') + '\u001b[0m');
    assert.equal(parsed.succeeded, false);
    assert.match(parsed.error ?? '', /returned a non-zero code: 1/);
    const map = buildCacheMap(read('Dockerfile.fail'), parsed);
    assert.deepEqual(map.map((l) => l.state), ['cached', 'cached', 'rebuilt', 'failed', 'not-run']);
  });

  it('BuildKit plain: CACHED, DONE times, ERROR, config lines follow their step', () => {
    const text = ['#1 [internal] load build definition from Dockerfile', '#1 DONE 0.0s', '#4 [1/4] FROM docker.io/library/busybox:latest', '#4 DONE 0.0s', '#5 [2/4] WORKDIR /app', '#5 CACHED', '#6 [3/4] COPY package.json ./', '#6 CACHED', '#7 [4/4] RUN mkdir -p node_modules && dd if=/dev/zero of=node_modules/big bs=1k count=300 2>/dev/null', '#7 0.2 out', '#7 DONE 0.4s', '#8 exporting to image', '#8 writing image sha256:abcdef012345 done', '#8 DONE 0.1s'].join('\n');
    const df = dockerfile.replace('COPY . .\n', '');
    const map = buildCacheMap(df, parseBuildOutput(text));
    assert.deepEqual(map.map((l) => l.state), ['cached', 'cached', 'cached', 'rebuilt', 'rebuilt', 'rebuilt']);
    assert.equal(map[3].durationMs, 400);
    const failed = buildCacheMap(df, parseBuildOutput(text.replace('#7 DONE 0.4s', '#7 ERROR: process "/bin/sh -c x" did not complete successfully: exit code: 1')));
    assert.deepEqual(failed.map((l) => l.state), ['cached', 'cached', 'cached', 'failed', 'not-run', 'not-run']);
  });
});
