import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'image-latest',
    category: 'base-image',
    severity: 'warning',
    hadolint: 'DL3007',
    title: { ko: '`latest` 태그 피하기', en: 'Avoid the `latest` tag' },
    messages: {
      imageLatest: {
        ko: '`{image}`: `latest`는 언제든 다른 이미지를 가리킬 수 있습니다. 버전 태그로 고정하세요.',
        en: '`{image}`: `latest` can point at a different image at any time. Pin a version tag.',
      },
    },
    docs: {
      description: {
        ko: '`latest`는 "가장 최신"이라는 뜻일 뿐 특정 버전이 아닙니다. 같은 Dockerfile이 빌드할 때마다 다른 베이스를 받을 수 있어 재현이 안 됩니다. 과정의 태깅 전략처럼 `1.2.3`(정확한 버전)이나 `1`(주 버전) 태그를 쓰세요.',
        en: '`latest` only means “newest”, not a version. The same Dockerfile can get a different base on every build, so builds are not reproducible. As in the course’s tagging strategy, use `1.2.3` (exact) or `1` (major) tags.',
      },
      example: [
        '# ❌',
        'FROM node:latest',
        '# ✅',
        'FROM node:18-alpine',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.imagesAndContainers, { ko: '3. 이미지 식별과 태그 (태그 전략: Latest)', en: '3. Image names and tags (tagging strategy: latest)' }),
    fixable: false,
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      const image = stage.image;
      const arg = stage.from.args[0];
      if (!image || !arg || stage.parent || image.digest) continue;
      if (image.tag?.toLowerCase() === 'latest') ctx.report({ messageId: 'imageLatest', start: arg.start, end: arg.end, data: { image: image.text } });
    }
  },
});
