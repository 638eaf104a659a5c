// Step times of the classic builder (it prints none) from when each `Step N/M` line arrived,
// on the output captured from the fixture daemon, fed in pieces as a terminal delivers it.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { buildCacheMap, defaultTag, isBuildTag, TimedOutput } from '../../../src/build';

const dir = path.resolve(__dirname, '..', '..', 'fixture', 'build');
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

describe('build: step times and the default tag', () => {
  it('times each classic step from its Step line to the next, across split pieces and CRLF', () => {
    const text = read('classic-rebuild.txt').replace(/\n/g, '\r\n');
    const out = new TimedOutput();
    // Step k's line arrives at k*100 ms, split mid-line; everything after the last step at 1000 ms.
    const lines = text.split(/(?<=\n)/);
    let at = 0;
    for (const line of lines) {
      const step = /^Step (\d+)\//.exec(line);
      if (step) at = Number(step[1]) * 100;
      else if (/^Successfully/.test(line)) at = 1000;
      out.push(line.slice(0, 5), at);
      out.push(line.slice(5), at + 7);
    }
    assert.equal(out.text, text);
    const parsed = out.parse(5000);
    assert.equal(parsed.builder, 'classic');
    assert.deepEqual(parsed.steps.map((s) => s.durationMs), [100, 100, 100, 100, 100, 100, 300]);
    const map = buildCacheMap(read('Dockerfile.capture'), parsed);
    assert.equal(map[map.length - 1].durationMs, 300);
  });

  it('an unfinished step gets no time', () => {
    const out = new TimedOutput();
    out.push('Step 1/2 : FROM busybox:latest\n ---> 608a28953321\nStep 2/2 : RUN sleep 100\n ---> Running in f3bcad0f2566\n', 50);
    const parsed = out.parse(900);
    assert.equal(parsed.steps[0].durationMs, 0);
    assert.equal(parsed.steps[1].state, 'unfinished');
    assert.equal(parsed.steps[1].durationMs, undefined);
  });

  it('drops output past its limit', () => {
    const out = new TimedOutput(10);
    out.push('Step 1/1 :', 1);
    out.push(' FROM busybox\n', 2);
    assert.equal(out.text, 'Step 1/1 :');
  });

  it('keeps BuildKit’s own times', () => {
    const out = new TimedOutput();
    out.push('#5 [2/2] RUN true\n#5 DONE 0.4s\n#6 writing image sha256:abcdef012345 done\n', 10);
    assert.equal(out.parse(99_999).steps[0].durationMs, 400);
  });

  it('derives a valid repository from a folder name', () => {
    assert.equal(defaultTag('my-app'), 'my-app');
    assert.equal(defaultTag('My App (v2)'), 'my-app-v2');
    assert.equal(defaultTag('__Node..Demo__'), 'node.demo');
    assert.equal(defaultTag('한글'), 'app');
    assert.equal(defaultTag(''), 'app');
    for (const name of ['My App (v2)', '__Node..Demo__', 'x'.repeat(300), '-.-']) assert.ok(isBuildTag(defaultTag(name)), name);
    assert.ok(isBuildTag('localhost:5000/app:1.0'));
    assert.ok(!isBuildTag('App:1'));
    assert.ok(!isBuildTag('app@sha256:' + 'a'.repeat(64)));
    assert.ok(!isBuildTag('  '));
  });
});
