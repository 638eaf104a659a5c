// A daemon on tcp:// with TLS, as a class server is set up after Docker's
// "Protect the Docker daemon socket" (dockerd --tlsverify with a CA, a server
// and a client certificate made with openssl): DOCKER_HOST + DOCKER_TLS_VERIFY
// + DOCKER_CERT_PATH and a docker context with ca=,cert=,key= both resolve
// (src/docker/endpoint.ts) and list through our client; a wrong CA says so.
// And a daemon whose default address pools run out says what to change.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createClient } from '../../src/docker/client';
import { resolveEndpoint } from '../../src/docker/endpoint';
import { describeDockerError } from '../../src/docker/errors';
import { makeTlsCertificates, orSkip, runDockerCli, startExtraDaemon, uniqueName, type ExtraDaemon } from './fixture';

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

describe('a daemon on tcp:// with --tlsverify', function () {
  this.timeout(180000);
  let daemon: ExtraDaemon;
  let scratch: string;
  let volume: string;

  before(async function () {
    daemon = await orSkip(this, () => startExtraDaemon({ tls: true }));
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-tls-'));
    // Something to list: a volume made through the daemon's own socket.
    volume = uniqueName('tls-vol');
    const made = await runDockerCli(daemon.host, ['volume', 'create', volume]);
    assert.equal(made.code, 0, made.stderr);
  });

  after(async function () {
    await daemon?.dispose();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  const tlsEnv = (certPath: string) => ({ DOCKER_HOST: daemon.tcpHost!, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certPath, DOCKER_CONTEXT: '' });

  it('the port refuses a client without a certificate (it really verifies)', async function () {
    const plain = await runDockerCli(daemon.tcpHost!, ['volume', 'ls'], { timeoutMs: 60000 });
    assert.notEqual(plain.code, 0);
  });

  it('DOCKER_HOST + DOCKER_TLS_VERIFY + DOCKER_CERT_PATH: the CLI and our client both list', async function () {
    const env = tlsEnv(daemon.certPath!);
    const ep = resolveEndpoint(env);
    assert.equal(ep.host, daemon.tcpHost);
    assert.deepEqual(ep.tls, { ca: path.join(daemon.certPath!, 'ca.pem'), cert: path.join(daemon.certPath!, 'cert.pem'), key: path.join(daemon.certPath!, 'key.pem'), verify: true });
    const cli = await runDockerCli(daemon.tcpHost!, ['volume', 'ls', '-q'], { env });
    assert.equal(cli.code, 0, cli.stderr);
    assert.ok(cli.stdout.split('\n').includes(volume));
    const { Volumes } = await createClient(ep, env).listVolumes();
    assert.ok(Volumes.some((v) => v.Name === volume));
  });

  it('a docker context with host=,ca=,cert=,key=: resolved from the context store, lists through our client', async function () {
    const configDir = path.join(scratch, 'docker-config');
    const c = daemon.certPath!;
    const env = { DOCKER_CONFIG: configDir, DOCKER_CONTEXT: '' };
    const create = await runDockerCli('', ['context', 'create', 'class-tls', '--docker', `host=${daemon.tcpHost},ca=${c}/ca.pem,cert=${c}/cert.pem,key=${c}/key.pem`], { env });
    assert.equal(create.code, 0, create.stderr);
    const ctxEnv = { DOCKER_CONFIG: configDir, DOCKER_CONTEXT: 'class-tls' };
    const ep = resolveEndpoint(ctxEnv);
    assert.deepEqual([ep.context, ep.host, ep.tls?.verify], ['class-tls', daemon.tcpHost, true]);
    // The CLI copied the files into its store; the endpoint points there.
    assert.ok(ep.tls?.ca?.startsWith(path.join(configDir, 'contexts', 'tls')), ep.tls?.ca);
    assert.equal(fs.readFileSync(ep.tls!.ca!, 'utf8'), fs.readFileSync(path.join(c, 'ca.pem'), 'utf8'));
    const cli = await runDockerCli('', ['--context', 'class-tls', 'volume', 'ls', '-q'], { env: { ...env, DOCKER_HOST: undefined } });
    assert.equal(cli.code, 0, cli.stderr);
    const { Volumes } = await createClient(ep, ctxEnv).listVolumes();
    assert.ok(Volumes.some((v) => v.Name === volume));
  });

  it('a ca.pem from another CA → one sentence: the server certificate is not signed by your CA', async function () {
    const other = await makeTlsCertificates(path.join(scratch, 'other-ca'), { cn: 'Some other CA' });
    const env = tlsEnv(other.clientDir);
    const ep = resolveEndpoint(env);
    const err = await failure(createClient(ep, env).ping());
    const p = describeDockerError(err, { endpoint: ep });
    assert.equal(p.cause, 'tls', p.detail);
    for (const lang of ['ko', 'en'] as const) {
      assert.ok(p.message[lang].includes(daemon.tcpHost!), p.message[lang]);
      assert.ok(p.message[lang].includes('ca.pem'), p.message[lang]);
    }
    assert.match(p.message.en, /not signed by the CA in your ca\.pem/);
    // The CLI refuses the same server.
    const cli = await runDockerCli(daemon.tcpHost!, ['version'], { env, timeoutMs: 60000 });
    assert.match(cli.stderr, /certificate signed by unknown authority/);
  });
});

/** A /24 no route on this machine uses, for a tiny address pool. */
function freeSubnet(): string {
  const routes = spawnSync('ip', ['-4', 'route'], { encoding: 'utf8' }).stdout ?? '';
  for (let n = 0; n < 256; n++) if (!routes.includes(`10.215.${n}.`)) return `10.215.${n}.0/24`;
  throw new Error('no free 10.215.N.0/24');
}

describe('a daemon whose default address pools run out', function () {
  this.timeout(180000);
  let daemon: ExtraDaemon;
  const networks: string[] = [];

  before(async function () {
    // Two /25 networks fit in the /24: the third asks for more than there is.
    daemon = await orSkip(this, () => startExtraDaemon({ defaultAddressPool: `base=${freeSubnet()},size=25` }));
  });

  after(async function () {
    // The bridges of its networks live in the host's network namespace: remove them before the daemon goes.
    if (networks.length && daemon) await runDockerCli(daemon.host, ['network', 'rm', ...networks]);
    await daemon?.dispose();
  });

  it('docker network create after the pools are used up → the instructor\'s fix (default-address-pools in daemon.json)', async function () {
    for (let i = 0; i < 2; i++) {
      const name = uniqueName(`pool${i}`);
      const r = await runDockerCli(daemon.host, ['network', 'create', name]);
      assert.equal(r.code, 0, r.stderr);
      networks.push(name);
    }
    const cli = await runDockerCli(daemon.host, ['network', 'create', uniqueName('pool-over')]);
    assert.notEqual(cli.code, 0);
    const err = await failure(createClient(resolveEndpoint({}, daemon.host)).createNetwork({ Name: uniqueName('pool-api') }));
    const p = describeDockerError(err);
    assert.equal(p.cause, 'address-pools-exhausted', p.detail);
    assert.ok(cli.stderr.includes(p.detail), `${cli.stderr} vs ${p.detail}`);
    for (const lang of ['ko', 'en'] as const) assert.ok(p.message[lang].includes('default-address-pools'), p.message[lang]);
    assert.match(p.message.en, /daemon\.json/);
  });
});
