// The explorer's commands, one factory each (../vscode/commands/*), made from one
// shared CommandContext and registered from this table. Each runs a planned action
// from ../actions: the CLI equivalent goes to the "Docker Labs" output channel first
// (`$ docker stop web`), then the Engine API call; a failure becomes one sentence
// from ../problem, never a stack trace. From a tree item the item is the target
// (several when several are selected); from the command palette a quick pick asks
// which one (../commandTargets).
import * as vscode from 'vscode';
import type { ExplorerNode } from '../tree';
import { CommandContext, type CommandContextOptions, type CommandFactory } from './commandContext';
import * as containers from './commands/containerCommands';
import * as images from './commands/imageCommands';
import * as networks from './commands/networkCommands';
import * as volumes from './commands/volumeCommands';
import * as prune from './commands/pruneCommands';
import * as view from './commands/viewCommands';
import * as compose from './commands/composeCommands';
import * as filters from './commands/filterCommands';

/** Every `dockerLabs.explorer.*` command of package.json and the factory that makes it. */
export const EXPLORER_COMMANDS: Readonly<Record<string, CommandFactory>> = {
  'dockerLabs.explorer.refresh': view.refresh,
  'dockerLabs.explorer.showDangling': view.showDangling,
  'dockerLabs.explorer.hideDangling': view.hideDangling,
  'dockerLabs.explorer.runHelp': view.runHelp,
  'dockerLabs.explorer.filter': filters.filter,
  'dockerLabs.explorer.clearFilter': filters.clearFilter,

  'dockerLabs.explorer.container.start': containers.start,
  'dockerLabs.explorer.container.stop': containers.stop,
  'dockerLabs.explorer.container.restart': containers.restart,
  'dockerLabs.explorer.container.remove': containers.remove,
  'dockerLabs.explorer.container.logs': containers.logs,
  'dockerLabs.explorer.container.shell': containers.shell,
  'dockerLabs.explorer.container.inspect': containers.inspect,
  'dockerLabs.explorer.container.openPort': containers.openPort,
  'dockerLabs.explorer.container.copyName': containers.copyName,
  'dockerLabs.explorer.container.copyId': containers.copyId,

  'dockerLabs.explorer.image.run': images.run,
  'dockerLabs.explorer.image.pull': images.pull,
  'dockerLabs.explorer.image.remove': images.remove,
  'dockerLabs.explorer.image.tag': images.tag,
  'dockerLabs.explorer.image.history': images.history,
  'dockerLabs.explorer.image.inspect': images.inspect,
  'dockerLabs.explorer.image.layerChart': images.layerChart,
  'dockerLabs.explorer.image.compare': images.compare,

  'dockerLabs.explorer.network.create': networks.create,
  'dockerLabs.explorer.network.remove': networks.remove,
  'dockerLabs.explorer.network.inspect': networks.inspect,
  'dockerLabs.explorer.network.connect': networks.connect,
  'dockerLabs.explorer.network.disconnect': networks.disconnect,
  'dockerLabs.explorer.network.diagram': networks.diagram,

  'dockerLabs.explorer.volume.create': volumes.create,
  'dockerLabs.explorer.volume.remove': volumes.remove,
  'dockerLabs.explorer.volume.inspect': volumes.inspect,

  'dockerLabs.explorer.prune.containers': prune.containers,
  'dockerLabs.explorer.prune.images': prune.images,
  'dockerLabs.explorer.prune.networks': prune.networks,
  'dockerLabs.explorer.prune.volumes': prune.volumes,
  'dockerLabs.explorer.prune.system': prune.system,

  'dockerLabs.explorer.compose.up': compose.up,
  'dockerLabs.explorer.compose.down': compose.down,
  'dockerLabs.explorer.compose.restart': compose.restart,
  'dockerLabs.explorer.compose.stop': compose.stop,
  'dockerLabs.explorer.compose.logs': compose.logs,
  'dockerLabs.explorer.compose.upFile': compose.upFile,
  'dockerLabs.explorer.compose.downFile': compose.downFile,
  'dockerLabs.explorer.compose.convert': compose.convert,
};

export function registerCommands(options: CommandContextOptions): vscode.Disposable[] {
  const ctx = new CommandContext(options);
  return Object.entries(EXPLORER_COMMANDS).map(([id, factory]) => {
    const handler = factory(ctx);
    return vscode.commands.registerCommand(id, async (node?: unknown, selected?: unknown) => {
      // Commands never throw at the learner: whatever escaped becomes one message.
      try {
        return await handler(isNode(node) ? node : undefined, Array.isArray(selected) ? (selected as ExplorerNode[]) : undefined, node);
      } catch (error) {
        ctx.showError(error);
        return undefined;
      }
    });
  });
}

function isNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && typeof (value as ExplorerNode).kind === 'string' && typeof (value as ExplorerNode).key === 'string';
}
