import { courseRef, SESSIONS } from '../course';
import { copyOperands } from '../facts/instructions';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'copy-context-root',
    category: 'security',
    // A hint to check, not a fault: without the build context the linter cannot see
    // whether a .dockerignore already keeps .git and .env out (hadolint: warning).
    severity: 'info',
    hadolint: 'DL4007',
    differsFromHadolint: {
      ko: '빌드 컨텍스트를 알 때(편집기, `--context`를 준 CLI)는 알리지 않습니다. 그때는 `.dockerignore`가 무엇이 들어가는지 정하고, `dockerignore-missing`·`dockerignore-incomplete`가 그 파일을 봅니다. 다른 스테이지에서 가져오는 `COPY --from=… . .`도 빌드 컨텍스트가 아니라서 알리지 않습니다. `ADD .`도 같은 파일을 가져오므로 알립니다. hadolint는 `.`을 복사하는 COPY만, 그리고 모두 알립니다. `.hadolint.yaml`에 `hadolint-compat: true`를 두면 hadolint처럼 COPY를 모두 알립니다.',
      en: 'Not reported when the build context is known (the editor, the CLI with `--context`): then the `.dockerignore` decides what goes in, and `dockerignore-missing` / `dockerignore-incomplete` judge that file. `COPY --from=… . .` copies from another stage, not the build context, and is not reported either. `ADD .` brings in the same files and is reported too. hadolint reports every COPY of `.`, and COPY only. `hadolint-compat: true` in `.hadolint.yaml` reports every COPY, as hadolint does.',
    },
    title: { ko: '빌드 컨텍스트 전체(`.`) 복사 주의', en: 'Beware of copying the whole build context (`.`)' },
    messages: {
      copyContextRoot: {
        ko: '`{copy}`: `.`은 빌드 컨텍스트 전체라서 `.git`, `.env`, 로컬 설정 같은 파일까지 이미지에 들어갈 수 있습니다. 필요한 파일만 복사하거나 `.dockerignore`로 빼세요.',
        en: '`{copy}`: `.` is the whole build context, so files such as `.git`, `.env` or local settings can end up in the image. Copy only the files you need, or leave the rest out with a `.dockerignore`.',
      },
    },
    docs: {
      description: {
        ko: '`COPY . .`은 빌드 컨텍스트에 있는 모든 것을 이미지에 넣습니다. 저장소 기록(`.git`), 비밀 값이 든 `.env`, 편집기 설정이 함께 들어가면 이미지가 커지고, 이미지를 받은 누구나 그 파일을 꺼내 볼 수 있습니다. 과정처럼 `.dockerignore`를 두어 뺄 것을 정하거나, 필요한 폴더만 복사하세요.',
        en: '`COPY . .` puts everything in the build context into the image. When the repository history (`.git`), an `.env` with secrets or editor settings come along, the image grows and anyone who pulls it can read those files. As in the course, add a `.dockerignore` that says what to leave out, or copy only the folders you need.',
      },
      example: ['# ❌ (without a .dockerignore)', 'COPY . .', '# ✅', 'COPY package.json package-lock.json ./', 'COPY src/ ./src/'].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 3: 베스트 프랙티스 (불필요한 파일 제외: .dockerignore 활용)', en: 'Concept 3: best practices (leave unneeded files out: .dockerignore)' }),
    fixable: false,
  },
  check(ctx) {
    const compat = !!ctx.options.hadolintCompat;
    if (ctx.context && !compat) return;
    // `ADD .` brings in the same files; hadolint's DL4007 looks at COPY only.
    const keywords = compat ? ['COPY'] : ['COPY', 'ADD'];
    for (const ins of ctx.facts.withTriggers) {
      if (!keywords.includes(ins.keyword) || ins.heredocs.length > 0 || (ins.flag('from') && !compat)) continue;
      const ops = copyOperands(ins);
      const dot = ops.slice(0, -1).find((w) => {
        const v = w.value.replace(/^["']|["']$/g, '');
        return v === '.' || v === './';
      });
      if (!dot) continue;
      ctx.report({ messageId: 'copyContextRoot', start: dot.start, end: dot.end, data: { copy: ctx.text.slice(ins.start, ins.logicalEnd).replace(/\s+/g, ' ').trim() } });
    }
  },
});
