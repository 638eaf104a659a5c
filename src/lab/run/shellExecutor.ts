// Executor for the headless CLI: each command in a fresh shell (`sh -c` on POSIX,
// PowerShell on Windows), output captured, stopped (with its children) when time runs out.
import { spawn } from 'child_process';
import type { CommandOutcome, Executor } from './runner';

export interface ShellExecutorOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Called with output as it arrives (the CLI echoes it with --verbose). */
  onOutput?(chunk: string): void;
}

const MAX_OUTPUT = 256 * 1024;

export class ShellExecutor implements Executor {
  constructor(private readonly options: ShellExecutorOptions) {}

  run(commandLine: string, { timeoutMs }: { timeoutMs: number; longRunning: boolean }): Promise<CommandOutcome> {
    const windows = process.platform === 'win32';
    const [file, args] = windows ? ['powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', commandLine]] : ['/bin/sh', ['-c', commandLine]];
    return new Promise((resolve) => {
      const child = spawn(file, args, {
        cwd: this.options.cwd,
        env: this.options.env ?? process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: !windows,
      });
      let output = '';
      let timedOut = false;
      const onData = (d: Buffer): void => {
        const text = d.toString('utf8');
        if (output.length < MAX_OUTPUT) output += text;
        this.options.onOutput?.(text);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          if (windows) child.kill();
          else process.kill(-child.pid!, 'SIGTERM');
        } catch {
          child.kill('SIGKILL');
        }
      }, timeoutMs);
      child.on('error', (err) => {
        clearTimeout(timer);
        resolve({ observed: true, exitCode: 127, output: String(err.message) });
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ observed: true, exitCode: code ?? (signal ? 128 + 15 : 1), output, timedOut });
      });
    });
  }
}
