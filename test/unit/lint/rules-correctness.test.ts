import { testRule } from './ruleTester';

describe('lint rules: correctness', () => {
  testRule('workdir-relative', {
    invalid: [
      { name: 'WORKDIR app', src: 'FROM alpine:3.20\nWORKDIR app\n', messageId: 'workdirRelative', covers: 'app', fix: false },
      { name: 'relative after an absolute one: the joined path is known', src: 'FROM alpine:3.20\nWORKDIR /srv\nWORKDIR app\n', messageId: 'workdirRelative', fixed: 'FROM alpine:3.20\nWORKDIR /srv\nWORKDIR /srv/app\n' },
      { name: 'WORKDIR "data"', src: 'FROM alpine:3.20\nWORKDIR "data"\n', messageId: 'workdirRelative', message: /data/ },
    ],
    valid: [{ name: 'WORKDIR /app', src: 'FROM alpine:3.20\nWORKDIR /app\n' }, { name: 'WORKDIR $HOME/app', src: 'FROM alpine:3.20\nWORKDIR $HOME/app\n' }, { name: 'WORKDIR ${APP_DIR}', src: 'FROM alpine:3.20\nWORKDIR ${APP_DIR}\n' }, { name: 'WORKDIR C:\\app', src: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n' }, { name: 'WORKDIR c:/app', src: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR c:/app\n' }],
  });

  testRule('use-workdir', {
    invalid: [
      { name: 'RUN cd /app && make', src: 'FROM alpine:3.20\nRUN cd /app && make\n', messageId: 'useWorkdir', covers: 'cd /app' },
      { name: 'cd /tmp; \\', src: 'FROM alpine:3.20\nRUN set -e; \\\n    cd /tmp; \\\n    ls\n', messageId: 'useWorkdir', covers: 'cd /tmp', line: 3 },
    ],
    valid: [{ name: 'WORKDIR /app', src: 'FROM alpine:3.20\nWORKDIR /app\nRUN make\n' }, { name: 'RUN (cd /src && make)', src: 'FROM alpine:3.20\nRUN (cd /src && make)\n' }, { name: 'RUN echo cd', src: 'FROM alpine:3.20\nRUN echo cd\n' }, { name: 'RUN echo "cd /x && y"', src: 'FROM alpine:3.20\nRUN echo "cd /x && y"\n' }],
  });

  testRule('apt-get-yes', {
    invalid: [
      { name: 'RUN apt-get install curl', src: 'FROM debian:12-slim\nRUN apt-get install curl\n', messageId: 'aptGetYes', covers: 'apt-get install', fixed: 'FROM debian:12-slim\nRUN apt-get install -y curl\n' },
      { name: 'RUN sudo apt-get install curl', src: 'FROM debian:12-slim\nRUN sudo apt-get install curl\n', messageId: 'aptGetYes' },
      { name: 'exec form', src: 'FROM debian:12-slim\nRUN ["apt-get", "install", "curl"]\n', messageId: 'aptGetYes' },
    ],
    valid: [
      { name: 'RUN apt-get install -y curl', src: 'FROM debian:12-slim\nRUN apt-get install -y curl\n' },
      { name: 'RUN apt-get -yq install curl', src: 'FROM debian:12-slim\nRUN apt-get -yq install curl\n' },
      { name: 'RUN apt-get install --yes curl', src: 'FROM debian:12-slim\nRUN apt-get install --yes curl\n' },
      { name: 'RUN apt-get install -qq curl', src: 'FROM debian:12-slim\nRUN apt-get install -qq curl\n' },
      { name: 'RUN apt-get update', src: 'FROM debian:12-slim\nRUN apt-get update\n' },
      { name: 'RUN echo apt-get install curl', src: 'FROM debian:12-slim\nRUN echo apt-get install curl\n' },
    ],
  });

  testRule('copy-dest-slash', {
    invalid: [
      { name: 'COPY a.txt b.txt /app', src: 'FROM alpine:3.20\nCOPY a.txt b.txt /app\n', messageId: 'copyDestSlash', covers: '/app', fixed: 'FROM alpine:3.20\nCOPY a.txt b.txt /app/\n' },
      { name: 'COPY ["a.txt", "b.txt", "/app"]', src: 'FROM alpine:3.20\nCOPY ["a.txt", "b.txt", "/app"]\n', messageId: 'copyDestSlash', covers: '"/app"', fixed: 'FROM alpine:3.20\nCOPY ["a.txt", "b.txt", "/app/"]\n' },
    ],
    valid: [{ name: 'COPY a.txt b.txt /app/', src: 'FROM alpine:3.20\nCOPY a.txt b.txt /app/\n' }, { name: 'COPY a.txt /app', src: 'FROM alpine:3.20\nCOPY a.txt /app\n' }, { name: 'COPY app.js /app/  # Layer 4: code', src: 'FROM alpine:3.20\nCOPY app.js /app/  # Layer 4: code\n' }, { name: 'COPY --chown=1000 a b ./', src: 'FROM alpine:3.20\nCOPY --chown=1000 a b ./\n' }, { name: 'COPY a b $DEST', src: 'FROM alpine:3.20\nCOPY a b $DEST\n' }],
  });

  testRule('json-args', {
    invalid: [
      { name: 'CMD npm start', src: 'FROM node:18-alpine\nCMD npm start\n', messageId: 'jsonArgs', covers: 'CMD npm start', fixed: 'FROM node:18-alpine\nCMD ["npm", "start"]\n' },
      { name: 'ENTRYPOINT exec /usr/bin/app --port 80', src: 'FROM alpine:3.20\nENTRYPOINT exec /usr/bin/app --port 80\n', messageId: 'jsonArgs', fixed: 'FROM alpine:3.20\nENTRYPOINT ["/usr/bin/app", "--port", "80"]\n' },
      { name: 'CMD node "my app.js"', src: 'FROM alpine:3.20\nCMD node "my app.js"\n', messageId: 'jsonArgs', fixed: 'FROM alpine:3.20\nCMD ["node", "my app.js"]\n' },
      { name: 'shell syntax: converting would change its meaning, so no fix', src: 'FROM alpine:3.20\nCMD echo $HOME && sleep 1\n', messageId: 'jsonArgs', fix: false },
      { name: 'CMD ["node", x]', src: 'FROM alpine:3.20\nCMD ["node", x]\n', messageId: 'invalidJson', fix: false, message: /JSON array .* is invalid/ },
      { name: 'CMD [\'node\', \'app.js\']', src: "FROM alpine:3.20\nCMD ['node', 'app.js']\n", messageId: 'invalidJson', fix: false, message: /double quotes/ },
      { name: 'a valid array followed by a would-be comment runs as a shell command', src: 'FROM nginx:alpine\nCMD ["nginx", "-g", "daemon off;"]  # start nginx\n', messageId: 'textAfterArray', fix: false, message: /Text after the JSON array .*# start nginx/ },
    ],
    valid: [
      { name: 'CMD ["npm", "start"]', src: 'FROM alpine:3.20\nCMD ["npm", "start"]\n' },
      { name: 'ENTRYPOINT ["/app"]', src: 'FROM alpine:3.20\nENTRYPOINT ["/app"]\n' },
      { name: 'an explicit SHELL makes the shell form intentional', src: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-c"]\nCMD echo hi\n' },
      { name: 'JSON with backtick continuations in an escape=` file', src: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nENTRYPOINT ["C:\\\\app.exe", `\n            "--serve"]\n' },
    ],
  });

  testRule('no-apt', {
    invalid: [
      { name: 'RUN apt update && apt install -y curl', src: 'FROM debian:12-slim\nRUN apt update && apt install -y curl\n', messageId: 'noApt', covers: 'apt', count: 2, fixed: 'FROM debian:12-slim\nRUN apt-get update && apt install -y curl\n' },
      { name: 'RUN apt search curl', src: 'FROM debian:12-slim\nRUN apt search curl\n', messageId: 'noApt', message: /apt-cache/ },
    ],
    valid: [{ name: 'RUN apt-get update', src: 'FROM debian:12-slim\nRUN apt-get update\n' }, { name: 'RUN apt-cache policy curl', src: 'FROM debian:12-slim\nRUN apt-cache policy curl\n' }, { name: 'RUN echo apt', src: 'FROM alpine:3.20\nRUN echo apt\n' }],
  });

  testRule('instruction-order', {
    invalid: [{ name: 'RUN echo hi', src: 'RUN echo hi\nFROM alpine:3.20\n', messageId: 'instructionOrder', covers: 'RUN' }, { name: 'LABEL a=b', src: 'ARG V=1\nLABEL a=b\nFROM alpine:3.20\n', messageId: 'instructionOrder', line: 2 }, { name: 'every misplaced instruction, ARG between them aside (as DL3061)', src: 'LABEL a=b\nARG V=1\nENV C=d\nFROM alpine:3.20\nRUN true\n', messageId: 'instructionOrder', count: 2, line: 1 }],
    valid: [{ name: 'ARG V=3.20', src: 'ARG V=3.20\nFROM alpine:${V}\n' }, { name: 'FROM alpine:3.20', src: '# syntax=docker/dockerfile:1\n# comment\nFROM alpine:3.20\n' }, { name: '""', src: '' }],
  });

  testRule('multiple-cmd', {
    invalid: [{ name: 'CMD ["a"]', src: 'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\n', messageId: 'overridden', line: 2, count: 1, message: /line 3/, fixed: 'FROM alpine:3.20\nCMD ["b"]\n' }],
    valid: [{ name: 'CMD ["a"] (2)', src: 'FROM alpine:3.20 AS a\nCMD ["a"]\nFROM alpine:3.20\nCMD ["b"]\n' }, { name: 'CMD ["a"] (3)', src: 'FROM alpine:3.20\nCMD ["a"]\n' }],
  });

  testRule('multiple-entrypoint', {
    invalid: [{ name: 'ENTRYPOINT ["a"]', src: 'FROM alpine:3.20\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]', messageId: 'overridden', count: 1, fixed: 'FROM alpine:3.20\nENTRYPOINT ["b"]' }],
    valid: [{ name: 'ENTRYPOINT ["a"] (2)', src: 'FROM alpine:3.20 AS a\nENTRYPOINT ["a"]\nFROM alpine:3.20\nENTRYPOINT ["b"]\n' }],
  });

  testRule('pipefail', {
    invalid: [
      { name: 'RUN curl -fsSL https://example.com/x.sh | sh', src: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/x.sh | sh\n', messageId: 'pipefail', covers: 'curl -fsSL https://example.com/x.sh | sh', fixed: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x.sh | sh\n' },
      { name: 'RUN wget -qO- https://x | tar -xz', src: 'FROM alpine:3.20\nRUN wget -qO- https://x | tar -xz\n', messageId: 'pipefail', fixed: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://x | tar -xz\n' },
      { name: 'SHELL without pipefail', src: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\nRUN a | b\n', messageId: 'pipefail', fix: false },
      { name: 'unknown base: no fix', src: 'FROM mycompany/base:1\nRUN a | b\n', messageId: 'pipefail', fix: false },
    ],
    valid: [
      { name: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', src: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n' },
      { name: 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]', src: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN a | b\n' },
      { name: 'RUN set -o pipefail && a | b', src: 'FROM debian:12-slim\nRUN set -o pipefail && a | b\n' },
      { name: 'RUN a || b', src: 'FROM debian:12-slim\nRUN a || b\n' },
      { name: 'RUN echo "a | b"', src: 'FROM debian:12-slim\nRUN echo "a | b"\n' },
      { name: 'SHELL inherited from a local base stage', src: 'FROM debian:12-slim AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN a | b\n' },
      { name: 'PowerShell', src: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n' },
    ],
  });

  testRule('undefined-var', {
    invalid: [
      { name: 'ARG before FROM is not visible inside the stage', src: 'ARG VERSION=1.0\nFROM alpine:3.20\nLABEL version=$VERSION\n', messageId: 'declareInStage', covers: '$VERSION', fixed: 'ARG VERSION=1.0\nFROM alpine:3.20\nARG VERSION\nLABEL version=$VERSION\n' },
      { name: 'COPY app-${TARGETARCH} /app', src: 'FROM alpine:3.20\nCOPY app-${TARGETARCH} /app\n', messageId: 'declareInStage', covers: '${TARGETARCH}', message: /ARG TARGETARCH/ },
      { name: 'used before it is defined', src: 'FROM alpine:3.20\nWORKDIR $APP_DIR\nENV APP_DIR=/app\n', messageId: 'definedLater', covers: '$APP_DIR', message: /after/ },
      { name: 'a typo of a name declared here', src: 'FROM alpine:3.20\nARG APP_VERSION=1\nLABEL v=$APP_VERISON\n', messageId: 'didYouMean', message: /APP_VERSION/, fixed: 'FROM alpine:3.20\nARG APP_VERSION=1\nLABEL v=$APP_VERSION\n' },
      { name: 'on scratch nothing else can define it', src: 'FROM scratch\nCOPY bin/$NAME /app\n', messageId: 'undefinedVar', covers: '$NAME' },
      { name: 'PATH misspelt with two letters swapped: it is in every image, so the typo is caught', src: 'FROM node:20-slim\nENV PATH=/app/node_modules/.bin:$PTAH\n', messageId: 'didYouMean', data: { name: 'PTAH', guess: 'PATH' }, fixed: 'FROM node:20-slim\nENV PATH=/app/node_modules/.bin:$PATH\n' },
      { name: 'a swapped pair in a declared name', src: 'FROM alpine:3.20\nARG RELEASE=1\nLABEL r=$RELAESE\n', messageId: 'didYouMean', message: /RELEASE/ },
    ],
    valid: [
      { name: 'ARG VERSION=1.0', src: 'ARG VERSION=1.0\nFROM alpine:3.20\nARG VERSION\nLABEL version=$VERSION\n' },
      { name: 'ARG TARGETARCH', src: 'FROM alpine:3.20\nARG TARGETARCH\nCOPY app-${TARGETARCH} /app\n' },
      { name: 'base images define variables we cannot see', src: 'FROM node:18-alpine\nWORKDIR $NODE_PATH\n' },
      { name: 'ENV PATH=$GOPATH/bin:$PATH', src: 'FROM golang:1.22\nENV PATH=$GOPATH/bin:$PATH\n' },
      { name: 'ENV from a local base stage', src: 'FROM alpine:3.20 AS base\nENV APP=/app\nFROM base\nWORKDIR $APP\n' },
      { name: 'defaults make it intentional', src: 'FROM scratch\nCOPY bin/${NAME:-app} /app\n' },
      { name: 'RUN is expanded by the shell, not the builder', src: 'ARG V=1\nFROM alpine:3.20\nRUN echo $V\n' },
      { name: 'escaped dollar', src: 'FROM scratch\nLABEL price=\\$5\n' },
    ],
  });

  testRule('undefined-arg-in-from', {
    invalid: [
      { name: 'FROM node:${NODE_VERSION}-alpine', src: 'FROM node:${NODE_VERSION}-alpine\n', messageId: 'undefinedArgInFrom', covers: '${NODE_VERSION}' },
      { name: 'FROM node:${NODE_VERISON}-alpine', src: 'ARG NODE_VERSION=18\nFROM node:${NODE_VERISON}-alpine\n', messageId: 'didYouMean', message: /NODE_VERSION/, fixed: 'ARG NODE_VERSION=18\nFROM node:${NODE_VERSION}-alpine\n' },
    ],
    valid: [{ name: 'ARG NODE_VERSION=18', src: 'ARG NODE_VERSION=18\nFROM node:${NODE_VERSION}-alpine\n' }, { name: 'FROM --platform=$BUILDPLATFORM golang:1.22', src: 'FROM --platform=$BUILDPLATFORM golang:1.22\n' }, { name: 'FROM node:${V:-18}', src: 'FROM node:${V:-18}\n' }, { name: 'ARG X=1', src: 'FROM alpine:3.20 AS a\nARG X=1\nFROM alpine:3.20\n' }],
  });

  testRule('empty-continuation', {
    invalid: [
      { name: 'reported on the line the instruction goes on with, as BuildKit does', src: 'FROM alpine:3.20\nRUN apk add \\\n\n    curl\n', messageId: 'emptyContinuation', line: 4, covers: 'curl', fixed: 'FROM alpine:3.20\nRUN apk add \\\n    curl\n' },
      { name: 'a blank (spaces only) line, CRLF', src: 'FROM alpine:3.20\r\nRUN a \\\r\n   \r\n  b\r\n', messageId: 'emptyContinuation', line: 4, fixed: 'FROM alpine:3.20\r\nRUN a \\\r\n  b\r\n' },
      { name: 'a run of empty lines is one finding, its fix deletes them all', src: 'FROM alpine:3.20\nCOPY a \\\n\n\n  /srv/\n', messageId: 'emptyContinuation', count: 1, line: 5, fixed: 'FROM alpine:3.20\nCOPY a \\\n  /srv/\n' },
    ],
    valid: [{ name: 'RUN apk add \\', src: 'FROM alpine:3.20\nRUN apk add \\\n# a comment line is fine\n    curl\n' }, { name: 'RUN a', src: 'FROM alpine:3.20\nRUN a\n\nRUN b\n' }, { name: 'RUN <<EOF', src: 'FROM alpine:3.20\nRUN <<EOF\necho a\n\necho b\nEOF\n' }],
  });

  testRule('expose-invalid', {
    invalid: [
      { name: 'EXPOSE 8080:80', src: 'FROM alpine:3.20\nEXPOSE 8080:80\n', messageId: 'exposeInvalid', covers: '8080:80', fixed: 'FROM alpine:3.20\nEXPOSE 80\n' },
      { name: 'EXPOSE 127.0.0.1:80:80/tcp', src: 'FROM alpine:3.20\nEXPOSE 127.0.0.1:80:80/tcp\n', messageId: 'exposeInvalid', fixed: 'FROM alpine:3.20\nEXPOSE 80/tcp\n' },
    ],
    valid: [{ name: 'EXPOSE 80', src: 'FROM alpine:3.20\nEXPOSE 80\n' }, { name: 'EXPOSE 80/udp 443', src: 'FROM alpine:3.20\nEXPOSE 80/udp 443\n' }, { name: 'EXPOSE 8000-8010', src: 'FROM alpine:3.20\nEXPOSE 8000-8010\n' }, { name: 'EXPOSE ${PORT}', src: 'FROM alpine:3.20\nEXPOSE ${PORT}\n' }],
  });

  testRule('unknown-instruction', {
    invalid: [
      { name: 'RUNN echo hi', src: 'FROM alpine:3.20\nRUNN echo hi\n', messageId: 'didYouMean', covers: 'RUNN', message: /RUN/, fixed: 'FROM alpine:3.20\nRUN echo hi\n' },
      { name: 'FORM alpine:3.20', src: 'FORM alpine:3.20\n', messageId: 'didYouMean', fixed: 'FROM alpine:3.20\n' },
      { name: 'copi a b', src: 'from alpine:3.20\ncopi a b\n', messageId: 'didYouMean', fixed: 'from alpine:3.20\ncopy a b\n' },
      { name: 'a line that lost its continuation', src: 'FROM alpine:3.20\nRUN apk add curl &&\n    rm -rf /tmp/x\n', messageId: 'unknownInstruction', covers: 'rm', fix: false },
    ],
    valid: [{ name: 'run echo hi', src: 'FROM alpine:3.20\nrun echo hi\n' }, { name: 'RUN echo a \\', src: 'FROM alpine:3.20\nRUN echo a \\\n    && echo b\n' }, { name: 'HEALTHCHECK NONE', src: 'FROM alpine:3.20\nHEALTHCHECK NONE\nSTOPSIGNAL SIGTERM\nONBUILD RUN echo\n' }],
  });

  testRule('instruction-arguments', {
    invalid: [
      { name: 'RUN', src: 'FROM alpine:3.20\nRUN\n', messageId: 'instructionArguments', covers: 'RUN' },
      { name: 'FROM', src: 'FROM\n', messageId: 'instructionArguments' },
      { name: 'FROM alpine:3.20 AS', src: 'FROM alpine:3.20 AS\n', messageId: 'fromMissingStageName', message: /stage name/ },
      { name: 'FROM alpine:3.20 builder', src: 'FROM alpine:3.20 builder\n', messageId: 'fromForm', message: /image AS name/ },
      { name: 'COPY app.js', src: 'FROM alpine:3.20\nCOPY app.js\n', messageId: 'copyNeedsSourceAndDest', message: /source and a destination/ },
      { name: 'ENV DEBUG', src: 'FROM alpine:3.20\nENV DEBUG\n', messageId: 'missingValue', message: /DEBUG/ },
      { name: 'USER app staff', src: 'FROM alpine:3.20\nUSER app staff\n', messageId: 'oneArgument', message: /exactly one/ },
      { name: 'HEALTHCHECK curl -f http://localhost/', src: 'FROM alpine:3.20\nHEALTHCHECK curl -f http://localhost/\n', messageId: 'healthcheckForm', message: /CMD command/ },
      { name: 'RUN <<EOF', src: 'FROM alpine:3.20\nRUN <<EOF\necho never closed\n', messageId: 'unclosedHeredoc', message: /never closed/ },
      // 'ONBUILD FROM alpine' moved to onbuild-trigger (DL3043), test/unit/lint/rules-hadolint.test.ts.
    ],
    valid: [
      { name: 'COPY a /a', src: 'FROM alpine:3.20 AS base\nCOPY a /a\nENV A=1 B="two words"\nUSER 1000:1000\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK NONE\n' },
      { name: 'COPY <<EOF /etc/motd', src: 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello\nEOF\n' },
      { name: 'ENV A=', src: 'FROM alpine:3.20\nENV A=\n' },
      { name: 'the course\'s trailing comment on FROM is inline-comment\'s finding, not this one', src: 'FROM node:14-alpine as build # build stage\n' },
    ],
  });

  testRule('inline-comment', {
    invalid: [
      {
        name: 'the course\'s own multi-stage example (Docker 기본 이해)',
        src: 'FROM node:14-alpine as build # build stage\nRUN npm run build\n',
        messageId: 'inlineComment',
        covers: '# build stage',
        fixed: '# build stage\nFROM node:14-alpine as build\nRUN npm run build\n',
      },
      { name: 'EXPOSE 80 # web', src: 'FROM alpine:3.20\nEXPOSE 80 # web\n', messageId: 'inlineComment', covers: '# web' },
      { name: 'ENV A=1 # one', src: 'FROM alpine:3.20\nENV A=1 # one\n', messageId: 'inlineComment' },
    ],
    valid: [{ name: 'RUN echo hi # shell comment', src: 'FROM alpine:3.20\nRUN echo hi # shell comment\n' }, { name: 'LABEL a="x # y"', src: 'FROM alpine:3.20\nLABEL a="x # y"\n' }, { name: 'CMD echo hi # fine in shell form', src: 'FROM alpine:3.20\nCMD echo hi # fine in shell form\n' }, { name: 'COPY a#b /x', src: 'FROM alpine:3.20\nCOPY a#b /x\n' }],
  });
});
