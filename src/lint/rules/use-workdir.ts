import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'use-workdir',
    category: 'correctness',
    severity: 'warning',
    hadolint: 'DL3003',
    title: { ko: '`cd` 대신 WORKDIR 사용', en: 'Use WORKDIR instead of `cd`' },
    messages: {
      useWorkdir: {
        ko: 'RUN 안의 `cd`는 그 RUN에서만 유지됩니다. 디렉토리를 바꾸려면 `WORKDIR`을 쓰세요.',
        en: '`cd` inside RUN only lasts for that RUN. Use `WORKDIR` to change directory.',
      },
    },
    docs: {
      description: {
        ko: 'RUN은 매번 새 셸에서 실행되므로 `cd`의 효과는 다음 명령어로 이어지지 않습니다. 이후 명령까지 같은 디렉토리에서 실행하려면 `WORKDIR`을 쓰세요. `(cd dir && make)`처럼 서브셸 안의 `cd`는 의도가 분명하므로 검사하지 않습니다.',
        en: 'Each RUN starts a new shell, so a `cd` does not carry over to the next instruction. Use `WORKDIR` for a directory later instructions should use too. A `cd` inside a subshell, `(cd dir && make)`, is clearly deliberate and not flagged.',
      },
      example: [
        '# ❌',
        'RUN cd /app && npm install',
        '# ✅',
        'WORKDIR /app',
        'RUN npm install',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 1: Dockerfile 기본 문법 (WORKDIR)', en: 'Concept 1: Dockerfile syntax (WORKDIR)' }),
    fixable: false,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        if (c.name === 'cd' && c.depth === 0) ctx.report({ messageId: 'useWorkdir', start: c.start, end: c.end });
      }
    }
  },
});
