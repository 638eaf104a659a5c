import { courseRef, SESSIONS } from '../course';
import { reportLabelType } from '../facts/labels';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'label-time',
    category: 'maintainability',
    severity: 'warning',
    hadolint: 'DL3053',
    configKey: 'label-schema',
    title: { ko: '레이블 값은 RFC 3339 시각', en: 'Label value is an RFC 3339 time' },
    messages: {
      labelRfc3339: {
        ko: '레이블 `{label}`의 값 `{value}`은(는) RFC 3339 시각이 아닙니다 (예: `2026-03-01T09:00:00Z`).',
        en: 'Label `{label}`: `{value}` is not an RFC 3339 time (e.g. `2026-03-01T09:00:00Z`).',
      },
    },
    docs: {
      description: {
        ko: '`.hadolint.yaml`의 `label-schema`가 이 레이블을 `rfc3339`로 정했을 때만 검사합니다. 빌드 시각은 `2026-03-01T09:00:00Z`처럼 날짜, 시각, 시간대를 모두 적어야 어디서나 같은 순간으로 읽힙니다.',
        en: 'Checked only when `label-schema` in `.hadolint.yaml` types the label as `rfc3339`. A build time needs date, time and time zone, e.g. `2026-03-01T09:00:00Z`, to mean the same instant everywhere.',
      },
      example: ['# .hadolint.yaml', '# label-schema:', '#   org.opencontainers.image.created: rfc3339', 'LABEL org.opencontainers.image.created=2026-03-01T09:00:00Z'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (LABEL: 메타데이터)', en: 'Main instructions (LABEL: metadata)' }),
    fixable: false,
  },
  check(ctx) {
    reportLabelType(ctx, 'rfc3339', 'labelRfc3339');
  },
});
