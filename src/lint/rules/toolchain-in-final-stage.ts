import { apkPackages, apkSub, aptPackages, isAptInstall, operands, packageName, removesBuildDeps, rpmSub, TOOLCHAIN_PACKAGES } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';
import { MULTI_STAGE_EXAMPLE } from '../lessons';

export default defineRule({
  meta: {
    id: 'toolchain-in-final-stage',
    category: 'multi-stage',
    severity: 'warning',
    title: { ko: '빌드 도구는 최종 이미지에 넣지 않기', en: 'Keep build toolchains out of the final image' },
    messages: {
      toolchainInFinalStage: {
        ko: '최종 이미지에 빌드 도구(`{packages}`)를 설치합니다. 빌더 스테이지에서 빌드하고 결과물만 복사하세요.',
        en: 'The final image installs the build toolchain `{packages}`. Build in a builder stage and copy only the result.',
      },
    },
    docs: {
      description: {
        ko: '`build-essential`, `gcc`, `make` 같은 도구는 빌드할 때만 필요합니다. 최종 이미지에 남으면 수백 MB가 늘고 공격에 쓸 수 있는 도구가 생깁니다. 빌더 스테이지에 설치하세요. 같은 RUN에서 설치 후 다시 지우는 경우(`apk del .build-deps`)는 검사하지 않습니다.',
        en: 'Tools such as `build-essential`, `gcc` and `make` are only needed to build. Left in the final image they add hundreds of MB and hand an attacker a compiler. Install them in a builder stage. A RUN that installs and removes them again (`apk del .build-deps`) is not flagged.',
      },
      example: MULTI_STAGE_EXAMPLE,
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 2: 멀티스테이지 빌드 (단일 스테이지: 빌드 도구 포함 → 큰 이미지)', en: 'Concept 2: multi-stage builds (single stage: build tools included → big image)' }),
    fixable: false,
  },
  check(ctx) {
    for (const stage of ctx.facts.stages) {
      if (!stage.ships) continue;
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'RUN' || !ctx.facts.posix(ins)) continue;
        const cmds = ctx.facts.commands(ins);
        if (removesBuildDeps(cmds)) continue;
        for (const c of cmds) {
          let pkgs: string[] = [];
          const apt = isAptInstall(c);
          if (apt) pkgs = aptPackages(c, apt).map((w) => w.value);
          const apk = apkSub(c);
          if (apk?.value === 'add') pkgs = apkPackages(c, apk).map((w) => w.value);
          const rpm = rpmSub(c);
          if (rpm?.value === 'install') pkgs = operands(c.argv, rpm.index + 1).map((w) => w.value);
          const tools = pkgs.map(packageName).filter((p) => TOOLCHAIN_PACKAGES.has(p));
          if (tools.length === 0) continue;
          ctx.report({ messageId: 'toolchainInFinalStage', start: c.start, end: c.end, data: { packages: tools.join(', ') } });
        }
      }
    }
  },
});
