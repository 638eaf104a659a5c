// Compose in the explorer against a real daemon and the real `docker-compose` (v1): a
// project brought up groups as project → services → containers while a plain
// container stays ungrouped; the group actions change what the daemon runs; Convert
// to Compose on two `docker run` containers gives a file Compose accepts and brings up.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { COMPOSE_V1, composeArgv, convertToCompose, runCompose, type ComposeAction, type ContainerInspect, type ImageInspect } from '../../src/compose';
import { ExplorerModel, childNodes, createGroupNodes, present, type ExplorerNode } from '../../src/explorer';
import { createdObjects, getFixture, removeCreated, uniqueName, type Fixture, freePort } from './fixture';


describe('Compose in the explorer (real daemon, docker-compose v1)', function () {
  this.timeout(180_000);
  let fx: Fixture;
  let dir: string;
  const made = createdObjects();
  /** Projects to take down at the end: name → compose file. */
  const projects = new Map<string, string>();
  const compose = (project: string, file: string, action: ComposeAction | string[]) =>
    runCompose(Array.isArray(action) ? [...COMPOSE_V1, '-p', project, '-f', file, ...action] : composeArgv(COMPOSE_V1, { project, configFiles: [file] }, action), {
      cwd: path.dirname(file),
      env: fx.env,
      timeoutMs: 120_000,
    });
  const states = async (project: string) => {
    const list = await fx.docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`] } });
    return Object.fromEntries(list.map((c) => [c.Labels['com.docker.compose.service'], c.State]));
  };

  before(async () => {
    fx = await getFixture();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-compose-'));
  });

  after(async () => {
    for (const [project, file] of projects) await compose(project, file, ['down', '-v', '--remove-orphans']).catch(() => undefined);
    await removeCreated(fx, made);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('a project brought up with docker-compose', () => {
    const project = uniqueName('shop').toLowerCase().replace(/[^a-z0-9]/g, '');
    let file: string;
    let plain: string;

    before(async () => {
      const projectDir = path.join(dir, 'shop');
      fs.mkdirSync(projectDir);
      file = path.join(projectDir, 'compose.yaml');
      fs.writeFileSync(file, 'services:\n  web:\n    image: nginx:alpine\n  cache:\n    image: redis:alpine\n');
      projects.set(project, file);
      await compose(project, file, { kind: 'up' });
      plain = uniqueName('plain');
      made.containers.push(plain);
      await fx.cliOk(['run', '-d', '--name', plain, 'nginx:alpine']);
    });

    it('groups it in the tree as project → services → containers; the plain container stays ungrouped', async () => {
      const model = new ExplorerModel({ client: () => fx.docker, endpoint: () => fx.host });
      await model.refresh();
      const top = childNodes(createGroupNodes().containers, model.state);
      const group = top.find((n): n is Extract<ExplorerNode, { kind: 'composeProject' }> => n.kind === 'composeProject' && n.project.name === project);
      assert.ok(group, `no group for ${project} in ${top.map((n) => n.key).join(', ')}`);
      assert.equal(group.project.workingDir, path.dirname(file));
      assert.deepEqual(group.project.configFiles, [file]);
      const services = childNodes(group, model.state);
      assert.deepEqual(services.map((s) => present(s, model.state, { lang: 'en' }).label), ['cache', 'web']);
      for (const service of services) {
        const containers = childNodes(service, model.state);
        assert.equal(containers.length, 1);
        assert.equal(containers[0]?.kind, 'container');
        assert.match(present(containers[0] as ExplorerNode, model.state, { lang: 'en' }).label, new RegExp(`^${project}_\\w+_1$`));
      }
      const plainNode = top.find((n) => n.kind === 'container' && present(n, model.state, { lang: 'en' }).label === plain);
      assert.ok(plainNode, 'the plain container is a top-level container node');
      assert.equal(present(group, model.state, { lang: 'en' }).description, 'Compose project · 2 services · 2/2 running');
      model.dispose();
    });

    it('stop, restart (of one service) and down change the daemon state', async () => {
      await compose(project, file, { kind: 'stop' });
      assert.deepEqual(await states(project), { web: 'exited', cache: 'exited' });
      await compose(project, file, { kind: 'restart', service: 'web' });
      assert.deepEqual(await states(project), { web: 'running', cache: 'exited' });
      await compose(project, file, { kind: 'restart' });
      assert.deepEqual(await states(project), { web: 'running', cache: 'running' });
      await compose(project, file, { kind: 'down' });
      assert.deepEqual(await states(project), {});
      const networks = await fx.docker.listNetworks({ filters: { label: [`com.docker.compose.project=${project}`] } });
      assert.deepEqual(networks, []);
    });
  });

  describe('Convert to Compose', () => {
    const other = uniqueName('other').toLowerCase().replace(/[^a-z0-9]/g, '');

    it('turns two docker run containers into a compose.yaml that docker-compose accepts and brings up', async () => {
      const network = uniqueName('cvnet');
      const volume = uniqueName('cvdata');
      const db = uniqueName('cvdb');
      const web = uniqueName('cvweb');
      made.networks.push(network);
      made.volumes.push(volume);
      made.containers.push(db, web);
      const port = await freePort();
      await fx.cliOk(['network', 'create', network]);
      await fx.cliOk(['volume', 'create', volume]);
      await fx.cliOk(['run', '-d', '--name', db, '--network', network, '--network-alias', 'database', '-v', `${volume}:/data`, '-e', 'REDIS_PASSWORD=secret', 'redis:alpine']);
      await fx.cliOk(['run', '-d', '--name', web, '--network', network, '-p', `${port}:80`, '-e', 'MODE=demo', 'nginx:alpine']);

      const inspected = (await Promise.all([db, web].map((n) => fx.docker.getContainer(n).inspect()))) as unknown as ContainerInspect[];
      const images = new Map<string, ImageInspect>();
      for (const ref of ['redis:alpine', 'nginx:alpine']) images.set(ref, (await fx.docker.getImage(ref).inspect()) as ImageInspect);
      const converted = convertToCompose(inspected, images, { lang: 'ko', baseDir: dir });
      const file = path.join(dir, 'compose.yaml');
      fs.writeFileSync(file, converted.text);
      projects.set(other, file);

      const doc = parse(converted.text) as { services: Record<string, Record<string, unknown>>; networks: Record<string, unknown>; volumes: Record<string, unknown> };
      assert.deepEqual(Object.keys(doc.services).sort(), [db, web].sort());
      assert.deepEqual(doc.services[web]?.ports, [`${port}:80`]);
      assert.deepEqual(doc.services[web]?.environment, { MODE: 'demo' });
      assert.deepEqual(doc.services[db]?.networks, { [network]: { aliases: ['database'] } });
      assert.deepEqual(Object.keys(doc.networks), [network]);
      assert.deepEqual(Object.keys(doc.volumes), [volume]);

      // Compose reads it as it was written.
      const config = parse(await runCompose([...COMPOSE_V1, '-f', file, 'config'], { cwd: dir, env: fx.env })) as typeof doc;
      assert.deepEqual(Object.keys(config.services).sort(), [db, web].sort());

      // The originals go first (same host port), then Compose brings the same services up.
      await fx.cliOk(['rm', '-f', db, web]);
      await compose(other, file, { kind: 'up' });
      const running = await states(other);
      assert.deepEqual(running, { [db]: 'running', [web]: 'running' });
      const [dbAgain] = await fx.docker.listContainers({ filters: { label: [`com.docker.compose.project=${other}`, `com.docker.compose.service=${db}`] } });
      const info = await fx.docker.getContainer(dbAgain?.Id ?? '').inspect();
      assert.ok(info.Config.Env.includes('REDIS_PASSWORD=secret'));
      assert.ok(info.Mounts.some((m) => m.Name === volume && m.Destination === '/data'));
      assert.ok(Object.values(info.NetworkSettings.Networks).some((n) => (n.Aliases ?? []).includes('database')));
      await compose(other, file, { kind: 'down' });
      assert.deepEqual(await states(other), {});
    });
  });
});
