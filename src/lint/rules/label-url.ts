import { courseRef, SESSIONS } from '../course';
import { reportLabelType } from '../facts/labels';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'label-url',
    category: 'maintainability',
    severity: 'warning',
    hadolint: 'DL3052',
    configKey: 'label-schema',
    title: { ko: '레이블 값은 URL', en: 'Label value is a URL' },
    messages: {
      labelUrl: {
        ko: '레이블 `{label}`의 값 `{value}`은(는) 올바른 URL이 아닙니다 (예: `https://github.com/org/app`).',
        en: 'Label `{label}`: `{value}` is not a valid URL (e.g. `https://github.com/org/app`).',
      },
    },
    docs: {
      description: {
        ko: '`.hadolint.yaml`의 `label-schema`가 이 레이블을 `url`로 정했을 때만 검사합니다. 문서나 소스 저장소 주소는 `https://`로 시작하는 완전한 URL이어야 도구가 링크로 씁니다.',
        en: 'Checked only when `label-schema` in `.hadolint.yaml` types the label as `url`. A documentation or source address must be a complete URL starting with a scheme such as `https://` for tools to link it.',
      },
      example: ['# .hadolint.yaml', '# label-schema:', '#   org.opencontainers.image.source: url', 'LABEL org.opencontainers.image.source=https://github.com/org/app'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (LABEL: 메타데이터)', en: 'Main instructions (LABEL: metadata)' }),
    fixable: false,
  },
  check(ctx) {
    reportLabelType(ctx, 'url', 'labelUrl');
  },
});
