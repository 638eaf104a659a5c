// The tests' own helpers (test/support/): polling with a deadline, and the guard for the
// shared course material that skips, or fails under REQUIRE_SHARED=1.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { needShared, sharedDir } from '../support/shared';
import { waitFor } from '../support/waitFor';

describe('test support: waitFor', () => {
  it('returns the first value that is neither undefined nor false', async () => {
    const answers: (number | undefined | false)[] = [undefined, false, undefined, 0, 7];
    let calls = 0;
    const value = await waitFor('a number', () => answers[calls++], 1000, 1);
    assert.equal(value, 0);
    assert.equal(calls, 4);
  });

  it('times out with what it waited for', async () => {
    await assert.rejects(waitFor('the moon', () => undefined, 30, 5), /^Error: timed out after 30 ms waiting for the moon$/);
  });

  it('fails at once when the probe throws, unless told to retry (then the last error is in the message)', async () => {
    let calls = 0;
    await assert.rejects(waitFor('x', () => { calls++; throw new Error('boom'); }, 1000, 1), /boom/);
    assert.equal(calls, 1);
    await assert.rejects(waitFor('y', () => { throw new Error('refused'); }, { timeoutMs: 20, everyMs: 2, retryErrors: true }), /waiting for y: Error: refused$/);
    let tries = 0;
    assert.equal(await waitFor('z', () => { if (++tries < 3) throw new Error('not yet'); return 'up'; }, { timeoutMs: 1000, everyMs: 1, retryErrors: true }), 'up');
  });
});

describe('test support: needShared', () => {
  const saved = process.env.REQUIRE_SHARED;
  afterEach(() => {
    if (saved === undefined) delete process.env.REQUIRE_SHARED;
    else process.env.REQUIRE_SHARED = saved;
  });
  const skipper = () => {
    const ctx = { skipped: 0, skip(): never { ctx.skipped++; throw new Error('skipped'); } };
    return ctx;
  };

  it('lets the test run when the folder is there', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-shared-'));
    try {
      const ctx = skipper();
      process.env.REQUIRE_SHARED = '1';
      needShared(ctx, dir);
      assert.equal(ctx.skipped, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips when the folder is missing, and fails instead under REQUIRE_SHARED=1', () => {
    const missing = path.join(sharedDir, 'no-such-folder');
    const ctx = skipper();
    delete process.env.REQUIRE_SHARED;
    assert.throws(() => needShared(ctx, missing), /^Error: skipped$/);
    assert.equal(ctx.skipped, 1);
    process.env.REQUIRE_SHARED = '1';
    assert.throws(() => needShared(ctx, missing), /\.\.\/shared\/no-such-folder is missing \(REQUIRE_SHARED=1\)/);
    assert.equal(ctx.skipped, 1);
  });
});
