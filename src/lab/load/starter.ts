// Starter files: copied from the session's starter/ folder into the learner's folder,
// never over an existing file unless the caller says so.
import * as fs from 'fs';
import * as path from 'path';

export interface StarterFile {
  rel: string;
  source: string;
  target: string;
  /** The target exists with different content. */
  conflict: boolean;
  /** The target exists with the same content. */
  same: boolean;
}

export function starterFiles(starterDir: string, targetDir: string): StarterFile[] {
  const out: StarterFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile()) {
        const rel = path.relative(starterDir, abs);
        const target = path.join(targetDir, rel);
        const exists = fs.existsSync(target);
        const same = exists && fs.readFileSync(target).equals(fs.readFileSync(abs));
        out.push({ rel, source: abs, target, conflict: exists && !same, same });
      }
    }
  };
  if (fs.existsSync(starterDir)) walk(starterDir);
  return out;
}

/** Copies the files that are missing (and, when overwrite is set, the conflicting ones). */
export function copyStarter(files: StarterFile[], overwrite: boolean): string[] {
  const copied: string[] = [];
  for (const f of files) {
    if (f.same || (f.conflict && !overwrite)) continue;
    fs.mkdirSync(path.dirname(f.target), { recursive: true });
    fs.copyFileSync(f.source, f.target);
    copied.push(f.rel);
  }
  return copied;
}

/** Where a lab's file fence (`file=PATH`) goes in the learner's folder, and what is there now. */
export interface LabFileTarget {
  rel: string;
  target: string;
  /** The target exists with different content. */
  conflict: boolean;
  /** The target exists with the same content. */
  same: boolean;
}

/** The file `rel` of the folder `workdir`; undefined when the path leaves that folder (absolute, `..`). */
export function labFileTarget(workdir: string, rel: string, content: string): LabFileTarget | undefined {
  if (!rel || path.isAbsolute(rel) || /^[a-z]:/i.test(rel)) return undefined;
  const target = path.resolve(workdir, rel);
  const inside = path.relative(workdir, target);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
  const exists = fs.existsSync(target);
  const same = exists && fs.readFileSync(target, 'utf8') === content;
  return { rel: inside, target, conflict: exists && !same, same };
}

/** Writes the file (and its folders); nothing when it already holds `content`. */
export function writeLabFile(file: LabFileTarget, content: string): void {
  if (file.same) return;
  fs.mkdirSync(path.dirname(file.target), { recursive: true });
  fs.writeFileSync(file.target, content);
}
