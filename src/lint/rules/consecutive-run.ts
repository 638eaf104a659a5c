import { courseRef, SESSIONS } from '../course';
import type { Instr } from '../parse/model';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'consecutive-run',
    category: 'layer-cache',
    severity: 'info',
    hadolint: 'DL3059',
    title: { ko: '연속된 RUN 합치기', en: 'Combine consecutive RUNs' },
    messages: {
      consecutiveRun: {
        ko: '연속된 `RUN`은 각각 레이어가 됩니다. `&&`로 하나로 합치는 것을 고려하세요.',
        en: 'Each consecutive `RUN` makes its own layer. Consider joining them with `&&`.',
      },
      mergeWithPrevious: { ko: '앞의 RUN과 합치기', en: 'Merge with the previous RUN' },
    },
    docs: {
      description: {
        ko: 'RUN마다 레이어가 하나씩 생깁니다. 관련된 짧은 명령은 하나의 RUN으로 합치면 레이어 수가 줄고, 앞 단계에서 만든 임시 파일을 같은 단계에서 지울 수 있습니다.',
        en: 'Every RUN adds a layer. Joining short related commands into one RUN means fewer layers, and temporary files made in one step can be removed in the same step.',
      },
      example: [
        '# ❌',
        'RUN mkdir -p /app/data',
        'RUN chown node /app/data',
        '# ✅',
        'RUN mkdir -p /app/data && chown node /app/data',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 3: 베스트 프랙티스 (레이어 최적화: RUN 명령어 결합)', en: 'Concept 3: best practices (layers: combine RUN commands)' }),
    fixable: true,
  },
  check(ctx) {
    const flagsOf = (i: Instr) => i.flags.map((f) => ctx.text.slice(f.start, f.end)).join(' ');
    const list = ctx.doc.instructions;
    for (let k = 1; k < list.length; k++) {
      const prev = list[k - 1];
      const run = list[k];
      if (run.keyword !== 'RUN' || prev.keyword !== 'RUN') continue;
      // A RUN that already chains commands (`a && b`, `a; b`) is a deliberate separate
      // step, as hadolint's DL3059 takes it: only two single-command RUNs in a row are
      // worth joining. So are RUNs with different --mount flags.
      if (ctx.facts.script(prev).commands.length > 1 || ctx.facts.script(run).commands.length > 1) continue;
      if (flagsOf(prev) !== flagsOf(run)) continue;
      ctx.report({ messageId: 'consecutiveRun', start: run.start, end: run.logicalEnd, fix: mergeFix() });

      function mergeFix() {
        if (prev.isJsonForm || run.isJsonForm || prev.heredocs.length > 0 || run.heredocs.length > 0 || !ctx.facts.posix(run)) return null;
        const a = ctx.facts.script(prev).commands;
        const b = ctx.facts.script(run).commands;
        const lastA = a[a.length - 1];
        const firstB = b[0];
        if (!lastA || !firstB || a.some((c) => c.depth > 0 || c.next === '&' || c.name === 'cd' || c.name === 'export' || c.name === 'set' || c.name === 'source' || c.name === '.')) return null;
        // Nothing but blank lines between the two, and nothing after the first script.
        const between = ctx.text.slice(lastA.end, firstB.start);
        const tail = ctx.text.slice(lastA.end, prev.logicalEnd);
        if (!/^[ \t]*$/.test(tail) || !/^\s*run[ \t]+$/i.test(between)) return null;
        return {
          messageId: 'mergeWithPrevious',
          edits: [{ start: lastA.end, end: firstB.start, text: ` && ${ctx.doc.escape}${ctx.facts.eol}    ` }],
        };
      }
    }
  },
});
