import { cleansRpmCache, rpmInstall } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { appendToRun } from '../fixes';
import { judgesLayerOf, SHIPPED_STAGES_ONLY } from '../facts/instructions';
import { defineRule } from '../rule';

const TOOLS = ['dnf', 'microdnf'];
const CACHE_DIRS = ['dnf', 'yum', 'libdnf5'];

export default defineRule({
  meta: {
    id: 'dnf-clean',
    category: 'layer-cache',
    severity: 'info',
    hadolint: 'DL3040',
    differsFromHadolint: SHIPPED_STAGES_ONLY,
    title: { ko: '`dnf clean all`로 캐시 삭제', en: 'Clear the cache with `dnf clean all`' },
    messages: {
      dnfClean: {
        ko: '`{tool} install`이 받은 패키지와 메타데이터 캐시가 이미지에 남습니다. 같은 RUN 끝에 `{tool} clean all`을 추가하세요.',
        en: 'The packages and metadata `{tool} install` downloaded stay in the image. End the same RUN with `{tool} clean all`.',
      },
      addClean: { ko: '`{tool} clean all` 추가', en: 'Add `{tool} clean all`' },
    },
    docs: {
      description: {
        ko: '`dnf`의 캐시는 설치에만 필요하고 실행에는 필요 없지만, 지우지 않으면 레이어 크기가 커집니다. 다른 RUN에서 지우면 이미 만들어진 레이어는 줄지 않으므로 같은 RUN에서 지워야 합니다. 배포되지 않는 빌더 스테이지와 캐시 마운트를 쓰는 RUN은 검사하지 않습니다.',
        en: '`dnf`’s cache is needed to install, not to run, yet left in place it grows the layer. Deleting it in a later RUN does not shrink the earlier layer, so delete it in the same RUN. Builder stages that do not ship and RUNs with a cache mount are not checked.',
      },
      example: 'RUN dnf install -y httpd-2.4.57 && dnf clean all',
    },
    course: courseRef(SESSIONS.imageLayers, { ko: '개념 3: 이미지 최적화 기법 (불필요한 파일 제거)', en: 'Concept 3: image optimisation (remove unneeded files)' }),
    fixable: true,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!judgesLayerOf(ctx.options, run) || !ctx.facts.posix(run)) continue;
      const cmds = ctx.facts.commands(run);
      const install = cmds.find((c) => rpmInstall(c, TOOLS));
      // Only a clean after the install empties what it downloaded, and only by the same
      // tool: `dnf install … && microdnf clean all` leaves dnf's cache (hadolint's DL3040 agrees).
      if (!install || cleansRpmCache(cmds.slice(cmds.indexOf(install) + 1), [install.name], CACHE_DIRS)) continue;
      if (ctx.facts.cacheMounts(run).some((t) => CACHE_DIRS.some((d) => t.startsWith(`/var/cache/${d}`)))) continue;
      const edit = appendToRun(ctx.facts, run, `${install.name} clean all`);
      ctx.report({
        messageId: 'dnfClean',
        start: install.start,
        end: install.end,
        data: { tool: install.name },
        fix: edit ? { messageId: 'addClean', edits: [edit] } : null,
      });
    }
  },
});
