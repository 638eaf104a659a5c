// The course's own Dockerfiles (../shared/seeds): the "good" examples pass
// without warnings, and each lesson's mistakes are caught where the course
// makes them.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describeFindings, run } from './helpers';
import { needShared, seedsDir } from '../../support/shared';

/** The ```dockerfile / ```docker fences of a seed, in order. */
function fences(seed: string): string[] | null {
  const file = path.join(seedsDir, seed);
  if (!fs.existsSync(file)) return null;
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/```\s*(?:dockerfile|docker)\n([\s\S]*?)```/g)].map((m) => m[1]);
}

const serious = (src: string) => run(src).filter((f) => f.severity === 'error' || f.severity === 'warning');
const rules = (src: string) => run(src).map((f) => `${f.rule}@${f.range.start.line + 1}`);

describe('lint on the course examples', () => {
  const day3 = fences('001_13c4f08c45a51e4a.txt');
  const basics = fences('004_728b3c7dc44b058b.txt');
  const images = fences('003_a22a1de51f449e75.txt');

  before(function () {
    // Skips when ../shared/seeds is not checked out here (fails under REQUIRE_SHARED=1).
    for (const seed of ['001_13c4f08c45a51e4a.txt', '004_728b3c7dc44b058b.txt', '003_a22a1de51f449e75.txt']) needShared(this, path.join(seedsDir, seed));
  });

  it('Week 1 Day 3 syntax example: copying everything before `npm install` is caught', () => {
    const src = day3![0];
    assert.ok(rules(src).includes('copy-before-install@13'), describeFindings(src, run(src)));
  });

  it("Week 1 Day 3 best-practices block: the ✅ final stage passes; the ❌ stage above it does not ship", () => {
    const src = day3![2];
    assert.match(src, /FROM ubuntu[\s\S]*FROM python:3\.9-alpine/);
    const good = src.split('\n').findIndex((l) => l.startsWith('FROM python:3.9-alpine'));
    // In the ❌ stage: no tag, and the whole app copied before `pip3 install -r` (and the whole context copied: a hint, no context known here).
    assert.deepStrictEqual(rules(src).filter((r) => Number(r.split('@')[1]) <= good), ['image-tag@2', 'apt-pin@3', 'copy-before-install@4', 'copy-context-root@4']);
    // The ✅ stage copies the whole context too: with no build context known (no .dockerignore to
    // read) that earns copy-context-root's info hint, and nothing else.
    const inGood = run(src).filter((f) => f.range.start.line >= good);
    assert.deepStrictEqual(describeFindings(src, inGood.filter((f) => f.rule !== 'copy-context-root')), '');
    assert.ok(inGood.every((f) => f.rule !== 'copy-context-root' || f.severity === 'info'));
  });

  it('Week 1 Day 3 challenge, steps 1 and 2: no warning or error (only layer-cache hints)', () => {
    for (const src of [day3![3], day3![4]]) {
      assert.deepStrictEqual(describeFindings(src, serious(src)), '');
      assert.ok(run(src).every((f) => f.severity === 'info'));
    }
  });

  it('multi-stage examples do not count the builder stage as shipped', () => {
    for (const src of [day3![1], day3![4]]) assert.ok(!rules(src).some((r) => r.startsWith('build-in-final-stage') || r.startsWith('toolchain')));
  });

  it('Docker basics deployment example: a trailing `# build stage` on FROM is an error; `as` casing', () => {
    const found = rules(basics![1]);
    assert.ok(found.includes('inline-comment@3') && found.includes('inline-comment@15'), found.join(' '));
    assert.ok(found.includes('from-as-casing@3'), found.join(' '));
  });

  it('Docker basics Flask example: full-size python:3.9 and no USER', () => {
    const found = rules(basics![0]);
    assert.ok(found.includes('small-base-image@5') && found.includes('missing-user@5'), found.join(' '));
  });

  it('Session 4 layer example: end-of-line `# Layer …` notes are not comments; apt-get update alone', () => {
    const src = images![0];
    const found = run(src);
    assert.deepStrictEqual(found.filter((f) => f.rule === 'inline-comment').map((f) => f.range.start.line + 1), [1, 4]);
    assert.match(found.find((f) => f.rule === 'json-args')!.message, /Layer 5/);
    assert.ok(found.some((f) => f.rule === 'apt-update-alone'));
    assert.ok(!found.some((f) => f.rule === 'copy-dest-slash'), 'the comment words are not COPY sources');
  });
});
