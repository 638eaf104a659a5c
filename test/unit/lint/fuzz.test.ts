// Mutated corpus files (lines deleted, duplicated, swapped; truncated; bytes
// flipped; stray quotes and backslashes) never make the linter throw, never
// make a rule fail, never take over 100 ms of CPU time, and keep instruction boundaries
// identical to dockerfile-ast's. 20,000 cases when CI is set; fewer locally
// (LINT_FUZZ_CASES overrides). Then generated files that combine what the corpus
// rarely has (ONBUILD with every trigger, heredocs of every shape, `# check=`
// directives, `# hadolint` / `# docker-labs` pragmas, the backtick escape) under
// `.hadolint.yaml` configurations (valid, partial, broken) merged with settings:
// no rule may throw (a throw is a rule error, which the CLI reports), and the
// ShellCheck scripts built from them map every character back into the file.
import * as assert from 'assert';
import { IncrementalLinter, lintText, mergeConfigs, parseHadolintConfig, type LintConfig } from '../../../src/lint';
import { LintFacts } from '../../../src/lint/facts/lintFacts';
import { DockerfileModel } from '../../../src/lint/parse/model';
import { collectScripts } from '../../../src/lint/shellcheck';
import { astShape, corpus, modelShape, mutate, prng } from './helpers';
import { corpusDir, needShared } from '../../support/shared';

const CASES = Number(process.env.LINT_FUZZ_CASES) || (process.env.CI ? 20000 : 1500);
const LIMIT_MS = 100;

/**
 * Cost of one lint: the process's CPU time (user + system) spent in it, best
 * of up to five attempts. CPU time, not wall time, so a busy machine (this
 * one runs editors, browsers and daemons for other tests) that deschedules
 * the process is not blamed on the linter; garbage collection still counts.
 */
function timedLint(text: string): { ms: number; result: ReturnType<typeof lintText> } {
  let best = Infinity;
  let result!: ReturnType<typeof lintText>;
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = process.cpuUsage();
    result = lintText(text);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
    if (best <= LIMIT_MS) break;
  }
  return { ms: best, result };
}

describe('lint fuzz', function () {
  this.timeout(30 * 60 * 1000);

  it(`${CASES} mutated corpus files: no throw, no rule error, no lint over ${LIMIT_MS} ms of CPU, same boundaries as dockerfile-ast`, function () {
    const found = corpus();
    if (!found) needShared(this, corpusDir); // ../shared/corpus/dockerfiles is not checked out here
    const files: { name: string; text: string }[] = found ?? [];
    // Warm the JIT on the unmutated corpus first: the limit is about the linter, not a cold start.
    for (let k = 0; k < 2; k++) for (const f of files) lintText(f.text);
    const random = prng(0x5eed);
    let slowest = 0;
    let slowestName = '';
    for (let i = 0; i < CASES; i++) {
      const { name, text } = files[Math.floor(random() * files.length)];
      const mutated = mutate(text, random);
      const label: string = `case ${i} (${name})`;
      const { ms, result } = timedLint(mutated);
      assert.ok(result.model, label);
      assert.deepStrictEqual(result.ruleErrors, [], label);
      if (ms > slowest) {
        slowest = ms;
        slowestName = label;
      }
      assert.ok(ms <= LIMIT_MS, `${label}: lint took ${ms.toFixed(1)} ms of CPU`);
      if (i % 8 === 0) assert.deepStrictEqual(modelShape(mutated), astShape(mutated), `${label}: boundaries differ from dockerfile-ast`);
      if (i % 50 === 0) {
        // The editor's incremental path on the same mutation agrees with a fresh lint.
        const inc = new IncrementalLinter();
        inc.lint(text);
        assert.deepStrictEqual(inc.lint(mutated).findings, result.findings, `${label}: incremental`);
      }
    }
    this.test!.title += ` (slowest ${slowest.toFixed(1)} ms: ${slowestName})`;
  });
});

const DIRECTIVES = ['# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '# check=skip=JSONArgsRecommended;error=true', '# check=skip=all', '# check=error=true', '# hadolint ignore=DL3008', '# hadolint global ignore=SC2086,DL3059', '# docker-labs ignore=missing-user'];
const PRAGMAS = ['# hadolint ignore=DL3008,SC2086', '# hadolint ignore=', '# hadolint global ignore=all', '# docker-labs ignore=apt-pin', '# hadolint ignore=SC2154 DL3015', '# check=skip=StageNameCasing', '# hadolint shell=powershell', '# shellcheck disable=SC2086'];
const INSTRUCTIONS = [
  'FROM debian:12 AS build',
  'FROM alpine:3.20',
  'FROM build',
  'FROM scratch',
  'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
  'ARG version',
  'ARG lower=1',
  'ENV app_home=/app PATH=$PATH:/x',
  'USER app',
  'WORKDIR /app',
  'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
  'SHELL ["pwsh", "-Command"]',
  'SHELL ["cmd", "/S", "/C"]',
  'SHELL ["/bin/ash", "-c"]',
  'SHELL []',
  'SHELL /bin/sh -c',
  'ONBUILD RUN echo $dir && apt-get install -y curl',
  'ONBUILD RUN ["sh", "-c", "echo $x"]',
  'ONBUILD COPY . /app',
  'ONBUILD ONBUILD RUN ls',
  'ONBUILD FROM debian',
  'ONBUILD MAINTAINER me',
  'ONBUILD',
  'ONBUILD RUN',
  'ONBUILD RUN echo a \\\n  && cd $b',
  'ONBUILD RUN <<EOF\necho $x\nEOF',
  'RUN <<EOF\nset -e\napt-get update\ncp $src /app\nEOF',
  'RUN <<-EOT\n\tcd $x\n\tEOT',
  'RUN cat <<EOF > /etc/app.conf\nhome=$HOME $undefined\nEOF',
  "RUN bash <<'EOF'\n[[ -n $x ]] && echo ok\nEOF",
  'RUN sh -e <<EOF\n[[ x ]]\nEOF',
  'RUN python3 <<EOF\nprint("$x")\nEOF',
  'RUN <<EOF\n#!/bin/bash\n[[ 1 ]] && echo $y\nEOF',
  'RUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF',
  'RUN <<A <<B\necho a\nA\necho $b\nB',
  'RUN <<EOF\necho unterminated',
  'RUN <<',
  'RUN <<"EOF" cat\nx\nEOF',
  'COPY <<EOF /app/x\n$x\nEOF',
  'RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl',
  'RUN --mount=type=secret,id=x \\\n  cat /run/secrets/x',
  'RUN apt-get update && \\\n    # dropped comment\n\n    apt-get install -y $pkgs',
  'RUN echo a `\n  && ls $where',
  'RUN echo "😀" $dir',
  'RUN [ "echo", "exec" ]',
  'RUN ["unterminated',
  'RUN echo $((1+',
  "RUN echo 'open",
  'RUN echo a \\',
  'CMD ["node", "server.js"]',
  'HEALTHCHECK CMD curl -f http://localhost/ || exit 1',
  'COPY --from=build /out /app',
  'EXPOSE 80/tcp',
];
const CONFIGS = [
  '',
  'ignored: [DL3008, SC2086]',
  'ignored: [SC2154, all, JSONArgsRecommended, no-such-rule]',
  'override:\n  error: [DL3059, SC2086]\n  style: [SC2154, missing-user]\n  ignore: [DL3008]',
  'override:\n  loud: [DL3008]',
  'override: [DL3008]',
  'ignored: DL3008',
  'disable-ignore-pragma: true',
  'disable-ignore-pragma: true\nignored: [SC2164]',
  '::: not yaml',
  '- a list',
];
const SETTINGS: Record<string, 'off' | 'error' | 'warning' | 'info' | 'hint'>[] = [{}, { SC2086: 'off' }, { DL3008: 'error', sc2154: 'hint' }, { 'missing-user': 'off', JSONArgsRecommended: 'warning' }];

function generated(random: () => number): { text: string; config: LintConfig } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const lines: string[] = [];
  const directives = Math.floor(random() * 3);
  for (let i = 0; i < directives; i++) lines.push(pick(DIRECTIVES));
  if (random() < 0.8) lines.push(pick(INSTRUCTIONS.slice(0, 5)));
  const count = 1 + Math.floor(random() * 12);
  for (let i = 0; i < count; i++) {
    if (random() < 0.3) lines.push(pick(PRAGMAS));
    let ins = pick(INSTRUCTIONS);
    if (random() < 0.1) ins = ins.toLowerCase();
    lines.push(ins);
  }
  const eol = random() < 0.1 ? '\r\n' : '\n';
  const text = lines.join('\n').split('\n').join(eol) + (random() < 0.8 ? eol : '');
  const config = mergeConfigs(parseHadolintConfig(pick(CONFIGS)).config, { severity: pick(SETTINGS) });
  return { text, config };
}

describe('lint fuzz: ONBUILD, heredocs, pragmas and .hadolint.yaml', function () {
  this.timeout(10 * 60 * 1000);
  const cases = Math.max(500, Math.floor(CASES / 2));

  it(`${cases} generated files: no throw, no rule error, ShellCheck scripts map inside the file`, function () {
    const random = prng(0xd0c4e7);
    for (let i = 0; i < cases; i++) {
      const g = generated(random);
      const text = i % 3 === 2 ? mutate(g.text, random) : g.text;
      const label = `generated case ${i}: ${JSON.stringify(text).slice(0, 400)}`;
      const result = lintText(text, { config: g.config, lang: i % 2 ? 'ko' : 'en' });
      assert.ok(result.model, label);
      assert.deepStrictEqual(
        result.ruleErrors.map((e) => `${e.rule}: ${e.error instanceof Error ? e.error.stack : String(e.error)}`),
        [],
        label,
      );
      for (const f of result.findings) assert.ok(f.range.start.line <= f.range.end.line, `${label}: ${f.rule} range`);
      const model = new DockerfileModel(text);
      for (const s of collectScripts(model, new LintFacts(model))) {
        assert.strictEqual(s.offsets.length, s.text.length - s.headerLength + 1, `${label}: one offset per body character`);
        for (let k = 0; k < s.offsets.length; k++) {
          const o = s.offsets[k];
          assert.ok(o >= 0 && o <= text.length && (k === 0 || o > s.offsets[k - 1]), `${label}: offset ${k} = ${o}`);
          if (k < s.offsets.length - 1) assert.strictEqual(text[o], s.text[s.headerLength + k], `${label}: character ${k}`);
        }
      }
    }
  });
});
