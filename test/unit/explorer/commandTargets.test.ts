import { strict as assert } from 'node:assert';
import { resolveTargets, type PickItem, type TargetHost, type TargetKind } from '../../../src/explorer/commandTargets';
import { containerName } from '../../../src/explorer/daemonLists';
import { childNodes, createGroupNodes, type ExplorerNode, type TreeState } from '../../../src/explorer/tree';
import { data } from './fixtures';

/** The editor side, faked: it records what the quick pick offered and answers with `choose`. */
function host(
  over: {
    ready?: boolean;
    state?: Partial<TreeState>;
    choose?: (items: PickItem<unknown>[]) => PickItem<unknown> | undefined;
    chooseMany?: (items: Array<PickItem<unknown> & { picked: boolean }>) => Array<PickItem<unknown>> | undefined;
  } = {},
) {
  const ticked: string[][] = [];
  const offered: Array<{ labels: string[]; descriptions: Array<string | undefined>; placeHolder: string }> = [];
  const nothing: TargetKind[] = [];
  let readyCalls = 0;
  const fake: TargetHost = {
    ready: async () => {
      readyCalls++;
      return over.ready ?? true;
    },
    state: () => ({ endpoint: 'unix:///var/run/docker.sock', data, groupErrors: {}, showDangling: false, ...over.state }),
    pick: async <T>(items: PickItem<T>[], placeHolder: string) => {
      offered.push({ labels: items.map((i) => i.label), descriptions: items.map((i) => i.description), placeHolder });
      return (over.choose ?? ((all) => all[0]))(items as PickItem<unknown>[]) as PickItem<T> | undefined;
    },
    pickMany: async <T>(items: Array<PickItem<T> & { picked: boolean }>, placeHolder: string) => {
      offered.push({ labels: items.map((i) => i.label), descriptions: items.map((i) => i.description), placeHolder });
      ticked.push(items.filter((i) => i.picked).map((i) => i.label));
      return (over.chooseMany ?? ((all) => all.filter((i) => i.picked)))(items as Array<PickItem<unknown> & { picked: boolean }>) as Array<PickItem<T>> | undefined;
    },
    nothingToPick: (kind) => nothing.push(kind),
  };
  return { fake, offered, ticked, nothing, readyCalls: () => readyCalls };
}

const groups = createGroupNodes();
const s: TreeState = { endpoint: 'unix:///var/run/docker.sock', data, groupErrors: {}, showDangling: true };
const containerNodes = childNodes(groups.containers, s);
const imageNodes = childNodes(groups.images, s);
const networkNodes = childNodes(groups.networks, s);
const volumeNodes = childNodes(groups.volumes, s);
const byLabel = (nodes: ExplorerNode[], test: (n: ExplorerNode) => boolean) => {
  const found = nodes.find(test);
  assert.ok(found, 'fixture node');
  return found;
};
const web = byLabel(containerNodes, (n) => n.kind === 'container' && containerName(n.container) === 'pair1-web');
const mysql = byLabel(containerNodes, (n) => n.kind === 'container' && containerName(n.container) === 'pair1-mysql');
const stopped = byLabel(containerNodes, (n) => n.kind === 'container' && containerName(n.container) === 'stopped-web');

describe('explorer command targets', () => {
  it('takes the clicked item, without asking the daemon or the learner', async () => {
    const h = host();
    const targets = await resolveTargets(h.fake, 'container', { node: web }, { placeHolder: 'Container to stop' });
    assert.deepEqual(targets.map(containerName), ['pair1-web']);
    assert.equal(h.offered.length, 0);
    assert.equal(h.readyCalls(), 0);
  });

  it('takes a child item as its container: a port, a network member, a volume user', async () => {
    const h = host();
    const port = childNodes(web, s)[0] as ExplorerNode;
    const pairNetwork = byLabel(networkNodes, (n) => n.kind === 'network' && n.network.Name === 'pair1-network');
    const member = childNodes(pairNetwork, s)[0] as ExplorerNode;
    const user = childNodes(volumeNodes[0] as ExplorerNode, s)[0] as ExplorerNode;
    assert.deepEqual((await resolveTargets(h.fake, 'container', { node: port }, { placeHolder: '' })).map(containerName), ['pair1-web']);
    assert.deepEqual((await resolveTargets(h.fake, 'container', { node: member }, { placeHolder: '' })).map(containerName), ['pair1-mysql']);
    assert.deepEqual((await resolveTargets(h.fake, 'container', { node: user }, { placeHolder: '' })).map(containerName), ['pair1-mysql']);
    // A member also names its network, a user its volume.
    assert.deepEqual((await resolveTargets(h.fake, 'network', { node: member }, { placeHolder: '' })).map((n) => n.Name), ['pair1-network']);
    assert.deepEqual((await resolveTargets(h.fake, 'volume', { node: user }, { placeHolder: '' })).map((v) => v.Name), ['db-data']);
  });

  it('takes the whole selection, in order, when the command takes several', async () => {
    const h = host();
    const targets = await resolveTargets(h.fake, 'container', { node: web, selected: [stopped, web, mysql] }, { many: true, placeHolder: '' });
    assert.deepEqual(targets.map(containerName), ['stopped-web', 'pair1-web', 'pair1-mysql']);
  });

  it('takes only the clicked item when the command acts on one, whatever is selected', async () => {
    const h = host();
    const targets = await resolveTargets(h.fake, 'container', { node: web, selected: [stopped, web, mysql] }, { placeHolder: '' });
    assert.deepEqual(targets.map(containerName), ['pair1-web']);
  });

  it('skips selected items of another kind, and a layer names its image by ID', async () => {
    const h = host();
    const nginx = byLabel(imageNodes, (n) => n.kind === 'image' && n.ref === 'nginx:alpine');
    const mixed = [web, nginx, volumeNodes[0] as ExplorerNode, mysql];
    assert.deepEqual((await resolveTargets(h.fake, 'container', { node: web, selected: mixed }, { many: true, placeHolder: '' })).map(containerName), ['pair1-web', 'pair1-mysql']);
    const images = await resolveTargets(h.fake, 'image', { node: nginx, selected: mixed }, { many: true, placeHolder: '' });
    assert.deepEqual(images.map((i) => i.ref), ['nginx:alpine']);
    assert.equal(images[0]?.node, nginx);
    assert.deepEqual(await resolveTargets(h.fake, 'network', { node: web, selected: mixed }, { many: true, placeHolder: '' }), []);
    const layer: ExplorerNode = { kind: 'layer', key: 'l', image: data.images[0]!, entry: { Id: 'x', Created: 0, CreatedBy: '', Size: 0 }, index: 1 };
    assert.deepEqual(await resolveTargets(h.fake, 'image', { node: layer }, { placeHolder: '' }), [{ ref: data.images[0]!.Id }]);
  });

  it('lets a command narrow which items name a target', async () => {
    const h = host();
    const pairNetwork = byLabel(networkNodes, (n) => n.kind === 'network' && n.network.Name === 'pair1-network');
    const member = childNodes(pairNetwork, s)[0] as ExplorerNode;
    const onlyNetworks = (n: ExplorerNode) => (n.kind === 'network' ? n.network : undefined);
    const targets = await resolveTargets(h.fake, 'network', { node: pairNetwork, selected: [pairNetwork, member] }, { many: true, fromNode: onlyNetworks, placeHolder: '' });
    assert.deepEqual(targets.map((n) => n.Name), ['pair1-network']);
  });

  it('asks with a quick pick of the right kind from the palette, offering only what the filter lets through', async () => {
    const h = host({ choose: (items) => items.find((i) => i.label === 'stopped-web') });
    const targets = await resolveTargets(h.fake, 'container', {}, { filter: (c) => c.State !== 'running', placeHolder: 'Container to start' });
    assert.deepEqual(targets.map(containerName), ['stopped-web']);
    assert.equal(h.readyCalls(), 1);
    assert.deepEqual(h.offered, [{ labels: ['stopped-web', 'a-created'], descriptions: ['nginx:alpine · Exited (0) 2 hours ago', 'nginx:alpine · Created'], placeHolder: 'Container to start' }]);
  });

  it('offers every image by reference from the palette, dangling ones too, with sizes', async () => {
    const h = host({ choose: (items) => items.at(-1) });
    const [image] = await resolveTargets(h.fake, 'image', {}, { placeHolder: 'Image to inspect' });
    assert.deepEqual(h.offered[0]?.labels, ['mysql:8.0', 'nginx:alpine', 'web:v1', 'cccccccccccc']);
    assert.deepEqual(h.offered[0]?.descriptions, ['85.88MB', '4.27MB', '4.27MB', '1kB']);
    assert.equal(image?.ref, 'cccccccccccc');
    assert.equal(image?.node?.kind, 'image');
  });

  it('offers networks and volumes by name with their drivers', async () => {
    const h = host();
    await resolveTargets(h.fake, 'network', {}, { filter: (n) => n.Name !== 'host', placeHolder: 'Network' });
    await resolveTargets(h.fake, 'volume', {}, { placeHolder: 'Volume' });
    assert.deepEqual(h.offered[0]?.labels, ['pair1-network', 'bridge', 'none', 'unused-net']);
    assert.deepEqual(h.offered[0]?.descriptions, ['bridge', 'bridge', 'null', 'bridge']);
    assert.deepEqual(h.offered[1]?.labels, data.volumes.map((v) => v.Name));
  });

  it('with atLeast, takes a selection that is enough and asks for more with the given ones ticked', async () => {
    const nginx = byLabel(imageNodes, (n) => n.kind === 'image' && n.ref === 'nginx:alpine');
    const mysqlImage = byLabel(imageNodes, (n) => n.kind === 'image' && n.ref === 'mysql:8.0');
    const enough = host();
    const two = await resolveTargets(enough.fake, 'image', { node: nginx, selected: [nginx, mysqlImage] }, { many: true, atLeast: 2, placeHolder: 'Images' });
    assert.deepEqual(two.map((i) => i.ref), ['nginx:alpine', 'mysql:8.0']);
    assert.equal(enough.offered.length, 0, 'a selection of two is not asked about');

    const one = host({ chooseMany: (items) => items.filter((i) => i.picked || i.label === 'mysql:8.0') });
    const picked = await resolveTargets(one.fake, 'image', { node: nginx, selected: [nginx] }, { many: true, atLeast: 2, placeHolder: 'Images' });
    assert.deepEqual(one.ticked, [['nginx:alpine']], 'the clicked image is ticked in the pick');
    assert.ok(one.offered[0]?.labels.includes('mysql:8.0'));
    assert.deepEqual(picked.map((i) => i.ref).sort(), ['mysql:8.0', 'nginx:alpine']);

    const palette = host({ chooseMany: () => undefined });
    assert.deepEqual(await resolveTargets(palette.fake, 'image', {}, { many: true, atLeast: 2, placeHolder: 'Images' }), [], 'dismissed');
    assert.deepEqual(palette.ticked, [[]], 'nothing ticked from the palette');
  });

  it('resolves to nothing when the pick is dismissed, the daemon is down, or there is nothing to pick', async () => {
    const dismissed = host({ choose: () => undefined });
    assert.deepEqual(await resolveTargets(dismissed.fake, 'volume', {}, { placeHolder: '' }), []);

    const down = host({ ready: false });
    assert.deepEqual(await resolveTargets(down.fake, 'container', {}, { placeHolder: '' }), []);
    assert.equal(down.offered.length, 0);
    assert.deepEqual(down.nothing, []);

    const empty = host({ state: { data: { ...data, networks: [] } } });
    assert.deepEqual(await resolveTargets(empty.fake, 'network', {}, { placeHolder: '' }), []);
    assert.deepEqual(empty.nothing, ['network']);
    assert.equal(empty.offered.length, 0);

    const allRunning = host();
    assert.deepEqual(await resolveTargets(allRunning.fake, 'container', {}, { filter: () => false, placeHolder: '' }), []);
    assert.deepEqual(allRunning.nothing, ['container']);
  });
});
