import { courseRef, SESSIONS } from '../course';
import { reportLabelType } from '../facts/labels';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'label-email',
    category: 'maintainability',
    severity: 'warning',
    hadolint: 'DL3058',
    configKey: 'label-schema',
    title: { ko: '레이블 값은 이메일 주소', en: 'Label value is an email address' },
    messages: {
      labelEmail: {
        ko: '레이블 `{label}`의 값 `{value}`은(는) 이메일 주소가 아닙니다 (예: `team@example.com`).',
        en: 'Label `{label}`: `{value}` is not an email address (e.g. `team@example.com`).',
      },
    },
    docs: {
      description: {
        ko: '`.hadolint.yaml`의 `label-schema`가 이 레이블을 `email`로 정했을 때만 검사합니다. 연락처는 RFC 5322 형식의 주소 하나(`team@example.com`)로 적으세요.',
        en: 'Checked only when `label-schema` in `.hadolint.yaml` types the label as `email`. Write a contact as one RFC 5322 address (`team@example.com`).',
      },
      example: ['# .hadolint.yaml', '# label-schema:', '#   maintainer: email', 'LABEL maintainer=team@example.com'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (LABEL: 메타데이터)', en: 'Main instructions (LABEL: metadata)' }),
    fixable: false,
  },
  check(ctx) {
    reportLabelType(ctx, 'email', 'labelEmail');
  },
});
