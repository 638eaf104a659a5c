import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'duplicate-stage-name',
    category: 'multi-stage',
    severity: 'error',
    hadolint: 'DL3024',
    buildkit: 'DuplicateStageName',
    title: { ko: '스테이지 이름은 고유해야 함', en: 'Stage names must be unique' },
    messages: {
      duplicateStageName: {
        ko: '`{name}` 스테이지가 이미 {line}번째 줄에 정의되어 있습니다.',
        en: 'Stage `{name}` is already defined on line {line}.',
      },
    },
    docs: {
      description: {
        ko: '`AS` 뒤의 스테이지 이름은 대소문자를 구분하지 않고 파일 안에서 하나여야 합니다. 같은 이름이 두 번 나오면 `COPY --from`이 어느 스테이지를 가리키는지 알 수 없어 빌드가 실패합니다.',
        en: 'Stage names after `AS` are case-insensitive and must be unique in the file. With a duplicate, `COPY --from` cannot tell which stage is meant and the build fails.',
      },
      example: [
        'FROM node:18-alpine AS deps',
        'FROM node:18-alpine AS build',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 2: 멀티스테이지 빌드 (`AS builder`)', en: 'Concept 2: multi-stage builds (`AS builder`)' }),
    fixable: false,
  },
  check(ctx) {
    const seen = new Map<string, number>();
    for (const stage of ctx.doc.stages) {
      if (!stage.name) continue;
      const key = stage.name.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, ctx.doc.lines.lineOf(stage.from.start));
        continue;
      }
      const nameArg = stage.from.args[2];
      ctx.report({ messageId: 'duplicateStageName', start: nameArg.start, end: nameArg.end, data: { name: stage.name, line: first + 1 } });
    }
  },
});
