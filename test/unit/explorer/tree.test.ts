import { strict as assert } from 'node:assert';
import { childNodes, createGroupNodes, layerNodes, present, rootNodes, type ExplorerNode, type TreeState } from '../../../src/explorer/tree';
import { describeProblem } from '../../../src/explorer/problem';
import { NOW, data } from './fixtures';

function state(over: Partial<TreeState> = {}): TreeState {
  return { endpoint: 'unix:///var/run/docker.sock', data, groupErrors: {}, showDangling: false, ...over };
}

const labels = (nodes: ExplorerNode[], s: TreeState, lang: 'ko' | 'en' = 'en') => nodes.map((n) => present(n, s, { lang, now: NOW }).label);

describe('explorer tree', () => {
  const groups = createGroupNodes();

  it('has the four groups, with counts in Korean and English', () => {
    const s = state();
    const roots = rootNodes(s, groups);
    assert.deepEqual(labels(roots, s), ['Containers', 'Images', 'Networks', 'Volumes']);
    assert.deepEqual(labels(roots, s, 'ko'), ['컨테이너', '이미지', '네트워크', '볼륨']);
    assert.equal(present(groups.containers, s, { lang: 'en' }).description, '4 · 2 running');
    assert.equal(present(groups.containers, s, { lang: 'ko' }).description, '4개 · 실행 중 2개');
    assert.equal(present(groups.images, s, { lang: 'en' }).description, '3 · 1 dangling hidden');
  });

  it('lists containers running first, then by name, with state icons and status', () => {
    const s = state();
    const nodes = childNodes(groups.containers, s);
    assert.deepEqual(labels(nodes, s), ['pair1-mysql', 'pair1-web', 'a-created', 'stopped-web']);
    const web = present(nodes[1] as ExplorerNode, s, { lang: 'ko', now: NOW });
    assert.equal(web.contextValue, 'container.running');
    assert.equal(web.icon?.id, 'vm-running');
    assert.equal(web.description, 'nginx:alpine · 실행 중 (10분)');
    assert.match(web.tooltip?.() ?? '', /docker logs pair1-web/);
    const stopped = present(nodes[3] as ExplorerNode, s, { lang: 'en', now: NOW });
    assert.equal(stopped.contextValue, 'container.exited');
    assert.equal(stopped.description, 'nginx:alpine · Exited (0) 2 hours ago');
  });

  it('shows a container\'s published ports once each (IPv4 and IPv6 bindings merged) and its networks', () => {
    const s = state();
    const web = childNodes(groups.containers, s)[1] as ExplorerNode;
    const children = childNodes(web, s);
    assert.deepEqual(labels(children, s), ['8081 → 80/tcp', 'pair1-network']);
    const port = present(children[0] as ExplorerNode, s, { lang: 'en' });
    assert.deepEqual(port.command, { command: 'dockerLabs.explorer.container.openPort', arguments: [children[0]] });
    assert.equal(port.description, 'open http://localhost:8081');
    assert.equal(present(children[1] as ExplorerNode, s, { lang: 'en' }).description, 'network · 172.19.0.3');
  });

  it('lists one image per repo:tag with size and age; dangling ones only when asked', () => {
    const hidden = state();
    const nodes = childNodes(groups.images, hidden);
    assert.deepEqual(labels(nodes, hidden), ['mysql:8.0', 'nginx:alpine', 'web:v1']);
    const nginx = present(nodes[1] as ExplorerNode, hidden, { lang: 'ko', now: NOW });
    assert.equal(nginx.description, '4.27MB · 3일 전 · 사용 중인 컨테이너 3개');
    const shown = state({ showDangling: true });
    const all = childNodes(groups.images, shown);
    assert.equal(all.length, 4);
    const dangling = present(all[3] as ExplorerNode, shown, { lang: 'en', now: NOW });
    assert.equal(dangling.label, '<none> cccccccccccc');
    assert.equal(dangling.contextValue, 'image.dangling');
    assert.equal(present(groups.images, shown, { lang: 'en' }).contextValue, 'group.images.danglingShown');
  });

  it('shows image layers in Dockerfile order, builder noise removed, metadata layers marked', () => {
    const s = state();
    const image = childNodes(groups.images, s)[1];
    assert.equal(image?.kind, 'image');
    if (image?.kind !== 'image') return;
    const layers = layerNodes(image, [
      { Id: image.image.Id, Created: 0, CreatedBy: '/bin/sh -c #(nop)  CMD ["nginx" "-g" "daemon off;"]', Size: 0 },
      { Id: '<missing>', Created: 0, CreatedBy: '/bin/sh -c apk add --no-cache nginx', Size: 2_500_000 },
      { Id: '<missing>', Created: 0, CreatedBy: '/bin/sh -c #(nop) ADD file:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef in / ', Size: 7_000_000 },
    ]);
    assert.deepEqual(labels(layers, s), ['1. ADD file:0123456789ab in /', '2. RUN apk add --no-cache nginx', '3. CMD ["nginx" "-g" "daemon off;"]']);
    assert.equal(present(layers[2] as ExplorerNode, s, { lang: 'ko' }).description, '0B · 메타데이터');
    assert.equal(present(layers[1] as ExplorerNode, s, { lang: 'en' }).description, '2.5MB');
  });

  it('marks built-in networks and lists connected containers with their IPs', () => {
    const s = state();
    const nodes = childNodes(groups.networks, s);
    assert.deepEqual(labels(nodes, s), ['bridge', 'host', 'none', 'pair1-network', 'unused-net']);
    const bridge = present(nodes[0] as ExplorerNode, s, { lang: 'en' });
    assert.equal(bridge.description, 'bridge · 172.17.0.0/16 · built-in');
    assert.equal(bridge.contextValue, 'network.builtin');
    assert.match(bridge.tooltip?.() ?? '', /only reach each other by IP/);
    const pair = nodes[3] as ExplorerNode;
    const pairView = present(pair, s, { lang: 'ko' });
    assert.equal(pairView.description, 'bridge · 172.19.0.0/16');
    assert.match(pairView.tooltip?.() ?? '', /docker exec pair1-mysql ping pair1-web/);
    const members = childNodes(pair, s);
    assert.deepEqual(
      members.map((m) => [present(m, s, { lang: 'en' }).label, present(m, s, { lang: 'en' }).description]),
      [
        ['pair1-mysql', '172.19.0.2'],
        ['pair1-web', '172.19.0.3'],
      ],
    );
    assert.equal(present(nodes[4] as ExplorerNode, s, { lang: 'en' }).collapsible, 'none');
  });

  it('lists volumes with the containers that mount them and where', () => {
    const s = state();
    const nodes = childNodes(groups.volumes, s);
    assert.deepEqual(labels(nodes, s), ['db-data', 'keep-me', 'eeeeeeeeeeee', 'ffffffffffff']);
    assert.equal(present(nodes[0] as ExplorerNode, s, { lang: 'en' }).description, 'local · used by 1');
    assert.equal(present(nodes[1] as ExplorerNode, s, { lang: 'ko' }).description, 'local · 사용 안 함');
    assert.equal(present(nodes[3] as ExplorerNode, s, { lang: 'en' }).description, 'local · anonymous · unused');
    const users = childNodes(nodes[0] as ExplorerNode, s);
    assert.deepEqual(labels(users, s), ['pair1-mysql']);
    assert.equal(present(users[0] as ExplorerNode, s, { lang: 'en' }).description, 'at /var/lib/mysql');
  });

  it('says so when a group is empty, and teaches the command that fills it', () => {
    const s = state({ data: { containers: [], images: [], networks: [], volumes: [] } });
    const [message] = childNodes(groups.containers, s);
    assert.equal(message?.kind, 'message');
    assert.match(present(message as ExplorerNode, s, { lang: 'en' }).label, /docker run/);
    assert.match(present(message as ExplorerNode, s, { lang: 'ko' }).label, /컨테이너가 없습니다/);
  });

  it('becomes one node naming the endpoint and the cause, with the platform\'s fix and Retry', () => {
    const problem = describeProblem(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'linux');
    const s = state({ problem });
    const roots = rootNodes(s, groups);
    assert.equal(roots.length, 1);
    const view = present(roots[0] as ExplorerNode, s, { lang: 'en' });
    assert.equal(view.label, 'Cannot reach Docker at unix:///var/run/docker.sock');
    assert.ok(view.description && view.description.length > 0);
    const children = childNodes(roots[0] as ExplorerNode, s);
    const views = children.map((c) => present(c, s, { lang: 'en' }));
    assert.ok(views.some((v) => v.description === 'sudo systemctl start docker'));
    assert.equal(views.at(-1)?.command?.command, 'dockerLabs.explorer.refresh');
    const denied = describeProblem(Object.assign(new Error('connect EACCES /var/run/docker.sock'), { code: 'EACCES' }), 'linux');
    assert.ok(denied.help.some((h) => h.command === 'sudo usermod -aG docker $USER'));
    const desktop = describeProblem(Object.assign(new Error('connect ENOENT'), { code: 'ENOENT' }), 'darwin');
    assert.match(desktop.help[0]?.text.en ?? '', /Docker Desktop/);
  });

  it('gives every node a unique id', () => {
    const s = state({ showDangling: true });
    const seen = new Set<string>();
    const walk = (nodes: ExplorerNode[]) => {
      for (const n of nodes) {
        assert.ok(!seen.has(n.key), `duplicate key ${n.key}`);
        seen.add(n.key);
        walk(childNodes(n, s));
      }
    };
    walk(rootNodes(s, groups));
    assert.ok(seen.size > 25);
  });
});
