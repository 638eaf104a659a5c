// Compiles the extension-host suite: test/suite/index.ts and every
// test/suite/**/*.test.ts become one CommonJS bundle each in out/test/suite/
// (the layout VS Code's extensionTestsPath expects). npm packages stay external
// and load from node_modules at run time; our own sources are bundled in.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export async function compileSuite(root) {
  const srcDir = join(root, 'test', 'suite');
  const outdir = join(root, 'out', 'test', 'suite');
  const entryPoints = readdirSync(srcDir, { recursive: true })
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => join(srcDir, f));
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outbase: srcDir,
    outdir,
    bundle: true,
    packages: 'external',
    external: ['vscode'],
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return { index: join(outdir, 'index.js'), count: entryPoints.length - 1 };
}
