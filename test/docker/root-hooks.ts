// Mocha root hooks for the Docker suite (loaded through .mocharc.docker.json's
// "require"): bring the fixture's daemon up once before any Docker test.
// Where no daemon can be had (not root, no docker.io, not Linux), every Docker
// test is reported as skipped and the reason printed; with REQUIRE_DOCKER=1
// (set by .ci/run) that is a failure instead.
import type { Context } from 'mocha';
import { getFixture } from './fixture';

export const mochaHooks = {
  async beforeAll(this: Context) {
    // Building the images on a fresh machine takes a few minutes.
    this.timeout(15 * 60 * 1000);
    try {
      await getFixture();
    } catch (e) {
      const reason = (e as { reason?: string }).reason;
      if (reason === undefined) throw e;
      if (process.env.REQUIRE_DOCKER === '1') {
        throw new Error(`REQUIRE_DOCKER=1 but no Docker daemon is available: ${reason}`, { cause: e });
      }
      console.warn(`\n  Docker tests skipped: ${reason}\n`);
      this.skip();
    }
  },
};
