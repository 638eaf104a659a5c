import { isAptUpdate } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { appendToRun } from '../fixes';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'apt-lists-cleanup',
    category: 'layer-cache',
    severity: 'info',
    hadolint: 'DL3009',
    title: { ko: 'apt 목록 삭제', en: 'Delete the apt lists' },
    messages: {
      aptListsCleanup: {
        ko: '`apt-get update`로 받은 패키지 목록(`/var/lib/apt/lists`)이 이미지에 남습니다. 같은 RUN 끝에 `rm -rf /var/lib/apt/lists/*`를 추가하세요.',
        en: 'The package lists `apt-get update` downloaded (`/var/lib/apt/lists`) stay in the image. End the same RUN with `rm -rf /var/lib/apt/lists/*`.',
      },
      addListsCleanup: { ko: '`rm -rf /var/lib/apt/lists/*` 추가', en: 'Add `rm -rf /var/lib/apt/lists/*`' },
    },
    docs: {
      description: {
        ko: '패키지 목록은 설치에만 필요하고 실행에는 필요 없지만, 지우지 않으면 수십 MB가 레이어에 남습니다. 다른 RUN에서 지우면 이미 만들어진 레이어는 줄지 않으므로 같은 RUN에서 지워야 합니다. 배포되지 않는 빌더 스테이지에서는 검사하지 않습니다.',
        en: 'Package lists are needed to install, not to run, yet left in place they add tens of MB to the layer. Deleting them in a later RUN does not shrink the earlier layer, so delete them in the same RUN. Builder stages that do not ship are not checked.',
      },
      example: [
        'RUN apt-get update && apt-get install -y --no-install-recommends curl \\',
        '    && rm -rf /var/lib/apt/lists/*',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.imageLayers, { ko: '개념 3: 이미지 최적화 기법 (불필요한 파일 제거)', en: 'Concept 3: image optimisation (remove unneeded files)' }),
    fixable: true,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!run.stage?.ships || !ctx.facts.posix(run)) continue;
      const cmds = ctx.facts.commands(run);
      const update = cmds.find(isAptUpdate);
      if (!update) continue;
      if (cmds.some((c) => c.name === 'rm' && c.argv.some((w) => w.value.startsWith('/var/lib/apt/lists')))) continue;
      if (ctx.facts.cacheMounts(run).some((t) => t.startsWith('/var/lib/apt'))) continue;
      const edit = appendToRun(ctx.facts, run, 'rm -rf /var/lib/apt/lists/*');
      ctx.report({
        messageId: 'aptListsCleanup',
        start: update.start,
        end: update.end,
        fix: edit ? { messageId: 'addListsCleanup', edits: [edit] } : null,
      });
    }
  },
});
