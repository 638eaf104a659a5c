// The prune commands: list what `docker … prune` would remove (from the same lists the
// tree shows), ask in a modal that names every object, then prune.
import * as vscode from 'vscode';
import { apiVersionOf, prune, prunePlan, type PruneKind } from '../../actions';
import type { GroupId } from '../../daemonLists';
import { commandLine, humanSize } from '../../format';
import type { CommandFactory } from '../commandContext';

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

/** Names shown per group in the confirmation before "… and N more". */
const LIMIT = 12;

function pruneCommand(kind: PruneKind): CommandFactory {
  return (ctx) => async () => {
    const { model } = ctx;
    await model.refresh(['containers', 'images', 'networks', 'volumes'].filter((g) => kind === 'system' || PRUNE_GROUPS[kind].includes(g as GroupId)) as GroupId[]);
    if (!(await ctx.ready())) return;
    const plan = prunePlan(kind, model.state.data, await apiVersionOf(ctx.client()));
    if (plan.items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to remove: {0} would find nothing either.', commandLine(plan.argv)));
      return;
    }
    const byGroup = new Map<GroupId, string[]>();
    for (const item of plan.items) byGroup.set(item.group, [...(byGroup.get(item.group) ?? []), item.name]);
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
    const result = await ctx.perform(prune(ctx.client(), plan), PRUNE_GROUPS[kind]);
    if (result) {
      const message = vscode.l10n.t('Removed {0} object(s), reclaimed {1}.', result.value.removed.length, humanSize(result.value.spaceReclaimed));
      ctx.output.appendLine(`  ${message}`);
      void vscode.window.showInformationMessage(message);
    }
  };
}

export const containers = pruneCommand('containers');
export const images = pruneCommand('images');
export const networks = pruneCommand('networks');
export const volumes = pruneCommand('volumes');
export const system = pruneCommand('system');
