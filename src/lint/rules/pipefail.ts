import { courseRef, SESSIONS } from '../course';
import { insertLineBefore } from '../fixes';
import { basename, type ShellCommand } from '../parse/shell';
import { defineRule } from '../rule';

function setsPipefail(c: ShellCommand): boolean {
  if (c.name !== 'set') return false;
  const a = c.argv;
  for (let i = 1; i < a.length - 1; i++) if (/^-[a-z]*o$/.test(a[i].value) && a[i + 1].value === 'pipefail') return true;
  return false;
}

/** The shells whose SHELL `-o pipefail` hadolint counts. */
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash']);

export default defineRule({
  meta: {
    id: 'pipefail',
    category: 'correctness',
    severity: 'warning',
    hadolint: 'DL4006',
    differsFromHadolint: {
      ko: 'hadolint(DL4006)는 `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`처럼 SHELL 명령만 봅니다. 여기서는 같은 RUN 앞부분의 `set -o pipefail`도 인정하고, `-eo pipefail`처럼 묶은 옵션과 `FROM <스테이지>`로 물려받은 SHELL도 읽습니다. `.hadolint.yaml`에 `hadolint-compat: true`를 두면 RUN 안의 `set -o pipefail`은 인정하지 않고, SHELL의 `-o pipefail`도 hadolint처럼 bash, zsh, ash일 때만 인정합니다.',
      en: 'hadolint (DL4006) looks at the SHELL instruction only (`SHELL ["/bin/bash", "-o", "pipefail", "-c"]`). Here `set -o pipefail` earlier in the same RUN counts too, combined options such as `-eo pipefail` are read, and a SHELL is inherited through `FROM <stage>`. `hadolint-compat: true` in `.hadolint.yaml` stops counting `set -o pipefail` inside the RUN, and counts a SHELL’s `-o pipefail` only for bash, zsh and ash, as hadolint does.',
    },
    title: { ko: '파이프 전에 `pipefail` 설정', en: 'Set `pipefail` before piping' },
    messages: {
      pipefail: {
        ko: '파이프(`|`)의 앞 명령이 실패해도 마지막 명령이 성공하면 RUN이 성공합니다. `SHELL`에 `-o pipefail`을 설정하세요.',
        en: 'If a command before `|` fails but the last one succeeds, the RUN still succeeds. Set `-o pipefail` in `SHELL`.',
      },
      addPipefailShell: { ko: '`SHELL`에 pipefail 설정 추가', en: 'Add a `SHELL` with pipefail' },
    },
    docs: {
      description: {
        ko: '`RUN wget -O - https://example.com/install.sh | sh`에서 다운로드가 실패해도 `sh`가 성공하면 빌드는 계속됩니다. `pipefail`을 켜면 파이프 중 하나라도 실패할 때 RUN이 실패합니다. Alpine은 bash가 없으니 `/bin/ash`를 쓰세요.',
        en: 'In `RUN wget -O - https://example.com/install.sh | sh`, a failed download goes unnoticed when `sh` succeeds. With `pipefail` the RUN fails if any part of the pipe fails. Alpine has no bash: use `/bin/ash` there.',
      },
      example: [
        'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
        'RUN wget -O - https://example.com/install.sh | sh',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (RUN: 명령 실행)', en: 'Main instructions (RUN: run commands)' }),
    fixable: true,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (run.isJsonForm) continue;
      const shell = ctx.facts.shellAt(run);
      if (!shell.posix) continue;
      // hadolint counts a SHELL's pipefail only for bash, zsh and ash; `sh -o pipefail` is
      // busybox's sh on Alpine (which has it) but dash elsewhere (which refuses it).
      if (shell.pipefail && (!ctx.options.hadolintCompat || PIPEFAIL_SHELLS.has(basename((shell.argv[0] ?? '').replace(/\\/g, '/')).toLowerCase()))) continue;
      const script = ctx.facts.script(run);
      if (!script.hasPipe) continue;
      const cmds = script.commands;
      const pipeAt = cmds.findIndex((c) => c.next === '|');
      if (pipeAt === -1) continue;
      if (!ctx.options.hadolintCompat && cmds.slice(0, pipeAt).some(setsPipefail)) continue;
      const os = ctx.facts.os(run.stage);
      const SHELL = ctx.facts.keyword('SHELL');
      const line = os === 'alpine' ? `${SHELL} ["/bin/ash", "-eo", "pipefail", "-c"]` : os === 'debian' || os === 'rhel' ? `${SHELL} ["/bin/bash", "-o", "pipefail", "-c"]` : null;
      const first = cmds[pipeAt];
      ctx.report({
        messageId: 'pipefail',
        start: first.start,
        end: cmds[pipeAt + 1]?.end ?? first.end,
        fix: line && !shell.explicit ? { messageId: 'addPipefailShell', edits: [insertLineBefore(ctx.facts, run, line)] } : null,
      });
    }
  },
});
