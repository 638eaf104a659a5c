import { courseRef, SESSIONS } from '../course';
import { overriddenMessages, reportOverridden } from '../fixes';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'multiple-entrypoint',
    category: 'correctness',
    severity: 'error',
    hadolint: 'DL4004',
    buildkit: 'MultipleInstructionsDisallowed',
    title: { ko: 'ENTRYPOINT는 스테이지마다 하나', en: 'One ENTRYPOINT per stage' },
    messages: overriddenMessages('ENTRYPOINT', {
      ko: '이 스테이지에 `ENTRYPOINT`가 여러 개입니다. 마지막 것({line}번째 줄)만 적용됩니다.',
      en: 'This stage has several `ENTRYPOINT`s. Only the last one (line {line}) takes effect.',
    }),
    docs: {
      description: {
        ko: '`ENTRYPOINT`는 컨테이너의 실행 파일을 정합니다. 여러 개 쓰면 마지막 것만 남으므로, 앞의 것은 오해를 부를 뿐입니다.',
        en: '`ENTRYPOINT` sets the container’s executable. With several only the last remains; the earlier ones just mislead.',
      },
      example: 'ENTRYPOINT ["python", "app.py"]',
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (ENTRYPOINT: 기본 실행 파일 지정)', en: 'Main instructions (ENTRYPOINT: default executable)' }),
    fixable: true,
  },
  check(ctx) {
    reportOverridden(ctx, 'ENTRYPOINT');
  },
});
