// Acceptance for the built-in course, in CI, against the fixture daemon and its registry
// mirror, through the real command line (dist/cli.js):
//   - every session runs end to end with `docker-labs lab run <session> --var pair=1 --yes`:
//     every step passes and every expected failure is recognised;
//   - pair 1 and pair 2 run each session at the same time without a name or port clash;
//   - no step's checks already pass before the step runs (`--audit-checks`): every check
//     observes what its own step does, not what earlier steps left;
//   - after `docker-labs lab reset`, no lab object is left, and every object that existed
//     before (including the kind a real `docker system prune -a --volumes` would delete) is
//     still there.
// The daemon is shared with other suites, so "objects that existed before" are objects this
// file makes for the purpose, plus the images the sessions pulled.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { labObjects, loadSessionFolder, discoverSessions, type Lab, type ResourceSet } from '../../src/lab';
import { runCli, type CliRun } from '../support/cli';
import { composeDockerConfig, getFixture, orSkip, startExtraDaemon, uniqueName, type Fixture } from './fixture';

const root = path.resolve(__dirname, '..', '..');
const SESSIONS = ['basics', 'images-containers', 'image-management', 'images-networking-storage'];

interface StepReport {
  stepId: string;
  status: 'passed' | 'failed' | 'skipped';
  reason?: { en: string };
  expectedFailure?: boolean;
  checksPassedBeforeRun?: boolean;
}

interface RunReport {
  session: string;
  steps: StepReport[];
  created: ResourceSet;
  summary: { total: number; passed: number; failed: number; skipped: number };
}

async function labCli(fx: Fixture, args: string[]): Promise<CliRun> {
  // Session 4's Compose mission types `docker compose`: the fixture's config has that plugin.
  return runCli(['lab', ...args], { ...fx.env, DOCKER_CONFIG: await composeDockerConfig(), DOCKER_LABS_LANG: 'en' });
}

/** `lab run … --format json`, parsed; the whole output in the message when it is not JSON. */
async function runSession(fx: Fixture, session: string, pair: number, extra: string[] = []): Promise<{ run: CliRun; report: RunReport }> {
  const run = await labCli(fx, ['run', session, '--var', `pair=${pair}`, '--yes', '--format', 'json', ...extra]);
  let report: RunReport;
  try {
    report = JSON.parse(run.stdout) as RunReport;
  } catch {
    assert.fail(`lab run ${session} printed no report (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
  return { run, report };
}

function failures(report: RunReport): string {
  return report.steps
    .filter((s) => s.status !== 'passed')
    .map((s) => `${s.stepId}: ${s.status}${s.reason ? ` — ${s.reason.en}` : ''}`)
    .join('\n');
}

function loadLab(id: string): Lab {
  const entry = discoverSessions([path.join(root, 'exercises')]).find((s) => s.id === id);
  assert.ok(entry, `no built-in session ${id}`);
  const r = loadSessionFolder(entry.dir, 'en');
  assert.ok(r.lab, `${id} does not load: ${r.problems.map((p) => p.message.en).join('; ')}`);
  return r.lab;
}

/** Every name the lab owns for these values (declared, created by its commands). */
function ownedNames(lab: Lab, pair: number): ResourceSet {
  return labObjects(lab, lab.variables.some((v) => v.name === 'pair') ? { pair: String(pair) } : {});
}

async function exists(fx: Fixture, kind: keyof ResourceSet, name: string): Promise<boolean> {
  const args = { containers: ['container', 'inspect'], networks: ['network', 'inspect'], volumes: ['volume', 'inspect'], images: ['image', 'inspect'] }[kind];
  return (await fx.cli([...args, name])).code === 0;
}

async function leftovers(fx: Fixture, owned: ResourceSet): Promise<string[]> {
  const left: string[] = [];
  for (const kind of ['containers', 'networks', 'volumes', 'images'] as (keyof ResourceSet)[]) {
    for (const name of owned[kind]) if (await exists(fx, kind, name)) left.push(`${kind.slice(0, -1)} ${name}`);
  }
  return left;
}

/**
 * Objects that must outlive every lab: the kinds a real `docker system prune -a --volumes`
 * removes (a stopped container, an unused network, volume and image) and running ones.
 */
async function makeBystanders(fx: Fixture): Promise<{ kind: keyof ResourceSet; name: string; id: string }[]> {
  const net = uniqueName('course-keep-net');
  const vol = uniqueName('course-keep-vol');
  const running = uniqueName('course-keep-running');
  const stopped = uniqueName('course-keep-stopped');
  const image = `${uniqueName('course-keep-image')}:1`;
  await fx.cliOk(['network', 'create', net]);
  await fx.cliOk(['volume', 'create', vol]);
  await fx.cliOk(['run', '-d', '--name', running, '--network', net, 'busybox:latest', 'sleep', '3600']);
  await fx.cliOk(['create', '--name', stopped, 'busybox:latest', 'true']);
  await fx.cliOk(['tag', 'busybox:latest', image]);
  const unusedNet = uniqueName('course-keep-unused-net');
  await fx.cliOk(['network', 'create', unusedNet]);
  const out: { kind: keyof ResourceSet; name: string; id: string }[] = [];
  for (const [kind, name] of [
    ['networks', net],
    ['networks', unusedNet],
    ['volumes', vol],
    ['containers', running],
    ['containers', stopped],
    ['images', image],
  ] as [keyof ResourceSet, string][]) {
    const inspect = { containers: 'container', networks: 'network', volumes: 'volume', images: 'image' }[kind];
    const id = (await fx.cliOk([inspect, 'inspect', '-f', kind === 'volumes' ? '{{.Name}}' : '{{.Id}}', name])).trim();
    out.push({ kind, name, id });
  }
  return out;
}

async function removeBystanders(fx: Fixture, list: { kind: keyof ResourceSet; name: string }[]): Promise<void> {
  for (const b of list.filter((x) => x.kind === 'containers')) await fx.cli(['rm', '-f', b.name]);
  for (const b of list.filter((x) => x.kind !== 'containers')) {
    await fx.cli([{ networks: 'network', volumes: 'volume', images: 'image' }[b.kind as 'networks' | 'volumes' | 'images'], 'rm', b.name]);
  }
}

describe('course acceptance: the built-in sessions through docker-labs lab run', function () {
  this.timeout(10 * 60 * 1000);
  let fx: Fixture;
  let bystanders: { kind: keyof ResourceSet; name: string; id: string }[] = [];

  before(async function () {
    fx = await getFixture();
    const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    await fx.cliOk(['pull', 'busybox:latest']);
    bystanders = await makeBystanders(fx);
  });

  after(async () => {
    if (fx) await removeBystanders(fx, bystanders);
  });

  for (const session of SESSIONS) {
    it(`${session}: every step passes, every expected failure is recognised, reset leaves no lab object and spares the rest`, async () => {
      const lab = loadLab(session);
      const owned = ownedNames(lab, 1);
      // Start from a clean slate for this lab only (an earlier, interrupted run).
      await labCli(fx, ['reset', session, '--var', 'pair=1']);

      const pulled = await labCli(fx, ['pull', session, '--var', 'pair=1']);
      assert.equal(pulled.code, 0, pulled.stdout + pulled.stderr);
      const images = lab.images;
      const imageIds = new Map<string, string>();
      for (const ref of images) imageIds.set(ref, (await fx.cliOk(['image', 'inspect', '-f', '{{.Id}}', ref])).trim());

      const { run, report } = await runSession(fx, session, 1, ['--audit-checks']);
      assert.equal(report.summary.failed, 0, failures(report));
      assert.equal(report.summary.skipped, 0, failures(report));
      const observeEarlierSteps = report.steps.filter((s) => s.checksPassedBeforeRun).map((s) => s.stepId);
      assert.deepEqual(observeEarlierSteps, [], 'these steps tick before they run: their checks observe earlier steps, not what the step does');
      assert.equal(report.summary.passed, lab.steps.length);
      assert.equal(run.code, 0, run.stderr);
      for (const step of lab.steps.filter((s) => s.expect)) {
        const r = report.steps.find((s) => s.stepId === step.id);
        assert.equal(r?.expectedFailure, true, `${step.id}: the intentional error was not recognised`);
      }

      const reset = await labCli(fx, ['reset', session, '--var', 'pair=1']);
      assert.equal(reset.code, 0, reset.stdout + reset.stderr);
      assert.deepEqual(await leftovers(fx, owned), []);

      for (const b of bystanders) {
        const inspect = { containers: 'container', networks: 'network', volumes: 'volume', images: 'image' }[b.kind];
        const now = await fx.cli([inspect, 'inspect', '-f', b.kind === 'volumes' ? '{{.Name}}' : '{{.Id}}', b.name]);
        assert.equal(now.code, 0, `${b.kind} ${b.name} did not survive ${session}`);
        assert.equal(now.stdout.trim(), b.id, `${b.kind} ${b.name} was replaced during ${session}`);
      }
      for (const [ref, id] of imageIds) {
        assert.equal((await fx.cliOk(['image', 'inspect', '-f', '{{.Id}}', ref])).trim(), id, `image ${ref} did not survive ${session}`);
      }
      const running = bystanders.find((b) => b.kind === 'containers' && b.name.startsWith('course-keep-running'))!;
      assert.equal((await fx.cliOk(['inspect', '-f', '{{.State.Running}}', running.name])).trim(), 'true', 'a running bystander was stopped');
    });
  }

  for (const session of SESSIONS) {
    it(`${session}: pair 1 and pair 2 run at the same time without a name or port clash`, async () => {
      const lab = loadLab(session);
      const resetBoth = () => Promise.all([labCli(fx, ['reset', session, '--var', 'pair=1']), labCli(fx, ['reset', session, '--var', 'pair=2'])]);
      await resetBoth();
      const [one, two] = await Promise.all([runSession(fx, session, 1), runSession(fx, session, 2)]);
      for (const [pair, { run, report }] of [
        [1, one],
        [2, two],
      ] as const) {
        assert.equal(report.summary.failed, 0, `pair ${pair}:\n${failures(report)}`);
        assert.equal(report.summary.passed, lab.steps.length, `pair ${pair}`);
        assert.equal(run.code, 0, `pair ${pair}: ${run.stderr}`);
      }
      const names = (r: RunReport) => [...r.created.containers, ...r.created.networks, ...r.created.volumes, ...r.created.images];
      assert.ok(names(one.report).length > 0 && names(two.report).length > 0);
      assert.deepEqual(
        names(one.report).filter((n) => names(two.report).includes(n)),
        [],
      );
      await resetBoth();
      assert.deepEqual(await leftovers(fx, ownedNames(lab, 1)), []);
      assert.deepEqual(await leftovers(fx, ownedNames(lab, 2)), []);
    });
  }

  it('image-management: a reset in the middle of the lab removes its containers, their unnamed volumes and its network', async () => {
    const lab = loadLab('image-management');
    const pair = 3;
    await labCli(fx, ['reset', 'image-management', '--var', `pair=${pair}`]);
    const upTo = lab.steps.findIndex((s) => s.id === 'option3');
    const steps = lab.steps.slice(0, upTo + 1).flatMap((s) => ['--step', s.id]);
    const run = await labCli(fx, ['run', 'image-management', '--var', `pair=${pair}`, '--yes', ...steps]);
    assert.equal(run.code, 0, run.stdout + run.stderr);

    const owned = ownedNames(lab, pair);
    const live = (await Promise.all(owned.containers.map(async (c) => ((await exists(fx, 'containers', c)) ? c : undefined)))).filter((c): c is string => !!c);
    assert.ok(live.includes(`pair${pair}-mysql`) && live.includes(`pair${pair}-redis`), live.join(', '));
    const unnamed: string[] = [];
    for (const c of live) {
      const mounts = (await fx.cliOk(['inspect', '-f', '{{range .Mounts}}{{if eq .Type "volume"}}{{.Name}} {{end}}{{end}}', c])).trim();
      unnamed.push(...mounts.split(/\s+/).filter((v) => /^[0-9a-f]{64}$/.test(v)));
    }
    assert.ok(unnamed.length >= 2, 'MySQL and Redis each make an unnamed volume');

    const reset = await labCli(fx, ['reset', 'image-management', '--var', `pair=${pair}`]);
    assert.equal(reset.code, 0, reset.stdout + reset.stderr);
    assert.deepEqual(await leftovers(fx, owned), []);
    for (const v of unnamed) assert.equal(await exists(fx, 'volumes', v), false, `unnamed volume ${v} was left`);
    for (const b of bystanders) assert.ok(await exists(fx, b.kind, b.name), `${b.kind} ${b.name} did not survive the reset`);
  });
});

// Session 5 (Compose and deployment): pair 1 with the `docker compose` spelling (the fixture's
// plugin forwarding to docker-compose v1) and pair 2 with `docker-compose` (the same session,
// every `docker compose` rewritten), at the same time, each deploying to a second daemon
// through a docker context of its own DOCKER_CONFIG. A Compose project that is not the lab's
// and plain objects must survive both runs and both resets.
describe('course acceptance: session 5, Compose and deployment, both spellings, two pairs at once', function () {
  this.timeout(15 * 60 * 1000);
  const SESSION = 'docker-basics-compose';
  let fx: Fixture;
  let server: Awaited<ReturnType<typeof startExtraDaemon>> | undefined;
  const temp: string[] = [];
  let keepProject = '';
  let keepDir = '';

  const mkTemp = (prefix: string): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    temp.push(dir);
    return dir;
  };

  function cli(env: NodeJS.ProcessEnv, args: string[]): Promise<CliRun> {
    return runCli(['lab', ...args], { ...env, DOCKER_LABS_LANG: 'en' });
  }

  async function projectLeft(project: string): Promise<string[]> {
    const out = await fx.cliOk(['ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Names}}']);
    const nets = await fx.cliOk(['network', 'ls', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Name}}']);
    return [...out.split('\n'), ...nets.split('\n')].map((l) => l.trim()).filter(Boolean);
  }

  before(async function () {
    fx = await getFixture();
    const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    server = await orSkip(this, () => startExtraDaemon({ bridge: true }));
    // Another Compose project on the same daemon, not the lab's.
    keepProject = uniqueName('course-keep-compose');
    keepDir = mkTemp('keep-compose-');
    fs.writeFileSync(path.join(keepDir, 'compose.yaml'), 'services:\n  app:\n    image: busybox:latest\n    command: ["sleep", "3600"]\n    volumes: ["data:/data"]\nvolumes:\n  data:\n');
    await fx.cliOk(['pull', 'busybox:latest']);
    const up = spawnSync('docker-compose', ['-p', keepProject, 'up', '-d'], { cwd: keepDir, env: fx.env, encoding: 'utf8' });
    assert.equal(up.status, 0, up.stderr);
  });

  after(async () => {
    if (keepProject) spawnSync('docker-compose', ['-p', keepProject, 'down', '-v'], { cwd: keepDir, env: fx.env, encoding: 'utf8' });
    await server?.dispose();
    for (const d of temp) fs.rmSync(d, { recursive: true, force: true });
  });

  it('pair 1 (docker compose) and pair 2 (docker-compose) pass every step at once; reset leaves no lab object and spares the rest', async () => {
    const lab = loadLab(SESSION);
    // Pair 2's copy of the session speaks `docker-compose` (v1) everywhere.
    const v1Dir = path.join(mkTemp('session5-v1-'), 'session');
    fs.cpSync(path.dirname(lab.markdownFile), v1Dir, { recursive: true });
    for (const f of ['ko.md', 'en.md', 'lab.yaml']) {
      const file = path.join(v1Dir, f);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/docker compose /g, 'docker-compose '));
    }
    assert.match(fs.readFileSync(path.join(v1Dir, 'en.md'), 'utf8'), /docker-compose -p pair\{\{pair\}\}-compose up -d/);
    // Each pair has its own DOCKER_CONFIG (its contexts); pair 1's has the `docker compose` plugin.
    const v2Config = mkTemp('session5-v2-config-');
    fs.cpSync(await composeDockerConfig(), v2Config, { recursive: true });
    const v1Config = mkTemp('session5-v1-config-');
    const runs = [
      { pair: 1, target: SESSION, env: { ...fx.env, DOCKER_CONFIG: v2Config } },
      { pair: 2, target: v1Dir, env: { ...fx.env, DOCKER_CONFIG: v1Config } },
    ];
    const vars = (pair: number) => ['--var', `pair=${pair}`, '--var', `deploy=${server!.host}`];
    await Promise.all(runs.map((r) => cli(r.env, ['reset', r.target, ...vars(r.pair)])));
    const pulled = await cli(runs[0].env, ['pull', SESSION, ...vars(1)]);
    assert.equal(pulled.code, 0, pulled.stdout + pulled.stderr);

    const results = await Promise.all(
      runs.map(async (r) => {
        const run = await cli(r.env, ['run', r.target, ...vars(r.pair), '--yes', '--format', 'json']);
        let report: RunReport;
        try {
          report = JSON.parse(run.stdout) as RunReport;
        } catch {
          assert.fail(`pair ${r.pair}: no report (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
        }
        return { ...r, run, report };
      }),
    );
    for (const { pair, run, report } of results) {
      assert.equal(report.summary.failed, 0, `pair ${pair}:\n${failures(report)}`);
      assert.equal(report.summary.skipped, 0, `pair ${pair}:\n${failures(report)}`);
      assert.equal(report.summary.passed, lab.steps.length, `pair ${pair}`);
      assert.equal(run.code, 0, `pair ${pair}: ${run.stderr}`);
    }
    // The deployment reached the second host, and its cleanup left nothing there.
    assert.equal((await server!.cli(['image', 'inspect', 'localhost:8408/pair1-react:1.0'])).code, 1);
    assert.deepEqual((await server!.cli(['ps', '-a', '--format', '{{.Names}}'])).stdout.trim(), '');

    // Mid-lab state for the reset: bring the Compose project back up, as a learner who stops halfway.
    const upAgain = await cli(runs[0].env, ['run', SESSION, ...vars(1), '--yes', '--step', 'compose-file', '--step', 'compose-up-d']);
    assert.equal(upAgain.code, 0, upAgain.stdout + upAgain.stderr);
    assert.ok((await projectLeft('pair1-compose')).length > 0);

    await Promise.all(results.map((r) => cli(r.env, ['reset', r.target, ...vars(r.pair)]).then((x) => assert.equal(x.code, 0, x.stdout + x.stderr))));
    for (const pair of [1, 2]) {
      const owned = ownedNames(lab, pair);
      const kinds: (keyof ResourceSet)[] = ['containers', 'networks', 'volumes', 'images'];
      assert.deepEqual(await leftovers(fx, Object.fromEntries(kinds.map((k) => [k, owned[k]])) as unknown as ResourceSet), [], `pair ${pair}`);
      assert.deepEqual(await projectLeft(`pair${pair}-compose`), [], `pair ${pair}`);
    }
    // The other project is untouched.
    const kept = (await fx.cliOk(['ps', '--filter', `label=com.docker.compose.project=${keepProject}`, '--format', '{{.State}}'])).trim();
    assert.equal(kept, 'running');
    assert.equal((await fx.cli(['volume', 'inspect', `${keepProject}_data`])).code, 0);
  });
});
