import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'instruction-order',
    category: 'correctness',
    severity: 'error',
    hadolint: 'DL3061',
    title: { ko: 'Dockerfile은 FROM(또는 ARG)으로 시작', en: 'A Dockerfile starts with FROM (or ARG)' },
    messages: {
      instructionOrder: {
        ko: '`{keyword}` 명령어가 첫 `FROM`보다 앞에 있습니다. `FROM` 앞에는 `ARG`와 주석만 올 수 있습니다.',
        en: '`{keyword}` comes before the first `FROM`. Only `ARG` and comments may precede `FROM`.',
      },
    },
    docs: {
      description: {
        ko: '모든 명령어는 `FROM`으로 정한 베이스 이미지 위에서 실행됩니다. `FROM` 앞에는 `FROM`에서 쓸 `ARG`만 둘 수 있습니다.',
        en: 'Every instruction runs on top of the base image `FROM` selects. Only `ARG`s used by `FROM` may come before it.',
      },
      example: [
        'ARG NODE_VERSION=18',
        'FROM node:${NODE_VERSION}-alpine',
        'WORKDIR /app',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (FROM: 베이스 이미지 지정)', en: 'Main instructions (FROM: base image)' }),
    fixable: false,
  },
  check(ctx) {
    for (const ins of ctx.doc.instructions) {
      if (ins.keyword === 'FROM') return;
      if (ins.keyword === 'ARG') continue;
      // Each misplaced instruction, as hadolint's DL3061 reports them (the other rules judge them too: see DockerfileModel.preamble).
      ctx.report({ messageId: 'instructionOrder', start: ins.start, end: ins.keywordEnd, data: { keyword: ins.keyword } });
    }
  },
});
