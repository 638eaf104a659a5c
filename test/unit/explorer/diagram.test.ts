import { strict as assert } from 'node:assert';
import { mermaidText, networkDiagram } from '../../../src/explorer/diagram';
import type { ActiveFilter } from '../../../src/explorer/filter';
import type { GroupData, NetworkSummary } from '../../../src/explorer/daemonLists';
import { container, data } from './fixtures';

const PAIR = 'p'.repeat(64);
const OTHER = 'q'.repeat(64);
const BRIDGE = 'b'.repeat(64);
const net = (Id: string, Name: string, Subnet?: string): NetworkSummary => ({ Id, Name, Driver: 'bridge', IPAM: { Config: Subnet ? [{ Subnet }] : [] } });
const networks = [net(PAIR, 'pair1-network', '172.19.0.0/16'), net(OTHER, 'pair1-backend'), net(BRIDGE, 'bridge', '172.17.0.0/16'), { ...net('h'.repeat(64), 'host'), Driver: 'host' }];

/** Session 3: a pair network with two containers, one isolated on the default bridge, one on two networks. */
const session3: Partial<GroupData> = {
  networks,
  containers: [
    container({ Id: '1'.repeat(64), Names: ['/pair1-web'], Ports: [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8081, Type: 'tcp' }, { IP: '::', PrivatePort: 80, PublicPort: 8081, Type: 'tcp' }], NetworkSettings: { Networks: { 'pair1-network': { NetworkID: PAIR, IPAddress: '172.19.0.2', Aliases: ['web', '111111111111'] } } } }),
    container({ Id: '2'.repeat(64), Names: ['/pair1-db'], Image: 'mysql:8.0', Labels: { 'com.docker.compose.service': 'db' }, NetworkSettings: { Networks: { 'pair1-network': { NetworkID: PAIR, IPAddress: '172.19.0.3' } } } }),
    container({ Id: '3'.repeat(64), Names: ['/pair1-isolated'], NetworkSettings: { Networks: { bridge: { NetworkID: BRIDGE, IPAddress: '172.17.0.2' } } } }),
    container({ Id: '4'.repeat(64), Names: ['/pair1-api'], State: 'exited', Ports: [{ IP: '127.0.0.1', PrivatePort: 53, PublicPort: 5353, Type: 'udp' }], NetworkSettings: { Networks: { 'pair1-network': { NetworkID: PAIR, IPAddress: '' }, 'pair1-backend': { NetworkID: OTHER, IPAddress: '' } } } }),
  ],
};

/** The statements of a flowchart, with node ids in place of the node's label. */
function statements(source: string): string[] {
  return source.trim().split('\n').map((l) => l.trim());
}

function nodeLine(source: string, name: string): string {
  const line = statements(source).find((l) => l.includes(`["${name}<br/>`));
  assert.ok(line, `${name} is drawn`);
  return line;
}

describe('network diagram (mermaid text)', () => {
  it('draws each network as a subgraph holding the containers only it has', () => {
    const { source, networks: n, containers: c } = networkDiagram(session3, 'en');
    assert.equal(n, 3, 'pair1-network, pair1-backend and the used bridge; host has no container and is left out');
    assert.equal(c, 4);
    const s = statements(source);
    assert.equal(s[0], 'flowchart LR');
    const pair = s.findIndex((l) => /^subgraph n\d+\["pair1-network · bridge · 172\.19\.0\.0\/16"\]$/.test(l));
    const end = s.indexOf('end', pair);
    assert.ok(pair > 0 && end > pair);
    const inPair = s.slice(pair + 1, end).join('\n');
    assert.match(inPair, /pair1-db/);
    assert.match(inPair, /pair1-web/);
    assert.doesNotMatch(inPair, /pair1-isolated/, 'the isolated container stands outside the pair network');
    assert.ok(!s.some((l) => l.includes('"host')));
  });

  it('draws the isolated container inside the faint built-in bridge', () => {
    const s = statements(networkDiagram(session3, 'ko').source);
    const bridge = s.findIndex((l) => l.startsWith('subgraph') && l.includes('"bridge · bridge · 172.17.0.0/16 · 기본 제공"'));
    assert.ok(bridge > 0);
    assert.match(s[bridge + 1] ?? '', /pair1-isolated<br\/>nginx:alpine<br\/>172\.17\.0\.2/);
    const id = /^subgraph (n\d+)\[/.exec(s[bridge] ?? '')?.[1];
    assert.ok(s.includes(`style ${id} opacity:0.55,stroke-dasharray:6 4`), 'built-in networks are faint');
    assert.equal(s.filter((l) => l.startsWith('style ')).length, 1, 'user networks are not faint');
  });

  it('draws a container on two networks once, outside, with an edge to each', () => {
    const { source } = networkDiagram(session3, 'en');
    const s = statements(source);
    assert.equal(s.filter((l) => l.includes('pair1-api')).length, 1);
    const line = nodeLine(source, 'pair1-api');
    const id = /^(c\d+)\[/.exec(line)?.[1];
    assert.ok(!/^ {4}/.test(source.split('\n').find((l) => l.includes('pair1-api')) ?? ''), 'not inside a subgraph');
    const edges = s.filter((l) => l.startsWith(`${id} ---`));
    const subgraphs = (name: string) => /^subgraph (n\d+)\[/.exec(s.find((l) => l.startsWith('subgraph') && l.includes(`"${name} · `)) ?? '')?.[1];
    assert.deepEqual(edges.map((e) => e.split(' ').pop()).sort(), [subgraphs('pair1-backend'), subgraphs('pair1-network')].sort());
    const backend = s.indexOf(s.find((l) => l.includes('"pair1-backend · ')) ?? '');
    assert.equal(s[backend + 1], 'end', 'a network used only from outside has no placeholder');
  });

  const cases: Array<[string, string, RegExp]> = [
    ['published port, IPv4 and IPv6 bindings once', 'pair1-web', /<br\/>8081→80\/tcp"/],
    ['port bound to one host IP', 'pair1-api', /<br\/>127\.0\.0\.1:5353→53\/udp<br\/>/],
    ['aliases without its own short id', 'pair1-web', /<br\/>aliases: web<br\/>/],
    ["a Compose service's name is an alias", 'pair1-db', /<br\/>aliases: db"/],
    ['IP on the only network', 'pair1-db', /<br\/>172\.19\.0\.3<br\/>/],
    ['stopped: its state and the dashed class', 'pair1-api', /\(exited\)"\]:::stopped$/],
    ['running: the solid class', 'pair1-web', /\]:::running$/],
  ];
  for (const [what, name, pattern] of cases) {
    it(what, () => assert.match(nodeLine(networkDiagram(session3, 'en').source, name), pattern));
  }

  it('draws an empty user network as a box with a placeholder, in Korean and English', () => {
    const d = { networks: [net(PAIR, 'lonely')], containers: [] };
    assert.match(networkDiagram(d, 'en').source, /en0\["no containers"\]:::empty/);
    assert.match(networkDiagram(d, 'ko').source, /en0\["연결된 컨테이너 없음"\]:::empty/);
  });

  it('has nothing to draw with only unused built-in networks', () => {
    assert.deepEqual(networkDiagram({ networks: [net(BRIDGE, 'bridge')], containers: [] }, 'en'), { source: '', networks: 0, containers: 0 });
    assert.equal(networkDiagram({}, 'en').source, '');
  });

  it('honours the explorer filter, keeping the network an admitted container is on', () => {
    const lab: ActiveFilter = { text: '', labOnly: true, lab: { title: 'S3', objects: { containers: ['pair1-isolated', 'pair1-web'], networks: ['pair1-network'], images: [], volumes: [] } } };
    const { source, containers } = networkDiagram(session3, 'en', lab);
    assert.equal(containers, 2);
    assert.match(source, /pair1-isolated/);
    assert.doesNotMatch(source, /pair1-db|pair1-api|pair1-backend/);
    assert.match(source, /subgraph n\d+\["bridge · /, "the isolated container's bridge is drawn though the lab does not own it");
    const text: ActiveFilter = { text: 'db', labOnly: false };
    assert.equal(networkDiagram(session3, 'en', text).containers, 1);
  });

  it('keeps the fixture daemon of the tree tests drawable (a container with no network stands alone)', () => {
    const s = statements(networkDiagram(data, 'en').source);
    assert.ok(s.some((l) => /^c\d+\["a-created<br\/>nginx:alpine<br\/>\(created\)"\]:::stopped$/.test(l)));
  });

  describe('hostile names cannot inject mermaid or HTML', () => {
    const hostile = [
      'x"]; click c0 call alert(1); a["',
      '<img src=x onerror=alert(1)>',
      'a\nsubgraph evil\nend',
      '`**md**`',
      'a|edge|b --> c',
      '#quot;]:::x',
      'end',
      '%%{init: {"securityLevel":"loose"}}%%',
      '</script><script>alert(1)</script>',
      "a'b&amp;c;{}",
    ];
    for (const name of hostile) {
      it(JSON.stringify(name), () => {
        const d: Partial<GroupData> = {
          networks: [net(PAIR, name), net(OTHER, 'ok-net')],
          containers: [
            container({ Id: '5'.repeat(64), Names: [`/${name}`], Image: name, NetworkSettings: { Networks: { [name]: { NetworkID: PAIR, IPAddress: '10.0.0.2', Aliases: [name] } } } }),
            container({ Id: '6'.repeat(64), Names: ['/two'], NetworkSettings: { Networks: { [name]: { NetworkID: PAIR, IPAddress: name }, 'ok-net': { NetworkID: OTHER, IPAddress: '10.1.0.2' } } } }),
          ],
        };
        const { source } = networkDiagram(d, 'en');
        // With the labels blanked out, every line is one of the statements we write: none was added or changed.
        const shapes = statements(source.replace(/"[^"\n]*"/g, '"…"')).map((l) =>
          l
            .replace(/^subgraph n\d+\["…"\]$/, 'subgraph')
            .replace(/^c\d+\["…"\]:::running$/, 'node')
            .replace(/^c\d+ ---\|"…"\| n\d+$/, 'edge')
            .replace(/^en\d+\["…"\]:::empty$/, 'placeholder')
            .replace(/^(end|flowchart LR|classDef .*)$/, '·'),
        );
        assert.deepEqual(shapes.sort(), ['edge', 'edge', 'node', 'node', 'subgraph', 'subgraph', ...Array(6).fill('·')].sort());
        for (const quoted of source.match(/"[^"\n]*"/g) ?? []) {
          assert.match(quoted.slice(1, -1).replace(/<br\/>/g, ''), /^[\p{L}\p{N} _.,:/()→·#;-]*$/u, `label ${quoted} carries only safe characters and entity codes`);
        }
        assert.doesNotMatch(source, /<(?!br\/>)/, 'no HTML but our line breaks');
      });
    }

    it('writes unsafe characters as entity codes mermaid shows as text', () => {
      assert.equal(mermaidText('a"<b>'), 'a#34;#60;b#62;');
      assert.equal(mermaidText('pair1-web_2.x 네트워크'), 'pair1-web_2.x 네트워크');
      assert.equal(mermaidText('#;'), '#35;#59;');
    });
  });
});
