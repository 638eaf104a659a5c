// The tag a build offers first: the Dockerfile folder's name as an image repository
// (`My App` → `my-app`), checked by the one image-reference grammar of src/docker.
import { isValidImageRef } from '../docker';

const FALLBACK = 'app';

/** A repository name Docker accepts, made from a folder name; `app` when nothing usable is left. */
export function defaultTag(folderName: string): string {
  const name = folderName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    // A path component starts and ends with a letter or digit, and joins with one `.`, `_`, `__` or dashes.
    .replace(/[._-]*([._])[._-]*/g, '$1')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 128);
  return name && isValidImageRef(name, { digest: false }) ? name : FALLBACK;
}

/** Whether `text` can be given to `docker build -t`: a reference without a digest. */
export function isBuildTag(text: string): boolean {
  return text.trim() !== '' && isValidImageRef(text.trim(), { digest: false });
}
