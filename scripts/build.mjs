// Bundles the extension and the CLI into dist/ with esbuild: one CommonJS file each.
// dockerode pulls in ssh2, whose optional native pieces (cpu-features, sshcrypto.node)
// are loaded inside try/catch: marking them external keeps the bundle free of .node
// files and ssh2 falls back to its pure-JS crypto when they are missing at run time.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  external: ['vscode', 'cpu-features', '*.node'],
  // Keep source text of lazily required modules out of the activation path.
  mainFields: ['module', 'main'],
};

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist' },
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
];

if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
