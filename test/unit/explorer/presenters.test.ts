import { strict as assert } from 'node:assert';
import { describeProblem } from '../../../src/explorer/problem';
import { PRESENTERS, childNodes, createGroupNodes, layerNodes, present, rootNodes, type ExplorerNode, type NodeKind, type TreeState } from '../../../src/explorer/tree';
import { NOW, container, data } from './fixtures';

const state = (over: Partial<TreeState> = {}): TreeState => ({ endpoint: 'unix:///var/run/docker.sock', data, groupErrors: {}, showDangling: true, ...over });

/** Every node a tree over the fixtures and over an unreachable daemon can show, layers and messages included. */
function everyNode(): Array<{ node: ExplorerNode; state: TreeState }> {
  const found: Array<{ node: ExplorerNode; state: TreeState }> = [];
  const walk = (nodes: ExplorerNode[], s: TreeState) => {
    for (const node of nodes) {
      found.push({ node, state: s });
      const children = node.kind === 'image' ? layerNodes(node, [{ Id: node.image.Id, Created: 0, CreatedBy: '/bin/sh -c #(nop)  CMD ["sh"]', Size: 0 }]) : childNodes(node, s);
      walk(children, s);
    }
  };
  walk(rootNodes(state(), createGroupNodes()), state());
  const down = state({ problem: describeProblem(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'linux') });
  walk(rootNodes(down, createGroupNodes()), down);
  const empty = state({ data: { containers: [], images: [], networks: [], volumes: [] } });
  walk(childNodes(createGroupNodes().containers, empty), empty);
  const compose = state({
    data: {
      ...data,
      containers: [
        ...data.containers,
        container({ Id: 'c'.repeat(64), Names: ['/shop-web-1'], State: 'running', Labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' } }),
      ],
    },
  });
  walk(childNodes(createGroupNodes().containers, compose), compose);
  return found;
}

describe('explorer presenters', () => {
  // A table without one of the kinds is a compile error (npm run typecheck covers test/).
  const { retry: _retry, ...withoutRetry } = PRESENTERS;
  // @ts-expect-error Property 'retry' is missing
  const incomplete: typeof PRESENTERS = withoutRetry;
  void incomplete;

  it('has one presenter for each kind of node the tree shows, and no other', () => {
    const kinds = new Set(everyNode().map((n) => n.node.kind));
    assert.deepEqual([...kinds].sort(), Object.keys(PRESENTERS).sort());
  });

  it('present() answers with the presenter of the node\'s kind', () => {
    for (const { node, state: s } of everyNode()) {
      const viaTable = (PRESENTERS[node.kind] as (n: ExplorerNode, s: TreeState, c: unknown) => ReturnType<typeof present>)(node, s, { lang: 'en', now: NOW, p: (t: { en: string }) => t.en });
      const view = present(node, s, { lang: 'en', now: NOW });
      assert.equal(view.contextValue, viaTable.contextValue, node.key);
      assert.equal(view.collapsible, viaTable.collapsible, node.key);
      assert.equal(view.icon?.id, viaTable.icon?.id, node.key);
    }
  });

  it('gives every node a label and a context value that names its kind for the menus', () => {
    const prefix: Record<NodeKind, string> = {
      group: 'group.',
      composeProject: 'composeProject.',
      composeService: 'composeService.',
      container: 'container.',
      port: 'port.',
      containerNetwork: 'containerNetwork',
      containerMount: 'containerMount.',
      image: 'image.',
      layer: 'layer',
      network: 'network.',
      networkMember: 'networkMember',
      volume: 'volume.',
      volumeUser: 'volumeUser',
      problem: 'problem',
      help: 'help',
      retry: 'retry',
      message: 'message',
    };
    for (const { node, state: s } of everyNode()) {
      for (const lang of ['ko', 'en'] as const) {
        const view = present(node, s, { lang, now: NOW });
        assert.ok(view.label.length > 0, `${node.key} has a label in ${lang}`);
        assert.ok(view.contextValue.startsWith(prefix[node.kind]), `${node.key}: ${view.contextValue}`);
      }
    }
  });
});
