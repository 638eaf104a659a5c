import { courseRef, SESSIONS } from '../course';
import { overriddenMessages, reportOverridden } from '../fixes';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'multiple-healthcheck',
    category: 'correctness',
    severity: 'error',
    hadolint: 'DL3012',
    buildkit: 'MultipleInstructionsDisallowed',
    title: { ko: 'HEALTHCHECK는 스테이지마다 하나', en: 'One HEALTHCHECK per stage' },
    messages: overriddenMessages('HEALTHCHECK', {
      ko: '이 스테이지에 `HEALTHCHECK`가 여러 개입니다. 마지막 것({line}번째 줄)만 적용되고 이 줄은 무시됩니다.',
      en: 'This stage has several `HEALTHCHECK`s. Only the last one (line {line}) takes effect; this one is ignored.',
    }),
    docs: {
      description: {
        ko: '`HEALTHCHECK`는 컨테이너가 정상인지 확인할 명령어 하나를 정합니다. 여러 개를 쓰면 마지막 것만 남으니, 확인할 것이 여러 가지라면 한 명령어(스크립트)로 묶으세요.',
        en: '`HEALTHCHECK` sets the one command that tells whether the container is healthy; with several, only the last remains. To check several things, combine them into one command (a script).',
      },
      example: 'HEALTHCHECK --interval=30s CMD curl -f http://localhost:3000/health || exit 1',
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (HEALTHCHECK)', en: 'Main instructions (HEALTHCHECK)' }),
    fixable: true,
  },
  check(ctx) {
    reportOverridden(ctx, 'HEALTHCHECK');
  },
});
