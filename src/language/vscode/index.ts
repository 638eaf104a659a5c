// Editor glue for Dockerfile editing. Providers are registered at activation but
// are thin: the language service (dockerfile-language-service and our documentation)
// loads with ./providers on the first Dockerfile the user opens. Each feature is
// registered only when the co-existence plan says so (settings, Container Tools /
// Docker DX installed) and re-planned when either changes.
import * as vscode from 'vscode';
import { DOCKERFILE_SELECTOR, isDockerfile } from '../../util/vscode/dockerfile';
import { LANGUAGE_FEATURES, featurePlan, installedPeers, type LanguageFeature } from '../coexistence';
import type { LanguageProviders } from './providers';

const DOCKERIGNORE_SELECTOR: vscode.DocumentSelector = [{ pattern: '**/.dockerignore' }];

type Load = () => Promise<LanguageProviders>;

/** One factory per feature: the registrations it needs, each calling into the loaded providers. */
const REGISTER: Record<Exclude<LanguageFeature, 'semanticTokens'>, (load: Load) => vscode.Disposable[]> = {
  completion: (load) => [
    vscode.languages.registerCompletionItemProvider(DOCKERFILE_SELECTOR, { provideCompletionItems: async (doc, at) => (await load()).completion(doc, at) }, '-', '=', '$', '{', ' ', '#'),
  ],
  hover: (load) => [vscode.languages.registerHoverProvider(DOCKERFILE_SELECTOR, { provideHover: async (doc, at) => (isDockerfile(doc) ? (await load()).hover(doc, at) : undefined) })],
  signatureHelp: (load) => [
    vscode.languages.registerSignatureHelpProvider(DOCKERFILE_SELECTOR, { provideSignatureHelp: async (doc, at) => (await load()).signatureHelp(doc, at) }, ' ', '-', '=', '[', ','),
  ],
  formatting: (load) => [
    vscode.languages.registerDocumentFormattingEditProvider(DOCKERFILE_SELECTOR, { provideDocumentFormattingEdits: async (doc, options) => (await load()).format(doc, options) }),
    vscode.languages.registerDocumentRangeFormattingEditProvider(DOCKERFILE_SELECTOR, { provideDocumentRangeFormattingEdits: async (doc, r, options) => (await load()).formatRange(doc, r, options) }),
    vscode.languages.registerOnTypeFormattingEditProvider(DOCKERFILE_SELECTOR, { provideOnTypeFormattingEdits: async (doc, at, ch, options) => (await load()).formatOnType(doc, at, ch, options) }, '\\', '`'),
  ],
  symbols: (load) => [vscode.languages.registerDocumentSymbolProvider(DOCKERFILE_SELECTOR, { provideDocumentSymbols: async (doc) => (await load()).symbols(doc) })],
  folding: (load) => [vscode.languages.registerFoldingRangeProvider(DOCKERFILE_SELECTOR, { provideFoldingRanges: async (doc) => (await load()).folding(doc) })],
  navigation: (load) => [
    vscode.languages.registerDefinitionProvider(DOCKERFILE_SELECTOR, { provideDefinition: async (doc, at) => (await load()).definition(doc, at) }),
    vscode.languages.registerReferenceProvider(DOCKERFILE_SELECTOR, { provideReferences: async (doc, at, ctx) => (await load()).references(doc, at, ctx.includeDeclaration) }),
    vscode.languages.registerDocumentHighlightProvider(DOCKERFILE_SELECTOR, { provideDocumentHighlights: async (doc, at) => (await load()).highlights(doc, at) }),
    vscode.languages.registerRenameProvider(DOCKERFILE_SELECTOR, {
      prepareRename: async (doc, at) => (await load()).prepareRename(doc, at),
      provideRenameEdits: async (doc, at, newName) => (await load()).rename(doc, at, newName),
    }),
  ],
  links: (load) => [vscode.languages.registerDocumentLinkProvider(DOCKERFILE_SELECTOR, { provideDocumentLinks: async (doc) => (await load()).links(doc) })],
  codeActions: (load) => [
    vscode.languages.registerCodeActionsProvider(DOCKERFILE_SELECTOR, { provideCodeActions: async (doc, r) => (await load()).codeActions(doc, r) }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  ],
};

export function registerLanguageFeatures(context: vscode.ExtensionContext): void {
  let providers: Promise<LanguageProviders> | undefined;
  let loaded: LanguageProviders | undefined;
  const registered = new Map<LanguageFeature, vscode.Disposable[]>();
  const load: Load = () => {
    providers ??= import('./providers').then((m) => {
      loaded = new m.LanguageProviders();
      // The token legend comes from the service, so this one feature registers once it is loaded.
      apply();
      return loaded;
    });
    return providers;
  };

  const register = (feature: LanguageFeature): vscode.Disposable[] | undefined => {
    if (feature !== 'semanticTokens') return REGISTER[feature](load);
    if (!loaded) return undefined;
    const p = loaded;
    return [vscode.languages.registerDocumentSemanticTokensProvider(DOCKERFILE_SELECTOR, { provideDocumentSemanticTokens: (doc) => p.semanticTokens(doc) }, p.semanticLegend)];
  };

  function apply(): void {
    const settings = vscode.workspace.getConfiguration('dockerLabs.language');
    const plan = featurePlan(Object.fromEntries(LANGUAGE_FEATURES.map((f) => [f, settings.get(f)])), installedPeers(vscode.extensions.all.map((e) => e.id)));
    for (const feature of LANGUAGE_FEATURES) {
      const current = registered.get(feature);
      if (plan[feature] && !current) {
        const made = register(feature);
        if (made) registered.set(feature, made);
      } else if (!plan[feature] && current) {
        for (const d of current) d.dispose();
        registered.delete(feature);
      }
    }
  }

  apply();
  context.subscriptions.push(
    // Snippets and .dockerignore entries are lessons of ours that no peer offers: always on.
    vscode.languages.registerCompletionItemProvider(DOCKERFILE_SELECTOR, { provideCompletionItems: async (doc, at) => (await load()).snippets(doc, at) }),
    vscode.languages.registerCompletionItemProvider(DOCKERIGNORE_SELECTOR, { provideCompletionItems: async (doc, at) => (await load()).dockerignoreCompletion(doc, at) }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (isDockerfile(doc)) void load();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('dockerLabs.language')) apply();
    }),
    vscode.extensions.onDidChange(apply),
    { dispose: () => registered.forEach((list) => list.forEach((d) => d.dispose())) },
  );
  if (vscode.workspace.textDocuments.some(isDockerfile)) void load();
}
