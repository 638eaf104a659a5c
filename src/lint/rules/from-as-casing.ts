import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'from-as-casing',
    category: 'maintainability',
    severity: 'warning',
    buildkit: 'FromAsCasing',
    title: { ko: '`AS`와 `FROM`의 대소문자 맞추기', en: 'Match the casing of `AS` and `FROM`' },
    messages: {
      fromAsCasing: {
        ko: '`{as}`의 대소문자가 `{from}` 키워드와 다릅니다. `{want}`(으)로 쓰세요.',
        en: '`{as}` is not cased like `{from}`. Write `{want}`.',
      },
      changeToWant: { ko: '`{want}`(으)로 바꾸기', en: 'Change to `{want}`' },
    },
    docs: {
      description: {
        ko: '`FROM`을 대문자로 쓰면 스테이지 이름 앞의 `AS`도 대문자로 씁니다. 과정의 멀티스테이지 예처럼 `FROM node:18-alpine AS builder`로 맞추세요.',
        en: 'With `FROM` in uppercase, write `AS` before the stage name in uppercase too, as in the course’s multi-stage example: `FROM node:18-alpine AS builder`.',
      },
      example: [
        '# ❌',
        'FROM node:14-alpine as build',
        '# ✅',
        'FROM node:14-alpine AS build',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.basicsMultiStage, { ko: 'Docker 배포 멀티스테이지 빌드 (`FROM node:14-alpine as build`)', en: 'Multi-stage builds for deployment (`FROM node:14-alpine as build`)' }),
    fixable: true,
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      if (!stage.name) continue;
      const from = stage.from.rawKeyword;
      const as = stage.from.args[1];
      const fromUpper = from === from.toUpperCase();
      const fromLower = from === from.toLowerCase();
      if (!fromUpper && !fromLower) continue; // instruction-casing reports the keyword itself
      const want = fromUpper ? 'AS' : 'as';
      if (as.value === want) continue;
      ctx.report({
        messageId: 'fromAsCasing',
        start: as.start,
        end: as.end,
        data: { as: as.value, from, want },
        fix: { messageId: 'changeToWant', data: { want }, edits: [{ start: as.start, end: as.end, text: want }] },
      });
    }
  },
});
