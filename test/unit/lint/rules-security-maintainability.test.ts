import { testRule } from './ruleTester';

describe('lint rules: security and maintainability', () => {
  testRule('no-sudo', {
    invalid: [{ name: 'RUN sudo apt-get update', src: 'FROM debian:12-slim\nRUN sudo apt-get update\n', messageId: 'noSudo', covers: 'sudo' }, { name: 'RUN set -e; if true; then sudo -u app make; fi', src: 'FROM debian:12-slim\nRUN set -e; if true; then sudo -u app make; fi\n', messageId: 'noSudo' }],
    valid: [{ name: 'USER root', src: 'FROM debian:12-slim\nUSER root\nRUN apt-get update\n' }, { name: 'RUN apt-get install -y sudo', src: 'FROM debian:12-slim\nRUN apt-get install -y sudo\n' }, { name: 'RUN echo sudo', src: 'FROM debian:12-slim\nRUN echo sudo\n' }],
  });

  testRule('secret-in-env', {
    invalid: [
      { name: 'ENV DB_PASSWORD=secret', src: 'FROM alpine:3.20\nENV DB_PASSWORD=secret\n', messageId: 'secretInEnv', covers: 'DB_PASSWORD' },
      { name: 'ARG GITHUB_TOKEN', src: 'FROM alpine:3.20\nARG GITHUB_TOKEN\n', messageId: 'secretInEnv', covers: 'GITHUB_TOKEN' },
      { name: 'ENV apiKey=abc', src: 'FROM alpine:3.20\nENV apiKey=abc\n', messageId: 'secretInEnv' },
      { name: 'ENV A=1 STRIPE_API_KEY=x', src: 'FROM alpine:3.20\nENV A=1 STRIPE_API_KEY=x\n', messageId: 'secretInEnv', covers: 'STRIPE_API_KEY' },
      { name: 'ENV AWS_SECRET_ACCESS_KEY x', src: 'FROM alpine:3.20\nENV AWS_SECRET_ACCESS_KEY x\n', messageId: 'secretInEnv' },
    ],
    valid: [
      { name: 'ENV GPG_KEY=0123ABCD', src: 'FROM alpine:3.20\nENV GPG_KEY=0123ABCD\n' },
      { name: 'ENV POSTGRES_PASSWORD_FILE=/run/secrets/db', src: 'FROM alpine:3.20\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db\n' },
      { name: 'ARG USERNAME=app', src: 'FROM alpine:3.20\nARG USERNAME=app\n' },
      { name: 'ENV TOKEN_URL=https://auth.example.com/token', src: 'FROM alpine:3.20\nENV TOKEN_URL=https://auth.example.com/token\n' },
      { name: 'ENV PUBLIC_KEY=abc', src: 'FROM alpine:3.20\nENV PUBLIC_KEY=abc\n' },
      { name: 'ENV NODE_ENV=production', src: 'FROM alpine:3.20\nENV NODE_ENV=production\n' },
    ],
  });

  testRule('add-instead-of-copy', {
    invalid: [
      { name: 'ADD . /app', src: 'FROM alpine:3.20\nADD . /app\n', messageId: 'addInsteadOfCopy', covers: 'ADD', fixed: 'FROM alpine:3.20\nCOPY . /app\n' },
      { name: 'add app.js /app/', src: 'from alpine:3.20\nadd app.js /app/\n', messageId: 'addInsteadOfCopy', fixed: 'from alpine:3.20\ncopy app.js /app/\n' },
      { name: 'ADD ["a b.txt", "/x/"]', src: 'FROM alpine:3.20\nADD ["a b.txt", "/x/"]\n', messageId: 'addInsteadOfCopy' },
      { name: 'ADD-only flag: the keyword cannot simply change', src: 'FROM alpine:3.20\nADD --checksum=sha256:abc config.json /x\n', messageId: 'addInsteadOfCopy', fix: false },
    ],
    valid: [{ name: 'ADD app.tar.gz /app', src: 'FROM alpine:3.20\nADD app.tar.gz /app\n' }, { name: 'ADD https://example.com/x.bin /x', src: 'FROM alpine:3.20\nADD https://example.com/x.bin /x\n' }, { name: 'ADD git@github.com:moby/buildkit.git /src', src: 'FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\n' }, { name: 'ADD $SRC /x', src: 'FROM alpine:3.20\nADD $SRC /x\n' }, { name: 'COPY . /app', src: 'FROM alpine:3.20\nCOPY . /app\n' }],
  });

  testRule('apt-pin', {
    invalid: [{ name: 'RUN apt-get install -y curl git', src: 'FROM debian:12-slim\nRUN apt-get install -y curl git\n', messageId: 'aptPin', covers: 'curl git', message: /curl, git/ }],
    valid: [{ name: 'RUN apt-get install -y curl=7.88.1-10+deb12u5', src: 'FROM debian:12-slim\nRUN apt-get install -y curl=7.88.1-10+deb12u5\n' }, { name: 'RUN apt-get install -y ./pkg.deb', src: 'FROM debian:12-slim\nRUN apt-get install -y ./pkg.deb\n' }, { name: 'RUN apt-get install -y $PKGS', src: 'FROM debian:12-slim\nRUN apt-get install -y $PKGS\n' }, { name: 'RUN apt-get -o Dpkg::Options::=--force-confnew install -y vim=2:9.0', src: 'FROM debian:12-slim\nRUN apt-get -o Dpkg::Options::=--force-confnew install -y vim=2:9.0\n' }],
  });

  testRule('apk-pin', {
    invalid: [{ name: 'RUN apk add --no-cache curl', src: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', messageId: 'apkPin', covers: 'curl' }, { name: 'RUN apk add --virtual .deps gcc=13.2.1-r0 make', src: 'FROM alpine:3.20\nRUN apk add --virtual .deps gcc=13.2.1-r0 make\n', messageId: 'apkPin', covers: 'make' }],
    valid: [{ name: 'RUN apk add --no-cache curl=8.9.1-r0 git~=2.45', src: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0 git~=2.45\n' }, { name: 'RUN apk add --no-cache --virtual .build-deps', src: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps\n' }, { name: 'RUN apk del curl', src: 'FROM alpine:3.20\nRUN apk del curl\n' }],
  });

  testRule('pip-pin', {
    invalid: [{ name: 'RUN pip install --no-cache-dir flask requests==2.32.3', src: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask requests==2.32.3\n', messageId: 'pipPin', covers: 'flask' }, { name: 'RUN pip install "uvicorn[standard]"', src: 'FROM python:3.12-slim\nRUN pip install "uvicorn[standard]"\n', messageId: 'pipPin' }],
    valid: [{ name: 'RUN pip install -r requirements.txt', src: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n' }, { name: 'RUN pip install flask==3.0.3 "django>=5,<6"', src: 'FROM python:3.12-slim\nRUN pip install flask==3.0.3 "django>=5,<6"\n' }, { name: 'RUN pip install .', src: 'FROM python:3.12-slim\nRUN pip install .\n' }, { name: 'RUN pip install ./dist/app-1.0-py3-none-any.whl', src: 'FROM python:3.12-slim\nRUN pip install ./dist/app-1.0-py3-none-any.whl\n' }, { name: 'RUN pip install -e .', src: 'FROM python:3.12-slim\nRUN pip install -e .\n' }],
  });

  testRule('npm-pin', {
    invalid: [{ name: 'RUN npm install -g pm2', src: 'FROM node:18-alpine\nRUN npm install -g pm2\n', messageId: 'npmPin', covers: 'pm2' }, { name: 'RUN npm i @angular/cli', src: 'FROM node:18-alpine\nRUN npm i @angular/cli\n', messageId: 'npmPin' }],
    valid: [{ name: 'RUN npm install -g pm2@5.4.2 @angular/cli@17', src: 'FROM node:18-alpine\nRUN npm install -g pm2@5.4.2 @angular/cli@17\n' }, { name: 'RUN npm ci', src: 'FROM node:18-alpine\nRUN npm ci\n' }, { name: 'RUN npm install', src: 'FROM node:18-alpine\nRUN npm install\n' }, { name: 'RUN npm install ./local-pkg git+https://github.com/x/y.git#v1.0.0 (a git URL is pinned by #ref, as DL3016)', src: 'FROM node:18-alpine\nRUN npm install ./local-pkg git+https://github.com/x/y.git#v1.0.0\n' }],
  });

  testRule('maintainer-deprecated', {
    invalid: [
      { name: 'MAINTAINER Jane Doe <jane@example.com>', src: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n', messageId: 'maintainerDeprecated', covers: 'MAINTAINER', fixed: 'FROM alpine:3.20\nLABEL maintainer="Jane Doe <jane@example.com>"\n' },
      { name: 'MAINTAINER "dev"', src: 'FROM alpine:3.20\nMAINTAINER "dev"\n', messageId: 'maintainerDeprecated', fixed: 'FROM alpine:3.20\nLABEL maintainer="dev"\n' },
    ],
    valid: [{ name: 'LABEL maintainer="developer@company.com"', src: 'FROM alpine:3.20\nLABEL maintainer="developer@company.com"\n' }],
  });

  testRule('instruction-casing', {
    invalid: [
      { name: 'run echo hi', src: 'FROM alpine:3.20\nrun echo hi\nRUN echo ho\n', messageId: 'instructionCasing', covers: 'run', fixed: 'FROM alpine:3.20\nRUN echo hi\nRUN echo ho\n' },
      { name: 'Run echo ho', src: 'from alpine:3.20\nrun echo hi\nRun echo ho\n', messageId: 'instructionCasing', covers: 'Run', fixed: 'from alpine:3.20\nrun echo hi\nrun echo ho\n' },
    ],
    valid: [{ name: 'RUN echo hi', src: 'FROM alpine:3.20\nRUN echo hi\n' }, { name: 'run echo hi (2)', src: 'from alpine:3.20\nrun echo hi\n' }],
  });

  testRule('legacy-key-value', {
    invalid: [
      { name: 'ENV NODE_ENV production', src: 'FROM alpine:3.20\nENV NODE_ENV production\n', messageId: 'legacyKeyValue', covers: 'NODE_ENV production', fixed: 'FROM alpine:3.20\nENV NODE_ENV=production\n' },
      { name: 'ENV GREETING hello world', src: 'FROM alpine:3.20\nENV GREETING hello world\n', messageId: 'legacyKeyValue', fixed: 'FROM alpine:3.20\nENV GREETING="hello world"\n' },
      { name: 'LABEL version 1.0', src: 'FROM alpine:3.20\nLABEL version 1.0\n', messageId: 'legacyKeyValue', fixed: 'FROM alpine:3.20\nLABEL version=1.0\n' },
      { name: 'quotes inside: left to the author', src: 'FROM alpine:3.20\nENV MSG say "hi"\n', messageId: 'legacyKeyValue', fix: false },
    ],
    valid: [{ name: 'ENV NODE_ENV=production PORT=3000', src: 'FROM alpine:3.20\nENV NODE_ENV=production PORT=3000\n' }, { name: 'ARG VERSION', src: 'FROM alpine:3.20\nARG VERSION\n' }, { name: 'LABEL a=b', src: 'FROM alpine:3.20\nLABEL a=b\n' }],
  });

  testRule('from-as-casing', {
    invalid: [
      { name: 'FROM node:14-alpine as build', src: 'FROM node:14-alpine as build\n', messageId: 'fromAsCasing', covers: 'as', fixed: 'FROM node:14-alpine AS build\n' },
      { name: 'from node:14-alpine AS build', src: 'from node:14-alpine AS build\n', messageId: 'fromAsCasing', fixed: 'from node:14-alpine as build\n' },
    ],
    valid: [{ name: 'FROM node:14-alpine AS build', src: 'FROM node:14-alpine AS build\n' }, { name: 'from node:14-alpine as build', src: 'from node:14-alpine as build\n' }, { name: 'FROM node:14-alpine', src: 'FROM node:14-alpine\n' }],
  });

  testRule('stage-name-casing', {
    invalid: [
      {
        name: 'FROM node:18-alpine AS Builder',
        src: 'FROM node:18-alpine AS Builder\nRUN npm run build\nFROM Builder AS test\nFROM nginx:alpine\nCOPY --from=Builder /app/dist /usr/share/nginx/html\nRUN --mount=type=bind,from=Builder,target=/x ls /x\n',
        messageId: 'stageNameCasing',
        covers: 'Builder',
        fixed: 'FROM node:18-alpine AS builder\nRUN npm run build\nFROM builder AS test\nFROM nginx:alpine\nCOPY --from=builder /app/dist /usr/share/nginx/html\nRUN --mount=type=bind,from=builder,target=/x ls /x\n',
      },
    ],
    valid: [{ name: 'FROM node:18-alpine AS builder', src: 'FROM node:18-alpine AS builder\n' }, { name: 'FROM node:18-alpine', src: 'FROM node:18-alpine\n' }],
  });
});
