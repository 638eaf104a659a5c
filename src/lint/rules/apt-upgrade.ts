import { aptSub } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

/** apt-get subcommands that move every installed package to whatever the mirror has today (`apt` itself is no-apt's). */
const UPGRADES = new Set(['upgrade', 'dist-upgrade']);

export default defineRule({
  meta: {
    id: 'apt-upgrade',
    category: 'maintainability',
    severity: 'error',
    hadolint: 'DL3005',
    title: { ko: '`apt-get upgrade`·`dist-upgrade` 쓰지 않기', en: 'Do not use `apt-get upgrade` or `dist-upgrade`' },
    messages: {
      aptUpgrade: {
        ko: '`{tool} {sub}`는 설치된 모든 패키지를 그날의 최신으로 바꿔 빌드할 때마다 다른 이미지를 만듭니다. 보안 업데이트가 필요하면 베이스 이미지를 새 태그로 바꾸고, 꼭 필요한 패키지만 버전을 정해 설치하세요.',
        en: '`{tool} {sub}` moves every installed package to that day’s newest, so every build yields a different image. For security fixes, move the base image to a newer tag, and install only the packages you need, at pinned versions.',
      },
    },
    docs: {
      description: {
        ko: '베이스 이미지는 배포판이 정해 둔 패키지 묶음입니다. 이미지 안에서 `upgrade`를 하면 그 묶음이 빌드한 날의 미러 상태에 따라 달라져 재현이 안 되고, 레이어도 커집니다. 업데이트는 베이스 이미지 태그를 올리는 것으로 하세요(공식 이미지는 보안 업데이트를 담아 자주 다시 나옵니다).',
        en: 'A base image is the set of packages its distribution fixed. Upgrading inside the image makes that set depend on the mirror on the day of the build, so it is not reproducible, and the layer grows. Update by moving the base image’s tag (official images are rebuilt often with the security fixes).',
      },
      example: ['# ❌', 'RUN apt-get update && apt-get -y upgrade', '# ✅', 'FROM debian:12.8-slim'].join('\n'),
    },
    course: courseRef(SESSIONS.imagesAndContainers, { ko: '3. 이미지 식별과 태그 (재현 가능한 빌드)', en: '3. Image names and tags (reproducible builds)' }),
    fixable: false,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        const sub = aptSub(c);
        if (!sub || c.name !== 'apt-get' || !UPGRADES.has(sub.value)) continue;
        ctx.report({ messageId: 'aptUpgrade', start: c.start, end: c.argv[sub.index].end, data: { tool: c.name, sub: sub.value } });
      }
    }
  },
});
