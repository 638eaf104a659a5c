import { courseRef, SESSIONS } from '../course';
import { KEYWORDS } from '../facts/instructions';
import { defineRule } from '../rule';
import { closest } from '../spelling';

const KNOWN = new Set(KEYWORDS);

export default defineRule({
  meta: {
    id: 'unknown-instruction',
    category: 'correctness',
    severity: 'error',
    title: { ko: '알 수 없는 명령어', en: 'Unknown instruction' },
    messages: {
      unknownInstruction: {
        ko: '`{keyword}`: Dockerfile 명령어가 아닙니다.',
        en: '`{keyword}` is not a Dockerfile instruction.',
      },
      changeToGuess: { ko: '`{guess}`(으)로 바꾸기', en: 'Change to `{guess}`' },
      didYouMean: { ko: '`{keyword}`: Dockerfile 명령어가 아닙니다. `{guess}` 명령어를 쓰려던 건가요?', en: '`{keyword}` is not a Dockerfile instruction. Did you mean `{guess}`?' },
    },
    docs: {
      description: {
        ko: 'Dockerfile의 각 줄은 `FROM`, `RUN`, `COPY` 같은 명령어로 시작합니다. 모르는 명령어가 있으면 빌드가 바로 실패합니다. 앞 줄 끝의 `\\`를 빠뜨려 명령어의 일부가 새 줄로 떨어진 경우도 많습니다.',
        en: 'Each Dockerfile line starts with an instruction such as `FROM`, `RUN` or `COPY`; an unknown one fails the build at once. Often a missing `\\` at the end of the previous line dropped part of a command onto a new line.',
      },
      example: [
        'RUN apt-get update && \\',
        '    apt-get install -y curl',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어', en: 'Main instructions' }),
    fixable: true,
  },
  check(ctx) {
    for (const ins of ctx.doc.instructions) {
      if (KNOWN.has(ins.keyword)) continue;
      const guess = closest(ins.keyword, KEYWORDS, 2);
      const plain = ctx.text.slice(ins.start, ins.keywordEnd) === ins.rawKeyword;
      const replacement = guess && (ins.rawKeyword === ins.rawKeyword.toLowerCase() ? guess.toLowerCase() : guess);
      ctx.report({
        start: ins.start,
        end: ins.keywordEnd,
        data: { keyword: ins.rawKeyword, guess: guess ?? '' },
        messageId: guess ? 'didYouMean' : 'unknownInstruction',
        fix:
          replacement && plain
            ? { messageId: 'changeToGuess', data: { guess: replacement }, edits: [{ start: ins.start, end: ins.keywordEnd, text: replacement }] }
            : null,
      });
    }
  },
});
