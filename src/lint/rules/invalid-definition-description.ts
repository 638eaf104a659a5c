import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

/** Tool pragmas above an instruction are not descriptions. */
const PRAGMA = /^#\s*(?:(?:hadolint|docker-labs)\s+(?:global\s+)?ignore\s*=|check\s*=)/i;

export default defineRule({
  meta: {
    id: 'invalid-definition-description',
    category: 'maintainability',
    severity: 'info',
    buildkit: 'InvalidDefinitionDescription',
    experimental: true,
    title: { ko: '스테이지·ARG 설명 주석은 이름으로 시작', en: 'Stage and ARG description comments start with the name' },
    messages: {
      invalidDefinitionDescription: {
        ko: '`{name}` 바로 위의 주석은 설명으로 읽힙니다(`docker build --call=outline`). `# {name} …`처럼 이름으로 시작하거나, 설명이 아니라면 사이에 빈 줄을 두세요.',
        en: 'The comment right above `{name}` is read as its description (`docker build --call=outline`). Start it with the name, `# {name} …`, or leave a blank line in between if it is not one.',
      },
    },
    docs: {
      description: {
        ko: '`docker build --call=outline`과 `--call=targets`는 `FROM … AS 이름`과 `ARG` 바로 위 주석을 그 스테이지나 인자의 설명으로 보여 줍니다. 설명은 `# 이름 설명` 형식이어야 하므로, 설명이 아닌 주석은 빈 줄로 떼어 두세요. BuildKit에서 실험 단계 검사라 기본으로 꺼져 있고, 파일 첫머리의 `# check=experimental=InvalidDefinitionDescription`(또는 `experimental=all`)이나 설정에서 심각도를 정하면 켜집니다.',
        en: '`docker build --call=outline` and `--call=targets` show the comment right above `FROM … AS name` and `ARG` as that stage’s or argument’s description, which must read `# name description`; keep other comments apart with a blank line. BuildKit marks this check experimental, so it is off unless the file starts with `# check=experimental=InvalidDefinitionDescription` (or `experimental=all`) or a setting gives it a severity.',
      },
      example: ['# check=experimental=InvalidDefinitionDescription', '', '# build compiles the app', 'FROM golang:1.22 AS build', '# VERSION is the release to build', 'ARG VERSION=1.0'].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 1: Dockerfile 기본 문법 (주석)', en: 'Concept 1: Dockerfile syntax (comments)' }),
    fixable: false,
  },
  check(ctx) {
    const lines = ctx.doc.lines;
    for (const ins of ctx.doc.instructions) {
      let names: string[];
      if (ins.keyword === 'FROM') {
        const name = ins.stage?.from === ins ? ins.stage.name : null;
        if (!name) continue;
        names = [name];
      } else if (ins.keyword === 'ARG') {
        names = ins.properties.map((p) => p.name);
        if (names.length === 0) continue;
      } else continue;
      // The comment block directly above (no blank line in between); its first line is the description.
      let first = -1;
      for (let l = ins.line - 1; l >= 0; l--) {
        const text = lines.lineText(l).trim();
        if (!text.startsWith('#') || PRAGMA.test(text)) break;
        first = l;
      }
      if (first === -1 || lines.starts[first] < (ctx.doc.directives[ctx.doc.directives.length - 1]?.end ?? 0)) continue;
      const word = lines.lineText(first).trim().replace(/^#\s*/, '').split(/\s+/)[0];
      // An empty `#` line describes nothing (BuildKit reads no description from it).
      if (!word || names.includes(word)) continue;
      // On the instruction the comment would describe, where BuildKit reports it.
      ctx.report({ messageId: 'invalidDefinitionDescription', start: ins.start, end: Math.min(ins.logicalEnd, lines.lineEnd(ins.line)), data: { name: names[0] } });
    }
  },
});
