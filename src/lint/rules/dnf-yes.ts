import { hasOption, rpmInstall } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { insertAfter } from '../fixes';
import { defineRule } from '../rule';

const TOOLS = ['dnf'];

export default defineRule({
  meta: {
    id: 'dnf-yes',
    category: 'correctness',
    severity: 'warning',
    hadolint: 'DL3038',
    title: { ko: '`dnf install -y` 사용', en: 'Use `dnf install -y`' },
    messages: {
      dnfYes: {
        ko: '`{tool} install`에 `-y`가 없어 빌드 중 확인 질문에서 멈추거나 실패합니다.',
        en: '`{tool} install` without `-y` stops at the confirmation prompt and fails the build.',
      },
      addY: { ko: '`-y` 추가', en: 'Add `-y`' },
    },
    docs: {
      description: {
        ko: '빌드 중에는 질문에 답할 사람이 없습니다. `dnf install`은 설치 전에 확인을 묻기 때문에 `-y`(`--assumeyes`)로 자동 승인해야 합니다.',
        en: 'Nobody answers prompts during a build. `dnf install` asks for confirmation first, so approve automatically with `-y` (`--assumeyes`).',
      },
      example: 'RUN dnf install -y httpd-2.4.57 && dnf clean all',
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (RUN: `apt-get install -y curl`)', en: 'Main instructions (RUN: `apt-get install -y curl`)' }),
    fixable: true,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        const sub = rpmInstall(c, TOOLS);
        if (!sub || hasOption(c.argv, 'y', ['--assumeyes'])) continue;
        const word = c.argv[sub.index];
        ctx.report({ messageId: 'dnfYes', start: c.start, end: word.end, data: { tool: c.name }, fix: { messageId: 'addY', edits: [insertAfter(word, '-y')] } });
      }
    }
  },
});
