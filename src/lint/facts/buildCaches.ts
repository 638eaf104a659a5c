// The package managers and compilers whose downloads a BuildKit cache mount keeps
// between builds (`RUN --mount=type=cache,target=/root/.m2 mvn package`), for the
// *-cache-mount rules (hadolint DL3069–DL3077): which commands fetch, and which
// mount targets hold their cache. One table, one check, so the nine rules agree.
import type { RuleContext } from '../rule';
import type { ShellCommand } from '../parse/shell';

export interface BuildCacheTool {
  /** Whether the command downloads into the tool's cache (`mvn package`, `go build`). */
  fetches(cmd: ShellCommand): boolean;
  /** A cache or tmpfs mount whose target contains one of these holds the cache (`/home/app/.m2` too). */
  dirs: readonly string[];
  /** The mount flags the fix adds. */
  mounts: readonly string[];
}

/** `name` run with any of `args` among its arguments (`mvn -B package`, `go mod download`). */
function runs(name: string, args: readonly string[]): (cmd: ShellCommand) => boolean {
  const set = new Set(args);
  return (cmd) => cmd.name === name && cmd.argv.slice(1).some((w) => set.has(w.value));
}

export const BUILD_CACHES = {
  // The official rust image keeps CARGO_HOME in /usr/local/cargo (no dot), as Docker's own cache-mount example mounts it.
  cargo: { fetches: runs('cargo', ['build', 'install', 'fetch', 'test', 'check', 'clippy']), dirs: ['.cargo', 'cargo/registry', 'cargo/git'], mounts: ['/root/.cargo/registry', '/root/.cargo/git'] },
  go: { fetches: runs('go', ['build', 'get', 'install', 'test', 'mod']), dirs: ['.cache/go-build', 'go/pkg/mod'], mounts: ['/root/.cache/go-build', '/go/pkg/mod'] },
  maven: { fetches: runs('mvn', ['install', 'compile', 'package', 'test', 'verify', 'deploy', 'dependency:resolve', 'dependency:go-offline']), dirs: ['.m2'], mounts: ['/root/.m2'] },
  // The wrapper (`./gradlew build`) downloads Gradle itself into the same cache.
  gradle: { fetches: (cmd: ShellCommand) => cmd.name === 'gradle' || cmd.name === 'gradlew', dirs: ['.gradle'], mounts: ['/root/.gradle'] },
  composer: { fetches: runs('composer', ['install', 'update', 'require']), dirs: ['.composer/cache'], mounts: ['/root/.composer/cache'] },
  nuget: { fetches: (cmd: ShellCommand) => runs('dotnet', ['restore', 'build', 'publish', 'test'])(cmd) || runs('nuget', ['restore'])(cmd), dirs: ['.nuget/packages'], mounts: ['/root/.nuget/packages'] },
  pnpm: { fetches: runs('pnpm', ['install', 'i', 'add', 'fetch']), dirs: ['pnpm'], mounts: ['/root/.local/share/pnpm/store'] },
  mix: { fetches: runs('mix', ['deps.get', 'deps.compile', 'compile']), dirs: ['.hex', '.mix'], mounts: ['/root/.hex', '/root/.mix'] },
  bundler: { fetches: (cmd: ShellCommand) => runs('gem', ['install'])(cmd) || runs('bundle', ['install', 'update'])(cmd), dirs: ['.gem', 'bundle'], mounts: ['/usr/local/bundle'] },
} satisfies Record<string, BuildCacheTool>;

/**
 * Reports (messageId `noCacheMount`, fix `addCacheMount`) each RUN — ONBUILD triggers
 * included — whose commands fetch with `tool` while no cache or tmpfs mount holds its cache.
 */
export function checkCacheMount(ctx: RuleContext, tool: BuildCacheTool): void {
  for (const run of ctx.facts.runs) {
    if (!ctx.facts.posix(run)) continue;
    const cmd = ctx.facts.commands(run).find((c) => tool.fetches(c));
    if (!cmd) continue;
    if (ctx.facts.cacheMounts(run).some((t) => tool.dirs.some((d) => t.includes(d)))) continue;
    const flags = tool.mounts.map((m) => `--mount=type=cache,target=${m}`).join(' ');
    const at = ctx.facts.commandStart(run);
    ctx.report({
      messageId: 'noCacheMount',
      start: cmd.start,
      end: cmd.argv[Math.min(1, cmd.argv.length - 1)].end,
      data: { command: ctx.text.slice(cmd.argv[0].start, cmd.argv[Math.min(1, cmd.argv.length - 1)].end), mount: flags },
      fix: run.isJsonForm || run.heredocs.length > 0 ? null : { messageId: 'addCacheMount', edits: [{ start: at, end: at, text: ` ${flags}` }] },
    });
  }
}
