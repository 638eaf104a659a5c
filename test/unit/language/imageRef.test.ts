// Image references split the way session 2 teaches them, and the hover that explains them.
import * as assert from 'assert';
import { imageReferenceMarkdown, imageReferenceParts } from '../../../src/language';

describe('language: image reference hover', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['nginx', { registry: 'docker.io', namespace: 'library', repository: 'nginx', tag: 'latest', implied: { registry: true, namespace: true, tag: true } }],
    ['node:18-alpine', { registry: 'docker.io', namespace: 'library', repository: 'node', tag: '18-alpine', implied: { registry: true, namespace: true, tag: false } }],
    ['bitnami/redis:7.2', { registry: 'docker.io', namespace: 'bitnami', repository: 'redis', tag: '7.2', implied: { registry: true, namespace: false, tag: false } }],
    ['localhost:5000/team/api:dev', { registry: 'localhost:5000', namespace: 'team', repository: 'api', tag: 'dev' }],
    ['ghcr.io/org/sub/tool', { registry: 'ghcr.io', namespace: 'org/sub', repository: 'tool', tag: 'latest' }],
    ['gcr.io/distroless', { registry: 'gcr.io', namespace: '', repository: 'distroless' }],
    [`nginx@sha256:${'a'.repeat(64)}`, { repository: 'nginx', tag: undefined, digest: `sha256:${'a'.repeat(64)}`, implied: { registry: true, namespace: true, tag: false } }],
    [`nginx:1.25@sha256:${'b'.repeat(64)}`, { tag: '1.25', digest: `sha256:${'b'.repeat(64)}` }],
  ];
  for (const [text, expected] of cases) {
    it(`splits ${text}`, () => {
      const parts = imageReferenceParts(text);
      assert.ok(parts, text);
      for (const [key, value] of Object.entries(expected)) assert.deepStrictEqual(parts[key as keyof typeof parts], value, `${text}: ${key}`);
    });
  }

  it('gives up on what is not an image reference (variables, upper case, bad digests)', () => {
    for (const text of ['${BASE}', 'node:$VERSION', 'Ubuntu', 'nginx@sha256:xyz', '', 'a b']) assert.strictEqual(imageReferenceParts(text), undefined, text);
  });

  it('explains each part in Korean, marking defaults, warning about an implied latest', () => {
    const md = imageReferenceMarkdown(imageReferenceParts('nginx') as NonNullable<ReturnType<typeof imageReferenceParts>>, 'ko');
    assert.match(md, /`docker\.io\/library\/nginx:latest`/);
    assert.match(md, /- `docker\.io` — 레지스트리 \(이미지가 저장된 서버\) \*\(생략됨, 기본값\)\*/);
    assert.match(md, /- `library` — 네임스페이스 \(사용자\/조직\) \*\(생략됨, 기본값\)\*/);
    assert.match(md, /- `nginx` — 리포지토리/);
    assert.match(md, /- `latest` — 태그 \(버전 또는 변형\) \*\(생략됨, 기본값\)\*/);
    assert.match(md, /Docker Hub 공식 이미지/);
    assert.match(md, /`latest`가 쓰여/);
    assert.match(md, /과정: 이미지 식별과 태그/);
  });

  it('explains a registry, namespace, tag and digest in English, without defaults or the latest warning', () => {
    const md = imageReferenceMarkdown(imageReferenceParts(`registry.example.com:5000/acme/shop:2.1@sha256:${'c'.repeat(64)}`) as NonNullable<ReturnType<typeof imageReferenceParts>>, 'en');
    assert.match(md, /- `registry\.example\.com:5000` — Registry/);
    assert.match(md, /- `acme` — Namespace/);
    assert.match(md, /- `shop` — Repository/);
    assert.match(md, /- `2\.1` — Tag/);
    assert.match(md, /- `sha256:c{64}` — Digest/);
    assert.match(md, /exactly that content is used/);
    assert.doesNotMatch(md, /default|latest|official/i);
  });
});
