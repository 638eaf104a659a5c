import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'instruction-casing',
    category: 'maintainability',
    severity: 'warning',
    buildkit: 'ConsistentInstructionCasing',
    title: { ko: '명령어 대소문자 통일', en: 'Consistent instruction casing' },
    messages: {
      instructionCasing: {
        ko: '`{keyword}`: 이 파일의 명령어는 대부분 {casing}입니다. 같은 방식으로 쓰세요.',
        en: '`{keyword}`: most instructions in this file are {casing}. Write it the same way.',
      },
      changeToWant: { ko: '`{want}`(으)로 바꾸기', en: 'Change to `{want}`' },
    },
    docs: {
      description: {
        ko: '명령어는 대소문자를 구분하지 않지만, 관례는 대문자입니다(`FROM`, `RUN`). 섞어 쓰면 명령어와 인자를 구분하기 어렵습니다.',
        en: 'Instructions are case-insensitive, but the convention is uppercase (`FROM`, `RUN`). Mixed casing makes instructions hard to tell from arguments.',
      },
      example: [
        'FROM node:18-alpine',
        'WORKDIR /app',
        'RUN npm install',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 1: Dockerfile 기본 문법', en: 'Concept 1: Dockerfile syntax' }),
    fixable: true,
  },
  check(ctx) {
    let upper = 0;
    let lower = 0;
    for (const i of ctx.doc.instructions) {
      if (i.rawKeyword === i.rawKeyword.toUpperCase()) upper++;
      else if (i.rawKeyword === i.rawKeyword.toLowerCase()) lower++;
    }
    const toLower = lower > upper;
    const casing = toLower ? { ko: '소문자', en: 'lowercase' } : { ko: '대문자', en: 'uppercase' };
    for (const i of ctx.doc.instructions) {
      const want = toLower ? i.rawKeyword.toLowerCase() : i.rawKeyword.toUpperCase();
      if (i.rawKeyword === want) continue;
      const plain = ctx.text.slice(i.start, i.keywordEnd) === i.rawKeyword;
      ctx.report({
        messageId: 'instructionCasing',
        start: i.start,
        end: i.keywordEnd,
        data: { keyword: i.rawKeyword, casing, want },
        fix: plain ? { messageId: 'changeToWant', data: { want }, edits: [{ start: i.start, end: i.keywordEnd, text: want }] } : null,
      });
    }
  },
});
