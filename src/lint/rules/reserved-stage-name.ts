import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  meta: {
    id: 'reserved-stage-name',
    category: 'multi-stage',
    severity: 'warning',
    hadolint: 'DL3063',
    buildkit: 'ReservedStageName',
    title: { ko: '예약어를 스테이지 이름으로 쓰지 않기', en: 'Do not use reserved words as stage names' },
    messages: {
      reservedStageName: {
        ko: '`{name}`은(는) Docker가 예약한 이름이라 스테이지 이름으로 쓸 수 없습니다.',
        en: '`{name}` is reserved by Docker and cannot name a stage.',
      },
    },
    docs: {
      description: {
        ko: '`scratch`(빈 이미지)와 `context`(빌드 컨텍스트)는 Docker가 특별한 뜻으로 쓰는 이름입니다. 스테이지 이름으로 쓰면 `FROM`이나 `COPY --from`이 엉뚱한 것을 가리킵니다.',
        en: '`scratch` (the empty image) and `context` (the build context) mean something special to Docker. As stage names they make `FROM` or `COPY --from` point at the wrong thing.',
      },
      example: [
        '# ❌',
        'FROM alpine AS scratch',
        '# ✅',
        'FROM alpine AS base',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 2: 멀티스테이지 빌드', en: 'Concept 2: multi-stage builds' }),
    fixable: false,
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      if (!stage.name || !RESERVED.has(stage.name.toLowerCase())) continue;
      const nameArg = stage.from.args[2];
      ctx.report({ messageId: 'reservedStageName', start: nameArg.start, end: nameArg.end, data: { name: stage.name } });
    }
  },
});
