import { courseRef, SESSIONS } from '../course';
import { unquote } from '../facts/instructions';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'expose-proto-casing',
    category: 'maintainability',
    severity: 'warning',
    buildkit: 'ExposeProtoCasing',
    title: { ko: 'EXPOSE 프로토콜은 소문자로', en: 'Lowercase EXPOSE protocols' },
    messages: {
      exposeProtoCasing: {
        ko: '`EXPOSE {value}`의 프로토콜 `{proto}`은(는) 소문자(`{lower}`)로 쓰세요.',
        en: 'Write the protocol `{proto}` of `EXPOSE {value}` in lowercase (`{lower}`).',
      },
      lowercaseProto: { ko: '`{lower}`(으)로 바꾸기', en: 'Change to `{lower}`' },
    },
    docs: {
      description: {
        ko: '`EXPOSE 80/tcp`의 프로토콜(`tcp`, `udp`, `sctp`)은 소문자로 쓰는 것이 관례입니다. 대소문자가 섞이면 읽기 어렵고 다른 도구와 어긋납니다.',
        en: 'The protocol of `EXPOSE 80/tcp` (`tcp`, `udp`, `sctp`) is written in lowercase by convention; mixed case reads badly and trips other tools.',
      },
      example: ['EXPOSE 80/tcp', 'EXPOSE 53/udp'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (EXPOSE: 노출할 포트 지정)', en: 'Main instructions (EXPOSE: port to expose)' }),
    fixable: true,
  },
  check(ctx) {
    for (const ins of ctx.facts.withTriggers) {
      if (ins.keyword !== 'EXPOSE') continue;
      for (const a of ins.args) {
        const value = unquote(a.value);
        const slash = value.lastIndexOf('/');
        if (slash === -1 || value.includes('$')) continue;
        const proto = value.slice(slash + 1);
        const lower = proto.toLowerCase();
        if (proto === lower) continue;
        const at = ctx.text.lastIndexOf(proto, a.end);
        ctx.report({
          messageId: 'exposeProtoCasing',
          start: a.start,
          end: a.end,
          data: { value, proto, lower },
          fix: at >= a.start ? { messageId: 'lowercaseProto', edits: [{ start: at, end: at + proto.length, text: lower }] } : null,
        });
      }
    }
  },
});
