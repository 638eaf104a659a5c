// The rule contract itself (src/lint/rule.ts and the engine's side of it):
// messages are resolved by messageId and checked, fixes need `meta.fixable`,
// each rule runs with its own context, and every rule's meta is complete in
// Korean and English.
import * as assert from 'assert';
import { defineRule, docsUrl, lintText, RULES, RuleContractError, type Finding, type Rule, type RuleContext, type RuleMetaInput } from '../../../src/lint';
import { placeholders } from '../../../src/lint/rule';
import { SESSIONS, courseRef } from '../../../src/lint/course';
import { assertInvalid } from './ruleTester';

const SRC = 'FROM alpine:3.20\nRUN echo hi\n';

function fakeRule(id: string, check: (ctx: RuleContext) => void, meta: Partial<RuleMetaInput> = {}): Rule {
  return defineRule({
    meta: {
      id,
      category: 'correctness',
      severity: 'warning',
      title: { ko: '시험 규칙', en: 'Test rule' },
      docs: { description: { ko: '시험용', en: 'For tests' }, example: 'FROM alpine:3.20' },
      course: courseRef(SESSIONS.basicsInstructions, { ko: '시험', en: 'Test' }),
      fixable: false,
      messages: {
        plain: { ko: '문제가 있습니다.', en: 'There is a problem.' },
        named: { ko: '`{name}`에 문제가 있습니다 ({casing}).', en: 'Problem with `{name}` ({casing}).' },
        fixTitle: { ko: '`{name}` 고치기', en: 'Fix `{name}`' },
      },
      ...meta,
    },
    check,
  });
}

function errorsOf(rule: Rule): string[] {
  return lintText(SRC, { rules: [rule] }).ruleErrors.map((e) => {
    assert.ok(e.error instanceof RuleContractError, String(e.error));
    return (e.error as Error).message;
  });
}

describe('lint rule contract', () => {
  it('resolves the message by messageId and fills placeholders, localized data per language', () => {
    const rule = fakeRule('fake-named', (ctx) => ctx.report({ start: 0, end: 4, messageId: 'named', data: { name: 'x', casing: { ko: '대문자', en: 'uppercase' } } }));
    const en = lintText(SRC, { rules: [rule] });
    assert.deepStrictEqual(en.ruleErrors, []);
    assert.deepStrictEqual(en.findings.map((f) => [f.rule, f.messageId, f.message]), [['fake-named', 'named', 'Problem with `x` (uppercase).']]);
    const ko = lintText(SRC, { rules: [rule], lang: 'ko' });
    assert.strictEqual(ko.findings[0].message, '`x`에 문제가 있습니다 (대문자).');
  });

  it('refuses an unknown messageId (and reports nothing for it)', () => {
    const rule = fakeRule('fake-unknown', (ctx) => ctx.report({ start: 0, end: 4, messageId: 'nope' }));
    assert.deepStrictEqual(errorsOf(rule), ["rule fake-unknown: unknown messageId 'nope' (known: plain, named, fixTitle)"]);
    assert.deepStrictEqual(lintText(SRC, { rules: [rule] }).findings, []);
  });

  it('refuses a message whose placeholder has no data', () => {
    const rule = fakeRule('fake-missing', (ctx) => ctx.report({ start: 0, end: 4, messageId: 'named', data: { name: 'x' } }));
    assert.deepStrictEqual(errorsOf(rule), ["rule fake-missing: message 'named' needs data.casing"]);
  });

  it('refuses a fix title with an unknown messageId or a missing placeholder', () => {
    const unknown = fakeRule('fake-fix-id', (ctx) => ctx.report({ start: 0, end: 4, messageId: 'plain', fix: { messageId: 'nope', edits: [] } }), { fixable: true });
    assert.match(errorsOf(unknown)[0], /unknown messageId 'nope'/);
    const missing = fakeRule('fake-fix-data', (ctx) => ctx.report({ start: 0, end: 4, messageId: 'plain', fix: { messageId: 'fixTitle', edits: [] } }), { fixable: true });
    assert.deepStrictEqual(errorsOf(missing), ["rule fake-fix-data: message 'fixTitle' needs data.name"]);
  });

  it('refuses a fix from a rule whose meta.fixable is false; accepts it when true', () => {
    const report = (ctx: RuleContext) => ctx.report({ start: 0, end: 4, messageId: 'plain', fix: { messageId: 'fixTitle', data: { name: 'FROM' }, edits: [{ start: 0, end: 4, text: 'from' }] } });
    assert.deepStrictEqual(errorsOf(fakeRule('fake-not-fixable', report)), ['rule fake-not-fixable: reported a fix but meta.fixable is false']);
    const ok = lintText(SRC, { rules: [fakeRule('fake-fixable', report, { fixable: true })] });
    assert.deepStrictEqual(ok.ruleErrors, []);
    assert.strictEqual(ok.findings[0].fix?.title, 'Fix `FROM`');
    // `fix: null` is "no fix", allowed from any rule
    assert.deepStrictEqual(errorsOf(fakeRule('fake-null-fix', (ctx) => ctx.report({ start: 0, end: 4, messageId: 'plain', fix: null }))), []);
  });

  it('the rule tester rejects a fix from a non-fixable rule and checks messageId, data and the fixed text', () => {
    const rule = fakeRule('fake-tested', () => undefined);
    const finding: Finding = {
      rule: 'fake-tested',
      severity: 'warning',
      category: 'correctness',
      messageId: 'plain',
      message: 'There is a problem.',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } },
      fix: { title: 'x', edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, newText: 'from' }] },
    };
    assert.throws(() => assertInvalid(rule, { name: 'n', src: SRC, messageId: 'plain' }, [finding]), /meta\.fixable is false/);
    const fixable = fakeRule('fake-tested', () => undefined, { fixable: true });
    assertInvalid(fixable, { name: 'n', src: SRC, messageId: 'plain', fixed: 'from alpine:3.20\nRUN echo hi\n' }, [finding]);
    assert.throws(() => assertInvalid(fixable, { name: 'n', src: SRC, messageId: 'plain', fixed: SRC }, [finding]), /Expected values to be strictly equal/);
    assert.throws(() => assertInvalid(fixable, { name: 'n', src: SRC, messageId: 'named' }, [finding]), /messageId of fake-tested/);
    assert.throws(() => assertInvalid(fixable, { name: 'n', src: SRC, messageId: 'missing' }, [finding]), /declares no messageId 'missing'/);
  });

  it('gives each rule its own context; the derived facts are shared', () => {
    const seen: RuleContext[] = [];
    const a = fakeRule('fake-a', (ctx) => {
      seen.push(ctx);
      ctx.report({ start: 0, end: 4, messageId: 'plain' });
      // A rule cannot re-attribute or replace another's reporting: its context is frozen.
      assert.throws(() => Object.assign(ctx, { id: 'fake-b' }), TypeError);
      assert.throws(() => Object.assign(ctx, { report: () => undefined }), TypeError);
    });
    const b = fakeRule('fake-b', (ctx) => {
      seen.push(ctx);
      ctx.report({ start: 5, end: 8, messageId: 'plain' });
    });
    const thrower = fakeRule('fake-throws', () => {
      throw new Error('boom');
    });
    const r = lintText(SRC, { rules: [a, thrower, b] });
    assert.deepStrictEqual(r.ruleErrors.map((e) => e.rule), ['fake-throws']);
    assert.strictEqual(seen.length, 2);
    assert.notStrictEqual(seen[0], seen[1]);
    assert.deepStrictEqual(seen.map((c) => c.id), ['fake-a', 'fake-b']);
    assert.strictEqual(seen[0].facts, seen[1].facts);
    assert.strictEqual(seen[0].doc, seen[1].doc);
    assert.deepStrictEqual(r.findings.map((f) => `${f.rule}@${f.range.start.character}`), ['fake-a@0', 'fake-b@5']);
    // A new lint gets new contexts and new facts.
    lintText(SRC, { rules: [a, b] });
    assert.notStrictEqual(seen[2].facts, seen[0].facts);
  });

  it('builds the docs URL once, from the hadolint id or the BuildKit name', () => {
    assert.strictEqual(docsUrl({ hadolint: 'DL3008' }), 'https://github.com/hadolint/hadolint/wiki/DL3008');
    assert.strictEqual(docsUrl({ buildkit: 'JSONArgsRecommended' }), 'https://docs.docker.com/reference/build-checks/json-args-recommended/');
    assert.strictEqual(docsUrl({ hadolint: 'DL3025', buildkit: 'JSONArgsRecommended' }), 'https://github.com/hadolint/hadolint/wiki/DL3025');
    assert.strictEqual(docsUrl({}), undefined);
    for (const r of RULES) assert.strictEqual(r.meta.docs.url, docsUrl(r.meta), r.meta.id);
  });

  describe('every rule', () => {
    for (const rule of RULES) {
      it(`${rule.meta.id}: messages, docs and flags complete in Korean and English`, () => {
        const m = rule.meta;
        const ids = Object.keys(m.messages);
        assert.ok(ids.length > 0, 'at least one message');
        for (const id of ids) {
          assert.match(id, /^[a-z][A-Za-z0-9]*$/, `messageId ${id} is camelCase`);
          const text = m.messages[id];
          assert.ok(text.ko.trim() && text.en.trim(), `${id}: both languages`);
          assert.match(text.ko, /[\uac00-\ud7a3]/, `${id}: Korean text expected`);
          const ko = new Set([...text.ko.matchAll(/\{(\w+)\}/g)].map((x) => x[1]));
          const en = new Set([...text.en.matchAll(/\{(\w+)\}/g)].map((x) => x[1]));
          assert.deepStrictEqual([...ko].sort(), [...en].sort(), `${id}: the same placeholders in both languages`);
          assert.deepStrictEqual(placeholders(text).sort(), [...ko].sort());
        }
        assert.ok(m.docs.description.ko.trim() && m.docs.description.en.trim(), 'docs prose in both languages');
        assert.match(m.docs.description.ko, /[\uac00-\ud7a3]/);
        assert.ok(m.docs.example.trim() && !m.docs.example.includes('```'), 'one example, without the fence');
        // Both languages show the same example: no Korean-only (or English-only) prose inside it.
        assert.doesNotMatch(m.docs.example, /[\u3131-\uD7A3]/, 'the shared example is language-neutral');
        assert.strictEqual(typeof m.fixable, 'boolean');
        assert.strictEqual(typeof m.hasSuggestions, 'boolean');
        if (m.buildkit) assert.match(m.buildkit, /^[A-Z][A-Za-z]+$/);
      });
    }
  });
});
