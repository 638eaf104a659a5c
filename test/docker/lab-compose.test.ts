// The lab's `compose:` check and its reset against real Compose projects on the fixture
// daemon, made by `docker-compose` (v1) and by `docker compose` (the fixture's plugin
// forwarding to it): the same labels, the same answers, passing and failing.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DockerodeState, evaluateCheck, executeReset, nodeEnvironment, planReset, type Check } from '../../src/lab';
import { composeDockerConfig, getFixture, uniqueName, type Fixture } from './fixture';

const COMPOSE = `services:
  web:
    image: busybox:latest
    command: ["httpd", "-f", "-p", "8080"]
    ports:
      - "PORT:8080"
  worker:
    image: busybox:latest
    command: ["sleep", "3600"]
volumes:
  data:
`;

describe('lab: compose checks on real projects, both spellings', function () {
  this.timeout(180000);
  let fx: Fixture;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const projects: string[] = [];

  const compose = (argv: string[], cwd = dir) => {
    const r = spawnSync(argv[0], argv.slice(1), { cwd, env, encoding: 'utf8' });
    assert.equal(r.status, 0, `${argv.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };

  before(async function () {
    fx = await getFixture();
    await fx.cliOk(['pull', 'busybox:latest']);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-compose-'));
    env = { ...fx.env, DOCKER_CONFIG: await composeDockerConfig() };
  });

  after(() => {
    for (const p of projects) spawnSync('docker-compose', ['-p', p, 'down', '-v'], { cwd: dir, env });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const cli of [['docker-compose'], ['docker', 'compose']]) {
    it(`${cli.join(' ')}: a running project passes, what is not there fails with a sentence, and the reset removes it alone`, async () => {
      const project = uniqueName('labcompose');
      const other = uniqueName('labcompose-other');
      projects.push(project, other);
      const port = 20000 + Math.floor(Math.random() * 20000);
      fs.writeFileSync(path.join(dir, 'compose.yaml'), COMPOSE.replace('PORT', String(port)).replace('"sleep"', '"sleep"').replace('volumes:\n  data:\n', 'volumes:\n  data:\n').replace('command: ["sleep", "3600"]', 'command: ["sleep", "3600"]\n    volumes: ["data:/data"]'));
      compose([...cli, '-p', project, 'up', '-d']);
      compose([...cli, '-p', other, 'up', '-d', 'worker']);
      const state = new DockerodeState(fx.docker);
      const lenv = nodeEnvironment(dir, { lang: 'en' });
      const check = (c: Partial<Extract<Check, { kind: 'compose' }>>) => evaluateCheck({ kind: 'compose', project, ...c } as Check, state, lenv, { intervalMs: 50 });

      assert.deepEqual(
        await check({ services: { web: { state: 'running', replicas: 1, ports: [`${port}:8080`] }, worker: { state: 'running' } }, networks: ['default'], volumes: ['data'] }),
        { ok: true },
      );
      assert.match((await check({ services: { web: { ports: [`${port + 1}:8080`] } } })).message!.en, new RegExp(`does not publish \`${port + 1}:8080\``));
      assert.match((await check({ services: { web: { replicas: 2 } } })).message!.en, /has 1 container\(s\), not 2/);
      assert.match((await check({ absent: true })).message!.en, /still has containers/);

      compose([...cli, '-p', project, 'stop', 'worker']);
      assert.deepEqual(await check({ services: { worker: { state: 'exited' }, web: { state: 'running' } } }), { ok: true });
      assert.match((await check({ services: { worker: { state: 'running' } } })).message!.en, /is exited, not running/);

      compose([...cli, '-p', project, 'run', '--rm', 'worker', 'true']);
      assert.deepEqual(await check({ services: { worker: { replicas: 1 } } }), { ok: true });

      const plan = await planReset(state, { containers: [], networks: [], volumes: [`${project}_data`], images: [], composeProjects: [project] });
      const outcome = await executeReset(state, plan);
      assert.deepEqual(outcome.errors, []);
      assert.deepEqual(await check({ absent: true }), { ok: true });
      assert.equal((await fx.cli(['volume', 'inspect', `${project}_data`])).code, 1);
      // The other project is untouched.
      assert.deepEqual(await evaluateCheck({ kind: 'compose', project: other, services: { worker: { state: 'running' } }, networks: ['default'] }, state, lenv), { ok: true });
      compose([...cli, '-p', other, 'down', '-v']);
    });
  }
});
