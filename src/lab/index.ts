// The lab engine's public surface: load a session, run and check its steps against the
// real daemon, plan a scoped reset, keep progress. No editor API here (see vscode/).
export * from './labModel';
export { discoverSessions, idForMarkdown, loadMarkdownFile, loadSessionFolder, loadTarget, sidecarFor, METADATA_FILE, type LoadResult, type SessionEntry } from './load/load';
export { parseMarkdown, createMarkdownIt, slugify } from './load/markdown';
export { parseMetadata } from './load/metadata';
export { findPlaceholder, parseShellFence } from './load/fences';
export { commandTraits, composeCalls, composeProjectsOf, createdObjects, publishedHostPorts, referencedImages, type ComposeCall } from './run/created';
export { evaluateTemplate, substitute, TemplateError } from './load/template';
export { parseVarArgs, resolveVariables, validateVariable, NAME_VALUE } from './load/variables';
export { evaluateCheck, resolveCheck, PILLARS, type CheckOutcome } from './check/checks';
export * from './check/state';
export { DockerodeState } from './check/dockerState';
export { nodeEnvironment, httpGet, publishedHostFor, type LintFunction } from './run/environment';
export * from './run/runner';
export * from './reset/reset';
export { labHandout, type HandoutCommand, type HandoutStep, type LabHandout } from './run/handout';
export * from './progress/progress';
export { ShellExecutor } from './run/shellExecutor';
export { imagesToPull, pullAll, pullImage, type PrepullProgress } from './run/prepull';
export { copyStarter, starterFiles, type StarterFile } from './load/starter';
export * from './progress/transitions';
export { lintForLab } from './check/lintAdapter';
