// What an image's history says about how it was built: one reader of `CreatedBy` for the
// explorer's layers and charts and the build's cache map.

/**
 * The Dockerfile instruction behind an image history entry. The classic builder
 * records `/bin/sh -c #(nop) CMD ["sh"]` for metadata and `/bin/sh -c apk add …` (or
 * `|2 A=1 B=2 /bin/sh -c …` with build args) for RUN; BuildKit records
 * `RUN /bin/sh -c apk add … # buildkit`. Learners wrote `CMD ["sh"]` and `RUN apk add …`.
 */
export function instructionOf(createdBy: string): string {
  let text = createdBy.trim();
  text = text.replace(/\s*# buildkit$/, '');
  const nop = /^\/bin\/sh -c #\(nop\)\s*/;
  // `COPY file:<64 hex> in /`: the classic builder's content hash, shortened as IDs are.
  text = text.replace(/\b(file|dir|multi):([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1:$2');
  if (nop.test(text)) return text.replace(nop, '').trim();
  const classicRun = /^(?:\|\d+(?:\s+\S+=\S*)*\s+)?(?:\/bin\/(?:ba)?sh|\/bin\/busybox sh) -c\s+/;
  if (classicRun.test(text)) return `RUN ${text.replace(classicRun, '')}`.trim();
  text = text.replace(/^RUN\s+(?:\|\d+(?:\s+\S+=\S*)*\s+)?(?:\/bin\/(?:ba)?sh|\/bin\/busybox sh) -c\s+/, 'RUN ');
  return text;
}
