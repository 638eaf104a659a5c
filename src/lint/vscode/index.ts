// Editor glue for the linter, kept light at activation: listeners and
// providers are registered here, but the engine (dockerfile-ast and the rules)
// loads on the first Dockerfile the user opens or the first lint command.
import * as vscode from 'vscode';
import type { LintController } from './controller';
import { DOCKERFILE_SELECTOR, isDockerfile, isDockerignore } from '../../util/vscode/dockerfile';

export function registerLinter(context: vscode.ExtensionContext): void {
  let controller: Promise<LintController> | undefined;
  const load = (): Promise<LintController> => {
    if (!controller) {
      controller = import('./controller').then((m) => {
        const c = new m.LintController();
        context.subscriptions.push(c);
        return c;
      });
    }
    return controller;
  };
  const withController = (doc: vscode.TextDocument, fn: (c: LintController) => void): void => {
    if (!isDockerfile(doc)) return;
    void load().then(fn);
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => withController(doc, (c) => c.schedule(doc, 0))),
    vscode.workspace.onDidChangeTextDocument((e) => {
      withController(e.document, (c) => c.schedule(e.document));
      // Typing in a .dockerignore changes what the Dockerfiles' context rules see (before it is saved).
      if (controller && isDockerignore(e.document)) void controller.then((c) => c.contextChanged());
    }),
    // Saved, or created by a quick fix: the file watcher may fold these into one event that came too early.
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (controller && isDockerignore(doc)) void controller.then((c) => c.contextChanged());
    }),
    vscode.workspace.onDidCreateFiles((e) => {
      if (controller && e.files.some((f) => /\.dockerignore$/.test(f.path))) void controller.then((c) => c.contextChanged());
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (controller) void controller.then((c) => c.forget(doc));
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (controller && e.affectsConfiguration('dockerLabs.lint')) void controller.then((c) => c.relintAll());
    }),
    vscode.languages.registerCodeActionsProvider(
      DOCKERFILE_SELECTOR,
      {
        provideCodeActions: async (doc, range, ctx) => {
          if (!ctx.diagnostics.some((d) => d.source === 'docker-labs' || d.source === 'ShellCheck')) return [];
          return (await load()).codeActions(doc, range, ctx);
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.languages.registerHoverProvider(DOCKERFILE_SELECTOR, {
      provideHover: async (doc, position) => (isDockerfile(doc) ? (await load()).hover(doc, position) : undefined),
    }),
    vscode.commands.registerCommand('dockerLabs.lint.workspace', async () => (await load()).lintWorkspace()),
  );

  for (const doc of vscode.workspace.textDocuments) withController(doc, (c) => c.schedule(doc, 0));
}
