// `npm run bench`: runs every bench/*.mjs and prints their figures.
//
//   npm run bench                 readable table
//   npm run bench -- --json       one JSON array of { name, value, unit, note? }
//   npm run bench -- --quick      fewer repetitions (a smoke test)
//   npm run bench -- --only activation,lint
//
// Contract of a bench module: `export default async function (ctx)` with
// ctx = { root, quick }, returning [{ name, value, unit, note? }] (ratios are
// figures with unit "x"); progress goes to stderr only. A module that throws is
// reported and makes the command exit 1; the others still run.
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cleanupAll } from './vscode/cleanup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = { json: false, quick: false, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--json') opts.json = true;
    else if (flag === '--quick') opts.quick = true;
    else if (flag === '--only') opts.only = (inline ?? argv[++i] ?? '').split(',').filter(Boolean);
    else {
      console.error('usage: npm run bench -- [--json] [--quick] [--only NAME,…]');
      process.exit(2);
    }
  }
  return opts;
}

function validFigure(f) {
  return f && typeof f.name === 'string' && typeof f.value === 'number' && Number.isFinite(f.value) && typeof f.unit === 'string';
}

function formatValue(v) {
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(2);
}

function printTable(rows) {
  const header = ['bench', 'figure', 'value', 'unit', 'note'];
  const cells = rows.map((r) => [r.bench, r.name, formatValue(r.value), r.unit, r.note ?? '']);
  const width = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((x, i) => (i === 2 ? x.padStart(width[i]) : x.padEnd(width[i]))).join('  ').trimEnd();
  console.log(line(header));
  console.log(width.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const benchDir = join(root, 'bench');
  const modules = readdirSync(benchDir)
    .filter((f) => f.endsWith('.mjs'))
    .sort()
    .filter((f) => !opts.only || opts.only.includes(basename(f, '.mjs')));
  if (modules.length === 0) {
    console.error(`no bench modules${opts.only ? ` named ${opts.only.join(', ')}` : ''} in bench/`);
    return 1;
  }
  const rows = [];
  const failures = [];
  for (const file of modules) {
    const name = basename(file, '.mjs');
    const t0 = Date.now();
    process.stderr.write(`bench ${name}…\n`);
    try {
      const mod = await import(pathToFileURL(join(benchDir, file)).href);
      if (typeof mod.default !== 'function') throw new Error('has no default export function');
      const figures = await mod.default({ root, quick: opts.quick });
      if (!Array.isArray(figures)) throw new Error('did not return an array of figures');
      for (const f of figures) {
        if (!validFigure(f)) throw new Error(`returned an invalid figure: ${JSON.stringify(f)}`);
        rows.push({ bench: name, ...f });
      }
      process.stderr.write(`bench ${name}: ${figures.length} figure(s) in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    } catch (error) {
      failures.push(name);
      process.stderr.write(`bench ${name} FAILED: ${error.stack ?? error}\n`);
    }
  }
  if (opts.json) {
    console.log(JSON.stringify(rows.map(({ bench, ...f }) => ({ ...f, name: `${bench}: ${f.name}` })), null, 2));
  } else {
    printTable(rows);
    if (failures.length) console.log(`\nfailed: ${failures.join(', ')} (see stderr)`);
  }
  return failures.length ? 1 : 0;
}

const code = await main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  return 1;
});
await cleanupAll();
process.exit(code);
