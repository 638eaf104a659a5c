import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'wget-and-curl',
    category: 'maintainability',
    severity: 'warning',
    hadolint: 'DL4001',
    title: { ko: '`wget`과 `curl` 중 하나만', en: 'Either `wget` or `curl`, not both' },
    messages: {
      wgetAndCurl: {
        ko: '이 스테이지는 이미 `{first}`를 쓰는데 여기서 `{tool}`도 씁니다. 다운로드 도구는 하나로 통일하세요.',
        en: 'This stage already uses `{first}`, and here it also uses `{tool}`. Settle on one download tool.',
      },
    },
    docs: {
      description: {
        ko: '`wget`과 `curl`은 같은 일을 합니다. 둘 다 쓰면 두 도구를 모두 이미지에 설치해야 해서 크기가 늘고, 읽는 사람도 두 가지 옵션 체계를 알아야 합니다. 스테이지마다 하나만 쓰세요.',
        en: '`wget` and `curl` do the same job. Using both means installing both into the image, which grows it, and readers must know two sets of options. Use one per stage.',
      },
      example: 'RUN curl -fsSL -o /tmp/app.tar.gz https://example.com/app.tar.gz',
    },
    course: courseRef(SESSIONS.imageLayers, { ko: '개념 3: 이미지 최적화 기법 (불필요한 파일 제거)', en: 'Concept 3: image optimisation (remove unneeded files)' }),
    fixable: false,
  },
  check(ctx) {
    for (const stage of ctx.facts.stages) {
      // Every use of one tool once the stage has used the other (a later `wget` after
      // `wget … curl …` mixes them again), as hadolint's DL4001 reports them.
      const seen = new Set<string>();
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'RUN' || !ctx.facts.posix(ins)) continue;
        for (const c of ctx.facts.commands(ins)) {
          if (c.name !== 'wget' && c.name !== 'curl') continue;
          const other = c.name === 'wget' ? 'curl' : 'wget';
          if (seen.has(other)) ctx.report({ messageId: 'wgetAndCurl', start: c.argv[0].start, end: c.argv[0].end, data: { tool: c.name, first: other } });
          seen.add(c.name);
        }
      }
    }
  },
});
