// Which base images the linter counts as Docker Hub official images, read from the shared
// image-reference parser's fields.
import * as assert from 'assert';
import { parseImageRef } from '../../../src/docker';
import { libraryName } from '../../../src/lint/images';

describe('lint: Docker Hub library names', () => {
  const cases: [string, string | null][] = [
    ['node:18', 'node'],
    ['library/node', 'node'],
    ['docker.io/library/node:18', 'node'],
    ['docker.io/node', 'node'],
    ['index.docker.io/python', 'python'],
    ['registry-1.docker.io/nginx', 'nginx'],
    ['registry-1.docker.io/library/nginx', 'nginx'],
    ['bitnami/redis', null],
    ['library/a/b', null],
    ['ghcr.io/node', null],
    ['localhost:5000/node', null],
    ['registry-1.docker.io/bitnami/redis', null],
  ];
  for (const [text, expected] of cases) it(`${text} → ${expected}`, () => assert.strictEqual(libraryName(parseImageRef(text)), expected));
});
