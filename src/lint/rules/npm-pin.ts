import { npmOperands, npmSub, NPM_INSTALL } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { listPackages } from '../facts/packages';
import { defineRule } from '../rule';

/** `express`, `@scope/pkg` without `@version`; not paths, URLs, tarballs or git specs. */
function unpinned(spec: string): boolean {
  // A git spec is pinned by a `#<commit>` / `#semver:<range>` (as DL3016 judges), whatever the package is called (`gitbook-cli` is a name).
  if (/^(git(\+(ssh|https?|file))?:\/\/|github:|gitlab:|bitbucket:)/.test(spec)) return !spec.includes('#');
  // Tarballs as npm recognises them by name: `.tgz`, `.tar.gz`, `.tar`.
  if (/^(\.|\/|~|file:|https?:)/.test(spec) || /\.(tgz|tar\.gz|tar)$/i.test(spec) || spec.includes('#')) return false;
  const at = spec.lastIndexOf('@');
  return at <= 0;
}

export default defineRule({
  meta: {
    id: 'npm-pin',
    category: 'maintainability',
    severity: 'info',
    hadolint: 'DL3016',
    title: { ko: 'npm 패키지 버전 고정', en: 'Pin npm package versions' },
    messages: {
      npmPin: {
        ko: '버전이 고정되지 않은 npm 패키지: {packages}. `패키지@버전`으로 고정하세요.',
        en: 'Unpinned npm packages: {packages}. Pin them as `package@version`.',
      },
    },
    docs: {
      description: {
        ko: '`npm install 패키지`는 그때그때의 최신 버전을 설치합니다. 애플리케이션 의존성은 `package.json`/`package-lock.json`으로 관리하고, 전역 도구는 `pm2@5.4.2`처럼 버전을 적으세요.',
        en: '`npm install package` installs whatever is latest. Manage application dependencies through `package.json`/`package-lock.json`, and give global tools a version, e.g. `pm2@5.4.2`.',
      },
      example: 'RUN npm install -g pm2@5.4.2',
    },
    course: courseRef(SESSIONS.dockerfileBestPractices, { ko: '개념 1: Dockerfile 기본 문법 (`COPY package*.json ./`, `RUN npm install`)', en: 'Concept 1: Dockerfile syntax (`COPY package*.json ./`, `RUN npm install`)' }),
    fixable: false,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        const sub = npmSub(c);
        if (!sub || !NPM_INSTALL.has(sub.value)) continue;
        const loose = npmOperands(c, sub).filter((w) => !w.dynamic && unpinned(w.value));
        if (loose.length === 0) continue;
        ctx.report({ messageId: 'npmPin', start: loose[0].start, end: loose[loose.length - 1].end, data: { packages: listPackages(loose.map((w) => w.value)) } });
      }
    }
  },
});
