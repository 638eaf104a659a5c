// The rule contract, after ESLint's rule API: a rule is `meta` (what it is, its
// docs, whether it fixes, every message it can show in Korean and English) and
// `check(context)`, which reports `{ messageId, data }` through its own context.
// The engine resolves message texts, so a rule never builds a sentence itself,
// and it refuses (throws, which the engine records as a rule error and the
// rule tester turns into a failure) an unknown messageId, a missing
// placeholder or a fix from a rule that does not declare `fixable`.
//
// Adding a rule: one module in ./rules/<id>.ts calling `defineRule`, one line in
// ./rules/index.ts.
import { format, pick, type Lang, type Localized } from '../util/i18n';
import type { LintFacts } from './facts/lintFacts';
import type { DockerfileModel } from './parse/model';
import type { BuildContext, Category, CourseRef, LabelType, RuleDocs, RuleMeta, Severity } from './types';

/** A placeholder value: plain, or different per language (`대문자` / `uppercase`). */
export type MessageValue = string | number | Localized;
export type MessageData = Readonly<Record<string, MessageValue>>;

/** An edit in document offsets (the engine turns them into line/character ranges). */
export interface EditSpec {
  start: number;
  end: number;
  text: string;
}

export interface FixDescriptor {
  /** The fix's title: a key of `meta.messages`. */
  messageId: string;
  /** Placeholders of the title; defaults to the report's `data`. */
  data?: MessageData;
  edits: EditSpec[];
  /** Edits to other files of the build context, offsets in `text` (the file's current text; empty when `create`). */
  files?: FileEditSpec[];
}

export interface FileEditSpec {
  path: string;
  create: boolean;
  text: string;
  edits: EditSpec[];
}

export interface ReportDescriptor {
  /** Offsets in the document text, half-open. */
  start: number;
  end: number;
  /** A key of `meta.messages`. */
  messageId: string;
  data?: MessageData;
  /** Only from rules whose `meta.fixable` is true; null or absent for none. */
  fix?: FixDescriptor | null;
}

/** What one rule sees while it runs. Each rule gets its own; `facts` is shared (memoized) by all rules of one lint. */
export interface RuleContext {
  /** The rule's id. */
  readonly id: string;
  /** The parsed file. */
  readonly doc: DockerfileModel;
  /** The file's text (`doc.text`). */
  readonly text: string;
  /** Rule options: the config's rule settings (`trustedRegistries`, `labelSchema`, `strictLabels`, `hadolintCompat`), the same for every rule. */
  readonly options: RuleOptions;
  /** Derived facts every rule may ask for (each RUN's commands, the shell, a stage's OS…). */
  readonly facts: LintFacts;
  /** The build context, when the caller knows it (see `BuildContext`). */
  readonly context: BuildContext | undefined;
  report(descriptor: ReportDescriptor): void;
}

/** The settings of a config that rules read (see LintConfig). */
export interface RuleOptions {
  readonly trustedRegistries?: readonly string[];
  readonly labelSchema?: Readonly<Record<string, LabelType>>;
  readonly strictLabels?: boolean;
  /** Judge as hadolint where a rule deliberately differs (`meta.differsFromHadolint`); `.hadolint.yaml`: `hadolint-compat: true`. */
  readonly hadolintCompat?: boolean;
}

/** What a rule module declares; `defineRule` completes it into `RuleMeta`. */
export interface RuleMetaInput {
  id: string;
  category: Category;
  severity: Severity;
  /** Equivalent hadolint rule, e.g. `DL3008` (a config may name the rule by it). */
  hadolint?: string;
  /** Equivalent BuildKit build check, e.g. `JSONArgsRecommended`. */
  buildkit?: string;
  /**
   * An experimental BuildKit check: off, as in BuildKit, unless the file's
   * `# check=experimental=<name>|all` directive or a configured severity turns it on.
   */
  experimental?: boolean;
  /** Where the rule deliberately judges differently from its hadolint equivalent, and why (and how to get hadolint's behaviour, if a setting does). */
  differsFromHadolint?: Localized;
  title: Localized;
  /** Why it matters (prose per language) and one example shared by both; `url` defaults from `hadolint` / `buildkit`. */
  docs: Omit<RuleDocs, 'url'> & { url?: string };
  course: CourseRef;
  /** True when the rule offers a quick fix for (some of) its findings. */
  fixable: boolean;
  hasSuggestions?: boolean;
  /** False for a rule that runs only when configured with a severity (hadolint's `ignore` level); default true. */
  enabledByDefault?: boolean;
  /** The `.hadolint.yaml` key the rule reads; without it the rule finds nothing. */
  configKey?: string;
  /** Every message and fix title the rule shows; the first is the rule's summary. */
  messages: Readonly<Record<string, Localized>>;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function defineRule(rule: { meta: RuleMetaInput; check(context: RuleContext): void }): Rule {
  const m = rule.meta;
  const url = m.docs.url ?? docsUrl(m);
  const meta: RuleMeta = { ...m, hasSuggestions: m.hasSuggestions ?? false, enabledByDefault: m.enabledByDefault ?? true, docs: url ? { ...m.docs, url } : { ...m.docs } };
  return { meta, check: rule.check };
}

/** Where to read more about a rule: hadolint's wiki, else Docker's build-check reference. */
export function docsUrl(meta: { hadolint?: string; buildkit?: string }): string | undefined {
  if (meta.hadolint) return `https://github.com/hadolint/hadolint/wiki/${meta.hadolint}`;
  if (meta.buildkit) return `https://docs.docker.com/reference/build-checks/${meta.buildkit.replace(/([a-z0-9])([A-Z])|([A-Z])([A-Z][a-z])/g, (_, a, b, c, d) => (a ? `${a}-${b}` : `${c}-${d}`)).toLowerCase()}/`;
  return undefined;
}

/** The rule's explanation as Markdown: the prose, then the example as a `dockerfile` block. */
export function explanation(meta: RuleMeta, lang: Lang): string {
  return `${pick(meta.docs.description, lang)}\n\n\`\`\`dockerfile\n${meta.docs.example}\n\`\`\``;
}

/** The rule's summary message (its first), for catalogues such as SARIF's rule list. */
export function summary(meta: RuleMeta): Localized {
  return Object.values(meta.messages)[0];
}

/** A broken use of the contract (a bug in a rule), with the rule and the message named. */
export class RuleContractError extends Error {
  constructor(rule: string, detail: string) {
    super(`rule ${rule}: ${detail}`);
    this.name = 'RuleContractError';
  }
}

const placeholderCache = new WeakMap<Localized, string[]>();

/** `{name}` placeholders a message uses in either language. */
export function placeholders(text: Localized): string[] {
  let names = placeholderCache.get(text);
  if (!names) {
    const set = new Set<string>();
    for (const t of [text.ko, text.en]) for (const m of t.matchAll(/\{(\w+)\}/g)) set.add(m[1]);
    names = [...set];
    placeholderCache.set(text, names);
  }
  return names;
}

/** The message for `messageId`, checked: it exists and `data` fills every placeholder. */
export function messageOf(meta: RuleMeta, messageId: string, data: MessageData | undefined): Localized {
  const text = Object.prototype.hasOwnProperty.call(meta.messages, messageId) ? meta.messages[messageId] : undefined;
  if (!text) throw new RuleContractError(meta.id, `unknown messageId '${messageId}' (known: ${Object.keys(meta.messages).join(', ')})`);
  for (const name of placeholders(text)) {
    if (!data || !Object.prototype.hasOwnProperty.call(data, name)) throw new RuleContractError(meta.id, `message '${messageId}' needs data.${name}`);
  }
  return text;
}

/** The message text in `lang`, placeholders filled (localized values in the same language). */
export function formatMessage(text: Localized, lang: Lang, data: MessageData | undefined): string {
  if (!data) return pick(text, lang);
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) args[k] = typeof v === 'object' ? pick(v, lang) : v;
  return format(text[lang] ?? text.en, args);
}
