import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'expose-invalid',
    category: 'correctness',
    severity: 'warning',
    buildkit: 'ExposeInvalidFormat',
    title: { ko: 'EXPOSE에는 컨테이너 포트만', en: 'EXPOSE takes container ports only' },
    messages: {
      exposeInvalid: {
        ko: '`EXPOSE {value}`: IP 주소나 호스트 포트 매핑은 `EXPOSE`가 아니라 `docker run -p`에서 정합니다. `EXPOSE {port}` 형식으로 쓰세요.',
        en: '`EXPOSE {value}`: IP addresses and host port mappings belong to `docker run -p`, not `EXPOSE`. Write `EXPOSE {port}`.',
      },
      changeToPort: { ko: '`{port}`(으)로 바꾸기', en: 'Change to `{port}`' },
    },
    docs: {
      description: {
        ko: '`EXPOSE`는 컨테이너가 듣는 포트를 문서로 남길 뿐, 호스트에 포트를 열지 않습니다. 호스트 포트 연결(`호스트포트:컨테이너포트`)은 실행할 때 `-p 8080:3000`으로 정합니다.',
        en: '`EXPOSE` only documents the port the container listens on; it opens nothing on the host. Map a host port (`host:container`) when running: `-p 8080:3000`.',
      },
      example: [
        'EXPOSE 3000',
        '# docker run -p 8080:3000 myapp',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (EXPOSE: 노출할 포트 지정)', en: 'Main instructions (EXPOSE: port to expose)' }),
    fixable: true,
  },
  check(ctx) {
    for (const ins of ctx.facts.withTriggers) {
      if (ins.keyword !== 'EXPOSE') continue;
      for (const a of ins.args) {
        const value = a.value.replace(/^["']|["']$/g, '');
        if (!value.includes(':') || value.includes('$')) continue;
        const port = value.slice(value.lastIndexOf(':') + 1);
        const valid = /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/i.test(port);
        ctx.report({
          messageId: 'exposeInvalid',
          start: a.start,
          end: a.end,
          data: { value, port: valid ? port : '…' },
          fix: valid ? { messageId: 'changeToPort', data: { port }, edits: [{ start: a.start, end: a.end, text: port }] } : null,
        });
      }
    }
  },
});
