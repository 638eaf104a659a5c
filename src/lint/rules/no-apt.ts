import { aptSub } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { defineRule } from '../rule';

const APT_GET = new Set(['install', 'update', 'upgrade', 'remove', 'purge', 'autoremove', 'dist-upgrade', 'full-upgrade', 'clean', 'autoclean', 'download', 'source', 'build-dep', 'satisfy']);
const APT_CACHE = new Set(['search', 'show', 'policy', 'depends', 'rdepends', 'showsrc']);

export default defineRule({
  meta: {
    id: 'no-apt',
    category: 'correctness',
    severity: 'warning',
    hadolint: 'DL3027',
    title: { ko: '`apt` 대신 `apt-get`', en: 'Use `apt-get`, not `apt`' },
    messages: {
      noApt: {
        ko: '`apt`는 사람이 쓰는 대화형 도구라 스크립트에서 동작이 바뀔 수 있습니다. `{replacement}` 명령을 쓰세요.',
        en: '`apt` is an interactive tool for people and its behaviour may change in scripts. Use `{replacement}`.',
      },
      changeToReplacement: { ko: '`{replacement}`(으)로 바꾸기', en: 'Change to `{replacement}`' },
    },
    docs: {
      description: {
        ko: '`apt`는 출력 형식과 동작이 안정적이라는 보장이 없고 스크립트에서 쓰면 경고를 냅니다. Dockerfile에서는 `apt-get`(설치/삭제)과 `apt-cache`(검색)를 쓰세요.',
        en: '`apt` has no stable interface and warns when scripted. In a Dockerfile use `apt-get` (install/remove) and `apt-cache` (search).',
      },
      example: [
        '# ❌',
        'RUN apt update && apt install -y curl',
        '# ✅',
        'RUN apt-get update && apt-get install -y curl',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (RUN: `apt-get update && apt-get install -y curl`)', en: 'Main instructions (RUN: `apt-get update && apt-get install -y curl`)' }),
    fixable: true,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        if (c.name !== 'apt') continue;
        const sub = aptSub(c)?.value ?? '';
        const replacement = APT_GET.has(sub) ? 'apt-get' : APT_CACHE.has(sub) ? 'apt-cache' : null;
        const word = c.argv[0];
        ctx.report({
          messageId: 'noApt',
          start: word.start,
          end: word.end,
          data: { replacement: replacement ?? 'apt-get' },
          fix: replacement && word.value === 'apt' ? { messageId: 'changeToReplacement', data: { replacement }, edits: [{ start: word.start, end: word.end, text: replacement }] } : null,
        });
      }
    }
  },
});
