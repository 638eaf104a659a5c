// The built command line (dist/cli.js) run as a learner or CI runs it, its whole output kept.
import { spawn } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const cliPath = path.join(root, 'dist', 'cli.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end with no input, keeping its exit code and whole output (never rejects on a non-zero exit). */
export function runProcess(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** `docker-labs <args>` from the repository root, in English unless `env` says otherwise. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return runProcess(process.execPath, [cliPath, ...args], { cwd: root, env: { DOCKER_LABS_LANG: 'en', ...env } });
}
