import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'image-tag',
    category: 'base-image',
    severity: 'warning',
    hadolint: 'DL3006',
    title: { ko: '이미지 태그를 명시', en: 'Tag the image version explicitly' },
    messages: {
      imageTag: {
        ko: '`{image}`에 태그가 없어 `latest`가 쓰입니다. `{image}:1.2.3`처럼 버전을 적으세요.',
        en: '`{image}` has no tag, so `latest` is used. Name a version, e.g. `{image}:1.2.3`.',
      },
    },
    docs: {
      description: {
        ko: '태그를 생략하면 기본값 `latest`가 쓰이고, `latest`는 새 버전이 나올 때마다 다른 이미지를 가리킵니다. 어제 되던 빌드가 오늘 깨질 수 있습니다. 버전 태그(`1.21`, `18-alpine`)나 다이제스트(`@sha256:…`)로 고정하세요.',
        en: 'Without a tag Docker uses `latest`, which points at a different image whenever a new release comes out: yesterday’s build can break today. Pin a version tag (`1.21`, `18-alpine`) or a digest (`@sha256:…`).',
      },
      example: [
        '# ❌',
        'FROM nginx',
        '# ✅',
        'FROM nginx:1.21-alpine',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.imagesAndContainers, { ko: '3. 이미지 식별과 태그 (태그 전략)', en: '3. Image names and tags (tagging strategy)' }),
    fixable: false,
  },
  check(ctx) {
    for (const stage of ctx.doc.stages) {
      const image = stage.image;
      const arg = stage.from.args[0];
      if (!image || !arg || stage.parent) continue;
      if (image.path === 'scratch' || image.tag || image.digest) continue;
      ctx.report({ messageId: 'imageTag', start: arg.start, end: arg.end, data: { image: image.text } });
    }
  },
});
