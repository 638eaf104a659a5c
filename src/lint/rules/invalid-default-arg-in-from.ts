import { isValidImageRef } from '../../docker';
import { courseRef, SESSIONS } from '../course';
import { PLATFORM_ARGS } from '../facts/variables';
import { expandVariables } from '../parse/model';
import { defineRule } from '../rule';

/** What the builder fills the automatic platform args with: any real platform gives the same verdict. */
const PLATFORM_SAMPLE: Record<string, string> = { PLATFORM: 'linux/amd64', OS: 'linux', ARCH: 'amd64', VARIANT: '' };

function platformSample(name: string): string {
  if (name === 'TARGETSTAGE') return '';
  return PLATFORM_SAMPLE[name.replace(/^(BUILD|TARGET)/, '')] ?? '';
}

export default defineRule({
  meta: {
    id: 'invalid-default-arg-in-from',
    category: 'base-image',
    severity: 'warning',
    buildkit: 'InvalidDefaultArgInFrom',
    title: { ko: 'ARG 기본값만으로도 올바른 FROM', en: 'FROM valid with the ARG defaults' },
    messages: {
      invalidDefaultArgInFrom: {
        ko: '`--build-arg` 없이 빌드하면 `FROM {image}`이(가) `{expanded}`(으)로 풀려 올바른 이미지 이름이 아닙니다. `ARG`에 기본값을 주거나 `${NAME:-기본값}`을 쓰세요.',
        en: 'Built without `--build-arg`, `FROM {image}` becomes `{expanded}`, which is not a valid image name. Give the `ARG` a default or write `${NAME:-default}`.',
      },
    },
    docs: {
      description: {
        ko: '`FROM`에 쓰는 전역 `ARG`는 `--build-arg`를 주지 않아도 올바른 이미지 이름이 되어야 합니다. 기본값 없는 `ARG TAG`로 `FROM node:${TAG}`를 쓰면 `node:`가 되어 빌드가 실패합니다. 값이 비어도 괜찮은 자리(`FROM busybox:stable${VARIANT}`)라면 문제없습니다.',
        en: 'A global `ARG` used in `FROM` should give a valid image name without any `--build-arg`. `ARG TAG` without a default makes `FROM node:${TAG}` read `node:`, and the build fails. Where an empty value is fine (`FROM busybox:stable${VARIANT}`), nothing is reported.',
      },
      example: ['ARG NODE_VERSION=18', 'FROM node:${NODE_VERSION}-alpine'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (ARG: 빌드 시 변수 설정)', en: 'Main instructions (ARG: build-time variables)' }),
    fixable: false,
  },
  check(ctx) {
    const doc = ctx.doc;
    if (doc.globalArgs.length === 0) return;
    for (const stage of doc.stages) {
      const image = stage.from.args[0];
      if (!image || !image.value.includes('$')) continue;
      const expanded = expandVariables(
        image.value,
        (name) => {
          const v = doc.globalArg(name);
          if (v !== undefined) return v ?? '';
          // Undeclared: undefined-arg-in-from's business, not this check's.
          return PLATFORM_ARGS.has(name) ? platformSample(name) : undefined;
        },
        doc.escape,
      );
      if (expanded === null || expanded === image.value) continue;
      const earlierStage = doc.stages.some((s) => s.index < stage.index && s.name !== null && s.name.toLowerCase() === expanded.toLowerCase());
      if (earlierStage || expanded.toLowerCase() === 'scratch' || isValidImageRef(expanded)) continue;
      ctx.report({ messageId: 'invalidDefaultArgInFrom', start: image.start, end: image.end, data: { image: image.value, expanded } });
    }
  },
});
