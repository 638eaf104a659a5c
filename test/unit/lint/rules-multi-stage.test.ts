import { testRule } from './ruleTester';

describe('lint rules: multi-stage', () => {
  testRule('build-in-final-stage', {
    invalid: [
      { name: 'RUN npm ci && npm run build', src: 'FROM node:18-alpine\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n', messageId: 'buildInFinalStage', covers: 'npm run build', message: /npm run build/ },
      { name: 'RUN go build -o /app .', src: 'FROM golang:1.22-alpine\nCOPY . .\nRUN go build -o /app .\n', messageId: 'buildInFinalStage', covers: 'go build -o /app .' },
      { name: 'RUN mvn -B package', src: 'FROM maven:3.9-eclipse-temurin-21\nCOPY . .\nRUN mvn -B package\n', messageId: 'buildInFinalStage', message: /mvn package/ },
      { name: 'RUN gcc -O2 -o app main.c', src: 'FROM gcc:13\nCOPY main.c .\nRUN gcc -O2 -o app main.c\n', messageId: 'buildInFinalStage', covers: 'gcc -O2 -o app main.c' },
      { name: 'RUN yarn build:prod', src: 'FROM node:18-alpine\nRUN yarn build:prod\n', messageId: 'buildInFinalStage', message: /yarn build:prod/ },
      { name: 'one finding per stage', src: 'FROM rust:1.80\nRUN cargo build --release\nRUN make\n', messageId: 'buildInFinalStage', count: 1 },
      { name: 'the final stage builds on a local stage that builds: that stage ships', src: 'FROM node:18-alpine AS base\nRUN npm run build\nFROM base\nCMD ["node", "x"]\n', messageId: 'buildInFinalStage', line: 2 },
      { name: 'commands in a heredoc script count', src: 'FROM golang:1.22-alpine\nRUN <<EOF\ngo build -o /app .\nEOF\n', messageId: 'buildInFinalStage', covers: 'go build -o /app .' },
    ],
    valid: [
      { name: 'the course\'s multi-stage example', src: 'FROM node:18-alpine AS builder\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nRUN npm run build\n\nFROM nginx:alpine\nCOPY --from=builder /app/dist /usr/share/nginx/html\n' },
      { name: 'install + build + remove the toolchain in one RUN leaves no tools behind', src: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc make && make && apk del .build-deps\n' },
      { name: 'RUN npm run start', src: 'FROM node:18-alpine\nRUN npm run start\n' },
      { name: 'RUN go version', src: 'FROM golang:1.22-alpine\nRUN go version\n' },
      { name: 'RUN javac -version', src: 'FROM eclipse-temurin:21\nRUN javac -version\n' },
    ],
  });

  testRule('toolchain-in-final-stage', {
    invalid: [
      { name: 'RUN apt-get update && apt-get install -y build-essential curl', src: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y build-essential curl\n', messageId: 'toolchainInFinalStage', message: /build-essential/, covers: 'apt-get install -y build-essential curl' },
      { name: 'RUN apk add --no-cache gcc musl-dev make', src: 'FROM alpine:3.20\nRUN apk add --no-cache gcc musl-dev make\n', messageId: 'toolchainInFinalStage', message: /gcc, make/ },
      { name: 'RUN dnf install -y gcc-c++', src: 'FROM rockylinux:9\nRUN dnf install -y gcc-c++\n', messageId: 'toolchainInFinalStage', message: /gcc-c\+\+/ },
      { name: 'RUN apt-get install -y --no-install-recommends gcc=4:12.2.0-3', src: 'FROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends gcc=4:12.2.0-3\n', messageId: 'toolchainInFinalStage', message: /gcc/ },
    ],
    valid: [
      { name: 'RUN apt-get install -y build-essential', src: 'FROM debian:12 AS build\nRUN apt-get install -y build-essential\nFROM debian:12-slim\nCOPY --from=build /out /out\n' },
      { name: 'RUN apk add --no-cache --virtual .build-deps gcc && pip install x && apk del .build-deps', src: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc && pip install x && apk del .build-deps\n' },
      { name: 'RUN apt-get install -y gcc && make && apt-get purge -y --auto-remove gcc', src: 'FROM debian:12-slim\nRUN apt-get install -y gcc && make && apt-get purge -y --auto-remove gcc\n' },
      { name: 'RUN apk add --no-cache curl', src: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    ],
  });

  testRule('copy-from-unknown-stage', {
    invalid: [
      { name: 'COPY --from=buld /app /app', src: 'FROM node:18-alpine AS build\nFROM nginx:alpine\nCOPY --from=buld /app /app\n', messageId: 'copyFromUnknownStage', covers: 'buld' },
      { name: 'defined after the copy', src: 'FROM nginx:alpine\nCOPY --from=build /app /app\nFROM node:18-alpine AS build\n', messageId: 'stageDefinedLater', message: /after/ },
      { name: 'numeric index that does not exist before', src: 'FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=5 /x /x\n', messageId: 'noStageNumber', message: /stage 5/ },
    ],
    valid: [
      { name: 'COPY --from=build /app /app', src: 'FROM node:18-alpine AS build\nFROM nginx:alpine\nCOPY --from=build /app /app\n' },
      { name: 'stage names are case-insensitive', src: 'FROM node:18-alpine AS Build\nFROM nginx:alpine\nCOPY --from=build /app /app\n' },
      { name: 'COPY --from=0 /x /x', src: 'FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=0 /x /x\n' },
      { name: 'an image reference', src: 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /x\n' },
      { name: 'COPY --from=ghcr.io/acme/tools /bin/tool /bin/', src: 'FROM alpine:3.20\nCOPY --from=ghcr.io/acme/tools /bin/tool /bin/\n' },
      { name: 'ARG SRC=build', src: 'ARG SRC=build\nFROM alpine:3.20\nCOPY --from=${SRC} /x /x\n' },
    ],
  });

  testRule('copy-from-own-stage', {
    invalid: [
      { name: 'COPY --from=app /x /y', src: 'FROM alpine:3.20 AS app\nCOPY --from=app /x /y\n', messageId: 'copyFromOwnStage', covers: 'app' },
      { name: 'COPY --from=0 /x /y', src: 'FROM alpine:3.20\nCOPY --from=0 /x /y\n', messageId: 'copyFromOwnStage', covers: '0' },
    ],
    valid: [{ name: 'COPY --from=a /x /y', src: 'FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\nCOPY --from=a /x /y\n' }],
  });

  testRule('duplicate-stage-name', {
    invalid: [
      { name: 'FROM alpine:3.20 AS build', src: 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS build\n', messageId: 'duplicateStageName', covers: 'build', line: 2, message: /line 1/ },
      { name: 'FROM alpine:3.20 AS BUILD', src: 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS BUILD\n', messageId: 'duplicateStageName', covers: 'BUILD' },
    ],
    valid: [{ name: 'FROM alpine:3.20 AS build (2)', src: 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS test\n' }, { name: 'FROM alpine:3.20', src: 'FROM alpine:3.20\nFROM alpine:3.20\n' }],
  });

  testRule('reserved-stage-name', {
    invalid: [{ name: 'FROM alpine:3.20 AS scratch', src: 'FROM alpine:3.20 AS scratch\n', messageId: 'reservedStageName', covers: 'scratch' }, { name: 'FROM alpine:3.20 AS Context', src: 'FROM alpine:3.20 AS Context\n', messageId: 'reservedStageName' }],
    valid: [{ name: 'FROM scratch', src: 'FROM scratch\n' }, { name: 'FROM alpine:3.20 AS base', src: 'FROM alpine:3.20 AS base\n' }],
  });
});
