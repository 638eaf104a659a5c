import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { applyEdits, findHadolintConfig, ignoreEdit, lintText, loadHadolintConfig, mergeConfigs, parseHadolintConfig } from '../../../src/lint';
import { of, run } from './helpers';

const BAD = 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\nCMD ["curl"]\n';

describe('lint ignore comments', () => {
  it('`# hadolint ignore=DLxxxx` silences that rule on the next instruction only', () => {
    const src = 'FROM debian:12-slim\n# hadolint ignore=DL3008,DL3009\nRUN apt-get update && apt-get install -y curl\nRUN apt-get update && apt-get install -y git\n';
    const pins = of(src, 'apt-pin');
    assert.deepStrictEqual(pins.map((f) => f.range.start.line + 1), [4]);
    assert.deepStrictEqual(of(src, 'apt-lists-cleanup').map((f) => f.range.start.line + 1), [4]);
    assert.strictEqual(of(src, 'apt-no-install-recommends').length, 2, 'other rules still apply');
  });

  it('`# docker-labs ignore=<id>` works with our ids, across comment lines, case-insensitively', () => {
    const src = 'FROM debian:12-slim\n# docker-labs ignore=apt-pin, Apt-No-Install-Recommends\n# why: the archive drops old versions\nRUN apt-get install -y curl\n';
    assert.strictEqual(of(src, 'apt-pin').length, 0);
    assert.strictEqual(of(src, 'apt-no-install-recommends').length, 0);
    assert.strictEqual(of(src, 'apt-get-yes').length, 0);
  });

  it('an ignore on the line before FROM silences stage-level findings reported on FROM', () => {
    assert.strictEqual(of('# docker-labs ignore=missing-user\nFROM alpine:3.20\nCMD ["sh"]\n', 'missing-user').length, 0);
  });

  it('global ignores apply to the whole file', () => {
    const src = '# hadolint global ignore=DL3008\nFROM debian:12-slim\nRUN apt-get install -y curl\nRUN apt-get install -y git\n# docker-labs global ignore=consecutive-run\n';
    assert.strictEqual(of(src, 'apt-pin').length, 0);
    assert.strictEqual(of(src, 'consecutive-run').length, 0);
  });

  it("BuildKit's `# check=skip=` directive skips those checks", () => {
    const src = '# check=skip=JSONArgsRecommended,FromAsCasing\nFROM alpine:3.20 as base\nCMD echo hi\n';
    assert.strictEqual(of(src, 'json-args').length, 0);
    assert.strictEqual(of(src, 'from-as-casing').length, 0);
  });

  it('`disableInlineIgnores` (hadolint disable-ignore-pragma) turns comments off', () => {
    const src = 'FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n';
    assert.strictEqual(of(src, 'apt-pin', { config: { disableInlineIgnores: true } }).length, 1);
  });

  it('ignoreEdit inserts a comment above the instruction, or extends one already there', () => {
    const src = 'FROM debian:12-slim\n  RUN apt-get install \\\n      curl\n';
    const r = lintText(src);
    const pin = r.findings.find((f) => f.rule === 'apt-pin')!;
    const offset = src.indexOf('curl');
    const once = applyEdits(src, [ignoreEdit(r.model!, offset, pin.rule)]);
    assert.strictEqual(once, 'FROM debian:12-slim\n  # docker-labs ignore=apt-pin\n  RUN apt-get install \\\n      curl\n');
    assert.strictEqual(of(once, 'apt-pin').length, 0);
    const r2 = lintText(once);
    const twice = applyEdits(once, [ignoreEdit(r2.model!, once.indexOf('curl'), 'apt-get-yes')]);
    assert.strictEqual(twice, 'FROM debian:12-slim\n  # docker-labs ignore=apt-pin,apt-get-yes\n  RUN apt-get install \\\n      curl\n');
    assert.strictEqual(of(twice, 'apt-get-yes').length, 0);
  });
});

describe('lint configuration', () => {
  it('ignored and severity accept our ids, hadolint ids and BuildKit names', () => {
    const findings = run(BAD, { config: { ignored: ['DL3008'], severity: { 'apt-lists-cleanup': 'error', JSONArgsRecommended: 'off', DL3015: 'hint' } } });
    assert.ok(!findings.some((f) => f.rule === 'apt-pin'));
    assert.strictEqual(findings.find((f) => f.rule === 'apt-lists-cleanup')?.severity, 'error');
    assert.strictEqual(findings.find((f) => f.rule === 'apt-no-install-recommends')?.severity, 'hint');
  });

  it('reads .hadolint.yaml: ignored, override levels (style = hint), disable-ignore-pragma', () => {
    const { config, errors } = parseHadolintConfig('ignored:\n  - DL3008\noverride:\n  error:\n    - DL3015\n  style:\n    - DL3009\ndisable-ignore-pragma: true\n');
    assert.deepStrictEqual(errors, []);
    const findings = run(BAD, { config });
    assert.ok(!findings.some((f) => f.rule === 'apt-pin'));
    assert.strictEqual(findings.find((f) => f.rule === 'apt-no-install-recommends')?.severity, 'error');
    assert.strictEqual(findings.find((f) => f.rule === 'apt-lists-cleanup')?.severity, 'hint');
    assert.strictEqual(config.disableInlineIgnores, true);
  });

  it('reports problems in the config file without throwing', () => {
    assert.match(parseHadolintConfig('ignored: [DL3008\n').errors[0], /invalid YAML/);
    assert.deepStrictEqual(parseHadolintConfig('ignored: DL3008\noverride:\n  fatal: [DL3008]\n').errors.length, 2);
    assert.deepStrictEqual(parseHadolintConfig('').errors, []);
  });

  it('settings merged after .hadolint.yaml win', () => {
    const hadolint = parseHadolintConfig('ignored: [DL3008]\noverride:\n  error: [DL3015]\n').config;
    const merged = mergeConfigs(hadolint, { severity: { 'apt-pin': 'info', 'apt-no-install-recommends': 'off' } });
    const findings = run(BAD, { config: merged });
    assert.strictEqual(findings.find((f) => f.rule === 'apt-pin')?.severity, 'info');
    assert.ok(!findings.some((f) => f.rule === 'apt-no-install-recommends'));
  });

  it('finds .hadolint.yaml / .hadolint.yml next to the file or in a folder above', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-lint-'));
    try {
      const deep = path.join(root, 'a', 'b');
      fs.mkdirSync(deep, { recursive: true });
      fs.writeFileSync(path.join(deep, 'Dockerfile'), BAD);
      assert.strictEqual(findHadolintConfig(deep, root), null);
      fs.writeFileSync(path.join(root, '.hadolint.yml'), 'ignored: [DL3008]\n');
      assert.strictEqual(findHadolintConfig(deep, root), path.join(root, '.hadolint.yml'));
      fs.writeFileSync(path.join(root, 'a', '.hadolint.yaml'), 'ignored: [DL3015]\n');
      const loaded = loadHadolintConfig(path.join(deep, 'Dockerfile'), root);
      assert.strictEqual(loaded?.path, path.join(root, 'a', '.hadolint.yaml'));
      assert.deepStrictEqual(loaded?.config.ignored, ['DL3015']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('lint configuration: the hadolint settings rules read', () => {
  it('reads trustedRegistries (a list or one string), label-schema, strict-labels and failure-threshold', () => {
    const { config, errors } = parseHadolintConfig('trustedRegistries:\n  - docker.io\n  - "*.gcr.io"\nlabel-schema:\n  author: text\n  version: semver\nstrict-labels: true\nfailure-threshold: style\nformat: json\nno-color: true\n');
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(config.trustedRegistries, ['docker.io', '*.gcr.io']);
    assert.deepStrictEqual(config.labelSchema, { author: 'text', version: 'semver' });
    assert.strictEqual(config.strictLabels, true);
    assert.strictEqual(config.failureThreshold, 'hint');
    assert.deepStrictEqual(parseHadolintConfig('trustedRegistries: my.registry:5000\n').config.trustedRegistries, ['my.registry:5000']);
    assert.strictEqual(parseHadolintConfig('failure-threshold: none\n').config.failureThreshold, 'off');
  });

  it('positions each problem at the offending node, in Korean and English, and keeps the valid parts', () => {
    const { config, problems, errors } = parseHadolintConfig('ignored: [DL3008]\nlabel-schema:\n  version: semvr\n  author: text\nstrict-labels: yes please\nfailure-threshold: fatal\ntrustedRegistries: {a: 1}\nsurprise: 1\n');
    assert.deepStrictEqual(config.ignored, ['DL3008']);
    assert.deepStrictEqual(config.labelSchema, { author: 'text' });
    assert.deepStrictEqual(problems.map((p) => [p.line + 1, p.character + 1]), [[3, 12], [5, 16], [6, 20], [7, 20], [8, 1]]);
    assert.match(problems[0].message.en, /unknown type `semvr` for label `version`/);
    assert.match(problems[0].message.ko, /레이블 `version`의 알 수 없는 형식 `semvr`/);
    assert.match(problems[4].message.en, /unknown key `surprise`/);
    assert.match(errors[0], /^3:12: unknown type/);
    for (const p of problems) assert.match(p.message.ko, /[\uac00-\ud7a3]/);
  });

  it('an invalid YAML file is one positioned problem', () => {
    const { problems } = parseHadolintConfig('ignored: [DL3008\n');
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0].message.ko, /YAML 형식이 잘못되었습니다/);
  });

  it('mergeConfigs carries the rule settings, a later config replacing an earlier one', () => {
    const hadolint = parseHadolintConfig('trustedRegistries: [docker.io]\nstrict-labels: true\nlabel-schema:\n  author: text\n').config;
    const merged = mergeConfigs(hadolint, { severity: { 'apt-pin': 'off' } });
    assert.deepStrictEqual(merged.trustedRegistries, ['docker.io']);
    assert.strictEqual(merged.strictLabels, true);
    assert.deepStrictEqual(mergeConfigs(merged, { trustedRegistries: ['ghcr.io'] }).trustedRegistries, ['ghcr.io']);
    assert.strictEqual(of('FROM quay.io/app:1\n', 'trusted-registry', { config: merged }).length, 1);
  });
});
