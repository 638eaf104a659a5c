// The linter's public vocabulary.
//
// Positions follow the LSP / VS Code convention: `line` and `character` are
// 0-based and `character` counts UTF-16 code units, so an engine range can be
// handed to `new vscode.Range(...)` unchanged. Ranges are half-open (`end` is
// the position just after the last character). Only the report formats the CLI
// prints (text, JSON, SARIF) switch to 1-based lines and columns.
import type { Localized } from '../util/i18n';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export type Category =
  | 'base-image'
  | 'user'
  | 'layer-cache'
  | 'multi-stage'
  | 'correctness'
  | 'security'
  | 'maintainability';

/** The four pillars the course teaches (the lab's `lint:` check defaults to these). */
export const PILLAR_CATEGORIES: readonly Category[] = ['base-image', 'user', 'layer-cache', 'multi-stage'];

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit offset in the line. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Replace the text in `range` with `newText` (an insertion when the range is empty). */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** What the quick fix does, in the requested language. */
  title: string;
  /** Non-overlapping edits against the original text, applied together (may be empty when the fix changes only `files`). */
  edits: TextEdit[];
  /** Edits to other files of the build context (a `.dockerignore` to create or extend), applied with `edits`. */
  files?: FileFix[];
}

/** A quick fix's change to another file: create it, or edit it (ranges in its current text). */
export interface FileFix {
  /** As `BuildContext` names it: relative to the context root, `/`-separated (or absolute when outside it). */
  path: string;
  /** The file does not exist yet: create it, then apply `edits` to the empty text. */
  create: boolean;
  edits: TextEdit[];
}

/** The ignore file a build would use, as read when the lint started. */
export interface DockerignoreFile {
  /** Relative to the context root, `/`-separated (absolute when the Dockerfile sits outside the context). */
  path: string;
  text: string;
}

/**
 * What the rules may know of the build context besides the Dockerfile: the
 * caller (the editor, the CLI) answers from the files, precomputed or cached,
 * so rules stay pure and fast. Absent (the lab's check, stdin without
 * `--context`): the context rules stay silent.
 */
export interface BuildContext {
  /** The ignore file BuildKit would use: `<Dockerfile-name>.dockerignore` beside the Dockerfile, else `.dockerignore` at the context root. */
  dockerignore(): DockerignoreFile | undefined;
  /** Whether a file or folder exists, `relPath` relative to the context root, `/`-separated. */
  exists(relPath: string): boolean;
  /** A Node project: `package.json` at the context root. */
  isNodeProject(): boolean;
}

export interface Finding {
  /** Rule id (stable, kebab-case), e.g. `missing-user`. */
  rule: string;
  severity: Severity;
  category: Category;
  range: Range;
  /** Which of the rule's `meta.messages` this is. */
  messageId: string;
  /** The message in the requested language. */
  message: string;
  /** Equivalent hadolint rule, e.g. `DL3008`. */
  hadolint?: string;
  /** Equivalent BuildKit build check, e.g. `JSONArgsRecommended`. */
  buildkit?: string;
  fix?: Fix;
}

/** A course session (from the bootcamp notes in ../shared/seeds/) that teaches a rule. */
export interface CourseSession {
  /** Stable id, e.g. `w1d3-s2`. */
  id: string;
  title: Localized;
}

export interface CourseRef {
  session: CourseSession;
  /** The part of the session, e.g. "Best practices: non-root user". */
  section: Localized;
}

export interface RuleDocs {
  /** Where to read more (hadolint's wiki, Docker's build-check reference); absent for our own rules. */
  url?: string;
  /** Markdown prose: why it matters. */
  description: Localized;
  /** One Dockerfile example (without the code fence), the same in both languages. */
  example: string;
}

export interface RuleMeta {
  id: string;
  category: Category;
  severity: Severity;
  hadolint?: string;
  buildkit?: string;
  /** An experimental BuildKit check, off unless enabled (`# check=experimental=…` or a configured severity). */
  experimental?: boolean;
  /** Where the rule deliberately differs from its hadolint equivalent, and why. */
  differsFromHadolint?: Localized;
  /** Short name, shown in hovers and docs. */
  title: Localized;
  docs: RuleDocs;
  course: CourseRef;
  /** True when the rule offers a quick fix for (some of) its findings; the engine refuses a fix otherwise. */
  fixable: boolean;
  /** Whether the rule offers suggestions (alternative edits); none does yet. */
  hasSuggestions: boolean;
  /** False for rules hadolint ships at its `ignore` level: they run only when a config gives them a severity. */
  enabledByDefault: boolean;
  /** The `.hadolint.yaml` key the rule reads (`trustedRegistries`, `label-schema`, `strict-labels`): without it the rule finds nothing. */
  configKey?: string;
  /** Every message and fix title, by messageId, with `{placeholders}`; the first is the rule's summary. */
  messages: Readonly<Record<string, Localized>>;
}

/**
 * Engine configuration: everything optional. Rule references accept our ids,
 * hadolint ids (`DL3008`) and BuildKit check names (`JSONArgsRecommended`).
 */
export interface LintConfig {
  /** Rules never reported (hadolint's `ignored`). */
  ignored?: readonly string[];
  /** Severity per rule reference; `off` disables (settings and hadolint's `override`). */
  severity?: Readonly<Record<string, SeveritySetting>>;
  /** Ignore inline `# hadolint ignore=` / `# docker-labs ignore=` comments (hadolint's `disable-ignore-pragma`). */
  disableInlineIgnores?: boolean;
  /** Registries `FROM` / `COPY --from` images may come from (hadolint's `trustedRegistries`, `*.` wildcards allowed); DL3026 checks only when set. */
  trustedRegistries?: readonly string[];
  /** Labels every image must carry, with the form of their value (hadolint's `label-schema`). */
  labelSchema?: Readonly<Record<string, LabelType>>;
  /** No label outside `labelSchema` (hadolint's `strict-labels`). */
  strictLabels?: boolean;
  /** The lowest severity that makes the command line fail (hadolint's `failure-threshold`; `off` = any finding). */
  failureThreshold?: SeveritySetting;
  /**
   * Judge as hadolint does where a rule deliberately differs (each such rule says how in
   * `meta.differsFromHadolint`); `.hadolint.yaml`: `hadolint-compat: true`.
   */
  hadolintCompat?: boolean;
}

/** The value forms hadolint's `label-schema` knows. */
export type LabelType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';
export const LABEL_TYPES: readonly LabelType[] = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'];

export interface LintOptions {
  lang?: 'ko' | 'en';
  config?: LintConfig;
  /** The build context (for the `.dockerignore` rules); without it they report nothing. */
  context?: BuildContext;
}
