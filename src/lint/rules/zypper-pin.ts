import { ZYPPER_INSTALL, zypperPackages, zypperSub } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { listPackages } from '../facts/packages';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'zypper-pin',
    category: 'maintainability',
    severity: 'info',
    hadolint: 'DL3037',
    title: { ko: 'zypper 패키지 버전 고정', en: 'Pin zypper package versions' },
    messages: {
      zypperPin: {
        ko: '버전이 고정되지 않은 zypper 패키지: {packages}. `패키지=버전`(또는 `>=`, `<`)으로 고정하세요.',
        en: 'Unpinned zypper packages: {packages}. Pin them as `package=version` (or `>=`, `<`).',
      },
    },
    docs: {
      description: {
        ko: '버전 없이 설치하면 빌드할 때마다 그날의 최신 버전이 들어옵니다. `curl=8.6.0`처럼 고정하세요. 셸이 `>`와 `<`를 리디렉션으로 읽지 않도록 `"curl>=8.6"`처럼 따옴표로 감싸야 합니다.',
        en: 'Without versions every build installs that day’s latest. Pin them, e.g. `curl=8.6.0`; quote ranges such as `"curl>=8.6"` so the shell does not read `>` and `<` as redirections.',
      },
      example: 'RUN zypper -n install curl=8.6.0 && zypper clean',
    },
    course: courseRef(SESSIONS.imagesAndContainers, { ko: '3. 이미지 식별과 태그 (재현 가능한 빌드)', en: '3. Image names and tags (reproducible builds)' }),
    fixable: false,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        const sub = zypperSub(c);
        if (!sub || !ZYPPER_INSTALL.has(sub.value)) continue;
        const loose = zypperPackages(c, sub).filter((w) => !w.dynamic && !/[=<>]/.test(w.value) && !w.value.endsWith('.rpm') && !w.value.includes('/'));
        if (loose.length === 0) continue;
        ctx.report({ messageId: 'zypperPin', start: loose[0].start, end: loose[loose.length - 1].end, data: { packages: listPackages(loose.map((w) => w.value)) } });
      }
    }
  },
});
