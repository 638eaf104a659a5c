// Help for a Docker error the learner met in any terminal: which command lines are Docker's,
// which error a failed one printed (the docker capability's describeDockerOutput), which
// built-in lab step teaches it, and the policy that offers help once per error kind per
// editor session (a second identical failure stays quiet). Pure: the editor glue is vscode/.
import { describeDockerOutput, type DaemonCause, type ConnectionCause, type DockerProblem } from '../docker';
import { innermostCommand, tokenizeShell } from '../shell';

export type ErrorKind = DaemonCause | ConnectionCause;

/** The lab step that meets this error on purpose or teaches its fix: `dockerLabs.lab.open` arguments. */
export interface LessonRef {
  session: string;
  step: string;
}

// Built-in sessions (exercises/*/lab.yaml ids); a unit test checks every entry exists.
export const LESSONS: Partial<Record<ErrorKind, LessonRef>> = {
  'not-running': { session: 'basics', step: 'version' },
  'permission-denied': { session: 'basics', step: 'version' },
  'no-such-image': { session: 'basics', step: 'pull' },
  'pull-access-denied': { session: 'basics', step: 'pull' },
  'manifest-unknown': { session: 'basics', step: 'pull' },
  'name-in-use': { session: 'basics', step: 'rm-force' },
  'container-running': { session: 'basics', step: 'rm-running' },
  'no-space-left': { session: 'basics', step: 'practice-cleanup' },
  'port-allocated': { session: 'image-management', step: 'port-conflict' },
  'network-exists': { session: 'image-management', step: 'duplicate-network' },
  'name-not-resolved': { session: 'image-management', step: 'isolated-ping' },
  'address-pools-exhausted': { session: 'image-management', step: 'create-network' },
};

/** Whether a typed command line runs `docker` or `docker-compose` (also behind sudo, env, in a pipe or a list). */
export function isDockerCommandLine(line: string): boolean {
  try {
    const { commands } = tokenizeShell(line, 0, line.length);
    return commands.some((c) => ['docker', 'docker-compose', 'docker.exe'].includes(innermostCommand(c).name));
  } catch {
    return false;
  }
}

export interface TerminalHelp {
  kind: ErrorKind;
  problem: DockerProblem;
  lesson?: LessonRef;
}

/** The help for one ended command, or undefined (not Docker's, succeeded, an error we do not know). */
export function helpFor(commandLine: string, exitCode: number | undefined, output: string, platform?: NodeJS.Platform): TerminalHelp | undefined {
  if (exitCode === 0 || !isDockerCommandLine(commandLine)) return undefined;
  const problem = describeDockerOutput(output, { platform });
  if (!problem || problem.cause === 'other') return undefined;
  return { kind: problem.cause, problem, lesson: LESSONS[problem.cause] };
}

/** Once per error kind per session: the first failure of a kind is shown, later ones are not. */
export class OncePerKind {
  private readonly seen = new Set<ErrorKind>();

  /** True the first time a kind is offered (and records it). */
  take(kind: ErrorKind): boolean {
    if (this.seen.has(kind)) return false;
    this.seen.add(kind);
    return true;
  }

  shown(): ErrorKind[] {
    return [...this.seen];
  }
}
