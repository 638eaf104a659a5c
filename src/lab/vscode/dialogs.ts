// What the lab asks and tells the learner outside its view: variable prompts, the
// destructive-command and reset confirmations, the starter-file conflict question, the
// pre-pull progress. Each takes plain data and returns the learner's answer.
import * as vscode from 'vscode';
import type { Localized } from '../../util/i18n';
import { uiLang } from '../../util/vscode/lang';
import type { Lab, VariableValues } from '../labModel';
import type { PrepullProgress } from '../run/prepull';
import type { DestructiveChoice } from '../run/runner';
import { validateVariable } from '../load/variables';

function say(text: Localized | undefined): string | undefined {
  return text ? text[uiLang()] : undefined;
}

/** Asks for the variables still missing (or all of them when `all`); undefined when cancelled. */
export async function askVariables(lab: Lab, current: VariableValues, all: boolean): Promise<VariableValues | undefined> {
  const values = { ...current };
  for (const spec of lab.variables) {
    if (!all && values[spec.name] !== undefined) continue;
    const prompt = spec.prompt?.[uiLang()] ?? spec.name;
    const value = await vscode.window.showInputBox({
      title: lab.title[uiLang()],
      prompt,
      value: values[spec.name] ?? spec.default ?? '',
      ignoreFocusOut: true,
      validateInput: (v) => say(validateVariable(spec, v.trim())),
    });
    if (value === undefined) return undefined;
    values[spec.name] = spec.type === 'integer' ? String(Number(value.trim())) : value.trim();
  }
  return values;
}

/** A command that reaches beyond the lab: the scoped cleanup (`plan` lists what it removes), as written, or not at all. */
export async function confirmDestructive(command: string, plan: string[]): Promise<DestructiveChoice> {
  const scoped = vscode.l10n.t('Clean up this lab only');
  const asWritten = vscode.l10n.t('Run as written');
  const detail = vscode.l10n.t(
    '`{0}` reaches beyond this lab: it acts on every container, image, network or volume on your machine, including ones that are not part of the lab. The lab-scoped cleanup does the same only to what this lab created:',
    command,
  ) + '\n' + (plan.length ? plan.slice(0, 15).map((l) => `• ${l}`).join('\n') : vscode.l10n.t('(nothing of this lab to clean up right now)'));
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('This command reaches beyond the lab'), { modal: true, detail }, scoped, asWritten);
  return choice === scoped ? 'scoped' : choice === asWritten ? 'run' : 'skip';
}

/** Reset lab: whether to remove exactly the objects `plan` lists. */
export async function confirmReset(lab: Lab, plan: string[]): Promise<boolean> {
  const remove = vscode.l10n.t('Remove');
  const detail = vscode.l10n.t('Only these objects, which this lab declares or created, are removed; everything else stays:') + '\n' + plan.slice(0, 25).map((l) => `• ${l}`).join('\n') + (plan.length > 25 ? `\n… (+${plan.length - 25})` : '');
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Reset lab "{0}"?', lab.title[uiLang()]), { modal: true, detail }, remove);
  return choice === remove;
}

export function showResetOutcome(outcome: { done: string[]; errors: string[] }): void {
  if (outcome.errors.length) void vscode.window.showErrorMessage(vscode.l10n.t('Some lab objects could not be removed: {0}', outcome.errors.join('; ')));
  else void vscode.window.showInformationMessage(vscode.l10n.t('Lab reset: {0} object(s) removed.', outcome.done.length));
}

/** Runs `pull` under a cancellable notification that follows its progress. */
export async function withPullProgress<T>(lab: Lab, pull: (report: (p: PrepullProgress) => void, signal: AbortSignal) => Promise<T>): Promise<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pulling images for "{0}"', lab.title[uiLang()]), cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      let reported = 0;
      return pull((p) => {
        const percent = Math.round(p.fraction * 100);
        progress.report({ increment: Math.max(0, percent - reported), message: `${p.image} ${percent}%` });
        reported = Math.max(reported, percent);
      }, abort.signal);
    },
  );
}

export function showPullOutcome(result: { pulled: string[]; failed: { image: string; error: string }[] }): void {
  if (result.failed.length) void vscode.window.showErrorMessage(vscode.l10n.t('Could not pull: {0}', result.failed.map((f) => `${f.image} (${f.error})`).join(', ')));
  else void vscode.window.showInformationMessage(vscode.l10n.t('Pulled {0} image(s).', result.pulled.length));
}

/** Files the lab would write that already exist with other content: overwrite them? */
async function confirmOverwrite(question: string, conflicts: string[]): Promise<boolean> {
  const yes = vscode.l10n.t('Overwrite');
  const choice = await vscode.window.showWarningMessage(question, { modal: true, detail: conflicts.join('\n') }, yes, vscode.l10n.t('Keep mine'));
  return choice === yes;
}

/** Starter files that already exist with other content: overwrite them? */
export function confirmStarterOverwrite(workdir: string, conflicts: string[]): Promise<boolean> {
  return confirmOverwrite(vscode.l10n.t('The lab wants to copy its starter files into {0}, but {1} of them already exist with other content.', workdir, conflicts.length), conflicts);
}

/** "Create this file" on a file that already exists with other content: overwrite it? */
export function confirmFileOverwrite(workdir: string, rel: string): Promise<boolean> {
  return confirmOverwrite(vscode.l10n.t('{0} already exists in {1} with other content. Replace it with the lab\'s version?', rel, workdir), [rel]);
}

export function showStarterCopied(workdir: string, copied: string[]): void {
  if (copied.length) void vscode.window.showInformationMessage(vscode.l10n.t("Copied the lab's starter files into {0}: {1}", workdir, copied.join(', ')));
}
