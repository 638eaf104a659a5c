// Network commands: create (name, then optional subnet), remove (the whole selection,
// never a built-in network from the palette), inspect, connect and disconnect a container,
// and the live diagram of them all.
import * as vscode from 'vscode';
import { networkActions } from '../../actions';
import { isBuiltinNetwork, membersByNetwork, type ContainerSummary, type NetworkSummary } from '../../daemonLists';
import { refOf, safeName, type CommandContext, type CommandFactory } from '../commandContext';
import { promptObjectName, promptSubnet } from '../prompts';

/** IDs of the containers attached to `network`, as the tree lists its members. */
function memberIds(ctx: CommandContext, network: NetworkSummary): Set<string> {
  const members = membersByNetwork(ctx.model.state.data.containers ?? [], ctx.model.state.data.networks ?? []).get(network.Id) ?? [];
  return new Set(members.map((m) => m.container.Id));
}

export const create: CommandFactory = (ctx) => async () => {
  if (!(await ctx.ready())) return;
  const title = 'docker network create';
  const name = await promptObjectName({
    title,
    prompt: vscode.l10n.t('Network name. Containers on it reach each other by this network\'s container names.'),
    placeHolder: 'pair1-network',
    taken: new Set((ctx.model.state.data.networks ?? []).map((n) => n.Name)),
  });
  if (!name) return;
  const subnet = await promptSubnet(title);
  if (subnet === undefined) return;
  await ctx.perform(networkActions.create(ctx.client(), name, subnet || undefined), ['networks']);
};

export const remove: CommandFactory = (ctx) => async (node, selected) => {
  const networks = await ctx.targets('network', { node, selected }, {
    many: true,
    // A member item names its network, but removing is offered on the network itself only.
    fromNode: (n) => (n.kind === 'network' ? n.network : undefined),
    filter: (n) => !isBuiltinNetwork(n),
    placeHolder: vscode.l10n.t('Network to remove'),
  });
  for (const n of networks) await ctx.perform(networkActions.remove(ctx.client(), n.Name), ['networks']);
};

export const inspect: CommandFactory = (ctx) => async (node) => {
  const n = await ctx.target('network', node, { placeHolder: vscode.l10n.t('Network to inspect') });
  if (n) await ctx.inspectInto(networkActions.inspect(ctx.client(), n.Name), `networks/${safeName(n.Name)}.json`, ['networks']);
};

export const connect: CommandFactory = (ctx) => async (node) => {
  const n = await ctx.target('network', node, { filter: (x) => x.Name !== 'none' && x.Name !== 'host', placeHolder: vscode.l10n.t('Network to connect a container to') });
  if (!n) return;
  if (!(await ctx.ready())) return;
  const attached = memberIds(ctx, n);
  const c = await ctx.target('container', undefined, { filter: (x) => !attached.has(x.Id), placeHolder: vscode.l10n.t('Container to connect to {0}', n.Name) });
  if (c) await ctx.perform(networkActions.connect(ctx.client(), n.Name, refOf(c)), ['networks', 'containers']);
};

export const disconnect: CommandFactory = (ctx) => async (node) => {
  let network: NetworkSummary | undefined;
  let container: ContainerSummary | undefined;
  if (node?.kind === 'networkMember') {
    network = node.network;
    container = node.member.container;
  } else {
    network = await ctx.target('network', node, { placeHolder: vscode.l10n.t('Network to disconnect a container from') });
    if (!network) return;
    const members = memberIds(ctx, network);
    container = await ctx.target('container', undefined, { filter: (x) => members.has(x.Id), placeHolder: vscode.l10n.t('Container to disconnect from {0}', network.Name) });
  }
  if (network && container) await ctx.perform(networkActions.disconnect(ctx.client(), network.Name, refOf(container)), ['networks', 'containers']);
};

export const diagram: CommandFactory = (ctx) => () => ctx.showDiagram();
