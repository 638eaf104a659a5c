import { hasOption, ZYPPER_CONFIRMS, zypperSub } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { insertAfter } from '../fixes';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'zypper-non-interactive',
    category: 'correctness',
    severity: 'warning',
    hadolint: 'DL3034',
    differsFromHadolint: {
      ko: '`-n`(`--non-interactive`)은 zypper의 전역 옵션이라 하위 명령 앞에 와야 합니다(`zypper -n install`). `install` 뒤의 `-n`은 `--name`(이름으로 고르기)이라 질문은 그대로 나옵니다. hadolint(DL3034)는 하위 명령 뒤의 `-n`, `--non-interactive`도 인정합니다. `.hadolint.yaml`에 `hadolint-compat: true`를 두면 어디에 있든 인정합니다.',
      en: '`-n` (`--non-interactive`) is a global zypper option and must come before the subcommand (`zypper -n install`); after `install`, `-n` means `--name` and the prompt still comes. hadolint (DL3034) accepts `-n` and `--non-interactive` after the subcommand too. `hadolint-compat: true` in `.hadolint.yaml` accepts them anywhere, as hadolint does.',
    },
    title: { ko: '`zypper -n`으로 질문 없이 실행', en: 'Run zypper non-interactively (`-n`)' },
    messages: {
      zypperNonInteractive: {
        ko: '`zypper {sub}`가 확인 질문에서 멈춥니다. `zypper -n {sub}`(`--non-interactive`)로 실행하세요.',
        en: '`zypper {sub}` stops at its confirmation prompt. Run `zypper -n {sub}` (`--non-interactive`).',
      },
      addN: { ko: '`-n` 추가', en: 'Add `-n`' },
    },
    docs: {
      description: {
        ko: '빌드 중에는 질문에 답할 사람이 없습니다. zypper는 설치·삭제 전에 확인을 묻기 때문에 전역 옵션 `-n`(`--non-interactive`)이나 하위 명령의 `-y`(`--no-confirm`)로 자동 승인해야 합니다.',
        en: 'Nobody answers prompts during a build. zypper asks before installing or removing, so approve automatically with the global option `-n` (`--non-interactive`) or the subcommand’s `-y` (`--no-confirm`).',
      },
      example: 'RUN zypper -n install curl=8.6.0 && zypper clean',
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (RUN: `apt-get install -y curl`)', en: 'Main instructions (RUN: `apt-get install -y curl`)' }),
    fixable: true,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        const sub = zypperSub(c);
        if (!sub || !ZYPPER_CONFIRMS.has(sub.value)) continue;
        // `-n` is global (before the subcommand); `-y` / `--no-confirm` belong to the subcommand.
        const global = ctx.options.hadolintCompat ? c.argv : c.argv.slice(0, sub.index);
        if (hasOption(global, 'n', ['--non-interactive']) || hasOption(c.argv, 'y', ['--no-confirm'], sub.index + 1)) continue;
        ctx.report({
          messageId: 'zypperNonInteractive',
          start: c.start,
          end: c.argv[sub.index].end,
          data: { sub: sub.value },
          fix: { messageId: 'addN', edits: [insertAfter(c.argv[0], '-n')] },
        });
      }
    }
  },
});
