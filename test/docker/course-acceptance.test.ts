// Acceptance for the built-in course, in CI, against the fixture daemon and its registry
// mirror, through the real command line (dist/cli.js):
//   - every session runs end to end with `docker-labs lab run <session> --var pair=1 --yes`:
//     every step passes and every expected failure is recognised;
//   - pair 1 and pair 2 run each session at the same time without a name or port clash;
//   - after `docker-labs lab reset`, no lab object is left, and every object that existed
//     before (including the kind a real `docker system prune -a --volumes` would delete) is
//     still there.
// The daemon is shared with other suites, so "objects that existed before" are objects this
// file makes for the purpose, plus the images the sessions pulled.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { labObjects, loadSessionFolder, discoverSessions, type Lab, type ResourceSet } from '../../src/lab';
import { getFixture, uniqueName, type Fixture } from './fixture';

const root = path.resolve(__dirname, '..', '..');
const cliPath = path.join(root, 'dist', 'cli.js');
const SESSIONS = ['basics', 'images-containers', 'image-management', 'images-networking-storage'];

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

interface StepReport {
  stepId: string;
  status: 'passed' | 'failed' | 'skipped';
  reason?: { en: string };
  expectedFailure?: boolean;
}

interface RunReport {
  session: string;
  steps: StepReport[];
  created: ResourceSet;
  summary: { total: number; passed: number; failed: number; skipped: number };
}

function labCli(fx: Fixture, args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, 'lab', ...args], { cwd: root, env: { ...fx.env, DOCKER_LABS_LANG: 'en' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** `lab run … --format json`, parsed; the whole output in the message when it is not JSON. */
async function runSession(fx: Fixture, session: string, pair: number): Promise<{ run: CliRun; report: RunReport }> {
  const run = await labCli(fx, ['run', session, '--var', `pair=${pair}`, '--yes', '--format', 'json']);
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
  for (const kind of Object.keys(owned) as (keyof ResourceSet)[]) {
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

      const { run, report } = await runSession(fx, session, 1);
      assert.equal(report.summary.failed, 0, failures(report));
      assert.equal(report.summary.skipped, 0, failures(report));
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
