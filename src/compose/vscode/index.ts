// Editor glue for compose files (compose.yaml, docker-compose*.yml): the schema's
// diagnostics as you type, completion of keys and values, hover with the spec's
// description (and a Korean line for common service keys). Loaded on the first compose
// file opened (src/extension.ts); the engine's Ajv compiles the schema on the first validation.
import * as vscode from 'vscode';
import { pick } from '../../util/i18n';
import { COMPOSE_SELECTOR, isComposeDocument } from '../../util/vscode/compose';
import { uiLang } from '../../util/vscode/lang';
import type { YamlSpan } from '../../util/yamlSource';
import { composeCompletions, composeDiagnostics, composeHover, type ComposeSeverity } from '../index';

const DEBOUNCE_MS = 200;
const SOURCE = 'docker-labs';

const SEVERITY: Record<ComposeSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  hint: vscode.DiagnosticSeverity.Hint,
};

function toRange(doc: vscode.TextDocument, span: YamlSpan): vscode.Range {
  const start = doc.validatePosition(new vscode.Position(span.line - 1, span.column - 1));
  const end = span.endLine !== undefined && span.endColumn !== undefined ? doc.validatePosition(new vscode.Position(span.endLine - 1, span.endColumn - 1)) : start;
  if (end.isAfter(start)) return new vscode.Range(start, end);
  // A point (yaml reports some errors at one offset): the character there, so it shows.
  return new vscode.Range(start, doc.validatePosition(start.translate(0, 1)));
}

function setting(name: 'diagnostics' | 'completion' | 'hover', doc?: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('dockerLabs.compose', doc).get<boolean>(name, true);
}

export function registerComposeEditor(context: vscode.ExtensionContext): void {
  const collection = vscode.languages.createDiagnosticCollection('docker-labs-compose');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const validate = (doc: vscode.TextDocument): void => {
    if (!isComposeDocument(doc)) return;
    if (!setting('diagnostics', doc)) {
      collection.delete(doc.uri);
      return;
    }
    const lang = uiLang();
    const diagnostics = composeDiagnostics(doc.getText()).map((p) => {
      const d = new vscode.Diagnostic(toRange(doc, p), pick(p.message, lang), SEVERITY[p.severity]);
      d.source = SOURCE;
      d.code = p.code;
      if (p.deprecated) d.tags = [vscode.DiagnosticTag.Deprecated];
      return d;
    });
    collection.set(doc.uri, diagnostics);
  };
  const schedule = (doc: vscode.TextDocument, delay = DEBOUNCE_MS): void => {
    if (!isComposeDocument(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        if (!doc.isClosed) validate(doc);
      }, delay),
    );
  };

  context.subscriptions.push(
    collection,
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
    vscode.workspace.onDidOpenTextDocument((doc) => schedule(doc, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      clearTimeout(timers.get(doc.uri.toString()));
      collection.delete(doc.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('dockerLabs.compose')) for (const doc of vscode.workspace.textDocuments) schedule(doc, 0);
    }),
    vscode.languages.registerCompletionItemProvider(
      COMPOSE_SELECTOR,
      {
        provideCompletionItems: (doc, position, _token, ctx) => {
          if (!isComposeDocument(doc) || !setting('completion', doc)) return undefined;
          // A space opens the list only after `key: ` (its values), not while indenting.
          if (ctx.triggerCharacter === ' ' && !/:\s$/.test(doc.lineAt(position.line).text.slice(0, position.character))) return undefined;
          return composeCompletions(doc.getText(), doc.offsetAt(position), uiLang()).map((c) => {
            const item = new vscode.CompletionItem(c.label, c.kind === 'key' ? vscode.CompletionItemKind.Property : vscode.CompletionItemKind.EnumMember);
            item.insertText = c.insertText;
            item.range = new vscode.Range(doc.positionAt(c.replace.start), doc.positionAt(c.replace.end));
            if (c.detail) item.detail = c.detail;
            if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
            if (c.deprecated) item.tags = [vscode.CompletionItemTag.Deprecated];
            return item;
          });
        },
      },
      ' ',
    ),
    vscode.languages.registerHoverProvider(COMPOSE_SELECTOR, {
      provideHover: (doc, position) => {
        if (!isComposeDocument(doc) || !setting('hover', doc)) return undefined;
        const hover = composeHover(doc.getText(), doc.offsetAt(position), uiLang());
        return hover ? new vscode.Hover(new vscode.MarkdownString(hover.markdown), toRange(doc, hover)) : undefined;
      },
    }),
  );

  for (const doc of vscode.workspace.textDocuments) schedule(doc, 0);
}
