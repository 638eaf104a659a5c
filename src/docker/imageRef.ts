// Image references (`nginx`, `bitnami/redis:7`, `localhost:5000/app@sha256:…`) as Docker
// reads them: the grammar of the distribution project's reference package and the CLI's
// normalisation (`nginx` → `docker.io/library/nginx:latest`). Splitting never fails, so
// the linter can read a half-typed FROM; whether a reference is one Docker accepts is
// a separate question (isValidImageRef).

export interface ImageRef {
  /** As given, e.g. `docker.io/library/node:18-alpine`. */
  text: string;
  /** Registry host as written, lowercase (`ghcr.io`, `localhost:5000`), or null when none is given. */
  registry: string | null;
  /** Path without registry, lowercase: `node`, `library/node`, `bitnami/redis`. */
  path: string;
  /** Last path component, lowercase: `node`. */
  name: string;
  tag: string | null;
  /** `sha256:…`, without the `@`. */
  digest: string | null;
  /** The reference without tag and digest, as written: what the daemon calls the repository of a tag. */
  named: string;
  /** The registry Docker talks to: `docker.io` when none is given (`index.docker.io` is its old name). */
  domain: string;
  /** The path on that registry: official images live under `library/` on Docker Hub. */
  repository: string;
}

export const DEFAULT_REGISTRY = 'docker.io';
const LEGACY_DEFAULT_REGISTRY = 'index.docker.io';
const OFFICIAL_NAMESPACE = 'library';

/** Splits `registry/path/name:tag@digest` the way Docker does. */
export function parseImageRef(text: string): ImageRef {
  let rest = text;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const named = rest;
  let registry: string | null = null;
  const first = rest.indexOf('/');
  if (first !== -1 && isRegistryHost(rest.slice(0, first))) {
    registry = rest.slice(0, first).toLowerCase();
    rest = rest.slice(first + 1);
  }
  const path = rest.toLowerCase();
  const name = path.slice(path.lastIndexOf('/') + 1);
  const domain = registry === null || registry === LEGACY_DEFAULT_REGISTRY ? DEFAULT_REGISTRY : registry;
  const repository = domain === DEFAULT_REGISTRY && !path.includes('/') ? `${OFFICIAL_NAMESPACE}/${path}` : path;
  return { text, registry, path, name, tag, digest, named, domain, repository };
}

/**
 * Whether the first component of `a/b` names a registry rather than a Docker Hub user:
 * it has a dot or a port, is `localhost`, or has capitals (a Hub namespace cannot).
 */
function isRegistryHost(head: string): boolean {
  return head.includes('.') || head.includes(':') || head === 'localhost' || head !== head.toLowerCase();
}

/** The reference as the daemon stores it: `nginx` → `docker.io/library/nginx:latest` (a digest keeps no default tag). */
export function normalizeImageRef(ref: string): string {
  const r = parseImageRef(ref.trim());
  const tag = r.tag !== null ? `:${r.tag}` : r.digest === null ? ':latest' : '';
  return `${r.domain}/${r.repository}${tag}${r.digest !== null ? `@${r.digest}` : ''}`;
}

/** `repo[:tag]` → the parts `docker tag` takes; no tag means `latest`, a registry port is not a tag. */
export function repoAndTag(ref: string): { repo: string; tag: string } {
  const r = parseImageRef(ref);
  return { repo: r.named, tag: r.tag ?? 'latest' };
}

/** What to ask the daemon to pull: like the CLI, `latest` when neither tag nor digest is given. */
export function pullReference(ref: string): string {
  const r = parseImageRef(ref);
  return r.tag === null && r.digest === null ? `${r.named}:latest` : ref;
}

// The distribution project's grammar (reference.go): a domain of dot-separated host
// components with an optional port (or a bracketed IPv6 address), lower-case path
// components joined by `.`, `_`, `__` or runs of `-`, a tag of up to 128 word
// characters, a digest of an algorithm and at least 32 hex digits.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const NAME = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const IDENTIFIER = /^[a-f0-9]{64}$/;
const NAME_MAX = 255;

export interface ImageRefRules {
  /** Accept `@digest` (false for `docker tag`, which cannot create one). Default true. */
  digest?: boolean;
}

/** Whether Docker accepts `text` as an image reference. */
export function isValidImageRef(text: string, rules: ImageRefRules = {}): boolean {
  const r = parseImageRef(text);
  if (r.digest !== null && (rules.digest === false || !DIGEST.test(r.digest))) return false;
  if (r.tag !== null && !TAG.test(r.tag)) return false;
  if (r.named.length > NAME_MAX || IDENTIFIER.test(r.named)) return false;
  // As written: parseImageRef lowercases the path, the grammar does not.
  return NAME.test(r.named);
}
