// Loads part of src/ in plain Node for the generators: `contents` (an export line written
// against the repository root) bundled by esbuild into a temporary CommonJS file and required.
// src/docker's client loads dockerode, docker-modem and ssh2 only when a daemon is used, and
// ssh2's optional native parts are never bundled (as in build.mjs), so they stay external.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

export async function loadSourceModule(root, contents) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-gen-'));
  try {
    const file = path.join(out, 'module.cjs');
    await esbuild.build({
      stdin: { contents, resolveDir: root, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      external: ['dockerode', 'docker-modem', 'ssh2', 'cpu-features', '*.node'],
      outfile: file,
      logLevel: 'silent',
    });
    return createRequire(import.meta.url)(file);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
