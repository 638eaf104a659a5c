import { dockerignoreMatcher } from '../dockerignore';
import { courseRef, SESSIONS } from '../course';
import { wholeContextSource } from '../facts/instructions';
import { defineRule } from '../rule';

/** What a Node project's `.dockerignore` must leave out, with a file inside each (a `node_modules/*` line excludes the contents, not the folder). */
const NODE_ENTRIES: readonly { entry: string; inside: string }[] = [
  { entry: 'node_modules', inside: 'node_modules/.package-lock.json' },
  { entry: '.git', inside: '.git/HEAD' },
];

export default defineRule({
  meta: {
    id: 'dockerignore-incomplete',
    category: 'layer-cache',
    severity: 'warning',
    title: { ko: 'Node 프로젝트의 `.dockerignore`는 `node_modules`와 `.git`을 빼야 함', en: 'A Node project\'s `.dockerignore` should leave out `node_modules` and `.git`' },
    messages: {
      missingEntries: {
        ko: '`{file}`에 {missing}이(가) 없어서 `{copy}`가 호스트의 것까지 이미지에 복사합니다. 호스트의 `node_modules`는 이미지 안의 `npm ci` 결과를 덮어쓸 수 있고(다른 OS용 네이티브 모듈), `.git`은 커밋할 때마다 바뀌어 캐시를 깨뜨립니다.',
        en: '`{file}` does not list {missing}, so `{copy}` copies the host\'s into the image. The host\'s `node_modules` can overwrite what `npm ci` installed in the image (native modules built for another OS), and `.git` changes with every commit, breaking the cache.',
      },
      appendEntries: { ko: '`{file}`에 {missing} 추가', en: 'Add {missing} to `{file}`' },
    },
    docs: {
      description: {
        ko: 'Node 프로젝트(컨텍스트에 `package.json`이 있는 프로젝트)에서 `COPY . .`으로 전체를 복사하면 `.dockerignore`가 빼지 않은 모든 것이 이미지에 들어갑니다. 의존성은 이미지 안에서 `npm ci`로 설치하므로 호스트의 `node_modules`는 보낼 필요가 없고, 보내면 설치 결과를 덮어씁니다. `.git`은 크고 자주 바뀝니다. 두 항목은 꼭 `.dockerignore`에 넣으세요.',
        en: 'In a Node project (a `package.json` in the context), `COPY . .` copies everything `.dockerignore` does not leave out. Dependencies are installed inside the image by `npm ci`, so the host\'s `node_modules` need not be sent, and when sent it overwrites that install. `.git` is large and changes often. List both in `.dockerignore`.',
      },
      example: ['# .dockerignore', '# node_modules', '# .git', 'FROM node:18-alpine', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .'].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 3: 베스트 프랙티스 (불필요한 파일 제외: .dockerignore 활용)', en: 'Concept 3: best practices (leave unneeded files out: .dockerignore)' }),
    fixable: true,
  },
  check(ctx) {
    const context = ctx.context;
    const file = context?.dockerignore();
    if (!context || !file || !context.isNodeProject()) return;
    for (const ins of ctx.doc.instructions) {
      const source = wholeContextSource(ins);
      if (!source) continue;
      const matcher = dockerignoreMatcher(file.text);
      const missing = NODE_ENTRIES.filter((e) => !matcher.excludes(e.entry) && !matcher.excludes(e.inside)).map((e) => e.entry);
      if (missing.length === 0) return;
      const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
      const lead = file.text === '' || file.text.endsWith('\n') ? '' : eol;
      const end = file.text.length;
      const data = { file: file.path, missing: missing.map((m) => `\`${m}\``).join(', '), copy: ctx.text.slice(ins.start, ins.logicalEnd).replace(/\s+/g, ' ').trim() };
      ctx.report({
        messageId: 'missingEntries',
        start: source.start,
        end: source.end,
        data,
        fix: { messageId: 'appendEntries', data, edits: [], files: [{ path: file.path, create: false, text: file.text, edits: [{ start: end, end, text: lead + missing.join(eol) + eol }] }] },
      });
      return;
    }
  },
});
