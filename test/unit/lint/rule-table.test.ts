// README.md's "Rules and their peers" table is what scripts/gen-rule-table.mjs makes
// from the registry now (run the script after adding or changing a rule).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PEER_CHECKS_WITHOUT_RULE, RULES, type RuleMeta } from '../../../src/lint';
import { repoRoot } from './helpers';

interface Generator {
  START: string;
  END: string;
  renderRuleTable(metas: RuleMeta[], unimplemented?: typeof PEER_CHECKS_WITHOUT_RULE): string;
  replaceTable(readme: string, table: string): string;
}

describe('lint: the README rule table', () => {
  let gen: Generator;
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

  before(async () => {
    gen = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'gen-rule-table.mjs')).href)) as Generator;
  });

  it('is what the generator makes from the rule registry', () => {
    const table = gen.renderRuleTable(RULES.map((r) => r.meta), PEER_CHECKS_WITHOUT_RULE);
    assert.equal(gen.replaceTable(readme, table), readme, 'run: node scripts/gen-rule-table.mjs');
  });

  it('lists every rule once, with its peers and default', () => {
    const table = gen.renderRuleTable(RULES.map((r) => r.meta));
    const rows = table.split('\n').filter((l) => l.startsWith('| `'));
    assert.equal(rows.length, RULES.length);
    assert.match(table, /\| `trusted-registry` \| security \| error \| DL3026 \| — \| no \| on, with `trustedRegistries` \|/);
    assert.match(table, /\| `healthcheck-missing` \|.*\| DL3057 \|.*\| off \(turn on with `override`\) \|/);
    assert.match(table, /\| `reserved-stage-name` \|.*\| DL3063 \| ReservedStageName \|/);
  });

  it('notes every deliberate difference from hadolint and every peer check without a rule, with why', () => {
    const documented = RULES.filter((r) => r.meta.differsFromHadolint);
    assert.ok(documented.length > 0);
    for (const r of documented) assert.ok(readme.includes(`- \`${r.meta.id}\` differs from ${r.meta.hadolint} on purpose: ${r.meta.differsFromHadolint!.en}`), r.meta.id);
    assert.ok(PEER_CHECKS_WITHOUT_RULE.some((c) => c.buildkit === 'InvalidBaseImagePlatform'));
    for (const c of PEER_CHECKS_WITHOUT_RULE) {
      assert.ok(!RULES.some((r) => (c.buildkit && r.meta.buildkit === c.buildkit) || (c.hadolint && r.meta.hadolint === c.hadolint)), `${c.buildkit ?? c.hadolint} has a rule`);
      assert.ok(readme.includes(c.why.en), `${c.buildkit ?? c.hadolint} noted in README`);
    }
  });

  it('a changed rule makes the README out of date', () => {
    const metas = RULES.map((r) => r.meta);
    const changed = metas.map((m, i) => (i === 0 ? { ...m, fixable: !m.fixable } : m));
    assert.notEqual(gen.replaceTable(readme, gen.renderRuleTable(changed)), readme);
    assert.throws(() => gen.replaceTable('# no table\n', 'x'), /no .*rule-table:start/);
  });
});
