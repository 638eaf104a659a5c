import { courseRef, SESSIONS } from '../course';
import { finalStageLabelKeys } from '../facts/labels';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'label-missing',
    category: 'maintainability',
    severity: 'info',
    hadolint: 'DL3049',
    differsFromHadolint: {
      ko: '최종 이미지(마지막 스테이지와 그것이 `FROM`으로 이어받는 스테이지의 레이블)만 봅니다. 빌더 스테이지의 레이블은 이미지에 남지 않기 때문입니다. hadolint는 스테이지마다 봅니다. `.hadolint.yaml`에 `hadolint-compat: true`를 두면 스테이지마다 봅니다.',
      en: 'Only the final image is judged (the last stage, with the labels of the stages it is built `FROM`): a builder stage’s labels never reach the image. hadolint judges every stage. `hadolint-compat: true` in `.hadolint.yaml` judges every stage, as hadolint does.',
    },
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
    if (!schema) return;
    const judged = ctx.options.hadolintCompat ? ctx.doc.stages : ctx.doc.stages.filter((s) => s.isFinal);
    for (const stage of judged) {
      const present = finalStageLabelKeys(stage);
      for (const label of Object.keys(schema)) {
        if (!present.has(label)) ctx.report({ messageId: 'labelMissing', start: stage.from.start, end: stage.from.logicalEnd, data: { label } });
      }
    }
  },
});
