// `docker-labs class status <session> --pairs 1-12 [--format text|json|csv] [--progress file…]`:
// the instructor's grid, every pair's steps checked read-only against the daemon
// DOCKER_HOST / the docker context names (local, tcp:// with TLS, ssh://).
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'node:util';
import { classCsv, classStatus, dockerClassSource, mergeProgress, pairVariable, parsePairRange, parseProgressFile, type ClassGrid } from '../class';
import { createClient, describeDockerError, resolveEndpoint } from '../docker';
import { loadTarget, statusText } from '../lab';
import { langFromEnv, type Lang } from '../util/i18n';
import { builtinRoots } from './lab';

const USAGE = 'usage: docker-labs class status <session|file.md> --pairs 1-12 [--format text|json|csv] [--progress file…] [--lang ko|en]\n';

const MARK = { passed: '✓', failed: '✗', 'not-started': '·' } as const;

function fail(text: string): number {
  process.stderr.write(`docker-labs class: ${text}\n`);
  return 2;
}

export function gridText(grid: ClassGrid, lang: Lang): string {
  const ko = lang === 'ko';
  const out: string[] = [`${grid.title[lang]} (${grid.session})${grid.host ? `  ${grid.host}` : ''}`, ''];
  const width = String(grid.steps.length).length;
  out.push(`${(ko ? '페어' : 'pair').padEnd(6)} ${grid.steps.map((_, i) => String(i + 1).padStart(width)).join(' ')}  ${ko ? '통과' : 'passed'}`);
  for (const row of grid.rows) out.push(`${String(row.pair).padEnd(6)} ${row.cells.map((c) => MARK[c.status].padStart(width)).join(' ')}  ${row.passed}/${grid.steps.length}`);
  out.push('', `${MARK.passed} ${statusText('passed', lang)}  ${MARK.failed} ${statusText('failed', lang)}  ${MARK['not-started']} ${statusText('not-started', lang)}`);
  out.push(...grid.steps.map((s, i) => `${String(i + 1).padStart(width)}. ${s.id}${s.title ? ` — ${s.title}` : ''}`));
  const failed = grid.rows.flatMap((r) => r.cells.filter((c) => c.status === 'failed').map((c) => `  ${ko ? '페어' : 'pair'} ${r.pair} ${c.stepId}: ${c.message[lang]}`));
  if (failed.length) out.push('', ko ? '실패한 확인:' : 'Failed checks:', ...failed);
  for (const m of grid.merged) if (!m.used) out.push(`${ko ? '병합하지 않음' : 'not merged'}: ${m.source}: ${m.why?.[lang] ?? ''}`);
  return out.join('\n') + '\n';
}

async function status(positionals: string[], values: { pairs?: string; format?: string; lang?: string }, progressFiles: string[]): Promise<number> {
  const lang: Lang = values.lang === 'ko' || values.lang === 'en' ? values.lang : langFromEnv();
  if (values.lang && values.lang !== lang) return fail('--lang must be ko or en');
  const format = values.format ?? 'text';
  if (!['text', 'json', 'csv'].includes(format)) return fail(lang === 'ko' ? `--format은 text, json, csv 중 하나입니다(${format})` : `--format must be text, json or csv, not ${format}`);
  const target = positionals[0];
  if (!target) return (process.stderr.write(USAGE), 2);
  if (!values.pairs) return fail(lang === 'ko' ? '--pairs가 필요합니다(예: --pairs 1-12)' : '--pairs is needed (e.g. --pairs 1-12)');
  const loaded = loadTarget(target, lang, builtinRoots());
  if (!loaded.lab) {
    for (const p of loaded.problems) process.stderr.write(`${path.relative(process.cwd(), p.file) || p.file}:${p.line}:${p.column}: error: ${p.message[lang]}\n`);
    return 1;
  }
  const lab = loaded.lab;
  const limits = pairVariable(lab);
  if (!limits) return fail(lang === 'ko' ? `세션 \`${lab.id}\`에는 pair 변수가 없어 페어별로 볼 수 없습니다` : `session \`${lab.id}\` has no pair variable, so it cannot be shown per pair`);
  const range = parsePairRange(values.pairs, limits);
  if ('problem' in range) return fail(range.problem[lang]);

  const files: { source: string; exports: ReturnType<typeof parseProgressFile>['exports'] }[] = [];
  for (const file of progressFiles) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      return fail(`${file}: ${(err as Error).message}`);
    }
    const parsed = parseProgressFile(text);
    if (parsed.problem) return fail(`${file}: ${parsed.problem[lang]}`);
    files.push({ source: path.basename(file), exports: parsed.exports });
  }

  const endpoint = resolveEndpoint(process.env);
  let grid: ClassGrid;
  try {
    const client = createClient(endpoint);
    grid = await classStatus(lab, range.pairs, dockerClassSource(client, endpoint.host, lang));
  } catch (err) {
    // Daemon down, ssh host unreachable, refused key, untrusted certificate: the one sentence src/docker has for it.
    process.stderr.write(`docker-labs class: ${describeDockerError(err, { endpoint }).message[lang]}\n`);
    return 1;
  }
  if (files.length) grid = mergeProgress(grid, files);
  if (format === 'json') process.stdout.write(JSON.stringify(grid, null, 2) + '\n');
  else if (format === 'csv') process.stdout.write(classCsv(grid, lang));
  else process.stdout.write(gridText(grid, lang));
  return 0;
}

export async function runClass(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      tokens: true,
      options: { pairs: { type: 'string' }, format: { type: 'string' }, progress: { type: 'string', multiple: true }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    process.stderr.write(`docker-labs class: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) return (process.stdout.write(USAGE), 0);
  // `--progress a.json b.json …` (a shell glob): positionals right after a --progress value are files too.
  const progress: string[] = [];
  const positionals: string[] = [];
  let afterProgress = false;
  for (const t of parsed.tokens) {
    if (t.kind === 'option') {
      afterProgress = t.name === 'progress';
      if (afterProgress && t.value !== undefined) progress.push(t.value);
    } else if (t.kind === 'positional') {
      (afterProgress ? progress : positionals).push(t.value);
    }
  }
  const [command, ...rest] = positionals;
  if (command !== 'status') {
    process.stderr.write(USAGE);
    return 2;
  }
  return status(rest, parsed.values, progress);
}
