// The view's own commands: refresh (also the problem node's Retry), show or hide
// dangling images, and type a help item's fix into a terminal.
import type { CommandFactory } from '../commandContext';

export const refresh: CommandFactory = (ctx) => () => ctx.model.retry();

export const showDangling: CommandFactory = (ctx) => () => ctx.setShowDangling(true);

export const hideDangling: CommandFactory = (ctx) => () => ctx.setShowDangling(false);

/** Left at the prompt, not run: the learner reads the fix (often `sudo …`) before pressing Enter. */
export const runHelp: CommandFactory = (ctx) => (node) => {
  if (node?.kind === 'help' && node.command) ctx.terminal(node.command, 'Docker', false);
};
