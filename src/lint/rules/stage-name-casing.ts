import type { EditSpec } from '../rule';
import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'stage-name-casing',
    category: 'maintainability',
    severity: 'warning',
    buildkit: 'StageNameCasing',
    title: { ko: '스테이지 이름은 소문자로', en: 'Stage names in lowercase' },
    messages: {
      stageNameCasing: {
        ko: '스테이지 이름 `{name}`은(는) 소문자(`{lower}`)로 쓰세요.',
        en: 'Write the stage name `{name}` in lowercase: `{lower}`.',
      },
      renameToLowercase: { ko: '`{lower}`(으)로 이름 바꾸기(참조 포함)', en: 'Rename to `{lower}` (with references)' },
    },
    docs: {
      description: {
        ko: '스테이지 이름은 대소문자를 구분하지 않고 내부적으로 소문자로 바뀝니다. 처음부터 소문자로 쓰면 `COPY --from=`에서 헷갈리지 않습니다.',
        en: 'Stage names are case-insensitive and lowercased internally. Writing them in lowercase keeps `COPY --from=` references unambiguous.',
      },
      example: [
        'FROM node:18-alpine AS builder',
        'COPY --from=builder /app/dist ./dist',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 2: 멀티스테이지 빌드 (`AS builder`)', en: 'Concept 2: multi-stage builds (`AS builder`)' }),
    fixable: true,
  },
  check(ctx) {
    const stages = ctx.doc.stages;
    for (const stage of stages) {
      const name = stage.name;
      if (!name || name === name.toLowerCase()) continue;
      const lower = name.toLowerCase();
      const nameArg = stage.from.args[2];
      // Rename the stage and every reference to it.
      const edits: EditSpec[] = [{ start: nameArg.start, end: nameArg.end, text: lower }];
      for (const s of stages) {
        if (s.index <= stage.index) continue;
        const image = s.from.args[0];
        if (image && image.value.toLowerCase() === lower && image.value !== lower) edits.push({ start: image.start, end: image.end, text: lower });
        for (const ins of s.instructions) {
          if (ins.keyword !== 'COPY' && ins.keyword !== 'RUN') continue;
          for (const f of ins.flags) {
            if (f.valueStart === null || f.value === null) continue;
            if (f.name === 'from' && f.value.toLowerCase() === lower && f.value !== lower) edits.push({ start: f.valueStart, end: f.valueEnd ?? f.end, text: lower });
            if (f.name === 'mount') {
              const m = /(^|,)from=([^,]*)/.exec(f.value);
              if (m && m[2].toLowerCase() === lower && m[2] !== lower) {
                const at = ctx.text.indexOf('from=' + m[2], f.valueStart);
                if (at !== -1) edits.push({ start: at + 5, end: at + 5 + m[2].length, text: lower });
              }
            }
          }
        }
      }
      ctx.report({
        messageId: 'stageNameCasing',
        start: nameArg.start,
        end: nameArg.end,
        data: { name, lower },
        fix: { messageId: 'renameToLowercase', data: { lower }, edits },
      });
    }
  },
});
