// A class's shared Docker server reached over ssh (DOCKER_HOST=ssh://user@host
// or a docker context): the fixture's sshd whose logins' `docker` reaches the
// fixture daemon. Our client (src/docker/client.ts, ssh.ts) and the docker CLI
// the lab's terminal runs both go through it; each way it can fail gives one
// clear sentence (src/docker/errors.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createClient } from '../../src/docker/client';
import { resolveEndpoint } from '../../src/docker/endpoint';
import { describeDockerError, type DockerProblem } from '../../src/docker/errors';
import { createdObjects, freePort, getFixture, orSkip, removeCreated, runDockerCli, startSshHost, uniqueName, type Fixture, type SshHost } from './fixture';

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

function expectProblem(problem: DockerProblem, cause: DockerProblem['cause'], host: string, words: RegExp) {
  assert.equal(problem.cause, cause, `${problem.cause}: ${problem.detail}`);
  assert.equal(problem.connection, true);
  for (const lang of ['ko', 'en'] as const) assert.ok(problem.message[lang].includes(host), `${lang} lacks ${host}: ${problem.message[lang]}`);
  assert.match(problem.message.en, words);
  assert.notEqual(problem.message.ko, problem.message.en);
}

describe('a remote Docker host over ssh', function () {
  this.timeout(120000);
  let fx: Fixture;
  let server: SshHost;
  let noDocker: SshHost | undefined;
  let env: NodeJS.ProcessEnv;
  const made = createdObjects();

  before(async function () {
    fx = await getFixture();
    server = await orSkip(this, () => startSshHost({ dockerHost: fx.host }));
    env = { ...process.env, ...server.env };
  });

  after(async function () {
    await removeCreated(fx, made);
    await noDocker?.dispose();
    await server?.dispose();
  });

  it('DOCKER_HOST=ssh://… resolves to the ssh endpoint, with the user and port of the URL', function () {
    const ep = resolveEndpoint(env);
    assert.equal(ep.kind, 'ssh');
    assert.equal(ep.host, server.host);
    assert.deepEqual(ep.ssh, { host: '127.0.0.1', port: server.port, username: 'root' });
  });

  it('the docker CLI (the lab\'s terminal commands) runs containers through it; our client lists them', async function () {
    const name = uniqueName('ssh-web');
    made.containers.push(name);
    const run = await runDockerCli(server.host, ['run', '-d', '--name', name, 'nginx:alpine'], { env: server.env });
    assert.equal(run.code, 0, run.stderr);
    const ps = await runDockerCli(server.host, ['ps', '--filter', `name=${name}`, '--format', '{{.Names}} {{.Image}}'], { env: server.env });
    assert.equal(ps.stdout.trim(), `${name} nginx:alpine`);
    const client = createClient(resolveEndpoint(env), env);
    const listed = await client.listContainers({ filters: { name: [name] } });
    assert.deepEqual(
      listed.map((c) => [c.Names[0], c.State]),
      [[`/${name}`, 'running']],
    );
    // The same daemon as the fixture's own socket: the server's docker reached it.
    const local = await fx.docker.listContainers({ filters: { name: [name] } });
    assert.equal(local[0]?.Id, listed[0].Id);
  });

  it('the event stream over ssh sees what the CLI does', async function () {
    const client = createClient(resolveEndpoint(env), env);
    const volume = uniqueName('ssh-vol');
    made.volumes.push(volume);
    const stream = (await client.getEvents({ filters: { type: ['volume'] } })) as NodeJS.ReadableStream & { destroy(): void };
    try {
      const seen = new Promise<string[]>((resolve) => {
        const actions: string[] = [];
        stream.on('data', (chunk: Buffer) => {
          for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
            const ev = JSON.parse(line) as { Action: string; Actor: { ID: string } };
            if (ev.Actor.ID === volume) actions.push(ev.Action);
          }
          if (actions.includes('destroy')) resolve(actions);
        });
      });
      assert.equal((await runDockerCli(server.host, ['volume', 'create', volume], { env: server.env })).code, 0);
      assert.equal((await runDockerCli(server.host, ['volume', 'rm', volume], { env: server.env })).code, 0);
      assert.deepEqual(await seen, ['create', 'destroy']);
    } finally {
      stream.destroy();
    }
  });

  it('a docker context with an ssh:// host works the same way', async function () {
    const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-ssh-config-'));
    try {
      const ctxEnv = { ...env, DOCKER_HOST: '', DOCKER_CONFIG: configDir };
      const create = await runDockerCli('', ['context', 'create', 'classroom', '--docker', `host=${server.host}`], { env: ctxEnv });
      assert.equal(create.code, 0, create.stderr);
      const useEnv: NodeJS.ProcessEnv = { ...ctxEnv, DOCKER_CONTEXT: 'classroom', DOCKER_HOST: undefined };
      const ep = resolveEndpoint(useEnv);
      assert.deepEqual([ep.kind, ep.context, ep.host], ['ssh', 'classroom', server.host]);
      const version = await runDockerCli('', ['--context', 'classroom', 'version', '--format', '{{.Server.Version}}'], { env: { ...ctxEnv, DOCKER_HOST: undefined } });
      assert.equal(version.code, 0, version.stderr);
      const info = (await createClient(ep, useEnv).version()) as { Version: string };
      assert.equal(info.Version, version.stdout.trim());
    } finally {
      fs.rmSync(configDir, { recursive: true, force: true });
    }
  });

  it('nothing listening on the ssh port → "cannot connect to the SSH server"', async function () {
    const host = `ssh://root@127.0.0.1:${await freePort()}`;
    const e = { ...env, DOCKER_HOST: host };
    const ep = resolveEndpoint(e);
    const err = await failure(createClient(ep, e).ping());
    expectProblem(describeDockerError(err, { endpoint: ep }), 'ssh-unreachable', host, /SSH server .*sshd is running/);
  });

  it('a key the server does not accept → "the SSH server refused your key"', async function () {
    const e = { ...env, DOCKER_LABS_SSH_IDENTITY: server.wrongKeyFile };
    const ep = resolveEndpoint(e);
    const err = await failure(createClient(ep, e).ping());
    expectProblem(describeDockerError(err, { endpoint: ep }), 'ssh-auth', server.host, /refused your key.*authorized_keys/);
    // The right key named the same way logs in.
    const ok = { ...env, DOCKER_LABS_SSH_IDENTITY: server.keyFile };
    assert.equal(String(await createClient(resolveEndpoint(ok), ok).ping()), 'OK');
  });

  it('the host key is checked against known_hosts as ssh does: unknown, or not the recorded one', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-known-hosts-'));
    try {
      // The learner's ssh config with another known_hosts file, through the same kind of ssh wrapper.
      const knownHosts = path.join(dir, 'known_hosts');
      const config = path.join(dir, 'ssh_config');
      fs.writeFileSync(config, fs.readFileSync(server.sshConfig, 'utf8').replace(/UserKnownHostsFile .*/, `UserKnownHostsFile ${knownHosts}`));
      fs.mkdirSync(path.join(dir, 'bin'));
      fs.writeFileSync(path.join(dir, 'bin', 'ssh'), `#!/bin/sh\nexec /usr/bin/ssh -F '${config}' "$@"\n`, { mode: 0o755 });
      const e = { ...env, PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH}` };
      const ep = resolveEndpoint(e);

      fs.writeFileSync(knownHosts, '');
      const unknown = describeDockerError(await failure(createClient(ep, e).ping()), { endpoint: ep });
      expectProblem(unknown, 'ssh-host-key', server.host, /not in known_hosts yet/);
      assert.deepEqual(unknown.commands, [`ssh -p ${server.port} root@127.0.0.1`]);

      // Another key recorded for [127.0.0.1]:PORT (the client's own public key will do).
      fs.writeFileSync(knownHosts, `[127.0.0.1]:${server.port} ${fs.readFileSync(`${server.keyFile}.pub`, 'utf8').split(' ').slice(0, 2).join(' ')}\n`);
      const changed = describeDockerError(await failure(createClient(ep, e).ping()), { endpoint: ep });
      expectProblem(changed, 'ssh-host-key', server.host, /differs from the one in known_hosts/);
      // The docker CLI's ssh refuses it too.
      const cli = await runDockerCli(server.host, ['version'], { env: e, timeoutMs: 60000 });
      assert.notEqual(cli.code, 0);
      assert.match(cli.stderr, /HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a server whose PATH has no docker → "the server has no docker command"', async function () {
    noDocker = await startSshHost({ dockerHost: fx.host, docker: false });
    const e = { ...process.env, ...noDocker.env };
    const ep = resolveEndpoint(e);
    const err = await failure(createClient(ep, e).ping());
    expectProblem(describeDockerError(err, { endpoint: ep }), 'ssh-no-docker', noDocker.host, /no docker command/);
    // The docker CLI fails there too (its ssh runs the same command).
    const cli = await runDockerCli(noDocker.host, ['version'], { env: noDocker.env, timeoutMs: 60000 });
    assert.notEqual(cli.code, 0);
    assert.match(cli.stderr, /docker: command not found|not found/);
  });
});
