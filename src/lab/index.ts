// The lab engine's public surface: load a session, run and check its steps against the
// real daemon, plan a scoped reset, keep progress. No editor API here (see vscode/).
export * from './model';
export { discoverSessions, idForMarkdown, loadMarkdownFile, loadSessionFolder, loadTarget, sidecarFor, METADATA_FILE, type LoadResult, type SessionEntry } from './load';
export { parseMarkdown, createMarkdownIt, slugify } from './markdown';
export { parseMetadata } from './metadata';
export { commandTraits, createdObjects, findPlaceholder, parseShellFence, referencedImages } from './shell';
export { evaluateTemplate, substitute, TemplateError } from './template';
export { parseVarArgs, resolveVariables, validateVariable, NAME_VALUE } from './variables';
export { evaluateCheck, resolveCheck, PILLARS, type CheckOutcome } from './checks';
export * from './state';
export { DockerodeState } from './dockerState';
export { nodeEnvironment, httpGet, publishedHostFor, type LintFunction } from './environment';
export { lintForLab } from './lintAdapter';
export * from './runner';
export * from './reset';
export * from './progress';
export { ShellExecutor } from './shellExecutor';
export { imagesToPull, pullAll, pullImage, type PullProgress } from './prepull';
export { copyStarter, starterFiles, type StarterFile } from './starter';
