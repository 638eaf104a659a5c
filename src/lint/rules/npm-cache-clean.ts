import { npmSub, NPM_INSTALL } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { appendToRun } from '../fixes';
import { shipsLayerOf } from '../facts/instructions';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'npm-cache-clean',
    category: 'layer-cache',
    severity: 'info',
    title: { ko: 'npm 캐시 정리', en: 'Clean the npm cache' },
    messages: {
      npmCacheClean: {
        ko: '`{install}` 명령이 내려받은 캐시(`~/.npm`)가 이미지에 남습니다. 같은 RUN 끝에 `npm cache clean --force`를 추가하세요.',
        en: '`{install}` leaves its download cache (`~/.npm`) in the image. End the same RUN with `npm cache clean --force`.',
      },
      addNpmCacheClean: { ko: '`npm cache clean --force` 추가', en: 'Add `npm cache clean --force`' },
    },
    docs: {
      description: {
        ko: 'npm은 설치한 패키지의 압축 파일을 `~/.npm`에 보관합니다. 배포되는 스테이지에서는 같은 RUN에서 캐시를 지우거나, 더 좋게는 멀티스테이지 빌드로 `node_modules`만 최종 이미지에 복사하세요.',
        en: 'npm keeps the tarballs it installed in `~/.npm`. In a stage that ships, delete the cache in the same RUN, or better, use a multi-stage build and copy only `node_modules` into the final image.',
      },
      example: 'RUN npm ci --omit=dev && npm cache clean --force',
    },
    course: courseRef(SESSIONS.imageLayers, { ko: '개념 3: 이미지 최적화 기법 (불필요한 파일 제거)', en: 'Concept 3: image optimisation (remove unneeded files)' }),
    fixable: true,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!shipsLayerOf(run) || !ctx.facts.posix(run)) continue;
      if (ctx.facts.cacheMounts(run).some((t) => t.includes('.npm'))) continue;
      const cmds = ctx.facts.commands(run);
      if (cmds.some((c) => npmSub(c)?.value === 'cache')) continue;
      const install = cmds.find((c) => {
        const sub = npmSub(c);
        return sub !== null && (NPM_INSTALL.has(sub.value) || sub.value === 'ci');
      });
      if (!install) continue;
      const sub = npmSub(install);
      const edit = appendToRun(ctx.facts, run, 'npm cache clean --force');
      ctx.report({
        messageId: 'npmCacheClean',
        start: install.start,
        end: install.argv[sub?.index ?? 0].end,
        data: { install: `npm ${sub?.value ?? 'install'}` },
        fix: edit ? { messageId: 'addNpmCacheClean', edits: [edit] } : null,
      });
    }
  },
});
