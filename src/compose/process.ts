// Running the Compose CLI as a child process (explorer group actions) and probing
// which one the machine has. The environment points the CLI at the explorer's daemon,
// as the integrated terminals are pointed.
import { spawn } from 'node:child_process';
import { chooseComposeCli, type ComposeCli } from './cli';

export interface ComposeRunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Each line Compose prints (it reports progress on stderr). */
  onLine?: (line: string) => void;
  timeoutMs?: number;
}

/** Compose exited non-zero: its own last words are the message. */
export class ComposeFailed extends Error {
  constructor(
    readonly argv: readonly string[],
    readonly code: number | null,
    readonly output: string,
  ) {
    super(lastMeaningfulLine(output) ?? `${argv.join(' ')} exited ${code}`);
    this.name = 'ComposeFailed';
  }
}

function lastMeaningfulLine(output: string): string | undefined {
  return output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .pop();
}

/** Runs `argv` (its first word is the program); resolves its output, rejects with ComposeFailed. */
export function runCompose(argv: readonly string[], options: ComposeRunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const [file, ...args] = argv;
    if (!file) return reject(new Error('empty command'));
    const child = spawn(file, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let rest = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      const lines = (rest + text).split(/\r?\n|\r/);
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) options.onLine?.(line);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), options.timeoutMs) : undefined;
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (rest.trim()) options.onLine?.(rest);
      if (code === 0) resolve(output);
      else reject(new ComposeFailed(argv, code, output));
    });
  });
}

async function answers(argv: string[], env?: NodeJS.ProcessEnv): Promise<boolean> {
  try {
    await runCompose(argv, { env, timeoutMs: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** Asks the machine which Compose it has (both probes at once); undefined when neither. */
export async function detectComposeCli(env?: NodeJS.ProcessEnv): Promise<ComposeCli | undefined> {
  const [v2, v1] = await Promise.all([answers(['docker', 'compose', 'version'], env), answers(['docker-compose', 'version'], env)]);
  return chooseComposeCli({ v2, v1 });
}
