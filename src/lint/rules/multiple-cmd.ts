import { courseRef, SESSIONS } from '../course';
import { overriddenMessages, reportOverridden } from '../fixes';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'multiple-cmd',
    category: 'correctness',
    severity: 'warning',
    hadolint: 'DL4003',
    buildkit: 'MultipleInstructionsDisallowed',
    title: { ko: 'CMD는 스테이지마다 하나', en: 'One CMD per stage' },
    messages: overriddenMessages('CMD', {
      ko: '이 스테이지에 `CMD`가 여러 개입니다. 마지막 `CMD`({line}번째 줄)만 적용되고 이 줄은 무시됩니다.',
      en: 'This stage has several `CMD`s. Only the last one (line {line}) takes effect; this one is ignored.',
    }),
    docs: {
      description: {
        ko: '`CMD`는 컨테이너가 시작할 때 실행할 기본 명령어 하나를 정합니다. 여러 개를 쓰면 마지막 것만 남습니다. 여러 프로세스를 띄우려면 스크립트를 만들어 그것을 `CMD`로 실행하세요.',
        en: '`CMD` sets the one default command a container starts with; with several, only the last remains. To start several processes, write a script and make it the `CMD`.',
      },
      example: 'CMD ["npm", "start"]',
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (CMD: 컨테이너 실행 시 기본 실행 명령어)', en: 'Main instructions (CMD: default command)' }),
    fixable: true,
  },
  check(ctx) {
    reportOverridden(ctx, 'CMD');
  },
});
