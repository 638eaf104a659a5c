import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

const REMOTE = /^(https?|ftp):\/\/|^git@|\.git(#.*)?$/i;
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tzst|tar\.(gz|bz2|xz|zst|lz|lzma|z)|gz|bz2|xz|zst|lzma)$/i;
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export default defineRule({
  meta: {
    id: 'add-instead-of-copy',
    category: 'maintainability',
    severity: 'error',
    hadolint: 'DL3020',
    title: { ko: '파일 복사에는 COPY', en: 'Use COPY to copy files' },
    messages: {
      addInsteadOfCopy: {
        ko: '로컬 파일을 복사할 때는 `ADD` 대신 `COPY`를 쓰세요. `ADD`는 URL 다운로드와 압축 해제가 필요할 때만 씁니다.',
        en: 'Copy local files with `COPY`, not `ADD`. Keep `ADD` for downloading URLs and extracting archives.',
      },
      changeToCopy: { ko: '`COPY`로 바꾸기', en: 'Change to `COPY`' },
    },
    docs: {
      description: {
        ko: '과정의 명령어 표처럼 `COPY`는 파일 복사, `ADD`는 "파일 복사 및 압축 해제"입니다. `ADD`는 tar 파일을 자동으로 풀고 URL을 내려받기 때문에, 단순 복사에 쓰면 의도와 다른 일이 생길 수 있습니다.',
        en: 'As the course’s instruction table puts it, `COPY` copies files and `ADD` “copies and extracts”. `ADD` unpacks tar files and downloads URLs on its own, so using it for a plain copy can do something you did not intend.',
      },
      example: [
        'COPY . /app',
        'ADD app.tar.gz /app',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (COPY: 파일 복사 / ADD: 파일 복사 및 압축 해제)', en: 'Main instructions (COPY: copy files / ADD: copy and extract)' }),
    fixable: true,
  },
  check(ctx) {
    for (const ins of ctx.facts.withTriggers) {
      if (ins.keyword !== 'ADD' || ins.heredocs.length > 0) continue;
      const words = ins.json ? ins.json.strings : ins.args;
      if (words.length < 2) continue;
      const sources = words.slice(0, -1).map((w) => w.value.replace(/^["']|["']$/g, ''));
      if (sources.some((s) => s.includes('$') || REMOTE.test(s) || ARCHIVE.test(s))) continue;
      const addOnly = ins.flags.some((f) => ADD_ONLY_FLAGS.has(f.name));
      const plain = ctx.text.slice(ins.start, ins.keywordEnd) === ins.rawKeyword;
      const copy = ins.rawKeyword === 'add' ? 'copy' : 'COPY';
      ctx.report({
        messageId: 'addInsteadOfCopy',
        start: ins.start,
        end: ins.keywordEnd,
        fix: !addOnly && plain ? { messageId: 'changeToCopy', edits: [{ start: ins.start, end: ins.keywordEnd, text: copy }] } : null,
      });
    }
  },
});
