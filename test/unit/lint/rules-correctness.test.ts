import { ruleCases } from './helpers';

describe('lint rules: correctness', () => {
  ruleCases('workdir-relative', {
    fires: [
      { src: 'FROM alpine:3.20\nWORKDIR app\n', covers: 'app', fix: false },
      // relative after an absolute one: the joined path is known
      { src: 'FROM alpine:3.20\nWORKDIR /srv\nWORKDIR app\n', fixed: 'FROM alpine:3.20\nWORKDIR /srv\nWORKDIR /srv/app\n' },
      { src: 'FROM alpine:3.20\nWORKDIR "data"\n', message: /data/ },
    ],
    passes: ['FROM alpine:3.20\nWORKDIR /app\n', 'FROM alpine:3.20\nWORKDIR $HOME/app\n', 'FROM alpine:3.20\nWORKDIR ${APP_DIR}\n', '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n', 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR c:/app\n'],
  });

  ruleCases('use-workdir', {
    fires: [
      { src: 'FROM alpine:3.20\nRUN cd /app && make\n', covers: 'cd /app' },
      { src: 'FROM alpine:3.20\nRUN set -e; \\\n    cd /tmp; \\\n    ls\n', covers: 'cd /tmp', line: 3 },
    ],
    passes: ['FROM alpine:3.20\nWORKDIR /app\nRUN make\n', 'FROM alpine:3.20\nRUN (cd /src && make)\n', 'FROM alpine:3.20\nRUN echo cd\n', 'FROM alpine:3.20\nRUN echo "cd /x && y"\n'],
  });

  ruleCases('apt-get-yes', {
    fires: [
      { src: 'FROM debian:12-slim\nRUN apt-get install curl\n', covers: 'apt-get install', fixed: 'FROM debian:12-slim\nRUN apt-get install -y curl\n' },
      { src: 'FROM debian:12-slim\nRUN sudo apt-get install curl\n' },
      // exec form
      { src: 'FROM debian:12-slim\nRUN ["apt-get", "install", "curl"]\n' },
    ],
    passes: [
      'FROM debian:12-slim\nRUN apt-get install -y curl\n',
      'FROM debian:12-slim\nRUN apt-get -yq install curl\n',
      'FROM debian:12-slim\nRUN apt-get install --yes curl\n',
      'FROM debian:12-slim\nRUN apt-get install -qq curl\n',
      'FROM debian:12-slim\nRUN apt-get update\n',
      'FROM debian:12-slim\nRUN echo apt-get install curl\n',
    ],
  });

  ruleCases('copy-dest-slash', {
    fires: [
      { src: 'FROM alpine:3.20\nCOPY a.txt b.txt /app\n', covers: '/app', fixed: 'FROM alpine:3.20\nCOPY a.txt b.txt /app/\n' },
      { src: 'FROM alpine:3.20\nCOPY ["a.txt", "b.txt", "/app"]\n', covers: '"/app"', fixed: 'FROM alpine:3.20\nCOPY ["a.txt", "b.txt", "/app/"]\n' },
    ],
    passes: ['FROM alpine:3.20\nCOPY a.txt b.txt /app/\n', 'FROM alpine:3.20\nCOPY a.txt /app\n', 'FROM alpine:3.20\nCOPY app.js /app/  # Layer 4: code\n', 'FROM alpine:3.20\nCOPY --chown=1000 a b ./\n', 'FROM alpine:3.20\nCOPY a b $DEST\n'],
  });

  ruleCases('json-args', {
    fires: [
      { src: 'FROM node:18-alpine\nCMD npm start\n', covers: 'CMD npm start', fixed: 'FROM node:18-alpine\nCMD ["npm", "start"]\n' },
      { src: 'FROM alpine:3.20\nENTRYPOINT exec /usr/bin/app --port 80\n', fixed: 'FROM alpine:3.20\nENTRYPOINT ["/usr/bin/app", "--port", "80"]\n' },
      { src: 'FROM alpine:3.20\nCMD node "my app.js"\n', fixed: 'FROM alpine:3.20\nCMD ["node", "my app.js"]\n' },
      // shell syntax: converting would change its meaning, so no fix
      { src: 'FROM alpine:3.20\nCMD echo $HOME && sleep 1\n', fix: false },
      { src: 'FROM alpine:3.20\nCMD ["node", x]\n', fix: false, message: /JSON array .* is invalid/ },
      { src: "FROM alpine:3.20\nCMD ['node', 'app.js']\n", fix: false, message: /double quotes/ },
      // a valid array followed by a would-be comment runs as a shell command
      { src: 'FROM nginx:alpine\nCMD ["nginx", "-g", "daemon off;"]  # start nginx\n', fix: false, message: /Text after the JSON array .*# start nginx/ },
    ],
    passes: [
      'FROM alpine:3.20\nCMD ["npm", "start"]\n',
      'FROM alpine:3.20\nENTRYPOINT ["/app"]\n',
      // an explicit SHELL makes the shell form intentional
      'FROM alpine:3.20\nSHELL ["/bin/ash", "-c"]\nCMD echo hi\n',
      // JSON with backtick continuations in an escape=` file
      '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nENTRYPOINT ["C:\\\\app.exe", `\n            "--serve"]\n',
    ],
  });

  ruleCases('no-apt', {
    fires: [
      { src: 'FROM debian:12-slim\nRUN apt update && apt install -y curl\n', covers: 'apt', count: 2, fixed: 'FROM debian:12-slim\nRUN apt-get update && apt install -y curl\n' },
      { src: 'FROM debian:12-slim\nRUN apt search curl\n', message: /apt-cache/ },
    ],
    passes: ['FROM debian:12-slim\nRUN apt-get update\n', 'FROM debian:12-slim\nRUN apt-cache policy curl\n', 'FROM alpine:3.20\nRUN echo apt\n'],
  });

  ruleCases('instruction-order', {
    fires: [{ src: 'RUN echo hi\nFROM alpine:3.20\n', covers: 'RUN' }, { src: 'ARG V=1\nLABEL a=b\nFROM alpine:3.20\n', line: 2 }],
    passes: ['ARG V=3.20\nFROM alpine:${V}\n', '# syntax=docker/dockerfile:1\n# comment\nFROM alpine:3.20\n', ''],
  });

  ruleCases('multiple-cmd', {
    fires: [{ src: 'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\n', line: 2, count: 1, message: /line 3/, fixed: 'FROM alpine:3.20\nCMD ["b"]\n' }],
    passes: ['FROM alpine:3.20 AS a\nCMD ["a"]\nFROM alpine:3.20\nCMD ["b"]\n', 'FROM alpine:3.20\nCMD ["a"]\n'],
  });

  ruleCases('multiple-entrypoint', {
    fires: [{ src: 'FROM alpine:3.20\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]', count: 1, fixed: 'FROM alpine:3.20\nENTRYPOINT ["b"]' }],
    passes: ['FROM alpine:3.20 AS a\nENTRYPOINT ["a"]\nFROM alpine:3.20\nENTRYPOINT ["b"]\n'],
  });

  ruleCases('pipefail', {
    fires: [
      { src: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/x.sh | sh\n', covers: 'curl -fsSL https://example.com/x.sh | sh', fixed: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x.sh | sh\n' },
      { src: 'FROM alpine:3.20\nRUN wget -qO- https://x | tar -xz\n', fixed: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://x | tar -xz\n' },
      // SHELL without pipefail
      { src: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\nRUN a | b\n', fix: false },
      // unknown base: no fix
      { src: 'FROM mycompany/base:1\nRUN a | b\n', fix: false },
    ],
    passes: [
      'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n',
      'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN a | b\n',
      'FROM debian:12-slim\nRUN set -o pipefail && a | b\n',
      'FROM debian:12-slim\nRUN a || b\n',
      'FROM debian:12-slim\nRUN echo "a | b"\n',
      // SHELL inherited from a local base stage
      'FROM debian:12-slim AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN a | b\n',
      // PowerShell
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n',
    ],
  });

  ruleCases('undefined-var', {
    fires: [
      // ARG before FROM is not visible inside the stage
      { src: 'ARG VERSION=1.0\nFROM alpine:3.20\nLABEL version=$VERSION\n', covers: '$VERSION', fixed: 'ARG VERSION=1.0\nFROM alpine:3.20\nARG VERSION\nLABEL version=$VERSION\n' },
      { src: 'FROM alpine:3.20\nCOPY app-${TARGETARCH} /app\n', covers: '${TARGETARCH}', message: /ARG TARGETARCH/ },
      // used before it is defined
      { src: 'FROM alpine:3.20\nWORKDIR $APP_DIR\nENV APP_DIR=/app\n', covers: '$APP_DIR', message: /after/ },
      // a typo of a name declared here
      { src: 'FROM alpine:3.20\nARG APP_VERSION=1\nLABEL v=$APP_VERISON\n', message: /APP_VERSION/, fixed: 'FROM alpine:3.20\nARG APP_VERSION=1\nLABEL v=$APP_VERSION\n' },
      // on scratch nothing else can define it
      { src: 'FROM scratch\nCOPY bin/$NAME /app\n', covers: '$NAME' },
    ],
    passes: [
      'ARG VERSION=1.0\nFROM alpine:3.20\nARG VERSION\nLABEL version=$VERSION\n',
      'FROM alpine:3.20\nARG TARGETARCH\nCOPY app-${TARGETARCH} /app\n',
      // base images define variables we cannot see
      'FROM node:18-alpine\nWORKDIR $NODE_PATH\n',
      'FROM golang:1.22\nENV PATH=$GOPATH/bin:$PATH\n',
      // ENV from a local base stage
      'FROM alpine:3.20 AS base\nENV APP=/app\nFROM base\nWORKDIR $APP\n',
      // defaults make it intentional
      'FROM scratch\nCOPY bin/${NAME:-app} /app\n',
      // RUN is expanded by the shell, not the builder
      'ARG V=1\nFROM alpine:3.20\nRUN echo $V\n',
      // escaped dollar
      'FROM scratch\nLABEL price=\\$5\n',
    ],
  });

  ruleCases('undefined-arg-in-from', {
    fires: [
      { src: 'FROM node:${NODE_VERSION}-alpine\n', covers: '${NODE_VERSION}' },
      { src: 'ARG NODE_VERSION=18\nFROM node:${NODE_VERISON}-alpine\n', message: /NODE_VERSION/, fixed: 'ARG NODE_VERSION=18\nFROM node:${NODE_VERSION}-alpine\n' },
    ],
    passes: ['ARG NODE_VERSION=18\nFROM node:${NODE_VERSION}-alpine\n', 'FROM --platform=$BUILDPLATFORM golang:1.22\n', 'FROM node:${V:-18}\n', 'FROM alpine:3.20 AS a\nARG X=1\nFROM alpine:3.20\n'],
  });

  ruleCases('empty-continuation', {
    fires: [
      { src: 'FROM alpine:3.20\nRUN apk add \\\n\n    curl\n', line: 3, fixed: 'FROM alpine:3.20\nRUN apk add \\\n    curl\n' },
      { src: 'FROM alpine:3.20\r\nRUN a \\\r\n   \r\n  b\r\n', line: 3, fixed: 'FROM alpine:3.20\r\nRUN a \\\r\n  b\r\n' },
    ],
    passes: ['FROM alpine:3.20\nRUN apk add \\\n# a comment line is fine\n    curl\n', 'FROM alpine:3.20\nRUN a\n\nRUN b\n', 'FROM alpine:3.20\nRUN <<EOF\necho a\n\necho b\nEOF\n'],
  });

  ruleCases('expose-invalid', {
    fires: [
      { src: 'FROM alpine:3.20\nEXPOSE 8080:80\n', covers: '8080:80', fixed: 'FROM alpine:3.20\nEXPOSE 80\n' },
      { src: 'FROM alpine:3.20\nEXPOSE 127.0.0.1:80:80/tcp\n', fixed: 'FROM alpine:3.20\nEXPOSE 80/tcp\n' },
    ],
    passes: ['FROM alpine:3.20\nEXPOSE 80\n', 'FROM alpine:3.20\nEXPOSE 80/udp 443\n', 'FROM alpine:3.20\nEXPOSE 8000-8010\n', 'FROM alpine:3.20\nEXPOSE ${PORT}\n'],
  });

  ruleCases('unknown-instruction', {
    fires: [
      { src: 'FROM alpine:3.20\nRUNN echo hi\n', covers: 'RUNN', message: /RUN/, fixed: 'FROM alpine:3.20\nRUN echo hi\n' },
      { src: 'FORM alpine:3.20\n', fixed: 'FROM alpine:3.20\n' },
      { src: 'from alpine:3.20\ncopi a b\n', fixed: 'from alpine:3.20\ncopy a b\n' },
      // a line that lost its continuation
      { src: 'FROM alpine:3.20\nRUN apk add curl &&\n    rm -rf /tmp/x\n', covers: 'rm', fix: false },
    ],
    passes: ['FROM alpine:3.20\nrun echo hi\n', 'FROM alpine:3.20\nRUN echo a \\\n    && echo b\n', 'FROM alpine:3.20\nHEALTHCHECK NONE\nSTOPSIGNAL SIGTERM\nONBUILD RUN echo\n'],
  });

  ruleCases('instruction-arguments', {
    fires: [
      { src: 'FROM alpine:3.20\nRUN\n', covers: 'RUN' },
      { src: 'FROM\n' },
      { src: 'FROM alpine:3.20 AS\n', message: /stage name/ },
      { src: 'FROM alpine:3.20 builder\n', message: /image AS name/ },
      { src: 'FROM alpine:3.20\nCOPY app.js\n', message: /source and a destination/ },
      { src: 'FROM alpine:3.20\nENV DEBUG\n', message: /DEBUG/ },
      { src: 'FROM alpine:3.20\nUSER app staff\n', message: /exactly one/ },
      { src: 'FROM alpine:3.20\nHEALTHCHECK curl -f http://localhost/\n', message: /CMD command/ },
      { src: 'FROM alpine:3.20\nRUN <<EOF\necho never closed\n', message: /never closed/ },
      { src: 'FROM alpine:3.20\nONBUILD FROM alpine\n', message: /not allowed/ },
    ],
    passes: [
      'FROM alpine:3.20 AS base\nCOPY a /a\nENV A=1 B="two words"\nUSER 1000:1000\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK NONE\n',
      'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello\nEOF\n',
      'FROM alpine:3.20\nENV A=\n',
      // the course's trailing comment on FROM is inline-comment's finding, not this one
      'FROM node:14-alpine as build # build stage\n',
    ],
  });

  ruleCases('inline-comment', {
    fires: [
      // the course's own multi-stage example (Docker 기본 이해)
      {
        src: 'FROM node:14-alpine as build # build stage\nRUN npm run build\n',
        covers: '# build stage',
        fixed: '# build stage\nFROM node:14-alpine as build\nRUN npm run build\n',
      },
      { src: 'FROM alpine:3.20\nEXPOSE 80 # web\n', covers: '# web' },
      { src: 'FROM alpine:3.20\nENV A=1 # one\n' },
    ],
    passes: ['FROM alpine:3.20\nRUN echo hi # shell comment\n', 'FROM alpine:3.20\nLABEL a="x # y"\n', 'FROM alpine:3.20\nCMD echo hi # fine in shell form\n', 'FROM alpine:3.20\nCOPY a#b /x\n'],
  });
});
