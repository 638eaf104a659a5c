// Every rule is documented the same way: stable id = module name, a category,
// Korean and English texts with an example, the course session, and the
// hadolint/BuildKit equivalents the issue asks parity for.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { explanation, INSTRUCTION_DOCS, RULES, resolveRule } from '../../../src/lint';
import { repoRoot } from './helpers';

const CATEGORIES = ['base-image', 'user', 'layer-cache', 'multi-stage', 'correctness', 'security', 'maintainability'];
const HADOLINT = ['DL1001', 'DL3000', 'DL3002', 'DL3003', 'DL3004', 'DL3006', 'DL3007', 'DL3008', 'DL3009', 'DL3010', 'DL3011', 'DL3012', 'DL3013', 'DL3014', 'DL3015', 'DL3016', 'DL3018', 'DL3019', 'DL3020', 'DL3021', 'DL3022', 'DL3023', 'DL3024', 'DL3025', 'DL3026', 'DL3027', 'DL3029', 'DL3042', 'DL3043', 'DL3044', 'DL3045', 'DL3048', 'DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3057', 'DL3058', 'DL3059', 'DL3060', 'DL3061', 'DL3063', 'DL3064', 'DL3065', 'DL3066', 'DL3067', 'DL4000', 'DL4003', 'DL4004', 'DL4006'];
const BUILDKIT = ['UndefinedVar', 'ConsistentInstructionCasing', 'NoEmptyContinuation', 'LegacyKeyValueFormat', 'FromAsCasing', 'StageNameCasing', 'JSONArgsRecommended', 'WorkdirRelativePath', 'ExposeInvalidFormat'];
const PINNING = ['DL3008', 'DL3013', 'DL3016', 'DL3018'];

describe('lint rule catalogue', () => {
  it('one module per rule, named by its id, ids unique and stable-looking', () => {
    const files = fs.readdirSync(path.join(repoRoot, 'src', 'lint', 'rules')).filter((f) => f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
    assert.deepStrictEqual([...RULES.map((r) => r.meta.id)].sort(), files.sort());
    for (const r of RULES) assert.match(r.meta.id, /^[a-z]+(-[a-z]+)*$/);
  });

  for (const rule of RULES) {
    it(`${rule.meta.id}: complete meta in Korean and English`, () => {
      const m = rule.meta;
      assert.ok(CATEGORIES.includes(m.category));
      assert.ok(['error', 'warning', 'info', 'hint'].includes(m.severity));
      for (const text of [m.title, ...Object.values(m.messages), m.docs.description, m.course.section, m.course.session.title]) {
        assert.ok(text.ko.trim() && text.en.trim(), `${m.id}: missing text`);
        assert.match(text.ko, /[\uac00-\ud7a3]/, `${m.id}: Korean text expected`);
      }
      assert.ok(m.docs.example.trim(), `${m.id}: docs need an example`);
      assert.match(explanation(m, 'ko'), /```dockerfile\n/, `${m.id}: explanation needs an example`);
      assert.match(explanation(m, 'en'), /```dockerfile\n/, `${m.id}: explanation needs an example`);
      if (m.hadolint) assert.match(m.hadolint, /^DL\d{4}$/);
    });
  }

  it('covers the hadolint parity list, version pinning at info level', () => {
    for (const id of HADOLINT) assert.strictEqual(resolveRule(id).length, 1, id);
    for (const id of PINNING) assert.strictEqual(resolveRule(id)[0].meta.severity, 'info', id);
  });

  it('covers the BuildKit checks asked for', () => {
    for (const name of BUILDKIT) assert.ok(resolveRule(name).length >= 1, name);
  });

  it('covers every check of BuildKit’s reference (docs.docker.com/reference/build-checks) but the two that need more than the Dockerfile', () => {
    const reference = [
      'ConsistentInstructionCasing', 'DuplicateStageName', 'ExposeInvalidFormat', 'ExposeProtoCasing', 'FromAsCasing', 'FromPlatformFlagConstDisallowed',
      'InvalidDefaultArgInFrom', 'InvalidDefinitionDescription', 'JSONArgsRecommended', 'LegacyKeyValueFormat', 'MaintainerDeprecated',
      'MultipleInstructionsDisallowed', 'NoEmptyContinuation', 'RedundantTargetPlatform', 'ReservedStageName', 'SecretsUsedInArgOrEnv', 'StageNameCasing',
      'UndefinedArgInFrom', 'UndefinedVar', 'WorkdirRelativePath',
    ];
    // Not here: CopyIgnoredFile (reads the build context's .dockerignore, another branch) and
    // InvalidBaseImagePlatform (compares the platforms a registry lists for the image).
    for (const name of reference) assert.ok(resolveRule(name).length >= 1, name);
    const experimental = RULES.filter((r) => r.meta.experimental).map((r) => r.meta.buildkit);
    assert.deepStrictEqual(experimental, ['InvalidDefinitionDescription']);
  });

  it('covers the four pillars', () => {
    for (const c of ['base-image', 'user', 'layer-cache', 'multi-stage']) assert.ok(RULES.some((r) => r.meta.category === c && !r.meta.hadolint), c);
  });

  it('documents every instruction keyword for the hover, with an example', () => {
    for (const k of ['FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'WORKDIR', 'ENV', 'ARG', 'EXPOSE', 'USER', 'VOLUME', 'LABEL', 'HEALTHCHECK', 'SHELL', 'STOPSIGNAL', 'ONBUILD', 'MAINTAINER']) {
      const d = INSTRUCTION_DOCS[k];
      assert.ok(d && d.summary.ko && d.summary.en && d.detail.ko && d.detail.en && d.example, k);
    }
  });
});
