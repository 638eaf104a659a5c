// Check evaluation against a fake of the engine's own DockerState interface.
import * as assert from 'assert';
import { evaluateCheck, resolveCheck, type Check } from '../../../src/lab';
import { FakeDocker, FakeEnvironment } from './fakeDocker';

async function run(check: Check, docker: FakeDocker, env = new FakeEnvironment()) {
  return evaluateCheck(check, docker, env, { intervalMs: 5 });
}

describe('lab: checks', () => {
  it('image present / absent / smaller than', async () => {
    const d = new FakeDocker().addImage('nginx:alpine', 40).addImage('myapp:basic', 900).addImage('myapp:optimized', 150);
    assert.strictEqual((await run({ kind: 'image', ref: 'docker.io/library/nginx:alpine' }, d)).ok, true);
    const missing = await run({ kind: 'image', ref: 'mysql:8.0' }, d);
    assert.strictEqual(missing.ok, false);
    assert.match(missing.message!.en, /Image `mysql:8.0` is missing/);
    assert.match(missing.message!.ko, /이미지 `mysql:8.0`가 없습니다/);
    assert.strictEqual((await run({ kind: 'image', ref: 'mysql:8.0', absent: true }, d)).ok, true);
    assert.strictEqual((await run({ kind: 'image', ref: 'myapp:optimized', smallerThan: 'myapp:basic' }, d)).ok, true);
    assert.match((await run({ kind: 'image', ref: 'myapp:basic', smallerThan: 'myapp:optimized' }, d)).message!.en, /not smaller/);
  });

  it('container state, image, ports, network, env', async () => {
    const d = new FakeDocker().addNetwork('pair1-network').addContainer({
      name: 'pair1-web',
      image: 'nginx:alpine',
      ports: [{ containerPort: '80/tcp', hostPort: '8081' }],
      networks: ['pair1-network'],
      env: { MYSQL_DATABASE: 'webapp' },
    });
    const ok: Check = { kind: 'container', name: 'pair1-web', state: 'running', image: 'nginx:alpine', ports: ['8081:80'], network: 'pair1-network', env: { MYSQL_DATABASE: 'webapp' } };
    assert.deepStrictEqual(await run(ok, d), { ok: true });
    const cases: [Partial<Check>, RegExp][] = [
      [{ state: 'exited' }, /is running, not exited/],
      [{ image: 'httpd:alpine' }, /runs `nginx:alpine`, not `httpd:alpine`/],
      [{ ports: ['8083:80'] }, /does not publish `8083:80`/],
      [{ network: 'pair2-network' }, /not on network `pair2-network`/],
      [{ env: { MYSQL_DATABASE: 'other' } }, /does not have `MYSQL_DATABASE=other`/],
    ];
    for (const [change, expected] of cases) {
      const r = await run({ ...ok, ...change } as Check, d);
      assert.strictEqual(r.ok, false);
      assert.match(r.message!.en, expected);
      assert.ok(r.message!.ko.length > 10);
    }
    assert.match((await run({ kind: 'container', name: 'ghost' }, d)).message!.en, /does not exist/);
    assert.strictEqual((await run({ kind: 'container', name: 'ghost', state: 'absent' }, d)).ok, true);
    assert.match((await run({ kind: 'container', name: 'pair1-web', state: 'absent' }, d)).message!.en, /still exists/);
  });

  it('network driver, subnet, members; volume mounted at a path', async () => {
    const d = new FakeDocker()
      .addNetwork('n1', 'bridge', ['172.30.0.0/24'])
      .addVolume('pgdata')
      .addContainer({ name: 'db', networks: ['n1'], mounts: [{ type: 'volume', name: 'pgdata', destination: '/var/lib/postgresql/data' }] });
    assert.strictEqual((await run({ kind: 'network', name: 'n1', driver: 'bridge', subnet: '172.30.0.0/24', containers: ['db'] }, d)).ok, true);
    assert.match((await run({ kind: 'network', name: 'n1', driver: 'overlay' }, d)).message!.en, /uses driver bridge, not overlay/);
    assert.match((await run({ kind: 'network', name: 'n1', containers: ['web'] }, d)).message!.en, /`web` is not on network `n1`/);
    assert.match((await run({ kind: 'network', name: 'n2' }, d)).message!.en, /does not exist/);
    assert.strictEqual((await run({ kind: 'volume', name: 'pgdata', mountedIn: 'db', path: '/var/lib/postgresql/data' }, d)).ok, true);
    assert.match((await run({ kind: 'volume', name: 'pgdata', mountedIn: 'db', path: '/data' }, d)).message!.en, /not mounted in `db` at \/data/);
    assert.match((await run({ kind: 'volume', name: 'other' }, d)).message!.en, /does not exist/);
  });

  it('logs wait up to the timeout', async () => {
    const d = new FakeDocker().addContainer({ name: 'db', logs: 'starting\n' });
    setTimeout(() => (d.containers.get('db')!.logs += 'ready for connections\n'), 60);
    const started = Date.now();
    assert.strictEqual((await run({ kind: 'logs', container: 'db', contains: 'ready for connections', timeout: 2 }, d)).ok, true);
    assert.ok(Date.now() - started >= 50);
    const r = await run({ kind: 'logs', container: 'db', contains: 'never', timeout: 0.05 }, d);
    assert.match(r.message!.en, /do not show "never" yet/);
  });

  it('exec exit code and output', async () => {
    const d = new FakeDocker().addContainer({ name: 'web', exec: (argv) => (argv.includes('db') ? { exitCode: 0, output: '64 bytes from db' } : { exitCode: 1, output: "ping: bad address 'x'" }) });
    assert.strictEqual((await run({ kind: 'exec', container: 'web', command: ['ping', '-c1', 'db'], contains: 'bytes from' }, d)).ok, true);
    const r = await run({ kind: 'exec', container: 'web', command: ['ping', '-c1', 'x'] }, d);
    assert.match(r.message!.en, /exited with 1, not 0 \("ping: bad address 'x'"\)/);
    assert.strictEqual((await run({ kind: 'exec', container: 'web', command: ['ping', '-c1', 'x'], exitCode: 1 }, d)).ok, true);
  });

  it('http, file, lint, manual', async () => {
    const d = new FakeDocker();
    const env = new FakeEnvironment();
    env.pages.set('http://localhost:8081/', { status: 200, body: '<h1>Welcome to nginx!</h1>' });
    assert.strictEqual((await run({ kind: 'http', url: 'http://localhost:8081/', contains: 'Welcome', timeout: 0.01 }, d, env)).ok, true);
    assert.match((await run({ kind: 'http', url: 'http://localhost:8082/', timeout: 0.01 }, d, env)).message!.en, /Cannot reach/);
    env.files.set('Dockerfile', 'FROM node:20-alpine\n');
    assert.strictEqual((await run({ kind: 'file', path: 'Dockerfile', contains: 'alpine' }, d, env)).ok, true);
    assert.match((await run({ kind: 'file', path: 'app.js' }, d, env)).message!.en, /does not exist/);
    env.findings = [{ rule: 'missing-user', category: 'user', line: 1, message: 'runs as root' }];
    assert.match((await run({ kind: 'lint', path: 'Dockerfile' }, d, env)).message!.en, /line 1: runs as root \[missing-user\]/);
    assert.strictEqual((await run({ kind: 'lint', path: 'Dockerfile', categories: ['correctness'] }, d, env)).ok, true);
    assert.strictEqual((await run({ kind: 'manual', text: 'x' }, d, env)).ok, undefined);
  });

  it('fills templates into every field', () => {
    const c = resolveCheck({ kind: 'container', name: 'pair{{pair}}-web', ports: ['{{8079 + 2*pair}}:80'] }, { pair: '2' }, [{ name: 'pair', type: 'integer' }]);
    assert.deepStrictEqual(c, { kind: 'container', name: 'pair2-web', ports: ['8083:80'] });
  });

  it('a daemon error becomes a sentence, not a crash', async () => {
    const d = new FakeDocker();
    d.container = async () => {
      throw new Error('connect ENOENT /var/run/docker.sock');
    };
    const r = await run({ kind: 'container', name: 'x' }, d);
    assert.strictEqual(r.ok, false);
    assert.match(r.message!.en, /check that Docker is running/);
  });
});
