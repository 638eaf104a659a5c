// Every course note in ../shared/seeds/ opens as a lab without metadata.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadMarkdownFile, loadTarget } from '../../../src/lab';
import { needShared, seedsDir } from '../../support/shared';

const seeds = seedsDir;

describe('lab: course seeds open as labs', function () {
  before(function () {
    needShared(this, seeds); // ../shared/seeds is not checked out beside the repo
  });

  const files = fs.existsSync(seeds) ? fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort() : [];

  for (const file of files) {
    it(`${file} parses without a problem`, () => {
      const result = loadMarkdownFile(path.join(seeds, file), 'ko');
      assert.deepStrictEqual(result.problems, []);
      assert.ok(result.lab);
      assert.ok(result.lab.outline.length > 0, 'has an outline');
      for (const step of result.lab.steps) {
        assert.ok(step.commands.some((c) => c.runnable) || step.manual.length > 0, `step ${step.id} has something to do`);
        for (const c of step.commands) assert.ok(!c.text.includes('\\\n'), 'continuations are joined');
      }
    });
  }

  it('the CLI target resolver opens a .txt course note as Markdown, not as an unknown session', () => {
    const result = loadTarget(path.join(seeds, '000_107da8c177107fe7.txt'), 'ko', []);
    assert.deepEqual(result.problems, []);
    assert.ok(result.lab && result.lab.steps.length > 0);
  });

  it('Session 5: commands, expected failures, hints, checkpoints, destructive cleanup', () => {
    const lab = loadMarkdownFile(path.join(seeds, '000_107da8c177107fe7.txt'), 'ko').lab!;
    const all = lab.steps.flatMap((s) => s.commands);
    const mysql = all.find((c) => c.text.includes('--name pair1-mysql'))!;
    assert.strictEqual(
      mysql.text,
      'docker run -d --name pair1-mysql --network pair1-network -e MYSQL_ROOT_PASSWORD=rootpass123 -e MYSQL_DATABASE=webapp -e MYSQL_USER=webuser -e MYSQL_PASSWORD=webpass123 mysql:8.0',
    );
    const network = lab.steps.find((s) => s.commands.some((c) => c.text === 'docker network create pair2-network'))!;
    assert.ok(network.commands.every((c) => !c.text.includes('#')), 'trailing comments dropped');
    assert.deepStrictEqual(network.expect, { failure: true, output: 'network with name pair1-network already exists', command: 5 });
    assert.match(network.hint!.ko, /docker network ls/);
    const isolated = lab.steps.find((s) => s.commands.some((c) => c.text.includes('ping isolated-container')))!;
    assert.ok(isolated.expect && new RegExp(isolated.expect.output!, 'i').test("ping: bad address 'isolated-container'"));
    const checkpoints = lab.steps.filter((s) => s.manual.length > 0);
    assert.ok(checkpoints.length >= 3);
    assert.strictEqual(checkpoints[0].manual[0].text, '다양한 오픈 이미지 다운로드 완료');
    const cleanup = all.filter((c) => c.destructive).map((c) => c.destructive!.kind);
    assert.deepStrictEqual(cleanup, ['stop-all', 'remove-all-containers', 'system-prune']);
    assert.ok(lab.outline[0].children.length > 0, 'heading tree');
  });

  it('Week 1 basics: placeholders shown but not runnable; -it needs a terminal; prompts inside a container are not run', () => {
    const lab = loadMarkdownFile(path.join(seeds, '002_53e3a0834f9a18d6.txt'), 'ko').lab!;
    const all = lab.steps.flatMap((s) => s.commands);
    const pull = all.find((c) => c.text.startsWith('docker pull [이미지 이름]'))!;
    assert.strictEqual(pull.runnable, false);
    assert.strictEqual(pull.reason, 'placeholder');
    assert.ok(all.find((c) => c.text === 'docker pull nginx:latest')!.runnable);
    assert.ok(all.find((c) => c.text === 'docker run --rm -it ubuntu bash')!.interactive);
    assert.ok(all.find((c) => c.text === 'docker logs -f my-nginx')!.longRunning);
    const inside = all.find((c) => c.text === 'hostname -i')!;
    assert.strictEqual(inside.reason, 'inside-container');
    const windows = all.find((c) => c.text.startsWith('docker run -p 6060:80'))!;
    assert.ok(windows.runnable, 'a command after a Windows prompt runs');
    assert.ok(all.find((c) => c.text === 'docker system prune -a --volumes')!.destructive?.volumes);
  });

  it('Day 3: the Dockerfile and mermaid fences are not shell', () => {
    const lab = loadMarkdownFile(path.join(seeds, '001_13c4f08c45a51e4a.txt'), 'ko').lab!;
    const all = lab.steps.flatMap((s) => s.commands);
    assert.ok(all.every((c) => !c.text.startsWith('FROM') && !c.text.startsWith('graph')));
    assert.ok(all.some((c) => c.text === 'docker build -t myapp:basic -f Dockerfile.basic .'));
  });
});
