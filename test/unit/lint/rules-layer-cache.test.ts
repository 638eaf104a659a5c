import { ruleCases } from './helpers';

describe('lint rules: layer cache', () => {
  ruleCases('copy-before-install', {
    fires: [
      {
        src: 'FROM node:18-alpine\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD ["node", "app.js"]\n',
        covers: 'COPY . .',
        message: /package\*\.json/,
        fixed: 'FROM node:18-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nCMD ["node", "app.js"]\n',
      },
      {
        src: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY --chown=app . .\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\n',
        fixed: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY --chown=app requirements.txt ./\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\nCOPY --chown=app . .\n',
      },
      // absolute destination: the requirements path maps back to the context
      { src: 'FROM python:3.12-slim\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n', message: /`requirements\.txt`/, fixed: 'FROM python:3.12-slim\nCOPY requirements.txt /app/\nRUN pip install -r /app/requirements.txt\nCOPY . /app\n' },
      { src: 'FROM golang:1.22-alpine\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /app .\n', message: /go\.mod go\.sum/ },
      { src: 'FROM node:18-alpine\nCOPY ./ /app\nWORKDIR /app\nRUN yarn install --frozen-lockfile\n', message: /yarn\.lock/, fix: false },
      // the install RUN also builds: the fix would break the build, so none
      { src: 'FROM node:18-alpine\nCOPY . .\nRUN npm ci && npm run build\n', fix: false },
      { src: 'FROM ruby:3.3-alpine\nCOPY . .\nRUN bundle install\n', message: /Gemfile/ },
      { src: 'FROM php:8.3-fpm-alpine\nCOPY . /var/www\nRUN composer install --no-dev\n', message: /composer\.json/ },
      // ADD of the whole context counts too (no fix: the ADD rule is separate)
      { src: 'FROM node:18-alpine\nADD . .\nRUN npm ci\n', fix: false },
      // in a builder stage too: the cache matters wherever you build
      { src: 'FROM node:18-alpine AS build\nCOPY . .\nRUN npm ci\nFROM nginx:alpine\n', line: 2 },
    ],
    passes: [
      'FROM node:18-alpine\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n',
      // install of named packages does not read the manifest
      'FROM node:18-alpine\nCOPY . .\nRUN npm install -g pm2@5\n',
      'FROM python:3.12-slim\nCOPY . .\nRUN pip install --no-cache-dir flask==3.0.3\n',
      // copy from another stage is not the build context
      'FROM node:18-alpine AS deps\nRUN npm ci\nFROM node:18-alpine\nCOPY --from=deps . .\nRUN npm ci\n',
      // no install after the copy
      'FROM node:18-alpine\nCOPY . .\nCMD ["node", "x"]\n',
      // install in another stage
      'FROM node:18-alpine AS a\nCOPY . .\nFROM node:18-alpine\nRUN npm ci\n',
      // heredoc COPY is not the context
      'FROM node:18-alpine\nCOPY <<EOF /app/x\nhello\nEOF\nRUN npm ci\n',
    ],
  });

  ruleCases('apt-update-alone', {
    fires: [
      {
        src: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl\n',
        covers: 'apt-get update',
        fixed: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n',
      },
      { src: 'FROM ubuntu:22.04\nRUN apt update\nRUN echo hi\n', fix: false },
      { src: 'FROM debian:12-slim\nRUN set -eux; apt-get update\n' },
    ],
    passes: ['FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n', 'FROM debian:12-slim\nRUN apt-get install -y curl\n'],
  });

  ruleCases('apt-lists-cleanup', {
    fires: [
      {
        src: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
        covers: 'apt-get update',
        fixed: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      },
      {
        src: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y curl \\\n && apt-get clean\n',
        fixed: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y curl \\\n && apt-get clean && rm -rf /var/lib/apt/lists/*\n',
      },
      // ends inside an if-block: reported without a fix
      { src: 'FROM debian:12-slim\nRUN if true; then apt-get update; fi\n', fix: false },
      // final stage built on a local stage: the base stage ships
      { src: 'FROM debian:12-slim AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\n', line: 2 },
    ],
    passes: [
      'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      // builder stage does not ship
      'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12-slim\nCOPY --from=build /x /x\n',
      // cache mount keeps the lists out of the layer
      'FROM debian:12-slim\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl\n',
      'FROM debian:12-slim\nRUN apt-get install -y curl\n',
    ],
  });

  ruleCases('apk-no-cache', {
    fires: [
      { src: 'FROM alpine:3.20\nRUN apk add curl\n', covers: 'apk add', fixed: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
      { src: 'FROM alpine:3.20\nRUN apk update && apk add --virtual .deps gcc\n', count: 1 },
    ],
    passes: [
      'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n',
      'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n',
      'FROM alpine:3.20 AS build\nRUN apk add gcc\nFROM alpine:3.20\n',
    ],
  });

  ruleCases('pip-no-cache-dir', {
    fires: [
      { src: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n', covers: 'pip install', fixed: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n' },
      { src: 'FROM python:3.12-slim\nRUN python3 -m pip install flask==3.0.3\n', covers: 'python3 -m pip install' },
      { src: 'FROM python:3.12-slim\nRUN pip3 install --upgrade pip\n' },
    ],
    passes: [
      'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
      'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\n',
      'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
      'FROM python:3.12 AS build\nRUN pip install -r requirements.txt\nFROM python:3.12-slim\n',
      'FROM python:3.12-slim\nRUN pip freeze\n',
    ],
  });

  ruleCases('npm-cache-clean', {
    fires: [{ src: 'FROM node:18-alpine\nRUN npm ci --omit=dev\n', covers: 'npm ci', fixed: 'FROM node:18-alpine\nRUN npm ci --omit=dev && npm cache clean --force\n' }],
    passes: [
      'FROM node:18-alpine\nRUN npm ci --omit=dev && npm cache clean --force\n',
      'FROM node:18-alpine AS deps\nRUN npm ci\nFROM node:18-alpine\n',
      'FROM node:18-alpine\nRUN --mount=type=cache,target=/root/.npm npm ci\n',
      'FROM node:18-alpine\nRUN npm run start\n',
    ],
  });

  ruleCases('yarn-cache-clean', {
    fires: [
      { src: 'FROM node:18-alpine\nRUN yarn install --frozen-lockfile\n', fixed: 'FROM node:18-alpine\nRUN yarn install --frozen-lockfile && yarn cache clean\n' },
      { src: 'FROM node:18-alpine\nRUN yarn\n' },
    ],
    passes: ['FROM node:18-alpine\nRUN yarn install && yarn cache clean\n', 'FROM node:18-alpine\nRUN yarn build\n', 'FROM node:18-alpine AS b\nRUN yarn\nFROM nginx:alpine\n'],
  });

  ruleCases('consecutive-run', {
    fires: [
      {
        src: 'FROM alpine:3.20\nRUN mkdir -p /app/data\nRUN chown nobody /app/data\n',
        line: 3,
        fixed: 'FROM alpine:3.20\nRUN mkdir -p /app/data && \\\n    chown nobody /app/data\n',
      },
      // comments between still count as consecutive; no fix then
      { src: 'FROM alpine:3.20\nRUN echo a\n# note\nRUN echo b\n', fix: false },
      // a cd in the first RUN would leak into the second: no fix
      { src: 'FROM alpine:3.20\nRUN cd /tmp\nRUN ls\n', fix: false },
    ],
    passes: [
      'FROM alpine:3.20\nRUN echo a\nWORKDIR /x\nRUN echo b\n',
      // chained scripts are deliberate
      'FROM alpine:3.20\nRUN a && b && c\nRUN d\n',
      // different mounts
      'FROM alpine:3.20\nRUN --mount=type=cache,target=/x echo a\nRUN echo b\n',
      'FROM alpine:3.20\nRUN echo a\nFROM alpine:3.20\nRUN echo b\n',
    ],
  });

  ruleCases('apt-no-install-recommends', {
    fires: [{ src: 'FROM debian:12-slim\nRUN apt-get install -y curl\n', covers: 'apt-get install', fixed: 'FROM debian:12-slim\nRUN apt-get install --no-install-recommends -y curl\n' }],
    passes: [
      'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl\n',
      'FROM debian:12-slim\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n',
      'FROM debian:12 AS b\nRUN apt-get install -y gcc\nFROM alpine:3.20\n',
    ],
  });
});
