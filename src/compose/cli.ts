// The Compose command line: which CLI the machine has (`docker compose`, the v2
// plugin, preferred; else the v1 `docker-compose`), the argv for an action on a
// project or a compose file, and which file names are compose files. Every explorer
// action on a project prints this line before it runs it.
import * as path from 'node:path';

/** The argv prefix that runs Compose: `docker compose` (v2) or `docker-compose` (v1). */
export type ComposeCli = readonly ['docker', 'compose'] | readonly ['docker-compose'];

export const COMPOSE_V2: ComposeCli = ['docker', 'compose'];
export const COMPOSE_V1: ComposeCli = ['docker-compose'];

/** What probing the machine found: does `docker compose version` / `docker-compose version` answer? */
export interface ComposeAvailability {
  v2: boolean;
  v1: boolean;
}

/** v2 when it answers (v1 is end-of-life since 2023), else v1, else none. */
export function chooseComposeCli(found: ComposeAvailability): ComposeCli | undefined {
  if (found.v2) return COMPOSE_V2;
  if (found.v1) return COMPOSE_V1;
  return undefined;
}

/** Which project an action addresses, as its containers' labels name it. */
export interface ComposeTarget {
  project: string;
  /** Absolute; passed as `-f` so the project's own files are used wherever the command runs. */
  configFiles?: readonly string[];
}

export type ComposeAction =
  | { kind: 'up' }
  | { kind: 'down' }
  | { kind: 'restart'; service?: string }
  | { kind: 'stop'; service?: string }
  | { kind: 'logs'; service?: string };

/** The words after `-p P -f F`: `up -d`, `down`, `logs -f --tail 200 web`… */
export function actionWords(action: ComposeAction): string[] {
  switch (action.kind) {
    case 'up':
      return ['up', '-d'];
    case 'down':
      return ['down'];
    case 'restart':
    case 'stop':
      return [action.kind, ...(action.service ? [action.service] : [])];
    case 'logs':
      return ['logs', '-f', '--tail', '200', ...(action.service ? [action.service] : [])];
  }
}

/** `docker compose -p shop -f /src/shop/compose.yaml restart web`. */
export function composeArgv(cli: ComposeCli, target: ComposeTarget, action: ComposeAction): string[] {
  const files = (target.configFiles ?? []).flatMap((f) => ['-f', f]);
  return [...cli, '-p', target.project, ...files, ...actionWords(action)];
}

/**
 * For a compose file opened in the editor: `docker compose -f compose.yaml up -d`, run
 * from the file's directory, with no `-p`, so Compose names the project after the
 * directory as it does when the learner types the command there.
 */
export function composeFileArgv(cli: ComposeCli, file: string, action: ComposeAction): { argv: string[]; cwd: string } {
  const p = /^[A-Za-z]:\\/.test(file) ? path.win32 : path.posix;
  return { argv: [...cli, '-f', p.basename(file), ...actionWords(action)], cwd: p.dirname(file) };
}

export { COMPOSE_FILE_PATTERN, isComposeFileName } from '../util/composeFile';
