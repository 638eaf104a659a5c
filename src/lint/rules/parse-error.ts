import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

/** Reported by the engine when the file cannot be read as a Dockerfile at all. */
export default defineRule({
  meta: {
    id: 'parse-error',
    category: 'correctness',
    severity: 'error',
    title: { ko: 'Dockerfile을 읽을 수 없음', en: 'Cannot read the Dockerfile' },
    message: { ko: 'Dockerfile을 해석할 수 없습니다: {detail}', en: 'The Dockerfile cannot be parsed: {detail}' },
    explanation: {
      ko: '파일을 Dockerfile로 해석하는 중 문제가 생겼습니다. 표시된 위치의 문법을 확인하세요.\n\n```dockerfile\nFROM alpine:3.20\nRUN echo hello\n```',
      en: 'Something went wrong reading the file as a Dockerfile. Check the syntax at the position shown.\n\n```dockerfile\nFROM alpine:3.20\nRUN echo hello\n```',
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 명령어 설명', en: 'Dockerfile instructions' }),
    fixable: false,
  },
  check() {
    // The engine reports parser failures under this id.
  },
});
