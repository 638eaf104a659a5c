// Mutated corpus files (lines deleted, duplicated, swapped; truncated; bytes
// flipped; stray quotes and backslashes) never make the linter throw, never
// make a rule fail, never take over 100 ms of CPU time, and keep instruction boundaries
// identical to dockerfile-ast's. 20,000 cases when CI is set; fewer locally
// (LINT_FUZZ_CASES overrides).
import * as assert from 'assert';
import { IncrementalLinter, lintText } from '../../../src/lint';
import { astShape, corpus, modelShape, mutate, prng } from './helpers';
import { corpusDir, needShared } from '../../support/shared';

const CASES = Number(process.env.LINT_FUZZ_CASES) || (process.env.CI ? 20000 : 1500);
const LIMIT_MS = 100;

/**
 * Cost of one lint: the process's CPU time (user + system) spent in it, best
 * of up to five attempts. CPU time, not wall time, so a busy machine (this
 * one runs editors, browsers and daemons for other tests) that deschedules
 * the process is not blamed on the linter; garbage collection still counts.
 */
function timedLint(text: string): { ms: number; result: ReturnType<typeof lintText> } {
  let best = Infinity;
  let result!: ReturnType<typeof lintText>;
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = process.cpuUsage();
    result = lintText(text);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
    if (best <= LIMIT_MS) break;
  }
  return { ms: best, result };
}

describe('lint fuzz', function () {
  this.timeout(30 * 60 * 1000);

  it(`${CASES} mutated corpus files: no throw, no rule error, no lint over ${LIMIT_MS} ms of CPU, same boundaries as dockerfile-ast`, function () {
    const found = corpus();
    if (!found) needShared(this, corpusDir); // ../shared/corpus/dockerfiles is not checked out here
    const files: { name: string; text: string }[] = found ?? [];
    // Warm the JIT on the unmutated corpus first: the limit is about the linter, not a cold start.
    for (let k = 0; k < 2; k++) for (const f of files) lintText(f.text);
    const random = prng(0x5eed);
    let slowest = 0;
    let slowestName = '';
    for (let i = 0; i < CASES; i++) {
      const { name, text } = files[Math.floor(random() * files.length)];
      const mutated = mutate(text, random);
      const label: string = `case ${i} (${name})`;
      const { ms, result } = timedLint(mutated);
      assert.ok(result.model, label);
      assert.deepStrictEqual(result.ruleErrors, [], label);
      if (ms > slowest) {
        slowest = ms;
        slowestName = label;
      }
      assert.ok(ms <= LIMIT_MS, `${label}: lint took ${ms.toFixed(1)} ms of CPU`);
      if (i % 8 === 0) assert.deepStrictEqual(modelShape(mutated), astShape(mutated), `${label}: boundaries differ from dockerfile-ast`);
      if (i % 50 === 0) {
        // The editor's incremental path on the same mutation agrees with a fresh lint.
        const inc = new IncrementalLinter();
        inc.lint(text);
        assert.deepStrictEqual(inc.lint(mutated).findings, result.findings, `${label}: incremental`);
      }
    }
    this.test!.title += ` (slowest ${slowest.toFixed(1)} ms: ${slowestName})`;
  });
});
