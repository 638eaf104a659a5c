import { courseRef, SESSIONS } from '../course';
import { labels } from '../facts/labels';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'label-superfluous',
    category: 'maintainability',
    severity: 'info',
    hadolint: 'DL3050',
    configKey: 'strict-labels',
    title: { ko: '스키마에 없는 레이블', en: 'Labels outside the schema' },
    messages: {
      labelSuperfluous: {
        ko: '레이블 `{label}`은(는) `label-schema`에 없습니다. 이 저장소는 `strict-labels`로 스키마의 레이블만 허용합니다.',
        en: 'Label `{label}` is not in the `label-schema`: this repository allows only the schema’s labels (`strict-labels`).',
      },
    },
    docs: {
      description: {
        ko: '`.hadolint.yaml`에 `strict-labels: true`를 적었을 때만 검사합니다. 레이블 이름을 스키마로 통일해 두면 `version`, `Version`, `app.version`처럼 같은 뜻의 레이블이 흩어지지 않습니다. 스키마가 없으면 모든 레이블을 알립니다.',
        en: 'Checked only when `.hadolint.yaml` sets `strict-labels: true`. Keeping label names to the schema stops `version`, `Version` and `app.version` meaning the same thing. Without a schema, every label is reported.',
      },
      example: ['# .hadolint.yaml', '# strict-labels: true', '# label-schema:', '#   org.opencontainers.image.version: semver', 'LABEL org.opencontainers.image.version=1.4.2'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (LABEL: 메타데이터)', en: 'Main instructions (LABEL: metadata)' }),
    fixable: false,
  },
  check(ctx) {
    if (!ctx.options.strictLabels) return;
    const schema = ctx.options.labelSchema ?? {};
    for (const { key, prop } of labels(ctx.doc)) {
      if (!Object.prototype.hasOwnProperty.call(schema, key)) ctx.report({ messageId: 'labelSuperfluous', start: prop.nameStart, end: prop.nameEnd, data: { label: key } });
    }
  },
});
