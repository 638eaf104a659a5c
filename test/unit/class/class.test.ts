// The class engine over the lab engine's narrow DockerState (the in-memory FakeDocker):
// which cells pass, fail or have not started, read-only; progress files merged; CSV;
// pair ranges; a pair's reset scope.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { classCsv, classStatus, mergeProgress, parsePairRange, parseProgressFile, planPairReset, snapshotState, type ClassGrid, type ClassSource, type Inventory } from '../../../src/class';
import { discoverSessions, loadSessionFolder, type Environment, type Lab, type ProgressExport } from '../../../src/lab';
import { FakeDocker } from '../lab/fakeDocker';

const exercises = path.resolve(__dirname, '..', '..', '..', 'exercises');

function session(id: string): Lab {
  const entry = discoverSessions([exercises]).find((s) => s.id === id)!;
  return loadSessionFolder(entry.dir, 'en').lab!;
}

const noEnv: Environment = {
  readFile: async () => undefined,
  lint: async () => undefined,
  httpGet: async () => {
    throw new Error('connect ECONNREFUSED');
  },
};

function source(docker: FakeDocker): ClassSource {
  const inventory = async (): Promise<Inventory> => ({ containers: new Set(docker.containers.keys()), networks: new Set(docker.networks.keys()), volumes: new Set(docker.volumes.keys()) });
  return { state: docker, inventory, env: noEnv };
}

/** Session 3, pair `p` at its first two steps: images pulled, the three containers running. */
function atRunSingle(docker: FakeDocker, p: number, webPort = 8079 + 2 * p): FakeDocker {
  for (const i of ['nginx:alpine', 'mysql:8.0', 'redis:7-alpine', 'adminer:latest']) docker.addImage(i);
  docker.addContainer({ name: `pair${p}-web-server`, image: 'nginx:alpine', imageId: 'sha256:nginx:alpine', ports: [{ containerPort: '80/tcp', hostPort: String(webPort) }] });
  docker.addContainer({ name: `pair${p}-mysql-db`, image: 'mysql:8.0', imageId: 'sha256:mysql:8.0', env: { MYSQL_DATABASE: 'testdb', MYSQL_USER: 'testuser' } });
  docker.addContainer({ name: `pair${p}-redis-cache`, image: 'redis:7-alpine', imageId: 'sha256:redis:7-alpine' });
  return docker;
}

const statuses = (grid: ClassGrid, pair: number): Record<string, string> => Object.fromEntries(grid.rows.find((r) => r.pair === pair)!.cells.map((c) => [c.stepId, c.status]));

describe('class engine', () => {
  const lab = session('image-management');

  it('a pair with none of its objects has not started any step, even where only absences are checked', async () => {
    const docker = atRunSingle(new FakeDocker(), 1);
    const grid = await classStatus(lab, [1, 2], source(docker));
    const row = grid.rows.find((r) => r.pair === 2)!;
    assert.equal(row.started, false);
    assert.deepEqual([...new Set(row.cells.map((c) => c.status))], ['not-started']);
    assert.match(row.cells[0].message.en, /Pair 2 has none of this lab's objects yet/);
    assert.match(row.cells[0].message.ko, /페어 2/);
  });

  it("passes the steps done, leaves the steps ahead not started, and reads only", async () => {
    const docker = atRunSingle(new FakeDocker(), 1);
    const grid = await classStatus(lab, [1], source(docker));
    const s = statuses(grid, 1);
    assert.equal(s['pull-images'], 'passed');
    assert.equal(s['run-single'], 'passed');
    // The containers exist but their logs do not say ready: the learner is at this step.
    assert.equal(s['single-logs'], 'failed');
    // Not cleaned up yet, network not created yet: not reached rather than failed.
    assert.equal(s['phase1-cleanup'], 'not-started');
    assert.equal(s['create-network'], 'not-started');
    assert.equal(s['cleanup'], 'not-started');
    assert.equal(grid.rows[0].passed, 2);
    assert.deepEqual(docker.log, [], 'the class view changed the Docker state');
  });

  it('fails the step the learner is at with the check sentence (a container on the wrong port)', async () => {
    const docker = atRunSingle(new FakeDocker(), 3, 8080);
    const grid = await classStatus(lab, [3], source(docker));
    const cell = grid.rows[0].cells.find((c) => c.stepId === 'run-single')!;
    assert.equal(cell.status, 'failed');
    assert.equal(cell.check, 'container pair3-web-server running');
    assert.match(cell.message.en, /does not publish `8085:80`/);
    assert.match(cell.message.ko, /포트 매핑/);
  });

  it('counts a step whose objects a later passed step removed, as the lab asks, as passed', async () => {
    const docker = new FakeDocker().addImage('nginx:alpine').addImage('mysql:8.0').addImage('redis:7-alpine').addImage('adminer:latest').addNetwork('pair4-network');
    const grid = await classStatus(lab, [4], source(docker));
    const s = statuses(grid, 4);
    assert.equal(s['create-network'], 'passed');
    assert.equal(s['phase1-cleanup'], 'passed');
    assert.equal(s['run-single'], 'passed');
    assert.match(grid.rows[0].cells.find((c) => c.stepId === 'run-single')!.message.en, /removed later, in step `phase1-cleanup`/);
    // The expected-error step cannot be seen on the daemon.
    assert.equal(s['duplicate-network'], 'not-started');
    assert.equal(grid.rows[0].cells.find((c) => c.stepId === 'duplicate-network')!.source, 'none');
  });

  it('snapshotState answers from the listing and refuses every change', async () => {
    const docker = new FakeDocker().addNetwork('n1');
    const state = snapshotState(docker, { containers: new Set(), networks: new Set(['n1']), volumes: new Set() });
    assert.equal((await state.network('n1'))?.name, 'n1');
    docker.addNetwork('n2');
    assert.equal(await state.network('n2'), undefined, 'a name not listed does not exist for this refresh');
    await assert.rejects(() => state.removeNetwork('n1'), /only reads/);
    await assert.rejects(() => state.removeContainer('x', true), /only reads/);
    await assert.rejects(() => state.stopContainer('x'), /only reads/);
  });

  it('snapshotState keeps at most its bound of daemon calls in flight and still answers every one', async () => {
    const docker = new FakeDocker();
    const names = Array.from({ length: 40 }, (_, i) => `c${i}`);
    for (const n of names) docker.addContainer({ name: n, image: 'nginx:alpine', imageId: 'sha256:nginx:alpine' });
    let running = 0;
    let most = 0;
    const slow = Object.create(docker) as FakeDocker;
    slow.container = async (name: string) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 2));
      running--;
      return docker.container(name);
    };
    const state = snapshotState(slow, { containers: new Set(names), networks: new Set(), volumes: new Set() }, 5);
    const got = await Promise.all(names.map((n) => state.container(n)));
    assert.deepEqual(got.map((c) => c?.name), names);
    assert.equal(most, 5);
  });

  it('judges many pairs at once exactly as it judges each pair alone', async () => {
    const docker = new FakeDocker();
    for (const p of [1, 2, 3, 5, 6, 7]) atRunSingle(docker, p, p === 3 ? 8080 : undefined);
    docker.addNetwork('pair4-network');
    const pairs = [1, 2, 3, 4, 5, 6, 7, 8];
    const all = await classStatus(lab, pairs, source(docker), () => new Date(0));
    for (const p of pairs) {
      const alone = await classStatus(lab, [p], source(docker), () => new Date(0));
      assert.deepEqual(all.rows.find((r) => r.pair === p), alone.rows[0], `pair ${p}`);
    }
    assert.deepEqual(docker.log, []);
  });

  it('merges progress files into cells not started, keeps what the daemon shows, and says which files counted', async () => {
    const docker = atRunSingle(new FakeDocker(), 1, 9999);
    const grid = await classStatus(lab, [1, 2], source(docker));
    const exp = (pair: number, steps: ProgressExport['steps'], sessionId = lab.id): ProgressExport => ({ session: sessionId, title: lab.title, exported: '2026-12-01T10:00:00Z', variables: { pair: String(pair) }, summary: { total: 22, passed: 0, failed: 0, skipped: 0 }, solutionReveals: 0, steps });
    const parsed = parseProgressFile(
      JSON.stringify([
        exp(1, [
          { id: 'run-single', title: '', status: 'passed', byHand: false, solutionReveals: 0, at: '2026-12-01T09:00:00Z' },
          { id: 'duplicate-network', title: '', status: 'passed', byHand: false, solutionReveals: 0, at: '2026-12-01T09:05:00Z' },
        ]),
        exp(2, [{ id: 'pull-images', title: '', status: 'failed', byHand: false, solutionReveals: 0, reason: { ko: '이미지 없음', en: 'image missing' } }]),
        exp(9, [{ id: 'pull-images', title: '', status: 'passed', byHand: false, solutionReveals: 0 }]),
        exp(1, [], 'basics'),
      ]),
    );
    assert.equal(parsed.problem, undefined);
    const merged = mergeProgress(grid, [{ source: 'team.json', exports: parsed.exports }]);
    const one = merged.rows.find((r) => r.pair === 1)!;
    const cell = (id: string) => one.cells.find((c) => c.stepId === id)!;
    assert.equal(cell('run-single').status, 'failed', 'the daemon shows the wrong port now: the file does not override it');
    assert.equal(cell('run-single').source, 'live');
    assert.equal(cell('duplicate-network').status, 'passed');
    assert.equal(cell('duplicate-network').source, 'progress');
    assert.match(cell('duplicate-network').message.en, /team\.json: passed \(2026-12-01T09:05:00Z\)/);
    const two = merged.rows.find((r) => r.pair === 2)!.cells[0];
    assert.equal(two.status, 'failed');
    assert.match(two.message.en, /image missing/);
    assert.deepEqual(
      merged.merged.map((m) => [m.pair, m.used]),
      [
        [1, true],
        [2, true],
        [9, false],
      ],
    );
    assert.equal(grid.rows[0].cells.find((c) => c.stepId === 'duplicate-network')!.status, 'not-started', 'the input grid is left as it was');
  });

  it('says what is wrong with a file that is not a progress export', () => {
    assert.match(parseProgressFile('{oops').problem!.en, /not JSON/);
    assert.match(parseProgressFile('{"a":1}').problem!.ko, /진행 상황 파일이 아닙니다/);
  });

  it('exports the grid as CSV, quoted where needed, with a BOM for spreadsheets on request', async () => {
    const grid = await classStatus(lab, [1, 2], source(atRunSingle(new FakeDocker(), 1)));
    const csv = classCsv({ ...grid, steps: grid.steps.map((s, i) => (i === 0 ? { ...s, id: 'a,"b"' } : s)) }, 'en');
    const lines = csv.split('\r\n');
    assert.equal(lines[0].split(',')[0], 'pair');
    assert.ok(lines[0].startsWith('pair,"a,""b""",run-single,'));
    assert.ok(lines[1].startsWith('1,passed,passed,failed,not started,'), lines[1]);
    assert.equal(lines[1].split(",").pop(), `2/${lab.steps.length}`, lines[1]);
    assert.equal(lines.length, 4);
    const ko = classCsv(grid, 'ko', { bom: true });
    assert.ok(ko.startsWith('\uFEFF페어,'));
    assert.ok(ko.includes('\r\n1,통과,통과,실패,시작 전'));
  });

  it('reads pair ranges and explains bad ones', () => {
    assert.deepEqual(parsePairRange('1-4', { min: 1, max: 30 }), { pairs: [1, 2, 3, 4] });
    assert.deepEqual(parsePairRange('7, 1,3-4,3', { min: 1, max: 30 }), { pairs: [1, 3, 4, 7] });
    const problem = (text: string) => ('problem' in parsePairRange(text, { min: 1, max: 30 }) ? (parsePairRange(text, { min: 1, max: 30 }) as { problem: { en: string } }).problem.en : '');
    assert.match(problem('12-1'), /runs backwards/);
    assert.match(problem('1-40'), /pairs are 1–30/);
    assert.match(problem('a-b'), /cannot read the pair range/);
    assert.match(problem(''), /cannot read/);
  });

  it("plans a pair's reset with only that pair's objects", async () => {
    const docker = atRunSingle(atRunSingle(new FakeDocker(), 1), 2).addNetwork('pair2-network').addNetwork('other');
    const planned = await planPairReset(docker, lab, 2);
    assert.deepEqual(planned.lines.sort(), ['remove container pair2-mysql-db', 'remove container pair2-redis-cache', 'remove container pair2-web-server', 'remove network pair2-network']);
  });
});
