// Running a command line in an integrated terminal through shell integration (VS Code
// 1.93): the learner sees it typed and running, and the extension gets its output and exit
// code back. Shared by the lab's steps and the image build.
import * as vscode from 'vscode';

/** How long the output stream may lag the end event before what was read is taken as all. */
const READ_GRACE_MS = 1000;

/**
 * The terminal's shell integration, waiting up to `timeoutMs` for it to come up (a new
 * terminal's shell reports it once its prompt has started); undefined when it does not.
 */
export async function waitForShellIntegration(terminal: vscode.Terminal, timeoutMs: number): Promise<vscode.TerminalShellIntegration | undefined> {
  if (terminal.shellIntegration) return terminal.shellIntegration;
  // Before 1.93 there is no shell integration API at all.
  if (typeof vscode.window.onDidChangeTerminalShellIntegration !== 'function') return undefined;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    const sub = vscode.window.onDidChangeTerminalShellIntegration((e) => {
      if (e.terminal === terminal) done();
    });
    const closed = vscode.window.onDidCloseTerminal((t) => {
      if (t === terminal) done();
    });
    function done(): void {
      clearTimeout(timer);
      sub.dispose();
      closed.dispose();
      resolve();
    }
  });
  return terminal.shellIntegration;
}

export interface ShellRun {
  execution: vscode.TerminalShellExecution;
  /** The exit code when the command ends (undefined: the shell did not say, or the terminal closed). */
  ended: Promise<number | undefined>;
  /**
   * The output read (raw: escape sequences and CRs included), after waiting a moment for the
   * stream to end: call it once the command has ended (or been given up on).
   */
  output(): Promise<string>;
}

/**
 * Starts `commandLine` in the terminal and reads its output from the start (execution.read()
 * must be called before the command has printed, or that output is missed). `onData`
 * sees each piece as it arrives; at most `maxOutput` characters are kept.
 */
export function runInShell(
  terminal: vscode.Terminal,
  integration: vscode.TerminalShellIntegration,
  commandLine: string,
  options: { maxOutput: number; onData?: (data: string) => void },
): ShellRun {
  const execution = integration.executeCommand(commandLine);
  const ended = new Promise<number | undefined>((resolve) => {
    const sub = vscode.window.onDidEndTerminalShellExecution((e) => {
      if (e.execution === execution) {
        sub.dispose();
        closed.dispose();
        resolve(e.exitCode);
      }
    });
    const closed = vscode.window.onDidCloseTerminal((t) => {
      if (t === terminal) {
        closed.dispose();
        sub.dispose();
        resolve(undefined);
      }
    });
  });
  let text = '';
  const reading = (async () => {
    try {
      for await (const data of execution.read()) {
        options.onData?.(data);
        if (text.length < options.maxOutput) text += data;
      }
    } catch {
      // The stream ends with the terminal; what was read is kept.
    }
  })();
  return {
    execution,
    ended,
    output: async () => {
      await Promise.race([reading, new Promise((r) => setTimeout(r, READ_GRACE_MS))]);
      return text;
    },
  };
}
