// Living beside Container Tools and Docker DX, which embed the same language
// service: when one of them is installed, each editor feature is ours only if the
// user asks for it (`dockerLabs.language.<feature>: "on"`), so a learner does not
// get two completion lists, two formatters, two hovers. The linter and its
// lessons are not features of this list: they stay on.

/** Extensions that provide Dockerfile completion, formatting, hover… through dockerfile-language-service. */
export const PEER_EXTENSIONS: readonly string[] = ['ms-azuretools.vscode-containers', 'ms-azuretools.vscode-docker', 'docker.docker'];

/** Editor features with a `dockerLabs.language.<feature>` setting. */
export const LANGUAGE_FEATURES = [
  'completion',
  'hover',
  'signatureHelp',
  'formatting',
  'symbols',
  'folding',
  'navigation',
  'links',
  'semanticTokens',
  'codeActions',
] as const;

export type LanguageFeature = (typeof LANGUAGE_FEATURES)[number];
export type FeatureSetting = 'auto' | 'on' | 'off';

/** The installed peers among `extensionIds` (case-insensitive, as extension ids are). */
export function installedPeers(extensionIds: Iterable<string>): string[] {
  const installed = new Set([...extensionIds].map((id) => id.toLowerCase()));
  return PEER_EXTENSIONS.filter((id) => installed.has(id));
}

/** A setting value as read from the configuration; anything unknown counts as `auto`. */
export function featureSetting(value: unknown): FeatureSetting {
  return value === 'on' || value === 'off' ? value : 'auto';
}

/** Whether Docker Labs registers `feature`: `on`/`off` as set, `auto` = only when no peer is installed. */
export function providesFeature(setting: unknown, peers: readonly string[]): boolean {
  const s = featureSetting(setting);
  return s === 'on' || (s === 'auto' && peers.length === 0);
}

/** For each feature, whether we provide it, given the settings and the installed peers. */
export function featurePlan(settings: Partial<Record<LanguageFeature, unknown>>, peers: readonly string[]): Record<LanguageFeature, boolean> {
  return Object.fromEntries(LANGUAGE_FEATURES.map((f) => [f, providesFeature(settings[f], peers)])) as Record<LanguageFeature, boolean>;
}
