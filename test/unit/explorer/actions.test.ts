import { strict as assert } from 'node:assert';
import { prunePlan } from '../../../src/explorer/actions';
import { data } from './fixtures';

describe('explorer actions (pure parts)', () => {
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
