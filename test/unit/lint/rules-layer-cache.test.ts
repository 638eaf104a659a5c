import { testRule } from './ruleTester';

describe('lint rules: layer cache', () => {
  testRule('copy-before-install', {
    invalid: [
      {
        name: 'COPY . .',
        src: 'FROM node:18-alpine\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD ["node", "app.js"]\n',
        messageId: 'copyBeforeInstall',
        covers: 'COPY . .',
        message: /package\*\.json/,
        fixed: 'FROM node:18-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nCMD ["node", "app.js"]\n',
      },
      {
        name: 'COPY --chown=app . .',
        src: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY --chown=app . .\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\n',
        messageId: 'copyBeforeInstall',
        fixed: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY --chown=app requirements.txt ./\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\nCOPY --chown=app . .\n',
      },
      { name: 'absolute destination: the requirements path maps back to the context', src: 'FROM python:3.12-slim\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n', messageId: 'copyBeforeInstall', message: /`requirements\.txt`/, fixed: 'FROM python:3.12-slim\nCOPY requirements.txt /app/\nRUN pip install -r /app/requirements.txt\nCOPY . /app\n' },
      { name: 'COPY . . … RUN go build -o /app .', src: 'FROM golang:1.22-alpine\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /app .\n', messageId: 'copyBeforeInstall', message: /go\.mod go\.sum/ },
      { name: 'COPY ./ /app', src: 'FROM node:18-alpine\nCOPY ./ /app\nWORKDIR /app\nRUN yarn install --frozen-lockfile\n', messageId: 'copyBeforeInstall', message: /yarn\.lock/, fix: false },
      { name: 'the install RUN also builds: the fix would break the build, so none', src: 'FROM node:18-alpine\nCOPY . .\nRUN npm ci && npm run build\n', messageId: 'copyBeforeInstall', fix: false },
      { name: 'COPY . . … RUN bundle install', src: 'FROM ruby:3.3-alpine\nCOPY . .\nRUN bundle install\n', messageId: 'copyBeforeInstall', message: /Gemfile/ },
      { name: 'COPY . /var/www', src: 'FROM php:8.3-fpm-alpine\nCOPY . /var/www\nRUN composer install --no-dev\n', messageId: 'copyBeforeInstall', message: /composer\.json/ },
      { name: 'ADD of the whole context counts too (no fix: the ADD rule is separate)', src: 'FROM node:18-alpine\nADD . .\nRUN npm ci\n', messageId: 'copyBeforeInstall', fix: false },
      { name: 'in a builder stage too: the cache matters wherever you build', src: 'FROM node:18-alpine AS build\nCOPY . .\nRUN npm ci\nFROM nginx:alpine\n', messageId: 'copyBeforeInstall', line: 2 },
    ],
    valid: [
      { name: 'COPY package*.json ./', src: 'FROM node:18-alpine\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n' },
      { name: 'install of named packages does not read the manifest', src: 'FROM node:18-alpine\nCOPY . .\nRUN npm install -g pm2@5\n' },
      { name: 'COPY . . (2)', src: 'FROM python:3.12-slim\nCOPY . .\nRUN pip install --no-cache-dir flask==3.0.3\n' },
      { name: 'copy from another stage is not the build context', src: 'FROM node:18-alpine AS deps\nRUN npm ci\nFROM node:18-alpine\nCOPY --from=deps . .\nRUN npm ci\n' },
      { name: 'no install after the copy', src: 'FROM node:18-alpine\nCOPY . .\nCMD ["node", "x"]\n' },
      { name: 'install in another stage', src: 'FROM node:18-alpine AS a\nCOPY . .\nFROM node:18-alpine\nRUN npm ci\n' },
      { name: 'heredoc COPY is not the context', src: 'FROM node:18-alpine\nCOPY <<EOF /app/x\nhello\nEOF\nRUN npm ci\n' },
    ],
  });

  testRule('apt-update-alone', {
    invalid: [
      {
        name: 'RUN apt-get update',
        src: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl\n',
        messageId: 'aptUpdateAlone',
        covers: 'apt-get update',
        fixed: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n',
      },
      { name: 'RUN apt update', src: 'FROM ubuntu:22.04\nRUN apt update\nRUN echo hi\n', messageId: 'aptUpdateAlone', fix: false },
      { name: 'RUN set -eux; apt-get update', src: 'FROM debian:12-slim\nRUN set -eux; apt-get update\n', messageId: 'aptUpdateAlone' },
    ],
    valid: [{ name: 'RUN apt-get update && apt-get install -y curl', src: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n' }, { name: 'RUN apt-get install -y curl', src: 'FROM debian:12-slim\nRUN apt-get install -y curl\n' }],
  });

  testRule('apt-lists-cleanup', {
    invalid: [
      {
        name: 'RUN apt-get update && apt-get install -y --no-install-recommends curl',
        src: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
        messageId: 'aptListsCleanup',
        covers: 'apt-get update',
        fixed: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      },
      {
        name: 'RUN apt-get update \\',
        src: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y curl \\\n && apt-get clean\n',
        messageId: 'aptListsCleanup',
        fixed: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y curl \\\n && apt-get clean && rm -rf /var/lib/apt/lists/*\n',
      },
      { name: 'ends inside an if-block: reported without a fix', src: 'FROM debian:12-slim\nRUN if true; then apt-get update; fi\n', messageId: 'aptListsCleanup', fix: false },
      { name: 'final stage built on a local stage: the base stage ships', src: 'FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\n', messageId: 'aptListsCleanup', line: 2 },
    ],
    valid: [
      { name: 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', src: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' },
      { name: 'builder stage does not ship', src: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12-slim\nCOPY --from=build /x /x\n' },
      { name: 'cache mounts on /var/lib/apt and /var/cache/apt keep the lists out of the layer', src: 'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y curl\n' },
      { name: 'RUN apt-get install -y curl', src: 'FROM debian:12-slim\nRUN apt-get install -y curl\n' },
    ],
  });

  testRule('apk-no-cache', {
    invalid: [
      { name: 'RUN apk add curl', src: 'FROM alpine:3.20\nRUN apk add curl\n', messageId: 'apkNoCache', covers: 'apk add', fixed: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
      { name: 'RUN apk update && apk add --virtual .deps gcc', src: 'FROM alpine:3.20\nRUN apk update && apk add --virtual .deps gcc\n', messageId: 'apkNoCache', count: 1 },
      { name: 'an ONBUILD RUN with a cache mount elsewhere: its flags are read', src: 'FROM alpine:3.20\nONBUILD RUN --mount=type=cache,target=/root/.cache apk add py3-pip\n', messageId: 'apkNoCache', covers: 'apk add' },
      { name: 'an ONBUILD RUN in a builder stage runs in the image built from it', src: 'FROM alpine:3.20 AS toolbox\nONBUILD RUN apk add make\nFROM alpine:3.20\n', messageId: 'apkNoCache' },
    ],
    valid: [
      { name: 'RUN apk add --no-cache curl', src: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
      { name: 'RUN apk add curl && rm -rf /var/cache/apk/*', src: 'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n' },
      { name: 'RUN --mount=type=cache,target=/var/cache/apk apk add curl', src: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' },
      { name: 'ONBUILD RUN with a cache mount on apk’s cache', src: 'FROM alpine:3.20\nONBUILD RUN --mount=type=cache,target=/etc/apk/cache apk add git\n' },
      { name: 'RUN apk add gcc', src: 'FROM alpine:3.20 AS build\nRUN apk add gcc\nFROM alpine:3.20\n' },
    ],
  });

  testRule('pip-no-cache-dir', {
    invalid: [
      { name: 'RUN pip install -r requirements.txt', src: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n', messageId: 'pipNoCacheDir', covers: 'pip install', fixed: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n' },
      { name: 'RUN python3 -m pip install flask==3.0.3', src: 'FROM python:3.12-slim\nRUN python3 -m pip install flask==3.0.3\n', messageId: 'pipNoCacheDir', covers: 'python3 -m pip install' },
      { name: 'RUN pip3 install --upgrade pip', src: 'FROM python:3.12-slim\nRUN pip3 install --upgrade pip\n', messageId: 'pipNoCacheDir' },
    ],
    valid: [
      { name: 'RUN pip install --no-cache-dir -r requirements.txt', src: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n' },
      { name: 'ENV PIP_NO_CACHE_DIR=1', src: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\n' },
      { name: 'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt', src: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n' },
      { name: 'RUN pip install -r requirements.txt (2)', src: 'FROM python:3.12 AS build\nRUN pip install -r requirements.txt\nFROM python:3.12-slim\n' },
      { name: 'RUN pip freeze', src: 'FROM python:3.12-slim\nRUN pip freeze\n' },
    ],
  });

  testRule('npm-cache-clean', {
    invalid: [{ name: 'RUN npm ci --omit=dev', src: 'FROM node:18-alpine\nRUN npm ci --omit=dev\n', messageId: 'npmCacheClean', covers: 'npm ci', fixed: 'FROM node:18-alpine\nRUN npm ci --omit=dev && npm cache clean --force\n' }],
    valid: [
      { name: 'RUN npm ci --omit=dev && npm cache clean --force', src: 'FROM node:18-alpine\nRUN npm ci --omit=dev && npm cache clean --force\n' },
      { name: 'RUN npm ci', src: 'FROM node:18-alpine AS deps\nRUN npm ci\nFROM node:18-alpine\n' },
      { name: 'RUN --mount=type=cache,target=/root/.npm npm ci', src: 'FROM node:18-alpine\nRUN --mount=type=cache,target=/root/.npm npm ci\n' },
      { name: 'RUN npm run start', src: 'FROM node:18-alpine\nRUN npm run start\n' },
    ],
  });

  testRule('yarn-cache-clean', {
    invalid: [
      { name: 'RUN yarn install --frozen-lockfile', src: 'FROM node:18-alpine\nRUN yarn install --frozen-lockfile\n', messageId: 'yarnCacheClean', fixed: 'FROM node:18-alpine\nRUN yarn install --frozen-lockfile && yarn cache clean\n' },
      { name: 'RUN yarn', src: 'FROM node:18-alpine\nRUN yarn\n', messageId: 'yarnCacheClean' },
    ],
    valid: [{ name: 'RUN yarn install && yarn cache clean', src: 'FROM node:18-alpine\nRUN yarn install && yarn cache clean\n' }, { name: 'RUN yarn build', src: 'FROM node:18-alpine\nRUN yarn build\n' }, { name: 'RUN yarn (2)', src: 'FROM node:18-alpine AS b\nRUN yarn\nFROM nginx:alpine\n' }],
  });

  testRule('consecutive-run', {
    invalid: [
      {
        name: 'RUN chown nobody /app/data',
        src: 'FROM alpine:3.20\nRUN mkdir -p /app/data\nRUN chown nobody /app/data\n',
        messageId: 'consecutiveRun',
        line: 3,
        fixed: 'FROM alpine:3.20\nRUN mkdir -p /app/data && \\\n    chown nobody /app/data\n',
      },
      { name: 'comments between still count as consecutive; no fix then', src: 'FROM alpine:3.20\nRUN echo a\n# note\nRUN echo b\n', messageId: 'consecutiveRun', fix: false },
      { name: 'a cd in the first RUN would leak into the second: no fix', src: 'FROM alpine:3.20\nRUN cd /tmp\nRUN ls\n', messageId: 'consecutiveRun', fix: false },
      { name: 'three single-command RUNs after a chained one: the third is reported', src: 'FROM alpine:3.20\nRUN apk update && apk add git\nRUN git --version\nRUN git config --global init.defaultBranch main\n', messageId: 'consecutiveRun', line: 4 },
    ],
    valid: [
      { name: 'RUN echo a', src: 'FROM alpine:3.20\nRUN echo a\nWORKDIR /x\nRUN echo b\n' },
      { name: 'chained scripts are deliberate', src: 'FROM alpine:3.20\nRUN a && b && c\nRUN d\n' },
      { name: 'a RUN of two chained commands next to a single one', src: 'FROM alpine:3.20\nRUN addgroup -S app && adduser -S app -G app\nRUN mkdir /data\n' },
      { name: 'a `;` chain counts as chained too', src: 'FROM alpine:3.20\nRUN touch /a\nRUN set -e; mkdir /b\n' },
      { name: 'different mounts', src: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/x echo a\nRUN echo b\n' },
      { name: 'RUN echo a (2)', src: 'FROM alpine:3.20\nRUN echo a\nFROM alpine:3.20\nRUN echo b\n' },
    ],
  });

  testRule('apt-no-install-recommends', {
    invalid: [{ name: 'RUN apt-get install -y curl', src: 'FROM debian:12-slim\nRUN apt-get install -y curl\n', messageId: 'aptNoInstallRecommends', covers: 'apt-get install', fixed: 'FROM debian:12-slim\nRUN apt-get install --no-install-recommends -y curl\n' }],
    valid: [
      { name: 'RUN apt-get install -y --no-install-recommends curl', src: 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl\n' },
      { name: 'RUN apt-get -o APT::Install-Recommends=false install -y curl', src: 'FROM debian:12-slim\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n' },
      { name: 'RUN apt-get install -y gcc', src: 'FROM debian:12 AS b\nRUN apt-get install -y gcc\nFROM alpine:3.20\n' },
    ],
  });
});
