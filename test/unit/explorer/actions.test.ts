import { strict as assert } from 'node:assert';
import { isValidReference, prunePlan, splitReference } from '../../../src/explorer/actions';
import { data } from './fixtures';

describe('explorer actions (pure parts)', () => {
  it('splits and validates image references', () => {
    assert.deepEqual(splitReference('nginx:alpine'), { repo: 'nginx', tag: 'alpine' });
    assert.deepEqual(splitReference('nginx'), { repo: 'nginx', tag: 'latest' });
    assert.deepEqual(splitReference('localhost:5000/team/app'), { repo: 'localhost:5000/team/app', tag: 'latest' });
    assert.deepEqual(splitReference('localhost:5000/app:1.2'), { repo: 'localhost:5000/app', tag: '1.2' });
    for (const ok of ['nginx', 'my-app:1.0', 'grafana/grafana:latest', 'localhost:5000/a/b_c:v1.2-rc']) assert.ok(isValidReference(ok), ok);
    for (const bad of ['Nginx', 'my app', 'app:', ':tag', 'app:-x', 'a//b']) assert.ok(!isValidReference(bad), bad);
  });

  it('lists what each prune removes, by the daemon\'s rules', () => {
    const names = (kind: Parameters<typeof prunePlan>[0]) => prunePlan(kind, data).items.map((i) => `${i.group}:${i.name}`);
    assert.deepEqual(names('containers'), ['containers:stopped-web', 'containers:a-created']);
    assert.deepEqual(names('images'), ['images:cccccccccccc']);
    assert.deepEqual(names('networks'), ['networks:unused-net']);
    // The anonymous volume mysql mounts stays; named volumes stay (API ≥ 1.42 without --all).
    assert.deepEqual(names('volumes'), [`volumes:${'f'.repeat(64)}`]);
    // Before API 1.42 (Docker 23) a volume prune takes named volumes too.
    assert.deepEqual(prunePlan('volumes', data, '1.41').items.map((i) => i.name), [`${'f'.repeat(64)}`, 'keep-me']);
    assert.deepEqual(prunePlan('volumes', data, '1.43').items.map((i) => i.name), [`${'f'.repeat(64)}`]);
    assert.deepEqual(names('system'), ['containers:stopped-web', 'containers:a-created', 'networks:unused-net', 'images:cccccccccccc']);
    assert.deepEqual(prunePlan('system', data).argv, ['docker', 'system', 'prune']);
  });
});
