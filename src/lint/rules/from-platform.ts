import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'from-platform',
    category: 'base-image',
    severity: 'warning',
    hadolint: 'DL3029',
    title: { ko: 'FROM에 플랫폼을 고정하지 않기', en: 'Do not pin the platform in FROM' },
    messages: {
      fromPlatform: {
        ko: '`FROM --platform={platform}`은 이 이미지를 항상 그 플랫폼으로 만듭니다. 플랫폼은 `docker build --platform`으로 정하세요.',
        en: '`FROM --platform={platform}` always builds this stage for that platform. Choose the platform with `docker build --platform` instead.',
      },
    },
    docs: {
      description: {
        ko: '`--platform`을 고정하면 Apple Silicon(arm64)이나 다른 서버에서 빌드할 때 에뮬레이션으로 느려지거나 맞지 않는 이미지가 만들어집니다. 빌드할 때 `docker build --platform linux/amd64 .`처럼 고르세요. 크로스 컴파일의 `--platform=$BUILDPLATFORM` 같은 변수는 의도된 사용이라 알리지 않습니다(hadolint는 이것도 알립니다).',
        en: 'A fixed `--platform` makes builds on Apple Silicon (arm64) or other servers slow (emulated) or produces the wrong image. Pick it at build time: `docker build --platform linux/amd64 .`. A variable such as cross-compiling’s `--platform=$BUILDPLATFORM` is deliberate and not reported (hadolint reports it too).',
      },
      example: ['# ❌', 'FROM --platform=linux/amd64 node:20-alpine', '# ✅', 'FROM node:20-alpine', '# docker build --platform linux/amd64 .'].join('\n'),
    },
    course: courseRef(SESSIONS.imagesAndContainers, { ko: '3. 이미지 식별과 태그', en: '3. Image names and tags' }),
    fixable: false,
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      const flag = stage.from.flags.find((f) => f.name.toLowerCase() === 'platform');
      if (!flag || !flag.value || flag.value.includes('$')) continue;
      ctx.report({ messageId: 'fromPlatform', start: flag.start, end: flag.end, data: { platform: flag.value } });
    }
  },
});
