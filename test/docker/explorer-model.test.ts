// The explorer model against a real daemon: every group lists what the test made,
// the tree joins network members and volume users correctly, events keep it live
// (and refresh only the group they touch), and a daemon that stops and starts again
// turns the tree into the problem node and back.
import { strict as assert } from 'node:assert';
import { childNodes, containerName, createGroupNodes, layerNodes, present, rootNodes, type ExplorerNode } from '../../src/explorer';
import { getFixture, startExtraDaemon, uniqueName, type Fixture, createdObjects, removeCreated, freePort } from './fixture';
import { countedModel, mark, waitForEventsApplied, waitForRelist } from './explorer-helpers';
import { waitFor } from '../support/waitFor';
import { DEFAULT_BACKOFF_MS } from '../../src/explorer/events';
import { createClient } from '../../src/docker/client';
import { resolveEndpoint } from '../../src/docker/endpoint';


const groups = createGroupNodes();

describe('explorer model (real daemon)', function () {
  let fx: Fixture;
  const made = createdObjects();

  before(async function () {
    fx = await getFixture();
    await fx.cliOk(['pull', '-q', 'nginx:alpine']);
  });

  after(async function () {
    if (fx) await removeCreated(fx, made);
  });

  it('lists in every group what the test created, joined the way the tree shows it', async function () {
    const network = uniqueName('xnet');
    const volume = uniqueName('xvol');
    const running = uniqueName('xrun');
    const stopped = uniqueName('xstop');
    const tag = `${uniqueName('ximg')}:v1`;
    const port = await freePort();
    made.networks.push(network);
    made.volumes.push(volume);
    made.containers.push(running, stopped);
    made.images.push(tag);
    await fx.cliOk(['network', 'create', network]);
    await fx.cliOk(['volume', 'create', volume]);
    await fx.cliOk(['run', '-d', '--name', running, '--network', network, '-v', `${volume}:/data`, '-p', `${port}:80`, 'nginx:alpine']);
    await fx.cliOk(['create', '--name', stopped, 'nginx:alpine']);
    await fx.cliOk(['tag', 'nginx:alpine', tag]);
    const ip = (await fx.cliOk(['inspect', '-f', `{{(index .NetworkSettings.Networks "${network}").IPAddress}}`, running])).trim();

    const { model, calls } = countedModel(fx.docker, fx.host);
    await model.refresh();
    const s = model.state;
    assert.equal(s.problem, undefined);

    // Containers: both, running before stopped, with port, network (and IP) and mount children.
    const containerNodes = childNodes(groups.containers, s);
    const names = containerNodes.map((n) => present(n, s, { lang: 'en' }).label);
    assert.ok(names.indexOf(running) >= 0 && names.indexOf(stopped) > names.indexOf(running), names.join(', '));
    const runningNode = containerNodes[names.indexOf(running)] as ExplorerNode;
    assert.equal(present(runningNode, s, { lang: 'en' }).contextValue, 'container.running');
    assert.equal(present(containerNodes[names.indexOf(stopped)] as ExplorerNode, s, { lang: 'en' }).contextValue, 'container.created');
    const children = childNodes(runningNode, s).map((n) => present(n, s, { lang: 'en' }));
    assert.ok(children.some((c) => c.label === `${port} → 80/tcp` && c.command?.command === 'dockerLabs.explorer.container.openPort'));
    assert.ok(children.some((c) => c.label === network && c.description === `network · ${ip}`));
    assert.ok(children.some((c) => c.label === `volume ${volume} → /data`));

    // Images: the new tag, with its layers from the real history.
    const imageNode = childNodes(groups.images, s).find((n) => n.kind === 'image' && n.ref === tag);
    assert.ok(imageNode && imageNode.kind === 'image', `image ${tag} listed`);
    const layers = layerNodes(imageNode, await model.history(imageNode.image.Id)).map((n) => present(n, s, { lang: 'en' }).label);
    assert.ok(layers.length > 3);
    assert.ok(layers.every((l) => !l.includes('#(nop)') && !l.includes('/bin/sh -c')), layers.join('\n'));
    assert.ok(layers.some((l) => /CMD \["nginx"/.test(l)), layers.join('\n'));

    // Networks: the new one, custom, with the container and the IP the daemon gave it.
    const networkNode = childNodes(groups.networks, s).find((n) => n.kind === 'network' && n.network.Name === network);
    assert.ok(networkNode, `network ${network} listed`);
    assert.equal(present(networkNode, s, { lang: 'en' }).contextValue, 'network.custom');
    const members = childNodes(networkNode, s).map((n) => present(n, s, { lang: 'en' }));
    assert.deepEqual(members.map((m) => [m.label, m.description]), [[running, ip]]);
    const bridge = childNodes(groups.networks, s).find((n) => n.kind === 'network' && n.network.Name === 'bridge');
    assert.ok(bridge && present(bridge, s, { lang: 'en' }).contextValue === 'network.builtin');

    // Volumes: the new one, used by the container at /data.
    const volumeNode = childNodes(groups.volumes, s).find((n) => n.kind === 'volume' && n.volume.Name === volume);
    assert.ok(volumeNode, `volume ${volume} listed`);
    const users = childNodes(volumeNode, s).map((n) => present(n, s, { lang: 'en' }));
    assert.deepEqual(users.map((u) => [u.label, u.description]), [[running, 'at /data']]);

    // One list call per group, no inspect per object.
    assert.deepEqual(calls, { listContainers: 1, listImages: 1, listNetworks: 1, listVolumes: 1 });
  });

  it('shows a container started from the CLI within 1 s while live', async function () {
    const counted = countedModel(fx.docker, fx.host);
    const { model } = counted;
    try {
      await model.load();
      const live = mark(counted);
      model.setLive(true);
      // Let the event stream connect (its first connection re-lists everything).
      await waitForRelist(counted, live);
      const name = uniqueName('xlive');
      made.containers.push(name);
      await fx.cliOk(['run', '-d', '--name', name, 'nginx:alpine']);
      const returned = Date.now();
      await waitFor(`${name} in the model`, () => (model.state.data.containers ?? []).some((c) => containerName(c) === name), 1000);
      const shownAfter = Date.now() - returned;
      assert.ok(shownAfter <= 1000, `shown ${shownAfter} ms after docker run returned`);
      // And it goes again when removed.
      await fx.cliOk(['rm', '-f', name]);
      await waitFor(`${name} gone from the model`, () => !(model.state.data.containers ?? []).some((c) => containerName(c) === name), 1000);
    } finally {
      model.dispose();
    }
  });

  it('asks only for the container an event names, and merges it into the list', async function () {
    const name = uniqueName('xtarget');
    made.containers.push(name);
    await fx.cliOk(['run', '-d', '--name', name, 'nginx:alpine']);
    const counted = countedModel(fx.docker, fx.host);
    const { model, containerLists } = counted;
    try {
      await model.load();
      const live = mark(counted);
      model.setLive(true);
      await waitForRelist(counted, live);
      const before = (model.state.data.containers ?? []).length;
      const id = (await fx.cliOk(['inspect', '-f', '{{.Id}}', name])).trim();
      containerLists.length = 0;
      await fx.cliOk(['stop', '-t', '1', name]);
      await waitFor(`${name} shown as exited`, () => (model.state.data.containers ?? []).find((c) => c.Id === id)?.State === 'exited', 5000);
      assert.ok(containerLists.length > 0);
      for (const call of containerLists) assert.ok(call.filters?.id?.includes(id), `a targeted list, not ${JSON.stringify(call)}`);
      assert.equal((model.state.data.containers ?? []).filter((c) => c.Id === id).length, 1, 'merged, not duplicated');
      assert.ok(Math.abs((model.state.data.containers ?? []).length - before) <= 2, 'the rest of the list stays');
      await fx.cliOk(['rm', name]);
      await waitFor(`${name} gone`, () => !(model.state.data.containers ?? []).some((c) => c.Id === id), 5000);
    } finally {
      model.dispose();
    }
  });
});

describe('explorer model on a daemon of its own (stop, start, quiet events)', function () {
  this.timeout(120_000);
  let daemon: Awaited<ReturnType<typeof startExtraDaemon>>;

  before(async function () {
    daemon = await startExtraDaemon();
  });

  after(async function () {
    await daemon?.dispose();
  });

  it('refreshes only the group an event touches, and gathers a burst into few lists', async function () {
    const counted = countedModel(daemon.client(), daemon.host);
    const { model, calls, changes } = counted;
    try {
      await model.load();
      const live = mark(counted);
      model.setLive(true);
      await waitForRelist(counted, live, 5000);
      assert.equal(calls.getEvents, 1);
      const before = { ...calls };
      changes.length = 0;
      const names = Array.from({ length: 8 }, () => uniqueName('xburst'));
      await Promise.all(names.map((n) => daemon.cli(['volume', 'create', n])));
      await waitFor('all volumes listed', () => names.every((n) => (model.state.data.volumes ?? []).some((v) => v.Name === n)), 3000);
      // Count the lists of late events too: wait until every create event arrived and was listed.
      await waitForEventsApplied(
        counted,
        'every volume create event applied',
        names.map((n) => (e) => e.Type === 'volume' && (e.Action ?? e.status) === 'create' && e.Actor?.ID === n),
        'volumes',
        3000,
      );
      const volumeLists = (calls.listVolumes ?? 0) - (before.listVolumes ?? 0);
      assert.ok(volumeLists >= 1 && volumeLists < names.length, `8 volume events made ${volumeLists} volume lists`);
      assert.equal(calls.listContainers, before.listContainers, 'containers were not re-listed');
      assert.equal(calls.listImages, before.listImages, 'images were not re-listed');
      assert.equal(calls.listNetworks, before.listNetworks, 'networks were not re-listed');
      assert.ok(changes.every((c) => !c.roots && c.groups.every((g) => g === 'volumes')), JSON.stringify(changes));
    } finally {
      model.dispose();
    }
  });

  it('turns into the problem node when the daemon stops and recovers by itself within 5 s of it starting', async function () {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const counted = countedModel(daemon.client(), daemon.host);
    const { model, calls } = counted;
    try {
      await model.load();
      const live = mark(counted);
      model.setLive(true);
      assert.equal(model.state.problem, undefined);
      await waitForRelist(counted, live);

      const connectsBeforeStop = calls.getEvents ?? 0;
      await daemon.stop();
      const problem = await waitFor('the problem state', () => model.state.problem, 10_000, 20);
      assert.equal(problem.connection, true);
      assert.equal(problem.kind, 'not-running');
      const roots = rootNodes(model.state, groups);
      assert.equal(roots.length, 1);
      const view = present(roots[0] as ExplorerNode, model.state, { lang: 'en' });
      assert.equal(view.label, `Cannot reach Docker at ${daemon.host}`);
      assert.ok(childNodes(roots[0] as ExplorerNode, model.state).some((n) => n.kind === 'retry'));

      // Stay down until the reconnects went through every backoff delay, the longest
      // last: the reconnect backoff must not pile up or throw.
      await waitFor('reconnect attempts through the whole backoff', () => (calls.getEvents ?? 0) - connectsBeforeStop >= DEFAULT_BACKOFF_MS.length, 15_000, 20);
      const restarted = mark(counted);
      await daemon.start();
      const back = Date.now();
      await waitFor('recovery', () => model.state.problem === undefined && model.state.data.containers !== undefined, 5000, 20);
      const recoveredAfter = Date.now() - back;
      assert.ok(recoveredAfter <= 5000, `recovered ${recoveredAfter} ms after the daemon answered`);
      assert.equal(rootNodes(model.state, groups).length, 4);
      // The reconnected stream re-lists everything: a rejection on the way would be unhandled.
      await waitForRelist(counted, restarted);
      assert.deepEqual(unhandled, []);
    } finally {
      model.dispose();
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('names the cause when nothing listens on the socket', async function () {
    const missing = `${daemon.socketPath}.missing`;
    const { model } = countedModel(createClient(resolveEndpoint({}, `unix://${missing}`)), `unix://${missing}`);
    await model.load();
    assert.equal(model.state.problem?.kind, 'not-running');
    assert.ok(model.state.problem?.help.some((h) => h.command === 'sudo systemctl start docker'));
  });
});
