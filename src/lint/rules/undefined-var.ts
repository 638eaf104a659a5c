import { courseRef, SESSIONS } from '../course';
import { PLATFORM_ARGS } from '../facts/variables';
import { insertLinesAfter } from '../fixes';
import type { Stage } from '../parse/model';
import { defineRule } from '../rule';
import { closest } from '../spelling';

/** Variables base images commonly set: using one before this Dockerfile sets it is normal. */
const BASE_ENV = new Set(['PATH', 'HOME', 'LANG', 'LANGUAGE', 'LC_ALL', 'TERM', 'SHELL', 'USER', 'HOSTNAME', 'JAVA_HOME', 'GOPATH', 'GOROOT', 'PYTHONPATH', 'NODE_PATH', 'LD_LIBRARY_PATH', 'PKG_CONFIG_PATH', 'CARGO_HOME', 'RUSTUP_HOME', 'GEM_HOME', 'BUNDLE_PATH', 'MAVEN_HOME', 'GRADLE_HOME', 'DOTNET_ROOT']);

/** Instructions whose variables the builder (not a shell) expands. */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

export default defineRule({
  meta: {
    id: 'undefined-var',
    category: 'correctness',
    severity: 'warning',
    buildkit: 'UndefinedVar',
    title: { ko: '정의되지 않은 변수', en: 'Undefined variable' },
    messages: {
      undefinedVar: {
        ko: '`${name}` 변수가 이 스테이지에 정의되어 있지 않아 빈 문자열이 됩니다.',
        en: '`${name}` is not defined in this stage and expands to an empty string.',
      },
      declareArg: { ko: '이 스테이지에 `ARG {name}` 추가', en: 'Add `ARG {name}` to this stage' },
      changeToGuess: { ko: '`{guess}`(으)로 바꾸기', en: 'Change to `{guess}`' },
      declareInStage: {
        ko: '`${name}`: `FROM` 앞에 선언된 ARG는 스테이지 안에서 보이지 않습니다. 이 스테이지에 `ARG {name}` 줄을 추가하세요.',
        en: '`${name}`: an ARG declared before `FROM` is not visible inside a stage. Add `ARG {name}` to this stage.',
      },
      definedLater: { ko: '`${name}` 변수는 이 줄보다 뒤에서 정의됩니다. 사용하기 전에 `ARG`/`ENV`로 정의하세요.', en: '`${name}` is defined after this line. Define it with `ARG`/`ENV` before using it.' },
      didYouMean: { ko: '`${name}` 변수가 정의되어 있지 않습니다. `${guess}`의 오타인가요?', en: '`${name}` is not defined. Did you mean `${guess}`?' },
    },
    docs: {
      description: {
        ko: '`COPY`, `ENV`, `WORKDIR` 같은 명령어의 `$변수`는 빌드할 때 `ARG`/`ENV` 값으로 바뀝니다. 정의되지 않은 변수는 조용히 빈 문자열이 됩니다. 특히 `FROM` 앞의 `ARG`는 `FROM`에서만 보이므로, 스테이지 안에서 쓰려면 `ARG 이름`으로 다시 선언해야 합니다.',
        en: 'A `$variable` in `COPY`, `ENV`, `WORKDIR` and friends is replaced at build time by an `ARG`/`ENV` value; an undefined one silently becomes an empty string. An `ARG` before `FROM` is only visible to `FROM`: to use it inside a stage, declare it again with `ARG NAME`.',
      },
      example: [
        'ARG VERSION=1.0',
        'FROM alpine:3.20',
        'ARG VERSION',
        'LABEL version=$VERSION',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (ARG: 빌드 시 변수 설정, ENV: 환경 변수 설정)', en: 'Main instructions (ARG: build-time variables, ENV: environment variables)' }),
    fixable: true,
  },
  check(ctx) {
    const globals = new Set<string>();
    for (const a of ctx.doc.globalArgs) for (const p of a.properties) globals.add(p.name);

    for (const stage of ctx.facts.stages) {
      const inherited = new Set<string>();
      for (let s: Stage | null = stage.parent; s; s = s.parent) for (const i of s.instructions) if (i.keyword === 'ENV') for (const p of i.properties) inherited.add(p.name);
      const root = ctx.facts.rootImage(stage);
      const fromScratch = root?.path === 'scratch';
      const windows = ctx.facts.os(stage) === 'windows';
      // Where each name is declared in this stage (ARG always counts; ENV unless a base image commonly sets it).
      const lastDecl = new Map<string, number>();
      stage.instructions.forEach((i, k) => {
        if (i.keyword === 'ARG' || (i.keyword === 'ENV' && !windows)) for (const p of i.properties) if (i.keyword === 'ARG' || !BASE_ENV.has(p.name)) lastDecl.set(p.name, k);
      });
      const declared = new Set<string>();
      const reportedGlobal = new Set<string>();

      stage.instructions.forEach((ins, k) => {
        if (EXPANDED.has(ins.keyword)) {
          for (const v of ins.variables) {
            if (v.start >= ins.logicalEnd || v.modifier !== null) continue;
            const name = v.name;
            if (declared.has(name) || inherited.has(name)) continue;
            if (globals.has(name) || PLATFORM_ARGS.has(name)) {
              const first = !reportedGlobal.has(name);
              reportedGlobal.add(name);
              ctx.report({
                start: v.start,
                end: v.end,
                data: { name },
                messageId: 'declareInStage',
                fix: first
                  ? { messageId: 'declareArg', data: { name }, edits: [insertLinesAfter(ctx.facts, stage.from, [`${ctx.facts.keyword('ARG')} ${name}`])] }
                  : null,
              });
              continue;
            }
            if ((lastDecl.get(name) ?? -1) > k) {
              ctx.report({
                start: v.start,
                end: v.end,
                data: { name },
                messageId: 'definedLater',
              });
              continue;
            }
            if (windows) continue;
            // PATH is in every image's environment (BuildKit sets a default), so `$PAHT` is a typo of it too.
            const known = new Set([...declared, ...inherited, 'PATH']);
            // A near miss of a name declared here is a typo (two swapped letters count as one slip);
            // short names and common base-image variables are too ambiguous.
            const guess = name.length >= 4 && !BASE_ENV.has(name) ? (closest(name, known, name.length >= 8 ? 2 : 1) ?? swappedLetters(name, known)) : null;
            if (guess) {
              ctx.report({
                start: v.start,
                end: v.end,
                data: { name, guess },
                messageId: 'didYouMean',
                fix: { messageId: 'changeToGuess', data: { guess }, edits: [replaceName(ctx.text, v.start, v.end, name, guess)] },
              });
              continue;
            }
            // On scratch there is no base image environment that could define it.
            if (fromScratch) ctx.report({ messageId: 'undefinedVar', start: v.start, end: v.end, data: { name } });
          }
        }
        if (ins.keyword === 'ARG' || ins.keyword === 'ENV') for (const p of ins.properties) declared.add(p.name);
      });
    }
  },
});

function replaceName(text: string, start: number, end: number, name: string, guess: string) {
  const at = text.indexOf(name, start);
  return at !== -1 && at + name.length <= end ? { start: at, end: at + name.length, text: guess } : { start, end, text: `\${${guess}}` };
}

/** The one candidate `name` equals with two neighbouring letters swapped (`PAHT` → `PATH`), or null. */
function swappedLetters(name: string, candidates: Iterable<string>): string | null {
  const found = [...candidates].filter((c) => {
    if (c.length !== name.length || c === name) return false;
    const diff = [...c].flatMap((ch, i) => (ch === name[i] ? [] : [i]));
    return diff.length === 2 && diff[1] === diff[0] + 1 && c[diff[0]] === name[diff[1]] && c[diff[1]] === name[diff[0]];
  });
  return found.length === 1 ? found[0] : null;
}
