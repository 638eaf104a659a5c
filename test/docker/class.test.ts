// The instructor's classroom against the fixture daemon:
//   - `docker-labs class status` (dist/cli.js) shows a pair's steps as the daemon holds them,
//     merges a progress file, prints CSV, and says in one sentence what is wrong with a range,
//     a session, a daemon that is down or an ssh host that cannot be reached;
//   - 12 pairs run session 3 at the same time through `docker-labs lab run`: every step
//     passes, no clash, the class grid shows no failure, and resetting pairs (the class
//     engine's "Reset pair N") leaves the other pairs' objects as they were.
// Pairs 13–28 only, so that the course acceptance (pairs 1–2) can share the daemon.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { classStatus, dockerClassSource, planPairReset, resetPair, type ClassGrid } from '../../src/class';
import { DockerodeState, discoverSessions, labObjects, loadSessionFolder, type Lab } from '../../src/lab';
import { getFixture, type Fixture } from './fixture';
import { runCli, type CliRun } from '../support/cli';

const root = path.resolve(__dirname, '..', '..');

function cli(fx: Fixture, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runCli(args, { ...fx.env, DOCKER_LABS_LANG: 'en', ...env });
}

function session3(): Lab {
  const entry = discoverSessions([path.join(root, 'exercises')]).find((s) => s.id === 'image-management')!;
  return loadSessionFolder(entry.dir, 'en').lab!;
}

const cellOf = (grid: ClassGrid, pair: number, step: string) => grid.rows.find((r) => r.pair === pair)!.cells.find((c) => c.stepId === step)!;

describe('class: docker-labs class status and the class engine against the daemon', function () {
  this.timeout(20 * 60 * 1000);
  let fx: Fixture;
  const lab = session3();
  const reset = (pair: number) => cli(fx, ['lab', 'reset', 'image-management', '--var', `pair=${pair}`]);

  before(async () => {
    fx = await getFixture();
  });

  it("shows pair 27's first steps passed and pair 28 not started; merges a progress file; prints CSV", async () => {
    await Promise.all([reset(27), reset(28)]);
    try {
      const run = await cli(fx, ['lab', 'run', 'image-management', '--var', 'pair=27', '--yes', '--step', 'pull-images', '--step', 'run-single', '--step', 'single-logs']);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'class-progress-'));
      const file = path.join(dir, 'pair28.json');
      fs.writeFileSync(file, JSON.stringify([{ session: 'image-management', title: lab.title, exported: '2026-12-01T10:00:00Z', variables: { pair: '28' }, summary: {}, steps: [{ id: 'duplicate-network', title: '', status: 'passed', byHand: false, at: '2026-12-01T09:00:00Z' }] }]));
      const json = await cli(fx, ['class', 'status', 'image-management', '--pairs', '27-28', '--format', 'json', '--progress', file]);
      assert.equal(json.code, 0, json.stderr);
      const grid = JSON.parse(json.stdout) as ClassGrid;
      assert.deepEqual(grid.rows.map((r) => r.pair), [27, 28]);
      for (const step of ['pull-images', 'run-single', 'single-logs']) assert.equal(cellOf(grid, 27, step).status, 'passed', `${step}: ${cellOf(grid, 27, step).message.en}`);
      assert.equal(cellOf(grid, 27, 'create-network').status, 'not-started');
      assert.equal(cellOf(grid, 28, 'run-single').status, 'not-started');
      assert.equal(cellOf(grid, 28, 'duplicate-network').status, 'passed');
      assert.equal(cellOf(grid, 28, 'duplicate-network').source, 'progress');

      // Pair 27's web server stopped: the step it is at fails with the check's sentence.
      await fx.cliOk(['stop', '-t', '1', 'pair27-web-server']);
      const text = await cli(fx, ['class', 'status', 'image-management', '--pairs', '27']);
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /pair 27 run-single: Container `pair27-web-server` is exited, not running/);
      const csv = await cli(fx, ['class', 'status', 'image-management', '--pairs', '27,28', '--format', 'csv']);
      const lines = csv.stdout.trim().split('\r\n');
      assert.equal(lines.length, 3);
      assert.ok(lines[1].startsWith('27,passed,failed,'), lines[1]);
      assert.ok(lines[2].startsWith('28,not started,'), lines[2]);
    } finally {
      await Promise.all([reset(27), reset(28)]);
    }
  });

  it('explains a bad range, an unknown session, a daemon that is down and an ssh host that cannot be reached', async () => {
    const bad = await cli(fx, ['class', 'status', 'image-management', '--pairs', '12-1']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /the pair range `12-1` runs backwards/);
    const far = await cli(fx, ['class', 'status', 'image-management', '--pairs', '1-31']);
    assert.match(far.stderr, /this session's pairs are 1–30/);
    const unknown = await cli(fx, ['class', 'status', 'no-such-session', '--pairs', '1']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no-such-session/);
    const down = await cli(fx, ['class', 'status', 'image-management', '--pairs', '1'], { DOCKER_HOST: `unix://${path.join(os.tmpdir(), 'no-docker-here.sock')}` });
    assert.equal(down.code, 1);
    assert.match(down.stderr, /Cannot connect to the Docker daemon at unix:\/\/.*no-docker-here\.sock: it is not running/);
    const ssh = await cli(fx, ['class', 'status', 'image-management', '--pairs', '1'], { DOCKER_HOST: 'ssh://root@127.0.0.1:1' });
    assert.equal(ssh.code, 1);
    assert.match(ssh.stderr, /Cannot reach the SSH server|ssh:\/\/root@127\.0\.0\.1:1/);
  });

  it('12 pairs run session 3 at the same time through docker-labs lab run: every step passes, no clash; resetting pairs leaves the others untouched', async () => {
    const pairs = Array.from({ length: 12 }, (_, i) => 13 + i);
    await Promise.all(pairs.map(reset));
    // Every step but the final cleanup, so that the reset below has something to remove.
    const steps = lab.steps.filter((s) => s.id !== 'cleanup').flatMap((s) => ['--step', s.id]);
    const runs = await Promise.all(pairs.map((p) => cli(fx, ['lab', 'run', 'image-management', '--var', `pair=${p}`, '--yes', '--format', 'json', ...steps])));
    try {
      const created: string[][] = [];
      runs.forEach((run, i) => {
        const report = JSON.parse(run.stdout) as { summary: { passed: number; failed: number }; steps: { stepId: string; status: string; reason?: { en: string } }[]; created: { containers: string[]; networks: string[] } };
        const failures = report.steps.filter((s) => s.status !== 'passed').map((s) => `${s.stepId}: ${s.status} ${s.reason?.en ?? ''}`);
        assert.deepEqual(failures, [], `pair ${pairs[i]}`);
        assert.equal(report.summary.passed, lab.steps.length - 1, `pair ${pairs[i]}`);
        assert.equal(run.code, 0, `pair ${pairs[i]}: ${run.stderr}`);
        created.push([...report.created.containers, ...report.created.networks]);
      });
      const all = created.flat();
      assert.equal(new Set(all).size, all.length, 'two pairs created the same name');

      const endpoint = fx.host;
      const source = dockerClassSource(fx.docker, endpoint, 'en');
      const before = await classStatus(lab, pairs, source);
      const failedCells = before.rows.flatMap((r) => r.cells.filter((c) => c.status === 'failed').map((c) => `pair ${r.pair} ${c.stepId}: ${c.message.en}`));
      assert.deepEqual(failedCells, []);
      for (const p of pairs) assert.equal(cellOf(before, p, 'status').status, 'passed', `pair ${p}`);

      // Reset the first six pairs through the class engine, as "Reset pair N" does.
      const state = new DockerodeState(fx.docker);
      const resetPairs = pairs.slice(0, 6);
      const kept = pairs.slice(6);
      const idsOf = async (p: number) => (await fx.cliOk(['ps', '-aq', '--no-trunc', '--filter', `name=^pair${p}-`])).split('\n').filter(Boolean).sort();
      const keptIds = await Promise.all(kept.map(idsOf));
      for (const p of resetPairs) {
        const planned = await planPairReset(state, lab, p);
        assert.ok(planned.lines.every((l) => l.includes(`pair${p}-`)), planned.lines.join('\n'));
        const outcome = await resetPair(state, planned);
        assert.deepEqual(outcome.errors, []);
      }
      const after = await classStatus(lab, pairs, source);
      for (const p of resetPairs) {
        const owned = labObjects(lab, { pair: String(p) });
        assert.equal(after.rows.find((r) => r.pair === p)!.started, false, `pair ${p} still has objects`);
        assert.equal((await fx.cli(['network', 'inspect', owned.networks[0]])).code, 1);
      }
      assert.deepEqual(await Promise.all(kept.map(idsOf)), keptIds, "a pair's reset touched another pair's containers");
      for (const p of kept) assert.deepEqual(after.rows.find((r) => r.pair === p)!.cells, before.rows.find((r) => r.pair === p)!.cells, `pair ${p}`);
    } finally {
      await Promise.all(pairs.map(reset));
    }
  });
});
