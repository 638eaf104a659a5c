// The lab model: what a course session becomes once its Markdown and its lab.yaml are
// parsed. Everything here is plain data (serialisable, no editor types) so the CLI, the
// editor and the tests share it.
import type { Lang, Localized } from '../util/i18n';

/** A position in a source file; line and column are 1-based. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** A malformed lab: where, and what is wrong, in both languages. */
export interface LabProblem extends SourcePos {
  message: Localized;
}

/** `endpoint`: a Docker host (`unix:///…`, `tcp://host:2376`, `ssh://user@host`), e.g. the class's deployment server. */
export type VariableType = 'integer' | 'name' | 'endpoint';

export interface VariableSpec {
  name: string;
  type: VariableType;
  min?: number;
  max?: number;
  default?: string;
  prompt?: Localized;
}

/** Learner-supplied values, already validated (see variables.ts). */
export type VariableValues = Record<string, string>;

/** Why a command line is shown but never run. */
export type NotRunnableReason = 'placeholder' | 'norun' | 'inside-container' | 'template';

/** What a command does beyond the lab when run as written (see shell.ts). */
export type DestructiveKind =
  | 'system-prune'
  | 'container-prune'
  | 'image-prune'
  | 'volume-prune'
  | 'network-prune'
  | 'stop-all'
  | 'kill-all'
  | 'remove-all-containers'
  | 'remove-all-images'
  | 'remove-all-volumes'
  | 'remove-all-networks'
  /** `docker compose down` with no project named: whichever project the folder gives. */
  | 'compose-down';

export interface Destructive {
  kind: DestructiveKind;
  /** `rm -f`, `prune -a`, `--volumes`: how far the scoped equivalent goes. */
  force: boolean;
  allImages: boolean;
  volumes: boolean;
}

export interface Command {
  /** Position within its step (0-based, counting every command line, runnable or not). */
  index: number;
  /** Which fence of the step it came from (0-based). */
  block: number;
  /** The text to run: continuation lines joined into one line, comments dropped; may hold {{templates}}. */
  text: string;
  /** 1-based line in the Markdown file where the command starts. */
  line: number;
  runnable: boolean;
  reason?: NotRunnableReason;
  /** Needs a TTY (docker run -it, exec -it, attach): the CLI skips it unless the step has a headless form. */
  interactive: boolean;
  /** Runs until interrupted (logs -f, stats, ping without -c): the CLI stops it after a short while. */
  longRunning: boolean;
  destructive?: Destructive;
}

/** One line of a fence as the learner sees it. */
export interface FenceRow {
  kind: 'command' | 'comment' | 'output' | 'blank';
  /** Original text of the line(s) (a command may span several lines). */
  text: string;
  /** Index into step.commands when kind is 'command'. */
  command?: number;
}

export interface CommandBlock {
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  shell: boolean;
  norun: boolean;
  rows: FenceRow[];
}

export interface ManualItem {
  text: string;
  line: number;
}

// ---- checks ----------------------------------------------------------------------

interface CheckBase {
  /** Where the check was declared (lab.yaml), for error messages. */
  pos?: SourcePos;
  /** Seconds to keep retrying before the check fails. */
  timeout?: number;
}

export type ContainerState = 'running' | 'exited' | 'paused' | 'created' | 'restarting' | 'exists' | 'absent';

export type Check =
  | (CheckBase & { kind: 'image'; ref: string; absent?: boolean; smallerThan?: string })
  | (CheckBase & {
      kind: 'container';
      name: string;
      state?: ContainerState;
      image?: string;
      ports?: string[];
      network?: string;
      env?: Record<string, string>;
    })
  | (CheckBase & { kind: 'network'; name: string; driver?: string; subnet?: string; containers?: string[]; absent?: boolean })
  | (CheckBase & { kind: 'volume'; name: string; mountedIn?: string; path?: string; absent?: boolean })
  | (CheckBase & { kind: 'logs'; container: string; contains: string })
  | (CheckBase & { kind: 'exec'; container: string; command: string[]; exitCode?: number; contains?: string })
  | (CheckBase & { kind: 'http'; url: string; status?: number; contains?: string })
  | (CheckBase & { kind: 'lint'; path: string; categories?: string[] })
  | (CheckBase & { kind: 'file'; path: string; contains?: string })
  | (CheckBase & { kind: 'manual'; text: Localized | string })
  | (CheckBase & {
      kind: 'compose';
      /** The project name (`-p`), or a compose file path (workspace-relative) whose project name Compose derives. */
      project: string;
      services?: Record<string, ComposeServiceExpectation>;
      /** Networks by their compose-file key (`default` is `<project>_default`). */
      networks?: string[];
      /** Named volumes by their compose-file key (`pgdata` is `<project>_pgdata`). */
      volumes?: string[];
      /** The project has no container left (after `down`). */
      absent?: boolean;
    });

export type ComposeServiceState = 'running' | 'exited' | 'absent';

/** What one service of a Compose project must look like. */
export interface ComposeServiceExpectation {
  state?: ComposeServiceState;
  /** How many replicas (containers of the service, `compose run` ones not counted). */
  replicas?: number;
  /** `["8080:80"]`: published by some replica of the service. */
  ports?: string[];
}

export type CheckKind = Check['kind'];

export const CHECK_KINDS: readonly CheckKind[] = [
  'image',
  'container',
  'network',
  'volume',
  'logs',
  'exec',
  'http',
  'lint',
  'file',
  'manual',
  'compose',
];

/** An expected-failure step: the command fails, and says so in a recognisable way. */
export interface Expectation {
  failure: boolean;
  exitCode?: number;
  /** Regular expression (case-insensitive) the command's output must match. */
  output?: string;
  /** 1-based index among the step's runnable commands; default: the last one. */
  command?: number;
}

/** The learner's operating systems, as `os=` fences and a step's `os:` name them (Docker Desktop on Windows/macOS, Docker Engine on Linux). */
export type LabOs = 'windows' | 'mac' | 'linux';

export type StepSolution = { kind: 'markdown'; text: Localized } | { kind: 'commands'; commands: string[] };

export interface Step {
  id: string;
  title: string;
  /** Heading level (1–6). */
  level: number;
  /** 1-based heading line. */
  line: number;
  /** 1-based last line of the step's section. */
  endLine: number;
  blocks: CommandBlock[];
  commands: Command[];
  /** Checklist items in the step's section (`- [ ] …`): manual checkpoints. */
  manual: ManualItem[];
  checks: Check[];
  precondition: Check[];
  expect?: Expectation;
  hint?: Localized;
  /** The worked answer, revealed after the hint on request: Markdown per language, or commands. */
  solution?: StepSolution;
  /** Commands the headless CLI runs instead (no TTY there); `false`: the CLI skips the step. */
  headless?: string[] | false;
  /** Seconds a command of this step may run before it is stopped. */
  timeout?: number;
  /** The learner's systems the step is for (lab.yaml `os:`); on others it is skipped, with the reason. */
  os?: LabOs[];
}

export interface OutlineNode {
  level: number;
  title: string;
  line: number;
  stepId?: string;
  children: OutlineNode[];
}

export interface ResourceSet {
  containers: string[];
  networks: string[];
  volumes: string[];
  images: string[];
}

export function emptyResources(): ResourceSet {
  return { containers: [], networks: [], volumes: [], images: [] };
}

export interface Lab {
  id: string;
  title: Localized;
  description?: Localized;
  order?: number;
  /** The folder holding the session. */
  dir: string;
  /** The Markdown file shown (absolute path) and its text. */
  markdownFile: string;
  markdown: string;
  lang: Lang;
  metadataFile?: string;
  variables: VariableSpec[];
  images: string[];
  /** Absolute path of the starter folder, when the session has one. */
  starter?: string;
  /** Declared resources; entries may hold templates. */
  resources: ResourceSet;
  outline: OutlineNode[];
  steps: Step[];
}

export type StepStatus = 'not-started' | 'running' | 'passed' | 'failed' | 'skipped';
