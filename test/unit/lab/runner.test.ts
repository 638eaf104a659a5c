// Running steps with a scripted executor and the fake Docker state; reset planning.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  describePlan,
  emptyResources,
  labObjects,
  loadSessionFolder,
  planReset,
  runStep,
  type CommandOutcome,
  type Destructive,
  type Executor,
  type Lab,
  type RunContext,
} from '../../../src/lab';
import { FakeDocker, FakeEnvironment } from './fakeDocker';

class ScriptedExecutor implements Executor {
  ran: string[] = [];
  constructor(private readonly answer: (cmd: string) => CommandOutcome) {}
  async run(cmd: string) {
    this.ran.push(cmd);
    return this.answer(cmd);
  }
}

const MD = `# Lab

## Network {#net}
\`\`\`bash
docker network create pair{{pair}}-network
\`\`\`

## Duplicate {#dup}
\`\`\`bash
docker network create pair{{pair}}-network
\`\`\`

## Web {#web}
\`\`\`bash
docker run -d --name pair{{pair}}-web --network pair{{pair}}-network -p {{8079 + 2*pair}}:80 nginx:alpine
docker run --rm -it alpine sh
\`\`\`

## Cleanup {#cleanup}
\`\`\`bash
docker stop $(docker ps -q)
docker system prune -f
\`\`\`

## Done? {#check}
- [ ] I looked at it
`;

const YAML = `id: t
title: T
variables:
  pair: { type: integer, min: 1, max: 9, default: 1 }
steps:
  - id: net
    checks:
      - network: pair{{pair}}-network
  - id: dup
    expect: { failure: true, output: already exists }
    precondition:
      - network: pair{{pair}}-network
  - id: web
    checks:
      - container: pair{{pair}}-web
        state: running
`;

function lab(): Lab {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-run-'));
  fs.writeFileSync(path.join(dir, 'lab.yaml'), YAML);
  fs.writeFileSync(path.join(dir, 'ko.md'), MD);
  const r = loadSessionFolder(dir, 'en');
  assert.deepStrictEqual(r.problems, []);
  return r.lab!;
}

function context(l: Lab, docker: FakeDocker, executor: Executor, destructive: RunContext['onDestructive'] = async () => 'skip'): RunContext {
  return { lab: l, vars: { pair: '2' }, docker, env: new FakeEnvironment(), executor, headless: true, onDestructive: destructive, tracked: emptyResources() };
}

describe('lab: runner', () => {
  it('runs a step with templates filled in, checks it, records what it created', async () => {
    const l = lab();
    const docker = new FakeDocker();
    const exec = new ScriptedExecutor((cmd) => {
      docker.addNetwork(cmd.split(' ').pop()!);
      return { observed: true, exitCode: 0, output: 'abc' };
    });
    const ctx = context(l, docker, exec);
    const r = await runStep(ctx, l.steps[0]);
    assert.deepStrictEqual(exec.ran, ['docker network create pair2-network']);
    assert.strictEqual(r.status, 'passed', JSON.stringify(r));
    assert.deepStrictEqual(ctx.tracked.networks, ['pair2-network']);
  });

  it('a failed check fails the step with its sentence', async () => {
    const l = lab();
    const r = await runStep(context(l, new FakeDocker(), new ScriptedExecutor(() => ({ observed: true, exitCode: 0 }))), l.steps[0]);
    assert.strictEqual(r.status, 'failed');
    assert.match(r.reason!.en, /Network `pair2-network` does not exist/);
  });

  it('recognises the expected failure, and says so when it does not happen', async () => {
    const l = lab();
    const docker = new FakeDocker().addNetwork('pair2-network');
    const fails = new ScriptedExecutor(() => ({ observed: true, exitCode: 1, output: 'Error response from daemon: network with name pair2-network already exists' }));
    const r = await runStep(context(l, docker, fails), l.steps[1]);
    assert.strictEqual(r.status, 'passed');
    assert.strictEqual(r.expectedFailure, true);
    const succeeds = new ScriptedExecutor(() => ({ observed: true, exitCode: 0 }));
    assert.match((await runStep(context(l, docker, succeeds), l.steps[1])).reason!.en, /expected to fail but succeeded/);
    const other = new ScriptedExecutor(() => ({ observed: true, exitCode: 1, output: 'permission denied' }));
    assert.match((await runStep(context(l, docker, other), l.steps[1])).reason!.en, /not with the expected error/);
  });

  it('checks the precondition first and does not run when it is missing', async () => {
    const l = lab();
    const exec = new ScriptedExecutor(() => ({ observed: true, exitCode: 1 }));
    const r = await runStep(context(l, new FakeDocker(), exec), l.steps[1]);
    assert.strictEqual(r.status, 'failed');
    assert.match(r.reason!.en, /precondition is missing: Network `pair2-network` does not exist/);
    assert.deepStrictEqual(exec.ran, []);
  });

  it('headless: skips commands that need a TTY, stops at the first unexpected failure', async () => {
    const l = lab();
    const docker = new FakeDocker();
    const exec = new ScriptedExecutor(() => {
      docker.addContainer({ name: 'pair2-web' });
      return { observed: true, exitCode: 0 };
    });
    const r = await runStep(context(l, docker, exec), l.steps[2]);
    assert.deepStrictEqual(exec.ran, ['docker run -d --name pair2-web --network pair2-network -p 8083:80 nginx:alpine']);
    assert.strictEqual(r.status, 'passed');
    assert.match(r.commands[1].skipped!.en, /needs a terminal/);
    const failing = new ScriptedExecutor(() => ({ observed: true, exitCode: 125, output: 'docker: Error response from daemon: Conflict.' }));
    const f = await runStep(context(l, new FakeDocker(), failing), l.steps[2]);
    assert.strictEqual(f.status, 'failed');
    assert.match(f.reason!.en, /failed with exit code 125: docker: Error response from daemon: Conflict\./);
  });

  it('destructive commands: skipped without consent, replaced by the lab-scoped cleanup with it', async () => {
    const l = lab();
    const docker = new FakeDocker()
      .addNetwork('pair2-network')
      .addContainer({ name: 'pair2-web', networks: ['pair2-network'] })
      .addContainer({ name: 'learners-own', state: 'running' })
      .addContainer({ name: 'learners-stopped', state: 'exited' });
    const exec = new ScriptedExecutor(() => ({ observed: true, exitCode: 0 }));
    const seen: Destructive['kind'][] = [];
    const skipped = await runStep(context(l, docker, exec, async (_c, d) => (seen.push(d.kind), 'skip')), l.steps[3]);
    assert.deepStrictEqual(seen, ['stop-all', 'system-prune']);
    assert.deepStrictEqual(exec.ran, []);
    assert.strictEqual(skipped.commands.filter((c) => c.skipped).length, 2);

    const scoped = await runStep(context(l, docker, exec, async () => 'scoped'), l.steps[3]);
    assert.deepStrictEqual(exec.ran, [], 'the destructive command itself never runs');
    assert.strictEqual(scoped.status, 'passed');
    assert.deepStrictEqual(docker.log, ['stop pair2-web', 'rm pair2-web', 'network rm pair2-network']);
    assert.ok(docker.containers.has('learners-own') && docker.containers.has('learners-stopped'), "the learner's own containers survive");
  });

  it('manual checkpoints: skipped headless, need ticks in the editor', async () => {
    const l = lab();
    const exec = new ScriptedExecutor(() => ({ observed: true, exitCode: 0 }));
    assert.strictEqual((await runStep(context(l, new FakeDocker(), exec), l.steps[4])).status, 'skipped');
    const editor = { ...context(l, new FakeDocker(), exec), headless: false, manualDone: () => false };
    assert.strictEqual((await runStep(editor, l.steps[4])).status, 'failed');
    assert.strictEqual((await runStep({ ...editor, manualDone: () => true }, l.steps[4])).status, 'passed');
  });

  it('an unobserved run (no shell integration) cannot confirm an expected failure', async () => {
    const l = lab();
    const exec = new ScriptedExecutor(() => ({ observed: false }));
    const r = await runStep({ ...context(l, new FakeDocker().addNetwork('pair2-network'), exec), headless: false }, l.steps[1]);
    assert.strictEqual(r.status, 'failed');
    assert.match(r.reason!.en, /mark the step done by hand/);
  });
});

describe('lab: reset planning', () => {
  it('removes only lab objects (declared, created by its commands, tracked) that exist', async () => {
    const l = lab();
    l.resources.volumes = ['pair{{pair}}-data'];
    const tracked = emptyResources();
    tracked.containers.push('0123456789ab');
    const objects = labObjects(l, { pair: '2' }, tracked);
    assert.deepStrictEqual(objects.containers, ['pair2-web', '0123456789ab']);
    assert.deepStrictEqual(objects.networks, ['pair2-network']);
    assert.deepStrictEqual(objects.volumes, ['pair2-data']);
    const docker = new FakeDocker()
      .addNetwork('pair2-network')
      .addNetwork('pair1-network')
      .addContainer({ name: 'pair2-web', networks: ['pair2-network'] })
      .addContainer({ name: 'pair1-web', networks: ['pair1-network'] })
      .addVolume('unrelated');
    const plan = await planReset(docker, objects);
    assert.deepStrictEqual(describePlan(plan), ['remove container pair2-web', 'remove network pair2-network']);
  });

  it('scoped prune keeps lab objects that are in use', async () => {
    const docker = new FakeDocker()
      .addNetwork('n')
      .addVolume('v')
      .addContainer({ name: 'up', networks: ['n'], mounts: [{ type: 'volume', name: 'v', destination: '/d' }] })
      .addContainer({ name: 'down', state: 'exited' });
    const objects = { containers: ['up', 'down'], networks: ['n'], volumes: ['v'], images: [] };
    const prune = await planReset(docker, objects, { kind: 'system-prune', force: true, allImages: true, volumes: true });
    assert.deepStrictEqual(describePlan(prune), ['remove container down']);
    const rmAll = await planReset(docker, objects, { kind: 'remove-all-containers', force: true, allImages: false, volumes: false });
    assert.deepStrictEqual(describePlan(rmAll), ['remove container up', 'remove container down']);
  });
});
