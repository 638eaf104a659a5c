// Docs (prose and examples) shared by several rules.
import type { RuleDocs } from './types';

export const MULTI_STAGE_EXAMPLE = [
  'FROM node:18-alpine AS builder',
  'WORKDIR /app',
  'COPY package*.json ./',
  'RUN npm install',
  'COPY . .',
  'RUN npm run build',
  '',
  'FROM nginx:alpine',
  'COPY --from=builder /app/dist /usr/share/nginx/html',
].join('\n');

export const NON_ROOT_DOCS: Omit<RuleDocs, 'url'> = {
  description: {
    ko: '`USER`가 없으면 컨테이너는 root로 실행됩니다. 애플리케이션에 취약점이 있으면 공격자가 컨테이너 안에서 root 권한을 얻게 됩니다. 과정의 베스트 프랙티스처럼 일반 사용자를 만들고 최종 스테이지에서 그 사용자로 전환하세요. 빌더 스테이지의 `USER`는 최종 이미지에 영향을 주지 않습니다.',
    en: 'Without `USER` the container runs as root: a vulnerability in the application gives an attacker root inside the container. As the course’s best practices say, create an ordinary user and switch to it in the final stage. A `USER` in a builder stage does not change the final image.',
  },
  example: [
    'FROM node:18-alpine',
    'WORKDIR /app',
    'COPY . .',
    'RUN adduser -D appuser',
    'USER appuser',
    'CMD ["node", "server.js"]',
  ].join('\n'),
};
