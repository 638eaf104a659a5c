// Reading the commands RUN executes: package managers' subcommands, packages
// and options, user creation, build steps. Shared by the rules.
import type { ShellCommand, ShellWord } from './parse/shell';

export interface Sub {
  /** The subcommand as written (`install`). */
  value: string;
  /** Its index in `argv`. */
  index: number;
}

/**
 * The first non-option word after `from` (skipping options, and the values of
 * options listed in `valued`, `--opt=value` included).
 */
export function subcommand(argv: readonly ShellWord[], valued: ReadonlySet<string> = EMPTY, from = 1): Sub | null {
  for (let i = from; i < argv.length; i++) {
    const v = argv[i].value;
    if (v === '--') return i + 1 < argv.length ? { value: argv[i + 1].value, index: i + 1 } : null;
    if (v.startsWith('-') && v.length > 1) {
      if (!v.includes('=') && valued.has(v)) i++;
      continue;
    }
    return { value: v, index: i };
  }
  return null;
}

/** Operands after `from`: words that are neither options nor values of `valued` options. */
export function operands(argv: readonly ShellWord[], from: number, valued: ReadonlySet<string> = EMPTY): ShellWord[] {
  const out: ShellWord[] = [];
  let optionsDone = false;
  for (let i = from; i < argv.length; i++) {
    const v = argv[i].value;
    if (!optionsDone && v === '--') {
      optionsDone = true;
      continue;
    }
    if (!optionsDone && v.startsWith('-') && v.length > 1) {
      if (!v.includes('=') && valued.has(v)) i++;
      continue;
    }
    out.push(argv[i]);
  }
  return out;
}

/** True when an option is given: a long name (`--yes`, `--yes=…`) or a short letter alone or combined (`-y`, `-qy`). */
export function hasOption(argv: readonly ShellWord[], shorts: string, longs: readonly string[], from = 1): boolean {
  for (let i = from; i < argv.length; i++) {
    const v = argv[i].value;
    if (v === '--') return false;
    if (v.startsWith('--')) {
      const name = v.includes('=') ? v.slice(0, v.indexOf('=')) : v;
      if (longs.includes(name)) return true;
    } else if (v.startsWith('-') && v.length > 1 && /^-[A-Za-z]+$/.test(v)) {
      for (const ch of v.slice(1)) if (shorts.includes(ch)) return true;
    }
  }
  return false;
}

const EMPTY: ReadonlySet<string> = new Set();

// ---- apt-get / apt ------------------------------------------------------------

const APT_VALUED = new Set(['-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release']);

export function aptSub(cmd: ShellCommand): Sub | null {
  if (cmd.name !== 'apt-get' && cmd.name !== 'apt') return null;
  return subcommand(cmd.argv, APT_VALUED);
}

export function isAptInstall(cmd: ShellCommand): Sub | null {
  const sub = aptSub(cmd);
  return sub && sub.value === 'install' ? sub : null;
}

/**
 * apt's quiet level: each `-q` / `--quiet` adds one (`-q -q`, `-qq`, `--quiet --quiet`),
 * `-q=N` / `--quiet=N` sets it. Level 2 implies `-y` (apt-get(8)).
 */
export function aptQuietLevel(argv: readonly ShellWord[]): number {
  let level = 0;
  for (let i = 1; i < argv.length; i++) {
    const v = argv[i].value;
    if (v === '--') break;
    const set = /^(?:-q|--quiet)=(\d+)$/.exec(v);
    if (set) level = Number(set[1]);
    else if (v === '--quiet') level++;
    else if (/^-[A-Za-z]+$/.test(v)) for (const ch of v.slice(1)) if (ch === 'q') level++;
  }
  return level;
}

export function isAptUpdate(cmd: ShellCommand): boolean {
  return aptSub(cmd)?.value === 'update';
}

export function aptPackages(cmd: ShellCommand, sub: Sub): ShellWord[] {
  return operands(cmd.argv, sub.index + 1, APT_VALUED);
}

/** `-o APT::Install-Recommends=false` style settings on the command line. */
export function aptOptionValues(cmd: ShellCommand): string[] {
  const out: string[] = [];
  const a = cmd.argv;
  for (let i = 1; i < a.length; i++) {
    const v = a[i].value;
    if ((v === '-o' || v === '--option') && i + 1 < a.length) out.push(a[++i].value);
    else if (v.startsWith('-o') && v.length > 2) out.push(v.slice(2));
    else if (v.startsWith('--option=')) out.push(v.slice(9));
  }
  return out;
}

// ---- apk -------------------------------------------------------------------------

const APK_VALUED = new Set(['-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch', '--keys-dir', '--repositories-file', '--cache-dir']);

export function apkSub(cmd: ShellCommand): Sub | null {
  return cmd.name === 'apk' ? subcommand(cmd.argv, APK_VALUED) : null;
}

export function apkPackages(cmd: ShellCommand, sub: Sub): ShellWord[] {
  return operands(cmd.argv, sub.index + 1, APK_VALUED);
}

// ---- yum / dnf / microdnf -------------------------------------------------------

export function rpmSub(cmd: ShellCommand): Sub | null {
  if (cmd.name !== 'yum' && cmd.name !== 'dnf' && cmd.name !== 'microdnf' && cmd.name !== 'tdnf' && cmd.name !== 'zypper') return null;
  return subcommand(cmd.argv, new Set(['-c', '--config', '--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever']));
}

/** `yum`/`dnf`/`microdnf` options that take a value (also after the subcommand). */
const RPM_VALUED = new Set(['-c', '--config', '--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '-x', '--exclude', '--repo', '--repoid', '-d', '--debuglevel', '-e', '--errorlevel', '--forcearch']);

/** `yum install …`, `dnf install …` (and their aliases) when `cmd` is one of `tools`. */
export function rpmInstall(cmd: ShellCommand, tools: readonly string[]): Sub | null {
  if (!tools.includes(cmd.name)) return null;
  const sub = subcommand(cmd.argv, RPM_VALUED);
  return sub && (sub.value === 'install' || sub.value === 'in' || sub.value === 'localinstall' || sub.value === 'reinstall') ? sub : null;
}

/**
 * The module specs of `yum module install …` / `dnf module install …` that name no
 * stream: `nodejs` (not `nodejs:20`, `nodejs:20/minimal`); [] for any other command.
 */
export function rpmUnpinnedModules(cmd: ShellCommand, tools: readonly string[]): ShellWord[] {
  if (!tools.includes(cmd.name)) return [];
  const sub = subcommand(cmd.argv, RPM_VALUED);
  if (sub?.value !== 'module') return [];
  const [action, ...specs] = operands(cmd.argv, sub.index + 1, RPM_VALUED);
  if (action?.value !== 'install') return [];
  return specs.filter((w) => !w.dynamic && !w.value.includes(':') && !w.value.startsWith('@') && !w.value.includes('/'));
}

/** The packages of a `yum`/`dnf install` (operands after the subcommand). */
export function rpmPackages(cmd: ShellCommand, sub: Sub): ShellWord[] {
  return operands(cmd.argv, sub.index + 1, RPM_VALUED);
}

/**
 * An rpm package operand that names no version: `httpd` (not `httpd-2.4.57`,
 * `httpd-2.4*`, a `.rpm` file, a path, a URL, a `@group` or a capability like `/usr/bin/x`).
 */
export function rpmUnpinned(word: ShellWord): boolean {
  const v = word.value;
  if (word.dynamic || v.startsWith('@') || v.includes('/') || v.endsWith('.rpm')) return false;
  return !/-\d/.test(v) && !/[=<>]/.test(v);
}

/** The same RUN cleans the `yum`/`dnf` cache: `<tool> clean all`, or removes `/var/cache/<dir>`. */
export function cleansRpmCache(cmds: readonly ShellCommand[], tools: readonly string[], dirs: readonly string[]): boolean {
  return cmds.some((c) => {
    if (tools.includes(c.name)) {
      const sub = subcommand(c.argv, RPM_VALUED);
      return sub?.value === 'clean' && c.argv[sub.index + 1]?.value === 'all';
    }
    return c.name === 'rm' && c.argv.some((w) => dirs.some((d) => w.value === `/var/cache/${d}` || w.value.startsWith(`/var/cache/${d}/`)));
  });
}

// ---- zypper ----------------------------------------------------------------------

/** zypper's global options that take a value (before the subcommand) and the install options that do. */
const ZYPPER_VALUED = new Set(['-c', '--config', '-R', '--root', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir', '-r', '--repo', '--from', '-t', '--type', '--download']);

export function zypperSub(cmd: ShellCommand): Sub | null {
  return cmd.name === 'zypper' ? subcommand(cmd.argv, ZYPPER_VALUED) : null;
}

export const ZYPPER_INSTALL = new Set(['install', 'in']);

/** Subcommands that ask for confirmation unless zypper runs non-interactively. */
export const ZYPPER_CONFIRMS = new Set(['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup']);

export function zypperPackages(cmd: ShellCommand, sub: Sub): ShellWord[] {
  return operands(cmd.argv, sub.index + 1, ZYPPER_VALUED);
}

// ---- gem / go ------------------------------------------------------------------------

const GEM_VALUED = new Set(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-p', '--http-proxy', '--platform', '-g', '--file', '--document']);

/** `gem install …`: the subcommand, or null. */
export function gemInstall(cmd: ShellCommand): Sub | null {
  if (cmd.name !== 'gem') return null;
  const sub = subcommand(cmd.argv, GEM_VALUED);
  return sub && (sub.value === 'install' || sub.value === 'i') ? sub : null;
}

export function gemOperands(cmd: ShellCommand, sub: Sub): ShellWord[] {
  // Words after `--` are build flags handed to the gems' native extensions
  // (`gem install nokogiri:1.16.0 -- --use-system-libraries`), not gems.
  const end = cmd.argv.findIndex((w, i) => i > sub.index && w.value === '--');
  const argv = end === -1 ? cmd.argv : cmd.argv.slice(0, end);
  // A bare `true` / `false` after an option is that option's value (`--use-system-libraries true`).
  return operands(argv, sub.index + 1, GEM_VALUED).filter((w) => {
    const k = argv.indexOf(w);
    return !(/^(true|false)$/.test(w.value) && argv[k - 1]?.value.startsWith('-'));
  });
}

// ---- pip -----------------------------------------------------------------------

const PIP_VALUED = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '-i', '--index-url',
  '--extra-index-url', '-f', '--find-links', '--root', '--prefix', '--src', '--upgrade-strategy', '--platform',
  '--python-version', '--implementation', '--abi', '--progress-bar', '--trusted-host', '--cache-dir', '--log',
  '--proxy', '--retries', '--timeout', '--exists-action', '--cert', '--client-cert', '--only-binary', '--no-binary',
  '--config-settings', '-C', '--global-option', '--report', '--root-user-action', '--python', '--keyring-provider',
  '--use-feature', '--use-deprecated', '--hash',
]);

export interface PipInvocation {
  /** Index in argv of the `pip` word (0 for `pip …`, 2 for `python -m pip …`). */
  pip: number;
  sub: Sub;
}

/** `pip install …`, `pip3 install …`, `python3 -m pip install …`. */
export function pipSub(cmd: ShellCommand): PipInvocation | null {
  let pip = -1;
  if (/^pip[0-9.]*$/.test(cmd.name)) pip = 0;
  else if (/^python[0-9.]*$/.test(cmd.name)) {
    const m = cmd.argv.findIndex((w, i) => i > 0 && w.value === '-m');
    if (m !== -1 && cmd.argv[m + 1]?.value === 'pip') pip = m + 1;
  }
  if (pip === -1) return null;
  const sub = subcommand(cmd.argv, PIP_VALUED, pip + 1);
  return sub ? { pip, sub } : null;
}

export function pipOperands(cmd: ShellCommand, inv: PipInvocation): ShellWord[] {
  return operands(cmd.argv, inv.sub.index + 1, PIP_VALUED);
}

/** Values of `-r FILE` / `--requirement FILE`. */
export function pipRequirementFiles(cmd: ShellCommand, inv: PipInvocation): ShellWord[] {
  const out: ShellWord[] = [];
  const a = cmd.argv;
  for (let i = inv.sub.index + 1; i < a.length; i++) {
    const v = a[i].value;
    if ((v === '-r' || v === '--requirement') && i + 1 < a.length) out.push(a[++i]);
    else if (v.startsWith('--requirement=')) out.push({ ...a[i], value: v.slice(14) });
    else if (v.startsWith('-r') && v.length > 2 && !v.startsWith('--')) out.push({ ...a[i], value: v.slice(2) });
  }
  return out;
}

// ---- npm / yarn / pnpm -----------------------------------------------------------

const NPM_VALUED = new Set(['--prefix', '-C', '--workspace', '-w', '--registry', '--cache', '--omit', '--include', '--tag', '--loglevel']);

export function npmSub(cmd: ShellCommand): Sub | null {
  return cmd.name === 'npm' ? subcommand(cmd.argv, NPM_VALUED) : null;
}

export const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);

export function npmOperands(cmd: ShellCommand, sub: Sub): ShellWord[] {
  return operands(cmd.argv, sub.index + 1, NPM_VALUED);
}

export function yarnSub(cmd: ShellCommand): Sub | null {
  return cmd.name === 'yarn' ? subcommand(cmd.argv, new Set(['--cwd', '--modules-folder', '--cache-folder', '--mutex', '--network-timeout'])) : null;
}

/** `yarn` alone or `yarn install`. */
export function isYarnInstall(cmd: ShellCommand): boolean {
  if (cmd.name !== 'yarn') return false;
  const sub = yarnSub(cmd);
  return !sub || sub.value === 'install';
}

export function pnpmSub(cmd: ShellCommand): Sub | null {
  return cmd.name === 'pnpm' ? subcommand(cmd.argv, new Set(['-C', '--dir', '--filter', '-F'])) : null;
}

// ---- users -------------------------------------------------------------------------

const USERADD_VALUED = new Set([
  '-u', '--uid', '-g', '--gid', '-G', '--groups', '-d', '--home', '--home-dir', '-s', '--shell', '-c', '--comment',
  '-k', '--skel', '-K', '--key', '-e', '--expiredate', '-f', '--inactive', '-p', '--password', '-b', '--base-dir',
  '-h', '--ingroup', '--gecos', '-R', '--root', '-Z', '--selinux-user', '--firstuid', '--lastuid',
]);

/** The user a `useradd` / `adduser` command creates, if it creates one. */
export function createdUser(cmd: ShellCommand): string | null {
  if (cmd.name !== 'useradd' && cmd.name !== 'adduser') return null;
  const ops = operands(cmd.argv, 1, USERADD_VALUED);
  // `adduser user group` (Debian) adds an existing user to a group: no new user.
  if (cmd.name === 'adduser' && ops.length >= 2) return null;
  const name = ops[0]?.value;
  return name && !name.includes('$') ? name : null;
}

// ---- whole-context copies and dependency installs -------------------------------------

export interface DependencyInstall {
  /** What the learner ran, e.g. `npm ci`. */
  label: string;
  /** Files to copy before it (relative to the build context), e.g. `package*.json`. */
  manifests: string[];
}

/**
 * When `cmd` installs dependencies from a manifest (not named packages), the
 * manifest files to copy first. `dest` is where the whole context was copied
 * (to map `pip install -r /app/requirements.txt` back to `requirements.txt`).
 */
export function dependencyInstall(cmd: ShellCommand, dest: string | null): DependencyInstall | null {
  const npm = npmSub(cmd);
  if (npm) {
    if (npm.value === 'ci' || npm.value === 'clean-install') return { label: 'npm ci', manifests: ['package*.json'] };
    if (NPM_INSTALL.has(npm.value) && npmOperands(cmd, npm).length === 0 && !hasOption(cmd.argv, 'g', ['--global'])) {
      return { label: `npm ${npm.value}`, manifests: ['package*.json'] };
    }
    return null;
  }
  if (cmd.name === 'yarn') {
    const sub = yarnSub(cmd);
    if (!sub || sub.value === 'install') return { label: sub ? 'yarn install' : 'yarn', manifests: ['package.json', 'yarn.lock'] };
    return null;
  }
  const pnpm = pnpmSub(cmd);
  if (pnpm) {
    if ((pnpm.value === 'install' || pnpm.value === 'i') && operands(cmd.argv, pnpm.index + 1).length === 0) {
      return { label: 'pnpm install', manifests: ['package.json', 'pnpm-lock.yaml'] };
    }
    return null;
  }
  if (cmd.name === 'bun') {
    const sub = subcommand(cmd.argv);
    if ((!sub || sub.value === 'install' || sub.value === 'i') && (!sub || operands(cmd.argv, sub.index + 1).length === 0)) {
      return { label: 'bun install', manifests: ['package.json', 'bun.lock*'] };
    }
    return null;
  }
  let uvPip: PipInvocation | null = null;
  if (cmd.name === 'uv') {
    const sub = subcommand(cmd.argv, new Set(['--directory', '--project', '--python', '-p']));
    if (sub?.value === 'sync') return { label: 'uv sync', manifests: ['pyproject.toml', 'uv.lock'] };
    // `uv pip install -r requirements.txt` takes pip's arguments.
    if (sub?.value !== 'pip' || cmd.argv[sub.index + 1]?.value !== 'install') return null;
    uvPip = { pip: sub.index, sub: { value: 'install', index: sub.index + 1 } };
  }
  const pip = uvPip ?? pipSub(cmd);
  if (pip) {
    if (pip.sub.value !== 'install') return null;
    const files = pipRequirementFiles(cmd, pip);
    if (files.length === 0 || files.some((f) => f.dynamic)) return null;
    const manifests: string[] = [];
    for (const f of files) {
      const rel = contextPath(f.value, dest);
      if (rel === null) return null;
      manifests.push(rel);
    }
    return { label: cmd.name === 'uv' ? 'uv pip install -r' : 'pip install -r', manifests };
  }
  if (cmd.name === 'poetry' && subcommand(cmd.argv)?.value === 'install') return { label: 'poetry install', manifests: ['pyproject.toml', 'poetry.lock'] };
  if (cmd.name === 'pipenv' && subcommand(cmd.argv)?.value === 'install' && operands(cmd.argv, (subcommand(cmd.argv)?.index ?? 0) + 1).length === 0) {
    return { label: 'pipenv install', manifests: ['Pipfile', 'Pipfile.lock'] };
  }
  if (cmd.name === 'bundle' && (subcommand(cmd.argv)?.value ?? 'install') === 'install') return { label: 'bundle install', manifests: ['Gemfile', 'Gemfile.lock'] };
  if (cmd.name === 'go') {
    const sub = subcommand(cmd.argv);
    if (sub?.value === 'mod' && cmd.argv[sub.index + 1]?.value === 'download') return { label: 'go mod download', manifests: ['go.mod', 'go.sum'] };
    return null;
  }
  if (cmd.name === 'composer' && subcommand(cmd.argv)?.value === 'install') return { label: 'composer install', manifests: ['composer.json', 'composer.lock'] };
  if ((cmd.name === 'mvn' || cmd.name === 'mvnw') && cmd.argv.some((w) => /^dependency:(go-offline|resolve)/.test(w.value))) {
    return { label: 'mvn dependency:go-offline', manifests: ['pom.xml'] };
  }
  if ((cmd.name === 'gradle' || cmd.name === 'gradlew') && cmd.argv.some((w) => w.value === 'dependencies' || w.value === 'resolveDependencies')) {
    return { label: `${cmd.name} dependencies`, manifests: ['build.gradle*', 'settings.gradle*'] };
  }
  if (cmd.name === 'cargo' && subcommand(cmd.argv)?.value === 'fetch') return { label: 'cargo fetch', manifests: ['Cargo.toml', 'Cargo.lock'] };
  if (cmd.name === 'dotnet' && subcommand(cmd.argv)?.value === 'restore') return { label: 'dotnet restore', manifests: ['*.csproj'] };
  return null;
}

/** Maps a path used in the image back to the build context, given where the context was copied. */
function contextPath(path: string, dest: string | null): string | null {
  if (path.includes('..') || path.includes('$')) return null;
  if (!path.startsWith('/')) return path.replace(/^\.\//, '');
  if (!dest || !dest.startsWith('/')) return null;
  const d = dest.endsWith('/') ? dest : dest + '/';
  return path.startsWith(d) ? path.slice(d.length) : null;
}

// ---- building and toolchains ---------------------------------------------------------

/** When `cmd` compiles or bundles the application, a short label for it. */
export function buildStep(cmd: ShellCommand): string | null {
  const n = cmd.name;
  const sub = (): string | undefined => subcommand(cmd.argv)?.value;
  if (n === 'npm' || n === 'yarn' || n === 'pnpm') {
    const s = subcommand(cmd.argv, NPM_VALUED);
    if (!s) return null;
    const script = s.value === 'run' || s.value === 'run-script' ? cmd.argv[s.index + 1]?.value : n !== 'npm' ? s.value : undefined;
    return script && /^build(:|$)/.test(script) ? `${n} ${s.value === 'run' || s.value === 'run-script' ? 'run ' : ''}${script}` : null;
  }
  if (n === 'tsc' || n === 'webpack' || n === 'javac' || n === 'rustc' || n === 'gcc' || n === 'g++' || n === 'cc' || n === 'c++' || n === 'clang' || n === 'clang++') {
    return cmd.argv.some((w) => w.value === '--version' || w.value === '-version' || w.value === '-v' || w.value === '--help' || w.value === '-dumpversion') ? null : n;
  }
  if ((n === 'vite' || n === 'next' || n === 'ng' || n === 'nuxt') && sub() === 'build') return `${n} build`;
  if (n === 'go' && sub() === 'build') return 'go build';
  if (n === 'cargo' && sub() === 'build') return 'cargo build';
  if ((n === 'mvn' || n === 'mvnw') && cmd.argv.some((w) => ['package', 'install', 'verify', 'compile'].includes(w.value))) return `${n} package`;
  if ((n === 'gradle' || n === 'gradlew') && cmd.argv.some((w) => ['build', 'assemble', 'bootJar', 'jar', 'shadowJar', 'installDist'].includes(w.value))) return `${n} build`;
  if (n === 'dotnet' && (sub() === 'publish' || sub() === 'build')) return `dotnet ${sub()}`;
  if (n === 'make' || n === 'gmake' || n === 'ninja') {
    return cmd.argv.some((w) => w.value === '--version' || w.value === '-v' || w.value === '--help') ? null : n;
  }
  if (n === 'cmake' && cmd.argv.some((w) => w.value === '--build')) return 'cmake --build';
  return null;
}

/** Build toolchain packages (apt, apk, yum/dnf names). */
export const TOOLCHAIN_PACKAGES = new Set([
  'build-essential', 'gcc', 'g++', 'make', 'clang', 'cmake', 'build-base', 'alpine-sdk', 'gcc-c++', 'autoconf', 'automake', 'libtool',
]);

/** Strips an apt/apk version pin or architecture: `gcc=4:12.2` → `gcc`, `gcc:amd64` → `gcc`. */
export function packageName(word: string): string {
  return word.replace(/[=<>~:].*$/, '');
}

/** The same RUN removes what it installed for building (`apk del .build-deps`, `apt-get purge …`). */
export function removesBuildDeps(cmds: ShellCommand[]): boolean {
  return cmds.some((c) => {
    const apk = apkSub(c);
    if (apk && apk.value === 'del') return true;
    if ((c.name === 'apt-get' || c.name === 'apt') && c.argv.some((w) => w.value === 'purge' || w.value === 'remove' || w.value === 'autoremove')) return true;
    const rpm = rpmSub(c);
    return rpm !== null && (rpm.value === 'remove' || rpm.value === 'erase' || rpm.value === 'autoremove');
  });
}
