import { strict as assert } from 'node:assert';
import { composeLabelsOf, groupByProject } from '../../../src/compose';

const labels = (project: string, service: string, extra: Record<string, string> = {}) => ({
  'com.docker.compose.project': project,
  'com.docker.compose.service': service,
  ...extra,
});

describe('compose labels', () => {
  it('reads what v1 writes: config files relative to the working directory', () => {
    const l = composeLabelsOf(
      labels('shop', 'web', {
        'com.docker.compose.project.working_dir': '/home/learner/shop',
        'com.docker.compose.project.config_files': 'compose.yaml,compose.override.yaml',
        'com.docker.compose.container-number': '2',
        'com.docker.compose.oneoff': 'False',
        'com.docker.compose.version': '1.29.2',
      }),
    );
    assert.deepEqual(l, {
      project: 'shop',
      service: 'web',
      workingDir: '/home/learner/shop',
      configFiles: ['/home/learner/shop/compose.yaml', '/home/learner/shop/compose.override.yaml'],
      containerNumber: 2,
      oneoff: false,
    });
  });

  it('reads what v2 writes: absolute config files, oneoff True', () => {
    const l = composeLabelsOf(
      labels('shop', 'db', {
        'com.docker.compose.project.working_dir': '/home/learner/shop',
        'com.docker.compose.project.config_files': '/home/learner/shop/compose.yaml',
        'com.docker.compose.container-number': '1',
        'com.docker.compose.oneoff': 'True',
      }),
    );
    assert.deepEqual(l?.configFiles, ['/home/learner/shop/compose.yaml']);
    assert.equal(l?.oneoff, true);
  });

  it('is undefined for a container Compose did not create, or with a project but no service', () => {
    assert.equal(composeLabelsOf(undefined), undefined);
    assert.equal(composeLabelsOf(null), undefined);
    assert.equal(composeLabelsOf({ maintainer: 'x' }), undefined);
    assert.equal(composeLabelsOf({ 'com.docker.compose.project': 'p' }), undefined);
  });

  it('groups by project and service, replicas by number, others ungrouped in their order', () => {
    const c = (id: string, l?: Record<string, string>) => ({ Id: id, Labels: l });
    const grouping = groupByProject([
      c('plain1'),
      c('shop-web-2', labels('shop', 'web', { 'com.docker.compose.container-number': '2', 'com.docker.compose.project.working_dir': '/w/shop' })),
      c('blog-app-1', labels('blog', 'app')),
      c('shop-db-1', labels('shop', 'db', { 'com.docker.compose.container-number': '1', 'com.docker.compose.project.working_dir': '/w/shop' })),
      c('plain2', { other: 'label' }),
      c('shop-web-1', labels('shop', 'web', { 'com.docker.compose.container-number': '1', 'com.docker.compose.project.working_dir': '/w/shop' })),
    ]);
    assert.deepEqual(grouping.ungrouped.map((x) => x.Id), ['plain1', 'plain2']);
    assert.deepEqual(grouping.projects.map((p) => p.name), ['blog', 'shop']);
    const shop = grouping.projects[1];
    assert.equal(shop?.workingDir, '/w/shop');
    assert.deepEqual(shop?.services.map((s) => [s.name, s.containers.map((x) => x.Id)]), [
      ['db', ['shop-db-1']],
      ['web', ['shop-web-1', 'shop-web-2']],
    ]);
    assert.equal(grouping.projects[0]?.workingDir, undefined);
  });
});
