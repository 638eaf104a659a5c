import { buildStep, removesBuildDeps } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';
import { MULTI_STAGE_EXAMPLE } from '../lessons';

export default defineRule({
  meta: {
    id: 'build-in-final-stage',
    category: 'multi-stage',
    severity: 'warning',
    title: { ko: '빌드는 빌더 스테이지에서', en: 'Build in a builder stage' },
    messages: {
      buildInFinalStage: {
        ko: '최종 이미지를 만드는 스테이지에서 `{step}`(으)로 빌드합니다. 빌드 도구와 소스가 배포 이미지에 남으니 빌더 스테이지로 나누세요.',
        en: 'The stage that becomes the final image builds with `{step}`. Build tools and sources ship with it: split off a builder stage.',
      },
    },
    docs: {
      description: {
        ko: '멀티스테이지 빌드는 빌드 도구가 있는 스테이지에서 빌드하고, 결과물만 작은 최종 스테이지로 `COPY --from`으로 가져옵니다. 단일 스테이지 이미지는 500MB가 넘기 쉽지만, 결과물만 담으면 50MB 수준으로 줄어듭니다.',
        en: 'A multi-stage build compiles in a stage that has the build tools and copies only the result into a small final stage with `COPY --from`. A single-stage image easily passes 500 MB; the result alone can be around 50 MB.',
      },
      example: MULTI_STAGE_EXAMPLE,
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 2: 멀티스테이지 빌드', en: 'Concept 2: multi-stage builds' }),
    fixable: false,
  },
  check(ctx) {
    for (const stage of ctx.facts.stages) {
      if (!stage.ships) continue;
      let reported = false;
      for (const ins of stage.instructions) {
        if (reported || ins.keyword !== 'RUN' || !ctx.facts.posix(ins)) continue;
        const cmds = ctx.facts.commands(ins);
        // A RUN that installs its toolchain, builds and removes the toolchain leaves no tools behind.
        if (removesBuildDeps(cmds)) continue;
        for (const c of cmds) {
          const step = buildStep(c);
          if (!step) continue;
          ctx.report({ messageId: 'buildInFinalStage', start: c.start, end: c.end, data: { step } });
          reported = true;
          break;
        }
      }
    }
  },
});
