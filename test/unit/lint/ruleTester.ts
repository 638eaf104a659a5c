// Table-driven rule tests, after ESLint's RuleTester: every `invalid` case names
// the messageId it expects (and optionally the data, checked by formatting the
// rule's message with it), may assert the range, the line, the count, the
// message text, whether there is a fix and the text after the fix; every
// `valid` case must not report the rule. Cases carry a `name` (the test title).
// The whole engine runs, so a rule that breaks the contract (unknown
// messageId, missing placeholder, a fix while `meta.fixable` is false) fails
// the case it breaks in. A case may give the build context the rule sees (a
// fake of our own narrow `BuildContext`) and the other files' text after the
// fix (`fixedFiles`: path → text, for fixes that create or extend a file).
import * as assert from 'assert';
import { applyEdits, ruleById, type BuildContext, type Finding, type LintConfig, type Rule } from '../../../src/lint';
import { formatMessage, type MessageData } from '../../../src/lint/rule';
import { covered, describeFindings, run } from './helpers';

export interface InvalidCase {
  /** The test title: what the case shows. */
  name: string;
  src: string;
  /** messageId of the (first) finding. */
  messageId: string;
  /** Placeholders of the (first) finding's message: its text must equal the message formatted with them. */
  data?: MessageData;
  /** Text the (first) finding's range must cover exactly. */
  covers?: string;
  /** 1-based line of the (first) finding. */
  line?: number;
  /** Number of findings of the rule (default: at least one). */
  count?: number;
  /** The (first) finding's message text must match. */
  message?: RegExp;
  /** The finding offers a quick fix (true) or not (false); unchecked when absent. */
  fix?: boolean;
  /** The text after applying the (first) fix. */
  fixed?: string;
  /** The engine config to lint with (rules that read `.hadolint.yaml` settings). */
  config?: LintConfig;
  /** The build context the rules see. */
  context?: BuildContext;
  /** Other files after applying the (first) fix: path → text (created files start empty, others from the context's `.dockerignore`). */
  fixedFiles?: Record<string, string>;
}

export interface ValidCase {
  name: string;
  src: string;
  config?: LintConfig;
  context?: BuildContext;
}

export interface RuleTable {
  invalid: InvalidCase[];
  valid: ValidCase[];
}

/** Checks one rule's findings in `src` against a case; throws an AssertionError on the first mismatch. */
export function assertInvalid(rule: Rule, c: InvalidCase, all: Finding[] = run(c.src, { config: c.config, context: c.context })): void {
  const id = rule.meta.id;
  const found = all.filter((f) => f.rule === id);
  if (c.count !== undefined) assert.strictEqual(found.length, c.count, describeFindings(c.src, found));
  else assert.ok(found.length > 0, `expected ${id} in:\n${c.src}\nfound: ${describeFindings(c.src, all)}`);
  const f = found[0];
  assert.ok(Object.prototype.hasOwnProperty.call(rule.meta.messages, c.messageId), `${id} declares no messageId '${c.messageId}'`);
  assert.strictEqual(f.messageId, c.messageId, `messageId of ${id} in:\n${c.src}`);
  if (c.data) {
    for (const lang of ['ko', 'en'] as const) {
      const expected = formatMessage(rule.meta.messages[c.messageId], lang, c.data);
      const actual = lang === 'en' ? f.message : run(c.src, { lang, config: c.config, context: c.context }).find((g) => g.rule === id)?.message;
      assert.strictEqual(actual, expected, `message of ${id} (${lang}) with data ${JSON.stringify(c.data)}`);
    }
  }
  if (c.covers !== undefined) assert.strictEqual(covered(c.src, f), c.covers);
  if (c.line !== undefined) assert.strictEqual(f.range.start.line + 1, c.line);
  if (c.message) assert.match(f.message, c.message);
  for (const g of found) assert.ok(!g.fix || rule.meta.fixable, `${id} offers a fix but meta.fixable is false`);
  if (c.fix !== undefined) assert.strictEqual(!!f.fix, c.fix, `fix expected: ${c.fix}`);
  if (c.fixed !== undefined) {
    assert.ok(f.fix, 'expected a fix');
    assert.strictEqual(applyEdits(c.src, f.fix.edits), c.fixed);
  }
  if (c.fixedFiles !== undefined) {
    assert.ok(f.fix, 'expected a fix');
    const after: Record<string, string> = {};
    for (const file of f.fix.files ?? []) {
      const before = file.create ? '' : c.context?.dockerignore()?.path === file.path ? c.context.dockerignore()!.text : undefined;
      assert.ok(before !== undefined, `the fix edits ${file.path}, which the case's context does not hold`);
      after[file.path] = applyEdits(before, file.edits);
    }
    assert.deepStrictEqual(after, c.fixedFiles);
  }
}

export function assertValid(rule: Rule, c: ValidCase): void {
  const found = run(c.src, { config: c.config, context: c.context }).filter((f) => f.rule === rule.meta.id);
  assert.deepStrictEqual(found.map((f) => `${f.range.start.line + 1}: ${f.message}`), [], `unexpected ${rule.meta.id} in:\n${c.src}`);
}

/** One `describe` per rule, one `it` per case, titled by the case's name. */
export function testRule(ruleId: string, table: RuleTable): void {
  const rule = ruleById(ruleId);
  describe(ruleId, () => {
    it('is a known rule, with unique case names', () => {
      assert.ok(rule, `no rule ${ruleId}`);
      const names = [...table.invalid, ...table.valid].map((c) => c.name);
      const dup = names.filter((n, i) => names.indexOf(n) !== i);
      assert.deepStrictEqual(dup, [], 'case names must be unique');
      for (const n of names) assert.ok(n.trim(), 'every case needs a name');
    });
    if (!rule) return;
    for (const c of table.invalid) it(`invalid: ${c.name}`, () => assertInvalid(rule, c));
    for (const c of table.valid) it(`valid: ${c.name}`, () => assertValid(rule, c));
  });
}
