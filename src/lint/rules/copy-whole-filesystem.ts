import { courseRef, SESSIONS } from '../course';
import { copyOperands } from '../facts/instructions';
import { defineRule } from '../rule';

const unquote = (v: string) => v.replace(/^["']|["']$/g, '');

export default defineRule({
  meta: {
    id: 'copy-whole-filesystem',
    category: 'multi-stage',
    severity: 'warning',
    hadolint: 'DL3067',
    title: { ko: '다른 스테이지의 파일 시스템 전체를 복사하지 않기', en: 'Do not copy a whole filesystem from another stage' },
    messages: {
      copyWholeFilesystem: {
        ko: '`COPY --from={from} / /`는 그 스테이지의 모든 파일(컴파일러, 캐시, 빌드 도구까지)을 가져옵니다. 필요한 결과물만 복사하세요 (예: `COPY --from={from} /app/dist /app/dist`).',
        en: '`COPY --from={from} / /` brings every file of that stage along (compilers, caches, build tools). Copy only what you need (e.g. `COPY --from={from} /app/dist /app/dist`).',
      },
    },
    docs: {
      description: {
        ko: '멀티스테이지 빌드의 목적은 빌드 도구를 두고 결과물만 가져오는 것입니다. 루트(`/`) 전체를 복사하면 그 장점이 사라지고 이미지가 커집니다.',
        en: 'A multi-stage build exists to leave the build tools behind and keep only the results. Copying the whole root (`/`) throws that away and makes the image large.',
      },
      example: ['# ❌', 'COPY --from=build / /', '# ✅', 'COPY --from=build /app/dist /usr/share/nginx/html'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsMultiStage, { ko: '멀티스테이지 빌드', en: 'Multi-stage builds' }),
    fixable: false,
  },
  check(ctx) {
    for (const ins of ctx.doc.instructions) {
      if (ins.keyword !== 'COPY') continue;
      const from = ins.flags.find((f) => f.name.toLowerCase() === 'from');
      if (!from?.value) continue;
      const ops = copyOperands(ins);
      if (ops.length < 2 || unquote(ops[ops.length - 1].value) !== '/' || !ops.slice(0, -1).some((o) => unquote(o.value) === '/')) continue;
      ctx.report({ messageId: 'copyWholeFilesystem', start: ins.start, end: ins.logicalEnd, data: { from: from.value } });
    }
  },
});
