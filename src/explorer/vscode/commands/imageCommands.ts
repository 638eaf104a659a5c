// Image commands: run, pull, remove (the whole selection), tag, history and inspect, and the
// pictures: the layer chart and the size comparison (the selection, two or more).
// Pull reports the daemon's progress in a cancellable notification.
import * as vscode from 'vscode';
import { imageActions } from '../../actions';
import type { ImageLayers } from '../../sizeComparison';
import { isDangling, type HistoryEntry } from '../../daemonLists';
import { historyTable } from '../../format';
import { pullMessage } from '../../pull';
import { safeName, type CommandFactory } from '../commandContext';
import { promptReference, promptRunOptions } from '../prompts';

export const run: CommandFactory = (ctx) => async (node) => {
  const image = await ctx.target('image', node, { placeHolder: vscode.l10n.t('Image to run') });
  if (!image) return;
  const options = await promptRunOptions({ state: ctx.model.state, lang: ctx.lang, client: ctx.client }, image.ref);
  if (options) await ctx.perform(imageActions.run(ctx.client(), options), ['containers']);
};

export const pull: CommandFactory = (ctx) => async (node) => {
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
      const planned = imageActions.pull(ctx.client(), ref, {
        signal: abort.signal,
        onProgress: (p) => {
          const percent = Math.floor(p.fraction * 100);
          progress.report({ message: ctx.say(pullMessage(p)), increment: Math.max(0, percent - reported) });
          reported = Math.max(reported, percent);
        },
      });
      ctx.log(planned.argv);
      try {
        await planned.run();
        ctx.output.appendLine(`  ${vscode.l10n.t('Pulled {0}.', ref)}`);
      } catch (error) {
        if (abort.signal.aborted) {
          ctx.output.appendLine(`  ${vscode.l10n.t('Pull of {0} cancelled.', ref)}`);
          void vscode.window.showInformationMessage(vscode.l10n.t('Pull of {0} cancelled.', ref));
        } else ctx.showError(error);
      } finally {
        if (!ctx.model.isLive) void ctx.model.refresh(['images']);
      }
    },
  );
};

export const remove: CommandFactory = (ctx) => async (node, selected) => {
  for (const image of await ctx.targets('image', { node, selected }, { many: true, placeHolder: vscode.l10n.t('Image to remove') })) {
    await ctx.perform(imageActions.remove(ctx.client(), image.ref), ['images']);
  }
};

export const tag: CommandFactory = (ctx) => async (node) => {
  const image = await ctx.target('image', node, { placeHolder: vscode.l10n.t('Image to tag') });
  if (!image) return;
  const repo = image.ref.startsWith('sha256:') ? 'my-image' : image.ref.replace(/:[^:/]+$/, '');
  const target = await promptReference({
    title: `docker tag ${image.ref}`,
    prompt: vscode.l10n.t('New name for the image (repository:tag)'),
    value: `${repo}:v1`,
    placeHolder: 'my-app:1.0',
  });
  if (target) await ctx.perform(imageActions.tag(ctx.client(), image.ref, target), ['images']);
};

export const history: CommandFactory = (ctx) => async (node) => {
  const image = await ctx.target('image', node, { placeHolder: vscode.l10n.t('Image whose layers to show') });
  if (!image) return;
  const result = await ctx.perform(imageActions.history(ctx.client(), image.ref), ['images']);
  if (result) await ctx.documents.show(`history/${safeName(image.ref)}.txt`, `$ docker history ${image.ref}\n\n${historyTable(result.value as HistoryEntry[], ctx.lang())}`);
};

export const inspect: CommandFactory = (ctx) => async (node) => {
  const image = await ctx.target('image', node, { placeHolder: vscode.l10n.t('Image to inspect') });
  if (image) await ctx.inspectInto(imageActions.inspect(ctx.client(), image.ref), `images/${safeName(image.ref)}.json`, ['images']);
};

export const layerChart: CommandFactory = (ctx) => async (node) => {
  const image = await ctx.target('image', node, { placeHolder: vscode.l10n.t('Image whose layers to chart') });
  if (!image) return undefined;
  return ctx.charts.showLayers(image.ref, await ctx.fetch(imageActions.layerHistory(ctx.client(), image.ref)));
};

export const compare: CommandFactory = (ctx) => async (node, selected) => {
  const images = await ctx.targets('image', { node, selected }, { many: true, atLeast: 2, placeHolder: vscode.l10n.t('Images to compare (choose two or more)') });
  // The same image twice (a tag and its layer item) is one image.
  const refs = [...new Set(images.map((i) => i.ref))];
  if (refs.length < 2) {
    if (images.length > 0) void vscode.window.showInformationMessage(vscode.l10n.t('Choose two or more images to compare.'));
    return undefined;
  }
  const histories: HistoryEntry[][] = [];
  for (const ref of refs) {
    const history = await ctx.fetch(imageActions.layerHistory(ctx.client(), ref));
    if ('problem' in history) return ctx.charts.showComparison(refs, history);
    histories.push(history.value);
  }
  const inspected = await ctx.fetch(imageActions.inspectMany(ctx.client(), refs));
  if ('problem' in inspected) return ctx.charts.showComparison(refs, inspected);
  const layers = refs.map((ref, i): ImageLayers => ({ ref, history: histories[i] ?? [], layers: inspected.value[i]?.RootFS?.Layers ?? [] }));
  return ctx.charts.showComparison(refs, { value: layers });
};
