import { ZYPPER_INSTALL, zypperSub } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { appendToRun } from '../fixes';
import { judgesLayerOf, SHIPPED_STAGES_ONLY } from '../facts/instructions';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'zypper-clean',
    category: 'layer-cache',
    severity: 'info',
    hadolint: 'DL3036',
    differsFromHadolint: SHIPPED_STAGES_ONLY,
    title: { ko: '`zypper clean`으로 캐시 삭제', en: 'Clear the cache with `zypper clean`' },
    messages: {
      zypperClean: {
        ko: '`zypper install`이 받은 패키지와 저장소 메타데이터가 이미지에 남습니다. 같은 RUN 끝에 `zypper clean`을 추가하세요.',
        en: 'The packages and repository metadata `zypper install` downloaded stay in the image. End the same RUN with `zypper clean`.',
      },
      addClean: { ko: '`zypper clean` 추가', en: 'Add `zypper clean`' },
    },
    docs: {
      description: {
        ko: 'zypper의 캐시(`/var/cache/zypp`)는 설치에만 필요하지만, 지우지 않으면 레이어에 남습니다. 다른 RUN에서 지우면 이미 만들어진 레이어는 줄지 않으므로 같은 RUN에서 지워야 합니다. 배포되지 않는 빌더 스테이지와 캐시 마운트를 쓰는 RUN은 검사하지 않습니다.',
        en: 'zypper’s cache (`/var/cache/zypp`) is needed to install, yet left in place it stays in the layer. Deleting it in a later RUN does not shrink the earlier layer, so delete it in the same RUN. Builder stages that do not ship and RUNs with a cache mount are not checked.',
      },
      example: 'RUN zypper -n install curl=8.6.0 && zypper clean',
    },
    course: courseRef(SESSIONS.imageLayers, { ko: '개념 3: 이미지 최적화 기법 (불필요한 파일 제거)', en: 'Concept 3: image optimisation (remove unneeded files)' }),
    fixable: true,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!judgesLayerOf(ctx.options, run) || !ctx.facts.posix(run)) continue;
      const cmds = ctx.facts.commands(run);
      const install = cmds.find((c) => ZYPPER_INSTALL.has(zypperSub(c)?.value ?? ''));
      if (!install) continue;
      const cleans = cmds.some((c) => {
        const sub = zypperSub(c);
        if (sub) return sub.value === 'clean' || sub.value === 'cc';
        return c.name === 'rm' && c.argv.some((w) => w.value === '/var/cache/zypp' || w.value.startsWith('/var/cache/zypp/'));
      });
      if (cleans || ctx.facts.cacheMounts(run).some((t) => t.startsWith('/var/cache/zypp'))) continue;
      const edit = appendToRun(ctx.facts, run, 'zypper clean');
      ctx.report({ messageId: 'zypperClean', start: install.start, end: install.end, fix: edit ? { messageId: 'addClean', edits: [edit] } : null });
    }
  },
});
