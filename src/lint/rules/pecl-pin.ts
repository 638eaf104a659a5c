import { operands, subcommand } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { listPackages } from '../facts/packages';
import { defineRule } from '../rule';

/** pecl options that take a value (`pecl -c file install …`, `pecl install -D 'opt="v"' …`). */
const PECL_VALUED = new Set(['-c', '-C', '-d', '-D', '-R', '--installroot', '-P', '--packagingroot', '--configureoptions']);

/** A package spec that names no version: `redis`, `pecl.php.net/redis`, `redis-beta` (a release state floats). */
function unpinned(spec: string): boolean {
  // Files and downloads are fixed already: a release tarball, a package.xml, a URL.
  if (/^(https?|ftp):\/\//i.test(spec) || /\.(tgz|tar|tar\.gz)$/i.test(spec) || /(^|\/)package\d*\.xml$/i.test(spec)) return false;
  // `channel://host/name-1.0`, `host/name-1.0`, `name-1.0`: the part after the last `/`.
  const name = spec.replace(/^channel:\/\//i, '').split('/').pop() ?? '';
  return !/-\d[\w.+-]*$/.test(name);
}

export default defineRule({
  meta: {
    id: 'pecl-pin',
    category: 'maintainability',
    severity: 'info',
    hadolint: 'DL3068',
    title: { ko: '`pecl install` 버전 고정', en: 'Pin versions in `pecl install`' },
    messages: {
      peclPin: {
        ko: '버전이 없는 PHP 확장: {packages}. `redis-6.1.0`처럼 `이름-버전`으로 고정하세요(`-beta`, `-stable` 같은 상태는 계속 바뀝니다).',
        en: 'PHP extensions without a version: {packages}. Pin them as `name-version`, e.g. `redis-6.1.0` (a state such as `-beta` or `-stable` keeps moving).',
      },
    },
    docs: {
      description: {
        ko: '`pecl install redis`는 빌드하는 날의 최신 릴리스를 받아 컴파일합니다. 새 주 버전이 나오면 같은 Dockerfile이 다른 확장을 넣거나 빌드가 깨집니다. 버전을 적으면 이미지가 재현됩니다.',
        en: '`pecl install redis` fetches and compiles whatever release is newest on the day of the build. When a new major comes out, the same Dockerfile puts in a different extension or stops building. A version makes the image reproducible.',
      },
      example: ['FROM php:8.3-fpm', 'RUN pecl install redis-6.1.0 && docker-php-ext-enable redis'].join('\n'),
    },
    course: courseRef(SESSIONS.imagesAndContainers, { ko: '3. 이미지 식별과 태그 (재현 가능한 빌드)', en: '3. Image names and tags (reproducible builds)' }),
    fixable: false,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        if (c.name !== 'pecl') continue;
        const sub = subcommand(c.argv, PECL_VALUED);
        if (!sub || (sub.value !== 'install' && sub.value !== 'i')) continue;
        const loose = operands(c.argv, sub.index + 1, PECL_VALUED).filter((w) => !w.dynamic && unpinned(w.value));
        if (loose.length === 0) continue;
        ctx.report({ messageId: 'peclPin', start: loose[0].start, end: loose[loose.length - 1].end, data: { packages: listPackages(loose.map((w) => w.value)) } });
      }
    }
  },
});
