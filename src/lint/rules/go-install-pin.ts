import { operands, subcommand } from '../shellCommands';
import { courseRef, SESSIONS } from '../course';
import { listPackages } from '../facts/packages';
import { defineRule } from '../rule';

/** go options that take a value (`go install -modfile x …`, `go run -exec x …`). */
const GO_VALUED = new Set(['-C', '-o', '-p', '-mod', '-modfile', '-tags', '-ldflags', '-gcflags', '-asmflags', '-exec', '-overlay', '-pkgdir', '-toolexec', '-buildmode', '-compiler', '-installsuffix', '-pgo']);

export default defineRule({
  meta: {
    id: 'go-install-pin',
    category: 'maintainability',
    severity: 'info',
    hadolint: 'DL3062',
    title: { ko: '`go install` 버전 고정', en: 'Pin versions in `go install`' },
    messages: {
      goInstallPin: {
        ko: '`go {sub}`의 모듈에 버전이 없습니다: {packages}. `경로@v1.2.3`처럼 버전을 붙이세요(`@latest`는 고정이 아닙니다).',
        en: '`go {sub}` names modules without a version: {packages}. Append one, e.g. `path@v1.2.3` (`@latest` is no pin).',
      },
    },
    docs: {
      description: {
        ko: '`go install 모듈` 뒤에 버전이 없거나 `@latest`이면 빌드할 때마다 그날의 최신 코드가 설치됩니다. `@v1.2.3`처럼 태그를 붙이면 같은 이미지가 다시 만들어집니다. 로컬 패키지(`./...`)는 `go.mod`가 고정하므로 검사하지 않습니다.',
        en: '`go install module` without a version, or with `@latest`, installs that day’s code on every build. Append a tag such as `@v1.2.3` to rebuild the same image. Local packages (`./...`) are pinned by `go.mod` and not checked.',
      },
      example: 'RUN go install golang.org/x/tools/gopls@v0.16.2',
    },
    course: courseRef(SESSIONS.imagesAndContainers, { ko: '3. 이미지 식별과 태그 (재현 가능한 빌드)', en: '3. Image names and tags (reproducible builds)' }),
    fixable: false,
  },
  check(ctx) {
    for (const run of ctx.facts.runs) {
      if (!ctx.facts.posix(run)) continue;
      for (const c of ctx.facts.commands(run)) {
        if (c.name !== 'go') continue;
        const sub = subcommand(c.argv, GO_VALUED);
        if (!sub || (sub.value !== 'install' && sub.value !== 'get' && sub.value !== 'run')) continue;
        let ops = operands(c.argv, sub.index + 1, GO_VALUED);
        // `go run pkg@v1 args…`: only the first operand is the package.
        if (sub.value === 'run') ops = ops.slice(0, 1);
        // Tools (Go 1.24): `go get -tool name` adds `name` as a tool dependency, and the
        // names after the `tool` meta-pattern of `go install tool …` are tools too; a tool
        // is fetched like a module whatever its path looks like, so every one needs a version.
        const tool = (sub.value === 'get' && c.argv.slice(sub.index + 1).some((w) => w.value === '-tool' || w.value === '--tool'))
          || (sub.value === 'install' && ops[0]?.value === 'tool');
        if (sub.value === 'install' && ops[0]?.value === 'tool') ops = ops.slice(1);
        // A remote module path starts with a domain (`github.com/…`, `golang.org/x/…`).
        const loose = ops.filter((w) => {
          if (w.dynamic || /^[./~]/.test(w.value)) return false;
          if (!tool && !/^[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(w.value)) return false;
          const at = w.value.lastIndexOf('@');
          return at === -1 || w.value.slice(at + 1) === 'latest';
        });
        if (loose.length === 0) continue;
        ctx.report({ messageId: 'goInstallPin', start: loose[0].start, end: loose[loose.length - 1].end, data: { sub: sub.value, packages: listPackages(loose.map((w) => w.value)) } });
      }
    }
  },
});
