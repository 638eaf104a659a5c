// The hadolint rules added for parity (issue 12): on-by-default ones, then those
// hadolint ships off (DL1001, DL3057) and those that read `.hadolint.yaml`
// settings (DL3026 trustedRegistries, DL3049–DL3058 label-schema / strict-labels).
import * as assert from 'assert';
import { parseHadolintConfig } from '../../../src/lint';
import { LABEL_VALUE } from '../../../src/lint/facts/labels';
import { of } from './helpers';
import { testRule } from './ruleTester';

const schema = (yaml: string) => {
  const { config, errors } = parseHadolintConfig(yaml);
  assert.deepStrictEqual(errors, []);
  return config;
};

describe('lint rules: hadolint parity', () => {
  testRule('add-for-archive', {
    invalid: [
      { name: 'COPY an archive, then tar -xzf it', src: 'FROM alpine:3.20\nCOPY rootfs.tar.gz /tmp/\nRUN tar -xzf /tmp/rootfs.tar.gz -C / && rm /tmp/rootfs.tar.gz\n', messageId: 'addForArchive', covers: 'rootfs.tar.gz', data: { archive: 'rootfs.tar.gz' }, count: 1 },
      { name: 'old-style tar xf with a .tgz', src: 'FROM alpine:3.20\nCOPY ["app.tgz", "/opt/"]\nRUN tar xf /opt/app.tgz\n', messageId: 'addForArchive', covers: '"app.tgz"' },
      { name: 'copied under a new file name, extracted by that name', src: 'FROM alpine:3.20\nCOPY dist/site-1.4.tgz /tmp/site.tgz\nRUN tar -xzf /tmp/site.tgz -C /srv\n', messageId: 'addForArchive', covers: 'dist/site-1.4.tgz' },
      { name: 'a source written with backslashes, a quoted destination with a space', src: 'FROM busybox:1.36\nCOPY out\\tools.tar "/opt/my tools/tools.tar"\nRUN tar -xf "/opt/my tools/tools.tar"\n', messageId: 'addForArchive' },
    ],
    valid: [
      { name: 'ADD already unpacks it', src: 'FROM alpine:3.20\nADD rootfs.tar.gz /\n' },
      { name: 'an archive copied but never extracted (shipped as is)', src: 'FROM alpine:3.20\nCOPY backup.tar.gz /srv/\n' },
      { name: 'tar creates an archive (-c), not extracts', src: 'FROM alpine:3.20\nCOPY data.tar /tmp/\nRUN tar -cf /tmp/out.tar /tmp/data.tar\n' },
      { name: 'an archive from another stage (ADD cannot take --from)', src: 'FROM alpine:3.20 AS build\nRUN tar -czf /out.tar.gz /etc\nFROM alpine:3.20\nCOPY --from=build /out.tar.gz /tmp/\nRUN tar -xzf /tmp/out.tar.gz\n' },
      { name: 'a file that is not an archive', src: 'FROM alpine:3.20\nCOPY app.js /tmp/\nRUN tar -xf /tmp/other.tar\n' },
      { name: 'two archives into a directory: the name of neither is the destination', src: 'FROM alpine:3.20\nCOPY a.tar b.tar /tmp/c.tar/\nRUN tar -xf /tmp/c.tar\n' },
    ],
  });

  testRule('apt-upgrade', {
    invalid: [
      { name: 'apt-get -y upgrade after update', src: 'FROM debian:12-slim\nRUN apt-get update && apt-get -y upgrade\n', messageId: 'aptUpgrade', covers: 'apt-get -y upgrade', data: { tool: 'apt-get', sub: 'upgrade' } },
      { name: 'dist-upgrade with options, in an ONBUILD trigger', src: 'FROM ubuntu:24.04\nONBUILD RUN apt-get -qq -o Dpkg::Options::=--force-confnew dist-upgrade\n', messageId: 'aptUpgrade', data: { tool: 'apt-get', sub: 'dist-upgrade' } },
    ],
    valid: [
      { name: 'install --only-upgrade of one pinned package', src: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --only-upgrade openssl=3.0.15-1~deb12u1\n' },
      { name: 'upgrade as a package name', src: 'FROM debian:12-slim\nRUN apt-get install -y upgrade-system\n' },
      { name: 'apt (not apt-get) is no-apt’s to report', src: 'FROM debian:12-slim\nRUN apt upgrade -y\n' },
    ],
  });

  testRule('expose-port-range', {
    invalid: [
      { name: 'EXPOSE 80000', src: 'FROM alpine:3.20\nEXPOSE 80000\n', messageId: 'exposePortRange', covers: '80000', data: { port: '80000' } },
      { name: 'the end of a range', src: 'FROM alpine:3.20\nEXPOSE 65000-70000/tcp\n', messageId: 'exposePortRange', data: { port: '70000' } },
      { name: 'one bad port among good ones', src: 'FROM alpine:3.20\nEXPOSE 80 443 99999/udp\n', messageId: 'exposePortRange', count: 1, covers: '99999/udp' },
    ],
    valid: [
      { name: 'EXPOSE 0 and 65535 (the limits)', src: 'FROM alpine:3.20\nEXPOSE 0 65535\n' },
      { name: 'EXPOSE 8000-8010/udp', src: 'FROM alpine:3.20\nEXPOSE 8000-8010/udp\n' },
      { name: 'a variable', src: 'FROM alpine:3.20\nARG PORT=3000\nEXPOSE $PORT\n' },
    ],
  });

  testRule('multiple-healthcheck', {
    invalid: [
      { name: 'two in one stage: the first is ignored', src: 'FROM alpine:3.20\nHEALTHCHECK CMD true\nHEALTHCHECK CMD wget -qO- http://localhost/\n', messageId: 'overridden', line: 2, count: 1, data: { line: 3 }, fixed: 'FROM alpine:3.20\nHEALTHCHECK CMD wget -qO- http://localhost/\n' },
    ],
    valid: [
      { name: 'one per stage', src: 'FROM alpine:3.20 AS a\nHEALTHCHECK CMD true\nFROM alpine:3.20\nHEALTHCHECK CMD true\n' },
      { name: 'a single HEALTHCHECK NONE', src: 'FROM alpine:3.20\nHEALTHCHECK NONE\n' },
    ],
  });

  testRule('from-platform', {
    invalid: [{ name: 'FROM --platform=linux/amd64', src: 'FROM --platform=linux/amd64 node:20-alpine\n', messageId: 'fromPlatform', covers: '--platform=linux/amd64', data: { platform: 'linux/amd64' } }],
    valid: [
      { name: 'no --platform', src: 'FROM node:20-alpine\n' },
      { name: 'cross-compiling with $BUILDPLATFORM', src: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n' },
    ],
  });

  testRule('from-platform-redundant', {
    invalid: [
      { name: '--platform=$TARGETPLATFORM', src: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n', messageId: 'fromPlatformRedundant', covers: '--platform=$TARGETPLATFORM', fixed: 'FROM alpine:3.20\n' },
      { name: '--platform=${TARGETPLATFORM}', src: 'FROM --platform=${TARGETPLATFORM} alpine:3.20 AS run\n', messageId: 'fromPlatformRedundant', data: { platform: '${TARGETPLATFORM}' } },
    ],
    valid: [{ name: '--platform=$BUILDPLATFORM does change something', src: 'FROM --platform=$BUILDPLATFORM golang:1.22\n' }, { name: 'no flag', src: 'FROM alpine:3.20\n' }],
  });

  testRule('env-self-reference', {
    invalid: [
      { name: 'ENV A=1 B=$A', src: 'FROM alpine:3.20\nENV APP_HOME=/app APP_DATA=$APP_HOME/data\n', messageId: 'envSelfReference', covers: '$APP_HOME', data: { name: 'APP_HOME' } },
      { name: '${A} form, across a continuation', src: 'FROM alpine:3.20\nENV A=1 \\\n    B="${A}-x"\n', messageId: 'envSelfReference', line: 3 },
    ],
    valid: [
      { name: 'two ENV instructions', src: 'FROM alpine:3.20\nENV APP_HOME=/app\nENV APP_DATA=$APP_HOME/data\n' },
      { name: 'PATH=$PATH:… extends the earlier value', src: 'FROM alpine:3.20\nENV PATH=/opt/bin:$PATH GOPATH=/go\n' },
      { name: 'defined earlier: the earlier value is used', src: 'FROM alpine:3.20\nENV A=1\nENV A=2 B=$A\n' },
      { name: 'an ARG defined before', src: 'FROM alpine:3.20\nARG V=1\nENV V=2 W=$V\n' },
      { name: 'a reference before the definition in the same ENV', src: 'FROM alpine:3.20\nENV B=$A A=1\n' },
    ],
  });

  testRule('copy-relative-without-workdir', {
    invalid: [
      { name: 'COPY . . without WORKDIR', src: 'FROM node:20-alpine\nCOPY . .\n', messageId: 'copyRelativeWithoutWorkdir', covers: '.', data: { dest: '.' } },
      { name: 'WORKDIR only after the COPY', src: 'FROM node:20-alpine\nCOPY package.json app/\nWORKDIR /app\n', messageId: 'copyRelativeWithoutWorkdir', covers: 'app/' },
      { name: 'once per stage', src: 'FROM node:20-alpine\nCOPY package.json ./\nCOPY . .\n', messageId: 'copyRelativeWithoutWorkdir', count: 1, line: 2 },
      { name: 'the WORKDIR of an unrelated stage does not count', src: 'FROM node:20-alpine AS build\nWORKDIR /src\nFROM nginx:1.27-alpine\nCOPY --from=build /src/dist html/\n', messageId: 'copyRelativeWithoutWorkdir', line: 4 },
    ],
    valid: [
      { name: 'WORKDIR first', src: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\n' },
      { name: 'an absolute destination', src: 'FROM node:20-alpine\nCOPY package.json /app/\n' },
      { name: 'a variable destination', src: 'FROM node:20-alpine\nARG DEST=/app\nCOPY . $DEST\n' },
      { name: 'a stage FROM an earlier stage inherits its WORKDIR', src: 'FROM node:20-alpine AS base\nWORKDIR /app\nFROM base\nCOPY . .\n' },
      { name: 'ADD is not COPY (hadolint checks COPY only)', src: 'FROM alpine:3.20\nADD app.tar.gz opt/\n' },
    ],
  });

  testRule('label-key-invalid', {
    invalid: [
      { name: 'uppercase', src: 'FROM alpine:3.20\nLABEL Version=1.0\n', messageId: 'labelKeyForm', covers: 'Version' },
      { name: 'underscore and double dot', src: 'FROM alpine:3.20\nLABEL org..app=x my_label=y\n', messageId: 'labelKeyForm', count: 2 },
      { name: 'ends with a dash', src: 'FROM alpine:3.20\nLABEL app-=x\n', messageId: 'labelKeyForm' },
      { name: 'begins with a digit', src: 'FROM alpine:3.20\nLABEL 2fa.enabled=true\n', messageId: 'labelKeyForm', covers: '2fa.enabled' },
      { name: 'a `$` that names no ARG or ENV is a bad character', src: 'FROM alpine:3.20\nLABEL price$usd=3\n', messageId: 'labelKeyForm' },
      { name: 'a reserved namespace', src: 'FROM alpine:3.20\nLABEL com.docker.thing=x\n', messageId: 'labelKeyReserved', data: { key: 'com.docker.thing' } },
    ],
    valid: [
      { name: 'OCI keys', src: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=1.0 maintainer="me@example.com"\n' },
      { name: 'a quoted key', src: 'FROM alpine:3.20\nLABEL "com.example.vendor"="ACME"\n' },
      { name: 'a key from a variable', src: 'FROM alpine:3.20\nARG K=x\nLABEL ${K}=1\n' },
      { name: 'a key ending in a digit', src: 'FROM alpine:3.20\nLABEL com.example.v2=yes\n' },
      { name: 'a key from an ENV, unbraced', src: 'FROM alpine:3.20\nENV NS=com.example\nLABEL $NS.tier=web\n' },
    ],
  });

  testRule('onbuild-trigger', {
    invalid: [
      // Moved from instruction-arguments' table, where it was reported without the hadolint id.
      { name: 'ONBUILD FROM alpine', src: 'FROM alpine:3.20\nONBUILD FROM alpine\n', messageId: 'onbuildNotAllowed', message: /not allowed/ },
      { name: 'ONBUILD ONBUILD', src: 'FROM alpine:3.20\nONBUILD ONBUILD RUN true\n', messageId: 'onbuildNotAllowed', data: { trigger: 'ONBUILD' } },
      { name: 'ONBUILD MAINTAINER', src: 'FROM alpine:3.20\nONBUILD MAINTAINER me\n', messageId: 'onbuildNotAllowed', data: { trigger: 'MAINTAINER' } },
    ],
    valid: [{ name: 'ONBUILD COPY', src: 'FROM alpine:3.20\nONBUILD COPY . /app/src\nONBUILD RUN make\n' }],
  });

  testRule('reserved-stage-name', {
    invalid: [{ name: 'answers to DL3063 too', src: '# hadolint ignore=DL3006\nFROM alpine:3.20 AS context\n', messageId: 'reservedStageName', data: { name: 'context' } }],
    valid: [{ name: 'silenced by its hadolint id', src: '# hadolint ignore=DL3063\nFROM alpine:3.20 AS scratch\n' }],
  });

  const dl3066 = { severity: { DL3066: 'info' as const } };
  testRule('user-numeric', {
    invalid: [
      { name: 'USER node', src: 'FROM node:20-alpine\nUSER node\n', messageId: 'userNumeric', covers: 'node', data: { user: 'node' }, config: dl3066 },
      { name: 'name:group', src: 'FROM alpine:3.20\nUSER app:app\n', messageId: 'userNumeric', data: { user: 'app' }, config: dl3066 },
      { name: 'a fragment without FROM is judged as one stage', src: 'USER www-data:www-data\n', messageId: 'userNumeric', data: { user: 'www-data' }, config: dl3066 },
      { name: 'only the last USER of the final stage', src: 'FROM alpine:3.20 AS build\nUSER builder\nFROM alpine:3.20\nUSER root\nRUN true\nUSER app\n', messageId: 'userNumeric', count: 1, line: 6, config: dl3066 },
    ],
    valid: [
      { name: 'off by default (the course teaches USER appuser)', src: 'FROM node:20-alpine\nUSER node\n' },
      { name: 'USER 1000', src: 'FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER 1000\n', config: dl3066 },
      { name: 'USER 1000:1000', src: 'FROM alpine:3.20\nUSER 1000:1000\n', config: dl3066 },
      { name: 'a named user in a build stage only', src: 'FROM node:20 AS build\nUSER node\nFROM gcr.io/distroless/nodejs20\nUSER 65532\n', config: dl3066 },
      { name: 'a variable', src: 'FROM alpine:3.20\nARG UID=1000\nUSER $UID\n', config: dl3066 },
    ],
  });

  testRule('copy-whole-filesystem', {
    invalid: [
      { name: 'COPY --from=build / /', src: 'FROM alpine:3.20 AS build\nRUN true\nFROM scratch\nCOPY --from=build / /\n', messageId: 'copyWholeFilesystem', data: { from: 'build' }, line: 4 },
      { name: 'quoted JSON form', src: 'FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build ["/", "/"]\n', messageId: 'copyWholeFilesystem' },
    ],
    valid: [
      { name: 'one folder', src: 'FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build /app/dist /app/dist\n' },
      { name: 'COPY / / from the build context is not another stage', src: 'FROM scratch\nCOPY / /\n' },
      { name: 'the root into a subfolder', src: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build / /rootfs/\n' },
    ],
  });
});

describe('lint rules: hadolint rules off by default', () => {
  const on = (id: string) => ({ severity: { [id]: 'warning' as const } });

  testRule('inline-ignore-pragma', {
    invalid: [
      { name: 'an inline hadolint ignore, when turned on', src: 'FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n', messageId: 'inlineIgnorePragma', covers: '# hadolint ignore=DL3008', line: 2, config: on('DL1001') },
      { name: 'a global one and a docker-labs one', src: '# hadolint global ignore=DL3006\nFROM debian\n# docker-labs ignore=apt-pin\nRUN apt-get install -y curl\n', messageId: 'inlineIgnorePragma', count: 2, config: schema('override:\n  info: [DL1001]\n') },
    ],
    valid: [
      { name: 'off by default', src: 'FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n' },
      { name: 'an ordinary comment', src: 'FROM debian:12-slim\n# install curl\nRUN true\n', config: on('DL1001') },
    ],
  });

  testRule('healthcheck-missing', {
    invalid: [
      { name: 'no HEALTHCHECK, turned on in .hadolint.yaml', src: 'FROM node:20-alpine\nCMD ["node", "app.js"]\n', messageId: 'healthcheckMissing', line: 1, config: schema('override:\n  warning: [DL3057]\n') },
      { name: 'only a build stage has one', src: 'FROM alpine:3.20 AS build\nHEALTHCHECK CMD true\nFROM alpine:3.20\n', messageId: 'healthcheckMissing', line: 3, config: on('healthcheck-missing') },
    ],
    valid: [
      { name: 'off by default', src: 'FROM node:20-alpine\nCMD ["node", "app.js"]\n' },
      { name: 'the final stage has one', src: 'FROM node:20-alpine\nHEALTHCHECK CMD wget -qO- http://localhost:3000/ || exit 1\n', config: on('DL3057') },
      { name: 'inherited from the stage it is built FROM', src: 'FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base\n', config: on('DL3057') },
    ],
  });

  it('an `ignored` entry keeps an off-by-default rule off even with a severity elsewhere in the list', () => {
    const src = 'FROM node:20-alpine\n';
    assert.strictEqual(of(src, 'healthcheck-missing', { config: { severity: { DL3057: 'info' }, ignored: [] } }).length, 1);
    assert.strictEqual(of(src, 'healthcheck-missing', { config: { ignored: ['DL3057'] } }).length, 0);
  });
});

describe('lint rules: hadolint rules read from .hadolint.yaml', () => {
  const trusted = schema('trustedRegistries:\n  - registry.example.com\n  - "*.gcr.io"\n');

  testRule('trusted-registry', {
    invalid: [
      { name: 'a Docker Hub image when only a mirror is trusted', src: 'FROM node:20-alpine\n', messageId: 'trustedRegistry', covers: 'node:20-alpine', data: { image: 'node:20-alpine', registry: 'docker.io', trusted: '`registry.example.com`, `*.gcr.io`' }, config: trusted },
      { name: 'COPY --from an image', src: 'FROM registry.example.com/base:1\nCOPY --from=ghcr.io/org/tool:1 /bin/tool /bin/\n', messageId: 'trustedRegistry', covers: 'ghcr.io/org/tool:1', config: trusted },
      { name: 'a single registry as a string', src: 'FROM quay.io/app:1\n', messageId: 'trustedRegistry', config: schema('trustedRegistries: docker.io\n') },
    ],
    valid: [
      { name: 'no trustedRegistries: nothing to check', src: 'FROM quay.io/app:1\n' },
      { name: 'a trusted registry and a wildcard subdomain', src: 'FROM registry.example.com/node:20\nFROM eu.gcr.io/distroless/static\n', config: trusted },
      { name: 'docker.io covers images without a registry', src: 'FROM node:20-alpine\n', config: schema('trustedRegistries: [docker.io]\n') },
      { name: 'scratch, stage names and stage indexes', src: 'FROM registry.example.com/go:1 AS build\nFROM build AS test\nFROM scratch\nCOPY --from=build /out /out\nCOPY --from=0 /out /out2\n', config: trusted },
      { name: 'a variable image', src: 'ARG BASE=node:20\nFROM $BASE\n', config: trusted },
    ],
  });

  const labelSchema = schema(
    'label-schema:\n  author: text\n  org.opencontainers.image.source: url\n  org.opencontainers.image.created: rfc3339\n  org.opencontainers.image.licenses: spdx\n  org.opencontainers.image.revision: hash\n  org.opencontainers.image.version: semver\n  maintainer: email\n',
  );
  const full =
    'FROM alpine:3.20\nLABEL author="Kim" org.opencontainers.image.source=https://github.com/org/app org.opencontainers.image.created=2026-03-01T09:00:00Z \\\n  org.opencontainers.image.licenses="MIT OR Apache-2.0" org.opencontainers.image.revision=3f2a9c1 org.opencontainers.image.version=1.4.2 maintainer=team@example.com\n';
  const withLabel = (label: string) => `FROM alpine:3.20\nLABEL ${label}\n`;

  testRule('label-missing', {
    invalid: [
      { name: 'a required label is missing', src: 'FROM alpine:3.20\nLABEL author=Kim\n', messageId: 'labelMissing', config: schema('label-schema:\n  author: text\n  maintainer: email\n'), data: { label: 'maintainer' }, count: 1, line: 1 },
      { name: 'on a build stage only, not the final image', src: 'FROM alpine:3.20 AS build\nLABEL author=Kim\nFROM alpine:3.20\n', messageId: 'labelMissing', line: 3, config: schema('label-schema:\n  author: text\n') },
    ],
    valid: [
      { name: 'all labels present', src: full, config: labelSchema },
      { name: 'no label-schema', src: 'FROM alpine:3.20\n' },
      { name: 'inherited from the stage it is built FROM', src: 'FROM alpine:3.20 AS base\nLABEL author=Kim\nFROM base\n', config: schema('label-schema:\n  author: text\n') },
    ],
  });

  testRule('label-superfluous', {
    invalid: [
      { name: 'a label outside the schema with strict-labels', src: withLabel('author=Kim team=web'), messageId: 'labelSuperfluous', covers: 'team', count: 1, config: schema('strict-labels: true\nlabel-schema:\n  author: text\n') },
      { name: 'strict-labels without a schema: every label', src: withLabel('a=1 b=2'), messageId: 'labelSuperfluous', count: 2, config: schema('strict-labels: true\n') },
    ],
    valid: [
      { name: 'without strict-labels extra labels are fine', src: withLabel('author=Kim team=web'), config: schema('label-schema:\n  author: text\n') },
      { name: 'strict-labels: false', src: withLabel('team=web'), config: schema('strict-labels: false\n') },
    ],
  });

  testRule('label-empty', {
    invalid: [{ name: 'LABEL author=""', src: withLabel('author=""'), messageId: 'labelEmpty', data: { label: 'author' }, config: labelSchema }],
    valid: [{ name: 'an empty label outside the schema', src: withLabel('note=""'), config: labelSchema }, { name: 'no schema', src: withLabel('author=""') }],
  });

  const typed: [string, string, string, string, string][] = [
    ['label-url', 'labelUrl', 'org.opencontainers.image.source', 'github.com/org/app', 'https://github.com/org/app'],
    ['label-time', 'labelRfc3339', 'org.opencontainers.image.created', '2026-03-01', '2026-03-01T09:00:00+09:00'],
    ['label-spdx', 'labelSpdx', 'org.opencontainers.image.licenses', '"Apache 2"', '"(MIT OR Apache-2.0) AND BSD-3-Clause"'],
    ['label-hash', 'labelHash', 'org.opencontainers.image.revision', 'main', '3f2a9c1b7e0d4a5f6c8b9a0e1d2c3b4a5f6e7d8c'],
    ['label-semver', 'labelSemver', 'org.opencontainers.image.version', '1.4', '2.0.0-rc.1+build.5'],
    ['label-email', 'labelEmail', 'maintainer', '"Kim <kim>"', 'kim@example.co.kr'],
  ];
  for (const [id, messageId, key, bad, good] of typed) {
    testRule(id, {
      invalid: [{ name: `${key}=${bad}`, src: withLabel(`${key}=${bad}`), messageId, covers: bad, data: { label: key, value: bad.replace(/"/g, '') }, config: labelSchema }],
      valid: [
        { name: `${key}=${good}`, src: withLabel(`${key}=${good}`), config: labelSchema },
        { name: 'no label-schema', src: withLabel(`${key}=${bad}`) },
        { name: 'an empty value is label-empty’s', src: withLabel(`${key}=""`), config: labelSchema },
        { name: 'typed text in the schema', src: withLabel(`${key}=${bad}`), config: schema(`label-schema:\n  ${key}: text\n`) },
      ],
    });
  }

  it('label value forms: edge cases', () => {
    assert.ok(LABEL_VALUE.url('ftp://example.com/x') && !LABEL_VALUE.url('/relative/path') && !LABEL_VALUE.url('https://'));
    assert.ok(LABEL_VALUE.rfc3339('2026-03-01T09:00:00.123Z') && !LABEL_VALUE.rfc3339('2026-13-01T09:00:00Z'));
    assert.ok(LABEL_VALUE.semver('0.1.0') && !LABEL_VALUE.semver('01.1.0'));
    assert.ok(LABEL_VALUE.hash('abcdef0') && !LABEL_VALUE.hash('abcdef') && !LABEL_VALUE.hash('ABCDEF0'));
    assert.ok(LABEL_VALUE.spdx('GPL-2.0-or-later WITH Classpath-exception-2.0') && LABEL_VALUE.spdx('LicenseRef-internal') && !LABEL_VALUE.spdx('MIT OR') && !LABEL_VALUE.spdx('(MIT'));
    // Identifiers must be on the SPDX list: a well-formed but made-up one is refused.
    assert.ok(LABEL_VALUE.spdx('BSD-2-Clause AND ISC') && !LABEL_VALUE.spdx('Acme-Proprietary-1.0') && !LABEL_VALUE.spdx('MIT OR Apachee-2.0'));
    assert.ok(LABEL_VALUE.email('a.b+c@x.io') && !LABEL_VALUE.email('a@') && !LABEL_VALUE.email('no-at.example.com'));
  });
});
