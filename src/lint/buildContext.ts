// `BuildContext` answered from the files, for the CLI and the editor (which
// passes the text of open, unsaved ignore files). The rules see only the
// interface (./types.ts), never the disk.
import * as fs from 'fs';
import * as path from 'path';
import type { BuildContext, DockerignoreFile } from './types';

/**
 * A `BuildContext` read from disk: `contextDir` is the folder sent to the
 * builder, `dockerfile` the Dockerfile's path. `read` may supply a file's text
 * (an open editor's unsaved buffer) before the disk is asked; it returns
 * undefined to fall back to the disk. Answers are cached for the object's
 * life: make a new one when the files change.
 */
export function fsBuildContext(dockerfile: string, contextDir: string, read?: (absPath: string) => string | undefined): BuildContext {
  let ignoreFile: DockerignoreFile | undefined | null = null;
  const existing = new Map<string, boolean>();
  const display = (abs: string): string => {
    const rel = path.relative(contextDir, abs);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
  };
  const load = (abs: string): string | undefined => {
    const open = read?.(abs);
    if (open !== undefined) return open;
    try {
      return fs.readFileSync(abs, 'utf8');
    } catch {
      return undefined;
    }
  };
  const exists = (relPath: string): boolean => {
    let known = existing.get(relPath);
    if (known === undefined) {
      known = fs.existsSync(path.join(contextDir, ...relPath.split('/')));
      existing.set(relPath, known);
    }
    return known;
  };
  return {
    dockerignore() {
      if (ignoreFile === null) {
        ignoreFile = undefined;
        for (const abs of [`${dockerfile}.dockerignore`, path.join(contextDir, '.dockerignore')]) {
          const text = load(abs);
          if (text !== undefined) {
            ignoreFile = { path: display(abs), text };
            break;
          }
        }
      }
      return ignoreFile;
    },
    exists,
    isNodeProject: () => exists('package.json'),
  };
}
