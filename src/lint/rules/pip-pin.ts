import { pipOperands, pipSub } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { listPackages } from '../facts/packages';
import { defineRule } from '../rule';

/** A pip requirement that pins nothing: a bare name (extras allowed), not a path, URL or archive. */
function unpinned(spec: string): boolean {
  // `git+https://host/x/y.git@v1.2#egg=y` is pinned by its `@ref`; without one it follows a branch.
  if (/^(git|hg|svn|bzr)\+/i.test(spec)) return !spec.replace(/#.*$/, '').split('/').pop()!.includes('@');
  if (/[=<>~!@]/.test(spec) || spec.includes('/') || spec.includes('\\') || spec.startsWith('.') || /\.(whl|tar\.gz|zip)$/i.test(spec)) return false;
  return /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?$/.test(spec);
}

export default defineRule({
  meta: {
    id: 'pip-pin',
    category: 'maintainability',
    severity: 'info',
    hadolint: 'DL3013',
    title: { ko: 'pip 패키지 버전 고정', en: 'Pin pip package versions' },
    messages: {
      pipPin: {
        ko: '버전이 고정되지 않은 pip 패키지: {packages}. `패키지==버전`으로 고정하거나 `requirements.txt`를 쓰세요.',
        en: 'Unpinned pip packages: {packages}. Pin them as `package==version` or use a `requirements.txt`.',
      },
    },
    docs: {
      description: {
        ko: '과정의 예처럼 의존성은 `requirements.txt`에 버전과 함께 적고 `pip install -r`로 설치하는 것이 좋습니다. 직접 설치할 때는 `flask==3.0.3`처럼 버전을 고정하세요.',
        en: 'As in the course, list dependencies with versions in `requirements.txt` and install with `pip install -r`. When installing directly, pin the version: `flask==3.0.3`.',
      },
      example: [
        'COPY requirements.txt .',
        'RUN pip install --no-cache-dir -r requirements.txt',
      ].join('\n'),
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 3: 베스트 프랙티스 (`pip install -r requirements.txt`)', en: 'Concept 3: best practices (`pip install -r requirements.txt`)' }),
    fixable: false,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        const inv = pipSub(c);
        if (!inv || inv.sub.value !== 'install') continue;
        // A constraints file (`-c constraints.txt`) pins what the names resolve to.
        if (c.argv.some((w) => w.value === '-c' || w.value === '--constraint' || w.value.startsWith('--constraint=') || /^-c[^-]/.test(w.value))) continue;
        const loose = pipOperands(c, inv).filter((w) => !w.dynamic && unpinned(w.value));
        if (loose.length === 0) continue;
        ctx.report({ messageId: 'pipPin', start: loose[0].start, end: loose[loose.length - 1].end, data: { packages: listPackages(loose.map((w) => w.value)) } });
      }
    }
  },
});
