import { courseRef, SESSIONS } from '../course';
import { insertAfter } from '../fixes';
import { hasOption } from '../shellCommands';
import type { ShellWord } from '../parse/shell';
import { defineRule } from '../rule';

/** Short options of wget that take a value: letters after one of them in a cluster are that value (`-Oapp`). */
const VALUED = 'OPUtTwebilADRXIQ';

/** `-q`, `-nv`, `-o log` or `-a log` among short options, clusters included (`-qO-`). */
function quietsShort(word: ShellWord): boolean {
  const v = word.value;
  if (v === '-nv') return true;
  if (!v.startsWith('-') || v.startsWith('--')) return false;
  for (const ch of v.slice(1)) {
    if (ch === 'q' || ch === 'o' || ch === 'a') return true;
    if (VALUED.includes(ch) || !/[A-Za-z]/.test(ch)) return false;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'wget-progress',
    category: 'maintainability',
    severity: 'info',
    hadolint: 'DL3047',
    title: { ko: '`wget`에 `--progress` 지정', en: 'Give `wget` a `--progress` style' },
    messages: {
      wgetProgress: {
        ko: '`wget`이 진행 막대를 빌드 로그에 수없이 찍습니다. `--progress=dot:giga`를 주거나 `-q`/`-nv`로 줄이세요.',
        en: '`wget` prints its progress bar into the build log over and over. Add `--progress=dot:giga`, or quieten it with `-q`/`-nv`.',
      },
      addProgress: { ko: '`--progress=dot:giga` 추가', en: 'Add `--progress=dot:giga`' },
    },
    docs: {
      description: {
        ko: '빌드 로그는 터미널이 아니어서 `wget`의 진행 막대가 줄마다 새로 찍혀 로그가 매우 길어집니다. `--progress=dot:giga`는 큰 단위로만 점을 찍고, `-nv`는 한 줄 요약만 남깁니다.',
        en: 'A build log is no terminal, so `wget`’s progress bar is printed line after line and bloats the log. `--progress=dot:giga` prints a dot per large chunk; `-nv` leaves a one-line summary.',
      },
      example: 'RUN wget --progress=dot:giga -O /tmp/app.tar.gz https://example.com/app.tar.gz',
    },
    course: courseRef(SESSIONS.basicsInstructions, { ko: 'Dockerfile 주요 명령어 (RUN)', en: 'Main instructions (RUN)' }),
    fixable: true,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        if (c.name !== 'wget') continue;
        if (hasOption(c.argv, '', ['--progress', '--quiet', '--no-verbose', '--output-file', '--append-output']) || c.argv.some(quietsShort)) continue;
        const word = c.argv[0];
        ctx.report({ messageId: 'wgetProgress', start: word.start, end: word.end, fix: { messageId: 'addProgress', edits: [insertAfter(word, '--progress=dot:giga')] } });
      }
    }
  },
});
