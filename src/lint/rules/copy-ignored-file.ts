import { contextPath, dockerignoreMatcher } from '../dockerignore';
import { courseRef, SESSIONS } from '../course';
import { contextSources } from '../facts/instructions';
import { defineRule } from '../rule';

/** Sources that are not files of the context: URLs (`ADD https://…`, `ADD git@…`). */
function isRemote(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^git@/.test(source);
}

export default defineRule({
  meta: {
    id: 'copy-ignored-file',
    category: 'correctness',
    severity: 'warning',
    buildkit: 'CopyIgnoredFile',
    title: { ko: '`.dockerignore`가 뺀 파일은 복사할 수 없음', en: 'A file `.dockerignore` leaves out cannot be copied' },
    messages: {
      copyIgnoredFile: {
        ko: '`{file}`은(는) `{ignoreFile}`의 {line}번째 줄 `{pattern}` 때문에 빌드 컨텍스트에서 빠지므로 이 `{keyword}`가 복사할 수 없습니다(빌드가 "not found"로 실패합니다). 그 줄을 지우거나, 아래에 `!{path}` 줄을 추가해 다시 포함하세요.',
        en: '`{file}` is left out of the build context by line {line} of `{ignoreFile}` (`{pattern}`), so this `{keyword}` cannot copy it (the build fails with "not found"). Remove that line, or add a `!{path}` line below it to include the file again.',
      },
    },
    docs: {
      description: {
        ko: '`.dockerignore`에 맞는 파일은 빌더로 보내지지 않습니다. 그래서 `COPY`나 `ADD`가 그 파일을 가리키면 빌드 컨텍스트에 없어 빌드가 실패합니다. BuildKit의 `CopyIgnoredFile` 검사와 같습니다. `.dockerignore`는 마지막으로 맞는 줄이 결정하고, `!`로 시작하는 줄은 다시 포함합니다. 폴더를 빼면 그 안의 파일도 모두 빠집니다.',
        en: 'Files matching `.dockerignore` are not sent to the builder, so a `COPY` or `ADD` naming one finds nothing in the build context and the build fails. This is BuildKit\'s `CopyIgnoredFile` check. In `.dockerignore` the last matching line decides, a line starting with `!` includes again, and leaving out a folder leaves out everything in it.',
      },
      example: ['# .dockerignore: */tmp/*', 'FROM scratch', '# bad: COPY ./tmp/helloworld.txt /helloworld.txt', 'COPY ./forever/helloworld.txt /helloworld.txt'].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 3: 베스트 프랙티스 (불필요한 파일 제외: .dockerignore 활용)', en: 'Concept 3: best practices (leave unneeded files out: .dockerignore)' }),
    fixable: false,
  },
  check(ctx) {
    const file = ctx.context?.dockerignore();
    if (!file) return;
    const matcher = dockerignoreMatcher(file.text);
    for (const ins of ctx.doc.instructions) {
      const sources = contextSources(ins);
      if (!sources) continue;
      for (const source of sources) {
        const value = source.value;
        // Variables expand at build time; `.` is the context itself, which BuildKit does not check either.
        if (value.includes('$') || isRemote(value)) continue;
        const path = contextPath(value);
        if (path === null) continue;
        const match = matcher.excludedBy(path);
        if (!match) continue;
        ctx.report({
          messageId: 'copyIgnoredFile',
          start: source.start,
          end: source.end,
          data: { file: value, path, ignoreFile: file.path, line: match.line, pattern: match.pattern, keyword: ins.keyword },
        });
      }
    }
  },
});
