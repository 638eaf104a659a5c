import { strict as assert } from 'node:assert';
import { isValidImageRef, normalizeImageRef, parseImageRef, pullReference, repoAndTag } from '../../../src/docker';

const DIGEST = 'sha256:' + 'a'.repeat(64);

describe('docker image references', () => {
  it('splits registry, path, name, tag and digest', () => {
    const parts = (t: string) => {
      const r = parseImageRef(t);
      return [r.registry, r.path, r.name, r.tag, r.digest];
    };
    assert.deepEqual(parts('nginx'), [null, 'nginx', 'nginx', null, null]);
    assert.deepEqual(parts('node:18-alpine'), [null, 'node', 'node', '18-alpine', null]);
    assert.deepEqual(parts('bitnami/redis:7.2'), [null, 'bitnami/redis', 'redis', '7.2', null]);
    assert.deepEqual(parts('ghcr.io/org/team/app:v1'), ['ghcr.io', 'org/team/app', 'app', 'v1', null]);
    assert.deepEqual(parts('localhost:5000/app'), ['localhost:5000', 'app', 'app', null, null]);
    assert.deepEqual(parts('localhost/app:dev'), ['localhost', 'app', 'app', 'dev', null]);
    assert.deepEqual(parts('10.0.0.2:5000/x/y:1@' + DIGEST), ['10.0.0.2:5000', 'x/y', 'y', '1', DIGEST]);
    assert.deepEqual(parts('alpine@' + DIGEST), [null, 'alpine', 'alpine', null, DIGEST]);
    // A capitalised first component can only be a host; a lower-case one without dot or port is a Hub namespace.
    assert.deepEqual(parts('Registry/app'), ['registry', 'app', 'app', null, null]);
    assert.deepEqual(parts('library/node'), [null, 'library/node', 'node', null, null]);
    // Paths are read lower-case (the linter reads what was typed); the written text stays.
    assert.deepEqual(parts('Node:LTS'), [null, 'node', 'node', 'LTS', null]);
    assert.equal(parseImageRef('Node:LTS').text, 'Node:LTS');
  });

  it('never throws on half-typed input', () => {
    for (const t of ['', ':', '@', '/', '//', 'a:', ':b', 'a@', '@b', 'a/:b', '$IMAGE', '${BASE:-node}:18']) {
      const r = parseImageRef(t);
      assert.equal(r.text, t);
    }
    assert.equal(parseImageRef('${BASE:-node}:18').tag, '18');
  });

  it('normalises the way the daemon stores references', () => {
    assert.equal(normalizeImageRef('nginx'), 'docker.io/library/nginx:latest');
    assert.equal(normalizeImageRef(' nginx:alpine '), 'docker.io/library/nginx:alpine');
    assert.equal(normalizeImageRef('grafana/grafana'), 'docker.io/grafana/grafana:latest');
    assert.equal(normalizeImageRef('docker.io/nginx'), 'docker.io/library/nginx:latest');
    assert.equal(normalizeImageRef('index.docker.io/library/nginx:1'), 'docker.io/library/nginx:1');
    assert.equal(normalizeImageRef('localhost:5000/app'), 'localhost:5000/app:latest');
    assert.equal(normalizeImageRef('localhost/app'), 'localhost/app:latest');
    assert.equal(normalizeImageRef('ghcr.io/org/app:v2'), 'ghcr.io/org/app:v2');
    assert.equal(normalizeImageRef('nginx@' + DIGEST), 'docker.io/library/nginx@' + DIGEST);
    assert.equal(normalizeImageRef('nginx:1.25@' + DIGEST), 'docker.io/library/nginx:1.25@' + DIGEST);
    assert.equal(parseImageRef('nginx').repository, 'library/nginx');
    assert.equal(parseImageRef('quay.io/nginx').repository, 'nginx');
    assert.equal(parseImageRef('quay.io/nginx').domain, 'quay.io');
  });

  it('gives docker tag its repository and tag, and docker pull a tag', () => {
    assert.deepEqual(repoAndTag('nginx:alpine'), { repo: 'nginx', tag: 'alpine' });
    assert.deepEqual(repoAndTag('nginx'), { repo: 'nginx', tag: 'latest' });
    assert.deepEqual(repoAndTag('localhost:5000/team/app'), { repo: 'localhost:5000/team/app', tag: 'latest' });
    assert.deepEqual(repoAndTag('localhost:5000/app:1.2'), { repo: 'localhost:5000/app', tag: '1.2' });
    assert.equal(pullReference('redis'), 'redis:latest');
    assert.equal(pullReference('localhost:5000/app'), 'localhost:5000/app:latest');
    assert.equal(pullReference('redis:7-alpine'), 'redis:7-alpine');
    assert.equal(pullReference('redis@' + DIGEST), 'redis@' + DIGEST);
  });

  it('validates by the distribution grammar', () => {
    const tagRules = { digest: false };
    for (const ok of ['nginx', 'my-app:1.0', 'grafana/grafana:latest', 'localhost:5000/a/b_c:v1.2-rc']) assert.ok(isValidImageRef(ok, tagRules), ok);
    for (const bad of ['Nginx', 'my app', 'app:', ':tag', 'app:-x', 'a//b']) assert.ok(!isValidImageRef(bad, tagRules), bad);
    for (const ok of ['a__b', 'a---b', 'a.b_c', 'Registry.example.com:443/x', '[::1]:5000/app', 'x:' + 'v'.repeat(128), 'nginx@' + DIGEST, 'nginx:1@' + DIGEST]) {
      assert.ok(isValidImageRef(ok), ok);
    }
    for (const bad of ['a___b', 'a_.b', '-a', 'a-', 'app/', '/app', 'x:' + 'v'.repeat(129), 'nginx@sha256:abc', 'nginx@' + DIGEST.replace('sha256', '1sha'), 'a'.repeat(256), 'a'.repeat(64), 'host-:5000/x', 'ho st/x']) {
      assert.ok(!isValidImageRef(bad), bad);
    }
    assert.ok(!isValidImageRef('nginx@' + DIGEST, tagRules), 'docker tag cannot make a digest');
  });
});
