// Polling for every suite (unit, docker, extension host, e2e): wait until a probe yields a
// value, with a deadline and a message that says what was awaited.

export interface WaitOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Pause between probes (default 50 ms). */
  everyMs?: number;
  /** A probe that throws means "not yet" (its last error goes into the time-out message) instead of failing at once. */
  retryErrors?: boolean;
}

/**
 * Calls `probe` until it returns something other than `undefined` or `false`, and returns
 * that; throws "timed out after N ms waiting for <what>" at the deadline. The third
 * argument is the options, or the time-out in ms (then the fourth is the pause).
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: WaitOptions | number = {},
  everyMs?: number,
): Promise<Exclude<T, undefined | false>> {
  const o: WaitOptions = typeof options === 'number' ? { timeoutMs: options, everyMs } : options;
  const timeoutMs = o.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value as Exclude<T, undefined | false>;
    } catch (error) {
      if (!o.retryErrors) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError === undefined ? '' : `: ${String(lastError)}`}`);
    }
    await new Promise((r) => setTimeout(r, o.everyMs ?? 50));
  }
}
