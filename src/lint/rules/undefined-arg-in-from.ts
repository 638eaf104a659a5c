import { courseRef, SESSIONS } from '../course';
import { PLATFORM_ARGS } from '../facts/variables';
import { defineRule } from '../rule';
import { closest } from '../spelling';

export default defineRule({
  meta: {
    id: 'undefined-arg-in-from',
    category: 'correctness',
    severity: 'warning',
    buildkit: 'UndefinedArgInFrom',
    title: { ko: 'FROM은 선언된 ARG만 사용', en: 'FROM must use declared ARGs' },
    messages: {
      undefinedArgInFrom: {
        ko: '`FROM`의 `${name}` 변수가 `FROM` 앞에서 `ARG`로 선언되지 않았습니다.',
        en: '`${name}` in `FROM` is not declared with `ARG` before the first `FROM`.',
      },
      changeToGuess: { ko: '`{guess}`(으)로 바꾸기', en: 'Change to `{guess}`' },
      didYouMean: { ko: '`${name}` 변수가 선언되지 않았습니다. `${guess}`의 오타인가요?', en: '`${name}` is not declared. Did you mean `${guess}`?' },
    },
    docs: {
      description: {
        ko: '`FROM`에서 쓰는 변수는 파일 맨 앞(첫 `FROM` 이전)에 `ARG`로 선언해야 합니다. 기본값을 주면 `--build-arg` 없이도 빌드됩니다.',
        en: 'Variables used by `FROM` must be declared with `ARG` at the top of the file, before the first `FROM`. With a default value the file builds without `--build-arg`.',
      },
      example: [
        'ARG NODE_VERSION=18',
        'FROM node:${NODE_VERSION}-alpine',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (ARG: 빌드 시 변수 설정)', en: 'Main instructions (ARG: build-time variables)' }),
    fixable: true,
  },
  check(ctx) {
    const globals = new Set<string>();
    for (const a of ctx.doc.globalArgs) for (const p of a.properties) globals.add(p.name);
    for (const stage of ctx.doc.stages) {
      const from = stage.from;
      for (const v of from.variables) {
        if (v.modifier !== null || globals.has(v.name) || PLATFORM_ARGS.has(v.name)) continue;
        const guess = closest(v.name, globals, 2);
        const at = ctx.text.indexOf(v.name, v.start);
        ctx.report({
          start: v.start,
          end: v.end,
          data: { name: v.name, guess: guess ?? '' },
          messageId: guess ? 'didYouMean' : 'undefinedArgInFrom',
          fix:
            guess && at !== -1 && at < v.end
              ? { messageId: 'changeToGuess', data: { guess }, edits: [{ start: at, end: at + v.name.length, text: guess }] }
              : null,
        });
      }
    }
  },
});
