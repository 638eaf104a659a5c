import { courseRef, SESSIONS } from '../course';
import { BUILD_CACHES, checkCacheMount } from '../facts/buildCaches';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'nuget-cache-mount',
    category: 'layer-cache',
    severity: 'info',
    hadolint: 'DL3074',
    title: { ko: 'NuGet 다운로드에 빌드 캐시 마운트 쓰기', en: 'Use a build cache mount for NuGet’s downloads' },
    messages: {
      noCacheMount: {
        ko: '`{command}`는 레이어가 다시 만들어질 때마다 .NET 패키지를 처음부터 내려받습니다. `RUN {mount}`처럼 BuildKit 캐시 마운트를 두면 다음 빌드가 받아 둔 것을 다시 씁니다.',
        en: '`{command}` downloads its .NET packages from scratch each time the layer is rebuilt. A BuildKit cache mount (`RUN {mount}`) lets the next build reuse what was fetched.',
      },
      addCacheMount: { ko: '캐시 마운트 추가', en: 'Add the cache mount' },
    },
    docs: {
      description: {
        ko: '레이어 캐시는 RUN 줄이나 그 앞의 파일이 바뀌면 통째로 버려지고, 그때 NuGet는 .NET 패키지를 모두 다시 받습니다. `--mount=type=cache`는 빌드 사이에 남는 디렉터리를 RUN에 붙여 주지만 이미지에는 들어가지 않으므로, 이미지 크기는 그대로이고 다시 빌드하는 시간만 줄어듭니다.',
        en: 'The layer cache is thrown away whole when the RUN line or a file before it changes, and NuGet then downloads all its .NET packages again. `--mount=type=cache` gives the RUN a directory that survives between builds but never enters the image, so the image stays the same size and only rebuilds get faster.',
      },
      example: 'RUN --mount=type=cache,target=/root/.nuget/packages dotnet restore',
    },
    course: courseRef(SESSIONS.imageLayers, { ko: '레이어 시스템 (빌드 캐시)', en: 'The layer system (the build cache)' }),
    fixable: true,
  },
  check(ctx) {
    checkCacheMount(ctx, BUILD_CACHES.nuget);
  },
});
