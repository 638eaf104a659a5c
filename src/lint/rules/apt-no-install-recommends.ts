import { aptOptionValues, hasOption, isAptInstall } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { insertAfter } from '../fixes';
import { judgesLayerOf, SHIPPED_STAGES_ONLY } from '../facts/instructions';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'apt-no-install-recommends',
    category: 'layer-cache',
    severity: 'info',
    hadolint: 'DL3015',
    differsFromHadolint: SHIPPED_STAGES_ONLY,
    title: { ko: '`--no-install-recommends` 사용', en: 'Use `--no-install-recommends`' },
    messages: {
      aptNoInstallRecommends: {
        ko: '`apt-get install`이 추천 패키지까지 설치합니다. `--no-install-recommends`를 추가하세요.',
        en: '`apt-get install` also installs recommended packages. Add `--no-install-recommends`.',
      },
      addNoInstallRecommends: { ko: '`--no-install-recommends` 추가', en: 'Add `--no-install-recommends`' },
    },
    docs: {
      description: {
        ko: '기본적으로 apt는 "추천" 패키지까지 함께 설치해 이미지가 불필요하게 커집니다. 필요한 패키지만 설치하세요.',
        en: 'By default apt also installs “recommended” packages, growing the image for nothing. Install only what you need.',
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
      if (!judgesLayerOf(ctx.options, run) || !ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        const sub = isAptInstall(c);
        if (!sub) continue;
        if (hasOption(c.argv, '', ['--no-install-recommends'])) continue;
        if (aptOptionValues(c).some((o) => /^APT::Install-Recommends=(false|0|no)$/i.test(o))) continue;
        const word = c.argv[sub.index];
        ctx.report({
          messageId: 'aptNoInstallRecommends',
          start: c.start,
          end: word.end,
          fix: { messageId: 'addNoInstallRecommends', edits: [insertAfter(word, '--no-install-recommends')] },
        });
      }
    }
  },
});
