import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'maintainer-deprecated',
    category: 'maintainability',
    severity: 'error',
    hadolint: 'DL4000',
    buildkit: 'MaintainerDeprecated',
    title: { ko: 'MAINTAINER 대신 LABEL', en: 'Use LABEL instead of MAINTAINER' },
    messages: {
      maintainerDeprecated: {
        ko: '`MAINTAINER`는 더 이상 쓰지 않습니다. 과정의 예처럼 `LABEL`로 작성자를 적으세요.',
        en: '`MAINTAINER` is deprecated. Record the author with `LABEL`, as the course does.',
      },
      changeToLabelMaintainer: { ko: '`LABEL maintainer=…`로 바꾸기', en: 'Change to `LABEL maintainer=…`' },
    },
    docs: {
      description: {
        ko: '작성자 같은 메타데이터는 `LABEL`로 추가합니다. 표준 키는 `org.opencontainers.image.authors`입니다.',
        en: 'Add metadata such as the author with `LABEL`; the standard key is `org.opencontainers.image.authors`.',
      },
      example: [
        'LABEL maintainer="developer@company.com"',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 1: Dockerfile 기본 문법 (LABEL: 메타데이터 추가)', en: 'Concept 1: Dockerfile syntax (LABEL: metadata)' }),
    fixable: true,
  },
  check(ctx) {
    for (const ins of ctx.doc.instructions) {
      if (ins.keyword !== 'MAINTAINER') continue;
      const args = ins.args;
      let fix = null;
      if (args.length > 0 && !ctx.text.slice(ins.start, ins.logicalEnd).includes(ctx.doc.escape + '\n')) {
        const raw = ctx.text.slice(args[0].start, args[args.length - 1].end).replace(/^"(.*)"$/, '$1');
        const value = raw.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
        fix = {
          messageId: 'changeToLabelMaintainer',
          edits: [{ start: ins.start, end: args[args.length - 1].end, text: `${ctx.facts.keyword('LABEL')} maintainer="${value}"` }],
        };
      }
      ctx.report({ messageId: 'maintainerDeprecated', start: ins.start, end: ins.keywordEnd, fix });
    }
  },
});
