// Container commands: start, stop, restart and remove take the whole selection; the
// rest act on one container. Each prints its `docker` line before the Engine call.
import * as vscode from 'vscode';
import { containerActions, terminalCommands } from '../../actions';
import { containerOfNode } from '../../commandTargets';
import { containerName, type ContainerSummary } from '../../daemonLists';
import { commandLine } from '../../format';
import { RUNNING_STATES, refOf, safeName, type CommandFactory } from '../commandContext';

export const start: CommandFactory = (ctx) => async (node, selected) => {
  const targets = await ctx.targets('container', { node, selected }, { many: true, filter: (x) => !RUNNING_STATES.has(x.State), placeHolder: vscode.l10n.t('Container to start') });
  for (const c of targets) await ctx.perform(containerActions.start(ctx.client(), refOf(c)), ['containers']);
};

export const stop: CommandFactory = (ctx) => async (node, selected) => {
  const targets = await ctx.targets('container', { node, selected }, { many: true, filter: (x) => RUNNING_STATES.has(x.State), placeHolder: vscode.l10n.t('Container to stop') });
  for (const c of targets) await ctx.perform(containerActions.stop(ctx.client(), refOf(c)), ['containers']);
};

export const restart: CommandFactory = (ctx) => async (node, selected) => {
  const targets = await ctx.targets('container', { node, selected }, { many: true, placeHolder: vscode.l10n.t('Container to restart') });
  for (const c of targets) await ctx.perform(containerActions.restart(ctx.client(), refOf(c)), ['containers']);
};

export const remove: CommandFactory = (ctx) => async (node, selected) => {
  const targets = await ctx.targets('container', { node, selected }, { many: true, placeHolder: vscode.l10n.t('Container to remove') });
  const running = targets.filter((c) => RUNNING_STATES.has(c.State));
  if (running.length > 0) {
    const confirm = vscode.l10n.t('Stop and Remove');
    const answer = await vscode.window.showWarningMessage(
      running.length === 1
        ? vscode.l10n.t('Container {0} is running. Stop and remove it?', containerName(running[0] as ContainerSummary))
        : vscode.l10n.t('{0} containers are running. Stop and remove them?', running.length),
      { modal: true, detail: vscode.l10n.t('This is what `docker rm -f` does. Data inside the container is lost; volumes stay.') },
      confirm,
    );
    if (answer !== confirm) return;
  }
  for (const c of targets) await ctx.perform(containerActions.remove(ctx.client(), refOf(c), RUNNING_STATES.has(c.State)), ['containers']);
};

export const logs: CommandFactory = (ctx) => async (node) => {
  const c = await ctx.target('container', node, { placeHolder: vscode.l10n.t('Container whose logs to follow') });
  if (!c) return;
  const argv = terminalCommands.logs(refOf(c));
  ctx.log(argv);
  ctx.terminal(commandLine(argv), `logs: ${containerName(c)}`);
};

export const shell: CommandFactory = (ctx) => async (node) => {
  const c = await ctx.target('container', node, { filter: (x) => x.State === 'running', placeHolder: vscode.l10n.t('Container to open a shell in') });
  if (!c) return;
  if (c.State !== 'running') {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not running: start it first (docker start {0}).', containerName(c)));
    return;
  }
  const argv = terminalCommands.shell(refOf(c));
  ctx.log(argv);
  ctx.terminal(commandLine(argv), `sh: ${containerName(c)}`);
};

export const inspect: CommandFactory = (ctx) => async (node) => {
  const c = await ctx.target('container', node, { placeHolder: vscode.l10n.t('Container to inspect') });
  if (c) await ctx.inspectInto(containerActions.inspect(ctx.client(), refOf(c)), `containers/${safeName(containerName(c))}.json`, ['containers']);
};

/** From a port item only (the palette hides it): opens http://host:port. */
export const openPort: CommandFactory = () => async (node) => {
  if (node?.kind !== 'port') return;
  const host = node.hostIp && node.hostIp !== '127.0.0.1' ? node.hostIp : 'localhost';
  await vscode.env.openExternal(vscode.Uri.parse(`http://${host}:${node.hostPort}`));
};

export const copyName: CommandFactory = () => async (node) => {
  const c = node && containerOfNode(node);
  if (!c) return;
  await vscode.env.clipboard.writeText(containerName(c));
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', containerName(c)), 3000);
};

export const copyId: CommandFactory = () => async (node) => {
  const c = node && containerOfNode(node);
  if (!c) return;
  await vscode.env.clipboard.writeText(c.Id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', c.Id.slice(0, 12)), 3000);
};
