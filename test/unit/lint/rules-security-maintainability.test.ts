import { ruleCases } from './helpers';

describe('lint rules: security and maintainability', () => {
  ruleCases('no-sudo', {
    fires: [{ src: 'FROM debian:12-slim\nRUN sudo apt-get update\n', covers: 'sudo' }, { src: 'FROM debian:12-slim\nRUN set -e; if true; then sudo -u app make; fi\n' }],
    passes: ['FROM debian:12-slim\nUSER root\nRUN apt-get update\n', 'FROM debian:12-slim\nRUN apt-get install -y sudo\n', 'FROM debian:12-slim\nRUN echo sudo\n'],
  });

  ruleCases('secret-in-env', {
    fires: [
      { src: 'FROM alpine:3.20\nENV DB_PASSWORD=secret\n', covers: 'DB_PASSWORD' },
      { src: 'FROM alpine:3.20\nARG GITHUB_TOKEN\n', covers: 'GITHUB_TOKEN' },
      { src: 'FROM alpine:3.20\nENV apiKey=abc\n' },
      { src: 'FROM alpine:3.20\nENV A=1 STRIPE_API_KEY=x\n', covers: 'STRIPE_API_KEY' },
      { src: 'FROM alpine:3.20\nENV AWS_SECRET_ACCESS_KEY x\n' },
    ],
    passes: [
      'FROM alpine:3.20\nENV GPG_KEY=0123ABCD\n',
      'FROM alpine:3.20\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db\n',
      'FROM alpine:3.20\nARG USERNAME=app\n',
      'FROM alpine:3.20\nENV TOKEN_URL=https://auth.example.com/token\n',
      'FROM alpine:3.20\nENV PUBLIC_KEY=abc\n',
      'FROM alpine:3.20\nENV NODE_ENV=production\n',
    ],
  });

  ruleCases('add-instead-of-copy', {
    fires: [
      { src: 'FROM alpine:3.20\nADD . /app\n', covers: 'ADD', fixed: 'FROM alpine:3.20\nCOPY . /app\n' },
      { src: 'from alpine:3.20\nadd app.js /app/\n', fixed: 'from alpine:3.20\ncopy app.js /app/\n' },
      { src: 'FROM alpine:3.20\nADD ["a b.txt", "/x/"]\n' },
      // ADD-only flag: the keyword cannot simply change
      { src: 'FROM alpine:3.20\nADD --checksum=sha256:abc config.json /x\n', fix: false },
    ],
    passes: ['FROM alpine:3.20\nADD app.tar.gz /app\n', 'FROM alpine:3.20\nADD https://example.com/x.bin /x\n', 'FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\n', 'FROM alpine:3.20\nADD $SRC /x\n', 'FROM alpine:3.20\nCOPY . /app\n'],
  });

  ruleCases('apt-pin', {
    fires: [{ src: 'FROM debian:12-slim\nRUN apt-get install -y curl git\n', covers: 'curl git', message: /curl, git/ }],
    passes: ['FROM debian:12-slim\nRUN apt-get install -y curl=7.88.1-10+deb12u5\n', 'FROM debian:12-slim\nRUN apt-get install -y ./pkg.deb\n', 'FROM debian:12-slim\nRUN apt-get install -y $PKGS\n', 'FROM debian:12-slim\nRUN apt-get -o Dpkg::Options::=--force-confnew install -y vim=2:9.0\n'],
  });

  ruleCases('apk-pin', {
    fires: [{ src: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', covers: 'curl' }, { src: 'FROM alpine:3.20\nRUN apk add --virtual .deps gcc=13.2.1-r0 make\n', covers: 'make' }],
    passes: ['FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0 git~=2.45\n', 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps\n', 'FROM alpine:3.20\nRUN apk del curl\n'],
  });

  ruleCases('pip-pin', {
    fires: [{ src: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask requests==2.32.3\n', covers: 'flask' }, { src: 'FROM python:3.12-slim\nRUN pip install "uvicorn[standard]"\n' }],
    passes: ['FROM python:3.12-slim\nRUN pip install -r requirements.txt\n', 'FROM python:3.12-slim\nRUN pip install flask==3.0.3 "django>=5,<6"\n', 'FROM python:3.12-slim\nRUN pip install .\n', 'FROM python:3.12-slim\nRUN pip install ./dist/app-1.0-py3-none-any.whl\n', 'FROM python:3.12-slim\nRUN pip install -e .\n'],
  });

  ruleCases('npm-pin', {
    fires: [{ src: 'FROM node:18-alpine\nRUN npm install -g pm2\n', covers: 'pm2' }, { src: 'FROM node:18-alpine\nRUN npm i @angular/cli\n' }],
    passes: ['FROM node:18-alpine\nRUN npm install -g pm2@5.4.2 @angular/cli@17\n', 'FROM node:18-alpine\nRUN npm ci\n', 'FROM node:18-alpine\nRUN npm install\n', 'FROM node:18-alpine\nRUN npm install ./local-pkg git+https://github.com/x/y.git\n'],
  });

  ruleCases('maintainer-deprecated', {
    fires: [
      { src: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n', covers: 'MAINTAINER', fixed: 'FROM alpine:3.20\nLABEL maintainer="Jane Doe <jane@example.com>"\n' },
      { src: 'FROM alpine:3.20\nMAINTAINER "dev"\n', fixed: 'FROM alpine:3.20\nLABEL maintainer="dev"\n' },
    ],
    passes: ['FROM alpine:3.20\nLABEL maintainer="developer@company.com"\n'],
  });

  ruleCases('instruction-casing', {
    fires: [
      { src: 'FROM alpine:3.20\nrun echo hi\nRUN echo ho\n', covers: 'run', fixed: 'FROM alpine:3.20\nRUN echo hi\nRUN echo ho\n' },
      { src: 'from alpine:3.20\nrun echo hi\nRun echo ho\n', covers: 'Run', fixed: 'from alpine:3.20\nrun echo hi\nrun echo ho\n' },
    ],
    passes: ['FROM alpine:3.20\nRUN echo hi\n', 'from alpine:3.20\nrun echo hi\n'],
  });

  ruleCases('legacy-key-value', {
    fires: [
      { src: 'FROM alpine:3.20\nENV NODE_ENV production\n', covers: 'NODE_ENV production', fixed: 'FROM alpine:3.20\nENV NODE_ENV=production\n' },
      { src: 'FROM alpine:3.20\nENV GREETING hello world\n', fixed: 'FROM alpine:3.20\nENV GREETING="hello world"\n' },
      { src: 'FROM alpine:3.20\nLABEL version 1.0\n', fixed: 'FROM alpine:3.20\nLABEL version=1.0\n' },
      // quotes inside: left to the author
      { src: 'FROM alpine:3.20\nENV MSG say "hi"\n', fix: false },
    ],
    passes: ['FROM alpine:3.20\nENV NODE_ENV=production PORT=3000\n', 'FROM alpine:3.20\nARG VERSION\n', 'FROM alpine:3.20\nLABEL a=b\n'],
  });

  ruleCases('from-as-casing', {
    fires: [
      { src: 'FROM node:14-alpine as build\n', covers: 'as', fixed: 'FROM node:14-alpine AS build\n' },
      { src: 'from node:14-alpine AS build\n', fixed: 'from node:14-alpine as build\n' },
    ],
    passes: ['FROM node:14-alpine AS build\n', 'from node:14-alpine as build\n', 'FROM node:14-alpine\n'],
  });

  ruleCases('stage-name-casing', {
    fires: [
      {
        src: 'FROM node:18-alpine AS Builder\nRUN npm run build\nFROM Builder AS test\nFROM nginx:alpine\nCOPY --from=Builder /app/dist /usr/share/nginx/html\nRUN --mount=type=bind,from=Builder,target=/x ls /x\n',
        covers: 'Builder',
        fixed: 'FROM node:18-alpine AS builder\nRUN npm run build\nFROM builder AS test\nFROM nginx:alpine\nCOPY --from=builder /app/dist /usr/share/nginx/html\nRUN --mount=type=bind,from=builder,target=/x ls /x\n',
      },
    ],
    passes: ['FROM node:18-alpine AS builder\n', 'FROM node:18-alpine\n'],
  });
});
