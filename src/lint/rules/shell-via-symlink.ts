import { courseRef, SESSIONS } from '../course';
import { hasOption, operands } from '../shellCommands';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'shell-via-symlink',
    category: 'correctness',
    severity: 'warning',
    hadolint: 'DL4005',
    title: { ko: '기본 셸은 `SHELL`로 바꾸기', en: 'Change the default shell with `SHELL`' },
    messages: {
      shellViaSymlink: {
        ko: '`/bin/sh`를 다른 셸의 링크로 바꾸면 이미지의 모든 스크립트가 영향을 받습니다. `RUN`의 셸만 바꾸려면 `SHELL ["{shell}", "-c"]`을 쓰세요.',
        en: 'Relinking `/bin/sh` to another shell changes it for every script in the image. To change the shell of `RUN`, use `SHELL ["{shell}", "-c"]`.',
      },
    },
    docs: {
      description: {
        ko: '`ln -sf /bin/bash /bin/sh`는 시스템의 `/bin/sh`를 바꿔서, `sh`를 기대하는 패키지 스크립트까지 다르게 동작하게 합니다. Dockerfile의 `RUN`이 쓰는 셸만 바꾸려면 `SHELL` 명령어를 쓰세요.',
        en: '`ln -sf /bin/bash /bin/sh` replaces the system’s `/bin/sh`, so even package scripts that expect `sh` behave differently. To change only the shell the Dockerfile’s `RUN` uses, use the `SHELL` instruction.',
      },
      example: ['SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'RUN echo "$BASH_VERSION"'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (RUN)', en: 'Main instructions (RUN)' }),
    fixable: false,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        if (c.name !== 'ln' || !hasOption(c.argv, 's', ['--symbolic'])) continue;
        const ops = operands(c.argv, 1, new Set(['-S', '--suffix', '-t', '--target-directory']));
        const target = ops[ops.length - 1];
        if (ops.length < 2 || target.value !== '/bin/sh') continue;
        ctx.report({ messageId: 'shellViaSymlink', start: c.start, end: c.end, data: { shell: ops[0].value } });
      }
    }
  },
});
