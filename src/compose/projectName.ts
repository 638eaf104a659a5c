// The project name Compose gives a compose file run without `-p`: its top-level `name:`,
// else the name of its folder, normalised as Compose v2 does (lower case; letters,
// digits, `-` and `_`; starting with a letter or digit). v1 1.29 keeps the same
// alphabet, so both spellings name the project alike for the course's folder names.
import { parse } from 'yaml';

/** `My App!` → `myapp`; undefined when nothing is left. */
export function normalizeProjectName(name: string): string | undefined {
  const out = name.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[^a-z0-9]+/, '');
  return out || undefined;
}

/** The project a compose file's text and folder name give (COMPOSE_PROJECT_NAME aside). */
export function projectNameFor(composeText: string | undefined, folderName: string): string | undefined {
  if (composeText !== undefined) {
    try {
      const doc = parse(composeText) as { name?: unknown } | null;
      if (doc && typeof doc === 'object' && typeof doc.name === 'string' && doc.name.trim()) return normalizeProjectName(doc.name);
    } catch {
      // A broken file: Compose itself would refuse it; the folder name is the best guess.
    }
  }
  return normalizeProjectName(folderName);
}
