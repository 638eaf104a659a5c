// Every check kind passing and failing on real objects of the fixture daemon, through
// the same DockerodeState the CLI and the editor use.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DockerodeState, evaluateCheck, nodeEnvironment, type Check } from '../../src/lab';
import { lintForLab } from '../../src/lab/check/lintAdapter';
import { getFixture, type Fixture } from './fixture';

const P = `lc${process.pid}`;

describe('lab checks against the real daemon', function () {
  let fx: Fixture;
  let state: DockerodeState;
  let workdir: string;
  let port: number;

  const run = (check: Check) => evaluateCheck(check, state, nodeEnvironment(workdir, { lang: 'en', lint: lintForLab }), { intervalMs: 200 });

  before(async function () {
    fx = await getFixture();
    state = new DockerodeState(fx.docker);
    workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-checks-'));
    port = 20000 + (process.pid % 20000);
    await fx.cliOk(['pull', 'nginx:alpine']);
    await fx.cliOk(['network', 'create', '--driver', 'bridge', '--subnet', `10.${200 + (process.pid % 50)}.${process.pid % 250}.0/24`, `${P}-net`]);
    await fx.cliOk(['network', 'create', `${P}-other`]);
    await fx.cliOk(['volume', 'create', `${P}-data`]);
    await fx.cliOk(['run', '-d', '--name', `${P}-web`, '--network', `${P}-net`, '-p', `${port}:80`, '-e', 'APP_MODE=lab', '-v', `${P}-data:/data`, 'nginx:alpine']);
    await fx.cliOk(['run', '-d', '--name', `${P}-db`, '--network', `${P}-net`, 'nginx:alpine', 'sh', '-c', 'echo starting; sleep 2; echo ready for connections; sleep 600']);
    await fx.cliOk(['run', '-d', '--name', `${P}-alone`, '--network', `${P}-other`, 'nginx:alpine']);
    await fx.cliOk(['run', '--name', `${P}-done`, 'nginx:alpine', 'true']);
  });

  after(async function () {
    for (const c of ['web', 'db', 'alone', 'done']) await fx.cli(['rm', '-f', `${P}-${c}`]);
    for (const n of ['net', 'other']) await fx.cli(['network', 'rm', `${P}-${n}`]);
    await fx.cli(['volume', 'rm', `${P}-data`]);
  });

  it('image present / absent', async () => {
    assert.strictEqual((await run({ kind: 'image', ref: 'nginx:alpine' })).ok, true);
    const missing = await run({ kind: 'image', ref: `${P}-nothing:1.0` });
    assert.strictEqual(missing.ok, false);
    assert.match(missing.message!.en, /is missing/);
    assert.strictEqual((await run({ kind: 'image', ref: `${P}-nothing:1.0`, absent: true })).ok, true);
  });

  it('container running / exited / absent with image, port, network, env', async () => {
    const web: Check = { kind: 'container', name: `${P}-web`, state: 'running', image: 'nginx:alpine', ports: [`${port}:80`], network: `${P}-net`, env: { APP_MODE: 'lab' } };
    assert.deepStrictEqual(await run(web), { ok: true });
    assert.match((await run({ ...web, ports: [`${port + 1}:80`] } as Check)).message!.en, /does not publish/);
    assert.match((await run({ ...web, network: `${P}-other` } as Check)).message!.en, /is not on network/);
    assert.match((await run({ ...web, env: { APP_MODE: 'prod' } } as Check)).message!.en, /does not have `APP_MODE=prod`/);
    assert.match((await run({ ...web, image: 'httpd:alpine' } as Check)).message!.en, /runs `nginx:alpine`, not `httpd:alpine`/);
    assert.strictEqual((await run({ kind: 'container', name: `${P}-done`, state: 'exited' })).ok, true);
    assert.match((await run({ kind: 'container', name: `${P}-done`, state: 'running' })).message!.en, /is exited, not running/);
    assert.strictEqual((await run({ kind: 'container', name: `${P}-gone`, state: 'absent' })).ok, true);
    assert.match((await run({ kind: 'container', name: `${P}-gone` })).message!.en, /does not exist/);
    // A name that is a prefix of another container's name is not that container.
    assert.match((await run({ kind: 'container', name: `${P}-we` })).message!.en, /does not exist/);
  });

  it('network driver, subnet, members', async () => {
    const net = await fx.docker.getNetwork(`${P}-net`).inspect();
    const subnet = net.IPAM?.Config?.[0]?.Subnet as string;
    assert.strictEqual((await run({ kind: 'network', name: `${P}-net`, driver: 'bridge', subnet, containers: [`${P}-web`, `${P}-db`] })).ok, true);
    assert.match((await run({ kind: 'network', name: `${P}-net`, containers: [`${P}-alone`] })).message!.en, /is not on network/);
    assert.match((await run({ kind: 'network', name: `${P}-net`, driver: 'overlay' })).message!.en, /not overlay/);
    assert.match((await run({ kind: 'network', name: `${P}-net`, subnet: '10.9.9.0/24' })).message!.en, /does not have subnet/);
    assert.strictEqual((await run({ kind: 'network', name: `${P}-none`, absent: true })).ok, true);
  });

  it('volume exists and is mounted at a path', async () => {
    assert.strictEqual((await run({ kind: 'volume', name: `${P}-data`, mountedIn: `${P}-web`, path: '/data' })).ok, true);
    assert.match((await run({ kind: 'volume', name: `${P}-data`, mountedIn: `${P}-web`, path: '/var/lib/data' })).message!.en, /not mounted/);
    assert.match((await run({ kind: 'volume', name: `${P}-data`, mountedIn: `${P}-db` })).message!.en, /not mounted/);
    assert.match((await run({ kind: 'volume', name: `${P}-nodata` })).message!.en, /does not exist/);
  });

  it('logs contain a text within the timeout', async () => {
    assert.strictEqual((await run({ kind: 'logs', container: `${P}-db`, contains: 'ready for connections', timeout: 20 })).ok, true);
    const r = await run({ kind: 'logs', container: `${P}-db`, contains: 'never printed', timeout: 0.5 });
    assert.match(r.message!.en, /do not show "never printed" yet/);
  });

  it('exec succeeds by name on the same network, fails from an isolated container', async () => {
    assert.strictEqual((await run({ kind: 'exec', container: `${P}-web`, command: ['ping', '-c', '1', `${P}-db`] })).ok, true);
    const isolated = await run({ kind: 'exec', container: `${P}-alone`, command: ['ping', '-c', '1', `${P}-db`] });
    assert.strictEqual(isolated.ok, false);
    assert.match(isolated.message!.en, /exited with 1, not 0 \("ping: bad address/);
    assert.strictEqual((await run({ kind: 'exec', container: `${P}-web`, command: ['cat', '/etc/hostname'], contains: '' })).ok, true);
  });

  it('HTTP GET to a published port', async () => {
    assert.strictEqual((await run({ kind: 'http', url: `http://127.0.0.1:${port}/`, contains: 'Welcome to nginx!', timeout: 15 })).ok, true);
    assert.match((await run({ kind: 'http', url: `http://127.0.0.1:${port}/`, contains: 'Apache', timeout: 1 })).message!.en, /does not contain "Apache"/);
    assert.match((await run({ kind: 'http', url: `http://127.0.0.1:${port}/missing.html`, timeout: 1 })).message!.en, /answered 404, not 200/);
    assert.match((await run({ kind: 'http', url: `http://127.0.0.1:${port + 1}/`, timeout: 1 })).message!.en, /Cannot reach/);
  });

  it('file and lint (the linter is the grader)', async () => {
    fs.writeFileSync(path.join(workdir, 'Dockerfile'), 'FROM node:18\nCOPY . .\nRUN npm install\nCMD ["node", "app.js"]\n');
    assert.strictEqual((await run({ kind: 'file', path: 'Dockerfile', contains: 'FROM' })).ok, true);
    assert.match((await run({ kind: 'file', path: '../outside' })).message!.en, /does not exist/);
    const bad = await run({ kind: 'lint', path: 'Dockerfile' });
    assert.strictEqual(bad.ok, false);
    assert.match(bad.message!.en, /line \d+: .*\[[a-z-]+\]/);
    fs.writeFileSync(
      path.join(workdir, 'Dockerfile'),
      'FROM node:20-alpine AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci && npm cache clean --force\nCOPY . .\nRUN npm run build\n\nFROM node:20-alpine\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nUSER node\nCMD ["node", "dist/app.js"]\n',
    );
    const good = await run({ kind: 'lint', path: 'Dockerfile' });
    assert.strictEqual(good.ok, true, good.message?.en);
  });
});
