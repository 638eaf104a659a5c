// The image build's public surface (pure: no editor API): reading `docker build` output
// and turning it, with the image history, into a per-instruction cache map. The editor
// command lives in ./vscode.
export { parseBuildOutput, type BuildStep, type Builder, type ParsedBuild, type StepState } from './output';
export { buildCacheMap, createdByKeyword, matchLayers, type CacheMapLine, type HistoryEntry, type LayerMatch, type LineState } from './cacheMap';
export { TimedOutput } from './timing';
export { defaultTag, isBuildTag } from './tag';
export { BuiltImages, type BuiltImage, type StateStore } from './builtImages';
