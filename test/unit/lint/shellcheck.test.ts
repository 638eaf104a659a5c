// ShellCheck on RUN bodies, with Debian's real `shellcheck`: where each finding
// lands in the Dockerfile (one line, continued lines, the backtick escape,
// heredocs, ONBUILD, a character outside the BMP), which shell decides the
// dialect, hadolint's exports and exclusions, the ignore pragmas and
// .hadolint.yaml, a missing executable, cancellation, and the CLI's output.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runLint } from '../../../src/cli/lint';
import { defineRule, lintText, mergeConfigs, parseHadolintConfig, RULES, ShellCheckRunner, shellcheckDockerfile, type Finding, type LintConfig } from '../../../src/lint';
import { SESSIONS } from '../../../src/lint/course';
import { needShellCheck } from '../../support/shellcheck';

const runner = new ShellCheckRunner();

async function check(text: string, config?: LintConfig): Promise<Finding[]> {
  const outcome = await shellcheckDockerfile(text, runner, { config });
  assert.strictEqual(outcome.status, 'ok', JSON.stringify(outcome));
  return outcome.status === 'ok' ? outcome.findings : [];
}

/** `RULE@line:char-line:char` for each finding (0-based, as the engine gives them). */
function at(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`);
}

/** The text each finding's range covers. */
function covered(text: string, findings: Finding[]): string[] {
  const lines = text.split('\n');
  return findings.map((f) => {
    if (f.range.start.line === f.range.end.line) return lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
    return `${lines[f.range.start.line].slice(f.range.start.character)}…${lines[f.range.end.line].slice(0, f.range.end.character)}`;
  });
}

describe('lint: ShellCheck on RUN bodies', function () {
  this.timeout(30000);
  before(function () {
    needShellCheck(this);
  });

  it('maps a finding on a one-line RUN to its characters, with the SC code, hadolint id and mapped severity', async () => {
    const text = 'FROM debian:12\nRUN echo $dir\n';
    const found = await check(text);
    assert.deepStrictEqual(at(found), ['SC2086@1:9-1:13', 'SC2154@1:9-1:13']);
    assert.deepStrictEqual(covered(text, found), ['$dir', '$dir']);
    const sc2086 = found.find((f) => f.rule === 'SC2086')!;
    assert.strictEqual(sc2086.severity, 'info');
    assert.strictEqual(sc2086.hadolint, 'SC2086');
    assert.match(sc2086.message, /Double quote/);
    assert.strictEqual(found.find((f) => f.rule === 'SC2154')!.severity, 'warning');
  });

  it('maps positions through backslash continuations, blanks after the backslash and dropped comment lines', async () => {
    const text = 'FROM debian:12\nRUN apt-get update && \\  \n    # a comment BuildKit drops\n    cd $target && \\\n\n    cp a   $dest\n';
    const found = await check(text);
    const sc2086 = found.filter((f) => f.rule === 'SC2086');
    assert.deepStrictEqual(at(sc2086), ['SC2086@3:7-3:14', 'SC2086@5:11-5:16']);
    assert.deepStrictEqual(covered(text, sc2086), ['$target', '$dest']);
  });

  it('joins the escape directive’s backtick continuation, where a backslash is the shell’s own', async () => {
    const text = '# escape=`\nFROM debian:12\nRUN echo a\\ b && `\n    ls $where\n';
    const found = await check(text);
    assert.deepStrictEqual(covered(text, found.filter((f) => f.rule === 'SC2086')), ['$where']);
    assert.deepStrictEqual(at(found.filter((f) => f.rule === 'SC2086')), ['SC2086@3:7-3:13']);
  });

  it('checks a bare heredoc body as the script, and a body fed to `bash`/`sh` in that shell', async () => {
    const text = ['FROM debian:12', 'RUN <<EOF', 'set -e', 'cp $src /app', 'EOF', 'RUN bash <<EOF', '[[ -n "$HOME" ]] && echo ok', 'EOF', 'RUN sh <<EOF', '[[ -n "$HOME" ]] && echo ok', 'EOF', ''].join('\n');
    const found = await check(text);
    assert.deepStrictEqual(covered(text, found.filter((f) => f.rule === 'SC2086')), ['$src']);
    assert.deepStrictEqual(at(found.filter((f) => f.rule === 'SC2086')), ['SC2086@3:3-3:7']);
    // [[ ]] is fine in bash (line 6), undefined in POSIX sh (line 9)
    assert.deepStrictEqual(found.filter((f) => f.rule === 'SC3010').map((f) => f.range.start.line), [9]);
  });

  it('reads a heredoc body’s own shebang, and skips a body that is not shell', async () => {
    const text = ['FROM debian:12', 'RUN <<EOF', '#!/bin/bash', '[[ -n "$HOME" ]] && echo $PWD', 'EOF', 'RUN <<EOF', '#!/usr/bin/env python3', 'print("$x")', 'EOF', ''].join('\n');
    const found = await check(text);
    assert.deepStrictEqual(at(found), ['SC2086@3:25-3:29']);
  });

  it('lets SHELL decide the dialect: [[ ]] is flagged under sh, not under bash; pwsh and exec form are skipped', async () => {
    const sh = 'FROM debian:12\nRUN [[ -f /etc/os-release ]] && echo yes\n';
    assert.deepStrictEqual((await check(sh)).map((f) => f.rule), ['SC3010']);
    const bash = 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN [[ -f /etc/os-release ]] && echo yes\n';
    assert.deepStrictEqual(await check(bash), []);
    // The SHELL of the stage a stage builds on carries over (FROM <stage>).
    const inherited = 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nRUN [[ -f /etc/os-release ]] && echo yes\n';
    assert.deepStrictEqual(await check(inherited), []);
    const pwsh = 'FROM debian:12\nSHELL ["pwsh", "-Command"]\nRUN echo $dir\n';
    assert.deepStrictEqual(await check(pwsh), []);
    const exec = 'FROM debian:12\nRUN ["sh", "-c", "echo $dir"]\n';
    assert.deepStrictEqual(await check(exec), []);
  });

  it('exports ARG and ENV names in scope (and the proxy variables), as hadolint does', async () => {
    assert.deepStrictEqual((await check('FROM debian:12\nRUN echo "$version"\n')).map((f) => f.rule), ['SC2154']);
    assert.deepStrictEqual(await check('FROM debian:12\nARG version\nRUN echo "$version" "$http_proxy"\n'), []);
    assert.deepStrictEqual(await check('FROM debian:12\nENV app_home=/app\nRUN echo "$app_home"\n'), []);
    // A new stage starts without the last one's ARG.
    assert.deepStrictEqual((await check('FROM debian:12\nARG version\nFROM debian:12\nRUN echo "$version"\n')).map((f) => f.rule), ['SC2154']);
  });

  it('checks ONBUILD RUN and keeps a character outside the BMP counted as two UTF-16 units', async () => {
    const text = 'FROM debian:12\nONBUILD RUN echo "😀" $dir\nRUN echo "😀😀" $dir\n';
    const found = (await check(text)).filter((f) => f.rule === 'SC2086');
    assert.deepStrictEqual(covered(text, found), ['$dir', '$dir']);
    assert.deepStrictEqual(at(found), ['SC2086@1:22-1:26', 'SC2086@2:16-2:20']);
  });

  it('honours # hadolint ignore= (and docker-labs ignore=) on the line before, and the global form', async () => {
    const text = 'FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $dir\n# docker-labs ignore=SC2154,DL3059\nRUN echo $dir\nRUN echo $dir\n';
    assert.deepStrictEqual(at(await check(text)), ['SC2154@2:9-2:13', 'SC2086@4:9-4:13', 'SC2086@5:9-5:13', 'SC2154@5:9-5:13']);
    const global = '# hadolint global ignore=SC2154\nFROM debian:12\nRUN echo $dir\n';
    assert.deepStrictEqual((await check(global)).map((f) => f.rule), ['SC2086']);
    // disable-ignore-pragma turns the inline form off
    assert.deepStrictEqual((await check(text, { disableInlineIgnores: true })).length, 6);
  });

  it('applies .hadolint.yaml: ignored SC codes, override levels, merged with settings', async () => {
    const text = 'FROM debian:12\nRUN echo $dir\n';
    const yaml = parseHadolintConfig('ignored: [SC2154, DL3059]\noverride:\n  error: [SC2086]\n');
    assert.deepStrictEqual(yaml.errors, []);
    const found = await check(text, yaml.config);
    assert.deepStrictEqual(found.map((f) => `${f.rule}:${f.severity}`), ['SC2086:error']);
    // mergeConfigs keeps the SC codes (settings after the file win)
    const merged = mergeConfigs(yaml.config, { severity: { SC2086: 'off', sc2154: 'hint' } });
    assert.deepStrictEqual((await check(text, merged)).map((f) => `${f.rule}:${f.severity}`), ['SC2154:hint']);
  });

  it('excludes what hadolint excludes (SC2187 for ash, SC1090/SC1091 for source)', async () => {
    const text = 'FROM alpine:3.20\nSHELL ["/bin/ash", "-c"]\nRUN . /etc/profile && . "$HOME/.env" && echo ok\n';
    assert.deepStrictEqual(await check(text), []);
  });

  it('says when the executable cannot be run (a bogus configured path), and the lint carries on', async () => {
    const outcome = await shellcheckDockerfile('FROM debian:12\nRUN echo $dir\n', new ShellCheckRunner({ executable: path.join(os.tmpdir(), 'no-such-shellcheck') }));
    assert.strictEqual(outcome.status, 'unavailable');
    assert.match(outcome.status === 'unavailable' ? outcome.reason : '', /not found/);
  });

  it('is cancelled (the process killed) when the signal aborts', async () => {
    const body = Array.from({ length: 400 }, (_, i) => `RUN echo $v${i} && cd $d${i}`).join('\n');
    const abort = new AbortController();
    const pending = shellcheckDockerfile(`FROM debian:12\n${body}\n`, new ShellCheckRunner(), { signal: abort.signal });
    setTimeout(() => abort.abort(), 5);
    assert.deepStrictEqual(await pending, { status: 'cancelled' });
  });
});

describe('docker-labs lint: ShellCheck and rule errors', function () {
  this.timeout(30000);
  let dir: string;

  function io() {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), readStdin: () => '' } };
  }

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-sc-cli-'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM debian:12\nUSER app\nRUN echo $dir \\\n  && ls $where\n');
    fs.mkdirSync(path.join(dir, 'web'));
    fs.writeFileSync(path.join(dir, 'web', 'Dockerfile'), 'FROM debian:12\nUSER app\nRUN cd $root\n');
    fs.writeFileSync(path.join(dir, 'web', '.hadolint.yaml'), 'ignored: [SC2154]\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints SC findings of several files, batched, at their positions; .hadolint.yaml applies per file', async function () {
    needShellCheck(this);
    const { out, io: fake } = io();
    const code = await runLint(['--format', 'json', path.join(dir, 'Dockerfile'), path.join(dir, 'web', 'Dockerfile')], fake, 'en');
    assert.strictEqual(out.stderr, '');
    const rows = (JSON.parse(out.stdout) as { file: string; rule: string; line: number; column: number; hadolint: string | null }[]).filter((r) => r.rule.startsWith('SC'));
    assert.deepStrictEqual(
      rows.map((r) => `${path.relative(dir, r.file)}:${r.line}:${r.column} ${r.rule}`),
      ['Dockerfile:3:10 SC2086', 'Dockerfile:3:10 SC2154', 'Dockerfile:4:9 SC2086', 'Dockerfile:4:9 SC2154', `${path.join('web', 'Dockerfile')}:3:5 SC2164`, `${path.join('web', 'Dockerfile')}:3:8 SC2086`],
    );
    assert.strictEqual(code, 0);
  });

  it('lists SC codes in the SARIF catalogue with the ShellCheck wiki as help', async function () {
    needShellCheck(this);
    const { out, io: fake } = io();
    await runLint(['--format', 'sarif', path.join(dir, 'web', 'Dockerfile')], fake, 'en');
    const run = (JSON.parse(out.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string; ruleIndex: number }[] }[] }).runs[0];
    const result = run.results.find((r) => r.ruleId === 'SC2086')!;
    assert.ok(result, 'SC2086 in results');
    assert.strictEqual(run.tool.driver.rules[result.ruleIndex].id, 'SC2086');
    assert.strictEqual(run.tool.driver.rules[result.ruleIndex].helpUri, 'https://www.shellcheck.net/wiki/SC2086');
  });

  it('says once on stderr that ShellCheck is missing, and prints the other findings as before', async () => {
    const { out, io: fake } = io();
    const file = path.join(dir, 'Dockerfile');
    const code = await runLint(['--shellcheck', path.join(dir, 'no-such-shellcheck'), file, path.join(dir, 'web', 'Dockerfile')], fake, 'en');
    assert.strictEqual(out.stderr.split('\n').filter(Boolean).length, 1, out.stderr);
    assert.match(out.stderr, /ShellCheck could not be run/);
    assert.doesNotMatch(out.stdout, / SC\d{4} /);
    const { out: plain, io: fake2 } = io();
    await runLint(['--no-shellcheck', file, path.join(dir, 'web', 'Dockerfile')], fake2, 'en');
    assert.strictEqual(out.stdout, plain.stdout);
    assert.strictEqual(plain.stderr, '');
    assert.strictEqual(code, 0);
  });

  const throwing = defineRule({
    meta: {
      id: 'test-throws',
      category: 'correctness',
      severity: 'hint',
      title: { ko: '던지는 규칙', en: 'A throwing rule' },
      docs: { description: { ko: '시험용', en: 'for tests' }, example: 'FROM x' },
      course: { session: SESSIONS.dockerfileBestPractices, section: { ko: '시험', en: 'test' } },
      fixable: false,
      messages: { never: { ko: '없음', en: 'never' } },
    },
    check(ctx) {
      if (ctx.doc.instructions.some((i) => i.keyword === 'RUN')) throw new TypeError('boom in a rule');
    },
  });

  it('records a throwing rule in ruleErrors and keeps the other rules’ findings', () => {
    const text = 'FROM debian:latest\nRUN echo hi\n';
    const result = lintText(text, { rules: [throwing, ...RULES] });
    assert.deepStrictEqual(result.ruleErrors.map((e) => e.rule), ['test-throws']);
    assert.deepStrictEqual(result.findings.map((f) => f.rule), lintText(text).findings.map((f) => f.rule));
  });

  it('turns a rule exception into a rule-error finding in the CLI output and exit code 1', async () => {
    const { out, io: fake } = io();
    const code = await runLint(['--no-shellcheck', '--format', 'json', path.join(dir, 'web', 'Dockerfile')], fake, 'en', { rules: [throwing, ...RULES] });
    const rows = JSON.parse(out.stdout) as { rule: string; severity: string; line: number; message: string }[];
    const error = rows.find((r) => r.rule === 'rule-error');
    assert.ok(error, out.stdout);
    assert.strictEqual(error.severity, 'error');
    assert.match(error.message, /test-throws.*TypeError: boom in a rule/);
    assert.ok(rows.some((r) => r.rule !== 'rule-error'), 'the other findings are still there');
    assert.strictEqual(code, 1);
    // …and in Korean
    const ko = io();
    await runLint(['--no-shellcheck', path.join(dir, 'web', 'Dockerfile')], ko.io, 'ko', { rules: [throwing] });
    assert.match(ko.out.stdout, /rule-error 규칙 test-throws/);
  });
});
