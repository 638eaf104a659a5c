import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'user-numeric',
    category: 'user',
    severity: 'info',
    hadolint: 'DL3066',
    // hadolint 2.15 ships it on (info); here it is off: the course, and missing-user's quick fix,
    // teach `USER appuser`, right for `docker run`; numeric UIDs matter where Kubernetes checks runAsNonRoot.
    enabledByDefault: false,
    title: { ko: '마지막 USER는 숫자 UID로', en: 'A numeric UID in the last USER' },
    messages: {
      userNumeric: {
        ko: '`USER {user}`: 이름으로 된 사용자는 호스트(예: Kubernetes의 `runAsNonRoot`)가 확인할 수 없습니다. `USER 1000`처럼 숫자 UID를 쓰세요.',
        en: '`USER {user}`: a user name cannot be checked by the host (e.g. Kubernetes’ `runAsNonRoot`). Use a numeric UID such as `USER 1000`.',
      },
    },
    docs: {
      description: {
        ko: '기본으로는 꺼져 있습니다(`.hadolint.yaml`의 `override`로 켜세요). 사용자 이름은 이미지 안의 `/etc/passwd`로만 풀 수 있어, Kubernetes처럼 컨테이너 밖에서 "root가 아닌가"를 확인하는 곳은 이름을 판단하지 못하고 실행을 거부합니다. 최종 스테이지의 마지막 `USER`만 확인합니다. 빌드 중에 잠깐 `USER root`를 쓰는 것은 괜찮습니다.',
        en: 'Off by default (turn it on with `override` in `.hadolint.yaml`). A user name resolves only through the image’s own `/etc/passwd`, so a host that checks "not root" from outside, as Kubernetes does, cannot tell and refuses to start it. Only the final stage’s last `USER` is checked: a temporary `USER root` during the build is fine.',
      },
      example: ['RUN adduser -D -u 1000 app', 'USER 1000'].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '베스트 프랙티스: non-root 사용자', en: 'Best practices: non-root user' }),
    fixable: false,
  },
  check(ctx) {
    // The stage the image is made of; a file without FROM (a fragment) is one implicit stage.
    const final = ctx.facts.stages.find((s) => s.isFinal);
    if (!final) return;
    const users = final.instructions.filter((i) => i.keyword === 'USER');
    const last = users[users.length - 1];
    const arg = last?.args[0];
    if (!arg || arg.value.includes('$')) return;
    const uid = arg.value.replace(/^["']|["']$/g, '').split(':')[0];
    if (/^\d+$/.test(uid)) return;
    ctx.report({ messageId: 'userNumeric', start: arg.start, end: arg.end, data: { user: uid } });
  },
});
