import { courseRef, SESSIONS } from '../course';
import { wholeContextSource } from '../facts/instructions';
import { defineRule } from '../rule';
import type { BuildContext } from '../types';

/** What a new `.dockerignore` lists for this project: the common entries, Node's and Python's when the project is one, `.env` when there is one. */
export function suggestedDockerignore(context: BuildContext): string[] {
  const entries: string[] = [];
  if (context.isNodeProject()) entries.push('node_modules', 'npm-debug.log');
  if (context.exists('requirements.txt') || context.exists('pyproject.toml')) entries.push('__pycache__', '*.pyc', '.venv');
  entries.push('.git');
  if (context.exists('.env')) entries.push('.env');
  entries.push('Dockerfile*', '.dockerignore');
  return entries;
}

export default defineRule({
  meta: {
    id: 'dockerignore-missing',
    category: 'layer-cache',
    severity: 'warning',
    title: { ko: '전체 컨텍스트를 복사할 때는 `.dockerignore`가 필요', en: 'Copying the whole context needs a `.dockerignore`' },
    messages: {
      noDockerignore: {
        ko: '`{copy}`는 빌드 컨텍스트 폴더 전체를 이미지에 복사하는데, `.dockerignore`가 없습니다. {entries} 같은 파일까지 빌더로 보내져 이미지에 들어가고, 그중 하나만 바뀌어도 이 레이어의 캐시가 깨집니다. `.dockerignore`를 만들어 빼 주세요.',
        en: '`{copy}` copies the whole build-context folder into the image, and there is no `.dockerignore`: files such as {entries} are sent to the builder and end up in the image, and a change to any of them breaks this layer\'s cache. Create a `.dockerignore` that leaves them out.',
      },
      createDockerignore: { ko: '`.dockerignore` 만들기 ({entries})', en: 'Create `.dockerignore` ({entries})' },
    },
    docs: {
      description: {
        ko: '`docker build`는 먼저 빌드 컨텍스트(보통 `.` 폴더)를 통째로 빌더에 보냅니다. `.dockerignore`에 적은 파일과 폴더는 보내지 않으므로 `COPY . .`에도 들어가지 않습니다. 호스트의 `node_modules`, Git 기록(`.git`), 비밀 값이 든 `.env`를 빼 두면 컨텍스트가 작아져 빌드가 빨라지고, 상관없는 파일이 바뀌어도 캐시가 유지되며, 비밀이 이미지에 실수로 들어가지 않습니다.',
        en: '`docker build` first sends the whole build context (usually the `.` folder) to the builder. Files and folders listed in `.dockerignore` are not sent, so `COPY . .` does not copy them either. Leaving out the host\'s `node_modules`, the Git history (`.git`) and a `.env` with secrets makes the context smaller and the build faster, keeps the cache when unrelated files change, and keeps secrets out of the image.',
      },
      example: ['# .dockerignore', '# node_modules', '# npm-debug.log', '# .git', '# Dockerfile*', '# .dockerignore', 'FROM node:18-alpine', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .'].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 3: 베스트 프랙티스 (불필요한 파일 제외: .dockerignore 활용)', en: 'Concept 3: best practices (leave unneeded files out: .dockerignore)' }),
    fixable: true,
  },
  check(ctx) {
    const context = ctx.context;
    if (!context || context.dockerignore()) return;
    for (const ins of ctx.doc.instructions) {
      const source = wholeContextSource(ins);
      if (!source) continue;
      const entries = suggestedDockerignore(context);
      const eol = ctx.facts.eol;
      const data = { copy: ctx.text.slice(ins.start, ins.logicalEnd).replace(/\s+/g, ' ').trim(), entries: entries.filter((e) => e !== 'Dockerfile*' && e !== '.dockerignore').map((e) => `\`${e}\``).join(', ') };
      ctx.report({
        messageId: 'noDockerignore',
        start: source.start,
        end: source.end,
        data,
        fix: { messageId: 'createDockerignore', data, edits: [], files: [{ path: '.dockerignore', create: true, text: '', edits: [{ start: 0, end: 0, text: entries.join(eol) + eol }] }] },
      });
      return; // one file fixes every whole-context copy
    }
  },
});
