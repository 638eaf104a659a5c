// Terminal help in the editor: with shell integration (VS Code 1.93), every `docker …` command
// the learner types in any terminal is read as it runs (execution.read() must start when the
// command starts, or its output is missed); when it fails with an error we recognise, one
// notification says the cause and the fix, with a button to the lab step that teaches it —
// once per error kind per editor session. Commands the lab runs itself are left out (the lab
// explains its own failures). Registered at activation: the listeners only read.
import * as vscode from 'vscode';
import { stripAnsi } from '../../util/ansi';
import { uiLang } from '../../util/vscode/lang';
import { helpFor, isDockerCommandLine, OncePerKind, type ErrorKind, type TerminalHelp } from '..';

const MAX_OUTPUT = 64 * 1024;
const SETTING = 'dockerLabs.terminalHelp.enabled';

/** Executions the lab started (lab/vscode/terminal.ts marks them): never helped here. */
const labExecutions = new WeakSet<vscode.TerminalShellExecution>();

export function ignoreShellExecution(execution: vscode.TerminalShellExecution): void {
  labExecutions.add(execution);
}

export interface TerminalHelpApi {
  /** What happened so far in this session (tests read it): failed docker commands read, notifications shown. */
  report(): { failures: number; offered: ErrorKind[] };
}

export function registerTerminalHelp(context: vscode.ExtensionContext): TerminalHelpApi {
  const once = new OncePerKind();
  const offered: ErrorKind[] = [];
  let failures = 0;
  const api: TerminalHelpApi = { report: () => ({ failures, offered: [...offered] }) };
  // Older editors (before 1.93) have no shell execution events: nothing to do.
  if (typeof vscode.window.onDidStartTerminalShellExecution !== 'function') return api;
  const outputs = new WeakMap<vscode.TerminalShellExecution, Promise<string>>();
  const enabled = (): boolean => vscode.workspace.getConfiguration().get<boolean>(SETTING, true);

  context.subscriptions.push(
    vscode.window.onDidStartTerminalShellExecution((e) => {
      if (!enabled() || labExecutions.has(e.execution) || !isDockerCommandLine(e.execution.commandLine.value)) return;
      outputs.set(e.execution, collect(e.execution));
    }),
    vscode.window.onDidEndTerminalShellExecution(async (e) => {
      const reading = outputs.get(e.execution);
      if (!reading || labExecutions.has(e.execution)) return;
      outputs.delete(e.execution);
      const help = helpFor(e.execution.commandLine.value, e.exitCode, stripAnsi(await reading));
      if (e.exitCode !== 0) failures++;
      if (help && enabled() && once.take(help.kind)) {
        offered.push(help.kind);
        void offer(help);
      }
    }),
    // An internal command (not contributed): tests ask what has been offered.
    vscode.commands.registerCommand('dockerLabs.terminalHelp.report', () => api.report()),
  );
  return api;
}

async function collect(execution: vscode.TerminalShellExecution): Promise<string> {
  let text = '';
  try {
    for await (const data of execution.read()) {
      if (text.length < MAX_OUTPUT) text += data;
    }
  } catch {
    // The terminal went away: keep what was read.
  }
  return text;
}

async function offer(help: TerminalHelp): Promise<void> {
  const lang = uiLang();
  const open = vscode.l10n.t('Open the lab step');
  const off = vscode.l10n.t('Turn off terminal help');
  const buttons = help.lesson ? [open, off] : [off];
  const message = vscode.l10n.t('Docker error: {0}', help.problem.message[lang]);
  const choice = await vscode.window.showWarningMessage(message, ...buttons);
  if (choice === open && help.lesson) await vscode.commands.executeCommand('dockerLabs.lab.open', help.lesson.session, help.lesson.step);
  if (choice === off) await vscode.workspace.getConfiguration().update(SETTING, false, vscode.ConfigurationTarget.Global);
}
