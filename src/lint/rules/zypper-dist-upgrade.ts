import { zypperSub } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'zypper-dist-upgrade',
    category: 'maintainability',
    severity: 'warning',
    hadolint: 'DL3035',
    title: { ko: '`zypper dist-upgrade` 쓰지 않기', en: 'Do not use `zypper dist-upgrade`' },
    messages: {
      zypperDistUpgrade: {
        ko: '`zypper {sub}`는 배포판 전체를 다음 버전으로 올려 빌드할 때마다 다른 이미지를 만듭니다. 새 배포판이 필요하면 베이스 이미지 태그를 바꾸세요.',
        en: '`zypper {sub}` moves the whole distribution forward, so every build yields a different image. When you need a newer distribution, change the base image’s tag.',
      },
    },
    docs: {
      description: {
        ko: '`dist-upgrade`(`dup`)는 설치된 모든 패키지를 새 배포판 버전으로 바꿉니다. 이미지 안에서 하면 크기가 커지고 재현이 안 됩니다. 베이스 이미지를 새 태그로 바꾸는 것이 같은 일을 재현 가능하게 합니다.',
        en: '`dist-upgrade` (`dup`) replaces every installed package with the next distribution’s. Inside an image it grows the layer and is not reproducible; moving the base image to a newer tag does the same reproducibly.',
      },
      example: ['FROM opensuse/leap:15.6', 'RUN zypper -n install curl=8.6.0 && zypper clean'].join('\n'),
    },
    course: courseRef(SESSIONS.imagesAndContainers, { ko: '3. 이미지 식별과 태그 (재현 가능한 빌드)', en: '3. Image names and tags (reproducible builds)' }),
    fixable: false,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        const sub = zypperSub(c);
        if (!sub || (sub.value !== 'dist-upgrade' && sub.value !== 'dup')) continue;
        ctx.report({ messageId: 'zypperDistUpgrade', start: c.start, end: c.argv[sub.index].end, data: { sub: sub.value } });
      }
    }
  },
});
