// Runs the `shellcheck` executable over many scripts at once: each script is
// a file in a temporary folder and one process checks a batch of them
// (`--format=json1` names the file of every comment), so a Dockerfile costs
// one process however many RUNs it has, and the CLI batches across files.
// Results are cached by script text: after an edit only the RUNs that changed
// are checked again. `--norc` keeps a user's .shellcheckrc out of the result,
// as hadolint (which links ShellCheck as a library) is unaffected by it.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** One ShellCheck comment, positions as json1 gives them (1-based, end exclusive, tabs one character). */
export interface ShellCheckComment {
  code: number;
  level: 'error' | 'warning' | 'info' | 'style';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Codes hadolint always excludes: ash read as dash (SC2187), and `source` targets a Dockerfile cannot point ShellCheck to (SC1090, SC1091). */
export const DEFAULT_EXCLUDED = [2187, 1090, 1091];

export class ShellCheckUnavailable extends Error {
  constructor(
    readonly executable: string,
    detail: string,
  ) {
    super(`${executable}: ${detail}`);
    this.name = 'ShellCheckUnavailable';
  }
}

export class ShellCheckCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ShellCheckCancelled';
  }
}

export interface RunnerOptions {
  /** The executable (default `shellcheck`, looked up on PATH). */
  executable?: string;
  /** Scripts per process (default 200). */
  batch?: number;
  /** Processes at once (default 2). */
  concurrency?: number;
}

const CACHE_LIMIT = 4000;

export class ShellCheckRunner {
  readonly executable: string;
  private readonly batch: number;
  private readonly concurrency: number;
  private readonly cache = new Map<string, ShellCheckComment[]>();

  constructor(options: RunnerOptions = {}) {
    this.executable = options.executable || 'shellcheck';
    this.batch = options.batch ?? 200;
    this.concurrency = options.concurrency ?? 2;
  }

  /**
   * The comments on each script (same order). Rejects with ShellCheckUnavailable
   * when the executable cannot be run, ShellCheckCancelled when `signal` aborts
   * (the processes are killed).
   */
  async check(scripts: readonly string[], signal?: AbortSignal): Promise<ShellCheckComment[][]> {
    const results: (ShellCheckComment[] | undefined)[] = scripts.map((s) => this.cache.get(s));
    const todo = [...new Set(scripts.filter((_, i) => !results[i]))];
    if (todo.length > 0) {
      const batches: string[][] = [];
      for (let i = 0; i < todo.length; i += this.batch) batches.push(todo.slice(i, i + this.batch));
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < batches.length) {
          const b = batches[next++];
          const found = await this.runBatch(b, signal);
          b.forEach((s, k) => this.remember(s, found[k]));
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.concurrency, batches.length) }, worker));
    }
    return scripts.map((s, i) => results[i] ?? this.cache.get(s) ?? []);
  }

  private remember(script: string, comments: ShellCheckComment[]): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(script, comments);
  }

  private async runBatch(scripts: string[], signal?: AbortSignal): Promise<ShellCheckComment[][]> {
    if (signal?.aborted) throw new ShellCheckCancelled();
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'docker-labs-sc-'));
    try {
      const files = scripts.map((_, i) => path.join(dir, `${i}.sh`));
      await Promise.all(scripts.map((s, i) => fs.promises.writeFile(files[i], s)));
      const stdout = await this.spawn(['--norc', '--format=json1', `--exclude=${DEFAULT_EXCLUDED.join(',')}`, '--', ...files], signal);
      const byFile = new Map(files.map((f, i) => [f, i]));
      const out: ShellCheckComment[][] = scripts.map(() => []);
      let parsed: { comments?: (ShellCheckComment & { file: string })[] };
      try {
        parsed = JSON.parse(stdout) as typeof parsed;
      } catch {
        throw new ShellCheckUnavailable(this.executable, `unreadable output: ${stdout.slice(0, 200)}`);
      }
      for (const c of parsed.comments ?? []) {
        const k = byFile.get(c.file);
        if (k === undefined) continue;
        out[k].push({ code: c.code, level: c.level, message: c.message, line: c.line, column: c.column, endLine: c.endLine, endColumn: c.endColumn });
      }
      return out;
    } finally {
      void fs.promises.rm(dir, { recursive: true, force: true });
    }
  }

  private spawn(args: string[], signal?: AbortSignal): Promise<string> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new ShellCheckCancelled());
        return;
      }
      let child;
      try {
        child = spawn(this.executable, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
      } catch (err) {
        reject(new ShellCheckUnavailable(this.executable, err instanceof Error ? err.message : String(err)));
        return;
      }
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      const abort = (): void => {
        child.kill('SIGKILL');
        reject(new ShellCheckCancelled());
      };
      signal?.addEventListener('abort', abort, { once: true });
      child.on('error', (e: NodeJS.ErrnoException) => {
        signal?.removeEventListener('abort', abort);
        reject(new ShellCheckUnavailable(this.executable, e.code === 'ENOENT' ? 'not found' : e.message));
      });
      child.on('close', (code) => {
        signal?.removeEventListener('abort', abort);
        if (signal?.aborted) {
          reject(new ShellCheckCancelled());
          return;
        }
        // 0: clean, 1: comments; anything else is a failure of the tool itself.
        if (code === 0 || code === 1) resolve(Buffer.concat(out).toString('utf8'));
        else reject(new ShellCheckUnavailable(this.executable, `exit ${code}: ${Buffer.concat(err).toString('utf8').trim().split('\n')[0] ?? ''}`));
      });
    });
  }
}
