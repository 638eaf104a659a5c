import { courseRef, SESSIONS } from '../course';
import { lastUser } from '../facts/instructions';
import type { Instr, Stage } from '../parse/model';
import { userFixEdits, userSetup } from '../fixes';
import { defineRule } from '../rule';
import { NON_ROOT_DOCS } from '../lessons';

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
    differsFromHadolint: {
      ko: '최종 이미지의 마지막 USER만 봅니다. 컨테이너는 그 사용자로 실행되고, 빌더 스테이지가 root로 끝나는 것은 이미지에 영향이 없기 때문입니다. hadolint는 스테이지마다 마지막 USER를 봅니다. `.hadolint.yaml`에 `hadolint-compat: true`를 두면 스테이지마다 봅니다.',
      en: 'Only the final image’s last USER is judged: the container runs as that user, and a builder stage ending as root changes nothing in the image. hadolint judges the last USER of every stage. `hadolint-compat: true` in `.hadolint.yaml` judges every stage, as hadolint does.',
    },
    title: { ko: '마지막 USER가 root가 아니어야 함', en: 'Last USER should not be root' },
    messages: {
      rootUser: {
        ko: '최종 스테이지의 마지막 `USER` 값이 `{user}`이므로 컨테이너가 root로 실행됩니다.',
        en: 'The final stage’s last `USER` is `{user}`, so the container runs as root.',
      },
      addUser: { ko: '`{user}` 사용자로 실행하도록 추가', en: 'Add a `{user}` user and switch to it' },
    },
    docs: NON_ROOT_DOCS,
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 3: 베스트 프랙티스 (❌ `USER root` → ✅ `USER appuser`)', en: 'Concept 3: best practices (❌ `USER root` → ✅ `USER appuser`)' }),
    fixable: true,
  },
  check(ctx) {
    const stages = ctx.doc.stages;
    const final = stages[stages.length - 1];
    if (!final) return;
    const judged = new Set<Instr>();
    for (const stage of ctx.options.hadolintCompat ? stages : [final]) {
      const user = lastUser(stage);
      if (!user || judged.has(user) || ctx.facts.os(stage) === 'windows') continue;
      judged.add(user);
      judge(user, stage === final ? final : null);
    }

    function judge(user: Instr, inFinal: Stage | null) {
      const arg = user.args[0];
      if (!arg) return;
      let value: string | null = arg.value;
      if (value.includes('$')) {
        // `USER $APP_USER`: judge by the value it resolves to, if any.
        const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/.exec(value);
        value = m ? ctx.facts.variableAt(user, m[1]) ?? null : null;
        if (value === null) return;
      }
      if (!isRootUser(value)) return;
      const setup = inFinal && user.stage === inFinal ? userSetup(ctx.facts, inFinal) : null;
      ctx.report({
        messageId: 'rootUser',
        start: arg.start,
        end: arg.end,
        data: { user: arg.value },
        fix: setup && inFinal ? { messageId: 'addUser', data: { user: setup.user }, edits: userFixEdits(ctx.facts, inFinal, setup) } : null,
      });
    }
  },
});
