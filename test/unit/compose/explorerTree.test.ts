// The explorer tree groups a Compose project's containers under it (project → service →
// containers) and leaves every other container where it was.
import { strict as assert } from 'node:assert';
import { childNodes, createGroupNodes, present, type ExplorerNode, type TreeState } from '../../../src/explorer/tree';
import { resolveTargets, type TargetHost } from '../../../src/explorer/commandTargets';
import { NOW, container, data } from '../explorer/fixtures';

const compose = (project: string, service: string, n: number, state = 'running') =>
  container({
    Id: `${project}${service}${n}`.padEnd(64, '0'),
    Names: [`/${project}-${service}-${n}`],
    State: state,
    Labels: {
      'com.docker.compose.project': project,
      'com.docker.compose.service': service,
      'com.docker.compose.container-number': String(n),
      'com.docker.compose.project.working_dir': `/home/learner/${project}`,
      'com.docker.compose.project.config_files': 'compose.yaml',
    },
  });

const plain = data.containers;
const state: TreeState = {
  endpoint: 'unix:///var/run/docker.sock',
  data: { ...data, containers: [compose('shop', 'web', 2), ...plain, compose('shop', 'db', 1, 'exited'), compose('shop', 'web', 1)] },
  groupErrors: {},
  showDangling: false,
};

describe('explorer tree: Compose projects', () => {
  const top = childNodes(createGroupNodes().containers, state);

  it('puts the project first, then the ungrouped containers as before', () => {
    assert.deepEqual(top.map((n) => n.kind), ['composeProject', ...plain.map(() => 'container')]);
    const plainOnly = childNodes(createGroupNodes().containers, { ...state, data: { ...data } });
    assert.deepEqual(top.slice(1).map((n) => n.key), plainOnly.map((n) => n.key));
  });

  it('shows project → services → containers, replicas in order', () => {
    const project = top[0] as ExplorerNode;
    const services = childNodes(project, state);
    assert.deepEqual(services.map((s) => s.key), ['compose:shop/service:db', 'compose:shop/service:web']);
    const web = childNodes(services[1] as ExplorerNode, state);
    assert.deepEqual(web.map((c) => present(c, state, { lang: 'en', now: NOW }).label), ['shop-web-1', 'shop-web-2']);
    assert.ok(web.every((c) => c.kind === 'container'));
  });

  it('reads as a Compose project with its counts, in both languages, with menu context values', () => {
    const project = top[0] as ExplorerNode;
    const en = present(project, state, { lang: 'en', now: NOW });
    assert.equal(en.label, 'shop');
    assert.equal(en.description, 'Compose project · 2 services · 2/3 running');
    assert.equal(en.contextValue, 'composeProject.running');
    assert.match(en.tooltip?.() ?? '', /\/home\/learner\/shop\/compose\.yaml/);
    assert.match(present(project, state, { lang: 'ko', now: NOW }).description ?? '', /Compose 프로젝트 · 서비스 2개 · 실행 중 2\/3/);
    const [db, web] = childNodes(project, state);
    assert.equal(present(db as ExplorerNode, state, { lang: 'en', now: NOW }).contextValue, 'composeService.stopped');
    assert.equal(present(web as ExplorerNode, state, { lang: 'en', now: NOW }).description, 'service · 2/2 running');
  });

  it('a project or service item names its project as a command target; the palette offers projects', async () => {
    const host: TargetHost = {
      ready: async () => true,
      state: () => state,
      pick: async (items) => items[0],
      pickMany: async () => assert.fail('one project is picked'),
      nothingToPick: () => assert.fail('there is a project'),
    };
    const project = top[0] as ExplorerNode;
    const service = childNodes(project, state)[0] as ExplorerNode;
    for (const node of [project, service, undefined]) {
      const [target] = await resolveTargets(host, 'composeProject', { node }, { placeHolder: '' });
      assert.equal(target?.name, 'shop');
      assert.equal(target?.workingDir, '/home/learner/shop');
    }
  });
});
