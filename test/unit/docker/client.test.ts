// createClient gives dockerode the right transport for each kind of endpoint,
// whatever DOCKER_HOST the editor itself was started with; and the bundle
// never hard-requires ssh2's optional native parts.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { clientOptions, createClient, EndpointUnusableError } from '../../../src/docker/client';
import { resolveEndpoint } from '../../../src/docker/endpoint';

interface ModemView {
  socketPath?: string;
  host?: string;
  port?: number | string;
  protocol?: string;
  username?: string;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  agent?: { options?: { rejectUnauthorized?: boolean } };
  sshOptions?: { agent?: string };
}
const modemOf = (client: unknown) => (client as { modem: ModemView }).modem;

describe('createClient', function () {
  const saved = { ...process.env };
  afterEach(function () {
    for (const k of ['DOCKER_HOST', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY', 'SSH_AUTH_SOCK']) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('unix socket, even when the editor\'s own DOCKER_HOST is tcp:// (docker-modem would prefer it)', function () {
    process.env.DOCKER_HOST = 'tcp://10.0.0.1:2375';
    const modem = modemOf(createClient(resolveEndpoint({}, 'unix:///run/user/1000/podman/podman.sock')));
    assert.equal(modem.socketPath, '/run/user/1000/podman/podman.sock');
    assert.equal(modem.host, undefined);
  });

  it('tcp without TLS', function () {
    delete process.env.DOCKER_HOST;
    const modem = modemOf(createClient(resolveEndpoint({ DOCKER_HOST: 'tcp://127.0.0.1:2375' })));
    assert.deepEqual([modem.host, modem.port, modem.protocol, modem.socketPath], ['127.0.0.1', 2375, 'http', undefined]);
  });

  it('tcp with TLS verification: the PEM files are read; skipping verification uses an agent that does not reject', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-certs-'));
    try {
      for (const f of ['ca.pem', 'cert.pem', 'key.pem']) fs.writeFileSync(path.join(dir, f), `pem ${f}`);
      const verified = modemOf(createClient(resolveEndpoint({ DOCKER_HOST: 'tcp://docker-host:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dir })));
      assert.equal(verified.protocol, 'https');
      assert.equal(verified.ca?.toString(), 'pem ca.pem');
      assert.equal(verified.cert?.toString(), 'pem cert.pem');
      assert.equal(verified.key?.toString(), 'pem key.pem');
      assert.equal(verified.agent, undefined);
      const skipped = modemOf(createClient(resolveEndpoint({ DOCKER_HOST: 'tcp://docker-host:2376', DOCKER_TLS: '1', DOCKER_CERT_PATH: dir })));
      assert.equal(skipped.protocol, 'https');
      assert.equal(skipped.agent?.options?.rejectUnauthorized, false);
      fs.rmSync(path.join(dir, 'ca.pem'));
      fs.rmSync(path.join(dir, 'key.pem'));
      const ep = resolveEndpoint({ DOCKER_HOST: 'tcp://docker-host:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dir });
      // A missing file is left out by the resolver (the TLS handshake then fails, as with the CLI).
      assert.equal(ep.tls?.ca, undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ssh: user, port, and the learner\'s ssh-agent', function () {
    const opts = clientOptions(resolveEndpoint({ DOCKER_HOST: 'ssh://learner@docker-host:2222' }), { SSH_AUTH_SOCK: '/tmp/agent.sock' });
    assert.deepEqual(
      [opts.protocol, opts.host, opts.port, (opts as { username?: string }).username, (opts as { sshOptions?: { agent?: string } }).sshOptions?.agent],
      ['ssh', 'docker-host', 2222, 'learner', '/tmp/agent.sock'],
    );
    const defaults = clientOptions(resolveEndpoint({ DOCKER_HOST: 'ssh://docker-host' }), { USER: 'me' });
    assert.deepEqual([defaults.port, (defaults as { username?: string }).username], [22, 'me']);
    // Constructing the client loads docker-modem's ssh transport (ssh2) without its native parts.
    process.env.SSH_AUTH_SOCK = '/tmp/agent.sock';
    const modem = modemOf(createClient(resolveEndpoint({ DOCKER_HOST: 'ssh://learner@docker-host:2222' })));
    assert.deepEqual([modem.protocol, modem.host, modem.username, modem.sshOptions?.agent], ['ssh', 'docker-host', 'learner', '/tmp/agent.sock']);
  });

  it('npipe: the Windows named pipe path', function () {
    assert.equal(clientOptions(resolveEndpoint({ DOCKER_HOST: 'npipe:////./pipe/docker_engine' })).socketPath, '//./pipe/docker_engine');
  });

  it('an unusable endpoint throws EndpointUnusableError naming the reason', function () {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-home-'));
    try {
      const ep = resolveEndpoint({ DOCKER_CONTEXT: 'nope' }, undefined, { homedir: home });
      assert.throws(
        () => createClient(ep),
        (e: unknown) => e instanceof EndpointUnusableError && e.reason === 'context-not-found' && e.code === 'EDOCKERLABS_ENDPOINT',
      );
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('the esbuild bundle and ssh2\'s optional native parts', function () {
  this.timeout(60000);
  const root = path.resolve(__dirname, '..', '..', '..');

  it('dist/dockerode.js (dockerode and ssh2, the extension\'s lazily required bundle) requires sshcrypto.node and cpu-features only inside try blocks', function () {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    const bundle = fs.readFileSync(path.join(root, 'dist', 'dockerode.js'), 'utf8');
    const requires = [...bundle.matchAll(/require\(["']([^"']*(?:sshcrypto\.node|cpu-features))["']\)/g)];
    assert.ok(requires.length >= 2, 'expected ssh2 in the bundle (dockerode → docker-modem → ssh2)');
    for (const m of requires) {
      // The statement that holds the require: from the last ";" or "{" before it.
      const before = bundle.slice(Math.max(0, m.index! - 300), m.index);
      assert.match(before, /try\s*\{[^}]*$/, `not guarded by try: ${m[1]} after …${before.slice(-120)}`);
    }
    // No native file was copied into dist/.
    assert.deepEqual(fs.readdirSync(path.join(root, 'dist')).filter((f) => f.endsWith('.node')), []);
  });
});
