// BuildKit build checks beyond the ones the other tables cover, and how the
// `# check=` directive (file level and above an instruction) steers them.
import * as assert from 'assert';
import { of, run } from './helpers';
import { testRule } from './ruleTester';

describe('lint rules: BuildKit checks', () => {
  testRule('expose-proto-casing', {
    invalid: [
      { name: 'EXPOSE 80/TcP', src: 'FROM alpine:3.20\nEXPOSE 80/TcP\n', messageId: 'exposeProtoCasing', covers: '80/TcP', data: { value: '80/TcP', proto: 'TcP', lower: 'tcp' }, fixed: 'FROM alpine:3.20\nEXPOSE 80/tcp\n' },
      { name: 'only the upper-case one of two', src: 'FROM alpine:3.20\nEXPOSE 53/udp 8080/UDP\n', messageId: 'exposeProtoCasing', count: 1, covers: '8080/UDP' },
      { name: 'ONBUILD EXPOSE', src: 'FROM alpine:3.20\nONBUILD EXPOSE 80/TCP\n', messageId: 'exposeProtoCasing', covers: '80/TCP', fixed: 'FROM alpine:3.20\nONBUILD EXPOSE 80/tcp\n' },
    ],
    valid: [
      { name: 'EXPOSE 80/tcp', src: 'FROM alpine:3.20\nEXPOSE 80/tcp\n' },
      { name: 'EXPOSE 80', src: 'FROM alpine:3.20\nEXPOSE 80\n' },
      { name: 'EXPOSE $PORT/${PROTO}', src: 'FROM alpine:3.20\nARG PROTO=tcp\nEXPOSE 80/${PROTO}\n' },
    ],
  });

  testRule('from-platform-const', {
    invalid: [
      { name: 'FROM --platform=linux/amd64 alpine AS base', src: 'FROM --platform=linux/amd64 alpine:3.20 AS base\n', messageId: 'fromPlatformConst', covers: '--platform=linux/amd64', data: { value: 'linux/amd64' } },
      { name: 'without a stage name', src: 'FROM --platform=linux/arm64 alpine:3.20\n', messageId: 'fromPlatformConst' },
    ],
    valid: [
      { name: 'no --platform', src: 'FROM alpine:3.20 AS base\n' },
      { name: '--platform=$BUILDPLATFORM', src: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n' },
      { name: '--platform=${TARGETOS}/arm64', src: 'FROM --platform=${TARGETOS}/arm64 alpine:3.20\n' },
      { name: 'per-architecture stages named for it', src: 'FROM --platform=linux/amd64 alpine:3.20 AS build_amd64\nFROM --platform=linux/arm64 alpine:3.20 AS build_arm64\nFROM build_${TARGETARCH} AS build\n' },
      { name: 'a stage named for the OS', src: 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS tools-windows\n' },
    ],
  });

  testRule('redundant-target-platform', {
    invalid: [
      { name: '--platform=$TARGETPLATFORM', src: 'FROM --platform=$TARGETPLATFORM alpine:3.20 AS builder\n', messageId: 'redundantTargetPlatform', covers: '--platform=$TARGETPLATFORM', fixed: 'FROM alpine:3.20 AS builder\n' },
      { name: '--platform=${TARGETPLATFORM}', src: 'FROM --platform=${TARGETPLATFORM} alpine:3.20\n', messageId: 'redundantTargetPlatform', data: { value: '${TARGETPLATFORM}' } },
    ],
    valid: [
      { name: '--platform=$BUILDPLATFORM', src: 'FROM --platform=$BUILDPLATFORM alpine:3.20\n' },
      { name: '--platform=$TARGETPLATFORM-ish variable', src: 'ARG TARGETPLATFORM_OVERRIDE=linux/amd64\nFROM --platform=$TARGETPLATFORM_OVERRIDE alpine:3.20 AS amd64\n' },
    ],
  });

  testRule('invalid-default-arg-in-from', {
    invalid: [
      { name: 'ARG TAG without default: busybox:', src: 'ARG TAG\nFROM busybox:${TAG}\n', messageId: 'invalidDefaultArgInFrom', covers: 'busybox:${TAG}', data: { image: 'busybox:${TAG}', expanded: 'busybox:' } },
      { name: 'the whole image from an ARG without default', src: 'ARG BASE\nFROM $BASE\n', messageId: 'invalidDefaultArgInFrom', message: /``/ },
      { name: 'a default that is no image name', src: 'ARG IMAGE="Not An Image"\nFROM ${IMAGE}\n', messageId: 'invalidDefaultArgInFrom' },
    ],
    valid: [
      { name: 'ARG TAG=latest', src: 'ARG TAG=latest\nFROM busybox:${TAG}\n' },
      { name: 'an empty value that still makes a name', src: 'ARG VARIANT\nFROM busybox:stable${VARIANT}\n' },
      { name: '${TAG:-3.14}', src: 'ARG TAG\nFROM alpine:${TAG:-3.14}\n' },
      { name: 'an earlier stage by variable', src: 'ARG FLAVOR=slim\nFROM debian:12-slim AS base-slim\nFROM base-${FLAVOR}\n' },
      { name: 'a platform arg', src: 'ARG X=1\nFROM --platform=linux/amd64 alpine:3.20 AS build_amd64\nFROM build_${TARGETARCH}\n' },
      { name: 'an undeclared arg is undefined-arg-in-from’s', src: 'ARG X=1\nFROM busybox:${TAG}\n' },
    ],
  });

  describe('invalid-definition-description (experimental)', () => {
    const bad = '# a non-descriptive comment\nFROM scratch AS base\n\n# another comment\nARG VERSION=1\n';
    it('is off by default, as in BuildKit', () => {
      assert.deepStrictEqual(of(bad, 'invalid-definition-description'), []);
    });
    it('# check=experimental=InvalidDefinitionDescription turns it on: FROM and ARG, reported on the instruction as BuildKit does', () => {
      const found = of(`# check=experimental=InvalidDefinitionDescription\n${bad}`, 'invalid-definition-description');
      assert.deepStrictEqual(found.map((f) => [f.range.start.line + 1, f.messageId]), [[3, 'invalidDefinitionDescription'], [6, 'invalidDefinitionDescription']]);
      assert.match(found[0].message, /`base`/);
    });
    it('experimental=all turns it on, and wins over skip=all', () => {
      assert.strictEqual(of(`# check=skip=all;experimental=all\n${bad}`, 'invalid-definition-description').length, 2);
    });
    it('a configured severity turns it on', () => {
      assert.strictEqual(of(bad, 'invalid-definition-description', { config: { severity: { InvalidDefinitionDescription: 'warning' } } }).length, 2);
    });
    const on = '# check=experimental=all\n';
    for (const [name, src] of [
      ['comments that describe', '# base is the stage that compiles\nFROM scratch AS base\n# VERSION This is the version number.\nARG VERSION=1\n'],
      ['a blank line in between', '# a non-descriptive comment\n\nFROM scratch AS base\n'],
      ['FROM without a stage name', '# just a comment\nFROM scratch\n'],
      ['one of a multi-name ARG', '# B is the second\nARG A=1 B=2\n'],
      ['a hadolint pragma is no description', '# hadolint ignore=DL3006\nFROM ubuntu AS base\n'],
      ['an empty `#` line right above describes nothing', 'ARG NODE=20\n#\nFROM node:${NODE} AS build\n'],
    ] as const) {
      it(`valid: ${name}`, () => assert.deepStrictEqual(of(on + src, 'invalid-definition-description'), []));
    }
  });

  describe('# check= directive', () => {
    const src = 'FROM alpine:3.20 AS Base\nCMD echo hi\n';
    it('error=true makes BuildKit findings errors, leaves the others', () => {
      const found = run(`# check=error=true\n${src}`);
      const json = found.find((f) => f.rule === 'json-args');
      assert.strictEqual(json?.severity, 'error');
      assert.strictEqual(of(src, 'json-args')[0].severity, 'warning');
      const own = run(`# check=error=true\nFROM alpine:3.20\nRUN apk add curl\n`).find((f) => f.rule === 'apk-no-cache');
      assert.ok(own && own.severity !== 'error' || !own?.buildkit);
    });
    it('error=true yields to a configured severity', () => {
      assert.strictEqual(of(`# check=error=true\n${src}`, 'json-args', { config: { severity: { JSONArgsRecommended: 'info' } } })[0].severity, 'info');
    });
    it('skip=… and error=… combine', () => {
      const found = run(`# check=skip=StageNameCasing;error=true\n${src}`);
      assert.ok(!found.some((f) => f.rule === 'stage-name-casing'));
      assert.strictEqual(found.find((f) => f.rule === 'json-args')?.severity, 'error');
    });
    it('# check=skip=… on the line above an instruction skips it there only', () => {
      const two = 'FROM alpine:3.20\n# check=skip=JSONArgsRecommended\nCMD echo one\nFROM alpine:3.20\nCMD echo two\n';
      assert.deepStrictEqual(of(two, 'json-args').map((f) => f.range.start.line + 1), [5]);
    });
    it('… with other comment lines between it and the instruction', () => {
      assert.deepStrictEqual(of('FROM alpine:3.20\n# check=skip=JSONArgsRecommended\n# why: the shell form is wanted\nCMD echo one\n', 'json-args'), []);
    });
    it('… but not across a blank line, nor for rules BuildKit does not have', () => {
      assert.strictEqual(of('FROM alpine:3.20\n# check=skip=JSONArgsRecommended\n\nCMD echo one\n', 'json-args').length, 1);
      assert.strictEqual(of('FROM alpine:3.20\n# check=skip=all\nRUN apk add curl\n', 'apk-no-cache').length, 1);
    });
  });
});
