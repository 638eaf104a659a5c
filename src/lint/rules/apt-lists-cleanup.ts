import { isAptUpdate } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { appendToRun } from '../fixes';
import { shipsLayerOf } from '../facts/instructions';
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
      aptCacheMountIncomplete: {
        ko: '캐시 마운트가 `{mounted}`만 덮어서 `{missing}`의 apt 상태가 이미지에 남습니다(둘이 서로 맞지 않게 됩니다). `{missing}`도 캐시 마운트하세요.',
        en: 'The cache mount covers `{mounted}` only: apt’s state in `{missing}` stays in the image, out of step with it. Mount `{missing}` as a cache too.',
      },
      addCacheMount: { ko: '`{missing}` 캐시 마운트 추가', en: 'Add a cache mount on `{missing}`' },
    },
    docs: {
      description: {
        ko: '패키지 목록은 설치에만 필요하고 실행에는 필요 없지만, 지우지 않으면 수십 MB가 레이어에 남습니다. 다른 RUN에서 지우면 이미 만들어진 레이어는 줄지 않으므로 같은 RUN에서 지워야 합니다. 배포되지 않는 빌더 스테이지에서는 검사하지 않습니다. 캐시 마운트로도 레이어에서 뺄 수 있습니다(`type=tmpfs`도 `type=cache`와 같이 셉니다): `/var/lib/apt/lists` 하나, 또는 `/var/lib/apt`와 `/var/cache/apt` 둘 다(hadolint DL3009와 같은 기준).',
        en: 'Package lists are needed to install, not to run, yet left in place they add tens of MB to the layer. Deleting them in a later RUN does not shrink the earlier layer, so delete them in the same RUN. Builder stages that do not ship are not checked. A cache mount keeps them out too (`type=tmpfs` counts like `type=cache`): one on `/var/lib/apt/lists`, or one on each of `/var/lib/apt` and `/var/cache/apt`, as hadolint’s DL3009 counts them.',
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
      if (!shipsLayerOf(run) || !ctx.facts.posix(run)) continue;
      const cmds = ctx.facts.commands(run);
      const update = cmds.find(isAptUpdate);
      if (!update) continue;
      if (cmds.some((c) => c.name === 'rm' && c.argv.some((w) => w.value.startsWith('/var/lib/apt/lists')))) continue;
      if (ctx.facts.aptCachesMounted(run)) continue;
      const lib = ctx.facts.mountsCacheIn(run, '/var/lib/apt');
      if (lib || ctx.facts.mountsCacheIn(run, '/var/cache/apt')) {
        // Half of apt's cache mounted: deleting the lists would empty the cache, the other mount is the fix.
        const [mounted, missing] = lib ? ['/var/lib/apt', '/var/cache/apt'] : ['/var/cache/apt', '/var/lib/apt'];
        const at = ctx.facts.commandStart(run);
        ctx.report({
          messageId: 'aptCacheMountIncomplete',
          start: update.start,
          end: update.end,
          data: { mounted, missing },
          fix: run.json ? null : { messageId: 'addCacheMount', data: { missing }, edits: [{ start: at, end: at, text: ` --mount=type=cache,target=${missing},sharing=locked` }] },
        });
        continue;
      }
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
