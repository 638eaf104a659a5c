// Variables several rules know about.

/** Build args BuildKit defines in the global scope (usable in a stage once declared with `ARG NAME`). */
export const PLATFORM_ARGS = new Set(['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE']);
