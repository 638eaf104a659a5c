import { courseRef, SESSIONS } from '../course';
import { inlineCommentArg, KEYWORDS } from '../facts/instructions';
import { defineRule } from '../rule';

const KNOWN = new Set(KEYWORDS);

export default defineRule({
  meta: {
    id: 'instruction-arguments',
    category: 'correctness',
    severity: 'error',
    title: { ko: '명령어 인자 형식', en: 'Instruction arguments' },
    messages: {
      instructionArguments: {
        ko: '`{keyword}`에 인자가 없습니다.',
        en: '`{keyword}` has no arguments.',
      },
      unclosedHeredoc: { ko: 'heredoc(`<<{name}`)이 닫히지 않았습니다. 마지막에 `{name}`만 있는 줄을 추가하세요.', en: 'The heredoc `<<{name}` is never closed: add a line containing only `{name}`.' },
      fromMissingStageName: { ko: '`FROM … AS` 뒤에 스테이지 이름이 없습니다.', en: '`FROM … AS` is missing the stage name.' },
      fromForm: { ko: '`FROM`은 `이미지` 또는 `이미지 AS 이름` 형식이어야 합니다.', en: '`FROM` takes `image` or `image AS name`.' },
      copyNeedsSourceAndDest: { ko: '`{keyword}`에는 복사할 소스와 대상 경로가 모두 필요합니다.', en: '`{keyword}` needs a source and a destination.' },
      missingValue: { ko: '`{keyword} {name}`에 값이 없습니다. `{name}=값` 형식으로 쓰세요.', en: '`{keyword} {name}` has no value. Write `{name}=value`.' },
      oneArgument: { ko: '`{keyword}` 명령어는 인자를 하나만 받습니다.', en: '`{keyword}` takes exactly one argument.' },
      nothingAfterNone: { ko: '`HEALTHCHECK NONE` 뒤에는 아무것도 올 수 없습니다.', en: 'Nothing may follow `HEALTHCHECK NONE`.' },
      healthcheckForm: { ko: '`HEALTHCHECK`는 `CMD 명령어` 또는 `NONE`이어야 합니다.', en: '`HEALTHCHECK` takes `CMD command` or `NONE`.' },
      healthcheckMissingCommand: { ko: '`HEALTHCHECK CMD` 뒤에 검사할 명령어가 없습니다.', en: '`HEALTHCHECK CMD` is missing the command to run.' },
    },
    docs: {
      description: {
        ko: '명령어마다 받는 인자의 형식이 정해져 있고, 맞지 않으면 빌드가 시작되지 않습니다. 과정의 명령어 표를 참고하세요.',
        en: 'Each instruction takes arguments of a fixed shape; otherwise the build does not start. See the course’s instruction table.',
      },
      example: [
        'FROM node:18-alpine AS builder   # <image> [AS <name>]',
        'COPY package*.json ./            # <src>… <dest>',
        'ENV NODE_ENV=production          # <key>=<value>',
        'USER node                        # <user>',
        'HEALTHCHECK CMD curl -f http://localhost/ || exit 1',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (명령어 / 설명 / 예제 표)', en: 'Main instructions (instruction / description / example table)' }),
    fixable: false,
  },
  check(ctx) {
    for (const ins of ctx.doc.instructions) {
      const kw = ins.keyword;
      if (!KNOWN.has(kw)) continue;
      const report = (messageId: string, data: Record<string, string> = {}) => ctx.report({ start: ins.start, end: ins.logicalEnd, messageId, data: { keyword: kw, ...data } });

      for (const h of ins.heredocs) {
        if (!h.terminated) {
          ctx.report({
            messageId: 'unclosedHeredoc',
            start: ins.start,
            end: ins.logicalEnd,
            data: { keyword: kw, name: h.name },
          });
        }
      }

      if (!ins.hasArguments) {
        ctx.report({ messageId: 'instructionArguments', start: ins.start, end: ins.keywordEnd, data: { keyword: kw } });
        continue;
      }
      // The shell-form instructions take any text: nothing more to check (and no need to split it).
      if (kw === 'RUN' || kw === 'CMD' || kw === 'ENTRYPOINT' || kw === 'SHELL' || kw === 'VOLUME' || kw === 'EXPOSE' || kw === 'WORKDIR' || kw === 'ARG' || kw === 'MAINTAINER') continue;
      const args = ins.args.filter((a) => a.start < ins.logicalEnd);
      const json = ins.json;
      // A trailing `# comment` is reported by inline-comment.
      const hash = inlineCommentArg(ins);
      const real = hash ? args.filter((a) => a.start < hash.start) : args;

      switch (kw) {
        case 'FROM': {
          if (real.length === 1 || (real.length === 3 && real[1].value.toLowerCase() === 'as')) break;
          if (real.length === 2 && real[1].value.toLowerCase() === 'as') report('fromMissingStageName');
          else report('fromForm');
          break;
        }
        case 'COPY':
        case 'ADD': {
          const count = json ? json.strings.length : real.length;
          if (count < 2) report('copyNeedsSourceAndDest');
          break;
        }
        case 'ENV':
        case 'LABEL': {
          const missing = ins.properties.find((p) => p.value === null && p.start < (hash?.start ?? Infinity));
          if (missing) report('missingValue', { name: missing.name });
          break;
        }
        case 'USER':
        case 'STOPSIGNAL': {
          if (!json && real.length > 1) report('oneArgument');
          break;
        }
        case 'HEALTHCHECK': {
          const first = real[0]?.value.toUpperCase();
          if (first === 'NONE') {
            if (real.length > 1) report('nothingAfterNone');
          } else if (first !== 'CMD') {
            report('healthcheckForm');
          } else if (real.length < 2) {
            report('healthcheckMissingCommand');
          }
          break;
        }
        // ONBUILD FROM / MAINTAINER / ONBUILD: onbuild-trigger (DL3043).
      }
    }
  },
});
