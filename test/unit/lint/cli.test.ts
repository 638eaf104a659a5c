// `docker-labs lint`, run as a real process: the CLI entry (src/cli/main.ts,
// which dispatches `lint`) bundled the way scripts/build.mjs bundles
// dist/cli.js, into a temporary folder so parallel builds of dist/ do not
// interfere. Formats, exit codes, config discovery, language.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RULES } from '../../../src/lint';
import { repoRoot } from './helpers';


let bundle = '';

function cli(args: string[], options: { env?: Record<string, string>; input?: string; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [bundle, 'lint', ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, DOCKER_LABS_LANG: 'en', ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('docker-labs lint (CLI)', function () {
  this.timeout(60000);
  let dir: string;
  let warnOnly: string;
  let withError: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-cli-'));
    bundle = path.join(dir, 'cli.js');
    await esbuild.build({
      entryPoints: [path.join(repoRoot, 'src', 'cli', 'main.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      logLevel: 'error',
      external: ['vscode', 'cpu-features', '*.node'],
      mainFields: ['module', 'main'],
    });
    warnOnly = path.join(dir, 'Dockerfile');
    fs.writeFileSync(warnOnly, 'FROM node:18\nCOPY . .\nRUN npm ci\nCMD npm start\n');
    withError = path.join(dir, 'errors.Dockerfile');
    fs.writeFileSync(withError, 'FROM alpine:3.20\nWORKDIR app\nUSER 1000\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints file:line:col severity rule message and exits 0 without error-level findings', () => {
    const r = cli([warnOnly]);
    assert.strictEqual(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.includes(`${warnOnly}:1:6 warning small-base-image \`node:18\` is a full-size image. Ship a smaller variant such as \`node:18-alpine\`.`), r.stdout);
    for (const l of lines) assert.match(l, /^.+:\d+:\d+ (error|warning|info|hint) [a-z-]+ .+$/);
  });

  it('exits 1 when any finding is an error', () => {
    const r = cli([warnOnly, withError]);
    assert.strictEqual(r.code, 1);
    assert.match(r.stdout, /errors\.Dockerfile:2:9 error workdir-relative /);
  });

  it('--format json: an array of findings with 1-based positions', () => {
    const r = cli(['--format', 'json', withError]);
    assert.strictEqual(r.code, 1);
    const list = JSON.parse(r.stdout);
    assert.ok(Array.isArray(list));
    const w = list.find((f: { rule: string }) => f.rule === 'workdir-relative');
    assert.deepStrictEqual(w, {
      file: withError,
      rule: 'workdir-relative',
      category: 'correctness',
      severity: 'error',
      line: 2,
      column: 9,
      endLine: 2,
      endColumn: 12,
      message: w.message,
      hadolint: 'DL3000',
    });
    for (const f of list) assert.deepStrictEqual(Object.keys(f).sort(), ['category', 'column', 'endColumn', 'endLine', 'file', 'hadolint', 'line', 'message', 'rule', 'severity']);
  });

  it('--format=sarif: a SARIF 2.1.0 log with the rule catalogue and located results', () => {
    const r = cli(['--format=sarif', warnOnly]);
    assert.strictEqual(r.code, 0);
    const log = JSON.parse(r.stdout);
    assert.strictEqual(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    const run = log.runs[0];
    assert.strictEqual(run.tool.driver.name, 'docker-labs');
    assert.strictEqual(run.tool.driver.rules.length, RULES.length);
    assert.ok(run.results.length > 0);
    for (const res of run.results) {
      assert.strictEqual(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      assert.strictEqual(typeof res.message.text, 'string');
      const region = res.locations[0].physicalLocation.region;
      assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endColumn >= 1);
      assert.strictEqual(res.locations[0].physicalLocation.artifactLocation.uri, warnOnly.split(path.sep).join('/'));
    }
    const fixable = run.results.find((x: { fixes?: unknown[] }) => x.fixes);
    assert.ok(fixable.fixes[0].artifactChanges[0].replacements[0].deletedRegion.startLine >= 1);
  });

  it('exits 2 with a clear message for an unreadable file, still reporting the others', () => {
    const r = cli([path.join(dir, 'missing'), warnOnly]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /missing: cannot read \(no such file\)/);
    assert.match(r.stdout, /small-base-image/);
    assert.match(cli([dir]).stderr, /cannot read \(is a directory\)/);
  });

  it('exits 2 on usage errors', () => {
    assert.strictEqual(cli([]).code, 2);
    const bad = cli(['--format', 'xml', warnOnly]);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /unknown format 'xml'/);
    assert.strictEqual(cli(['--frobnicate', warnOnly]).code, 2);
    assert.strictEqual(cli(['--help']).code, 0);
  });

  it('honours .hadolint.yaml next to the file (or above); --no-config skips it', () => {
    const sub = path.join(dir, 'proj', 'svc');
    fs.mkdirSync(sub, { recursive: true });
    const file = path.join(sub, 'Dockerfile');
    fs.writeFileSync(file, 'FROM alpine:3.20\nWORKDIR app\nUSER 1000\n');
    fs.writeFileSync(path.join(dir, 'proj', '.hadolint.yaml'), 'override:\n  warning: [DL3000]\n');
    const r = cli(['--format', 'json', file]);
    assert.strictEqual(r.code, 0, r.stdout);
    assert.strictEqual(JSON.parse(r.stdout).find((f: { rule: string }) => f.rule === 'workdir-relative').severity, 'warning');
    assert.strictEqual(cli(['--no-config', file]).code, 1);
  });

  it('failure-threshold in .hadolint.yaml sets the exit code; config problems are printed with their position, in the locale', () => {
    const proj = path.join(dir, 'threshold');
    fs.mkdirSync(proj, { recursive: true });
    const file = path.join(proj, 'Dockerfile');
    fs.writeFileSync(file, 'FROM alpine:3.20\nRUN apk add --no-cache curl\nUSER 1000\n');
    assert.strictEqual(cli(['--no-config', file]).code, 0, 'info-level findings only: passes by default');
    fs.writeFileSync(path.join(proj, '.hadolint.yaml'), 'failure-threshold: info\n');
    assert.strictEqual(cli([file]).code, 1, 'fails at info');
    fs.writeFileSync(path.join(proj, '.hadolint.yaml'), 'failure-threshold: error\nsurprise: 1\n');
    const r = cli([file]);
    assert.strictEqual(r.code, 0);
    assert.match(r.stderr, /\.hadolint\.yaml:2:1: unknown key `surprise`/);
    assert.match(cli([file], { env: { DOCKER_LABS_LANG: 'ko' } }).stderr, /\.hadolint\.yaml:2:1: 알 수 없는 키 `surprise`/);
  });

  it('speaks Korean when the locale says so', () => {
    const r = cli([warnOnly], { env: { DOCKER_LABS_LANG: 'ko_KR.UTF-8' } });
    assert.match(r.stdout, /전체 크기 이미지입니다/);
  });

  it('reads standard input as `-`', () => {
    const r = cli(['--format', 'json', '-'], { input: 'FROM alpine:3.20\nWORKDIR app\n' });
    assert.strictEqual(r.code, 1);
    assert.strictEqual(JSON.parse(r.stdout)[0].file, '-');
  });

  it('the build context is the file\'s folder: .dockerignore rules on real folders', () => {
    const app = path.join(dir, 'ctx-app');
    fs.mkdirSync(path.join(app, 'config'), { recursive: true });
    fs.writeFileSync(path.join(app, 'package.json'), '{}\n');
    fs.writeFileSync(path.join(app, 'config', 'app.json'), '{}\n');
    const file = path.join(app, 'Dockerfile');
    fs.writeFileSync(file, 'FROM node:18-alpine\nCOPY config/app.json /app/\nCOPY . /app\n');
    const rules = (r: { stdout: string }) => (JSON.parse(r.stdout) as { rule: string; message: string }[]).filter((f) => /dockerignore|copy-ignored/.test(f.rule));
    let found = rules(cli(['--format', 'json', file]));
    assert.deepStrictEqual(found.map((f) => f.rule), ['dockerignore-missing']);
    fs.writeFileSync(path.join(app, '.dockerignore'), 'node_modules\nconfig\n');
    found = rules(cli(['--format', 'json', file]));
    assert.deepStrictEqual(found.map((f) => f.rule).sort(), ['copy-ignored-file', 'dockerignore-incomplete']);
    assert.match(found.find((f) => f.rule === 'copy-ignored-file')!.message, /`config\/app\.json` is left out of the build context by line 2 of `\.dockerignore` \(`config`\)/);
    // BuildKit's order: `<Dockerfile-name>.dockerignore` beside the Dockerfile wins over the context's.
    fs.writeFileSync(path.join(app, 'Dockerfile.dockerignore'), 'node_modules\n.git\n');
    assert.deepStrictEqual(rules(cli(['--format', 'json', file])), []);
  });

  it('--context DIR sets the context (also for standard input); a missing folder is a usage error', () => {
    const ctx = path.join(dir, 'ctx-other');
    fs.mkdirSync(ctx, { recursive: true });
    fs.writeFileSync(path.join(ctx, '.dockerignore'), 'secret.txt\n');
    const r = cli(['--context', ctx, '-'], { input: 'FROM alpine:3.20\nCOPY secret.txt /\n' });
    assert.match(r.stdout, /copy-ignored-file .*`secret\.txt`/);
    assert.doesNotMatch(cli(['-'], { input: 'FROM alpine:3.20\nCOPY . /\n' }).stdout, /dockerignore-missing/);
    const bad = cli(['--context', path.join(dir, 'nope'), warnOnly]);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--context needs an existing folder/);
  });
});
