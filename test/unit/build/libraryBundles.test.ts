// The library bundles of scripts/build.mjs: a library several capability chunks use is in
// the .vsix (and in memory) once, in dist/<bundle>.js, and each chunk reads it from there.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');

/** npm packages whose sources a bundle's source map lists. */
function packagesIn(bundle: string): Set<string> {
  const map = JSON.parse(fs.readFileSync(path.join(root, 'dist', `${bundle}.js.map`), 'utf8')) as { sources: string[] };
  const out = new Set<string>();
  for (const source of map.sources) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
    if (m) out.add(m[1]);
  }
  return out;
}

describe('build: library bundles', function () {
  this.timeout(120000);
  let libraryBundles: Record<string, string[]>;
  let chunks: string[];

  before(async function () {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    const buildModule = (await import(path.join(root, 'scripts', 'build.mjs'))) as { LIBRARY_BUNDLES: Record<string, string[]>; capabilities: () => string[] };
    libraryBundles = buildModule.LIBRARY_BUNDLES;
    chunks = ['extension', ...buildModule.capabilities()];
  });

  it('puts each shared library in its own bundle and in no capability chunk', function () {
    for (const [bundle, libraries] of Object.entries(libraryBundles)) {
      for (const library of libraries) {
        assert.ok(packagesIn(bundle).has(library), `dist/${bundle}.js holds ${library}`);
        for (const chunk of chunks) assert.ok(!packagesIn(chunk).has(library), `dist/${chunk}.js does not bundle its own copy of ${library}`);
      }
    }
  });

  it('chunks that use yaml, ajv or dockerfile-ast require them from their bundle', function () {
    const requires = (chunk: string) => fs.readFileSync(path.join(root, 'dist', `${chunk}.js`), 'utf8');
    for (const chunk of ['lint', 'lab', 'compose']) assert.match(requires(chunk), /require\("\.\/yaml\.js"\)/, `dist/${chunk}.js reads yaml from dist/yaml.js`);
    for (const chunk of ['lab', 'compose']) assert.match(requires(chunk), /require\("\.\/ajv\.js"\)/, `dist/${chunk}.js reads ajv from dist/ajv.js`);
    for (const chunk of ['lint', 'language']) assert.match(requires(chunk), /require\("\.\/dockerfile-ast\.js"\)/, `dist/${chunk}.js reads dockerfile-ast from dist/dockerfile-ast.js`);
  });

  it('a library bundle loads in plain Node and exports its packages by name', function () {
    for (const [bundle, libraries] of Object.entries(libraryBundles)) {
      const exported = require(path.join(root, 'dist', `${bundle}.js`)) as Record<string, unknown>;
      assert.deepEqual(Object.keys(exported).sort(), [...libraries].sort());
      for (const library of libraries) assert.ok(exported[library], `${bundle}.js exports ${library}`);
    }
    const { yaml } = require(path.join(root, 'dist', 'yaml.js')) as { yaml: typeof import('yaml') };
    assert.deepEqual(yaml.parse('a: [1, 2]'), { a: [1, 2] });
  });
});
