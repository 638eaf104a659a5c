import { courseRef, SESSIONS } from '../course';
import { lastUser } from '../facts/instructions';
import { userFixEdits, userSetup } from '../fixes';
import { dropsPrivileges, runsAsNonRoot, unprivilegedAlternative } from '../images';
import { NON_ROOT_DOCS } from '../lessons';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'missing-user',
    category: 'user',
    severity: 'warning',
    title: { ko: '비root 사용자로 실행', en: 'Run as a non-root user' },
    messages: {
      missingUser: {
        ko: '최종 스테이지에 `USER`가 없어 컨테이너가 root로 실행됩니다. 일반 사용자를 만들어 전환하세요.',
        en: 'The final stage has no `USER`, so the container runs as root. Create an ordinary user and switch to it.',
      },
      addUser: { ko: '`{user}` 사용자로 실행하도록 추가', en: 'Add a `{user}` user and switch to it' },
      webServerAsRoot: {
        ko: '최종 스테이지에 `USER`가 없어 웹 서버가 root로 시작합니다. 비root로 실행되는 `{alternative}` 이미지를 고려하세요.',
        en: 'The final stage has no `USER`, so the web server starts as root. Consider `{alternative}`, which runs as non-root.',
      },
    },
    docs: NON_ROOT_DOCS,
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 3: 베스트 프랙티스 (보안 강화: 비root 사용자 사용)', en: 'Concept 3: best practices (security: run as a non-root user)' }),
    fixable: true,
  },
  check(ctx) {
    const stages = ctx.doc.stages;
    const final = stages[stages.length - 1];
    if (!final || lastUser(final)) return;
    const root = ctx.facts.rootImage(final);
    if (root && (runsAsNonRoot(root) || dropsPrivileges(root))) return;
    const os = ctx.facts.os(final);
    if (os === 'windows') return;
    // An image whose base cannot be known (FROM $BASE without default) may well set USER.
    if (!root) return;
    const from = final.from;
    const alternative = root ? unprivilegedAlternative(root) : null;
    if (alternative) {
      // nginx and httpd bind port 80 as root: adding a user breaks them; their non-root form is another image.
      ctx.report({
        start: from.start,
        end: from.keywordEnd,
        data: { alternative },
        messageId: 'webServerAsRoot',
      });
      return;
    }
    const setup = userSetup(ctx.facts, final);
    ctx.report({
      messageId: 'missingUser',
      start: from.start,
      end: from.keywordEnd,
      fix: setup
        ? {
            messageId: 'addUser',
            data: { user: setup.user },
            edits: userFixEdits(ctx.facts, final, setup),
          }
        : null,
    });
  },
});
