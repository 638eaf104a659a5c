import { courseRef, SESSIONS } from '../course';
import type { Instr } from '../parse/model';
import { defineRule } from '../rule';

/** Instructions whose arguments the builder reads itself: a `#` there is not a comment. */
const NO_SHELL = new Set(['FROM', 'COPY', 'ADD', 'EXPOSE', 'USER', 'WORKDIR', 'STOPSIGNAL', 'ARG', 'ENV', 'LABEL', 'VOLUME', 'MAINTAINER']);

/** The first argument that starts a would-be trailing comment on the same line as the argument before it, if any. */
export function inlineCommentArg(ins: Instr) {
  if (!NO_SHELL.has(ins.keyword) || ins.heredocs.length > 0) return null;
  // No `#` on the logical line: nothing to look at (and no need to split the arguments).
  const hashAt = ins.doc.text.indexOf('#', ins.keywordEnd);
  if (hashAt === -1 || hashAt >= ins.logicalEnd || ins.isJsonForm) return null;
  const args = ins.args;
  const lines = ins.doc.lines;
  const text = ins.doc.text;
  return (
    args.find((a, i) => {
      if (i === 0 || !a.value.startsWith('#') || lines.lineOf(a.start) !== lines.lineOf(args[i - 1].end)) return false;
      // `LABEL a="x # y"`: inside quotes it is part of the value.
      let quote = '';
      for (let k = args[0].start; k < a.start; k++) {
        const c = text[k];
        if (c === ins.doc.escape) k++;
        else if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
      }
      return quote === '';
    }) ?? null
  );
}

export default defineRule({
  meta: {
    id: 'inline-comment',
    category: 'correctness',
    severity: 'error',
    title: { ko: '줄 끝 `#`은 주석이 아님', en: 'A trailing `#` is not a comment' },
    message: {
      ko: 'Dockerfile에서 `#`은 줄 맨 앞에서만 주석입니다. `{comment}` 부분은 `{keyword}`의 인자로 전달됩니다. 주석을 윗줄로 옮기세요.',
      en: 'In a Dockerfile `#` starts a comment only at the beginning of a line. `{comment}` is passed to `{keyword}` as arguments. Move the comment to the line above.',
    },
    explanation: {
      ko: [
        'Dockerfile 주석은 줄이 `#`으로 시작할 때만 주석입니다. `FROM nginx:stable-alpine # production stage`는 `FROM`에 인자 세 개를 더 넘겨 빌드가 실패합니다. (RUN, CMD의 셸 형식에서는 셸이 `#`을 주석으로 처리하므로 괜찮습니다.)',
        '',
        '```dockerfile',
        '# ❌',
        'FROM nginx:stable-alpine # production stage',
        '# ✅',
        '# production stage',
        'FROM nginx:stable-alpine',
        '```',
      ].join('\n'),
      en: [
        'A Dockerfile comment is a line that starts with `#`. `FROM nginx:stable-alpine # production stage` passes three more arguments to `FROM` and the build fails. (In shell-form RUN and CMD the shell treats `#` as a comment, so that is fine.)',
        '',
        '```dockerfile',
        '# ❌',
        'FROM nginx:stable-alpine # production stage',
        '# ✅',
        '# production stage',
        'FROM nginx:stable-alpine',
        '```',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.basicsMultiStage, { ko: 'Docker 배포 멀티스테이지 빌드 (`FROM … # build stage`)', en: 'Multi-stage builds for deployment (`FROM … # build stage`)' }),
    fixable: true,
  },
  check(ctx) {
    for (const ins of ctx.doc.instructions) {
      const hash = inlineCommentArg(ins);
      if (!hash) continue;
      const args = ins.args;
      const lastArg = args[args.length - 1];
      const comment = ctx.text.slice(hash.start, lastArg.end);
      const lines = ctx.doc.lines;
      // Safe to move when the comment ends the instruction on its last line.
      const oneLine = lines.lineOf(hash.start) === lines.lineOf(ins.logicalEnd) && !comment.includes(ctx.doc.escape + '\n');
      let cut = hash.start;
      while (cut > ins.start && (ctx.text[cut - 1] === ' ' || ctx.text[cut - 1] === '\t')) cut--;
      const at = ctx.lineStartAt(ins.start);
      ctx.report({
        start: hash.start,
        end: lastArg.end,
        args: { comment, keyword: ins.keyword },
        fix: oneLine
          ? {
              title: { ko: '주석을 윗줄로 옮기기', en: 'Move the comment to the line above' },
              edits: [
                { start: at, end: at, text: ctx.indentAt(ins.start) + comment + ctx.eol },
                { start: cut, end: lastArg.end, text: '' },
              ],
            }
          : null,
      });
    }
  },
});
