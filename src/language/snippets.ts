// Dockerfile snippets for the course's starting points, described in Korean and
// English. Served by the editor's completion (src/language/vscode) rather than
// `contributes.snippets`: VS Code reads snippet files as they are, without the
// manifest's %key% localization, so a contributed snippet could not be Korean.
import type { Localized } from '../util/i18n';

export interface DockerfileSnippet {
  prefix: string;
  name: Localized;
  description: Localized;
  /** VS Code snippet syntax, one string per line. */
  body: readonly string[];
}

export const DOCKERFILE_SNIPPETS: readonly DockerfileSnippet[] = [
  {
    prefix: 'node-app',
    name: { ko: 'Node.js 앱 (의존성 먼저)', en: 'Node.js app (dependencies first)' },
    description: {
      ko: 'Node.js 앱: 소스보다 package*.json을 먼저 복사해 설치(캐시 활용), root가 아닌 node 사용자로 실행.',
      en: 'Node.js app: package*.json copied and installed before the source (cache-friendly), runs as the non-root node user.',
    },
    body: [
      'FROM node:${1:20}-alpine',
      'WORKDIR /app',
      'COPY package*.json ./',
      'RUN npm ci --omit=dev && npm cache clean --force',
      'COPY . .',
      'USER node',
      'EXPOSE ${2:3000}',
      'CMD ["node", "${3:server.js}"]',
      '$0',
    ],
  },
  {
    prefix: 'multi-stage',
    name: { ko: '2단계 빌드, root가 아닌 최종 스테이지', en: 'Two-stage build, non-root final stage' },
    description: {
      ko: '2단계 빌드: 첫 스테이지에서 빌드하고 결과물만 작은 최종 스테이지로 복사, root가 아닌 사용자로 실행.',
      en: 'Two-stage build: build in the first stage, copy only the result into a small final stage that runs as a non-root user.',
    },
    body: [
      'FROM node:${1:20}-alpine AS ${2:build}',
      'WORKDIR /app',
      'COPY package*.json ./',
      'RUN npm ci',
      'COPY . .',
      'RUN npm run build',
      '',
      'FROM node:${1:20}-alpine',
      'WORKDIR /app',
      'ENV NODE_ENV=production',
      'COPY package*.json ./',
      'RUN npm ci --omit=dev && npm cache clean --force',
      'COPY --from=${2:build} --chown=node:node /app/dist ./dist',
      'USER node',
      'CMD ["node", "dist/${3:index.js}"]',
      '$0',
    ],
  },
  {
    prefix: 'python-slim',
    name: { ko: 'slim 이미지의 Python 앱', en: 'Python app on a slim image' },
    description: {
      ko: 'slim 이미지의 Python 앱: requirements 먼저, 캐시 없는 pip, root가 아닌 사용자.',
      en: 'Python app on a slim image: requirements first, pip without cache, a non-root user.',
    },
    body: [
      'FROM python:${1:3.12}-slim',
      'ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1',
      'WORKDIR /app',
      'COPY requirements.txt .',
      'RUN pip install --no-cache-dir -r requirements.txt',
      'COPY . .',
      'RUN useradd --create-home appuser',
      'USER appuser',
      'CMD ["python", "${2:app.py}"]',
      '$0',
    ],
  },
];
