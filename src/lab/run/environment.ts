// Environment for checks in plain Node: files under the lab's working folder, the
// Dockerfile linter, and HTTP GETs to published ports.
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as path from 'path';
import type { Lang } from '../../util/i18n';
import type { Environment, LintFinding } from '../check/state';

/** The linter's pure engine, narrowed to what the lab needs. */
export type LintFunction = (text: string, lang: Lang) => { rule: string; category: string; line: number; message: string }[];

export interface NodeEnvironmentOptions {
  lang: Lang;
  lint?: LintFunction;
  /**
   * Host that published ports are reached on when the daemon is remote (tcp://host):
   * `localhost` in a check's URL is replaced with it.
   */
  publishedHost?: string;
}

/** Resolves a workspace-relative path, refusing anything that leaves the folder. */
export function insideFolder(root: string, rel: string): string | undefined {
  const abs = path.resolve(root, rel);
  const relative = path.relative(root, abs);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return abs;
}

/** Redirects an http check follows, as a browser would (Grafana answers `/` with 302 → /login). */
const MAX_REDIRECTS = 5;

export function httpGet(url: string, timeoutMs: number, redirectsLeft = MAX_REDIRECTS): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http;
    const req = client.get(url, { timeout: timeoutMs }, (res) => {
      const status = res.statusCode ?? 0;
      const next = status >= 300 && status < 400 && res.headers.location ? new URL(res.headers.location, url) : undefined;
      // Only within the same server: a check of a published port never wanders off the host.
      if (next && redirectsLeft > 0 && next.host === new URL(url).host && /^https?:$/.test(next.protocol)) {
        res.resume();
        httpGet(next.href, timeoutMs, redirectsLeft - 1).then(resolve, reject);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (d: Buffer) => {
        size += d.length;
        if (size <= 1_000_000) chunks.push(d);
      });
      res.on('end', () => resolve({ status, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

/** The host of a tcp:// / http(s):// Docker endpoint, where published ports live. */
export function publishedHostFor(dockerHost: string | undefined): string | undefined {
  if (!dockerHost || !/^(tcp|https?):\/\//.test(dockerHost)) return undefined;
  const host = new URL(dockerHost).hostname;
  return host === 'localhost' || host === '127.0.0.1' ? undefined : host;
}

export function nodeEnvironment(workdir: string, options: NodeEnvironmentOptions): Environment {
  return {
    folderName: path.basename(path.resolve(workdir)),
    async readFile(rel) {
      const abs = insideFolder(workdir, rel);
      if (!abs || !fs.existsSync(abs) || !fs.statSync(abs).isFile()) return undefined;
      return fs.readFileSync(abs, 'utf8');
    },
    async lint(rel, categories): Promise<LintFinding[] | undefined> {
      const abs = insideFolder(workdir, rel);
      if (!abs || !fs.existsSync(abs)) return undefined;
      if (!options.lint) throw new Error('the Dockerfile linter is not available');
      const wanted = new Set(categories);
      return options
        .lint(fs.readFileSync(abs, 'utf8'), options.lang)
        .filter((f) => wanted.has(f.category))
        .map((f) => ({ rule: f.rule, category: f.category, line: f.line, message: f.message }));
    },
    async httpGet(url, timeoutMs) {
      let target = url;
      if (options.publishedHost) target = url.replace(/^(https?:\/\/)(localhost|127\.0\.0\.1)(?=[:/]|$)/, `$1${options.publishedHost}`);
      return httpGet(target, timeoutMs);
    },
  };
}
