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
  checkStep,
  checksPassBeforeRun,
  isLastCommand,
  runCommand,
  runStep,
  startsStep,
  type CommandOutcome,
  type Destructive,
  type ExecutedCommand,
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

function lab(md = MD, yaml = YAML): Lab {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-run-'));
  fs.writeFileSync(path.join(dir, 'lab.yaml'), yaml);
  fs.writeFileSync(path.join(dir, 'ko.md'), md);
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

  it('tells a step whose checks already pass before it runs (they observe earlier steps) from one that observes itself', async () => {
    const l = lab();
    const empty = new FakeDocker();
    const [net, dup, web] = l.steps;
    assert.strictEqual(await checksPassBeforeRun(context(l, empty, new ScriptedExecutor(() => ({ observed: true, exitCode: 0 }))), net), false);
    const left = new FakeDocker().addNetwork('pair2-network');
    const ctx = context(l, left, new ScriptedExecutor(() => ({ observed: true, exitCode: 0 })));
    assert.strictEqual(await checksPassBeforeRun(ctx, net), true, 'the network an earlier run left makes the step tick before it runs');
    assert.strictEqual(await checksPassBeforeRun(ctx, dup), false, 'an expected failure is judged by its command');
    assert.strictEqual(await checksPassBeforeRun(ctx, web), false);
  });

  it("a step for other systems (`os:`) is skipped with the reason and runs nothing; on its own system it runs", async () => {
    const l = lab();
    const linuxOnly = { ...l.steps[0], os: ['linux' as const] };
    const exec = new ScriptedExecutor(() => ({ observed: true, exitCode: 0 }));
    const elsewhere = await runStep({ ...context(l, new FakeDocker(), exec), os: 'mac' }, linuxOnly);
    assert.strictEqual(elsewhere.status, 'skipped');
    assert.match(elsewhere.reason!.en, /for Linux only \(this is macOS\)/);
    assert.match(elsewhere.reason!.ko, /Linux에서만 실습합니다/);
    assert.deepStrictEqual(exec.ran, []);
    const docker = new FakeDocker();
    const here = new ScriptedExecutor((cmd) => {
      docker.addNetwork(cmd.split(' ').pop()!);
      return { observed: true, exitCode: 0 };
    });
    assert.strictEqual((await runStep({ ...context(l, docker, here), os: 'linux' }, linuxOnly)).status, 'passed');
    assert.deepStrictEqual(here.ran, ['docker network create pair2-network']);
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

/** An executor that records the options each command got. */
class RecordingExecutor implements Executor {
  ran: { cmd: string; timeoutMs: number; longRunning: boolean }[] = [];
  constructor(private readonly answer: (cmd: string) => CommandOutcome = () => ({ observed: true, exitCode: 0 })) {}
  async run(cmd: string, options: { timeoutMs: number; longRunning: boolean }) {
    this.ran.push({ cmd, ...options });
    return this.answer(cmd);
  }
}

const TIMED_MD = `# Timed

## Logs {#logs}
\`\`\`bash
docker run -d --name pair{{pair}}-web nginx:alpine
docker logs -f pair{{pair}}-web
\`\`\`

## Slow {#slow}
\`\`\`bash
docker pull nginx:alpine
\`\`\`
`;

const TIMED_YAML = `id: timed
title: Timed
variables:
  pair: { type: integer, min: 1, max: 9, default: 1 }
steps:
  - id: logs
    timeout: 20
  - id: slow
    precondition:
      - container: pair{{pair}}-web
        state: running
`;

describe('lab: runCommand, one command on both routes (run step, the ▶ of one command)', () => {
  it('▶: checks the precondition first and runs nothing when it is missing; runs once it holds', async () => {
    const l = lab();
    const dup = l.steps[1];
    const exec = new RecordingExecutor();
    const ctx = context(l, new FakeDocker(), exec);
    const blocked = await runCommand(ctx, dup, 0);
    assert.strictEqual(blocked.kind, 'blocked');
    assert.match(blocked.kind === 'blocked' ? blocked.result.reason!.en : '', /precondition is missing: Network `pair2-network` does not exist/);
    assert.strictEqual(exec.ran.length, 0);

    const ran = await runCommand(context(l, new FakeDocker().addNetwork('pair2-network'), exec), dup, 0);
    assert.strictEqual(ran.kind, 'ran');
    assert.deepStrictEqual(exec.ran.map((r) => r.cmd), ['docker network create pair2-network']);
  });

  it('▶: a command that does not start the step skips the precondition when told so', async () => {
    const l = lab();
    const exec = new RecordingExecutor();
    const r = await runCommand(context(l, new FakeDocker(), exec), l.steps[1], 0, { precondition: false });
    assert.strictEqual(r.kind, 'ran');
    assert.strictEqual(exec.ran.length, 1);
  });

  it('run step: the precondition is checked once, before the first command, not before each', async () => {
    const l = lab(TIMED_MD, TIMED_YAML.replace('    timeout: 20\n', '    timeout: 20\n    precondition:\n      - network: pair{{pair}}-net\n'));
    const docker = new FakeDocker().addNetwork('pair2-net');
    const asked: string[] = [];
    const network = docker.network.bind(docker);
    docker.network = async (name: string) => (asked.push(name), network(name));
    const exec = new RecordingExecutor();
    const r = await runStep(context(l, docker, exec), l.steps[0]);
    assert.strictEqual(exec.ran.length, 2);
    assert.strictEqual(r.status, 'passed', JSON.stringify(r.reason));
    assert.deepStrictEqual(asked, ['pair2-net']);
  });

  it('both routes give the executor the step timeout, and mark a never-ending command as long-running', async () => {
    const l = lab(TIMED_MD, TIMED_YAML);
    const logs = l.steps[0];
    const editor = (exec: Executor): RunContext => ({ ...context(l, new FakeDocker(), exec), headless: false });

    const stepRoute = new RecordingExecutor();
    await runStep(editor(stepRoute), logs);
    assert.deepStrictEqual(stepRoute.ran, [
      { cmd: 'docker run -d --name pair2-web nginx:alpine', timeoutMs: 20_000, longRunning: false },
      { cmd: 'docker logs -f pair2-web', timeoutMs: 20_000, longRunning: true },
    ]);

    const commandRoute = new RecordingExecutor();
    await runCommand(editor(commandRoute), logs, 1);
    assert.deepStrictEqual(commandRoute.ran, [stepRoute.ran[1]], 'the ▶ of one command runs it exactly as run step does');
  });

  it('without a step timeout: the default; headless, a long-running command stops after longRunningS', async () => {
    const l = lab(TIMED_MD, TIMED_YAML);
    const exec = new RecordingExecutor();
    const docker = new FakeDocker().addContainer({ name: 'pair2-web', state: 'running' });
    await runCommand({ ...context(l, docker, exec), defaultTimeoutS: 42 }, l.steps[1], 0);
    await runCommand({ ...context(l, docker, exec), longRunningS: 3 }, l.steps[0], 1);
    await runCommand({ ...context(l, docker, exec), headless: false }, l.steps[1], 0);
    assert.deepStrictEqual(
      exec.ran.map((r) => [r.timeoutMs, r.longRunning]),
      [
        [42_000, false],
        [3_000, true],
        [300_000, false],
      ],
    );
  });

  it('a long-running command that was stopped is not a failure; any other command that ran out of time is', async () => {
    const l = lab(TIMED_MD, TIMED_YAML);
    const docker = new FakeDocker().addContainer({ name: 'pair2-web', state: 'running' });
    const timesOut = new RecordingExecutor(() => ({ observed: true, exitCode: 130, timedOut: true }));
    const logs = await runCommand(context(l, docker, timesOut), l.steps[0], 1);
    assert.ok(logs.kind === 'ran' && !logs.failed, 'logs -f stopped after its time');
    const slow = await runCommand(context(l, docker, timesOut), l.steps[1], 0);
    assert.ok(slow.kind === 'ran' && slow.failed, 'a pull that ran out of time failed');
    const step = await runStep(context(l, docker, timesOut), l.steps[1]);
    assert.strictEqual(step.status, 'failed');
    assert.match(step.reason!.en, /did not finish in time/);
  });

  it('the callbacks carry the command index, on both routes', async () => {
    const l = lab();
    const web = l.steps[2];
    const seen: string[] = [];
    const ctx: RunContext = {
      ...context(l, new FakeDocker(), new RecordingExecutor()),
      headless: false,
      onCommandStart: (step, index, text) => seen.push(`start ${step.id} ${index} ${text.split(' ')[1]}`),
      onCommandEnd: (step, index, e) => seen.push(`end ${step.id} ${index} ${e.index}`),
    };
    await runStep(ctx, web);
    assert.deepStrictEqual(seen, ['start web 0 run', 'end web 0 0', 'start web 1 run', 'end web 1 1']);
    seen.length = 0;
    await runCommand(ctx, web, 1);
    assert.deepStrictEqual(seen, ['start web 1 run', 'end web 1 1']);
  });

  it('headless form: indexes count its commands; what ran has no Markdown index', async () => {
    const l = lab();
    const step = { ...l.steps[0], headless: ['docker network create a', 'docker network create b'] };
    const starts: number[] = [];
    const exec = new RecordingExecutor();
    const ctx = { ...context(l, new FakeDocker(), exec), onCommandStart: (_s: unknown, index: number) => starts.push(index) };
    const r = await runCommand(ctx, step, 1);
    assert.deepStrictEqual(exec.ran.map((x) => x.cmd), ['docker network create b']);
    assert.ok(r.kind === 'ran' && r.command.index === undefined);
    await runStep(ctx, step);
    assert.deepStrictEqual(starts, [1, 0, 1]);
  });

  it('an index that names no runnable command runs nothing', async () => {
    const l = lab();
    const exec = new RecordingExecutor();
    assert.strictEqual((await runCommand({ ...context(l, new FakeDocker(), exec), headless: false }, l.steps[0], 5)).kind, 'unknown');
    assert.deepStrictEqual(exec.ran, []);
  });

  it('records what a command created, on the ▶ route too', async () => {
    const l = lab();
    const ctx = context(l, new FakeDocker(), new RecordingExecutor());
    await runCommand(ctx, l.steps[0], 0);
    assert.deepStrictEqual(ctx.tracked.networks, ['pair2-network']);
  });
});

describe('lab: the ▶ route around runCommand (which command starts a step, checking from the last runs)', () => {
  const ran = (index: number, text: string, exitCode: number): ExecutedCommand => ({ index, text, outcome: { observed: true, exitCode } });

  it('a command starts its step when no runnable command before it has run', () => {
    const web = lab().steps[2];
    assert.strictEqual(startsStep(web, 0, new Map()), true);
    assert.strictEqual(startsStep(web, 1, new Map()), true, 'the first command has not run: the step starts here');
    assert.strictEqual(startsStep(web, 1, new Map([[0, ran(0, 'docker run', 0)]])), false);
    assert.strictEqual(startsStep(web, 0, new Map([[0, ran(0, 'docker run', 0)]])), true, 'running the first command again starts over');
  });

  it('the last runnable command of a step', () => {
    const web = lab().steps[2];
    assert.strictEqual(isLastCommand(web, 0), false);
    assert.strictEqual(isLastCommand(web, 1), true);
  });

  it('✓ Check judges the expected failure from the last runs', async () => {
    const l = lab();
    const dup = l.steps[1];
    const ctx = { ...context(l, new FakeDocker().addNetwork('pair2-network'), new RecordingExecutor()), headless: false };
    const none = await checkStep(ctx, dup, new Map());
    assert.match(none.reason!.en, /Run this step's command first/);
    const failedRight = new Map([[0, { ...ran(0, 'docker network create pair2-network', 1), outcome: { observed: true, exitCode: 1, output: 'network with name pair2-network already exists' } }]]);
    const ok = await checkStep(ctx, dup, failedRight);
    assert.strictEqual(ok.status, 'passed');
    assert.strictEqual(ok.expectedFailure, true);
    assert.strictEqual(ok.commands[0].text, 'docker network create pair2-network');
  });
});
