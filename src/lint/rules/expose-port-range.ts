import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'expose-port-range',
    category: 'correctness',
    severity: 'error',
    hadolint: 'DL3011',
    title: { ko: '포트 번호는 0–65535', en: 'Ports range from 0 to 65535' },
    messages: {
      exposePortRange: {
        ko: '`{port}`은(는) 포트 번호가 될 수 없습니다. UNIX 포트는 0부터 65535까지입니다.',
        en: '`{port}` is not a port number: UNIX ports range from 0 to 65535.',
      },
    },
    docs: {
      description: {
        ko: '포트 번호는 16비트 숫자라 65535보다 클 수 없습니다. 숫자를 잘못 옮겨 적은 경우가 대부분이니 앱이 실제로 듣는 포트를 확인하세요.',
        en: 'A port number is a 16-bit value and cannot exceed 65535. It is usually a typo: check the port your app really listens on.',
      },
      example: ['# ❌', 'EXPOSE 80000', '# ✅', 'EXPOSE 8000'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (EXPOSE: 노출할 포트 지정)', en: 'Main instructions (EXPOSE: port to expose)' }),
    fixable: false,
  },
  check(ctx) {
    for (const ins of ctx.doc.instructions) {
      if (ins.keyword !== 'EXPOSE') continue;
      for (const a of ins.args) {
        const value = a.value.replace(/^["']|["']$/g, '');
        if (value.includes('$') || value.startsWith('#')) continue;
        // `8080`, `8000-8010`, `53/udp`; a `host:container` form is expose-invalid's.
        const m = /^(\d+)(?:-(\d+))?(?:\/\w+)?$/.exec(value.slice(value.lastIndexOf(':') + 1));
        if (!m) continue;
        const bad = [m[1], m[2]].find((p) => p !== undefined && Number(p) > 65535);
        if (bad) ctx.report({ messageId: 'exposePortRange', start: a.start, end: a.end, data: { port: bad } });
      }
    }
  },
});
