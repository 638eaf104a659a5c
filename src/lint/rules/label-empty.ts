import { courseRef, SESSIONS } from '../course';
import { labels } from '../facts/labels';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'label-empty',
    category: 'maintainability',
    severity: 'warning',
    hadolint: 'DL3051',
    configKey: 'label-schema',
    title: { ko: '빈 필수 레이블', en: 'Empty required label' },
    messages: {
      labelEmpty: {
        ko: '레이블 `{label}`의 값이 비어 있습니다. `label-schema`가 요구하는 레이블이니 값을 채우세요.',
        en: 'Label `{label}` is empty: the `label-schema` requires it, so give it a value.',
      },
    },
    docs: {
      description: {
        ko: '`.hadolint.yaml`에 `label-schema`를 적었을 때만 검사합니다. `LABEL version=""`은 레이블이 없는 것과 같아서, 스키마를 정한 의미가 없어집니다.',
        en: 'Checked only when `.hadolint.yaml` has a `label-schema`. `LABEL version=""` is as good as no label, which defeats the schema.',
      },
      example: ['# ❌', 'LABEL org.opencontainers.image.version=""', '# ✅', 'LABEL org.opencontainers.image.version=1.4.2'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (LABEL: 메타데이터)', en: 'Main instructions (LABEL: metadata)' }),
    fixable: false,
  },
  check(ctx) {
    const schema = ctx.options.labelSchema;
    if (!schema) return;
    for (const { key, prop } of labels(ctx.doc)) {
      if (Object.prototype.hasOwnProperty.call(schema, key) && (prop.value === null || prop.value.trim() === '')) ctx.report({ messageId: 'labelEmpty', start: prop.start, end: prop.end, data: { label: key } });
    }
  },
});
