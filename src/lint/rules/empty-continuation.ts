import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'empty-continuation',
    category: 'correctness',
    severity: 'warning',
    buildkit: 'NoEmptyContinuation',
    title: { ko: '줄 이어쓰기 안의 빈 줄', en: 'Empty line inside a continuation' },
    messages: {
      emptyContinuation: {
        ko: '`\\`로 이어지는 명령어 중간에 빈 줄이 있습니다. 앞으로 BuildKit에서 오류가 됩니다.',
        en: 'An empty line sits inside a `\\` continuation. BuildKit will make this an error.',
      },
      deleteEmptyLine: { ko: '빈 줄 삭제', en: 'Delete the empty line' },
    },
    docs: {
      description: {
        ko: '줄 끝의 `\\`는 다음 줄을 같은 명령어로 잇습니다. 그 사이의 빈 줄은 지금은 무시되지만 실수로 명령어가 끝난 것처럼 보이고, 앞으로는 오류가 됩니다. 빈 줄을 지우세요(주석 줄은 괜찮습니다).',
        en: 'A trailing `\\` joins the next line to the instruction. An empty line in between is ignored today but looks like the end of the instruction and will become an error. Delete it (comment lines are fine).',
      },
      example: [
        'RUN apt-get update && \\',
        '    apt-get install -y curl',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (RUN)', en: 'Main instructions (RUN)' }),
    fixable: true,
  },
  check(ctx) {
    const lines = ctx.doc.lines;
    for (const ins of ctx.doc.instructions) {
      const first = lines.lineOf(ins.start);
      const last = lines.lineOf(ins.logicalEnd);
      if (first === last) continue;
      for (let l = first + 1; l <= last; l++) {
        const start = lines.starts[l];
        if (start >= ins.logicalEnd) break;
        if (ctx.text.slice(start, lines.lineEnd(l)).trim() !== '') continue;
        // A run of empty lines is one finding, on the line the instruction goes on with (where
        // BuildKit places it, and visible, unlike an empty line); the fix deletes the whole run.
        let after = l;
        while (after + 1 <= last && ctx.text.slice(lines.starts[after + 1], lines.lineEnd(after + 1)).trim() === '') after++;
        const cont = after + 1 <= last ? after + 1 : after;
        const text = ctx.text.slice(lines.starts[cont], lines.lineEnd(cont));
        const at = lines.starts[cont] + (text.length - text.trimStart().length);
        const runEnd = after + 1 < lines.lineCount ? lines.starts[after + 1] : lines.lineEnd(after);
        ctx.report({ messageId: 'emptyContinuation', start: at, end: Math.max(at, lines.starts[cont] + text.trimEnd().length), fix: { messageId: 'deleteEmptyLine', edits: [{ start, end: runEnd, text: '' }] } });
        l = after;
      }
    }
  },
});
