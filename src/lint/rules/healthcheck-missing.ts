import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'healthcheck-missing',
    category: 'maintainability',
    severity: 'info',
    hadolint: 'DL3057',
    enabledByDefault: false,
    title: { ko: 'HEALTHCHECK 정하기', en: 'Define a HEALTHCHECK' },
    messages: {
      healthcheckMissing: {
        ko: '최종 이미지에 `HEALTHCHECK`가 없습니다. Docker는 프로세스가 살아 있는지만 알 뿐, 앱이 응답하는지는 모릅니다.',
        en: 'The final image has no `HEALTHCHECK`: Docker only knows the process is alive, not that the app answers.',
      },
    },
    docs: {
      description: {
        ko: '기본으로는 꺼져 있습니다(베이스 이미지가 이미 정했을 수도 있고, Kubernetes는 자체 프로브를 씁니다). `HEALTHCHECK`가 있으면 `docker ps`에 `healthy`/`unhealthy`가 보이고, Compose의 `depends_on: condition: service_healthy`가 그것을 기다립니다. `.hadolint.yaml`의 `override`로 켜세요.',
        en: 'Off by default (the base image may define one, and Kubernetes uses its own probes). With a `HEALTHCHECK`, `docker ps` shows `healthy`/`unhealthy` and Compose’s `depends_on: condition: service_healthy` waits for it. Turn it on with `override` in `.hadolint.yaml`.',
      },
      example: 'HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost:3000/health || exit 1',
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (HEALTHCHECK)', en: 'Main instructions (HEALTHCHECK)' }),
    fixable: false,
  },
  check(ctx) {
    const final = ctx.doc.stages.find((s) => s.isFinal);
    if (!final) return;
    for (let s: typeof final | null = final; s; s = s.parent) if (s.instructions.some((i) => i.keyword === 'HEALTHCHECK')) return;
    ctx.report({ messageId: 'healthcheckMissing', start: final.from.start, end: final.from.logicalEnd });
  },
});
