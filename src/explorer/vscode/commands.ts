// The explorer's commands. Each runs a planned action from ../actions: the CLI
// equivalent goes to the "Docker Labs" output channel first (`$ docker stop web`),
// then the Engine API call; a failure becomes one sentence from ../problem, never a
// stack trace. From a tree item the item is the target (several when several are
// selected); from the command palette a quick pick asks which one.
import * as vscode from 'vscode';
import type Dockerode from 'dockerode';
import { pick, type Lang, type Localized } from '../../util/i18n';
import type { DockerService } from '../../docker/vscode';
import {
  containerActions,
  imageActions,
  networkActions,
  apiVersionOf,
  prune,
  prunePlan,
  terminalCommands,
  volumeActions,
  type ContainerRef,
  type Planned,
  type PruneKind,
} from '../actions';
import { containerName, isBuiltinNetwork, isDangling, membersByNetwork, type ContainerSummary, type GroupId, type NetworkSummary, type VolumeSummary } from '../engine';
import { commandLine, historyTable, humanSize } from '../format';
import type { ExplorerModel } from '../model';
import { describeProblem } from '../problem';
import { pullMessage } from '../pull';
import { imageNodes, type ExplorerNode, type NodeOf } from '../tree';
import type { ReadOnlyDocuments } from './documents';
import { promptObjectName, promptReference, promptRunOptions, promptSubnet } from './prompts';
import type { HistoryEntry } from '../engine';

export interface CommandContext {
  model: ExplorerModel;
  docker: DockerService;
  output: vscode.OutputChannel;
  documents: ReadOnlyDocuments;
  lang: () => Lang;
  setShowDangling: (show: boolean) => void;
}

type Handler = (node?: ExplorerNode, selected?: readonly ExplorerNode[]) => unknown;

const RUNNING_STATES = new Set(['running', 'paused', 'restarting']);

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const { model, output, documents } = ctx;
  const say = (text: Localized, args?: Record<string, string | number>) => pick(text, ctx.lang(), args);
  const client = (): Dockerode => ctx.docker.client();
  let outputShown = false;

  function log(argv: readonly string[]): void {
    output.appendLine(`$ ${commandLine(argv)}`);
    if (!outputShown) {
      outputShown = true;
      output.show(true);
    }
  }

  function showError(error: unknown): void {
    const problem = describeProblem(error, model.state.endpoint);
    const message = say(problem.message);
    // The daemon's own words first, as the CLI prints them, then what to do about them.
    if (!problem.connection && problem.detail) output.appendLine(`  Error response from daemon: ${problem.detail}`);
    output.appendLine(`  ✗ ${message}`);
    void vscode.window.showErrorMessage(message);
  }

  /** Logs the CLI line, runs the action, reports a failure. Resolves undefined on failure. */
  async function perform<T>(planned: Planned<T>, groups: GroupId[]): Promise<{ value: T } | undefined> {
    log(planned.argv);
    try {
      const value = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: commandLine(planned.argv) }, () => planned.run());
      return { value };
    } catch (error) {
      showError(error);
      return undefined;
    } finally {
      // While the view is visible the event stream refreshes the tree; otherwise do it here.
      if (!model.isLive) void model.refresh(groups);
    }
  }

  /** The lists are current (the view may be hidden, so not live) and the daemon answers. */
  async function ready(): Promise<boolean> {
    if (model.isLive) await model.load();
    else await model.refresh();
    if (model.state.problem) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot reach Docker at {0}: {1}', model.state.endpoint, say(model.state.problem.cause)));
      return false;
    }
    return true;
  }

  // ---- targets -----------------------------------------------------------------

  function containerOfNode(node: ExplorerNode): ContainerSummary | undefined {
    switch (node.kind) {
      case 'container':
      case 'port':
      case 'containerNetwork':
      case 'containerMount':
        return node.container;
      case 'networkMember':
        return node.member.container;
      case 'volumeUser':
        return node.use.container;
      default:
        return undefined;
    }
  }

  const refOf = (c: ContainerSummary): ContainerRef => ({ id: c.Id, name: containerName(c) });

  async function pickContainers(filter: (c: ContainerSummary) => boolean, placeHolder: string): Promise<ContainerSummary[]> {
    if (!(await ready())) return [];
    const candidates = (model.state.data.containers ?? []).filter(filter);
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No container to choose from.'));
      return [];
    }
    const chosen = await vscode.window.showQuickPick(
      candidates.map((c) => ({ label: containerName(c), description: `${c.Image} · ${c.Status}`, container: c })),
      { placeHolder },
    );
    return chosen ? [chosen.container] : [];
  }

  async function containers(node: ExplorerNode | undefined, selected: readonly ExplorerNode[] | undefined, filter: (c: ContainerSummary) => boolean, placeHolder: string): Promise<ContainerSummary[]> {
    if (!node) return pickContainers(filter, placeHolder);
    const nodes = selected && selected.length > 1 ? selected : [node];
    return nodes.map(containerOfNode).filter((c): c is ContainerSummary => Boolean(c));
  }

  async function imageRefs(node: ExplorerNode | undefined, selected: readonly ExplorerNode[] | undefined, placeHolder: string): Promise<Array<{ ref: string; node?: NodeOf<'image'> }>> {
    if (node) {
      const nodes = selected && selected.length > 1 ? selected : [node];
      return nodes.flatMap((n) => (n.kind === 'image' ? [{ ref: n.ref, node: n }] : n.kind === 'layer' ? [{ ref: n.image.Id }] : []));
    }
    if (!(await ready())) return [];
    const items = imageNodes({ ...model.state, showDangling: true }).map((n) => ({ label: n.ref, description: humanSize(n.image.Size), node: n }));
    if (items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No image to choose from.'));
      return [];
    }
    const chosen = await vscode.window.showQuickPick(items, { placeHolder });
    return chosen ? [{ ref: chosen.node.ref, node: chosen.node }] : [];
  }

  async function networkOf(node: ExplorerNode | undefined, filter: (n: NetworkSummary) => boolean, placeHolder: string): Promise<NetworkSummary | undefined> {
    if (node?.kind === 'network' || node?.kind === 'networkMember') return node.network;
    if (!(await ready())) return undefined;
    const candidates = (model.state.data.networks ?? []).filter(filter);
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No network to choose from.'));
      return undefined;
    }
    const chosen = await vscode.window.showQuickPick(candidates.map((n) => ({ label: n.Name, description: n.Driver, network: n })), { placeHolder });
    return chosen?.network;
  }

  async function volumesOf(node: ExplorerNode | undefined, selected: readonly ExplorerNode[] | undefined, placeHolder: string): Promise<VolumeSummary[]> {
    if (node) {
      const nodes = selected && selected.length > 1 ? selected : [node];
      return nodes.flatMap((n) => (n.kind === 'volume' || n.kind === 'volumeUser' ? [n.volume] : []));
    }
    if (!(await ready())) return [];
    const candidates = model.state.data.volumes ?? [];
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No volume to choose from.'));
      return [];
    }
    const chosen = await vscode.window.showQuickPick(candidates.map((v) => ({ label: v.Name, description: v.Driver, volume: v })), { placeHolder });
    return chosen ? [chosen.volume] : [];
  }

  /**
   * Opens a terminal and types `text`; `execute` false leaves it at the prompt. The
   * terminal reaches the tree's daemon: DockerService hands every integrated terminal
   * the setting's DOCKER_HOST or the chosen context.
   */
  function terminal(text: string, name: string, execute = true): void {
    const term = vscode.window.createTerminal({ name });
    term.show();
    term.sendText(text, execute);
  }

  async function inspectInto(planned: Planned<unknown>, path: string, groups: GroupId[]): Promise<void> {
    const result = await perform(planned, groups);
    if (result) await documents.show(path, JSON.stringify(result.value, null, 2) + '\n');
  }

  const safeName = (name: string) => name.replace(/[^\w.@-]+/g, '_');

  // ---- prune ---------------------------------------------------------------------

  const PRUNE_GROUPS: Record<PruneKind, GroupId[]> = {
    containers: ['containers'],
    images: ['containers', 'images'],
    networks: ['containers', 'networks'],
    volumes: ['containers', 'volumes'],
    system: ['containers', 'images', 'networks'],
  };

  const PRUNE_TITLE: Record<PruneKind, () => string> = {
    containers: () => vscode.l10n.t('Remove all stopped containers?'),
    images: () => vscode.l10n.t('Remove all dangling images?'),
    networks: () => vscode.l10n.t('Remove all unused networks?'),
    volumes: () => vscode.l10n.t('Remove all unused volumes listed below?'),
    system: () => vscode.l10n.t('Remove stopped containers, unused networks, dangling images and build cache?'),
  };

  const GROUP_LABEL: Record<GroupId, () => string> = {
    containers: () => vscode.l10n.t('Containers'),
    images: () => vscode.l10n.t('Images'),
    networks: () => vscode.l10n.t('Networks'),
    volumes: () => vscode.l10n.t('Volumes'),
  };

  async function runPrune(kind: PruneKind): Promise<void> {
    await model.refresh(['containers', 'images', 'networks', 'volumes'].filter((g) => kind === 'system' || PRUNE_GROUPS[kind].includes(g as GroupId)) as GroupId[]);
    if (!(await ready())) return;
    const plan = prunePlan(kind, model.state.data, await apiVersionOf(client()));
    if (plan.items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to remove: {0} would find nothing either.', commandLine(plan.argv)));
      return;
    }
    const byGroup = new Map<GroupId, string[]>();
    for (const item of plan.items) byGroup.set(item.group, [...(byGroup.get(item.group) ?? []), item.name]);
    const LIMIT = 12;
    const detail = [...byGroup]
      .map(([group, names]) => {
        const shown = names.slice(0, LIMIT).map((n) => `  • ${n}`);
        if (names.length > LIMIT) shown.push(`  ${vscode.l10n.t('… and {0} more', names.length - LIMIT)}`);
        return `${GROUP_LABEL[group]()} (${names.length})\n${shown.join('\n')}`;
      })
      .join('\n\n');
    const confirm = vscode.l10n.t('Remove');
    const answer = await vscode.window.showWarningMessage(PRUNE_TITLE[kind](), { modal: true, detail: `${detail}\n\n$ ${commandLine(plan.argv)}` }, confirm);
    if (answer !== confirm) return;
    const result = await perform(prune(client(), plan), PRUNE_GROUPS[kind]);
    if (result) {
      const message = vscode.l10n.t('Removed {0} object(s), reclaimed {1}.', result.value.removed.length, humanSize(result.value.spaceReclaimed));
      output.appendLine(`  ${message}`);
      void vscode.window.showInformationMessage(message);
    }
  }

  // ---- the commands ----------------------------------------------------------------

  const handlers: Record<string, Handler> = {
    'dockerLabs.explorer.refresh': () => model.retry(),
    'dockerLabs.explorer.showDangling': () => ctx.setShowDangling(true),
    'dockerLabs.explorer.hideDangling': () => ctx.setShowDangling(false),
    'dockerLabs.explorer.runHelp': (node) => {
      if (node?.kind === 'help' && node.command) terminal(node.command, 'Docker', false);
    },

    'dockerLabs.explorer.container.start': async (node, selected) => {
      for (const c of await containers(node, selected, (x) => !RUNNING_STATES.has(x.State), vscode.l10n.t('Container to start'))) await perform(containerActions.start(client(), refOf(c)), ['containers']);
    },
    'dockerLabs.explorer.container.stop': async (node, selected) => {
      for (const c of await containers(node, selected, (x) => RUNNING_STATES.has(x.State), vscode.l10n.t('Container to stop'))) await perform(containerActions.stop(client(), refOf(c)), ['containers']);
    },
    'dockerLabs.explorer.container.restart': async (node, selected) => {
      for (const c of await containers(node, selected, () => true, vscode.l10n.t('Container to restart'))) await perform(containerActions.restart(client(), refOf(c)), ['containers']);
    },
    'dockerLabs.explorer.container.remove': async (node, selected) => {
      const targets = await containers(node, selected, () => true, vscode.l10n.t('Container to remove'));
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
      for (const c of targets) await perform(containerActions.remove(client(), refOf(c), RUNNING_STATES.has(c.State)), ['containers']);
    },
    'dockerLabs.explorer.container.logs': async (node) => {
      const [c] = await containers(node, undefined, () => true, vscode.l10n.t('Container whose logs to follow'));
      if (!c) return;
      const argv = terminalCommands.logs(refOf(c));
      log(argv);
      terminal(commandLine(argv), `logs: ${containerName(c)}`);
    },
    'dockerLabs.explorer.container.shell': async (node) => {
      const [c] = await containers(node, undefined, (x) => x.State === 'running', vscode.l10n.t('Container to open a shell in'));
      if (!c) return;
      if (c.State !== 'running') {
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not running: start it first (docker start {0}).', containerName(c)));
        return;
      }
      const argv = terminalCommands.shell(refOf(c));
      log(argv);
      terminal(commandLine(argv), `sh: ${containerName(c)}`);
    },
    'dockerLabs.explorer.container.inspect': async (node) => {
      const [c] = await containers(node, undefined, () => true, vscode.l10n.t('Container to inspect'));
      if (c) await inspectInto(containerActions.inspect(client(), refOf(c)), `containers/${safeName(containerName(c))}.json`, ['containers']);
    },
    'dockerLabs.explorer.container.openPort': async (node) => {
      if (node?.kind !== 'port') return;
      const host = node.hostIp && node.hostIp !== '127.0.0.1' ? node.hostIp : 'localhost';
      await vscode.env.openExternal(vscode.Uri.parse(`http://${host}:${node.hostPort}`));
    },
    'dockerLabs.explorer.container.copyName': async (node) => {
      const c = node && containerOfNode(node);
      if (!c) return;
      await vscode.env.clipboard.writeText(containerName(c));
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', containerName(c)), 3000);
    },
    'dockerLabs.explorer.container.copyId': async (node) => {
      const c = node && containerOfNode(node);
      if (!c) return;
      await vscode.env.clipboard.writeText(c.Id);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', c.Id.slice(0, 12)), 3000);
    },

    'dockerLabs.explorer.image.run': async (node) => {
      const [image] = await imageRefs(node, undefined, vscode.l10n.t('Image to run'));
      if (!image) return;
      const options = await promptRunOptions({ state: model.state, lang: ctx.lang, client }, image.ref);
      if (options) await perform(imageActions.run(client(), options), ['containers']);
    },
    'dockerLabs.explorer.image.pull': async (node) => {
      const suggested = node?.kind === 'image' && !isDangling(node.image) ? node.ref : undefined;
      const ref =
        suggested ??
        (await promptReference({
          title: 'docker pull',
          prompt: vscode.l10n.t('Image to pull from the registry (tag defaults to latest)'),
          placeHolder: 'nginx:alpine',
        }));
      if (!ref) return;
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `docker pull ${ref}`, cancellable: true },
        async (progress, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          let reported = 0;
          const planned = imageActions.pull(client(), ref, {
            signal: abort.signal,
            onProgress: (p) => {
              const percent = Math.floor(p.fraction * 100);
              progress.report({ message: say(pullMessage(p)), increment: Math.max(0, percent - reported) });
              reported = Math.max(reported, percent);
            },
          });
          log(planned.argv);
          try {
            await planned.run();
            output.appendLine(`  ${vscode.l10n.t('Pulled {0}.', ref)}`);
          } catch (error) {
            if (abort.signal.aborted) {
              output.appendLine(`  ${vscode.l10n.t('Pull of {0} cancelled.', ref)}`);
              void vscode.window.showInformationMessage(vscode.l10n.t('Pull of {0} cancelled.', ref));
            } else showError(error);
          } finally {
            if (!model.isLive) void model.refresh(['images']);
          }
        },
      );
    },
    'dockerLabs.explorer.image.remove': async (node, selected) => {
      for (const image of await imageRefs(node, selected, vscode.l10n.t('Image to remove'))) await perform(imageActions.remove(client(), image.ref), ['images']);
    },
    'dockerLabs.explorer.image.tag': async (node) => {
      const [image] = await imageRefs(node, undefined, vscode.l10n.t('Image to tag'));
      if (!image) return;
      const repo = image.ref.startsWith('sha256:') ? 'my-image' : image.ref.replace(/:[^:/]+$/, '');
      const target = await promptReference({
        title: `docker tag ${image.ref}`,
        prompt: vscode.l10n.t('New name for the image (repository:tag)'),
        value: `${repo}:v1`,
        placeHolder: 'my-app:1.0',
      });
      if (target) await perform(imageActions.tag(client(), image.ref, target), ['images']);
    },
    'dockerLabs.explorer.image.history': async (node) => {
      const [image] = await imageRefs(node, undefined, vscode.l10n.t('Image whose layers to show'));
      if (!image) return;
      const result = await perform(imageActions.history(client(), image.ref), ['images']);
      if (result) await documents.show(`history/${safeName(image.ref)}.txt`, `$ docker history ${image.ref}\n\n${historyTable(result.value as HistoryEntry[], ctx.lang())}`);
    },
    'dockerLabs.explorer.image.inspect': async (node) => {
      const [image] = await imageRefs(node, undefined, vscode.l10n.t('Image to inspect'));
      if (image) await inspectInto(imageActions.inspect(client(), image.ref), `images/${safeName(image.ref)}.json`, ['images']);
    },

    'dockerLabs.explorer.network.create': async () => {
      if (!(await ready())) return;
      const title = 'docker network create';
      const name = await promptObjectName({
        title,
        prompt: vscode.l10n.t('Network name. Containers on it reach each other by this network\'s container names.'),
        placeHolder: 'pair1-network',
        taken: new Set((model.state.data.networks ?? []).map((n) => n.Name)),
      });
      if (!name) return;
      const subnet = await promptSubnet(title);
      if (subnet === undefined) return;
      await perform(networkActions.create(client(), name, subnet || undefined), ['networks']);
    },
    'dockerLabs.explorer.network.remove': async (node, selected) => {
      const nodes = node && selected && selected.length > 1 ? selected : node ? [node] : [];
      const networks = nodes.length
        ? nodes.flatMap((n) => (n.kind === 'network' ? [n.network] : []))
        : [await networkOf(undefined, (n) => !isBuiltinNetwork(n), vscode.l10n.t('Network to remove'))].filter((n): n is NetworkSummary => Boolean(n));
      for (const n of networks) await perform(networkActions.remove(client(), n.Name), ['networks']);
    },
    'dockerLabs.explorer.network.inspect': async (node) => {
      const n = await networkOf(node, () => true, vscode.l10n.t('Network to inspect'));
      if (n) await inspectInto(networkActions.inspect(client(), n.Name), `networks/${safeName(n.Name)}.json`, ['networks']);
    },
    'dockerLabs.explorer.network.connect': async (node) => {
      const n = await networkOf(node, (x) => x.Name !== 'none' && x.Name !== 'host', vscode.l10n.t('Network to connect a container to'));
      if (!n) return;
      if (!(await ready())) return;
      const attached = new Set((membersByNetwork(model.state.data.containers ?? [], model.state.data.networks ?? []).get(n.Id) ?? []).map((m) => m.container.Id));
      const [c] = await pickContainers((x) => !attached.has(x.Id), vscode.l10n.t('Container to connect to {0}', n.Name));
      if (c) await perform(networkActions.connect(client(), n.Name, refOf(c)), ['networks', 'containers']);
    },
    'dockerLabs.explorer.network.disconnect': async (node) => {
      let network: NetworkSummary | undefined;
      let container: ContainerSummary | undefined;
      if (node?.kind === 'networkMember') {
        network = node.network;
        container = node.member.container;
      } else {
        network = await networkOf(node, () => true, vscode.l10n.t('Network to disconnect a container from'));
        if (!network) return;
        const members = new Set((membersByNetwork(model.state.data.containers ?? [], model.state.data.networks ?? []).get(network.Id) ?? []).map((m) => m.container.Id));
        [container] = await pickContainers((x) => members.has(x.Id), vscode.l10n.t('Container to disconnect from {0}', network.Name));
      }
      if (network && container) await perform(networkActions.disconnect(client(), network.Name, refOf(container)), ['networks', 'containers']);
    },

    'dockerLabs.explorer.volume.create': async () => {
      if (!(await ready())) return;
      const name = await promptObjectName({
        title: 'docker volume create',
        prompt: vscode.l10n.t('Volume name'),
        placeHolder: 'db-data',
        taken: new Set((model.state.data.volumes ?? []).map((v) => v.Name)),
      });
      if (name) await perform(volumeActions.create(client(), name), ['volumes']);
    },
    'dockerLabs.explorer.volume.remove': async (node, selected) => {
      const volumes = await volumesOf(node, selected, vscode.l10n.t('Volume to remove'));
      if (volumes.length === 0) return;
      const confirm = vscode.l10n.t('Remove');
      const answer = await vscode.window.showWarningMessage(
        volumes.length === 1 ? vscode.l10n.t('Remove volume {0}?', volumes[0]?.Name ?? '') : vscode.l10n.t('Remove {0} volumes?', volumes.length),
        { modal: true, detail: vscode.l10n.t('The data stored in it is deleted for good.') },
        confirm,
      );
      if (answer !== confirm) return;
      for (const v of volumes) await perform(volumeActions.remove(client(), v.Name), ['volumes']);
    },
    'dockerLabs.explorer.volume.inspect': async (node) => {
      const [v] = await volumesOf(node, undefined, vscode.l10n.t('Volume to inspect'));
      if (v) await inspectInto(volumeActions.inspect(client(), v.Name), `volumes/${safeName(v.Name)}.json`, ['volumes']);
    },

    'dockerLabs.explorer.prune.containers': () => runPrune('containers'),
    'dockerLabs.explorer.prune.images': () => runPrune('images'),
    'dockerLabs.explorer.prune.networks': () => runPrune('networks'),
    'dockerLabs.explorer.prune.volumes': () => runPrune('volumes'),
    'dockerLabs.explorer.prune.system': () => runPrune('system'),
  };

  return Object.entries(handlers).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (node?: ExplorerNode, selected?: readonly ExplorerNode[]) => {
      // Commands never throw at the learner: whatever escaped becomes one message.
      try {
        return await handler(isNode(node) ? node : undefined, Array.isArray(selected) ? selected : undefined);
      } catch (error) {
        showError(error);
        return undefined;
      }
    }),
  );
}

function isNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && typeof (value as ExplorerNode).kind === 'string' && typeof (value as ExplorerNode).key === 'string';
}
