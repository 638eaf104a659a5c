import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'no-sudo',
    category: 'security',
    severity: 'error',
    hadolint: 'DL3004',
    title: { ko: '`sudo` 쓰지 않기', en: 'Do not use `sudo`' },
    messages: {
      noSudo: {
        ko: 'Dockerfile에서 `sudo`는 필요 없고 예측하기 어려운 동작(TTY, 신호 처리)을 일으킵니다. root가 필요한 단계 앞에서 `USER root`로 전환하세요.',
        en: '`sudo` is unnecessary in a Dockerfile and behaves unpredictably (TTY, signals). Switch with `USER root` before the steps that need root.',
      },
    },
    docs: {
      description: {
        ko: '빌드 단계는 기본적으로 root로 실행됩니다. 일반 사용자로 전환한 뒤 root가 필요하다면 `USER`로 잠시 바꾸고, 끝나면 다시 일반 사용자로 돌아오세요. 최종 이미지에 `sudo`를 설치하는 것 자체가 권한 상승 통로가 됩니다.',
        en: 'Build steps run as root by default. If you switched to an ordinary user and need root again, switch with `USER` and back afterwards. Installing `sudo` in the final image is itself a privilege-escalation path.',
      },
      example: [
        'USER root',
        'RUN apt-get update && apt-get install -y curl',
        'USER appuser',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 3: 베스트 프랙티스 (보안 강화)', en: 'Concept 3: best practices (security)' }),
    fixable: false,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) if (c.name === 'sudo') ctx.report({ messageId: 'noSudo', start: c.argv[0].start, end: c.argv[0].end });
    }
  },
});
