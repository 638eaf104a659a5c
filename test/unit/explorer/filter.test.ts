// The explorer's filter as plain data: what a text matches (name, image, label
// key/value), what "this lab only" admits (the lab's objects by name), what the
// tree shows under it, and the view's description.
import * as assert from 'assert';
import { childNodes, createGroupNodes, type ExplorerNode, type TreeState } from '../../../src/explorer';
import { describeFilter, isFilterSet, parseFilter, type ActiveFilter } from '../../../src/explorer/filter';
import type { ContainerSummary, ImageSummary, NetworkSummary, VolumeSummary } from '../../../src/explorer/daemonLists';

const container = (name: string, image: string, labels: Record<string, string> = {}): ContainerSummary =>
  ({ Id: `${name}-id-0123456789abcdef`, Names: [`/${name}`], Image: image, ImageID: `sha256:${image}`, State: 'running', Status: 'Up', Created: 0, Labels: labels, Ports: [] }) as unknown as ContainerSummary;
const image = (tag: string, labels: Record<string, string> = {}): ImageSummary => ({ Id: `sha256:${tag.replace(/\W/g, '')}`, RepoTags: [tag], Created: 0, Size: 1, Labels: labels }) as unknown as ImageSummary;
const network = (name: string): NetworkSummary => ({ Id: `${name}-nid`, Name: name, Driver: 'bridge', Labels: {} }) as unknown as NetworkSummary;
const volume = (name: string, labels: Record<string, string> = {}): VolumeSummary => ({ Name: name, Driver: 'local', Labels: labels }) as unknown as VolumeSummary;

function state(filter?: ActiveFilter): TreeState {
  return {
    endpoint: 'unix:///var/run/docker.sock',
    groupErrors: {},
    showDangling: false,
    filter,
    data: {
      containers: [container('web', 'nginx:1.25', { tier: 'front' }), container('db', 'postgres:16'), container('pair3-api', 'pair3-api:1.0')],
      images: [image('nginx:1.25'), image('postgres:16', { 'org.opencontainers.image.title': 'PostgreSQL' }), image('pair3-api:latest')],
      networks: [network('bridge'), network('pair3-net')],
      volumes: [volume('pgdata'), volume('pair3-data', { owner: 'web-team' })],
    },
  };
}

const groups = createGroupNodes();
function names(s: TreeState, group: keyof typeof groups): string[] {
  return childNodes(groups[group], s).map((n: ExplorerNode) => {
    switch (n.kind) {
      case 'container':
        return n.container.Names[0].slice(1);
      case 'image':
        return n.ref;
      case 'network':
        return n.network.Name;
      case 'volume':
        return n.volume.Name;
      case 'message':
        return `message:${n.text.en}`;
      default:
        return n.kind;
    }
  });
}

describe('explorer filter', () => {
  it('no filter: every object, as before', () => {
    assert.deepStrictEqual(names(state(), 'containers'), ['db', 'pair3-api', 'web']);
    assert.deepStrictEqual(names(state({ text: '  ', labOnly: false }), 'volumes'), ['pair3-data', 'pgdata']);
  });

  it('a text matches names, images and label keys or values, ignoring case', () => {
    assert.deepStrictEqual(names(state({ text: 'WEB', labOnly: false }), 'containers'), ['web']);
    assert.deepStrictEqual(names(state({ text: 'nginx', labOnly: false }), 'containers'), ['web'], 'by image');
    assert.deepStrictEqual(names(state({ text: 'front', labOnly: false }), 'containers'), ['web'], 'by label value');
    assert.deepStrictEqual(names(state({ text: 'tier=front', labOnly: false }), 'containers'), ['web'], 'by key=value');
    assert.deepStrictEqual(names(state({ text: 'postgresql', labOnly: false }), 'images'), ['postgres:16'], 'image label');
    assert.deepStrictEqual(names(state({ text: 'web', labOnly: false }), 'volumes'), ['pair3-data'], 'volume label');
  });

  it('a filter matching nothing in a group says so there', () => {
    assert.deepStrictEqual(names(state({ text: 'zzz', labOnly: false }), 'networks'), ['message:Nothing matches the filter. Clear it with ✕ in the title bar.']);
  });

  it('this lab only: the lab\'s objects by name, an image named without a tag as :latest', () => {
    const lab = { title: 'Session 4', objects: { containers: ['pair3-api'], images: ['pair3-api'], networks: ['pair3-net'], volumes: ['pair3-data'] } };
    const s = state({ text: '', labOnly: true, lab });
    assert.deepStrictEqual(names(s, 'containers'), ['pair3-api']);
    assert.deepStrictEqual(names(s, 'images'), ['pair3-api:latest']);
    assert.deepStrictEqual(names(s, 'networks'), ['pair3-net']);
    assert.deepStrictEqual(names(s, 'volumes'), ['pair3-data']);
    assert.deepStrictEqual(names(state({ text: 'data', labOnly: true, lab }), 'volumes'), ['pair3-data'], 'text and lab together');
    assert.deepStrictEqual(names(state({ text: 'pg', labOnly: true, lab }), 'volumes'), ['message:Nothing matches the filter. Clear it with ✕ in the title bar.']);
  });

  it('this lab only without an open lab: nothing is hidden, and the group says why', () => {
    const s = state({ text: '', labOnly: true, lab: null });
    const list = names(s, 'containers');
    assert.match(list[0], /^message:No lab is open/);
    assert.deepStrictEqual(list.slice(1), ['db', 'pair3-api', 'web']);
  });

  it('describes itself for the view, in Korean and English', () => {
    assert.strictEqual(describeFilter({ text: 'web', labOnly: true, lab: { title: 'x', objects: { containers: [], images: [], networks: [], volumes: [] } } }, 'ko'), '필터: web · 이 실습만');
    assert.strictEqual(describeFilter({ text: 'web', labOnly: false }, 'en'), 'Filter: web');
    assert.strictEqual(describeFilter({ text: '', labOnly: true, lab: null }, 'en'), 'Filter: this lab only (no lab is open)');
    assert.strictEqual(describeFilter({ text: ' ', labOnly: false }, 'en'), undefined);
    assert.strictEqual(describeFilter(undefined, 'ko'), undefined);
  });

  it('reads a stored value back safely', () => {
    assert.deepStrictEqual(parseFilter({ text: 'web', labOnly: true }), { text: 'web', labOnly: true });
    assert.deepStrictEqual(parseFilter('garbage'), { text: '', labOnly: false });
    assert.deepStrictEqual(parseFilter({ text: 3, labOnly: 'yes' }), { text: '', labOnly: false });
    assert.strictEqual(isFilterSet(parseFilter(undefined)), false);
  });
});
