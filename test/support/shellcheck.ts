// The `shellcheck` executable (Debian's package). Tests that run it skip when
// it is not installed, except under REQUIRE_SHELLCHECK=1 (set by .ci/run, which
// installs it): then its absence is a failure, as REQUIRE_DOCKER does for the daemon.
import { spawnSync } from 'child_process';

let found: boolean | undefined;

export function shellcheckInstalled(): boolean {
  if (found === undefined) {
    const r = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' });
    found = r.status === 0 && /version/i.test(r.stdout);
  }
  return found;
}

/** For a test or hook that runs shellcheck: returns when it is on PATH; otherwise skips, or fails under REQUIRE_SHELLCHECK=1. */
export function needShellCheck(ctx: Pick<Mocha.Context, 'skip'>): void {
  if (shellcheckInstalled()) return;
  if (process.env.REQUIRE_SHELLCHECK === '1') throw new Error('shellcheck is not on PATH (REQUIRE_SHELLCHECK=1): apt-get install shellcheck');
  ctx.skip();
}
