// Dockerfile editing (pure: no editor API): the language service with our
// Korean/English documentation, image-reference hovers, `.dockerignore` entries and
// the rules for living beside Container Tools / Docker DX. Editor glue: ./vscode.
export { DockerfileLanguage, CODE_ACTION_TITLES, FIXED_BY_LINTER, type FormatOptions, type LanguageCodeAction, type OutlineNode } from './service';
export { LANGUAGE_DOCS, PILLARS, docFor, docMarkdown, flagKey, flagsOf, type LanguageDoc, type Pillar } from './docs';
export { imageReferenceMarkdown, imageReferenceParts, type ImageReferenceParts } from './imageRef';
export { DOCKERFILE_SNIPPETS, type DockerfileSnippet } from './snippets';
export { DOCKERIGNORE_ENTRIES, type DockerignoreEntry } from './dockerignore';
export { LANGUAGE_FEATURES, PEER_EXTENSIONS, featurePlan, featureSetting, installedPeers, providesFeature, type FeatureSetting, type LanguageFeature } from './coexistence';
