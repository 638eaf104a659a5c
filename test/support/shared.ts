// The course material beside the repository (../shared): the corpus of real-world
// Dockerfiles and the course notes (seeds). Tests that read it skip when it is not
// there, except under REQUIRE_SHARED=1 (set by .ci/run): then its absence is a failure.
import * as fs from 'fs';
import * as path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const corpusDir = path.join(sharedDir, 'corpus', 'dockerfiles');
export const seedsDir = path.join(sharedDir, 'seeds');

export const sharedRequired = (): boolean => process.env.REQUIRE_SHARED === '1';

/**
 * For a test or hook that needs `dir` (one of the folders above): returns when it exists;
 * otherwise skips the test, or fails it under REQUIRE_SHARED=1.
 */
export function needShared(ctx: Pick<Mocha.Context, 'skip'>, dir: string): void {
  if (fs.existsSync(dir)) return;
  const where = path.relative(repoRoot, dir);
  if (sharedRequired()) throw new Error(`${where} is missing (REQUIRE_SHARED=1): check out the shared course material beside the repository`);
  ctx.skip();
}
