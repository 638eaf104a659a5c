import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'copy-from-own-stage',
    category: 'multi-stage',
    severity: 'error',
    hadolint: 'DL3023',
    title: { ko: '자기 스테이지에서 복사할 수 없음', en: 'COPY --from cannot reference its own stage' },
    messages: {
      copyFromOwnStage: {
        ko: '`--from={name}` 옵션이 지금 이 스테이지를 가리킵니다. 다른(앞의) 스테이지를 지정하세요.',
        en: '`--from={name}` points at the stage it is in. Name another, earlier stage.',
      },
    },
    docs: {
      description: {
        ko: '스테이지는 자기 자신에게서 파일을 복사할 수 없습니다. 빌드 결과를 만드는 빌더 스테이지와 그것을 가져오는 스테이지를 나누세요.',
        en: 'A stage cannot copy files from itself. Split the builder stage that produces the files from the stage that takes them.',
      },
      example: [
        'FROM golang:1.22-alpine AS build',
        'RUN go build -o /out/app .',
        'FROM alpine:3.20',
        'COPY --from=build /out/app /usr/local/bin/app',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 2: 멀티스테이지 빌드', en: 'Concept 2: multi-stage builds' }),
    fixable: false,
  },
  check(ctx) {
    for (const stage of ctx.facts.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'COPY') continue;
        const from = ins.flag('from');
        if (!from?.value || from.valueStart === null || from.valueEnd === null) continue;
        const own = (stage.name !== null && from.value.toLowerCase() === stage.name.toLowerCase()) || (!stage.implicit && from.value === String(stage.index));
        if (own) ctx.report({ messageId: 'copyFromOwnStage', start: from.valueStart, end: from.valueEnd, data: { name: from.value } });
      }
    }
  },
});
