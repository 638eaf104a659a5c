import { aptQuietLevel, hasOption, isAptInstall } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { insertAfter } from '../fixes';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'apt-get-yes',
    category: 'correctness',
    severity: 'warning',
    hadolint: 'DL3014',
    title: { ko: '`apt-get install -y` 사용', en: 'Use `apt-get install -y`' },
    messages: {
      aptGetYes: {
        ko: '`apt-get install`에 `-y`가 없어 빌드 중 확인 질문에서 멈추거나 실패합니다.',
        en: '`apt-get install` without `-y` stops at the confirmation prompt and fails the build.',
      },
      addY: { ko: '`-y` 추가', en: 'Add `-y`' },
    },
    docs: {
      description: {
        ko: '빌드 중에는 질문에 답할 사람이 없습니다. 과정의 예처럼 `-y`로 자동 승인하세요.',
        en: 'Nobody answers prompts during a build. Approve automatically with `-y`, as in the course’s examples.',
      },
      example: 'RUN apt-get update && apt-get install -y curl',
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (RUN: `apt-get install -y curl`)', en: 'Main instructions (RUN: `apt-get install -y curl`)' }),
    fixable: true,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        const sub = isAptInstall(c);
        if (!sub) continue;
        if (hasOption(c.argv, 'y', ['--yes', '--assume-yes', '--force-yes'])) continue;
        // Quiet level 2 (-qq, -q -q, --quiet --quiet, -q=2) implies -y.
        if (aptQuietLevel(c.argv) >= 2) continue;
        const word = c.argv[sub.index];
        ctx.report({ messageId: 'aptGetYes', start: c.start, end: word.end, fix: { messageId: 'addY', edits: [insertAfter(word, '-y')] } });
      }
    }
  },
});
