import { gemInstall, gemOperands, hasOption } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { listPackages } from '../facts/packages';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'gem-pin',
    category: 'maintainability',
    severity: 'info',
    hadolint: 'DL3028',
    title: { ko: 'gem 버전 고정', en: 'Pin gem versions' },
    messages: {
      gemPin: {
        ko: '버전이 고정되지 않은 gem: {packages}. `gem install 이름:버전` 또는 `-v 버전`으로 고정하세요.',
        en: 'Unpinned gems: {packages}. Pin them with `gem install name:version` or `-v version`.',
      },
    },
    docs: {
      description: {
        ko: '버전 없이 설치하면 빌드할 때마다 그날의 최신 gem이 들어와 어제와 다른 이미지가 됩니다. `rails:7.1.3`처럼 고정하거나, 앱의 의존성은 `Gemfile.lock`과 `bundle install`로 설치하세요.',
        en: 'Without versions every build installs that day’s latest gem, so the image differs from yesterday’s. Pin them, e.g. `rails:7.1.3`, or install the app’s dependencies from `Gemfile.lock` with `bundle install`.',
      },
      example: 'RUN gem install bundler:2.5.6',
    },
    course: courseRef(SESSIONS.imagesAndContainers, { ko: '3. 이미지 식별과 태그 (재현 가능한 빌드)', en: '3. Image names and tags (reproducible builds)' }),
    fixable: false,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        const sub = gemInstall(c);
        if (!sub || hasOption(c.argv, 'v', ['--version'], sub.index + 1)) continue;
        const loose = gemOperands(c, sub).filter((w) => !w.dynamic && !w.value.includes(':') && !w.value.endsWith('.gem') && !w.value.includes('/'));
        if (loose.length === 0) continue;
        ctx.report({ messageId: 'gemPin', start: loose[0].start, end: loose[loose.length - 1].end, data: { packages: listPackages(loose.map((w) => w.value)) } });
      }
    }
  },
});
