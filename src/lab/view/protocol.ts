// The messages between the lab view's script (media/lab/lab.js) and its session, both
// ways, in one place. lab.js imports these types through JSDoc and is type-checked against
// them (tsconfig.webview.json); the session checks what arrives with parseViewMessage,
// since a webview is a separate page whose messages are only `unknown` to the extension.
// The view sends ids only, never command text: the session looks the command up in the lab.
import type { StepStatus } from '../labModel';

/** Steps' buttons that name only their step. */
export type StepAction = 'runStep' | 'check' | 'markDone' | 'solution';
/** The header's buttons, about the whole lab. */
export type LabAction = 'variables' | 'prepull' | 'reset' | 'resetProgress';

/** View → session. Every message names the session it belongs to. */
export type ViewMessage =
  | { type: 'ready'; sessionId: string }
  /** ▶ of one command; `commandIndex` is its index in step.commands (data-index of its button). */
  | { type: 'run'; sessionId: string; stepId: string; commandIndex: number }
  | { type: StepAction; sessionId: string; stepId: string }
  /** A checkpoint box; `checkpointIndex` is its index in step.manual. */
  | { type: 'tick'; sessionId: string; stepId: string; checkpointIndex: number; checked: boolean }
  | { type: LabAction; sessionId: string }
  /** A code block's copy button; `block` is its data-code index (the text stays in the extension). */
  | { type: 'copy'; sessionId: string; block: number }
  /** A file fence's "create this file"; `file` is its data-file index (path and text stay in the extension). */
  | { type: 'createFile'; sessionId: string; file: number }
  /** A `command:dockerLabs.…` link; `link` is its data-link index (the command stays in the extension). */
  | { type: 'command'; sessionId: string; link: number };

export type ViewMessageType = ViewMessage['type'];

/** How one command row is marked. */
export interface CommandView {
  running: boolean;
  /** The exit code of its last run, when the terminal reported one. */
  exitCode?: number;
}

export interface StepView {
  status: StepStatus;
  /** Why it has that status, in the editor's language. */
  reason?: string;
  showHint: boolean;
  /** By command index (step.commands). */
  commands: Record<number, CommandView>;
  /** Indexes of ticked checkpoints (step.manual). */
  ticked: number[];
  /** How many times the learner opened the step's solution (absent: never). */
  solutionReveals?: number;
}

/** Session → view. */
export type SessionMessage = { type: 'state'; steps: Record<string, StepView> } | { type: 'focusStep'; stepId: string };

/** Words the view's script shows, in the editor's language. */
export interface ViewStrings {
  'not-started': string;
  running: string;
  passed: string;
  failed: string;
  skipped: string;
  /** `{0} of {1} steps done` */
  progress: string;
  mermaidError: string;
}

/** The page's `#lab-config` JSON. */
export interface ViewConfig {
  sessionId: string;
  strings: ViewStrings;
  total: number;
}

const STEP_ACTIONS: readonly string[] = ['runStep', 'check', 'markDone', 'solution'] satisfies StepAction[];
const LAB_ACTIONS: readonly string[] = ['variables', 'prepull', 'reset', 'resetProgress'] satisfies LabAction[];

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** A message from the view, or undefined when it is not one of ours (or is malformed). */
export function parseViewMessage(raw: unknown): ViewMessage | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  const { type, sessionId, stepId } = m;
  if (typeof type !== 'string' || !isId(sessionId)) return undefined;
  if (type === 'ready') return { type, sessionId };
  if (LAB_ACTIONS.includes(type)) return { type: type as LabAction, sessionId };
  if (type === 'copy') return isIndex(m.block) ? { type, sessionId, block: m.block } : undefined;
  if (type === 'createFile') return isIndex(m.file) ? { type, sessionId, file: m.file } : undefined;
  if (type === 'command') return isIndex(m.link) ? { type, sessionId, link: m.link } : undefined;
  if (!isId(stepId)) return undefined;
  if (STEP_ACTIONS.includes(type)) return { type: type as StepAction, sessionId, stepId };
  if (type === 'run' && isIndex(m.commandIndex)) return { type, sessionId, stepId, commandIndex: m.commandIndex };
  if (type === 'tick' && isIndex(m.checkpointIndex) && typeof m.checked === 'boolean') return { type, sessionId, stepId, checkpointIndex: m.checkpointIndex, checked: m.checked };
  return undefined;
}
