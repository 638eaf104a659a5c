import { courseRef, SESSIONS } from '../course';
import { parseImageRef } from '../../docker';
import { defineRule } from '../rule';

/** Whether `domain` is one of `trusted` (`*.gcr.io` matches any subdomain; `docker.io` also covers `index.docker.io`). */
export function trustedDomain(domain: string, trusted: readonly string[]): boolean {
  return trusted.some((t) => {
    const p = t.trim().toLowerCase();
    if (p === '*') return true;
    if (p.startsWith('*.')) return domain.endsWith(p.slice(1));
    return domain === (p === 'index.docker.io' ? 'docker.io' : p);
  });
}

export default defineRule({
  meta: {
    id: 'trusted-registry',
    category: 'security',
    severity: 'error',
    hadolint: 'DL3026',
    configKey: 'trustedRegistries',
    title: { ko: '허용된 레지스트리의 이미지만', en: 'Images from trusted registries only' },
    messages: {
      trustedRegistry: {
        ko: '`{image}`은(는) `{registry}`에서 옵니다. 이 저장소가 허용한 레지스트리는 {trusted}입니다.',
        en: '`{image}` comes from `{registry}`; this repository trusts {trusted}.',
      },
    },
    docs: {
      description: {
        ko: '`.hadolint.yaml`에 `trustedRegistries`를 적었을 때만 검사합니다. 회사가 검증한 레지스트리(사내 미러 등)의 이미지만 쓰게 해서, 누가 올렸는지 모르는 이미지가 빌드에 들어오지 않게 합니다. 레지스트리 없이 쓴 `node:20`은 `docker.io`에서 옵니다. `*.gcr.io`처럼 하위 도메인을 한꺼번에 허용할 수 있습니다.',
        en: 'Checked only when `.hadolint.yaml` lists `trustedRegistries`. It keeps images from registries your organisation vetted (an internal mirror…), so no image of unknown origin enters the build. `node:20` without a registry comes from `docker.io`. `*.gcr.io` allows every subdomain.',
      },
      example: ['# .hadolint.yaml', '# trustedRegistries: [registry.example.com]', '# ❌', 'FROM node:20-alpine', '# ✅', 'FROM registry.example.com/node:20-alpine'].join('\n'),
    },
    course: courseRef(SESSIONS.imagesAndContainers, { ko: '3. 이미지 식별과 태그 (레지스트리)', en: '3. Image names and tags (registries)' }),
    fixable: false,
  },
  check(ctx) {
    const trusted = ctx.options.trustedRegistries;
    if (!trusted || trusted.length === 0) return;
    const stageNames = new Set(ctx.doc.stages.map((s) => s.name?.toLowerCase()).filter(Boolean));
    const check = (image: string, start: number, end: number) => {
      if (image.includes('$') || image.toLowerCase() === 'scratch' || stageNames.has(image.toLowerCase())) return;
      const ref = parseImageRef(image);
      if (trustedDomain(ref.domain, trusted)) return;
      ctx.report({ messageId: 'trustedRegistry', start, end, data: { image, registry: ref.domain, trusted: trusted.map((t) => `\`${t}\``).join(', ') } });
    };
    for (const stage of ctx.doc.stages) {
      const arg = stage.from.args[0];
      if (arg && !stage.parent) check(arg.value, arg.start, arg.end);
    }
    // `COPY --from=image`: a stage name or index is not an image.
    for (const ins of ctx.doc.instructions) {
      if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
      const from = ins.flags.find((f) => f.name.toLowerCase() === 'from');
      if (from?.value && !/^\d+$/.test(from.value) && from.valueStart !== null && from.valueEnd !== null) check(from.value, from.valueStart, from.valueEnd);
    }
  },
});
