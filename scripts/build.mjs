// Bundles the extension and the CLI into dist/ with esbuild (CommonJS: VS Code 1.93
// loads extensions with require()).
//
// The extension is split into one bundle per capability so that activation loads only
// the wiring (dist/extension.js, from src/extension.ts) and each capability's code loads
// on first use (src/extension.ts decides when):
//
//   - A capability is a folder src/<name>/ with an index.ts (its public engine surface)
//     and/or a vscode/index.ts (its editor glue, `register<X>(context, …)`). Every such
//     folder becomes dist/<name>.js, exporting both. Adding a capability chunk (e.g.
//     src/language/) needs no change here: create the folder, then add its one line to
//     the CHUNKS table in src/extension.ts.
//   - An import of another capability's index.ts or vscode/index.ts becomes
//     `require('./<name>.js')`, so each module exists exactly once at run time (class
//     identity, `instanceof` on errors, module state). An import of another capability's
//     internals fails the build (ESLint says the same, see eslint.config.mjs).
//   - src/util/ is shared: bundled into each chunk that uses it (it holds no state).
//   - Libraries that more than one chunk uses, or that a chunk loaded at activation
//     requires lazily, live in library bundles of their own (LIBRARY_BUNDLES): each
//     chunk reads them off dist/<bundle>.js, so each library exists once at run time and
//     once in the .vsix (yaml was in three chunks, ajv and dockerfile-ast in two each).
//     dist/dockerode.js holds dockerode and the docker-modem and ssh2 it is built on
//     (src/docker/client.ts and ssh.ts require them on the first Docker call, not when
//     the status bar shows the endpoint).
//
// dockerode pulls in ssh2, whose optional native pieces (cpu-features, sshcrypto.node)
// are loaded inside try/catch: marking them external keeps the bundles free of .node
// files and ssh2 falls back to its pure-JS crypto when they are missing at run time.
//
// The CLI (dist/cli.js, not shipped in the .vsix) stays one file.
//
// mermaid's minified build is copied from node_modules into media/lab/vendor/
// (git-ignored) for the lab view.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import boundaries from './eslint/capability-boundaries.cjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Folders of src/ that are not capabilities: shared helpers, and the CLI (its own bundle). */
const NOT_CAPABILITIES = new Set(['util', 'cli']);
/**
 * Library bundles: dist/<name>.js exports these npm packages (by their exact import name),
 * and every chunk requires them from it. A package's own dependencies stay inside its bundle.
 */
export const LIBRARY_BUNDLES = {
  dockerode: ['dockerode', 'docker-modem', 'ssh2'],
  yaml: ['yaml'],
  ajv: ['ajv'],
  'dockerfile-ast': ['dockerfile-ast', 'vscode-languageserver-types', 'vscode-languageserver-textdocument'],
};
const bundleOfLibrary = new Map(Object.entries(LIBRARY_BUNDLES).flatMap(([bundle, libs]) => libs.map((lib) => [lib, bundle])));
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Files copied from node_modules into the extension's media (git-ignored there). */
const VENDORED = [
  { from: 'mermaid/dist/mermaid.min.js', to: 'media/lab/vendor/mermaid.min.js' },
  { from: 'mermaid/LICENSE', to: 'media/lab/vendor/mermaid.LICENSE' },
];

/** Every src/<name>/ with an index.ts or a vscode/index.ts. */
export function capabilities(srcDir = src) {
  return readdirSync(srcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !NOT_CAPABILITIES.has(d.name))
    .map((d) => d.name)
    .filter((name) => existsSync(join(srcDir, name, 'index.ts')) || existsSync(join(srcDir, name, 'vscode', 'index.ts')))
    .sort();
}

/** Which capability a source file belongs to, and whether it is one of its two public entries. */
function locate(file, caps) {
  const place = boundaries.placeOf(file, src);
  if (!place || place.entry || !caps.includes(place.capability)) return undefined;
  return { capability: place.capability, isEntry: place.publicIndex || place.publicGlue };
}

/**
 * Keeps the chunk of `own` (undefined for the entry) free of other capabilities: their
 * public entries become external requires of their chunk, their internals are an error.
 */
function capabilityBoundaries(own, caps) {
  return {
    name: 'capability-boundaries',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData?.resolving || !args.importer.startsWith(src)) return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { resolving: true },
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const target = locate(resolved.path, caps);
        if (!target || target.capability === own) return { path: resolved.path };
        if (target.isEntry) return { path: `./${target.capability}.js`, external: true };
        return {
          errors: [
            {
              text: `${relative(root, args.importer)} imports ${relative(root, resolved.path)}, an internal module of the ${target.capability} capability: import from its index.ts (src/${target.capability}) instead`,
            },
          ],
        };
      });
      // `require('ssh2')` (or an import of yaml) in a chunk, or in a package bundled into it,
      // reads that package off its library bundle.
      const shared = new RegExp(`^(${[...bundleOfLibrary.keys()].map(escapeRegExp).join('|')})$`);
      build.onResolve({ filter: shared }, (args) => ({ path: args.path, namespace: 'library-bundle' }));
      build.onResolve({ filter: /^\.\/.*\.js$/, namespace: 'library-bundle' }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'library-bundle' }, (args) => ({
        contents: `module.exports = require('./${bundleOfLibrary.get(args.path)}.js')[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  external: ['vscode', 'cpu-features', '*.node'],
  mainFields: ['module', 'main'],
};

function chunkEntry(name) {
  const exports = ['index.ts', 'vscode/index.ts'].filter((f) => existsSync(join(src, name, f)));
  return {
    contents: exports.map((f) => `export * from './${f.replace(/\.ts$/, '')}';`).join('\n'),
    resolveDir: join(src, name),
    sourcefile: `src/${name}/chunk.ts`,
    loader: 'ts',
  };
}

export function extensionBuilds(caps = capabilities()) {
  return [
    { ...common, entryPoints: { extension: join(src, 'extension.ts') }, outdir: join(root, 'dist'), plugins: [capabilityBoundaries(undefined, caps)] },
    ...caps.map((name) => ({ ...common, stdin: chunkEntry(name), outfile: join(root, 'dist', `${name}.js`), plugins: [capabilityBoundaries(name, caps)] })),
    ...Object.entries(LIBRARY_BUNDLES).map(([bundle, libs]) => ({
      ...common,
      stdin: { contents: `module.exports = { ${libs.map((lib) => `${JSON.stringify(lib)}: require('${lib}')`).join(', ')} };`, resolveDir: root, sourcefile: `${bundle}.cjs`, loader: 'js' },
      outfile: join(root, 'dist', `${bundle}.js`),
    })),
  ];
}

const cliBuild = {
  ...common,
  entryPoints: { cli: join(src, 'cli', 'main.ts') },
  outdir: join(root, 'dist'),
  banner: { js: '#!/usr/bin/env node' },
};

function copyVendored() {
  for (const { from, to } of VENDORED) {
    const target = join(root, to);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(root, 'node_modules', from), target);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  copyVendored();
  const builds = [...extensionBuilds(), cliBuild];
  if (watch) {
    for (const b of builds) {
      const ctx = await esbuild.context(b);
      await ctx.watch();
    }
    console.log('esbuild: watching');
  } else {
    await Promise.all(builds.map((b) => esbuild.build(b)));
  }
}
