// Commands that run another command (`sudo -u app env A=1 apt-get …`): what they run,
// so the linter's rules and the lab's Docker reading see the command that matters.
import { basename, type ShellCommand } from './tokenize';

/** Options of common wrappers that take a value (`sudo -u user cmd`). */
const WRAPPERS: Record<string, Set<string>> = {
  sudo: new Set(['-u', '-g', '-p', '-C', '-h', '-r', '-t', '-U', '-D', '-R', '-T']),
  env: new Set(['-u', '-C', '-S', '--unset', '--chdir']),
  nice: new Set(['-n', '--adjustment']),
  nohup: new Set(),
  exec: new Set(['-a']),
  command: new Set(),
  eatmydata: new Set(),
  stdbuf: new Set(['-i', '-o', '-e']),
  timeout: new Set(['-s', '-k', '--signal', '--kill-after']),
  time: new Set(['-f', '-o']),
  chronic: new Set(),
  'su-exec': new Set(),
  gosu: new Set(),
};

/**
 * The command a wrapper runs (`sudo apt-get install x` → `apt-get install x`),
 * or null when `cmd` is not a wrapper or wraps nothing.
 */
export function unwrapCommand(cmd: ShellCommand): ShellCommand | null {
  const valued = WRAPPERS[cmd.name];
  if (!valued) return null;
  let i = 1;
  const argv = cmd.argv;
  // su-exec / gosu take a user first.
  if (cmd.name === 'su-exec' || cmd.name === 'gosu') i = 2;
  if (cmd.name === 'timeout') {
    while (i < argv.length && argv[i].value.startsWith('-')) i += valued.has(argv[i].value) ? 2 : 1;
    i++; // the duration
  }
  while (i < argv.length) {
    const v = argv[i].value;
    if (v === '--') {
      i++;
      break;
    }
    if (cmd.name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) {
      i++;
      continue;
    }
    if (!v.startsWith('-') || v === '-') break;
    i += valued.has(v) ? 2 : 1;
  }
  if (i >= argv.length) return null;
  const inner = argv.slice(i);
  return { ...cmd, name: basename(inner[0].value), argv: inner, assignments: [], start: inner[0].start, wrapper: cmd.name };
}

/** The commands `cmd` runs through its wrappers, outermost first (`sudo env apt-get` → env …, apt-get …). */
export function wrappedCommands(cmd: ShellCommand): ShellCommand[] {
  const out: ShellCommand[] = [];
  for (let inner = unwrapCommand(cmd); inner; inner = unwrapCommand(inner)) out.push(inner);
  return out;
}

/** The command at the bottom of the wrappers (`sudo docker ps` → `docker ps`); `cmd` itself when it wraps nothing. */
export function innermostCommand(cmd: ShellCommand): ShellCommand {
  return wrappedCommands(cmd).pop() ?? cmd;
}
