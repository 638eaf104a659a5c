// Our documentation covers everything the language service documents (enumerated from
// the service itself, not a second hand-written list), in Korean and English, with a
// one-line example; and it is what completion and hover show, not the service's English.
import * as assert from 'assert';
import { MarkdownDocumentation } from 'dockerfile-language-service/lib/dockerMarkdown';
import { DockerfileLanguage, LANGUAGE_DOCS, PILLARS, docFor, docMarkdown, flagKey, flagsOf } from '../../../src/language';

/** The keys the service has documentation for: instructions, their variants, flags, directives. */
function serviceDocKeys(): string[] {
  const markdowns = (new MarkdownDocumentation() as unknown as { markdowns: Record<string, unknown> }).markdowns;
  return Object.keys(markdowns);
}

const HANGUL = /[\uac00-\ud7a3]/;

describe('language: documentation table', () => {
  it('the service documents instructions, flags and directives (the enumeration is not empty)', () => {
    const keys = serviceDocKeys();
    assert.ok(keys.includes('FROM') && keys.includes('COPY_FlagFrom') && keys.includes('escape'), keys.join(' '));
    assert.ok(keys.length >= 30, `only ${keys.length} keys`);
  });

  for (const key of serviceDocKeys()) {
    it(`${key}: documented in Korean and English with an example`, () => {
      const doc = docFor(key);
      assert.ok(doc, `no documentation for ${key}`);
      for (const text of [doc.summary, doc.detail]) {
        assert.ok(text.en.trim() && text.ko.trim(), `${key}: empty text`);
        assert.match(text.ko, HANGUL, `${key}: Korean text expected`);
        assert.doesNotMatch(text.en, HANGUL, `${key}: English text has Korean`);
      }
      assert.ok(doc.example.trim() && !doc.example.includes('\n'), `${key}: one-line example`);
    });
  }

  it('every entry of our table has both languages, and a pillar is one of the four', () => {
    for (const [key, doc] of Object.entries(LANGUAGE_DOCS)) {
      assert.match(doc.summary.ko, HANGUL, key);
      assert.ok(doc.summary.en && doc.detail.en, key);
      if (doc.pillar) assert.ok(doc.pillar in PILLARS, `${key}: ${doc.pillar}`);
    }
    assert.ok(Object.values(LANGUAGE_DOCS).filter((d) => d.pillar).length >= 15);
  });

  it('every flag the completion offers, the service’s and BuildKit’s, has an entry', async () => {
    const language = new DockerfileLanguage();
    const contexts: [string, number, number][] = [
      ['FROM --', 0, 7],
      ['FROM node AS build\nCOPY --', 1, 7],
      ['FROM node AS build\nADD --', 1, 6],
      ['FROM node AS build\nRUN --', 1, 6],
      ['FROM node AS build\nHEALTHCHECK --', 1, 14],
    ];
    const offered: string[] = [];
    for (const [text, line, character] of contexts) {
      const items = await language.completion(text, { line, character }, 'ko');
      assert.ok(items.length > 0, `no flags offered for ${JSON.stringify(text)}`);
      for (const item of items) {
        assert.ok(typeof item.data === 'string' && docFor(item.data), `${item.label}: no documentation key ${String(item.data)}`);
        offered.push(item.data as string);
      }
    }
    for (const flag of ['RUN_FlagMount', 'COPY_FlagChown', 'COPY_FlagFrom', 'COPY_FlagChmod', 'COPY_FlagLink', 'ADD_FlagChecksum']) assert.ok(offered.includes(flag), `${flag} not offered: ${offered.join(' ')}`);
  });

  it('flagKey and flagsOf agree on the naming', () => {
    assert.strictEqual(flagKey('copy', '--from'), 'COPY_FlagFrom');
    assert.strictEqual(flagKey('ADD', 'keep-git-dir'), 'ADD_FlagKeepGitDir');
    for (const instruction of ['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']) {
      const flags = flagsOf(instruction);
      assert.ok(flags.length > 0, instruction);
      for (const f of flags) assert.ok(docFor(flagKey(instruction, f)), `${instruction} ${f}`);
    }
    assert.deepStrictEqual(flagsOf('RUN'), ['--mount', '--network', '--security']);
  });

  it('the Markdown has the heading, what it does, an example block and the pillar, in the language asked', () => {
    const doc = docFor('USER');
    assert.ok(doc);
    const ko = docMarkdown(doc, 'ko');
    assert.match(ko, /^\*\*USER\*\* — 실행 사용자 지정/);
    assert.match(ko, /```dockerfile\nUSER node\n```/);
    assert.match(ko, /과정 원칙: root가 아닌 사용자/);
    const en = docMarkdown(doc, 'en');
    assert.match(en, /^\*\*USER\*\* — Set the user/);
    assert.match(en, /Course pillar: Non-root user/);
  });
});
