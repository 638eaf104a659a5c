// Volume commands: create, remove (the whole selection, after a warning that the data
// goes for good) and inspect.
import * as vscode from 'vscode';
import { volumeActions } from '../../actions';
import { safeName, type CommandFactory } from '../commandContext';
import { promptObjectName } from '../prompts';

export const create: CommandFactory = (ctx) => async () => {
  if (!(await ctx.ready())) return;
  const name = await promptObjectName({
    title: 'docker volume create',
    prompt: vscode.l10n.t('Volume name'),
    placeHolder: 'db-data',
    taken: new Set((ctx.model.state.data.volumes ?? []).map((v) => v.Name)),
  });
  if (name) await ctx.perform(volumeActions.create(ctx.client(), name), ['volumes']);
};

export const remove: CommandFactory = (ctx) => async (node, selected) => {
  const volumes = await ctx.targets('volume', { node, selected }, { many: true, placeHolder: vscode.l10n.t('Volume to remove') });
  if (volumes.length === 0) return;
  const confirm = vscode.l10n.t('Remove');
  const answer = await vscode.window.showWarningMessage(
    volumes.length === 1 ? vscode.l10n.t('Remove volume {0}?', volumes[0]?.Name ?? '') : vscode.l10n.t('Remove {0} volumes?', volumes.length),
    { modal: true, detail: vscode.l10n.t('The data stored in it is deleted for good.') },
    confirm,
  );
  if (answer !== confirm) return;
  for (const v of volumes) await ctx.perform(volumeActions.remove(ctx.client(), v.Name), ['volumes']);
};

export const inspect: CommandFactory = (ctx) => async (node) => {
  const v = await ctx.target('volume', node, { placeHolder: vscode.l10n.t('Volume to inspect') });
  if (v) await ctx.inspectInto(volumeActions.inspect(ctx.client(), v.Name), `volumes/${safeName(v.Name)}.json`, ['volumes']);
};
