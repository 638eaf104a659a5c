import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

/** `--from=` values that name an image rather than a stage (`nginx:1.25`, `ghcr.io/x/y`). */
export function looksLikeImage(value: string): boolean {
  return /[:/@.]/.test(value);
}

export default defineRule({
  meta: {
    id: 'copy-from-unknown-stage',
    category: 'multi-stage',
    severity: 'warning',
    hadolint: 'DL3022',
    title: { ko: '`COPY --from`은 앞에서 정의한 스테이지를 가리켜야 함', en: '`COPY --from` should name an earlier stage' },
    messages: {
      copyFromUnknownStage: {
        ko: '`--from={name}`: 이 앞에 `AS {name}` 형식으로 정의한 스테이지가 없습니다. Docker는 이를 Docker Hub의 이미지 이름으로 해석합니다.',
        en: '`--from={name}`: no stage `AS {name}` is defined before this line. Docker will treat it as an image name on Docker Hub.',
      },
      noStageNumber: { ko: '`--from={name}`: 이 앞에 {name}번 스테이지가 없습니다(스테이지 번호는 0부터).', en: '`--from={name}`: there is no stage {name} before this line (stages count from 0).' },
      stageDefinedLater: { ko: '`--from={name}`: `{name}` 스테이지가 이 줄보다 뒤에 정의되어 있습니다. 참조하는 스테이지를 먼저 정의하세요.', en: '`--from={name}`: stage `{name}` is defined after this line. Define it before the stage that copies from it.' },
    },
    docs: {
      description: {
        ko: '`COPY --from=`에는 앞에서 `FROM … AS 이름`으로 붙인 스테이지 이름(또는 번호)을 씁니다. 오타가 있거나 스테이지가 뒤에 정의되어 있으면 Docker는 같은 이름의 이미지를 내려받으려다 실패합니다.',
        en: '`COPY --from=` takes the name (or number) of an earlier stage named with `FROM … AS name`. With a typo, or a stage defined further down, Docker tries to pull an image of that name and fails.',
      },
      example: [
        'FROM node:18-alpine AS builder',
        'RUN npm run build',
        'FROM nginx:alpine',
        'COPY --from=builder /app/dist /usr/share/nginx/html',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 2: 멀티스테이지 빌드 (`COPY --from=builder`)', en: 'Concept 2: multi-stage builds (`COPY --from=builder`)' }),
    fixable: false,
  },
  check(ctx) {
    const stages = ctx.doc.stages;
    for (const stage of ctx.facts.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'COPY') continue;
        const from = ins.flag('from');
        if (!from || from.value === null || from.valueStart === null || from.valueEnd === null) continue;
        const value = from.value;
        if (value === '' || value.includes('$') || looksLikeImage(value)) continue;
        if (/^\d+$/.test(value)) {
          if (Number(value) < stage.index) continue;
          if (Number(value) === stage.index) continue; // copy-from-own-stage reports it
          ctx.report({
            start: from.valueStart,
            end: from.valueEnd,
            data: { name: value },
            messageId: 'noStageNumber',
          });
          continue;
        }
        const lower = value.toLowerCase();
        const earlier = stages.slice(0, Math.max(0, stage.index)).some((s) => s.name?.toLowerCase() === lower);
        if (earlier || stage.name?.toLowerCase() === lower) continue;
        const later = stages.slice(stage.index + 1).some((s) => s.name?.toLowerCase() === lower);
        ctx.report({
          start: from.valueStart,
          end: from.valueEnd,
          data: { name: value },
          messageId: later ? 'stageDefinedLater' : 'copyFromUnknownStage',
        });
      }
    }
  },
});
