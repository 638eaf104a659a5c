import { isYarnInstall, yarnSub } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { appendToRun } from '../fixes';
import { shipsLayerOf } from '../facts/instructions';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'yarn-cache-clean',
    category: 'layer-cache',
    severity: 'info',
    hadolint: 'DL3060',
    title: { ko: 'yarn 캐시 정리', en: 'Clean the yarn cache' },
    messages: {
      yarnCacheClean: {
        ko: '`yarn install` 뒤에 `yarn cache clean`이 없어 캐시가 이미지에 남습니다.',
        en: '`yarn install` without `yarn cache clean` leaves the cache in the image.',
      },
      addYarnCacheClean: { ko: '`yarn cache clean` 추가', en: 'Add `yarn cache clean`' },
    },
    docs: {
      description: {
        ko: 'yarn은 내려받은 패키지를 전역 캐시에 보관합니다. 배포되는 스테이지에서는 같은 RUN에서 지우세요.',
        en: 'yarn keeps downloaded packages in a global cache. In a stage that ships, clean it in the same RUN.',
      },
      example: 'RUN yarn install --frozen-lockfile && yarn cache clean',
    },
    course: courseRef(SESSIONS.imageLayers, { ko: '개념 3: 이미지 최적화 기법 (불필요한 파일 제거)', en: 'Concept 3: image optimisation (remove unneeded files)' }),
    fixable: true,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      // Only layers that reach a shipped image, as hadolint's DL3060 judges it.
      if (!shipsLayerOf(run) || !ctx.facts.posix(run)) continue;
      if (ctx.facts.cacheMounts(run).some((t) => t.includes('yarn'))) continue;
      const cmds = ctx.facts.commands(run);
      // Order matters: `yarn cache clean` before `yarn install` leaves the install's cache behind.
      let install: (typeof cmds)[number] | undefined;
      for (const c of cmds) {
        if (isYarnInstall(c)) install = c;
        else if (install && yarnSub(c)?.value === 'cache' && c.argv.some((w) => w.value === 'clean')) install = undefined;
      }
      if (!install) continue;
      const edit = appendToRun(ctx.facts, run, 'yarn cache clean');
      ctx.report({
        messageId: 'yarnCacheClean',
        start: install.start,
        end: install.end,
        fix: edit ? { messageId: 'addYarnCacheClean', edits: [edit] } : null,
      });
    }
  },
});
