// Compose against the fixture daemon: Debian's docker-compose (v1) as such, and
// `docker compose` (v2 syntax, what learners type) through the fixture's CLI
// plugin that forwards to it (scripts/docker-fixture.mjs composeDockerConfig).
// Both label what they make with the project and service, which is how the
// explorer and the labs recognise a compose project.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { composeDockerConfig, getFixture, orSkip, toolUnavailable, uniqueName, type CliResult, type Fixture } from './fixture';
import { runProcess } from '../support/cli';

const COMPOSE_FILE = `version: "3.8"
services:
  web:
    image: nginx:alpine
  cache:
    image: redis:7-alpine
`;

const run = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliResult> => runProcess(cmd, args, { cwd, env });

describe('docker-compose (v1) and docker compose (v2 syntax) on the fixture daemon', function () {
  this.timeout(180000);
  let fx: Fixture;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const projects: string[] = [];

  before(async function () {
    fx = await getFixture();
    await orSkip(this, async () => {
      if (spawnSync('docker-compose', ['version']).status !== 0) throw toolUnavailable('docker-compose is not installed (apt-get install docker-compose)');
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-compose-'));
    fs.writeFileSync(path.join(dir, 'docker-compose.yml'), COMPOSE_FILE);
    env = { ...fx.env, DOCKER_CONFIG: await composeDockerConfig() };
  });

  after(async function () {
    if (!dir) return;
    for (const p of projects) await run('docker-compose', ['-p', p, 'down', '-v'], dir, env);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function expectProject(project: string) {
    const rows = (await fx.cliOk(['ps', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Label "com.docker.compose.service"}} {{.State}}']))
      .trim()
      .split('\n')
      .sort();
    assert.deepEqual(rows, ['cache running', 'web running']);
  }

  it('docker-compose -p x up -d', async function () {
    const project = uniqueName('composev1').replace(/-/g, '');
    projects.push(project);
    const up = await run('docker-compose', ['-p', project, 'up', '-d'], dir, env);
    assert.equal(up.code, 0, up.stderr);
    await expectProject(project);
  });

  it('docker compose -p y up -d (the CLI plugin)', async function () {
    const version = await run('docker', ['compose', 'version'], dir, env);
    assert.equal(version.code, 0, version.stderr);
    assert.match(version.stdout, /docker-compose version 1\./);
    const project = uniqueName('composev2').replace(/-/g, '');
    projects.push(project);
    const up = await run('docker', ['compose', '-p', project, 'up', '-d'], dir, env);
    assert.equal(up.code, 0, up.stderr);
    await expectProject(project);
    const ps = await run('docker', ['compose', '-p', project, 'ps', '--services'], dir, env);
    assert.deepEqual(ps.stdout.trim().split('\n').sort(), ['cache', 'web']);
  });

});
