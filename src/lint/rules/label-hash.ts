import { courseRef, SESSIONS } from '../course';
import { reportLabelType } from '../facts/labels';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'label-hash',
    category: 'maintainability',
    severity: 'warning',
    hadolint: 'DL3055',
    configKey: 'label-schema',
    title: { ko: '레이블 값은 git 해시', en: 'Label value is a git hash' },
    messages: {
      labelHash: {
        ko: '레이블 `{label}`의 값 `{value}`은(는) git 커밋 해시가 아닙니다 (7–40자의 16진수, 예: `git rev-parse HEAD`의 결과).',
        en: 'Label `{label}`: `{value}` is not a git commit hash (7–40 hex digits, e.g. the output of `git rev-parse HEAD`).',
      },
    },
    docs: {
      description: {
        ko: '`.hadolint.yaml`의 `label-schema`가 이 레이블을 `hash`로 정했을 때만 검사합니다. 이미지를 만든 커밋을 적어 두면 이미지에서 소스로 되돌아갈 수 있습니다. 빌드할 때 `--build-arg`로 넣는 값이면 스키마 형식을 `text`로 두세요.',
        en: 'Checked only when `label-schema` in `.hadolint.yaml` types the label as `hash`. Recording the commit an image was built from leads back from the image to the source. For a value passed in with `--build-arg`, type it `text` in the schema.',
      },
      example: ['# .hadolint.yaml', '# label-schema:', '#   org.opencontainers.image.revision: hash', 'LABEL org.opencontainers.image.revision=3f2a9c1'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (LABEL: 메타데이터)', en: 'Main instructions (LABEL: metadata)' }),
    fixable: false,
  },
  check(ctx) {
    reportLabelType(ctx, 'hash', 'labelHash');
  },
});
