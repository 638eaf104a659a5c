// Every error errors.ts words is provoked here against a real daemon (and the
// real socket layer), and the classification of the real error is asserted.
// The unit tests (test/unit/docker/errors.test.ts) replay these shapes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type Dockerode from 'dockerode';
import { createClient } from '../../src/docker/client';
import { resolveEndpoint } from '../../src/docker/endpoint';
import { describeDockerError, type DockerProblem } from '../../src/docker/errors';
import { getFixture, startExtraDaemon, uniqueName, type Fixture, createdObjects, removeCreated, freePort } from './fixture';

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    if (process.env.DOCKER_LABS_PRINT_ERRORS) {
      const x = e as Record<string, unknown>;
      console.log(JSON.stringify({ code: x.code, syscall: x.syscall, statusCode: x.statusCode, reason: x.reason, json: x.json, message: x.message }));
    }
    return e;
  }
  throw new Error('expected the call to fail');
}


function expectCause(problem: DockerProblem, cause: DockerProblem['cause'], ...inBoth: string[]) {
  assert.equal(problem.cause, cause, `${problem.cause}: ${problem.detail}`);
  for (const text of inBoth) {
    assert.ok(problem.message.en.includes(text), `en lacks ${text}: ${problem.message.en}`);
    assert.ok(problem.message.ko.includes(text), `ko lacks ${text}: ${problem.message.ko}`);
  }
  assert.notEqual(problem.message.ko, problem.message.en);
}

describe('Docker errors from a real daemon', function () {
  let fx: Fixture;
  let docker: Dockerode;
  const made = createdObjects();

  before(async function () {
    fx = await getFixture();
    docker = fx.docker;
    await fx.cliOk(['pull', '-q', 'nginx:alpine']);
  });

  after(async function () {
    if (!fx) return;
    await removeCreated(fx, made, { forceImages: true });
  });

  const name = (prefix: string) => {
    const n = uniqueName(prefix);
    made.containers.push(n);
    return n;
  };

  it('409 container name already in use', async function () {
    const n = name('web-server');
    await docker.createContainer({ name: n, Image: 'nginx:alpine' });
    const err = await failure(docker.createContainer({ name: n, Image: 'nginx:alpine' }));
    expectCause(describeDockerError(err), 'name-in-use', `"${n}"`, `docker rm -f ${n}`);
  });

  it('409 removing a running container, and 409 exec in a stopped one', async function () {
    const n = name('running');
    await fx.cliOk(['run', '-d', '--name', n, 'nginx:alpine']);
    const id = (await docker.getContainer(n).inspect()).Id;
    expectCause(describeDockerError(await failure(docker.getContainer(n).remove())), 'container-running', 'docker stop');
    await docker.getContainer(n).stop({ t: 1 });
    const err = await failure(docker.getContainer(n).exec({ Cmd: ['true'] }));
    expectCause(describeDockerError(err), 'container-not-running', id.slice(0, 12));
  });

  it('409 image in use by a container, and an image with several tags', async function () {
    // An image of its own (one tag), as nginx:alpine is on a learner's machine.
    const repo = uniqueName('fixture-inuse');
    const tag = `${repo}:1`;
    made.images.push(tag, `${repo}:2`);
    await fx.cliOk(['build', '-q', '-t', tag, '-'], { input: `FROM nginx:alpine\nLABEL unique="${repo}"\n` });
    const n = name('uses-image');
    const c = await docker.createContainer({ name: n, Image: tag });
    const err = await failure(docker.getImage(tag).remove());
    expectCause(describeDockerError(err), 'image-in-use', c.id.slice(0, 12), `docker rm -f ${c.id.slice(0, 12)}`);
    await c.remove();
    await docker.getImage(tag).tag({ repo, tag: '2' });
    const id = (await docker.getImage(tag).inspect()).Id;
    const err2 = await failure(docker.getImage(id).remove());
    expectCause(describeDockerError(err2), 'image-has-tags', 'docker rmi');
  });

  it('network: name already exists, still has active endpoints, not found', async function () {
    const net1 = uniqueName('pair1-network');
    made.networks.push(net1);
    // CheckDuplicate is what `docker network create` sends (older API versions default it to false).
    await docker.createNetwork({ Name: net1, CheckDuplicate: true });
    expectCause(describeDockerError(await failure(docker.createNetwork({ Name: net1, CheckDuplicate: true }))), 'network-exists', net1);
    const n = name('attached');
    await fx.cliOk(['run', '-d', '--name', n, '--network', net1, 'nginx:alpine']);
    expectCause(describeDockerError(await failure(docker.getNetwork(net1).remove())), 'network-in-use', net1);
    const missing = uniqueName('no-such-net');
    expectCause(describeDockerError(await failure(docker.getNetwork(missing).inspect())), 'no-such-network', missing);
  });

  it('volume in use, and no such volume', async function () {
    const vol = uniqueName('postgres-data');
    made.volumes.push(vol);
    await docker.createVolume({ Name: vol });
    const n = name('mounts');
    await docker.createContainer({ name: n, Image: 'nginx:alpine', HostConfig: { Binds: [`${vol}:/data`] } });
    expectCause(describeDockerError(await failure(docker.getVolume(vol).remove())), 'volume-in-use', vol);
    const missing = uniqueName('no-such-vol');
    expectCause(describeDockerError(await failure(docker.getVolume(missing).inspect())), 'no-such-volume', missing);
  });

  it('500 port is already allocated', async function () {
    const port = await freePort();
    await fx.cliOk(['run', '-d', '-p', `${port}:80`, '--name', name('port-a'), 'nginx:alpine']);
    const c = await docker.createContainer({
      name: name('port-b'),
      Image: 'nginx:alpine',
      HostConfig: { PortBindings: { '80/tcp': [{ HostPort: String(port) }] } },
    });
    expectCause(describeDockerError(await failure(c.start())), 'port-allocated', String(port));
  });

  it('404 no such container / image', async function () {
    const c = uniqueName('nope');
    expectCause(describeDockerError(await failure(docker.getContainer(c).inspect())), 'no-such-container', c);
    const img = `${uniqueName('nope-image')}:1`;
    expectCause(describeDockerError(await failure(docker.getImage(img).inspect())), 'no-such-image', img);
    const created = await failure(docker.createContainer({ Image: img }));
    expectCause(describeDockerError(created), 'no-such-image', `docker pull ${img}`);
  });

  it('pulling: manifest unknown, and an unknown repository on Docker Hub', async function () {
    if (fx.external) this.skip();
    const ref = `${fx.registry}/library/nginx:no-such-tag`;
    const err = await failure(docker.pull(ref));
    expectCause(describeDockerError(err), 'manifest-unknown');
    // Not in the mirror, so the daemon asks Docker Hub: offline that is
    // "registry unreachable", online "pull access denied".
    const hub = describeDockerError(await failure(docker.pull(`${uniqueName('no-such-repo')}:latest`)));
    assert.ok(['registry-unreachable', 'pull-access-denied'].includes(hub.cause), `${hub.cause}: ${hub.detail}`);
  });

  it('pull access denied from a registry that wants a login', async function () {
    if (fx.external || !fx.registry) this.skip();
    // A second docker-registry with htpasswd auth, sharing the fixture's storage read-only in effect.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-authreg-'));
    const port = await freePort();
    // bcrypt of "secret"; the user is irrelevant, the daemon sends no credentials.
    fs.writeFileSync(path.join(dir, 'htpasswd'), 'learner:$2b$12$xb4TwT7OQE9vVJ02w8ZUYOzzKOElHefh1LB4060p1S8CSzj9OndXC\n');
    fs.writeFileSync(
      path.join(dir, 'config.yml'),
      `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: 127.0.0.1:${port}\nauth:\n  htpasswd:\n    realm: docker-labs\n    path: ${dir}/htpasswd\n`,
    );
    const { spawn } = await import('node:child_process');
    const registry = spawn('/usr/bin/docker-registry', ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' });
    try {
      const deadline = Date.now() + 15000;
      for (;;) {
        const up = await new Promise<boolean>((resolve) => {
          const s = net.connect(port, '127.0.0.1', () => {
            s.destroy();
            resolve(true);
          });
          s.on('error', () => resolve(false));
        });
        if (up) break;
        if (Date.now() > deadline) throw new Error('auth registry did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
      const err = await failure(docker.pull(`127.0.0.1:${port}/private/app:1`));
      expectCause(describeDockerError(err), 'pull-access-denied', `127.0.0.1:${port}/private/app`);
    } finally {
      registry.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('connection failures', function () {
    it('ENOENT: no socket at the path → not running, with the endpoint named', async function () {
      const host = 'unix:///tmp/docker-labs-no-such.sock';
      const ep = resolveEndpoint({}, host);
      const err = await failure(createClient(ep).ping());
      const p = describeDockerError(err, { endpoint: ep, platform: 'linux' });
      expectCause(p, 'not-running', host, 'sudo systemctl start docker');
      assert.equal(p.connection, true);
      assert.deepEqual(p.commands, ['sudo systemctl start docker']);
      const mac = describeDockerError(err, { endpoint: ep, platform: 'darwin' });
      assert.match(mac.message.en, /Docker Desktop/);
    });

    it('ECONNREFUSED: a stopped daemon on tcp → not running; it recovers when started', async function () {
      this.timeout(180000);
      const extra = await startExtraDaemon({ tcpPort: true });
      try {
        const client = createClient(resolveEndpoint({}, extra.tcpHost));
        assert.equal(String(await client.ping()), 'OK');
        await extra.stop();
        const err = await failure(client.ping());
        expectCause(describeDockerError(err, { endpoint: extra.tcpHost, platform: 'linux' }), 'not-running', extra.tcpHost!);
        const unixErr = await failure(extra.client().ping());
        expectCause(describeDockerError(unixErr, { endpoint: extra.host, platform: 'linux' }), 'not-running', extra.host);
        await extra.start();
        assert.equal(String(await client.ping()), 'OK');
      } finally {
        await extra.dispose();
      }
    });

    it('EACCES: a user outside the docker group on the socket → permission denied, with usermod', async function () {
      if (fx.external || process.getuid?.() !== 0) this.skip();
      const socketPath = fx.host.replace(/^unix:\/\//, '');
      // The same connect, as the unprivileged user "nobody" (what a learner not in the docker group gets).
      const r = spawnSync(
        process.execPath,
        ['-e', `require('net').connect(${JSON.stringify(socketPath)}).on('error', (e) => { console.log(JSON.stringify({ code: e.code, errno: e.errno, syscall: e.syscall, address: e.address, message: e.message })); })`],
        { uid: 65534, gid: 65534, encoding: 'utf8' },
      );
      const shape = JSON.parse(r.stdout) as { code: string; message: string };
      assert.equal(shape.code, 'EACCES');
      const err = Object.assign(new Error(shape.message), shape);
      const p = describeDockerError(err, { endpoint: fx.host, platform: 'linux' });
      expectCause(p, 'permission-denied', 'sudo usermod -aG docker $USER');
    });

    it('ENOTFOUND: an unknown host name → no such host', async function () {
      const ep = resolveEndpoint({}, 'tcp://no-such-host.invalid:2375');
      const err = await failure(createClient(ep).ping());
      expectCause(describeDockerError(err, { endpoint: ep }), 'no-such-host', 'tcp://no-such-host.invalid:2375');
    });

    it('TLS spoken to a plain-HTTP daemon → a TLS problem', async function () {
      this.timeout(180000);
      const extra = await startExtraDaemon({ tcpPort: true });
      try {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-tls-'));
        const ok = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')]);
        assert.equal(ok.status, 0, String(ok.stderr));
        fs.copyFileSync(path.join(dir, 'cert.pem'), path.join(dir, 'ca.pem'));
        const ep = resolveEndpoint({ DOCKER_HOST: extra.tcpHost, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dir });
        assert.equal(ep.tls?.verify, true);
        const err = await failure(createClient(ep).ping());
        expectCause(describeDockerError(err, { endpoint: ep }), 'tls', extra.tcpHost!);
        fs.rmSync(dir, { recursive: true, force: true });
      } finally {
        await extra.dispose();
      }
    });

    it('an unknown context → names the context and docker context ls', async function () {
      const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-cfg-'));
      try {
        const ep = resolveEndpoint({ DOCKER_CONFIG: configDir, DOCKER_CONTEXT: 'nope' });
        let err: unknown;
        try {
          createClient(ep);
        } catch (e) {
          err = e;
        }
        expectCause(describeDockerError(err, { endpoint: ep }), 'endpoint', '"nope"', 'docker context ls');
        // The CLI refuses the same context.
        const cli = await fx.cli(['ps'], { env: { DOCKER_HOST: '', DOCKER_CONFIG: configDir, DOCKER_CONTEXT: 'nope' } });
        assert.notEqual(cli.code, 0);
        assert.match(cli.stderr, /nope/);
      } finally {
        fs.rmSync(configDir, { recursive: true, force: true });
      }
    });
  });
});
