import { courseRef, SESSIONS } from '../course';
import { reportLabelType } from '../facts/labels';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'label-semver',
    category: 'maintainability',
    severity: 'warning',
    hadolint: 'DL3056',
    configKey: 'label-schema',
    title: { ko: '레이블 값은 유의적 버전', en: 'Label value is a semantic version' },
    messages: {
      labelSemver: {
        ko: '레이블 `{label}`의 값 `{value}`은(는) 유의적 버전(semver)이 아닙니다 (예: `1.4.2`, `2.0.0-rc.1`).',
        en: 'Label `{label}`: `{value}` is not a semantic version (e.g. `1.4.2`, `2.0.0-rc.1`).',
      },
    },
    docs: {
      description: {
        ko: '`.hadolint.yaml`의 `label-schema`가 이 레이블을 `semver`로 정했을 때만 검사합니다. `주.부.수` 형식(semver)이면 도구가 버전을 비교할 수 있습니다.',
        en: 'Checked only when `label-schema` in `.hadolint.yaml` types the label as `semver`. In the `major.minor.patch` form (semver), tools can compare versions.',
      },
      example: ['# .hadolint.yaml', '# label-schema:', '#   org.opencontainers.image.version: semver', 'LABEL org.opencontainers.image.version=1.4.2'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (LABEL: 메타데이터)', en: 'Main instructions (LABEL: metadata)' }),
    fixable: false,
  },
  check(ctx) {
    reportLabelType(ctx, 'semver', 'labelSemver');
  },
});
