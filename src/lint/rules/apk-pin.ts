import { apkPackages, apkSub } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { listPackages } from '../facts/packages';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'apk-pin',
    category: 'maintainability',
    severity: 'info',
    hadolint: 'DL3018',
    title: { ko: 'apk 패키지 버전 고정', en: 'Pin apk package versions' },
    messages: {
      apkPin: {
        ko: '버전이 고정되지 않은 apk 패키지: {packages}. `패키지=버전`으로 고정하세요.',
        en: 'Unpinned apk packages: {packages}. Pin them as `package=version`.',
      },
    },
    docs: {
      description: {
        ko: '버전을 고정하지 않으면 빌드할 때마다 다른 버전이 설치될 수 있습니다. `curl=8.9.1-r0` 또는 `curl~=8.9`처럼 고정하세요.',
        en: 'Unpinned packages may install a different version on every build. Pin them, e.g. `curl=8.9.1-r0` or `curl~=8.9`.',
      },
      example: 'RUN apk add --no-cache curl=8.9.1-r0',
    },
    course: courseRef(SESSIONS.imagesAndContainers, { ko: '3. 이미지 식별과 태그 (재현 가능한 빌드)', en: '3. Image names and tags (reproducible builds)' }),
    fixable: false,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        const sub = apkSub(c);
        if (!sub || sub.value !== 'add') continue;
        const loose = apkPackages(c, sub).filter((w) => !w.dynamic && !/[=<>~]/.test(w.value) && !w.value.endsWith('.apk') && !w.value.startsWith('.'));
        if (loose.length === 0) continue;
        ctx.report({ messageId: 'apkPin', start: loose[0].start, end: loose[loose.length - 1].end, data: { packages: listPackages(loose.map((w) => w.value)) } });
      }
    }
  },
});
