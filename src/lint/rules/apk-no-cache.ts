import { apkSub, hasOption } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { insertAfter } from '../fixes';
import { judgesLayerOf, SHIPPED_STAGES_ONLY } from '../facts/instructions';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'apk-no-cache',
    category: 'layer-cache',
    severity: 'info',
    hadolint: 'DL3019',
    differsFromHadolint: SHIPPED_STAGES_ONLY,
    title: { ko: '`apk add --no-cache` 사용', en: 'Use `apk add --no-cache`' },
    messages: {
      apkNoCache: {
        ko: '`apk add`에 `--no-cache`가 없어 패키지 색인이 이미지에 남습니다.',
        en: '`apk add` without `--no-cache` leaves the package index in the image.',
      },
      addNoCache: { ko: '`--no-cache` 추가', en: 'Add `--no-cache`' },
    },
    docs: {
      description: {
        ko: 'Alpine의 `apk add --no-cache`는 색인을 내려받아 쓰고 바로 버립니다. 따로 `apk update`와 `rm -rf /var/cache/apk/*`를 할 필요도 없어집니다.',
        en: 'On Alpine, `apk add --no-cache` fetches the index, uses it and throws it away: no separate `apk update` or `rm -rf /var/cache/apk/*` needed.',
      },
      example: [
        '# ❌',
        'RUN apk update && apk add curl',
        '# ✅',
        'RUN apk add --no-cache curl',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.imageLayers, { ko: '개념 3: 이미지 최적화 기법 (Alpine Linux 사용, 불필요한 파일 제거)', en: 'Concept 3: image optimisation (Alpine, remove unneeded files)' }),
    fixable: true,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!judgesLayerOf(ctx.options, run) || !ctx.facts.posix(run)) continue;
      const cmds = ctx.facts.commands(run);
      const cleaned =
        cmds.some((c) => c.name === 'rm' && c.argv.some((w) => w.value.startsWith('/var/cache/apk'))) ||
        cmds.some((c) => c.name === 'apk' && apkSub(c)?.value === 'cache' && c.argv.some((w) => w.value === 'clean')) ||
        ctx.facts.cacheMounts(run).some((t) => t.startsWith('/var/cache/apk') || t.startsWith('/etc/apk/cache'));
      if (cleaned) continue;
      for (const c of cmds) {
        const sub = apkSub(c);
        if (!sub || sub.value !== 'add' || hasOption(c.argv, '', ['--no-cache'])) continue;
        ctx.report({
          messageId: 'apkNoCache',
          start: c.start,
          end: c.argv[sub.index].end,
          fix: { messageId: 'addNoCache', edits: [insertAfter(c.argv[sub.index], '--no-cache')] },
        });
      }
    }
  },
});
