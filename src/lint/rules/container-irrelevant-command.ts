import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

/** Interactive tools and system services that do nothing useful while an image builds. */
const IRRELEVANT = new Set(['ssh', 'vim', 'shutdown', 'service', 'ps', 'free', 'top', 'kill', 'mount', 'ifconfig']);

export default defineRule({
  meta: {
    id: 'container-irrelevant-command',
    category: 'maintainability',
    severity: 'info',
    hadolint: 'DL3001',
    title: { ko: '컨테이너 빌드에서 의미 없는 명령어', en: 'Commands that make no sense in a container build' },
    messages: {
      containerIrrelevantCommand: {
        ko: '`{command}`는 이미지 빌드 중에는 의미가 없습니다. 빌드는 대화형 터미널도, 실행 중인 서비스도 없는 임시 컨테이너에서 실행됩니다.',
        en: '`{command}` makes no sense while building an image: the build runs in a throwaway container with no interactive terminal and no running services.',
      },
    },
    docs: {
      description: {
        ko: '`RUN`은 빌드할 때 한 번 실행되고 그 결과 파일만 레이어에 남습니다. `ssh`, `vim`, `top` 같은 대화형 도구, `service`·`shutdown`·`mount` 같은 시스템 관리 명령, `ps`·`kill`·`free`·`ifconfig`처럼 실행 중인 상태를 보는 명령은 빌드 결과에 아무것도 남기지 않습니다. 프로세스는 `CMD`/`ENTRYPOINT`로 시작하고, 상태는 `docker exec`나 `docker stats`로 보세요.',
        en: '`RUN` executes once at build time and only its files stay in the layer. Interactive tools (`ssh`, `vim`, `top`), system administration (`service`, `shutdown`, `mount`) and commands that look at running state (`ps`, `kill`, `free`, `ifconfig`) leave nothing in the image. Start processes with `CMD`/`ENTRYPOINT`; inspect state with `docker exec` or `docker stats`.',
      },
      example: ['FROM nginx:1.27-alpine', '# not: RUN service nginx start', 'CMD ["nginx", "-g", "daemon off;"]'].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (RUN과 CMD의 차이)', en: 'Main instructions (RUN versus CMD)' }),
    fixable: false,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        // `command -v ps` asks whether ps exists: it does not run it.
        if (!IRRELEVANT.has(c.name) || c.wrapper === 'command') continue;
        ctx.report({ messageId: 'containerIrrelevantCommand', start: c.argv[0].start, end: c.argv[0].end, data: { command: c.name } });
      }
    }
  },
});
