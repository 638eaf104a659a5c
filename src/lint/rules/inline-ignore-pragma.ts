import { courseRef, SESSIONS } from '../course';
import { ignorePragmas } from '../ignore';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'inline-ignore-pragma',
    category: 'maintainability',
    severity: 'hint',
    hadolint: 'DL1001',
    enabledByDefault: false,
    title: { ko: '인라인 무시 주석 쓰지 않기', en: 'No inline ignore comments' },
    messages: {
      inlineIgnorePragma: {
        ko: '`{pragma}`: 이 저장소는 인라인 무시 주석을 쓰지 않기로 했습니다. 문제를 고치거나, 규칙을 끄려면 `.hadolint.yaml`의 `ignored`에 적으세요.',
        en: '`{pragma}`: this repository does not use inline ignore comments. Fix the finding, or turn the rule off in `.hadolint.yaml` under `ignored`.',
      },
    },
    docs: {
      description: {
        ko: '기본으로는 꺼져 있습니다. 팀이 `# hadolint ignore=…`(또는 `# docker-labs ignore=…`) 주석으로 경고를 하나씩 숨기지 않고 설정 파일 한 곳에서 관리하기로 했다면 `.hadolint.yaml`의 `override`로 켜세요.',
        en: 'Off by default. Turn it on with `override` in `.hadolint.yaml` when your team decides not to hide findings one by one with `# hadolint ignore=…` (or `# docker-labs ignore=…`) comments but to manage them in the config file.',
      },
      example: ['# .hadolint.yaml', '# override:', '#   warning: [DL1001]', '# ❌', '# hadolint ignore=DL3008', 'RUN apt-get install -y curl'].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '베스트 프랙티스', en: 'Best practices' }),
    fixable: false,
  },
  check(ctx) {
    for (const p of ignorePragmas(ctx.doc)) {
      ctx.report({ messageId: 'inlineIgnorePragma', start: p.start, end: p.end, data: { pragma: ctx.text.slice(p.start, p.end).trim() } });
    }
  },
});
