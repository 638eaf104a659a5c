import { aptSub, isAptUpdate } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'apt-update-alone',
    category: 'layer-cache',
    severity: 'warning',
    title: { ko: '`apt-get update`는 설치와 같은 RUN에서', en: 'Run `apt-get update` in the same RUN as the install' },
    messages: {
      aptUpdateAlone: {
        ko: '`apt-get update`만 있는 RUN은 캐시된 오래된 패키지 목록을 계속 재사용하게 만듭니다. 설치 명령과 `&&`로 합치세요.',
        en: 'A RUN with only `apt-get update` lets later builds reuse a stale cached package list. Join it to the install with `&&`.',
      },
      mergeIntoNext: { ko: '다음 RUN과 합치기', en: 'Merge into the next RUN' },
    },
    docs: {
      description: {
        ko: '`RUN apt-get update`만 따로 두면 그 레이어가 캐시되어, 나중에 설치 목록을 바꿔도 update는 다시 실행되지 않습니다. 오래된 목록으로 설치하다 실패하거나 오래된 버전이 설치됩니다. 과정의 좋은 예처럼 한 RUN에서 `&&`로 이어 쓰세요.',
        en: 'A separate `RUN apt-get update` layer is cached, so when you later change the install line the update does not run again: installs use a stale list and fail or get old versions. As in the course’s good example, join them with `&&` in one RUN.',
      },
      example: [
        '# ❌',
        'RUN apt-get update',
        'RUN apt-get install -y curl',
        '# ✅',
        'RUN apt-get update && apt-get install -y curl',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 3: 베스트 프랙티스 (레이어 최적화: RUN 명령어 결합)', en: 'Concept 3: best practices (layers: combine RUN commands)' }),
    fixable: true,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!run.stage || !ctx.facts.posix(run)) continue;
      const cmds = ctx.facts.commands(run).filter((c) => !c.wrapper);
      if (cmds.length === 0 || !cmds.every((c) => isAptUpdate(c) || c.name === 'set')) continue;
      const update = cmds.find(isAptUpdate);
      if (!update) continue;
      // Fix: fold the update into the next RUN when it installs with apt and nothing sits in between.
      const list = run.stage.instructions;
      const next = list[list.indexOf(run) + 1];
      let fix = null;
      if (!run.onbuild && next && next.keyword === 'RUN' && !next.isJsonForm && next.heredocs.length === 0 && !run.isJsonForm && run.heredocs.length === 0) {
        const first = ctx.facts.commands(next)[0];
        const between = ctx.text.slice(run.end, ctx.facts.lineStartAt(next.start));
        if (first && aptSub(first)?.value === 'install' && /^\s*$/.test(between) && run.flags.length === 0 && next.flags.length === 0) {
          fix = {
            messageId: 'mergeIntoNext',
            edits: [
              { start: ctx.facts.lineStartAt(run.start), end: ctx.facts.lineStartAt(next.start), text: '' },
              { start: first.start, end: first.start, text: 'apt-get update && ' },
            ],
          };
        }
      }
      ctx.report({ messageId: 'aptUpdateAlone', start: update.start, end: update.end, fix });
    }
  },
});
