// One place that knows what this process started (code-server process groups,
// Chromium, temp folders) so that Ctrl-C, a time-out or a crash leaves no
// orphans behind. Each starter registers an undo function and removes it again
// when it shuts down normally.
import { spawnSync } from 'node:child_process';

const pending = new Set();
let signalsHooked = false;

/** Registers `undo` (sync or async) to run on exit or signal; returns a function that unregisters it. */
export function onCleanup(undo) {
  hookSignals();
  pending.add(undo);
  return () => pending.delete(undo);
}

/** Runs every registered undo function (newest first) and waits for the async ones. */
export async function cleanupAll() {
  const undos = [...pending].reverse();
  pending.clear();
  for (const undo of undos) {
    try {
      await undo();
    } catch (error) {
      process.stderr.write(`cleanup: ${error instanceof Error ? error.message : error}\n`);
    }
  }
}

/** Sends `signal` to a whole process group started with `detached: true`; false when it is already gone. */
export function killGroup(pid, signal = 'SIGTERM') {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** True while any process of the group is alive. */
export function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL after `graceMs`, for a process group started with `detached: true`. */
export async function stopGroup(pid, graceMs = 5000) {
  if (!killGroup(pid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
}

function hookSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: shutting down…\n`);
      cleanupAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
  // Last resort on a synchronous exit (uncaught error, process.exit): async undos
  // cannot run here, so process groups get a synchronous SIGKILL via groupsToKill.
  process.once('exit', () => {
    for (const pid of groupsToKill) killGroup(pid, 'SIGKILL');
    for (const dir of dirsToRemove) spawnSync('rm', ['-rf', '--', dir]);
  });
}

const groupsToKill = new Set();
const dirsToRemove = new Set();

/** Remembers a process group so that even a synchronous exit kills it. */
export function trackGroup(pid) {
  hookSignals();
  groupsToKill.add(pid);
  return () => groupsToKill.delete(pid);
}

/** Remembers a temp folder so that even a synchronous exit removes it. */
export function trackDir(dir) {
  hookSignals();
  dirsToRemove.add(dir);
  return () => dirsToRemove.delete(dir);
}
