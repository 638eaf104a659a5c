import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

/** Reported by the engine when the file cannot be read as a Dockerfile at all. */
export default defineRule({
  meta: {
    id: 'parse-error',
    category: 'correctness',
    severity: 'error',
    title: { ko: 'Dockerfile을 읽을 수 없음', en: 'Cannot read the Dockerfile' },
    messages: {
      parseError: { ko: 'Dockerfile을 해석할 수 없습니다: {detail}', en: 'The Dockerfile cannot be parsed: {detail}' },
    },
    docs: {
      description: {
        ko: '파일을 Dockerfile로 해석하는 중 문제가 생겼습니다. 표시된 위치의 문법을 확인하세요.',
        en: 'Something went wrong reading the file as a Dockerfile. Check the syntax at the position shown.',
      },
      example: [
        'FROM alpine:3.20',
        'RUN echo hello',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 명령어 설명', en: 'Dockerfile instructions' }),
    fixable: false,
  },
  check() {
    // The engine reports parser failures under this id.
  },
});
