import { courseRef, SESSIONS } from '../course';
import { insertAfter } from '../fixes';
import { hasOption } from '../shellCommands';
import type { ShellWord } from '../parse/shell';
import { defineRule } from '../rule';

/** The value of `-u`/`--uid` (`-u 100000`, `-u100000`, `--uid=100000`), or null. */
function uidOf(argv: readonly ShellWord[]): ShellWord | null {
  for (let i = 1; i < argv.length; i++) {
    const v = argv[i].value;
    if ((v === '-u' || v === '--uid') && i + 1 < argv.length) return argv[i + 1];
    if (v.startsWith('--uid=')) return { ...argv[i], value: v.slice(6) };
    if (/^-u\d/.test(v)) return { ...argv[i], value: v.slice(2) };
  }
  return null;
}

export default defineRule({
  meta: {
    id: 'useradd-high-uid',
    category: 'layer-cache',
    severity: 'warning',
    hadolint: 'DL3046',
    title: { ko: '큰 UID의 `useradd`에는 `-l`', en: '`useradd -l` for a high UID' },
    messages: {
      useraddHighUid: {
        ko: 'UID {uid}로 `useradd`를 실행하면 로그인 기록 파일(`/var/log/lastlog`, `faillog`)이 UID 크기만큼 커져 이미지가 부풀 수 있습니다. `-l`(`--no-log-init`)을 추가하세요.',
        en: '`useradd` with UID {uid} grows the login records (`/var/log/lastlog`, `faillog`) in proportion to the UID, which can bloat the image. Add `-l` (`--no-log-init`).',
      },
      addL: { ko: '`-l` 추가', en: 'Add `-l`' },
    },
    docs: {
      description: {
        ko: '`useradd`는 `lastlog`와 `faillog`에 UID 위치까지 자리를 만듭니다. 파일 시스템에서는 빈 공간이지만 이미지 레이어에 담길 때는 실제 크기(UID가 크면 수 GB)가 될 수 있습니다. `-l`은 이 기록을 만들지 않습니다.',
        en: '`useradd` reserves room up to the UID’s position in `lastlog` and `faillog`. On disk the file is sparse, but packed into an image layer it can take its full size (gigabytes for a large UID). `-l` skips these records.',
      },
      example: 'RUN useradd -l -u 100001 -m app',
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 3: 베스트 프랙티스 (보안 강화: 비root 사용자 사용)', en: 'Concept 3: best practices (security: run as a non-root user)' }),
    fixable: true,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        if (c.name !== 'useradd') continue;
        const uid = uidOf(c.argv);
        if (!uid || uid.dynamic || !/^\d{6,}$/.test(uid.value)) continue;
        if (hasOption(c.argv, 'l', ['--no-log-init'])) continue;
        ctx.report({ messageId: 'useraddHighUid', start: c.start, end: c.end, data: { uid: uid.value }, fix: { messageId: 'addL', edits: [insertAfter(c.argv[0], '-l')] } });
      }
    }
  },
});
