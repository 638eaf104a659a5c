// The parts of an image reference as session 2 teaches them
// ([REGISTRY_HOST[:PORT]/]NAMESPACE/REPOSITORY[:TAG][@DIGEST], ../shared/seeds/003_…),
// explained in a hover over the image of a `FROM`.
import type { Lang, Localized } from '../util/i18n';
import { pick } from '../util/i18n';
import { isValidImageRef, parseImageRef } from '../docker';

export interface ImageReferenceParts {
  registry: string;
  namespace: string;
  repository: string;
  tag?: string;
  digest?: string;
  /** Which parts were left out and take their default (docker.io, library, latest). */
  implied: { registry: boolean; namespace: boolean; tag: boolean };
}

/**
 * The parts of `text` for the hover, read with the docker capability's image-reference
 * parser (the project's one), or undefined when Docker would not accept `text` as an
 * image reference (a variable, upper case, a bad digest): no hover then.
 */
export function imageReferenceParts(text: string): ImageReferenceParts | undefined {
  if (!isValidImageRef(text)) return undefined;
  const ref = parseImageRef(text);
  const slash = ref.repository.lastIndexOf('/');
  return {
    registry: ref.domain,
    namespace: slash < 0 ? '' : ref.repository.slice(0, slash),
    repository: ref.name,
    tag: ref.tag ?? (ref.digest ? undefined : 'latest'),
    digest: ref.digest ?? undefined,
    implied: {
      registry: ref.registry === null,
      // Docker Hub's official images: `nginx` is `library/nginx`.
      namespace: ref.repository !== ref.path,
      tag: ref.tag === null && ref.digest === null,
    },
  };
}

const T = {
  title: { ko: '이미지 이름의 구성', en: 'Parts of the image name' },
  structure: { ko: '구조', en: 'Structure' },
  registry: { ko: '레지스트리 (이미지가 저장된 서버)', en: 'Registry (the server that stores the image)' },
  namespace: { ko: '네임스페이스 (사용자/조직)', en: 'Namespace (user or organisation)' },
  repository: { ko: '리포지토리 (이미지 이름)', en: 'Repository (the image’s name)' },
  tag: { ko: '태그 (버전 또는 변형)', en: 'Tag (version or variant)' },
  digest: { ko: '다이제스트 (내용의 SHA256, 바뀌지 않는 참조)', en: 'Digest (SHA256 of the content, an immutable reference)' },
  implied: { ko: '생략됨, 기본값', en: 'left out, default' },
  officialImage: { ko: 'Docker Hub 공식 이미지입니다.', en: 'An official Docker Hub image.' },
  latestWarning: {
    ko: '태그를 생략하면 `latest`가 쓰여 언제 받느냐에 따라 다른 이미지가 됩니다. `node:18-alpine`처럼 버전을 적으세요.',
    en: 'Without a tag, `latest` is used, which names a different image from one day to the next. Write a version, e.g. `node:18-alpine`.',
  },
  digestNote: {
    ko: '다이제스트가 있으면 태그와 상관없이 정확히 그 내용의 이미지를 씁니다.',
    en: 'With a digest, exactly that content is used, whatever the tag says.',
  },
  course: { ko: '과정: 이미지 식별과 태그', en: 'Course: image names and tags' },
} satisfies Record<string, Localized>;

/** The hover over an image reference: each part with what it is, defaults marked. */
export function imageReferenceMarkdown(ref: ImageReferenceParts, lang: Lang): string {
  const implied = ` *(${pick(T.implied, lang)})*`;
  const rows: string[] = [
    `- \`${ref.registry}\` — ${pick(T.registry, lang)}${ref.implied.registry ? implied : ''}`,
  ];
  if (ref.namespace) rows.push(`- \`${ref.namespace}\` — ${pick(T.namespace, lang)}${ref.implied.namespace ? implied : ''}`);
  rows.push(`- \`${ref.repository}\` — ${pick(T.repository, lang)}`);
  if (ref.tag) rows.push(`- \`${ref.tag}\` — ${pick(T.tag, lang)}${ref.implied.tag ? implied : ''}`);
  if (ref.digest) rows.push(`- \`${ref.digest}\` — ${pick(T.digest, lang)}`);
  const full = `${ref.registry}/${ref.namespace ? ref.namespace + '/' : ''}${ref.repository}${ref.tag ? ':' + ref.tag : ''}${ref.digest ? '@' + ref.digest : ''}`;
  const notes: string[] = [];
  if (ref.registry === 'docker.io' && ref.namespace === 'library') notes.push(pick(T.officialImage, lang));
  if (ref.implied.tag) notes.push(pick(T.latestWarning, lang));
  if (ref.digest) notes.push(pick(T.digestNote, lang));
  return [
    `**${pick(T.title, lang)}** \`${full}\``,
    `${pick(T.structure, lang)}: \`[REGISTRY_HOST[:PORT]/]NAMESPACE/REPOSITORY[:TAG][@DIGEST]\``,
    rows.join('\n'),
    ...notes,
    `*${pick(T.course, lang)}*`,
  ].join('\n\n');
}
