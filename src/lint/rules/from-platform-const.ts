import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'from-platform-const',
    category: 'multi-stage',
    severity: 'warning',
    buildkit: 'FromPlatformFlagConstDisallowed',
    title: { ko: '`FROM --platform`에 고정 값 쓰지 않기', en: 'No constant `FROM --platform`' },
    messages: {
      fromPlatformConst: {
        ko: '`FROM --platform={value}`은(는) 이 스테이지를 한 플랫폼에 묶어 멀티 플랫폼 빌드를 막습니다. 플래그를 빼고 `docker build --platform`으로 정하거나 `$BUILDPLATFORM` 같은 변수를 쓰세요.',
        en: '`FROM --platform={value}` ties this stage to one platform and rules out a multi-platform build. Drop the flag and pass `docker build --platform`, or use a variable such as `$BUILDPLATFORM`.',
      },
    },
    docs: {
      description: {
        ko: '`--platform`에 `linux/amd64` 같은 고정 값을 쓰면 어떤 대상으로 빌드해도 그 플랫폼 이미지만 나옵니다. 대상 플랫폼은 명령줄(`--platform`)에 맡기고, 빌드 도구를 빌드 머신에서 돌릴 때는 `$BUILDPLATFORM`을 쓰세요. 플랫폼별 스테이지라면 이름에 OS나 아키텍처를 넣으면(`build_amd64`) 의도가 드러나고 이 검사도 넘어갑니다.',
        en: 'A constant such as `linux/amd64` in `--platform` builds that platform whatever the target. Leave the target to the command line (`--platform`) and use `$BUILDPLATFORM` to run build tools on the build machine. For a per-platform stage, put the OS or architecture in its name (`build_amd64`): the intent shows and this check passes.',
      },
      example: [
        'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
        'FROM --platform=linux/arm64 alpine:3.20 AS base_arm64',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 2: 멀티스테이지 빌드', en: 'Concept 2: multi-stage builds' }),
    fixable: false,
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      const flag = stage.from.flag('platform');
      if (!flag || flag.value === null || flag.value.includes('$')) continue;
      const value = flag.value.replace(/^(["'])(.*)\1$/, '$2');
      if (value === '') continue;
      // A stage named for its platform (`build_amd64`, `base-linux`) is meant to be one.
      const [os, arch] = value.toLowerCase().split('/');
      const name = (stage.name ?? '').toLowerCase();
      if (name && ((os && name.includes(os)) || (arch && name.includes(arch)))) continue;
      ctx.report({ messageId: 'fromPlatformConst', start: flag.start, end: flag.end, data: { value } });
    }
  },
});
