// resolveEndpoint follows the docker CLI's order and formats. Contexts here are
// written in the CLI's on-disk layout by hand; test/docker/docker-endpoint.test.ts
// compares against contexts the real CLI creates.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cliEnvironment, contextDirName, endpointLabel, listContexts, parseHost, resolveEndpoint } from '../../../src/docker/endpoint';

function writeContext(configDir: string, name: string, host: string, opts: { skipTLSVerify?: boolean; tls?: string[]; description?: string } = {}) {
  const dir = createHash('sha256').update(name).digest('hex');
  const metaDir = path.join(configDir, 'contexts', 'meta', dir);
  fs.mkdirSync(metaDir, { recursive: true });
  fs.writeFileSync(
    path.join(metaDir, 'meta.json'),
    JSON.stringify({ Name: name, Metadata: { Description: opts.description ?? '' }, Endpoints: { docker: { Host: host, SkipTLSVerify: !!opts.skipTLSVerify } } }),
  );
  for (const f of opts.tls ?? []) {
    const tlsDir = path.join(configDir, 'contexts', 'tls', dir, 'docker');
    fs.mkdirSync(tlsDir, { recursive: true });
    fs.writeFileSync(path.join(tlsDir, f), `-----BEGIN ${f}-----\n`);
  }
}

describe('parseHost (the CLI\'s ParseHost)', function () {
  const cases: [string, boolean, string][] = [
    ['', false, 'unix:///var/run/docker.sock'],
    ['', true, 'tcp://localhost:2376'],
    ['unix://', false, 'unix:///var/run/docker.sock'],
    ['unix:///run/user/1000/podman/podman.sock', false, 'unix:///run/user/1000/podman/podman.sock'],
    ['tcp://127.0.0.1:2375', false, 'tcp://127.0.0.1:2375'],
    ['tcp://docker-host', false, 'tcp://docker-host:2375'],
    ['tcp://docker-host', true, 'tcp://docker-host:2376'],
    ['docker-host:4243', false, 'tcp://docker-host:4243'],
    ['tcp://:2375', false, 'tcp://localhost:2375'],
    ['ssh://learner@docker-host:2222', false, 'ssh://learner@docker-host:2222'],
    ['npipe:////./pipe/docker_engine', false, 'npipe:////./pipe/docker_engine'],
  ];
  for (const [input, tls, expected] of cases) {
    it(`${JSON.stringify(input)}${tls ? ' (TLS)' : ''} → ${expected}`, function () {
      assert.equal(parseHost(input, tls, 'linux'), expected);
    });
  }
  it('the Windows default is the named pipe', function () {
    assert.equal(parseHost('', false, 'win32'), 'npipe:////./pipe/docker_engine');
  });
  it('rejects a host the CLI rejects', function () {
    assert.throws(() => parseHost('http2://x'), /invalid bind address format/);
    assert.throws(() => parseHost('ssh://'), /invalid bind address format/);
  });
});

describe('resolveEndpoint', function () {
  let home: string;
  let configDir: string;

  beforeEach(function () {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-home-'));
    configDir = path.join(home, '.docker');
    fs.mkdirSync(configDir);
  });
  afterEach(function () {
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('uses the platform default when nothing is configured', function () {
    const ep = resolveEndpoint({}, undefined, { homedir: home, platform: 'linux' });
    assert.deepEqual([ep.host, ep.kind, ep.source], ['unix:///var/run/docker.sock', 'unix', 'default']);
    assert.equal(resolveEndpoint({}, undefined, { homedir: home, platform: 'win32' }).host, 'npipe:////./pipe/docker_engine');
  });

  it('cliEnvironment points a docker CLI at the resolved endpoint: a named context stays a context, anything else is its host', function () {
    writeContext(configDir, 'remote', 'tcp://10.0.0.5:2375');
    fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ currentContext: 'remote' }));
    const env = { DOCKER_CONFIG: configDir };
    assert.deepEqual(cliEnvironment(resolveEndpoint(env, undefined, { homedir: home })), { DOCKER_HOST: '', DOCKER_CONTEXT: 'remote' });
    assert.deepEqual(cliEnvironment(resolveEndpoint(env, undefined, { homedir: home, context: 'remote' })), { DOCKER_HOST: '', DOCKER_CONTEXT: 'remote' });
    // The setting and DOCKER_HOST beat the current context: the CLI must be told the host, and no context.
    assert.deepEqual(cliEnvironment(resolveEndpoint(env, 'tcp://10.0.0.9:2375', { homedir: home })), { DOCKER_HOST: 'tcp://10.0.0.9:2375', DOCKER_CONTEXT: '' });
    assert.deepEqual(cliEnvironment(resolveEndpoint({ ...env, DOCKER_HOST: 'unix:///tmp/d.sock' }, undefined, { homedir: home })), { DOCKER_HOST: 'unix:///tmp/d.sock', DOCKER_CONTEXT: '' });
  });

  it('DOCKER_HOST beats DOCKER_CONTEXT and config.json, as in the CLI', function () {
    writeContext(configDir, 'remote', 'tcp://10.0.0.5:2375');
    fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ currentContext: 'remote' }));
    const ep = resolveEndpoint({ DOCKER_HOST: 'unix:///tmp/d.sock', DOCKER_CONTEXT: 'remote' }, undefined, { homedir: home });
    assert.deepEqual([ep.host, ep.source, ep.context], ['unix:///tmp/d.sock', 'env', undefined]);
  });

  it('DOCKER_CONTEXT beats currentContext; currentContext comes from $DOCKER_CONFIG/config.json', function () {
    writeContext(configDir, 'remote', 'tcp://10.0.0.5:2375');
    writeContext(configDir, 'podman', 'unix:///run/user/1000/podman/podman.sock');
    fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ auths: {}, currentContext: 'podman' }));
    const byEnv = resolveEndpoint({ DOCKER_CONTEXT: 'remote' }, undefined, { homedir: home });
    assert.deepEqual([byEnv.host, byEnv.source, byEnv.context], ['tcp://10.0.0.5:2375', 'context-env', 'remote']);
    const byConfig = resolveEndpoint({}, undefined, { homedir: home });
    assert.deepEqual([byConfig.host, byConfig.source, byConfig.context], ['unix:///run/user/1000/podman/podman.sock', 'context-config', 'podman']);
    // DOCKER_CONFIG moves the whole directory.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-cfg-'));
    try {
      writeContext(other, 'elsewhere', 'tcp://192.0.2.9:2375');
      fs.writeFileSync(path.join(other, 'config.json'), JSON.stringify({ currentContext: 'elsewhere' }));
      assert.equal(resolveEndpoint({ DOCKER_CONFIG: other }, undefined, { homedir: home }).host, 'tcp://192.0.2.9:2375');
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('the "default" context means DOCKER_HOST or the platform default', function () {
    fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ currentContext: 'default' }));
    const ep = resolveEndpoint({}, undefined, { homedir: home, platform: 'linux' });
    assert.deepEqual([ep.host, ep.context], ['unix:///var/run/docker.sock', 'default']);
  });

  it('the setting beats everything; a chosen context beats DOCKER_HOST (like --context)', function () {
    writeContext(configDir, 'remote', 'tcp://10.0.0.5:2375');
    const env = { DOCKER_HOST: 'unix:///tmp/d.sock', DOCKER_CONTEXT: 'remote' };
    const setting = resolveEndpoint(env, 'tcp://127.0.0.1:2375', { homedir: home, context: 'remote' });
    assert.deepEqual([setting.host, setting.source], ['tcp://127.0.0.1:2375', 'setting']);
    const chosen = resolveEndpoint(env, undefined, { homedir: home, context: 'remote' });
    assert.deepEqual([chosen.host, chosen.source, chosen.context], ['tcp://10.0.0.5:2375', 'context-option', 'remote']);
  });

  it('TLS from the environment: DOCKER_TLS_VERIFY with DOCKER_CERT_PATH, defaulting to the config dir', function () {
    const certs = path.join(home, 'certs');
    fs.mkdirSync(certs);
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) fs.writeFileSync(path.join(certs, f), 'x');
    const ep = resolveEndpoint({ DOCKER_HOST: 'tcp://docker-host', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs }, undefined, { homedir: home });
    assert.equal(ep.host, 'tcp://docker-host:2376');
    assert.deepEqual(ep.tls, { ca: path.join(certs, 'ca.pem'), cert: path.join(certs, 'cert.pem'), key: path.join(certs, 'key.pem'), verify: true });
    // DOCKER_TLS alone: encrypted, not verified, no CA; certificates from ~/.docker.
    for (const f of ['cert.pem', 'key.pem']) fs.writeFileSync(path.join(configDir, f), 'x');
    const tlsOnly = resolveEndpoint({ DOCKER_HOST: 'tcp://docker-host:2376', DOCKER_TLS: '1' }, undefined, { homedir: home });
    assert.deepEqual(tlsOnly.tls, { ca: undefined, cert: path.join(configDir, 'cert.pem'), key: path.join(configDir, 'key.pem'), verify: false });
    // TLS verify without DOCKER_HOST: the CLI's default TLS host.
    assert.equal(resolveEndpoint({ DOCKER_TLS_VERIFY: '1' }, undefined, { homedir: home }).host, 'tcp://localhost:2376');
    assert.equal(resolveEndpoint({ DOCKER_HOST: 'tcp://docker-host:2375' }, undefined, { homedir: home }).tls, undefined);
  });

  it('TLS from a context: its tls/ files and SkipTLSVerify', function () {
    writeContext(configDir, 'secure', 'tcp://docker-host:2376', { tls: ['ca.pem', 'cert.pem', 'key.pem'] });
    writeContext(configDir, 'insecure', 'tcp://docker-host:2376', { skipTLSVerify: true });
    const secure = resolveEndpoint({ DOCKER_CONTEXT: 'secure' }, undefined, { homedir: home });
    const tlsDir = path.join(configDir, 'contexts', 'tls', contextDirName('secure'), 'docker');
    assert.deepEqual(secure.tls, { ca: path.join(tlsDir, 'ca.pem'), cert: path.join(tlsDir, 'cert.pem'), key: path.join(tlsDir, 'key.pem'), verify: true });
    const insecure = resolveEndpoint({ DOCKER_CONTEXT: 'insecure' }, undefined, { homedir: home });
    assert.deepEqual(insecure.tls, { ca: undefined, cert: undefined, key: undefined, verify: false });
  });

  it('ssh://user@host:port is split for the ssh transport', function () {
    const ep = resolveEndpoint({ DOCKER_HOST: 'ssh://learner@docker-host:2222' }, undefined, { homedir: home });
    assert.equal(ep.kind, 'ssh');
    assert.deepEqual(ep.ssh, { host: 'docker-host', port: 2222, username: 'learner' });
    assert.deepEqual(resolveEndpoint({ DOCKER_HOST: 'ssh://docker-host' }, undefined, { homedir: home }).ssh, { host: 'docker-host', port: undefined, username: undefined });
  });

  it('an unknown context or a malformed host is reported, not guessed around', function () {
    const missing = resolveEndpoint({ DOCKER_CONTEXT: 'nope' }, undefined, { homedir: home });
    assert.equal(missing.error?.code, 'context-not-found');
    assert.equal(missing.context, 'nope');
    const bad = resolveEndpoint({ DOCKER_HOST: 'http2://x' }, undefined, { homedir: home });
    assert.equal(bad.error?.code, 'invalid-host');
    fs.writeFileSync(path.join(configDir, 'config.json'), '{ not json');
    // The CLI only warns about a broken config.json and goes on with the default.
    assert.equal(resolveEndpoint({}, undefined, { homedir: home, platform: 'linux' }).host, 'unix:///var/run/docker.sock');
  });

  it('labels an endpoint by its context, else its host', function () {
    writeContext(configDir, 'remote', 'tcp://10.0.0.5:2375');
    assert.equal(endpointLabel(resolveEndpoint({ DOCKER_CONTEXT: 'remote' }, undefined, { homedir: home })), 'remote');
    assert.equal(endpointLabel(resolveEndpoint({ DOCKER_HOST: 'tcp://10.0.0.5:2375' }, undefined, { homedir: home })), 'tcp://10.0.0.5:2375');
  });

  it('lists contexts like `docker context ls`: default first, then by name, current marked', function () {
    writeContext(configDir, 'zeta', 'tcp://10.0.0.9:2375', { description: 'last' });
    writeContext(configDir, 'alpha', 'unix:///tmp/a.sock');
    fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ currentContext: 'zeta' }));
    const list = listContexts({}, { homedir: home, platform: 'linux' });
    assert.deepEqual(
      list.map((c) => [c.name, c.host, c.current]),
      [
        ['default', 'unix:///var/run/docker.sock', false],
        ['alpha', 'unix:///tmp/a.sock', false],
        ['zeta', 'tcp://10.0.0.9:2375', true],
      ],
    );
    assert.equal(list[2].description, 'last');
    // DOCKER_HOST makes "default" current, whatever config.json says.
    assert.equal(listContexts({ DOCKER_HOST: 'tcp://x:2375' }, { homedir: home }).find((c) => c.current)?.name, 'default');
  });
});
