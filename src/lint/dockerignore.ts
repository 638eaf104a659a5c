// `.dockerignore` matching for the build-context rules. The matching is Docker's
// own (@balena/dockerignore follows moby's fileutils: the last matching line
// wins, a line also matches a path's parent folders, `!` includes again); this
// module adds which line decided, so a message can name it.
import ignore, { type Ignore } from '@balena/dockerignore';
import * as path from 'path';

/** The line of a `.dockerignore` that excludes a path. */
export interface DockerignoreMatch {
  /** 1-based line in the ignore file. */
  line: number;
  /** The line's pattern as written (trimmed). */
  pattern: string;
}

export interface DockerignoreMatcher {
  /** The excluding line when the build leaves `relPath` (context-relative; `./`, a leading `/` allowed) out of the context; null when it is sent. */
  excludedBy(relPath: string): DockerignoreMatch | null;
  excludes(relPath: string): boolean;
}

interface Line {
  line: number;
  pattern: string;
  negative: boolean;
  alone: Ignore;
}

let last: { text: string; matcher: DockerignoreMatcher } | undefined;

/** A matcher for one ignore file's text (the last one built is reused: the editor re-lints with the same file). */
export function dockerignoreMatcher(text: string): DockerignoreMatcher {
  if (last?.text === text) return last.matcher;
  const all = ignore({ ignorecase: false });
  const lines: Line[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const pattern = raw.trim();
    if (!pattern || pattern.startsWith('#')) return;
    all.add(raw);
    const negative = pattern.startsWith('!');
    const body = negative ? pattern.slice(1).trim() : pattern;
    if (!body) return;
    lines.push({ line: i + 1, pattern, negative, alone: ignore({ ignorecase: false }).add(body) });
  });
  const excludedBy = (relPath: string): DockerignoreMatch | null => {
    const p = contextPath(relPath);
    if (p === null || !all.ignores(p)) return null;
    for (let k = lines.length - 1; k >= 0; k--) {
      const l = lines[k];
      if (l.alone.ignores(p)) return l.negative ? null : { line: l.line, pattern: l.pattern };
    }
    return null;
  };
  const matcher: DockerignoreMatcher = { excludedBy, excludes: (p) => excludedBy(p) !== null };
  last = { text, matcher };
  return matcher;
}

/** `./src/app.js`, `/src/app.js` → `src/app.js`; null for the context root itself or a path leaving it. */
export function contextPath(relPath: string): string | null {
  const p = path.posix.normalize(relPath.replace(/^\/+/, ''));
  if (p === '.' || p === './' || p === '' || p === '..' || p.startsWith('../')) return null;
  return p.replace(/\/+$/, '');
}

