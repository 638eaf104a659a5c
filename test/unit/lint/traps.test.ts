// Well-written Dockerfiles that use the tricky parts of the syntax produce no
// warning and no error: the rules know Windows images and the backtick escape,
// heredocs, ARG before FROM, FROM --platform, numeric and ARG-provided users,
// and which stage ships.
import * as assert from 'assert';
import { describeFindings, run } from './helpers';

const CLEAN: Record<string, string> = {
  'Windows image with the backtick escape and PowerShell': [
    '# escape=`',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
    'SHELL ["powershell", "-Command", "$ErrorActionPreference = \'Stop\';"]',
    'WORKDIR C:\\app',
    'RUN Invoke-WebRequest -Uri https://example.com/app.zip -OutFile app.zip; `',
    '    Expand-Archive app.zip -DestinationPath C:\\app; `',
    '    Get-ChildItem | Select-Object Name',
    'COPY ["config.json", "C:/app/"]',
    'USER ContainerUser',
    'ENTRYPOINT ["C:\\\\app\\\\app.exe", `',
    '            "--serve"]',
    '',
  ].join('\n'),
  'heredocs, cache mounts, ARG before FROM, FROM --platform, distroless nonroot': [
    '# syntax=docker/dockerfile:1.7',
    'ARG GO_VERSION=1.22',
    'FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build',
    'ARG TARGETOS TARGETARCH',
    'WORKDIR /src',
    'COPY go.mod go.sum ./',
    'RUN --mount=type=cache,target=/go/pkg/mod go mod download',
    'COPY . .',
    'RUN --mount=type=cache,target=/root/.cache/go-build <<EOF',
    'set -e',
    'CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app ./cmd/app',
    'EOF',
    '',
    'FROM gcr.io/distroless/static-debian12:nonroot',
    'COPY --from=build /out/app /app',
    'COPY <<EOF /etc/app/config.yaml',
    'listen: ":8080"',
    'EOF',
    'EXPOSE 8080',
    'ENTRYPOINT ["/app"]',
    '',
  ].join('\n'),
  'the course multi-stage Node build with a numeric user through an ARG': [
    'ARG NODE_VERSION=18',
    'FROM node:${NODE_VERSION}-alpine AS builder',
    'WORKDIR /app',
    'COPY package*.json ./',
    'RUN npm ci',
    'COPY . .',
    'RUN npm run build',
    '',
    'FROM node:${NODE_VERSION}-alpine',
    'ARG APP_UID=1001',
    'WORKDIR /app',
    'ENV NODE_ENV=production',
    'COPY package*.json ./',
    'RUN npm ci --omit=dev && npm cache clean --force',
    'COPY --from=builder /app/dist ./dist',
    'USER ${APP_UID}',
    'EXPOSE 3000',
    'HEALTHCHECK --interval=30s CMD wget -qO- http://localhost:3000/health || exit 1',
    'CMD ["node", "dist/server.js"]',
    '',
  ].join('\n'),
  'Debian slim with the apt best practices and pipefail': [
    'FROM python:3.12-slim-bookworm',
    'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    'RUN apt-get update \\',
    '    && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\',
    '# the archive key comes from the vendor',
    '    && curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg \\',
    '    && rm -rf /var/lib/apt/lists/*',
    'WORKDIR /app',
    'COPY requirements.txt .',
    'RUN pip install --no-cache-dir -r requirements.txt',
    'COPY . .',
    'RUN useradd --create-home appuser',
    'USER appuser',
    'CMD ["python", "app.py"]',
    '',
  ].join('\n'),
  'CRLF line endings and a BOM': '\uFEFFFROM alpine:3.20\r\nRUN apk add --no-cache curl=8.9.1-r0\r\nUSER 1000\r\nCMD ["curl", "--version"]\r\n',
};

describe('lint: tricky but correct Dockerfiles stay clean', () => {
  for (const [name, src] of Object.entries(CLEAN)) {
    it(name, () => {
      const serious = run(src).filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.strictEqual(describeFindings(src, serious), '');
    });
  }
});
