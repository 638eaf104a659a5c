import { courseRef, SESSIONS } from '../course';
import { inlineCommentArg } from '../facts/instructions';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'inline-comment',
    category: 'correctness',
    severity: 'error',
    title: { ko: '줄 끝 `#`은 주석이 아님', en: 'A trailing `#` is not a comment' },
    messages: {
      inlineComment: {
        ko: 'Dockerfile에서 `#`은 줄 맨 앞에서만 주석입니다. `{comment}` 부분은 `{keyword}`의 인자로 전달됩니다. 주석을 윗줄로 옮기세요.',
        en: 'In a Dockerfile `#` starts a comment only at the beginning of a line. `{comment}` is passed to `{keyword}` as arguments. Move the comment to the line above.',
      },
      moveCommentAbove: { ko: '주석을 윗줄로 옮기기', en: 'Move the comment to the line above' },
    },
    docs: {
      description: {
        ko: 'Dockerfile 주석은 줄이 `#`으로 시작할 때만 주석입니다. `FROM nginx:stable-alpine # production stage`는 `FROM`에 인자 세 개를 더 넘겨 빌드가 실패합니다. (RUN, CMD의 셸 형식에서는 셸이 `#`을 주석으로 처리하므로 괜찮습니다.)',
        en: 'A Dockerfile comment is a line that starts with `#`. `FROM nginx:stable-alpine # production stage` passes three more arguments to `FROM` and the build fails. (In shell-form RUN and CMD the shell treats `#` as a comment, so that is fine.)',
      },
      example: [
        '# ❌',
        'FROM nginx:stable-alpine # production stage',
        '# ✅',
        '# production stage',
        'FROM nginx:stable-alpine',
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
      const at = ctx.facts.lineStartAt(ins.start);
      ctx.report({
        messageId: 'inlineComment',
        start: hash.start,
        end: lastArg.end,
        data: { comment, keyword: ins.keyword },
        fix: oneLine
          ? {
              messageId: 'moveCommentAbove',
              edits: [
                { start: at, end: at, text: ctx.facts.indentAt(ins.start) + comment + ctx.facts.eol },
                { start: cut, end: lastArg.end, text: '' },
              ],
            }
          : null,
      });
    }
  },
});
