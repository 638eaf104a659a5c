import { courseRef, SESSIONS } from '../course';
import { isAbsolutePath, unquote, writtenAsWindowsAbsolute } from '../facts/instructions';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'workdir-relative',
    category: 'correctness',
    severity: 'error',
    hadolint: 'DL3000',
    buildkit: 'WorkdirRelativePath',
    title: { ko: 'WORKDIR은 절대 경로로', en: 'Use an absolute WORKDIR' },
    messages: {
      workdirRelative: {
        ko: '`WORKDIR {path}`의 경로는 상대 경로라 베이스 이미지의 작업 디렉토리에 따라 위치가 달라집니다. `/app`처럼 절대 경로를 쓰세요.',
        en: '`WORKDIR {path}` is relative, so where it lands depends on the base image’s working directory. Use an absolute path such as `/app`.',
      },
      changeToJoined: { ko: '`{joined}`(으)로 바꾸기', en: 'Change to `{joined}`' },
    },
    docs: {
      description: {
        ko: '`WORKDIR`은 이후 `RUN`, `COPY`, `CMD`가 실행되는 디렉토리를 정합니다. 상대 경로는 이전 WORKDIR(베이스 이미지가 정한 것일 수도 있음)에 이어 붙으므로, 베이스 이미지가 바뀌면 파일 위치도 바뀝니다. 과정의 예처럼 절대 경로를 쓰세요.',
        en: '`WORKDIR` sets the directory later `RUN`, `COPY` and `CMD` run in. A relative path is appended to the previous WORKDIR (possibly the base image’s), so a new base image moves your files. Use an absolute path, as the course does.',
      },
      example: [
        'WORKDIR /app',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 1: Dockerfile 기본 문법 (WORKDIR: 작업 디렉토리 설정)', en: 'Concept 1: Dockerfile syntax (WORKDIR: working directory)' }),
    fixable: true,
  },
  check(ctx) {
    // The WORKDIR each stage ends with: null when unknown; `absolute` when one was set in the build.
    const ends = new Map<number, { current: string | null; absolute: boolean }>();
    for (const stage of ctx.facts.stages) {
      // `FROM <earlier stage>` starts in that stage's WORKDIR: once it is absolute, the base image cannot move it.
      const inherited = stage.parent ? ends.get(stage.parent.index) : undefined;
      let current: string | null = inherited?.current ?? null;
      let absolute = inherited?.absolute ?? false;
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'WORKDIR') continue;
        const args = ins.args;
        if (args.length === 0) continue;
        const path = unquote(args.map((a) => a.value).join(' '));
        if (isAbsolutePath(path) || writtenAsWindowsAbsolute(ctx.text.slice(args[0].start, args[args.length - 1].end))) {
          current = path.includes('$') ? null : path;
          absolute = true;
          continue;
        }
        if (inherited?.absolute) {
          current = current !== null && !path.includes('$') ? `${current.replace(/\/+$/, '')}/${path.replace(/^\.\//, '')}` : null;
          continue;
        }
        const joined = current !== null && !path.includes('$') && !current.includes('\\') ? `${current.replace(/\/+$/, '')}/${path.replace(/^\.\//, '')}` : null;
        ctx.report({
          messageId: 'workdirRelative',
          start: args[0].start,
          end: args[args.length - 1].end,
          data: { path },
          fix:
            joined && args.length === 1
              ? { messageId: 'changeToJoined', data: { joined }, edits: [{ start: args[0].start, end: args[0].end, text: joined }] }
              : null,
        });
        current = joined;
      }
      ends.set(stage.index, { current, absolute });
    }
  },
});
