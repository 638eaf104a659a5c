// Every explorer action through the pure action layer against a real daemon: it does
// what its CLI equivalent does, and its failure cases (the course's intentional
// errors among them) come back as one clear sentence, never a stack trace.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  commandLine,
  containerActions,
  describeProblem,
  imageActions,
  listGroup,
  networkActions,
  apiVersionOf,
  prune,
  prunePlan,
  terminalCommands,
  volumeActions,
  type ContainerRef,
  type Planned,
} from '../../src/explorer';
import type { PullProgress } from '../../src/docker';
import { getFixture, startExtraDaemon, uniqueName, type Fixture, createdObjects, removeCreated, freePort } from './fixture';


/** Runs a planned action that must fail; returns the learner's message (English and Korean). */
async function failure(planned: Planned<unknown>): Promise<{ en: string; ko: string }> {
  try {
    await planned.run();
  } catch (error) {
    const cause = describeProblem(error).cause;
    for (const text of [cause.en, cause.ko]) {
      assert.ok(text.length > 0);
      assert.doesNotMatch(text, /HTTP code|\n\s+at |Error:/, `not a clear message: ${text}`);
    }
    return cause;
  }
  assert.fail(`${commandLine(planned.argv)} should have failed`);
}

describe('explorer actions (real daemon)', function () {
  let fx: Fixture;
  const made = createdObjects();
  const name = (kind: keyof typeof made, prefix: string) => {
    const n = uniqueName(prefix);
    made[kind].push(n);
    return n;
  };
  const state = async (c: string) => (await fx.cliOk(['inspect', '-f', '{{.State.Status}}', c])).trim();
  const ref = async (c: string): Promise<ContainerRef> => ({ id: (await fx.cliOk(['inspect', '-f', '{{.Id}}', c])).trim(), name: c });

  before(async function () {
    fx = await getFixture();
    await fx.cliOk(['pull', '-q', 'nginx:alpine']);
  });

  after(async function () {
    if (fx) await removeCreated(fx, made);
  });

  it('starts, stops, restarts and removes a container, printing the CLI line for each', async function () {
    const c = name('containers', 'xlife');
    await fx.cliOk(['create', '--name', c, 'nginx:alpine']);
    const r = await ref(c);
    const start = containerActions.start(fx.docker, r);
    assert.equal(commandLine(start.argv), `docker start ${c}`);
    await start.run();
    assert.equal(await state(c), 'running');
    await containerActions.start(fx.docker, r).run(); // already running: quiet, like the CLI
    const restart = containerActions.restart(fx.docker, r);
    assert.equal(commandLine(restart.argv), `docker restart ${c}`);
    await restart.run();
    assert.equal(await state(c), 'running');
    const stop = containerActions.stop(fx.docker, r);
    assert.equal(commandLine(stop.argv), `docker stop ${c}`);
    await stop.run();
    assert.equal(await state(c), 'exited');
    await containerActions.stop(fx.docker, r).run(); // already stopped: quiet
    const inspected = (await containerActions.inspect(fx.docker, r).run()) as { Name: string };
    assert.equal(inspected.Name, `/${c}`);
    const remove = containerActions.remove(fx.docker, r);
    assert.equal(commandLine(remove.argv), `docker rm ${c}`);
    await remove.run();
    assert.equal((await fx.cli(['inspect', c])).code, 1);
  });

  it('refuses to remove a running container without force, then removes it with -f', async function () {
    const c = name('containers', 'xrm');
    await fx.cliOk(['run', '-d', '--name', c, 'nginx:alpine']);
    const r = await ref(c);
    const message = await failure(containerActions.remove(fx.docker, r));
    assert.match(message.en, /running|stop/i);
    const force = containerActions.remove(fx.docker, r, true);
    assert.equal(commandLine(force.argv), `docker rm -f ${c}`);
    await force.run();
    assert.equal((await fx.cli(['inspect', c])).code, 1);
  });

  it('gives the logs and shell commands the course teaches', () => {
    assert.equal(commandLine(terminalCommands.logs({ id: 'x', name: 'web-server' })), 'docker logs -f --tail 200 web-server');
    assert.equal(commandLine(terminalCommands.shell({ id: 'x', name: 'web-server' })), 'docker exec -it web-server sh');
  });

  it('runs an image with name, port, network and environment, like docker run -d', async function () {
    const network = name('networks', 'xrunnet');
    await fx.cliOk(['network', 'create', network]);
    const c = name('containers', 'xrunweb');
    const port = await freePort();
    const planned = imageActions.run(fx.docker, { image: 'nginx:alpine', name: c, ports: [{ hostPort: port, containerPort: 80, protocol: 'tcp' }], network, env: ['GREETING=hello world'] });
    assert.equal(commandLine(planned.argv), `docker run -d --name ${c} -p ${port}:80 --network ${network} -e 'GREETING=hello world' nginx:alpine`);
    const id = await planned.run();
    const info = JSON.parse(await fx.cliOk(['inspect', c]))[0];
    assert.equal(info.Id, id);
    assert.equal(info.State.Status, 'running');
    assert.ok(info.Config.Env.includes('GREETING=hello world'));
    assert.equal(info.HostConfig.PortBindings['80/tcp'][0].HostPort, String(port));
    assert.ok(network in info.NetworkSettings.Networks);

    // The course's intentional errors: a name in use, a port already allocated.
    const taken = await failure(imageActions.run(fx.docker, { image: 'nginx:alpine', name: c, ports: [], env: [] }));
    assert.match(taken.en, new RegExp(c));
    const other = name('containers', 'xrunport');
    const busy = await failure(imageActions.run(fx.docker, { image: 'nginx:alpine', name: other, ports: [{ hostPort: port, containerPort: 80, protocol: 'tcp' }], env: [] }));
    assert.match(busy.en, new RegExp(`${port}|port`, 'i'));
    assert.equal(await state(other), 'created', 'like the CLI, the container whose start failed stays');
    const noNetwork = await failure(imageActions.run(fx.docker, { image: 'nginx:alpine', network: 'no-such-network-here', ports: [], env: [] }));
    assert.match(noNetwork.en, /no-such-network-here/);
  });

  it('tags, shows history of, inspects and removes an image; explains why removing it by ID is refused', async function () {
    const tag = `${uniqueName('ximage')}:v1`;
    made.images.push(tag);
    const planned = imageActions.tag(fx.docker, 'nginx:alpine', tag);
    assert.equal(commandLine(planned.argv), `docker tag nginx:alpine ${tag}`);
    await planned.run();
    const images = await listGroup(fx.docker, 'images');
    assert.ok(images.some((i) => (i.RepoTags ?? []).includes(tag)));
    const history = (await imageActions.history(fx.docker, tag).run()) as Array<{ CreatedBy: string }>;
    assert.ok(history.length > 3);
    const info = (await imageActions.inspect(fx.docker, tag).run()) as { RepoTags: string[] };
    assert.ok(info.RepoTags.includes(tag));

    // By ID, an image with several tags (nginx:alpine and ours) is refused; on a shared
    // daemon other containers may use nginx:alpine, which the daemon then names first.
    const id = (await fx.cliOk(['image', 'inspect', '-f', '{{.Id}}', tag])).trim();
    const tags = await failure(imageActions.remove(fx.docker, id));
    assert.match(tags.en, /several tags|being used by container/);
    const remove = imageActions.remove(fx.docker, tag);
    assert.equal(commandLine(remove.argv), `docker rmi ${tag}`);
    await remove.run();
    assert.ok(!(await listGroup(fx.docker, 'images')).some((i) => (i.RepoTags ?? []).includes(tag)));
  });

  it('refuses to remove an image a container uses, naming the container', async function () {
    const tag = `${uniqueName('xinuse')}:v1`;
    made.images.push(tag);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-inuse-'));
    try {
      fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM nginx:alpine\nLABEL test=${tag}\n`);
      await fx.cliOk(['build', '-q', '-t', tag, dir]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const c = name('containers', 'xinuse');
    const id = (await fx.cliOk(['create', '--name', c, tag])).trim();
    const inUse = await failure(imageActions.remove(fx.docker, tag));
    assert.match(inUse.en, new RegExp(`used by container ${id.slice(0, 12)}`));
    assert.match(inUse.ko, /사용 중/);
  });

  it('creates, connects, disconnects and removes a network; explains duplicates and active endpoints', async function () {
    const network = name('networks', 'xpair-network');
    const create = networkActions.create(fx.docker, network);
    assert.equal(commandLine(create.argv), `docker network create ${network}`);
    await create.run();
    // The course's intentional error 1: the same name again.
    const duplicate = await failure(networkActions.create(fx.docker, network));
    assert.match(duplicate.en, new RegExp(network));

    const c = name('containers', 'xpair-web');
    await fx.cliOk(['run', '-d', '--name', c, 'nginx:alpine']);
    const r = await ref(c);
    const connect = networkActions.connect(fx.docker, network, r);
    assert.equal(commandLine(connect.argv), `docker network connect ${network} ${c}`);
    await connect.run();
    const nets = JSON.parse(await fx.cliOk(['inspect', '-f', '{{json .NetworkSettings.Networks}}', c]));
    assert.ok(network in nets);
    const busy = await failure(networkActions.remove(fx.docker, network));
    assert.match(busy.en, /active endpoints|in use|disconnect/i);
    const disconnect = networkActions.disconnect(fx.docker, network, r);
    assert.equal(commandLine(disconnect.argv), `docker network disconnect ${network} ${c}`);
    await disconnect.run();
    const inspected = (await networkActions.inspect(fx.docker, network).run()) as { Name: string };
    assert.equal(inspected.Name, network);
    const remove = networkActions.remove(fx.docker, network);
    assert.equal(commandLine(remove.argv), `docker network rm ${network}`);
    await remove.run();
    assert.equal((await fx.cli(['network', 'inspect', network])).code, 1);
  });

  it('creates a network with a subnet, as `docker network create --subnet` does', async function () {
    const network = name('networks', 'xsubnet');
    const planned = networkActions.create(fx.docker, network, '10.213.91.0/24');
    assert.equal(commandLine(planned.argv), `docker network create --subnet 10.213.91.0/24 ${network}`);
    await planned.run();
    assert.equal((await fx.cliOk(['network', 'inspect', '-f', '{{(index .IPAM.Config 0).Subnet}}', network])).trim(), '10.213.91.0/24');
    await failure(networkActions.create(fx.docker, name('networks', 'xsubnet2'), '10.213.91.0/24'));
  });

  it('creates, inspects and removes a volume; refuses to remove one in use', async function () {
    const volume = name('volumes', 'xdata');
    const create = volumeActions.create(fx.docker, volume);
    assert.equal(commandLine(create.argv), `docker volume create ${volume}`);
    assert.equal(await create.run(), volume);
    const inspected = (await volumeActions.inspect(fx.docker, volume).run()) as { Name: string };
    assert.equal(inspected.Name, volume);
    const c = name('containers', 'xvoluser');
    await fx.cliOk(['create', '--name', c, '-v', `${volume}:/data`, 'nginx:alpine']);
    const inUse = await failure(volumeActions.remove(fx.docker, volume));
    assert.match(inUse.en, /in use|container/i);
    await fx.cliOk(['rm', c]);
    const remove = volumeActions.remove(fx.docker, volume);
    assert.equal(commandLine(remove.argv), `docker volume rm ${volume}`);
    await remove.run();
    assert.equal((await fx.cli(['volume', 'inspect', volume])).code, 1);
  });
});

describe('explorer pull and prune (a daemon of its own)', function () {
  this.timeout(180_000);
  let daemon: Awaited<ReturnType<typeof startExtraDaemon>>;

  before(async function () {
    daemon = await startExtraDaemon();
    const ok = async (args: string[]) => {
      const r = await daemon.cli(args);
      if (r.code !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`);
      return r.stdout.trim();
    };
    await ok(['pull', '-q', 'nginx:alpine']);
    // A dangling image: the same tag built twice.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-prune-'));
    try {
      for (const label of ['1', '2']) {
        fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM nginx:alpine\nLABEL build=${label}\n`);
        await ok(['build', '-q', '-t', 'prune-me:latest', dir]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await ok(['network', 'create', '--subnet', '10.213.92.0/24', 'unused-net']);
    await ok(['network', 'create', '--subnet', '10.213.93.0/24', 'stopped-net']);
    await ok(['network', 'create', '--subnet', '10.213.94.0/24', 'busy-net']);
    await ok(['create', '--name', 'stopped-one', '--network', 'stopped-net', '-v', '/anon-data', 'nginx:alpine']);
    await ok(['run', '-d', '--name', 'running-one', '--network', 'busy-net', '-v', 'named-data:/data', 'nginx:alpine']);
    await ok(['volume', 'create', 'kept-named']);
    const anon = await ok(['volume', 'create', '--label', 'com.docker.volume.anonymous=', ]);
    assert.ok(anon.length > 0);
  });

  after(async function () {
    if (!daemon) return;
    // A network's Linux bridge outlives a stopped daemon: remove them while it runs.
    await daemon.cli(['rm', '-f', 'running-one', 'stopped-one']);
    await daemon.cli(['network', 'rm', 'busy-net', 'stopped-net', 'unused-net']);
    await daemon.dispose();
  });

  async function data() {
    const docker = daemon.client();
    return {
      containers: await listGroup(docker, 'containers'),
      images: await listGroup(docker, 'images'),
      networks: await listGroup(docker, 'networks'),
      volumes: await listGroup(docker, 'volumes'),
    };
  }

  it('pulls with progress; a missing image and a cancelled pull fail clearly', async function () {
    await daemon.cli(['rmi', 'redis:7-alpine']);
    const seen: number[] = [];
    const planned = imageActions.pull(daemon.client(), 'redis:7-alpine', { onProgress: (p: PullProgress) => seen.push(p.fraction) });
    assert.equal(commandLine(planned.argv), 'docker pull redis:7-alpine');
    await planned.run();
    assert.ok(seen.length > 0);
    assert.equal(seen.at(-1), 1);
    assert.equal((await daemon.cli(['image', 'inspect', 'redis:7-alpine'])).code, 0);

    await failure(imageActions.pull(daemon.client(), 'no-such-image-anywhere:1'));

    await daemon.cli(['rmi', 'node:20']);
    const abort = new AbortController();
    const cancelled = imageActions.pull(daemon.client(), 'node:20', { signal: abort.signal, onProgress: () => abort.abort() });
    await assert.rejects(cancelled.run(), (e: Error) => e.name === 'AbortError');
    await daemon.cli(['rmi', 'node:20']);
  });

  it('removes exactly what the confirmation listed', async function () {
    const docker = daemon.client();
    const apiVersion = await apiVersionOf(docker);
    for (const kind of ['containers', 'networks', 'images', 'volumes'] as const) {
      const before = await data();
      const plan = prunePlan(kind, before, apiVersion);
      const result = await prune(docker, plan).run();
      const after = await data();
      const gone = {
        containers: before.containers.filter((c) => !after.containers.some((a) => a.Id === c.Id)).map((c) => c.Names[0]?.slice(1)),
        networks: before.networks.filter((n) => !after.networks.some((a) => a.Id === n.Id)).map((n) => n.Name),
        images: before.images.filter((i) => !after.images.some((a) => a.Id === i.Id)).map((i) => i.Id.slice(7, 19)),
        volumes: before.volumes.filter((v) => !after.volumes.some((a) => a.Name === v.Name)).map((v) => v.Name),
      }[kind];
      assert.deepEqual(new Set(plan.items.map((i) => i.name)), new Set(gone), `${kind}: listed ${JSON.stringify(plan.items)} but removed ${JSON.stringify(gone)}`);
      assert.ok(plan.items.length > 0, `${kind}: the setup left something to prune`);
      assert.equal(result.removed.length > 0, true);
    }
    const left = await data();
    assert.deepEqual(left.containers.map((c) => c.Names[0]), ['/running-one']);
    assert.ok(left.networks.some((n) => n.Name === 'busy-net'));
    // Named volumes survive a prune only from API 1.42 (Docker 23) on; one in use always does.
    assert.ok(left.volumes.some((v) => v.Name === 'named-data'));
    assert.equal(left.volumes.some((v) => v.Name === 'kept-named'), Number(apiVersion?.split('.')[1]) >= 42);
    assert.equal(commandLine(prunePlan('system', left).argv), 'docker system prune');
  });
});
