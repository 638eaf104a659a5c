import { courseRef, SESSIONS } from '../course';
import { finalStageLabelKeys } from '../facts/labels';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'label-missing',
    category: 'maintainability',
    severity: 'info',
    hadolint: 'DL3049',
    configKey: 'label-schema',
    title: { ko: '필수 레이블', en: 'Required labels' },
    messages: {
      labelMissing: {
        ko: '레이블 `{label}`이(가) 없습니다. 이 저장소의 `label-schema`가 모든 이미지에 요구합니다: `LABEL {label}=…`',
        en: 'Label `{label}` is missing: this repository’s `label-schema` requires it on every image: `LABEL {label}=…`',
      },
    },
    docs: {
      description: {
        ko: '`.hadolint.yaml`에 `label-schema`를 적었을 때만 검사합니다. 최종 이미지(와 그 이미지가 `FROM`한 앞 스테이지)에 스키마의 레이블이 모두 있어야 합니다. 버전, 소스 주소, 담당자 같은 레이블이 있으면 레지스트리에서 이미지를 찾고 관리하기 쉽습니다.',
        en: 'Checked only when `.hadolint.yaml` has a `label-schema`: the final image (and the earlier stages it is built `FROM`) must carry every label in it. Labels such as version, source and owner make images easy to find and manage in a registry.',
      },
      example: ['# .hadolint.yaml', '# label-schema:', '#   org.opencontainers.image.version: semver', 'LABEL org.opencontainers.image.version=1.4.2'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (LABEL: 메타데이터)', en: 'Main instructions (LABEL: metadata)' }),
    fixable: false,
  },
  check(ctx) {
    const schema = ctx.options.labelSchema;
    const final = ctx.doc.stages.find((s) => s.isFinal);
    if (!schema || !final) return;
    const present = finalStageLabelKeys(final);
    for (const label of Object.keys(schema)) {
      if (!present.has(label)) ctx.report({ messageId: 'labelMissing', start: final.from.start, end: final.from.logicalEnd, data: { label } });
    }
  },
});
