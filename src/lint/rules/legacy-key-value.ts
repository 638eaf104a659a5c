import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'legacy-key-value',
    category: 'maintainability',
    severity: 'warning',
    buildkit: 'LegacyKeyValueFormat',
    title: { ko: '`키=값` 형식 사용', en: 'Use the `key=value` form' },
    messages: {
      legacyKeyValue: {
        ko: '`{keyword} {name} 값` 형태는 예전 형식입니다. `{keyword} {name}=값`으로 쓰세요.',
        en: '`{keyword} {name} …` is the legacy form. Write `{keyword} {name}=value`.',
      },
      changeToName: { ko: '`{name}=…` 형식으로 바꾸기', en: 'Change to `{name}=…`' },
    },
    docs: {
      description: {
        ko: '공백으로 구분하는 예전 형식(`ENV PORT 8080`)은 한 줄에 하나만 쓸 수 있고, 값에 공백이 있으면 헷갈립니다. 과정의 예처럼 `키=값` 형식을 쓰세요.',
        en: 'The old space-separated form (`ENV PORT 8080`) allows one pair per line and is ambiguous when the value has spaces. Use `key=value`, as the course does.',
      },
      example: [
        '# ❌',
        'ENV NODE_ENV production',
        '# ✅',
        'ENV NODE_ENV=production',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (ENV: `ENV PORT=8080`)', en: 'Main instructions (ENV: `ENV PORT=8080`)' }),
    fixable: true,
  },
  check(ctx) {
    for (const ins of ctx.doc.instructions) {
      if (ins.keyword !== 'ENV' && ins.keyword !== 'LABEL') continue;
      const props = ins.properties;
      const legacy = props.find((p) => !p.assignment && p.value !== null);
      if (!legacy || legacy.valueStart === null || legacy.valueEnd === null) continue;
      const raw = ctx.text.slice(legacy.valueStart, legacy.valueEnd);
      let value: string | null = null;
      if (!/\s/.test(raw)) value = raw;
      else if (!/["'\\`]/.test(raw) && !raw.includes(ctx.doc.escape)) value = `"${raw}"`;
      ctx.report({
        messageId: 'legacyKeyValue',
        start: legacy.nameStart,
        end: legacy.valueEnd,
        data: { keyword: ins.keyword, name: legacy.name },
        fix:
          value !== null && props.length === 1
            ? { messageId: 'changeToName', data: { name: legacy.name }, edits: [{ start: legacy.nameStart, end: legacy.valueEnd, text: `${legacy.name}=${value}` }] }
            : null,
      });
    }
  },
});
