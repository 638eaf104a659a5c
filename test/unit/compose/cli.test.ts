import { strict as assert } from 'node:assert';
import { COMPOSE_V1, COMPOSE_V2, chooseComposeCli, composeArgv, composeFileArgv, isComposeFileName } from '../../../src/compose';

describe('compose CLI line', () => {
  it('prefers docker compose (v2), falls back to docker-compose (v1), none when neither answers', () => {
    assert.deepEqual(chooseComposeCli({ v2: true, v1: true }), ['docker', 'compose']);
    assert.deepEqual(chooseComposeCli({ v2: true, v1: false }), ['docker', 'compose']);
    assert.deepEqual(chooseComposeCli({ v2: false, v1: true }), ['docker-compose']);
    assert.equal(chooseComposeCli({ v2: false, v1: false }), undefined);
  });

  const target = { project: 'shop', configFiles: ['/w/shop/compose.yaml', '/w/shop/compose.dev.yaml'] };

  it('builds the project line for v2 and v1', () => {
    assert.deepEqual(composeArgv(COMPOSE_V2, target, { kind: 'up' }), ['docker', 'compose', '-p', 'shop', '-f', '/w/shop/compose.yaml', '-f', '/w/shop/compose.dev.yaml', 'up', '-d']);
    assert.deepEqual(composeArgv(COMPOSE_V1, target, { kind: 'down' }), ['docker-compose', '-p', 'shop', '-f', '/w/shop/compose.yaml', '-f', '/w/shop/compose.dev.yaml', 'down']);
  });

  it('names the service for service actions, and follows logs', () => {
    assert.deepEqual(composeArgv(COMPOSE_V2, { project: 'shop' }, { kind: 'restart', service: 'web' }), ['docker', 'compose', '-p', 'shop', 'restart', 'web']);
    assert.deepEqual(composeArgv(COMPOSE_V1, { project: 'shop' }, { kind: 'stop' }), ['docker-compose', '-p', 'shop', 'stop']);
    assert.deepEqual(composeArgv(COMPOSE_V2, { project: 'shop' }, { kind: 'logs', service: 'db' }), ['docker', 'compose', '-p', 'shop', 'logs', '-f', '--tail', '200', 'db']);
    assert.deepEqual(composeArgv(COMPOSE_V2, { project: 'shop' }, { kind: 'logs' }), ['docker', 'compose', '-p', 'shop', 'logs', '-f', '--tail', '200']);
  });

  it('runs a compose file from its directory, without -p, so Compose names the project after the directory', () => {
    assert.deepEqual(composeFileArgv(COMPOSE_V2, '/home/learner/shop/docker-compose.prod.yml', { kind: 'up' }), {
      argv: ['docker', 'compose', '-f', 'docker-compose.prod.yml', 'up', '-d'],
      cwd: '/home/learner/shop',
    });
    assert.deepEqual(composeFileArgv(COMPOSE_V1, 'C:\\labs\\shop\\compose.yaml', { kind: 'down' }), { argv: ['docker-compose', '-f', 'compose.yaml', 'down'], cwd: 'C:\\labs\\shop' });
  });

  it('knows compose file names', () => {
    for (const name of ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml', 'docker-compose.prod.yml', 'docker-compose.override.yaml']) {
      assert.ok(isComposeFileName(name), name);
    }
    for (const name of ['compose.json', 'my-compose.yml', 'docker-compose.yml.bak', 'Dockerfile', 'compose.prod.yml', 'docker-compose..yml']) {
      assert.ok(!isComposeFileName(name), name);
    }
  });
});
