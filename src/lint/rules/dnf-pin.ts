import { rpmInstall, rpmPackages, rpmUnpinned, rpmUnpinnedModules } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { listPackages } from '../facts/packages';
import { defineRule } from '../rule';

const TOOLS = ['dnf', 'microdnf'];

export default defineRule({
  meta: {
    id: 'dnf-pin',
    category: 'maintainability',
    severity: 'info',
    hadolint: 'DL3041',
    title: { ko: 'dnf 패키지 버전 고정', en: 'Pin dnf package versions' },
    messages: {
      dnfPin: {
        ko: '버전이 고정되지 않은 dnf 패키지: {packages}. `패키지-버전`으로 고정하면 빌드가 재현됩니다.',
        en: 'Unpinned dnf packages: {packages}. Pin them as `package-version` for reproducible builds.',
      },
    },
    docs: {
      description: {
        ko: '버전 없이 설치하면 빌드할 때마다 그날의 최신 버전이 들어와 어제와 다른 이미지가 됩니다. 중요한 패키지는 `httpd-2.4.57`처럼 이름 뒤에 `-버전`을 붙여 고정하세요. (저장소가 옛 버전을 지우면 고정한 빌드가 실패할 수 있어 정보 수준으로 알려 줍니다.)',
        en: 'Without versions every build installs that day’s latest, so the image differs from yesterday’s. Pin important packages by appending `-version` to the name, e.g. `httpd-2.4.57`. (Repositories drop old versions, which can break pinned builds: hence info level.)',
      },
      example: 'RUN dnf install -y httpd-2.4.57 && dnf clean all',
    },
    course: courseRef(SESSIONS.imagesAndContainers, { ko: '3. 이미지 식별과 태그 (재현 가능한 빌드)', en: '3. Image names and tags (reproducible builds)' }),
    fixable: false,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        const sub = rpmInstall(c, TOOLS);
        // `module install name` takes the module's default stream, which moves; `name:stream` pins it.
        const loose = sub ? rpmPackages(c, sub).filter(rpmUnpinned) : rpmUnpinnedModules(c, TOOLS);
        if (loose.length === 0) continue;
        ctx.report({ messageId: 'dnfPin', start: loose[0].start, end: loose[loose.length - 1].end, data: { packages: listPackages(loose.map((w) => w.value)) } });
      }
    }
  },
});
