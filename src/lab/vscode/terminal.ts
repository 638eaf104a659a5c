// Runs lab commands in an integrated terminal named for the lab, exactly as shown. With
// shell integration the exit code and output come back (util/vscode/shellExecution);
// without it the command is typed with sendText and the state checks decide.
import * as vscode from 'vscode';
import type { CommandOutcome, Executor } from '../run/runner';

import { ignoreShellExecution } from '../../terminalHelp/vscode';
import { stripAnsi } from '../../util/ansi';
import { runInShell, waitForShellIntegration } from '../../util/vscode/shellExecution';

export { stripAnsi };

const MAX_OUTPUT = 256 * 1024;
/** How long an interrupted command gets to end before its outcome is given up on. */
const INTERRUPT_GRACE_MS = 3000;

export class LabTerminal implements Executor, vscode.Disposable {
  private terminal?: vscode.Terminal;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly name: string,
    private readonly cwd: string | undefined,
    /** How long to wait for shell integration to come up in a new terminal. */
    private readonly integrationWaitMs = 10_000,
  ) {
    this.disposables.push(
      vscode.window.onDidCloseTerminal((t) => {
        if (t === this.terminal) this.terminal = undefined;
      }),
    );
  }

  /** The terminal, created on first use. */
  async ensure(): Promise<vscode.Terminal> {
    if (this.terminal && this.terminal.exitStatus === undefined) return this.terminal;
    const terminal = vscode.window.createTerminal({ name: this.name, cwd: this.cwd });
    this.terminal = terminal;
    await waitForShellIntegration(terminal, this.integrationWaitMs);
    return terminal;
  }

  get current(): vscode.Terminal | undefined {
    return this.terminal;
  }

  /**
   * Runs a command line and waits for it to end. After `timeoutMs` it is interrupted with
   * Ctrl+C, as the learner would stop it (a long-running `logs -f` or `ping` ends this way),
   * and the outcome says it timed out.
   */
  async run(commandLine: string, { timeoutMs }: { timeoutMs: number; longRunning: boolean }): Promise<CommandOutcome> {
    const terminal = await this.ensure();
    terminal.show(true);
    const integration = terminal.shellIntegration;
    if (!integration) {
      terminal.sendText(commandLine, true);
      return { observed: false };
    }
    const run = runInShell(terminal, integration, commandLine, { maxOutput: MAX_OUTPUT });
    // The lab explains its own commands' failures (expected failures, hints): no terminal help.
    ignoreShellExecution(run.execution);
    const ended = run.ended;
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const interrupted = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    let exitCode = await Promise.race([ended, interrupted]);
    clearTimeout(timer);
    if (exitCode === 'timeout') {
      timedOut = true;
      terminal.sendText('\u0003', false);
      exitCode = await Promise.race([ended, new Promise<undefined>((r) => setTimeout(() => r(undefined), INTERRUPT_GRACE_MS))]);
    }
    const output = await run.output();
    return { observed: exitCode !== undefined || timedOut, exitCode, output: stripAnsi(output), ...(timedOut ? { timedOut } : {}) };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
