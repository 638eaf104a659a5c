import { strict as assert } from 'node:assert';
import { containerIdsOf, groupsForEvent } from '../../../src/explorer/events';

describe('explorer event mapping', () => {
  it('refreshes only the groups an event changes', () => {
    assert.deepEqual(groupsForEvent({ Type: 'container', Action: 'start' }), ['containers']);
    assert.deepEqual(groupsForEvent({ Type: 'container', Action: 'health_status: healthy' }), ['containers']);
    assert.deepEqual(groupsForEvent({ Type: 'container', Action: 'commit' }), ['containers', 'images']);
    assert.deepEqual(groupsForEvent({ Type: 'image', Action: 'pull' }), ['images']);
    assert.deepEqual(groupsForEvent({ Type: 'image', Action: 'untag' }), ['images']);
    assert.deepEqual(groupsForEvent({ Type: 'network', Action: 'create' }), ['networks']);
    assert.deepEqual(groupsForEvent({ Type: 'network', Action: 'connect' }), ['networks', 'containers']);
    assert.deepEqual(groupsForEvent({ Type: 'volume', Action: 'destroy' }), ['volumes']);
  });

  it('ignores what does not change the tree: exec, attach, resize, volume mounts, other types', () => {
    for (const Action of ['exec_create: sh', 'exec_start: sh', 'exec_die', 'attach', 'resize', 'top']) assert.deepEqual(groupsForEvent({ Type: 'container', Action }), [], Action);
    assert.deepEqual(groupsForEvent({ Type: 'volume', Action: 'mount' }), []);
    assert.deepEqual(groupsForEvent({ Type: 'daemon', Action: 'reload' }), []);
    assert.deepEqual(groupsForEvent({ Type: 'builder', Action: 'prune' }), []);
  });

  it('names the containers an event is about, so only they are listed again', () => {
    assert.deepEqual(containerIdsOf({ Type: 'container', Action: 'start', Actor: { ID: 'abc' } }), ['abc']);
    assert.deepEqual(containerIdsOf({ Type: 'network', Action: 'connect', Actor: { ID: 'net', Attributes: { container: 'abc' } } }), ['abc']);
    assert.equal(containerIdsOf({ Type: 'network', Action: 'create', Actor: { ID: 'net' } }), undefined);
    assert.equal(containerIdsOf({ Type: 'image', Action: 'pull', Actor: { ID: 'nginx' } }), undefined);
  });
});
