import { courseRef, SESSIONS } from '../course';
import { inlineCommentArg, unquote } from '../facts/instructions';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'copy-dest-slash',
    category: 'correctness',
    severity: 'error',
    hadolint: 'DL3021',
    title: { ko: '여러 파일 복사 시 대상은 `/`로 끝나야 함', en: 'With several sources the destination must end with `/`' },
    messages: {
      copyDestSlash: {
        ko: '여러 파일을 복사할 때 대상 경로(`{dest}`)는 디렉토리여야 하므로 `/`로 끝나야 합니다.',
        en: 'When copying several files the destination `{dest}` must be a directory ending with `/`.',
      },
      addTrailingSlash: { ko: '끝에 `/` 추가', en: 'Add a trailing `/`' },
    },
    docs: {
      description: {
        ko: '소스가 둘 이상이면 대상은 디렉토리여야 하고, Docker는 그것을 `/`로 끝나는지로 판단합니다.',
        en: 'With two or more sources the destination must be a directory, which Docker recognises by a trailing `/`.',
      },
      example: [
        '# ❌',
        'COPY package.json package-lock.json /app',
        '# ✅',
        'COPY package.json package-lock.json /app/',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (COPY: 파일 복사)', en: 'Main instructions (COPY: copy files)' }),
    fixable: true,
  },
  check(ctx) {
    for (const ins of ctx.facts.withTriggers) {
      if (ins.keyword !== 'COPY' || ins.heredocs.length > 0) continue;
      const json = ins.json;
      // A trailing `# comment` is not a source (inline-comment reports it).
      const hash = json ? null : inlineCommentArg(ins);
      const words = json ? json.strings : ins.args.filter((a) => !hash || a.start < hash.start);
      if (words.length <= 2) continue;
      const dest = words[words.length - 1];
      // `COPY a b "dir/"`: the builder judges the path without its quotes.
      const path = json ? dest.value : unquote(dest.value);
      if (path.endsWith('/') || path.endsWith('\\') || path.includes('$')) continue;
      // Insert inside the closing quote (JSON form, or a quoted shell-form word).
      const at = json || path !== dest.value ? dest.end - 1 : dest.end;
      ctx.report({
        messageId: 'copyDestSlash',
        start: dest.start,
        end: dest.end,
        data: { dest: path },
        fix: { messageId: 'addTrailingSlash', edits: [{ start: at, end: at, text: '/' }] },
      });
    }
  },
});
