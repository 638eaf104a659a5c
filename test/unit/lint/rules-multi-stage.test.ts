import { ruleCases } from './helpers';

describe('lint rules: multi-stage', () => {
  ruleCases('build-in-final-stage', {
    fires: [
      { src: 'FROM node:18-alpine\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n', covers: 'npm run build', message: /npm run build/ },
      { src: 'FROM golang:1.22-alpine\nCOPY . .\nRUN go build -o /app .\n', covers: 'go build -o /app .' },
      { src: 'FROM maven:3.9-eclipse-temurin-21\nCOPY . .\nRUN mvn -B package\n', message: /mvn package/ },
      { src: 'FROM gcc:13\nCOPY main.c .\nRUN gcc -O2 -o app main.c\n', covers: 'gcc -O2 -o app main.c' },
      { src: 'FROM node:18-alpine\nRUN yarn build:prod\n', message: /yarn build:prod/ },
      // one finding per stage
      { src: 'FROM rust:1.80\nRUN cargo build --release\nRUN make\n', count: 1 },
      // the final stage builds on a local stage that builds: that stage ships
      { src: 'FROM node:18-alpine AS base\nRUN npm run build\nFROM base\nCMD ["node", "x"]\n', line: 2 },
      // commands in a heredoc script count
      { src: 'FROM golang:1.22-alpine\nRUN <<EOF\ngo build -o /app .\nEOF\n', covers: 'go build -o /app .' },
    ],
    passes: [
      // the course's multi-stage example
      'FROM node:18-alpine AS builder\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nRUN npm run build\n\nFROM nginx:alpine\nCOPY --from=builder /app/dist /usr/share/nginx/html\n',
      // install + build + remove the toolchain in one RUN leaves no tools behind
      'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc make && make && apk del .build-deps\n',
      'FROM node:18-alpine\nRUN npm run start\n',
      'FROM golang:1.22-alpine\nRUN go version\n',
      'FROM eclipse-temurin:21\nRUN javac -version\n',
    ],
  });

  ruleCases('toolchain-in-final-stage', {
    fires: [
      { src: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y build-essential curl\n', message: /build-essential/, covers: 'apt-get install -y build-essential curl' },
      { src: 'FROM alpine:3.20\nRUN apk add --no-cache gcc musl-dev make\n', message: /gcc, make/ },
      { src: 'FROM rockylinux:9\nRUN dnf install -y gcc-c++\n', message: /gcc-c\+\+/ },
      { src: 'FROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends gcc=4:12.2.0-3\n', message: /gcc/ },
    ],
    passes: [
      'FROM debian:12 AS build\nRUN apt-get install -y build-essential\nFROM debian:12-slim\nCOPY --from=build /out /out\n',
      'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc && pip install x && apk del .build-deps\n',
      'FROM debian:12-slim\nRUN apt-get install -y gcc && make && apt-get purge -y --auto-remove gcc\n',
      'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    ],
  });

  ruleCases('copy-from-unknown-stage', {
    fires: [
      { src: 'FROM node:18-alpine AS build\nFROM nginx:alpine\nCOPY --from=buld /app /app\n', covers: 'buld' },
      // defined after the copy
      { src: 'FROM nginx:alpine\nCOPY --from=build /app /app\nFROM node:18-alpine AS build\n', message: /after/ },
      // numeric index that does not exist before
      { src: 'FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=5 /x /x\n', message: /stage 5/ },
    ],
    passes: [
      'FROM node:18-alpine AS build\nFROM nginx:alpine\nCOPY --from=build /app /app\n',
      // stage names are case-insensitive
      'FROM node:18-alpine AS Build\nFROM nginx:alpine\nCOPY --from=build /app /app\n',
      'FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=0 /x /x\n',
      // an image reference
      'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /x\n',
      'FROM alpine:3.20\nCOPY --from=ghcr.io/acme/tools /bin/tool /bin/\n',
      'ARG SRC=build\nFROM alpine:3.20\nCOPY --from=${SRC} /x /x\n',
    ],
  });

  ruleCases('copy-from-own-stage', {
    fires: [
      { src: 'FROM alpine:3.20 AS app\nCOPY --from=app /x /y\n', covers: 'app' },
      { src: 'FROM alpine:3.20\nCOPY --from=0 /x /y\n', covers: '0' },
    ],
    passes: ['FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\nCOPY --from=a /x /y\n'],
  });

  ruleCases('duplicate-stage-name', {
    fires: [
      { src: 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS build\n', covers: 'build', line: 2, message: /line 1/ },
      { src: 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS BUILD\n', covers: 'BUILD' },
    ],
    passes: ['FROM alpine:3.20 AS build\nFROM alpine:3.20 AS test\n', 'FROM alpine:3.20\nFROM alpine:3.20\n'],
  });

  ruleCases('reserved-stage-name', {
    fires: [{ src: 'FROM alpine:3.20 AS scratch\n', covers: 'scratch' }, { src: 'FROM alpine:3.20 AS Context\n' }],
    passes: ['FROM scratch\n', 'FROM alpine:3.20 AS base\n'],
  });
});
