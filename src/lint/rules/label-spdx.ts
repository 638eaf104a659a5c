import { courseRef, SESSIONS } from '../course';
import { reportLabelType } from '../facts/labels';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'label-spdx',
    category: 'maintainability',
    severity: 'warning',
    hadolint: 'DL3054',
    configKey: 'label-schema',
    title: { ko: '레이블 값은 SPDX 라이선스', en: 'Label value is an SPDX license' },
    messages: {
      labelSpdx: {
        ko: '레이블 `{label}`의 값 `{value}`은(는) SPDX 라이선스 식이 아닙니다 (예: `MIT`, `Apache-2.0`, `MIT OR Apache-2.0`).',
        en: 'Label `{label}`: `{value}` is not an SPDX license expression (e.g. `MIT`, `Apache-2.0`, `MIT OR Apache-2.0`).',
      },
    },
    docs: {
      description: {
        ko: '`.hadolint.yaml`의 `label-schema`가 이 레이블을 `spdx`로 정했을 때만 검사합니다. SPDX 식별자(`MIT`, `Apache-2.0`)로 적어야 라이선스 검사 도구가 읽을 수 있습니다. 식의 형식과 각 식별자가 SPDX 목록에 있는지를 모두 확인합니다.',
        en: 'Checked only when `label-schema` in `.hadolint.yaml` types the label as `spdx`. Written as SPDX identifiers (`MIT`, `Apache-2.0`), a license can be read by compliance tools. Both the expression’s form and each identifier’s place on the SPDX list are checked.',
      },
      example: ['# .hadolint.yaml', '# label-schema:', '#   org.opencontainers.image.licenses: spdx', 'LABEL org.opencontainers.image.licenses=Apache-2.0'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (LABEL: 메타데이터)', en: 'Main instructions (LABEL: metadata)' }),
    fixable: false,
  },
  check(ctx) {
    reportLabelType(ctx, 'spdx', 'labelSpdx');
  },
});
