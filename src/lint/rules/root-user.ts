import { courseRef, SESSIONS } from '../course';
import { userFixEdits, userSetup } from '../fixes';
import { defineRule } from '../rule';
import { NON_ROOT_EXPLANATION } from '../lessons';
import { lastUser } from './missing-user';

/** `root`, `0`, `root:group`, `0:0`. */
export function isRootUser(value: string): boolean {
  const user = value.split(':')[0].trim();
  return user === 'root' || user === '0';
}

export default defineRule({
  meta: {
    id: 'root-user',
    category: 'user',
    severity: 'warning',
    hadolint: 'DL3002',
    title: { ko: '마지막 USER가 root가 아니어야 함', en: 'Last USER should not be root' },
    message: {
      ko: '최종 스테이지의 마지막 `USER` 값이 `{user}`이므로 컨테이너가 root로 실행됩니다.',
      en: 'The final stage’s last `USER` is `{user}`, so the container runs as root.',
    },
    explanation: NON_ROOT_EXPLANATION,
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 3: 베스트 프랙티스 (❌ `USER root` → ✅ `USER appuser`)', en: 'Concept 3: best practices (❌ `USER root` → ✅ `USER appuser`)' }),
    fixable: true,
  },
  check(ctx) {
    const stages = ctx.doc.stages;
    const final = stages[stages.length - 1];
    if (!final) return;
    const user = lastUser(final);
    if (!user || ctx.os(final) === 'windows') return;
    const arg = user.args[0];
    if (!arg) return;
    let value: string | null = arg.value;
    if (value.includes('$')) {
      // `USER $APP_USER`: judge by the value it resolves to, if any.
      const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/.exec(value);
      value = m ? ctx.variableAt(user, m[1]) ?? null : null;
      if (value === null) return;
    }
    if (!isRootUser(value)) return;
    const setup = user.stage === final ? userSetup(ctx, final) : null;
    ctx.report({
      start: arg.start,
      end: arg.end,
      args: { user: arg.value },
      fix: setup
        ? {
            title: { ko: '`{user}` 사용자로 실행하도록 추가', en: 'Add a `{user}` user and switch to it' },
            args: { user: setup.user },
            edits: userFixEdits(ctx, final, setup),
          }
        : null,
    });
  },
});
