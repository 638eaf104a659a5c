// What the linter knows about base images: which are full-size with a smaller
// variant (and how that variant's tag is spelled), which are Windows, which
// already run as a non-root user.
import type { ImageRef } from './parse/model';
import { DEFAULT_REGISTRY } from '../docker';

const DOCKER_HUB_API_HOST = 'registry-1.docker.io';

export type OsFamily = 'alpine' | 'debian' | 'rhel' | 'windows' | 'scratch' | 'distroless' | 'unknown';

/** Debian and Ubuntu release names that appear in official image tags. */
const CODENAMES = new Set(['trixie', 'bookworm', 'bullseye', 'buster', 'stretch', 'jessie', 'noble', 'jammy', 'focal', 'bionic']);

/** How an image spells its slim variant: `18-slim` and `18-bookworm-slim` (suffix) or `3.12-slim-bookworm` (infix). */
type SlimStyle = 'suffix' | 'infix';

interface Variants {
  alpine: boolean;
  slim?: SlimStyle;
  /** Tag words (after the version) for which there is no alpine variant, e.g. php's `apache`. */
  noAlpineWith?: string[];
}

/** Official images with a smaller variant (Docker Hub library names). */
const SMALLER: Record<string, Variants> = {
  node: { alpine: true, slim: 'suffix' },
  python: { alpine: true, slim: 'infix' },
  ruby: { alpine: true, slim: 'infix' },
  rust: { alpine: true, slim: 'infix' },
  perl: { alpine: false, slim: 'infix' },
  golang: { alpine: true },
  php: { alpine: true, noAlpineWith: ['apache'] },
  openjdk: { alpine: false, slim: 'suffix' },
  'eclipse-temurin': { alpine: true },
  amazoncorretto: { alpine: true },
  elixir: { alpine: true, slim: 'suffix' },
  erlang: { alpine: true, slim: 'suffix' },
  haskell: { alpine: false, slim: 'suffix' },
  debian: { alpine: false, slim: 'suffix' },
  nginx: { alpine: true },
  httpd: { alpine: true },
  redis: { alpine: true },
  postgres: { alpine: true },
  memcached: { alpine: true },
  rabbitmq: { alpine: true },
  haproxy: { alpine: true },
  tomcat: { alpine: false },
};

/** Full distributions with no smaller tag of their own: suggested replacements only, no quick fix. */
const FULL_DISTROS = new Set(['ubuntu']);

/** Docker Hub library name of an image (`node`, `docker.io/library/node` → `node`), or null for other registries/namespaces. */
export function libraryName(image: ImageRef): string | null {
  // The shared parser folds `index.docker.io` into `docker.io` as Docker does, but not the Hub's
  // API host `registry-1.docker.io`, which the linter has always counted as Docker Hub too.
  const repository = image.domain === DOCKER_HUB_API_HOST && !image.path.includes('/') ? `library/${image.path}` : image.repository;
  const onHub = image.domain === DEFAULT_REGISTRY || image.domain === DOCKER_HUB_API_HOST;
  return onHub && /^library\/[^/]*$/.test(repository) ? image.name : null;
}

export function isWindowsImage(image: ImageRef): boolean {
  const t = (image.tag ?? '').toLowerCase();
  const p = image.path;
  return (
    t.includes('nanoserver') ||
    t.includes('windowsservercore') ||
    t.includes('servercore') ||
    (image.registry === 'mcr.microsoft.com' && (p.startsWith('windows') || p.includes('/windows') || t.includes('ltsc')))
  );
}

export function isDistroless(image: ImageRef): boolean {
  return image.path.startsWith('distroless/') || (image.registry === 'gcr.io' && image.path.includes('distroless')) || image.registry === 'cgr.dev';
}

/** The OS family an image name suggests, before looking at what the Dockerfile runs. */
export function imageOs(image: ImageRef): OsFamily {
  if (image.path === 'scratch') return 'scratch';
  if (isWindowsImage(image)) return 'windows';
  if (isDistroless(image)) return 'distroless';
  const tag = (image.tag ?? '').toLowerCase();
  const name = image.name;
  if (name === 'alpine' || tag.includes('alpine') || name === 'busybox') return name === 'busybox' ? 'unknown' : 'alpine';
  if (['centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'ubi', 'ubi8', 'ubi9', 'ubi-minimal'].includes(name) || tag.includes('ubi') || tag.includes('oraclelinux')) return 'rhel';
  if (name === 'debian' || name === 'ubuntu' || [...CODENAMES].some((c) => tag.includes(c))) return 'debian';
  const lib = libraryName(image);
  // Official language images without a distro in the tag are Debian-based.
  if (lib && (SMALLER[lib] || lib === 'buildpack-deps' || lib === 'gcc' || lib === 'maven' || lib === 'gradle')) return 'debian';
  return 'unknown';
}

/** Images whose default user is already not root. */
export function runsAsNonRoot(image: ImageRef): boolean {
  const p = image.path;
  const t = (image.tag ?? '').toLowerCase();
  if (isDistroless(image) && (t.includes('nonroot') || image.registry === 'cgr.dev')) return true;
  return (
    p.startsWith('bitnami/') ||
    p === 'nginxinc/nginx-unprivileged' ||
    p.endsWith('/nginx-unprivileged') ||
    p === 'jenkins/jenkins' ||
    p.startsWith('prom/') ||
    p === 'grafana/grafana'
  );
}

/**
 * Official server images whose entrypoint starts as root only to drop to their
 * own user (`gosu postgres …`): the server does not run as root.
 */
export function dropsPrivileges(image: ImageRef): boolean {
  const lib = libraryName(image);
  return lib !== null && ['postgres', 'mysql', 'mariadb', 'redis', 'mongo', 'rabbitmq', 'memcached', 'elasticsearch', 'cassandra'].includes(lib);
}

/** Web server images whose non-root form is a different image (they bind port 80 as root). */
export function unprivilegedAlternative(image: ImageRef): string | null {
  const lib = libraryName(image);
  if (lib === 'nginx') return 'nginxinc/nginx-unprivileged';
  if (lib === 'httpd') return 'bitnami/apache';
  return null;
}

export interface SmallerVariant {
  /** The suggestion shown in the message, e.g. `node:18-alpine`. */
  suggestion: string;
  /** Replacement tag for the quick fix, or null when only a suggestion is safe. */
  tag: string | null;
}

const SMALL_TAG_WORDS = ['alpine', 'slim', 'distroless', 'minimal', 'busybox', 'nanoserver', 'servercore', 'windowsservercore', 'musl', 'ubi'];

/** True when the image is a full distro/runtime image the course would replace with a smaller one. */
export function isFullSizeImage(image: ImageRef): boolean {
  const lib = libraryName(image);
  if (!lib) return false;
  if (!SMALLER[lib] && !FULL_DISTROS.has(lib)) return false;
  const tag = (image.tag ?? '').toLowerCase();
  return !SMALL_TAG_WORDS.some((w) => tag.includes(w));
}

/**
 * The smaller variant to suggest: `-slim` when the stage installs with apt
 * (an alpine image has no apt-get), `-alpine` otherwise, when the image has
 * such a variant. Null when there is none.
 */
export function smallerVariant(image: ImageRef, usesApt: boolean): SmallerVariant | null {
  const lib = libraryName(image);
  if (!lib) return null;
  if (FULL_DISTROS.has(lib)) {
    return { suggestion: usesApt ? 'debian:bookworm-slim' : 'alpine', tag: null };
  }
  const v = SMALLER[lib];
  if (!v) return null;
  const tag = image.tag && image.tag.toLowerCase() !== 'latest' ? image.tag : null;
  const parts = tag ? tag.split('-') : [];
  const codenameIndex = parts.findIndex((p) => CODENAMES.has(p.toLowerCase()));
  const codename = codenameIndex === -1 ? null : parts[codenameIndex];
  const rest = codenameIndex === -1 ? parts : parts.filter((_, i) => i !== codenameIndex);
  const repo = image.text.slice(0, image.text.length - (image.tag ? image.tag.length + 1 : 0) - (image.digest ? image.digest.length + 1 : 0));

  const slimTag = (): string | null => {
    if (!v.slim) return null;
    if (lib === 'debian') return codename ? `${codename}-slim` : tag ? `${tag}-slim` : 'stable-slim';
    if (!tag) return 'slim';
    if (!codename) return `${tag}-slim`;
    const base = rest.join('-');
    if (!base) return v.slim === 'suffix' ? `${codename}-slim` : `slim-${codename}`;
    return v.slim === 'suffix' ? `${base}-${codename}-slim` : `${base}-slim-${codename}`;
  };
  const alpineTag = (): string | null => {
    if (!v.alpine) return null;
    if (v.noAlpineWith && parts.some((p) => v.noAlpineWith?.includes(p.toLowerCase()))) return null;
    if (!tag) return 'alpine';
    const base = rest.join('-');
    return base ? `${base}-alpine` : 'alpine';
  };

  const chosen = usesApt ? slimTag() : alpineTag() ?? slimTag();
  if (chosen) return { suggestion: `${repo}:${chosen}`, tag: chosen };
  // Uses apt but only an alpine variant exists: suggest it without a fix (packages must move to apk).
  const other = alpineTag();
  return other ? { suggestion: `${repo}:${other}`, tag: null } : null;
}
