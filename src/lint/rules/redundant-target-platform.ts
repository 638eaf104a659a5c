import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'redundant-target-platform',
    category: 'maintainability',
    severity: 'warning',
    buildkit: 'RedundantTargetPlatform',
    title: { ko: '`--platform=$TARGETPLATFORM`은 생략', en: 'Drop `--platform=$TARGETPLATFORM`' },
    messages: {
      redundantTargetPlatform: {
        ko: '`FROM --platform={value}`은(는) 기본 동작과 같습니다. 베이스 이미지는 원래 빌드 대상 플랫폼(`$TARGETPLATFORM`)으로 받습니다.',
        en: '`FROM --platform={value}` is what happens anyway: the base image is pulled for the target platform (`$TARGETPLATFORM`) by default.',
      },
      removeFlag: { ko: '`--platform` 플래그 지우기', en: 'Remove the `--platform` flag' },
    },
    docs: {
      description: {
        ko: '`FROM`은 따로 정하지 않으면 빌드 대상 플랫폼의 이미지를 씁니다. `--platform=$TARGETPLATFORM`은 같은 일을 다시 적은 것이라 지워도 됩니다. 다른 플랫폼이 필요할 때(예: 빌드 도구를 `$BUILDPLATFORM`에서 실행)만 `--platform`을 쓰세요.',
        en: '`FROM` uses the image for the target platform unless told otherwise, so `--platform=$TARGETPLATFORM` restates the default. Use `--platform` only for another platform (for instance to run build tools on `$BUILDPLATFORM`).',
      },
      example: ['FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'FROM alpine:3.20'].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 2: 멀티스테이지 빌드', en: 'Concept 2: multi-stage builds' }),
    fixable: true,
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      const flag = stage.from.flag('platform');
      if (!flag || flag.value === null) continue;
      const value = flag.value.replace(/^(["'])(.*)\1$/, '$2');
      if (value !== '$TARGETPLATFORM' && value !== '${TARGETPLATFORM}') continue;
      let end = flag.end;
      while (ctx.text[end] === ' ' || ctx.text[end] === '\t') end++;
      ctx.report({
        messageId: 'redundantTargetPlatform',
        start: flag.start,
        end: flag.end,
        data: { value },
        fix: { messageId: 'removeFlag', edits: [{ start: flag.start, end, text: '' }] },
      });
    }
  },
});
