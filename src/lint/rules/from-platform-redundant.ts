import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'from-platform-redundant',
    category: 'base-image',
    severity: 'warning',
    hadolint: 'DL3065',
    title: { ko: '`--platform=$TARGETPLATFORM`은 기본값', en: '`--platform=$TARGETPLATFORM` is the default' },
    messages: {
      fromPlatformRedundant: {
        ko: '`FROM --platform={platform}`은 아무것도 바꾸지 않습니다. 스테이지는 원래 대상 플랫폼으로 빌드됩니다.',
        en: '`FROM --platform={platform}` changes nothing: a stage is built for the target platform anyway.',
      },
      removeFlag: { ko: '`--platform` 지우기', en: 'Remove `--platform`' },
    },
    docs: {
      description: {
        ko: '`$TARGETPLATFORM`은 `docker build --platform`으로 고른(또는 기본) 플랫폼이고, `FROM`은 원래 그 플랫폼의 이미지를 씁니다. 크로스 컴파일처럼 빌드하는 컴퓨터의 플랫폼이 필요할 때만 `--platform=$BUILDPLATFORM`을 쓰세요.',
        en: '`$TARGETPLATFORM` is the platform chosen with `docker build --platform` (or the default), and `FROM` uses that platform anyway. Only write `--platform=$BUILDPLATFORM`, when a stage must run on the building machine (cross-compiling).',
      },
      example: ['# ❌', 'FROM --platform=$TARGETPLATFORM alpine:3.20', '# ✅', 'FROM alpine:3.20', 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsMultiStage, { ko: '멀티스테이지 빌드', en: 'Multi-stage builds' }),
    fixable: true,
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      const flag = stage.from.flags.find((f) => f.name.toLowerCase() === 'platform');
      if (!flag || (flag.value !== '$TARGETPLATFORM' && flag.value !== '${TARGETPLATFORM}')) continue;
      let end = flag.end;
      while (ctx.text[end] === ' ' || ctx.text[end] === '\t') end++;
      ctx.report({ messageId: 'fromPlatformRedundant', start: flag.start, end: flag.end, data: { platform: flag.value }, fix: { messageId: 'removeFlag', edits: [{ start: flag.start, end, text: '' }] } });
    }
  },
});
