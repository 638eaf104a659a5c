// Behaviour classes where the linter once judged differently from hadolint or
// BuildKit: ONBUILD triggers, quoting, flags that imply others, cache mounts,
// environment set inside a RUN, order inside a RUN, secret names, inherited
// WORKDIR, manifest-then-install patterns, and the deliberate differences
// (each configurable back to hadolint's judgement with `hadolint-compat`).
import * as assert from 'assert';
import { parseHadolintConfig } from '../../../src/lint/config';
import { RULES } from '../../../src/lint';
import { covered, of } from './helpers';
import { testRule } from './ruleTester';

const COMPAT = { config: { hadolintCompat: true } };

/** Every ecosystem's manifest-then-install, inside a heredoc RUN: the finding names the manifests and the fix copies them first. */
const HEREDOC_INSTALLS = (
  [
    ['JavaScript (npm ci)', 'node:20', 'npm ci', 'npm ci', 'package*.json'],
    ['Python (pip -r)', 'python:3.12-slim', 'pip install --no-cache-dir -r requirements.txt', 'pip install -r', 'requirements.txt'],
    ['Ruby (bundle install)', 'ruby:3.3', 'bundle install', 'bundle install', 'Gemfile Gemfile.lock'],
    ['PHP (composer install)', 'composer:2', 'composer install --no-dev', 'composer install', 'composer.json composer.lock'],
    ['.NET (dotnet restore)', 'mcr.microsoft.com/dotnet/sdk:8.0', 'dotnet restore', 'dotnet restore', '*.csproj'],
    ['Rust (cargo fetch)', 'rust:1.79', 'cargo fetch', 'cargo fetch', 'Cargo.toml Cargo.lock'],
  ] as const
).map(([lang, image, install, label, manifests]) => ({
  name: `${lang} inside a heredoc RUN`,
  src: `FROM ${image}\nWORKDIR /app\nCOPY . .\nRUN <<EOF\nset -e\n${install}\nEOF\n`,
  messageId: 'copyBeforeInstall',
  data: { install: label, manifests },
  fixed: `FROM ${image}\nWORKDIR /app\nCOPY ${manifests} ./\nRUN <<EOF\nset -e\n${install}\nEOF\nCOPY . .\n`,
}));

describe('lint behaviour classes', () => {
  describe('ONBUILD triggers are linted as the instruction they carry', () => {
    it('RUN rules apply to ONBUILD RUN, positioned on the trigger', () => {
      const src = 'FROM debian:12-slim\nONBUILD RUN apt-get install curl\n';
      const [f] = of(src, 'apt-get-yes');
      assert.ok(f, 'apt-get-yes on ONBUILD RUN');
      assert.strictEqual(covered(src, f), 'apt-get install');
      assert.strictEqual(f.range.start.line, 1);
    });
    it('the fix edits the trigger in place', () => {
      const src = 'FROM debian:12-slim\nONBUILD RUN apt-get install curl\n';
      const [f] = of(src, 'apt-get-yes');
      assert.ok(f.fix);
      assert.strictEqual(f.fix.edits[0].range.start.character, 'ONBUILD RUN apt-get install'.length);
    });
    it('instruction rules apply to the trigger: ONBUILD ADD, ONBUILD COPY, ONBUILD ENV', () => {
      assert.strictEqual(of('FROM alpine:3.20\nONBUILD ADD app.js /app/\n', 'add-instead-of-copy').length, 1);
      assert.strictEqual(of('FROM alpine:3.20\nONBUILD COPY a b /app\n', 'copy-dest-slash').length, 1);
      assert.strictEqual(of('FROM alpine:3.20\nONBUILD ENV DB_PASSWORD=x\n', 'secret-in-env').length, 1);
    });
    it('an ignore comment above the ONBUILD silences its trigger', () => {
      assert.deepStrictEqual(of('FROM debian:12-slim\n# hadolint ignore=DL3014\nONBUILD RUN apt-get install curl\n', 'apt-get-yes'), []);
    });
    it('a trigger is not an instruction of this image: ONBUILD RUN is not merged with the next RUN', () => {
      assert.deepStrictEqual(of('FROM alpine:3.20\nONBUILD RUN echo a\nRUN echo b\n', 'consecutive-run'), []);
    });
  });

  testRule('copy-dest-slash', {
    invalid: [{ name: 'COPY a b "dir" (quoted, no slash): fixed inside the quotes', src: 'FROM alpine:3.20\nCOPY a b "dir"\n', messageId: 'copyDestSlash', fixed: 'FROM alpine:3.20\nCOPY a b "dir/"\n' }],
    valid: [{ name: 'COPY a b "dir/"', src: 'FROM alpine:3.20\nCOPY a b "dir/"\n' }, { name: "COPY a b 'dir/'", src: "FROM alpine:3.20\nCOPY a b 'dir/'\n" }],
  });

  testRule('copy-relative-without-workdir', {
    invalid: [{ name: 'COPY a "app/": quoted, still relative', src: 'FROM alpine:3.20\nCOPY a "app/"\n', messageId: 'copyRelativeWithoutWorkdir', data: { dest: 'app/' }, covers: '"app/"' }],
    valid: [
      { name: 'COPY a "/app/": quoted absolute', src: 'FROM alpine:3.20\nCOPY a "/app/"\n' },
      { name: "COPY a 'C:\\app\\' on Windows (escape=`): quoted absolute", src: "# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a 'C:\\app\\'\n" },
      { name: 'COPY to a drive path written with backslashes under the default escape', src: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY tool.exe E:\\tools\\tool.exe\n' },
    ],
  });

  testRule('workdir-relative', {
    invalid: [
      { name: 'FROM an external image: relative still reported', src: 'FROM alpine:3.20 AS base\nFROM base\nWORKDIR app\n', messageId: 'workdirRelative' },
      { name: 'WORKDIR "app" quoted is still relative', src: 'FROM alpine:3.20\nWORKDIR "app"\n', messageId: 'workdirRelative', data: { path: 'app' } },
      { name: 'a backslash path without a drive is still relative', src: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR build\\out\n', messageId: 'workdirRelative' },
    ],
    valid: [
      { name: "WORKDIR 'C:\\' (escape=`)", src: "# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR 'C:\\'\n" },
      { name: 'WORKDIR D:\\build without an escape directive: a drive path all the same', src: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR "D:\\build"\n' },
      { name: 'WORKDIR "/app" quoted', src: 'FROM alpine:3.20\nWORKDIR "/app"\n' },
      { name: "WORKDIR '/app' single-quoted", src: "FROM alpine:3.20\nWORKDIR '/app'\n" },
      { name: 'a stage FROM an earlier stage with an absolute WORKDIR', src: 'FROM alpine:3.20 AS base\nWORKDIR /srv\nFROM base\nWORKDIR app\n' },
      { name: '… through two stages', src: 'FROM alpine:3.20 AS a\nWORKDIR /srv\nFROM a AS b\nRUN true\nFROM b\nWORKDIR data\n' },
    ],
  });

  testRule('apt-get-yes', {
    invalid: [
      { name: 'a single -q does not imply -y', src: 'FROM debian:12-slim\nRUN apt-get -q install curl\n', messageId: 'aptGetYes' },
      { name: 'a single --quiet does not either: the fix adds -y', src: 'FROM debian:12-slim\nRUN apt-get --quiet install curl\n', messageId: 'aptGetYes', fixed: 'FROM debian:12-slim\nRUN apt-get --quiet install -y curl\n' },
    ],
    valid: [
      { name: 'apt-get -q -q install', src: 'FROM debian:12-slim\nRUN apt-get -q -q install curl\n' },
      { name: 'apt-get --quiet --quiet install', src: 'FROM debian:12-slim\nRUN apt-get --quiet --quiet install curl\n' },
      { name: 'apt-get -q=2 install', src: 'FROM debian:12-slim\nRUN apt-get -q=2 install curl\n' },
      { name: 'apt-get -qq install', src: 'FROM debian:12-slim\nRUN apt-get -qq install curl\n' },
      { name: 'apt-get -q --quiet install (the two spellings add up)', src: 'FROM debian:12-slim\nRUN apt-get -q --quiet install curl\n' },
    ],
  });

  testRule('pip-pin', {
    invalid: [
      { name: 'pip install --root-user-action=ignore flask', src: 'FROM python:3.12-slim\nRUN pip install --root-user-action=ignore flask\n', messageId: 'pipPin', covers: 'flask' },
      { name: 'pip install --root-user-action ignore flask: the value is no package', src: 'FROM python:3.12-slim\nRUN pip install --root-user-action ignore flask\n', messageId: 'pipPin', covers: 'flask' },
      { name: 'a VCS URL without a ref', src: 'FROM python:3.12-slim\nRUN pip install git+https://github.com/org/lib.git\n', messageId: 'pipPin' },
      { name: 'a VCS URL over ssh (the user@ is no ref)', src: 'FROM python:3.12-slim\nRUN pip install git+ssh://git@github.com/org/lib.git#egg=lib\n', messageId: 'pipPin' },
    ],
    valid: [
      { name: 'pip install --root-user-action=ignore flask==3.0.0', src: 'FROM python:3.12-slim\nRUN pip install --root-user-action ignore flask==3.0.0\n' },
      { name: 'pip install -c constraints.txt flask', src: 'FROM python:3.12-slim\nRUN pip install -c constraints.txt flask\n' },
      { name: 'pip install --constraint constraints.txt (the value is the file) flask', src: 'FROM python:3.12-slim\nRUN pip install --constraint constraints.txt flask\n' },
      { name: 'a quoted requirement is unquoted before judging', src: 'FROM python:3.12-slim\nRUN pip install "flask==3.0.0"\n' },
      { name: 'pip install --constraint=constraints.txt flask', src: 'FROM python:3.12-slim\nRUN pip install --constraint=constraints.txt flask\n' },
      { name: 'a VCS URL pinned to a commit', src: 'FROM python:3.12-slim\nRUN pip install git+https://github.com/org/lib.git@3f2a1b9#egg=lib\n' },
    ],
  });

  testRule('npm-pin', {
    invalid: [
      { name: 'a package whose name merely contains tar', src: 'FROM node:18-alpine\nRUN npm install -g tarball-extract\n', messageId: 'npmPin' },
      { name: 'a git URL without #<commit> (as DL3016)', src: 'FROM node:18-alpine\nRUN npm install -g git+https://github.com/u/r.git\n', messageId: 'npmPin', covers: 'git+https://github.com/u/r.git' },
      { name: 'a github: shorthand without #<ref>', src: 'FROM node:18-alpine\nRUN npm install -g github:u/r\n', messageId: 'npmPin' },
      { name: 'a package whose name starts with git is a name, not a git URL', src: 'FROM node:18-alpine\nRUN npm install -g gitbook-cli\n', messageId: 'npmPin', covers: 'gitbook-cli' },
    ],
    valid: [
      { name: 'npm install ./pkg.tgz (a path)', src: 'FROM node:18-alpine\nRUN npm install -g ./pkg.tgz\n' },
      { name: 'npm install pkg.tgz', src: 'FROM node:18-alpine\nRUN npm install -g pkg-1.0.0.tgz\n' },
      { name: 'npm install https://…/pkg.tar.gz', src: 'FROM node:18-alpine\nRUN npm install -g https://example.com/pkg-1.0.0.tar.gz\n' },
      { name: 'a git URL pinned to a tag with #', src: 'FROM node:18-alpine\nRUN npm install -g git+https://github.com/u/r.git#v1.2.0\n' },
      { name: 'a git+ssh URL pinned with #semver:', src: 'FROM node:18-alpine\nRUN npm install -g git+ssh://git@github.com:u/r.git#semver:^1.2\n' },
      { name: 'npm install ./pkg.tar.gz', src: 'FROM node:18-alpine\nRUN npm install -g pkg-1.0.0.tar.gz\n' },
      { name: 'npm install pkg.tar', src: 'FROM node:18-alpine\nRUN npm install -g pkg-1.0.0.tar\n' },
      { name: 'npm install pkg.TGZ', src: 'FROM node:18-alpine\nRUN npm install -g pkg-1.0.0.TGZ\n' },
    ],
  });

  testRule('pip-no-cache-dir', {
    invalid: [
      { name: 'export of another variable', src: 'FROM python:3.12-slim\nRUN export PIP_INDEX_URL=https://x && pip install flask==3.0.0\n', messageId: 'pipNoCacheDir' },
      { name: 'a plain shell variable is not in pip’s environment', src: 'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1; pip install flask==3.0.0\n', messageId: 'pipNoCacheDir' },
      { name: 'export after the install', src: 'FROM python:3.12-slim\nRUN pip install flask==3.0.0 && export PIP_NO_CACHE_DIR=1\n', messageId: 'pipNoCacheDir' },
    ],
    valid: [
      { name: 'export PIP_NO_CACHE_DIR=1 && pip install', src: 'FROM python:3.12-slim\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask==3.0.0\n' },
      { name: 'PIP_NO_CACHE_DIR=1 && export PIP_NO_CACHE_DIR', src: 'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1 && export PIP_NO_CACHE_DIR && pip install flask==3.0.0\n' },
      { name: 'ENV PIP_NO_CACHE_DIR=0 still turns pip’s cache off', src: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=0\nRUN pip install flask==3.0.0\n' },
      { name: 'ARG PIP_NO_CACHE_DIR=1 is in the RUN’s environment', src: 'FROM python:3.12-slim\nARG PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.0.0\n' },
      { name: 'a tmpfs mount on pip’s cache', src: 'FROM python:3.12-slim\nRUN --mount=type=tmpfs,target=/root/.cache/pip pip install flask==3.0.0\n' },
    ],
  });

  it('pip-no-cache-dir with hadolint-compat: PIP_NO_CACHE_DIR=0 no longer counts', () => {
    assert.strictEqual(of('FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=0\nRUN pip install flask==3.0.0\n', 'pip-no-cache-dir', COMPAT).length, 1);
    assert.strictEqual(of('FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.0.0\n', 'pip-no-cache-dir', COMPAT).length, 0);
  });

  testRule('apt-lists-cleanup', {
    invalid: [
      { name: 'ONBUILD RUN in a stage that does not ship: it runs in the image built from it', src: 'FROM debian:12-slim AS onbuild-base\nONBUILD RUN apt-get update && apt-get install -y make\nFROM debian:12-slim\nCOPY --from=onbuild-base /etc/os-release /x\n', messageId: 'aptListsCleanup', line: 2 },
      {
        name: 'a cache mount on /var/cache/apt alone leaves the lists: the fix mounts /var/lib/apt too',
        src: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n',
        messageId: 'aptCacheMountIncomplete',
        data: { mounted: '/var/cache/apt', missing: '/var/lib/apt' },
        covers: 'apt-get update',
        fixed: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl\n',
      },
      {
        name: 'a cache mount on /var/lib/apt alone (hadolint DL3009 wants /var/cache/apt as well)',
        src: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl\n',
        messageId: 'aptCacheMountIncomplete',
        data: { mounted: '/var/lib/apt', missing: '/var/cache/apt' },
        fixed: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y curl\n',
      },
      { name: 'a tmpfs mount on /var/lib/apt alone counts like a cache mount: still half', src: 'FROM debian:12-slim\nRUN --mount=type=tmpfs,target=/var/lib/apt/ apt-get update && apt-get install -y curl\n', messageId: 'aptCacheMountIncomplete', data: { mounted: '/var/lib/apt', missing: '/var/cache/apt' } },
      { name: 'a bind mount on both directories keeps nothing out', src: 'FROM debian:12-slim\nRUN --mount=type=bind,target=/var/lib/apt --mount=type=bind,target=/var/cache/apt apt-get update && apt-get install -y curl\n', messageId: 'aptListsCleanup', fix: true },
      { name: 'a cache mount on a sibling directory (/var/lib/aptitude) is not apt’s', src: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/lib/aptitude apt-get update && apt-get install -y curl\n', messageId: 'aptListsCleanup' },
    ],
    valid: [
      { name: 'tmpfs and cache mounts on the two directories, destination spelling', src: 'FROM debian:12-slim\nRUN --mount=type=tmpfs,dst=/var/lib/apt --mount=type=cache,destination=/var/cache/apt/ apt-get update && apt-get install -y curl\n' },
      { name: 'cache mounts on both apt directories', src: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\n' },
      { name: 'a tmpfs mount on the lists', src: 'FROM debian:12-slim\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n' },
    ],
  });

  testRule('yarn-cache-clean', {
    invalid: [{ name: 'yarn cache clean before yarn install: the fix cleans after the install', src: 'FROM node:18-alpine\nRUN yarn cache clean && yarn install\n', messageId: 'yarnCacheClean', fixed: 'FROM node:18-alpine\nRUN yarn cache clean && yarn install && yarn cache clean\n' }, { name: 'yarn cache clean before yarn install leaves the cache', src: 'FROM node:18-alpine\nRUN yarn cache clean && yarn install\n', messageId: 'yarnCacheClean', covers: 'yarn install' }],
    valid: [
      { name: 'yarn install && yarn cache clean', src: 'FROM node:18-alpine\nRUN yarn install && yarn cache clean\n' },
      { name: 'a builder stage that does not ship, under hadolint-compat too (hadolint judges it so)', src: 'FROM node:20 AS deps\nRUN yarn install\nFROM node:20-slim\nCOPY --from=deps /node_modules /app/node_modules\n', config: { hadolintCompat: true } },
      { name: 'a tmpfs mount on yarn’s cache', src: 'FROM node:18-alpine\nRUN --mount=type=tmpfs,target=/usr/local/share/.cache/yarn yarn install\n' },
    ],
  });

  testRule('secret-in-env', {
    invalid: [
      { name: 'ARG a=1 DB_PASSWORD=2: the second of a multi-pair ARG', src: 'FROM alpine:3.20\nARG VERSION=1 DB_PASSWORD=2\n', messageId: 'secretInEnv', covers: 'DB_PASSWORD' },
      { name: 'a name ending in _KEY', src: 'FROM alpine:3.20\nARG SSH_KEY\n', messageId: 'secretInEnv' },
      { name: 'an AUTH word', src: 'FROM alpine:3.20\nENV NPM_AUTH=x\n', messageId: 'secretInEnv' },
      { name: 'an empty value is still the name of a secret (as BuildKit judges)', src: 'FROM alpine:3.20\nENV API_TOKEN=""\n', messageId: 'secretInEnv' },
      { name: 'AWS_ACCESS_KEY_ID', src: 'FROM alpine:3.20\nARG AWS_ACCESS_KEY_ID\n', messageId: 'secretInEnv' },
      { name: 'a lowercase name ending in _key', src: 'FROM alpine:3.20\nARG api_key\n', messageId: 'secretInEnv', covers: 'api_key' },
      { name: 'a name that is only auth', src: 'FROM alpine:3.20\nENV auth=x\n', messageId: 'secretInEnv' },
      { name: 'ARG with an empty value in a multi-pair ARG: both secrets', src: 'FROM alpine:3.20\nARG GITHUB_TOKEN= DB_PASSWORD=""\n', messageId: 'secretInEnv', count: 2, covers: 'GITHUB_TOKEN' },
      { name: 'an ARG before FROM is judged too', src: 'ARG NPM_TOKEN\nFROM alpine:3.20\n', messageId: 'secretInEnv', line: 1 },
      { name: 'AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN', src: 'FROM alpine:3.20\nARG AWS_SECRET_ACCESS_KEY\nARG AWS_SESSION_TOKEN\n', messageId: 'secretInEnv', count: 2 },
    ],
    valid: [
      { name: 'KEY alone, KEYBOARD', src: 'FROM alpine:3.20\nENV KEYBOARD=us\nARG KEY_NAME=x\n' },
      { name: 'AUTH_URL points at a server', src: 'FROM alpine:3.20\nENV AUTH_URL=https://auth.example.com\n' },
      { name: 'PUBLIC_KEY', src: 'FROM alpine:3.20\nENV PUBLIC_KEY=x\n' },
    ],
  });

  testRule('copy-before-install', {
    invalid: [
      { name: 'bun install', src: 'FROM oven/bun:1\nWORKDIR /app\nCOPY . .\nRUN bun install\n', messageId: 'copyBeforeInstall', message: /package\.json bun\.lock\*/ },
      { name: 'uv sync', src: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen\n', messageId: 'copyBeforeInstall', message: /pyproject\.toml uv\.lock/ },
      { name: 'uv pip install -r', src: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv pip install --system -r requirements.txt\n', messageId: 'copyBeforeInstall', message: /requirements\.txt/ },
      { name: 'gradle dependencies', src: 'FROM gradle:8-jdk21\nWORKDIR /app\nCOPY . .\nRUN gradle dependencies --no-daemon\n', messageId: 'copyBeforeInstall', message: /build\.gradle\*/ },
      { name: 'go mod download inside a heredoc RUN', src: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN <<EOF\nset -e\ngo mod download\nEOF\n', messageId: 'copyBeforeInstall', message: /go\.mod go\.sum/ },
      { name: 'poetry install', src: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN poetry install --no-root\n', messageId: 'copyBeforeInstall', message: /pyproject\.toml poetry\.lock/ },
      { name: 'pipenv install', src: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pipenv install --deploy\n', messageId: 'copyBeforeInstall', message: /Pipfile/ },
      { name: 'mvn dependency:go-offline', src: 'FROM maven:3-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn dependency:go-offline\n', messageId: 'copyBeforeInstall', message: /pom\.xml/ },
      { name: 'cargo fetch', src: 'FROM rust:1.79\nWORKDIR /app\nCOPY . .\nRUN cargo fetch\n', messageId: 'copyBeforeInstall', message: /Cargo\.toml Cargo\.lock/ },
      { name: 'bundle install', src: 'FROM ruby:3.3\nWORKDIR /app\nCOPY . .\nRUN bundle install\n', messageId: 'copyBeforeInstall', message: /Gemfile/ },
      { name: 'composer install', src: 'FROM composer:2\nWORKDIR /app\nCOPY . .\nRUN composer install --no-dev\n', messageId: 'copyBeforeInstall', message: /composer\.json/ },
      { name: 'dotnet restore', src: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet restore\n', messageId: 'copyBeforeInstall', message: /\*\.csproj/ },
      ...HEREDOC_INSTALLS,
      { name: 'mvn -B dependency:resolve: the fix copies pom.xml first', src: 'FROM maven:3-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn -B dependency:resolve\n', messageId: 'copyBeforeInstall', fixed: 'FROM maven:3-eclipse-temurin-21\nWORKDIR /app\nCOPY pom.xml ./\nRUN mvn -B dependency:resolve\nCOPY . .\n' },
      { name: './gradlew dependencies: the fix copies the build scripts first', src: 'FROM gradle:8-jdk21\nWORKDIR /app\nCOPY . .\nRUN ./gradlew dependencies --no-daemon\n', messageId: 'copyBeforeInstall', fixed: 'FROM gradle:8-jdk21\nWORKDIR /app\nCOPY build.gradle* settings.gradle* ./\nRUN ./gradlew dependencies --no-daemon\nCOPY . .\n' },
      { name: 'pnpm install', src: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN pnpm install --frozen-lockfile\n', messageId: 'copyBeforeInstall', message: /pnpm-lock\.yaml/ },
    ],
    valid: [
      { name: 'bun add a named package', src: 'FROM oven/bun:1\nWORKDIR /app\nCOPY . .\nRUN bun add zod\n' },
      { name: 'manifests first', src: 'FROM oven/bun:1\nWORKDIR /app\nCOPY package.json bun.lock ./\nRUN bun install\nCOPY . .\n' },
    ],
  });

  describe('deliberate differences from hadolint', () => {
    it('each is documented in meta.differsFromHadolint, in Korean and English, on a rule with a hadolint id', () => {
      const documented = RULES.filter((r) => r.meta.differsFromHadolint);
      assert.deepStrictEqual(documented.map((r) => r.meta.id).sort(), [
        'apk-no-cache',
        'apt-no-install-recommends',
        'copy-context-root',
        'copy-relative-without-workdir',
        'dnf-clean',
        'label-missing',
        'pip-no-cache-dir',
        'pipefail',
        'root-user',
        'yum-clean',
        'zypper-clean',
        'zypper-non-interactive',
      ]);
      for (const r of documented) {
        assert.ok(r.meta.hadolint, r.meta.id);
        assert.match(r.meta.differsFromHadolint!.ko, /[\uac00-\ud7a3]/);
        assert.match(r.meta.differsFromHadolint!.en, /hadolint-compat/);
      }
    });
    for (const [rule, image, run] of [
      ['apk-no-cache', 'alpine:3.20', 'apk add curl=8.9.1-r0'],
      ['apt-no-install-recommends', 'debian:12-slim', 'apt-get install -y curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*'],
      ['dnf-clean', 'fedora:40', 'dnf install -y httpd-2.4.62'],
      ['pip-no-cache-dir', 'python:3.12-slim', 'pip install flask==3.0.0'],
      ['yum-clean', 'centos:7', 'yum install -y httpd-2.4.6'],
      ['zypper-clean', 'opensuse/leap:15.6', 'zypper install -y curl=8.6.0'],
    ] as const) {
      it(`${rule}: a builder stage that does not ship is left alone, judged under hadolint-compat`, () => {
        const src = `FROM ${image} AS build\nRUN ${run}\nFROM scratch\nCOPY --from=build /x /x\n`;
        const shipped = `FROM ${image}\nRUN ${run}\n`;
        assert.strictEqual(of(shipped, rule).length, 1, 'reported in the shipped stage');
        assert.strictEqual(of(src, rule).length, 0);
        const compat = of(src, rule, COMPAT);
        assert.strictEqual(compat.length, 1);
        assert.strictEqual(compat[0].range.start.line, 1);
      });
    }
    it('copy-relative-without-workdir: once per stage, each COPY under hadolint-compat', () => {
      const src = 'FROM node:20-alpine\nCOPY package.json ./\nCOPY . .\n';
      assert.deepStrictEqual(of(src, 'copy-relative-without-workdir').map((f) => f.range.start.line), [1]);
      assert.deepStrictEqual(of(src, 'copy-relative-without-workdir', COMPAT).map((f) => f.range.start.line), [1, 2]);
    });
    it('label-missing: only the final image, every stage under hadolint-compat', () => {
      const labelSchema = { 'org.opencontainers.image.source': 'url' as const };
      const src = 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static\nLABEL org.opencontainers.image.source=https://example.com/app\nCOPY --from=build /app /app\n';
      assert.strictEqual(of(src, 'label-missing', { config: { labelSchema } }).length, 0);
      assert.deepStrictEqual(of(src, 'label-missing', { config: { labelSchema, hadolintCompat: true } }).map((f) => f.range.start.line), [0]);
    });
    it('root-user: a builder stage ending as root is left alone, reported under hadolint-compat', () => {
      const src = 'FROM maven:3.9-eclipse-temurin-21 AS build\nUSER root\nRUN mvn -q package\nFROM eclipse-temurin:21-jre\nUSER 10001\n';
      assert.strictEqual(of(src, 'root-user').length, 0);
      const compat = of(src, 'root-user', COMPAT);
      assert.deepStrictEqual(compat.map((f) => f.range.start.line), [1]);
      assert.strictEqual(compat[0].fix, undefined, 'no fix outside the final stage');
    });
    it('zypper-non-interactive: -n after the subcommand is --name, accepted under hadolint-compat', () => {
      const src = 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper install -n vim=9.1 && zypper clean -a\n';
      assert.strictEqual(of(src, 'zypper-non-interactive').length, 1);
      assert.strictEqual(of(src, 'zypper-non-interactive', COMPAT).length, 0);
      assert.strictEqual(of('FROM opensuse/leap:15.6\nRUN zypper remove --non-interactive vim\n', 'zypper-non-interactive', COMPAT).length, 0);
    });
    it('pipefail: set -o pipefail in the RUN counts, not under hadolint-compat', () => {
      const src = 'FROM debian:12-slim\nRUN set -o pipefail && curl -s https://x | sh\n';
      assert.strictEqual(of(src, 'pipefail').length, 0);
      assert.strictEqual(of(src, 'pipefail', COMPAT).length, 1);
    });
    it('pipefail: a SHELL of sh -o pipefail counts, not under hadolint-compat (bash, zsh, ash only)', () => {
      const src = 'FROM alpine:3.20\nSHELL ["/bin/sh", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://example.com/install.sh | sh\n';
      assert.strictEqual(of(src, 'pipefail').length, 0);
      assert.strictEqual(of(src, 'pipefail', COMPAT).length, 1);
      assert.strictEqual(of(src.replace('/bin/sh', '/bin/ash'), 'pipefail', COMPAT).length, 0);
    });
    it('.hadolint.yaml: hadolint-compat: true', () => {
      assert.deepStrictEqual(parseHadolintConfig('hadolint-compat: true\n'), { config: { hadolintCompat: true }, errors: [], problems: [] });
      assert.deepStrictEqual(parseHadolintConfig('hadolint-compat: 1\n').errors, ['1:18: `hadolint-compat` must be true or false']);
    });
  });
});
