// The runner and the CLI on the real daemon: a lab's commands run in a shell, the
// intentional errors of the course (duplicate network, port already allocated, isolated
// container) are recognised, destructive cleanup is scoped, and reset removes only what
// the lab made while unrelated objects survive.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DockerodeState, emptyResources, loadSessionFolder, nodeEnvironment, runStep, ShellExecutor, type Lab, type RunContext } from '../../src/lab';
import { getFixture, type Fixture } from './fixture';
import { runProcess, type CliRun } from '../support/cli';

const root = path.resolve(__dirname, '..', '..');
const P = `lr${process.pid}`;
const PORT = 30000 + (process.pid % 20000);

const MD = `# Lab run test

## Network {#net}
\`\`\`bash
docker network create {{p}}-net
\`\`\`

## Duplicate network {#dup-net}
\`\`\`bash
docker network create {{p}}-net
\`\`\`

## Web {#web}
\`\`\`bash
docker run -d \\
  --name {{p}}-web \\
  --network {{p}}-net \\
  -p {{port}}:80 \\
  -v {{p}}-data:/data \\
  nginx:alpine
\`\`\`

## Port conflict {#port}
\`\`\`bash
docker run -d -p {{port}}:80 --name {{p}}-web2 nginx:alpine
\`\`\`

## Isolated {#isolated}
\`\`\`bash
docker run -d --name {{p}}-iso nginx:alpine
docker exec {{p}}-web ping -c 1 {{p}}-iso
\`\`\`

## Build {#build}
\`\`\`bash
docker tag nginx:alpine {{p}}-app:1.0.0
\`\`\`

## Cleanup {#cleanup}
\`\`\`bash
docker stop $(docker ps -q)
docker system prune -f
\`\`\`
`;

const YAML = `id: lab-run-test
title: { ko: 실행 테스트, en: Run test }
variables:
  p: { type: name, default: x }
  port: { type: integer, min: 1024, max: 65535, default: 8081 }
steps:
  - id: net
    checks:
      - network: '{{p}}-net'
        driver: bridge
  - id: dup-net
    precondition:
      - network: '{{p}}-net'
    expect: { failure: true, output: 'already exists' }
  - id: web
    checks:
      - container: '{{p}}-web'
        state: running
        ports: ['{{port}}:80']
        network: '{{p}}-net'
      - http: 'http://127.0.0.1:{{port}}/'
        contains: Welcome to nginx!
        timeout: 15
  - id: port
    precondition:
      - container: '{{p}}-web'
        state: running
    expect: { failure: true, output: 'port is already allocated|Ports are not available' }
  - id: isolated
    expect: { failure: true, output: 'bad address' }
  - id: build
    checks:
      - image: '{{p}}-app:1.0.0'
  - id: cleanup
    checks:
      - container: '{{p}}-web'
        state: absent
      - container: '{{p}}-iso'
        state: absent
`;

function labDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-run-'));
  fs.writeFileSync(path.join(dir, 'lab.yaml'), YAML);
  fs.writeFileSync(path.join(dir, 'ko.md'), MD);
  return dir;
}

/** The lab CLI from source (no build needed), as `docker-labs lab <args>`. */
function cli(fx: Fixture, args: string[]): Promise<CliRun> {
  const entry = "require('./src/cli/lab.ts').runLab(process.argv.slice(1)).then((c) => { process.exitCode = c; })";
  return runProcess(process.execPath, ['-r', './test/register.js', '-e', entry, ...args], { cwd: root, env: { ...fx.env, DOCKER_LABS_LANG: 'en' } });
}

async function names(fx: Fixture): Promise<Record<string, string[]>> {
  const lines = async (args: string[]) => (await fx.cliOk(args)).split('\n').map((l) => l.trim()).filter(Boolean);
  return {
    containers: await lines(['ps', '-a', '--format', '{{.Names}}']),
    networks: await lines(['network', 'ls', '--format', '{{.Name}}']),
    volumes: await lines(['volume', 'ls', '--format', '{{.Name}}']),
    images: await lines(['images', '--format', '{{.Repository}}:{{.Tag}}']),
  };
}

describe('lab runner and CLI on the real daemon', function () {
  this.timeout(180000);
  let fx: Fixture;

  before(async function () {
    fx = await getFixture();
    await fx.cliOk(['pull', 'nginx:alpine']);
    // The learner's own objects, which nothing the lab does may touch.
    await fx.cliOk(['network', 'create', `${P}-mine-net`]);
    await fx.cliOk(['volume', 'create', `${P}-mine-data`]);
    await fx.cliOk(['run', '-d', '--name', `${P}-mine-running`, 'nginx:alpine']);
    await fx.cliOk(['create', '--name', `${P}-mine-stopped`, 'nginx:alpine']);
    await fx.cliOk(['tag', 'nginx:alpine', `${P}-mine-image:1`]);
  });

  after(async function () {
    for (const c of ['mine-running', 'mine-stopped', 'x-web', 'x-web2', 'x-iso']) await fx.cli(['rm', '-f', `${P}-${c}`]);
    await fx.cli(['rm', '-f', `${P}-web`, `${P}-web2`, `${P}-iso`]);
    await fx.cli(['network', 'rm', `${P}-mine-net`, `${P}-net`]);
    await fx.cli(['volume', 'rm', `${P}-mine-data`, `${P}-data`]);
    await fx.cli(['rmi', `${P}-mine-image:1`, `${P}-app:1.0.0`]);
  });

  it('runs every step, recognises each intentional error, cleans up only lab objects', async () => {
    const dir = labDir();
    const lab: Lab = loadSessionFolder(dir, 'en').lab!;
    assert.ok(lab, 'the test lab loads');
    const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-run-wd-'));
    const choices: string[] = [];
    const ctx: RunContext = {
      lab,
      vars: { p: P, port: String(PORT) },
      docker: new DockerodeState(fx.docker),
      env: nodeEnvironment(workdir, { lang: 'en' }),
      executor: new ShellExecutor({ cwd: workdir, env: fx.env }),
      headless: true,
      tracked: emptyResources(),
      onDestructive: async (_cmd, d) => (choices.push(d.kind), 'scoped'),
    };
    const results = [];
    for (const step of lab.steps) results.push(await runStep(ctx, step));
    const summary = results.map((r) => `${r.stepId}:${r.status}${r.reason ? ` (${r.reason.en})` : ''}`);
    assert.deepStrictEqual(
      results.map((r) => r.status),
      lab.steps.map(() => 'passed'),
      summary.join('\n'),
    );
    assert.deepStrictEqual(results.filter((r) => r.expectedFailure).map((r) => r.stepId), ['dup-net', 'port', 'isolated']);
    assert.deepStrictEqual(choices, ['stop-all', 'system-prune']);
    const after = await names(fx);
    for (const mine of [`${P}-mine-running`, `${P}-mine-stopped`]) assert.ok(after.containers.includes(mine), `${mine} survives`);
    assert.ok(after.networks.includes(`${P}-mine-net`));
    assert.ok(after.volumes.includes(`${P}-mine-data`));
    const running = (await fx.cliOk(['inspect', '-f', '{{.State.Running}}', `${P}-mine-running`])).trim();
    assert.strictEqual(running, 'true', "the learner's running container was not stopped");
    // system prune (scoped) removed the lab's stopped containers and its unused network.
    assert.ok(!after.containers.includes(`${P}-web2`));
  });

  it('the expected failure is not "recognised" when the precondition is missing', async () => {
    const lab = loadSessionFolder(labDir(), 'en').lab!;
    const ctx: RunContext = {
      lab,
      vars: { p: `${P}-none`, port: String(PORT) },
      docker: new DockerodeState(fx.docker),
      env: nodeEnvironment(os.tmpdir(), { lang: 'en' }),
      executor: new ShellExecutor({ cwd: os.tmpdir(), env: fx.env }),
      headless: true,
      tracked: emptyResources(),
      onDestructive: async () => 'skip',
    };
    const r = await runStep(ctx, lab.steps.find((s) => s.id === 'dup-net')!);
    assert.strictEqual(r.status, 'failed');
    assert.match(r.reason!.en, /precondition is missing: Network `lr\d+-none-net` does not exist/);
  });

  it('docker-labs lab run / reset: exit codes, scoped reset, unrelated objects survive', async () => {
    const dir = labDir();
    const before = await names(fx);
    const run = await cli(fx, ['run', dir, '--var', `p=${P}`, '--var', `port=${PORT}`, '--yes']);
    assert.strictEqual(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /\[pass\] dup-net[^\n]*\n\s+expected failure recognised/);
    assert.match(run.stdout, /Result: 7\/7 steps passed, 0 failed, 0 skipped/);
    assert.match(run.stdout, /reaches beyond the lab \(stop-all\); cleaning up only what the lab created/);

    // The cleanup step removed the lab's network, so the web step now fails, in JSON.
    const json = await cli(fx, ['run', dir, '--var', `p=${P}`, '--var', `port=${PORT}`, '--format', 'json', '--step', 'web']);
    assert.strictEqual(json.code, 1, json.stdout + json.stderr);
    const parsed = JSON.parse(json.stdout);
    assert.strictEqual(parsed.summary.failed, 1);
    assert.match(parsed.steps[0].reason.en, /network .* not found/i);

    // (docker created the container before it found the network missing: reset removes it too.)
    const again2 = await cli(fx, ['run', dir, '--var', `p=${P}`, '--var', `port=${PORT}`, '--step', 'net']);
    assert.strictEqual(again2.code, 0, again2.stdout + again2.stderr);

    const dry = await cli(fx, ['reset', dir, '--var', `p=${P}`, '--dry-run']);
    assert.match(dry.stdout, new RegExp(`remove container ${P}-web\\b`));
    assert.match(dry.stdout, new RegExp(`remove network ${P}-net\\b`));
    assert.match(dry.stdout, new RegExp(`remove volume ${P}-data\\b`));
    assert.match(dry.stdout, new RegExp(`remove image ${P}-app:1.0.0\\b`));
    assert.ok(!dry.stdout.includes('mine'), dry.stdout);

    const reset = await cli(fx, ['reset', dir, '--var', `p=${P}`]);
    assert.strictEqual(reset.code, 0, reset.stdout + reset.stderr);
    const after = await names(fx);
    for (const kind of Object.keys(after)) {
      const labLeft = after[kind].filter((n) => n.startsWith(`${P}-`) && !n.startsWith(`${P}-mine`));
      assert.deepStrictEqual(labLeft, [], `no lab ${kind} left`);
      const unrelated = before[kind].filter((n) => !n.startsWith(`${P}-`) || n.startsWith(`${P}-mine`));
      for (const n of unrelated) assert.ok(after[kind].includes(n), `${kind} ${n} survived the reset`);
    }
    const again = await cli(fx, ['reset', dir, '--var', `p=${P}`]);
    assert.match(again.stdout, /No lab objects to remove/);
  });

  it('without --yes the destructive command is not run at all', async () => {
    const dir = labDir();
    const r = await cli(fx, ['run', dir, '--var', `p=${P}`, '--var', `port=${PORT}`, '--step', 'cleanup']);
    assert.match(r.stdout, /reaches beyond the lab: not run/);
    assert.strictEqual((await fx.cliOk(['inspect', '-f', '{{.State.Running}}', `${P}-mine-running`])).trim(), 'true');
  });
});

describe('lab pre-pull on the real daemon', function () {
  this.timeout(180000);
  it('docker-labs lab pull fetches every image the session lists', async () => {
    const fx = await getFixture();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-pull-'));
    fs.writeFileSync(path.join(dir, 'lab.yaml'), 'id: pull-test\ntitle: Pull\nimages: [redis:7-alpine, httpd:alpine]\n');
    fs.writeFileSync(path.join(dir, 'ko.md'), '# Pull\n');
    const r = await cli(fx, ['pull', dir]);
    assert.strictEqual(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /pulled redis:7-alpine\npulled httpd:alpine/);
    for (const image of ['redis:7-alpine', 'httpd:alpine']) assert.ok(await fx.docker.getImage(image).inspect());
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-pull-'));
    fs.writeFileSync(path.join(bad, 'lab.yaml'), `id: pull-bad\ntitle: Pull\nimages: [${P}-does-not-exist:1]\n`);
    fs.writeFileSync(path.join(bad, 'ko.md'), '# Pull\n');
    const failed = await cli(fx, ['pull', bad]);
    assert.strictEqual(failed.code, 1);
    assert.match(failed.stderr, new RegExp(`failed ${P}-does-not-exist:1`));
  });
});
