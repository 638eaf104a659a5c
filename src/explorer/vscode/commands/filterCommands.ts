// The explorer's filter: set it (a text, then "all objects" or "this lab only"),
// or clear it in one click. Tests and other callers may pass the filter as the
// argument (`{ text, labOnly }`) instead of answering the prompts.
import * as vscode from 'vscode';
import { parseFilter } from '../../filter';
import type { CommandFactory } from '../commandContext';

export const filter: CommandFactory = (ctx) => async (_node, _selected, raw) => {
  if (raw && typeof raw === 'object' && ('text' in raw || 'labOnly' in raw)) return ctx.filter.set(parseFilter(raw));
  const current = ctx.filter.current;
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Filter the Docker explorer'),
    prompt: vscode.l10n.t('Shows objects whose name, image or label contains this text (empty: every object).'),
    value: current.text,
    placeHolder: vscode.l10n.t('e.g. web, nginx, com.docker.compose.project=shop'),
  });
  if (text === undefined) return undefined;
  const all = { label: vscode.l10n.t('All objects'), labOnly: false };
  const lab = { label: vscode.l10n.t('This lab only'), description: vscode.l10n.t('only what the open lab creates for your pair'), labOnly: true };
  const picked = await vscode.window.showQuickPick(current.labOnly ? [lab, all] : [all, lab], { title: vscode.l10n.t('Filter the Docker explorer') });
  if (!picked) return undefined;
  return ctx.filter.set({ text, labOnly: picked.labOnly });
};

export const clearFilter: CommandFactory = (ctx) => () => ctx.filter.set({ text: '', labOnly: false });
