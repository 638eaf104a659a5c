import { isAptInstall, isAptUpdate } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { isFullSizeImage, smallerVariant } from '../images';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'small-base-image',
    category: 'base-image',
    severity: 'warning',
    title: { ko: '작은 베이스 이미지 사용', en: 'Use a small base image' },
    messages: {
      smallBaseImage: {
        ko: '`{image}`은(는) 전체 크기 이미지입니다. 최종 이미지에는 `{suggestion}`처럼 작은 변형을 쓰세요.',
        en: '`{image}` is a full-size image. Ship a smaller variant such as `{suggestion}`.',
      },
      changeToSuggestion: { ko: '`{suggestion}`(으)로 바꾸기', en: 'Change to `{suggestion}`' },
    },
    docs: {
      description: {
        ko: [
          '최종 스테이지의 베이스 이미지는 그대로 배포됩니다. `node:18`은 993MB, `node:18-alpine`은 174MB, `node:18-slim`은 244MB로, 같은 런타임이라도 크기가 몇 배 차이 납니다. 이미지가 작을수록 pull과 배포가 빠르고 취약점이 적습니다.',
          '',
          '`apt-get`을 쓰는 스테이지라면 Debian 계열인 `-slim`을, 그렇지 않다면 `-alpine`을 고르세요(Alpine은 `apk`를 씁니다).',
        ].join('\n'),
        en: [
          'The final stage’s base image ships as is. `node:18` is 993 MB, `node:18-alpine` 174 MB and `node:18-slim` 244 MB: the same runtime, several times the size. Smaller images pull and deploy faster and carry fewer vulnerabilities.',
          '',
          'If the stage installs with `apt-get`, pick the Debian-based `-slim`; otherwise `-alpine` (Alpine uses `apk`).',
        ].join('\n'),
      },
      example: [
        '# ❌',
        'FROM python:3.9',
        '# ✅',
        'FROM python:3.9-alpine',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.imageLayers, { ko: '개념 3: 이미지 최적화 기법 (Alpine Linux 사용, 크기 비교)', en: 'Concept 3: image optimisation (Alpine, size comparison)' }),
    fixable: true,
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      // Only stages that end up in the final image, and only the one naming an external image.
      if (!stage.ships || stage.parent || !stage.image) continue;
      const image = stage.image;
      if (!isFullSizeImage(image)) continue;
      // Does anything that ships install with apt? Then only a Debian-based variant keeps it working.
      const shipping = ctx.doc.stages.filter((s) => s.ships);
      const usesApt = shipping.some((s) => s.instructions.some((ins) => ins.keyword === 'RUN' && ctx.facts.commands(ins).some((c) => isAptInstall(c) !== null || isAptUpdate(c))));
      const variant = smallerVariant(image, usesApt);
      if (!variant) continue;
      const arg = stage.from.args[0];
      if (!arg) continue;
      const args = { image: image.text, suggestion: variant.suggestion };
      // A fix only when the image is written literally (not through an ARG).
      const literal = arg.value === image.text && !image.digest;
      ctx.report({
        messageId: 'smallBaseImage',
        start: arg.start,
        end: arg.end,
        data: args,
        fix:
          variant.tag && literal
            ? { messageId: 'changeToSuggestion', data: args, edits: [{ start: arg.start, end: arg.end, text: variant.suggestion }] }
            : null,
      });
    }
  },
});
