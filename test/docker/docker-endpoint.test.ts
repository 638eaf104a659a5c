// resolveEndpoint agrees with the real docker CLI about contexts it creates,
// and our client lists what the CLI created through a daemon on a custom unix
// socket and through one on tcp://127.0.0.1:PORT.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createClient } from '../../src/docker/client';
import { contextDirName, listContexts, parseHost, resolveEndpoint } from '../../src/docker/endpoint';
import { getFixture, runDockerCli, startExtraDaemon, uniqueName, type CliResult, type ExtraDaemon, type Fixture } from './fixture';

interface InspectedContext {
  Name: string;
  Endpoints: { docker: { Host: string; SkipTLSVerify: boolean } };
  TLSMaterial?: { docker?: string[] };
  Storage: { MetadataPath: string; TLSPath: string };
}

describe('Docker endpoint resolution against the docker CLI', function () {
  let fx: Fixture;
  let configDir: string;
  let certDir: string;
  // The CLI with only the temporary config: no DOCKER_HOST, no DOCKER_CONTEXT.
  const cliEnv = () => ({ DOCKER_CONFIG: configDir, DOCKER_HOST: '', DOCKER_CONTEXT: '' });
  const docker = async (args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> => {
    const r: CliResult = await runDockerCli('', args, { env: { ...cliEnv(), ...env } });
    if (r.code !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const inspect = async (name?: string, env: NodeJS.ProcessEnv = {}) =>
    (JSON.parse(await docker(['context', 'inspect', ...(name ? [name] : [])], env)) as InspectedContext[])[0];

  before(async function () {
    fx = await getFixture();
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-config-'));
    certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-certs-'));
    const gen = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', path.join(certDir, 'key.pem'), '-out', path.join(certDir, 'cert.pem')]);
    assert.equal(gen.status, 0, String(gen.stderr));
    fs.copyFileSync(path.join(certDir, 'cert.pem'), path.join(certDir, 'ca.pem'));
    await docker(['context', 'create', 'fixture', '--description', 'the test daemon', '--docker', `host=${fx.host}`]);
    await docker(['context', 'create', 'remote-tcp', '--docker', 'host=tcp://192.0.2.10:2375']);
    await docker([
      'context',
      'create',
      'secure',
      '--docker',
      `host=tcp://192.0.2.10:2376,ca=${path.join(certDir, 'ca.pem')},cert=${path.join(certDir, 'cert.pem')},key=${path.join(certDir, 'key.pem')}`,
    ]);
    await docker(['context', 'create', 'insecure', '--docker', 'host=tcp://192.0.2.10:2376,skip-tls-verify=true']);
    await docker(['context', 'create', 'over-ssh', '--docker', 'host=ssh://learner@192.0.2.10:2222']);
  });

  after(function () {
    if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
    if (certDir) fs.rmSync(certDir, { recursive: true, force: true });
  });

  it('resolves every created context as `docker context inspect` describes it', async function () {
    for (const name of ['fixture', 'remote-tcp', 'secure', 'insecure', 'over-ssh']) {
      const cli = await inspect(name);
      const ep = resolveEndpoint({ DOCKER_CONFIG: configDir, DOCKER_CONTEXT: name });
      assert.equal(ep.error, undefined, name);
      assert.equal(ep.context, name);
      assert.equal(ep.host, parseHost(cli.Endpoints.docker.Host), name);
      assert.equal(path.basename(cli.Storage.MetadataPath), contextDirName(name), `${name}: the storage directory is sha256(name)`);
      const material = cli.TLSMaterial?.docker ?? [];
      if (material.length || cli.Endpoints.docker.SkipTLSVerify) {
        assert.equal(ep.tls?.verify, !cli.Endpoints.docker.SkipTLSVerify, name);
        for (const f of ['ca.pem', 'cert.pem', 'key.pem'] as const) {
          const key = f.slice(0, -4) as 'ca' | 'cert' | 'key';
          assert.equal(ep.tls?.[key], material.includes(f) ? path.join(cli.Storage.TLSPath, 'docker', f) : undefined, `${name} ${f}`);
          if (ep.tls?.[key]) assert.equal(fs.readFileSync(ep.tls[key]!, 'utf8'), fs.readFileSync(path.join(certDir, f), 'utf8'));
        }
      } else {
        assert.equal(ep.tls, undefined, name);
      }
    }
    assert.deepEqual(resolveEndpoint({ DOCKER_CONFIG: configDir, DOCKER_CONTEXT: 'over-ssh' }).ssh, { host: '192.0.2.10', port: 2222, username: 'learner' });
  });

  it('follows `docker context use` (currentContext), and DOCKER_CONTEXT / DOCKER_HOST over it, as the CLI does', async function () {
    await docker(['context', 'use', 'remote-tcp']);
    try {
      const current = resolveEndpoint({ DOCKER_CONFIG: configDir });
      assert.equal((await docker(['context', 'show'])).trim(), current.context);
      assert.equal(current.source, 'context-config');
      assert.equal(current.host, parseHost((await inspect()).Endpoints.docker.Host));

      const byEnv = resolveEndpoint({ DOCKER_CONFIG: configDir, DOCKER_CONTEXT: 'fixture' });
      assert.equal((await docker(['context', 'show'], { DOCKER_CONTEXT: 'fixture' })).trim(), byEnv.context);
      assert.equal(byEnv.host, fx.host);

      // DOCKER_HOST wins over both: the CLI then uses "default" with that host.
      const hostEnv = { DOCKER_CONFIG: configDir, DOCKER_CONTEXT: 'fixture', DOCKER_HOST: 'tcp://192.0.2.99:2375' };
      const byHost = resolveEndpoint(hostEnv);
      assert.equal(byHost.host, 'tcp://192.0.2.99:2375');
      const cliDefault = await inspect(undefined, { DOCKER_HOST: 'tcp://192.0.2.99:2375', DOCKER_CONTEXT: '' });
      assert.equal(cliDefault.Name, 'default');
      assert.equal(parseHost(cliDefault.Endpoints.docker.Host), byHost.host);

      // The listing matches `docker context ls`, current marker included.
      const lines = (await docker(['context', 'ls', '--format', '{{json .}}'])).trim().split('\n');
      const cliList = lines.map((l) => JSON.parse(l) as { Name: string; Current: boolean; DockerEndpoint: string; Description: string });
      const ours = listContexts({ DOCKER_CONFIG: configDir });
      assert.deepEqual(
        ours.map((c) => [c.name, c.current, c.name === 'default' ? '' : c.host]),
        cliList.map((c) => [c.Name, c.Current, c.Name === 'default' ? '' : c.DockerEndpoint]),
      );
      assert.equal(ours.find((c) => c.name === 'fixture')?.description, 'the test daemon');
    } finally {
      await docker(['context', 'use', 'default']);
    }
  });

  describe('listing through our client', function () {
    let extra: ExtraDaemon & { cli: (args: string[]) => Promise<CliResult> };
    const created: { host: 'main' | 'extra'; kind: 'container' | 'network' | 'volume'; name: string }[] = [];

    before(async function () {
      this.timeout(300000);
      extra = await startExtraDaemon({ tcpPort: true });
      await docker(['context', 'create', 'extra-tcp', '--docker', `host=${extra.tcpHost}`]);
    });

    after(async function () {
      for (const c of created.reverse()) {
        const run = c.host === 'main' ? fx.cli : extra.cli;
        await run(c.kind === 'container' ? ['rm', '-f', c.name] : [c.kind, 'rm', c.name]);
      }
      if (extra) await extra.dispose();
    });

    for (const which of ['main', 'extra'] as const) {
      it(`lists containers, networks, volumes and images the CLI made, via ${which === 'main' ? 'a custom unix socket' : 'tcp://127.0.0.1:PORT'}`, async function () {
        const context = which === 'main' ? 'fixture' : 'extra-tcp';
        const ep = resolveEndpoint({ DOCKER_CONFIG: configDir, DOCKER_CONTEXT: context });
        assert.equal(ep.kind, which === 'main' ? 'unix' : 'tcp');
        const client = createClient(ep);
        // The learner's CLI, through the same context.
        const names = { container: uniqueName('ctx-c'), network: uniqueName('ctx-n'), volume: uniqueName('ctx-v') };
        await docker(['--context', context, 'pull', '-q', 'busybox']);
        await docker(['--context', context, 'network', 'create', names.network]);
        created.push({ host: which, kind: 'network', name: names.network });
        await docker(['--context', context, 'volume', 'create', names.volume]);
        created.push({ host: which, kind: 'volume', name: names.volume });
        await docker(['--context', context, 'create', '--name', names.container, '--network', names.network, '-v', `${names.volume}:/data`, 'busybox']);
        created.push({ host: which, kind: 'container', name: names.container });

        const [containers, networks, volumes, images] = await Promise.all([
          client.listContainers({ all: true }),
          client.listNetworks(),
          client.listVolumes(),
          client.listImages(),
        ]);
        const c = containers.find((x) => x.Names.includes(`/${names.container}`));
        assert.ok(c, `container missing via ${ep.host}`);
        assert.equal(c.Image, 'busybox');
        assert.ok(Object.keys(c.NetworkSettings.Networks).includes(names.network));
        assert.ok(networks.some((n) => n.Name === names.network));
        assert.ok(volumes.Volumes.some((v) => v.Name === names.volume));
        assert.ok(images.some((i) => i.RepoTags?.includes('busybox:latest')));
        // The two daemons are distinct: each lists only its own.
        const otherEp = resolveEndpoint({ DOCKER_CONFIG: configDir, DOCKER_CONTEXT: which === 'main' ? 'extra-tcp' : 'fixture' });
        const others = await createClient(otherEp).listContainers({ all: true });
        assert.ok(!others.some((x) => x.Names.includes(`/${names.container}`)));
      });
    }
  });
});
