import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export default defineRule({
  meta: {
    id: 'onbuild-trigger',
    category: 'correctness',
    severity: 'error',
    hadolint: 'DL3043',
    title: { ko: 'ONBUILD로 쓸 수 없는 명령어', en: 'Instructions ONBUILD cannot trigger' },
    messages: {
      onbuildNotAllowed: { ko: '`ONBUILD {trigger}` 조합은 허용되지 않습니다.', en: '`ONBUILD {trigger}` is not allowed.' },
    },
    docs: {
      description: {
        ko: '`ONBUILD`는 이 이미지를 `FROM`으로 쓰는 다음 빌드에서 실행할 명령어를 예약합니다. 그 빌드는 이미 `FROM`으로 시작했으므로 `FROM`은 예약할 수 없고, `ONBUILD ONBUILD`처럼 겹쳐 쓰거나 없어진 `MAINTAINER`를 예약할 수도 없습니다.',
        en: '`ONBUILD` schedules an instruction for the next build that uses this image in its `FROM`. That build has already started with its `FROM`, so `FROM` cannot be scheduled, nor can `ONBUILD` itself (nesting) or the deprecated `MAINTAINER`.',
      },
      example: ['# ❌', 'ONBUILD FROM alpine:3.20', '# ✅', 'ONBUILD COPY . /app/src'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (명령어 / 설명 / 예제 표)', en: 'Main instructions (instruction / description / example table)' }),
    fixable: false,
  },
  check(ctx) {
    for (const ins of ctx.doc.instructions) {
      if (ins.keyword !== 'ONBUILD') continue;
      const trigger = ins.triggerKeyword;
      if (trigger && FORBIDDEN.has(trigger)) ctx.report({ messageId: 'onbuildNotAllowed', start: ins.start, end: ins.logicalEnd, data: { trigger } });
    }
  },
});
