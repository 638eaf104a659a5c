import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'env-self-reference',
    category: 'correctness',
    severity: 'error',
    hadolint: 'DL3044',
    title: { ko: '같은 ENV 안에서 정의한 변수를 쓰지 않기', en: 'Do not use a variable in the ENV that defines it' },
    messages: {
      envSelfReference: {
        ko: '`${name}`은(는) 같은 `ENV`에서 정의하고 있어 아직 값이 없습니다. 이 `ENV`가 끝난 다음에야 쓸 수 있으니, `ENV`를 둘로 나누세요.',
        en: '`${name}` is defined by this same `ENV`, so it has no value yet: it is set only once the `ENV` ends. Split it into two `ENV` instructions.',
      },
    },
    docs: {
      description: {
        ko: '`ENV`의 값에 있는 변수는 그 `ENV`가 시작되기 전의 값으로 바뀝니다. 그래서 `ENV A=1 B=$A`의 `B`는 `1`이 아니라 빈 값이 됩니다. 앞의 값을 쓰려면 `ENV`를 두 줄로 나누세요. (이미 앞에서 정의한 변수라면 그 이전 값이 들어가므로 알리지 않습니다.)',
        en: 'Variables in an `ENV` value expand to their values from before that `ENV` starts, so in `ENV A=1 B=$A`, `B` is empty, not `1`. Split the `ENV` in two to use the first value. (A variable defined earlier gets its earlier value, so that is not reported.)',
      },
      example: ['# ❌', 'ENV APP_HOME=/app APP_DATA=$APP_HOME/data', '# ✅', 'ENV APP_HOME=/app', 'ENV APP_DATA=$APP_HOME/data'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (ENV: 환경 변수 설정)', en: 'Main instructions (ENV: environment variables)' }),
    fixable: false,
  },
  check(ctx) {
    const defined = new Set<string>();
    for (const ins of ctx.doc.instructions) {
      if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG') continue;
      const props = ins.properties;
      if (ins.keyword === 'ENV' && props.length > 1) {
        const refs = ins.variables;
        const here = new Set<string>();
        for (const p of props) {
          if (p.valueStart !== null && p.valueEnd !== null) {
            for (const r of refs) {
              if (r.start >= p.valueStart && r.start < p.valueEnd && here.has(r.name) && !defined.has(r.name)) {
                ctx.report({ messageId: 'envSelfReference', start: r.start, end: r.end, data: { name: r.name } });
              }
            }
          }
          here.add(p.name);
        }
      }
      for (const p of props) defined.add(p.name);
    }
  },
});
