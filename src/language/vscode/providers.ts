// The editor side of the language service, loaded with it on the first Dockerfile
// (see index.ts): VS Code's provider calls in, the Language Server Protocol's
// shapes out of DockerfileLanguage converted to VS Code's.
import * as vscode from 'vscode';
import type * as lsp from 'vscode-languageserver-types';
import { uiLang } from '../../util/vscode/lang';
import { DOCKERIGNORE_ENTRIES } from '../dockerignore';
import { DOCKERFILE_SNIPPETS } from '../snippets';
import { DockerfileLanguage, type OutlineNode } from '../service';
import { pick } from '../../util/i18n';

const position = (p: lsp.Position): vscode.Position => new vscode.Position(p.line, p.character);
const range = (r: lsp.Range): vscode.Range => new vscode.Range(position(r.start), position(r.end));
const lspPosition = (p: vscode.Position): lsp.Position => ({ line: p.line, character: p.character });
const lspRange = (r: vscode.Range): lsp.Range => ({ start: lspPosition(r.start), end: lspPosition(r.end) });
const edits = (list: lsp.TextEdit[]): vscode.TextEdit[] => list.map((e) => vscode.TextEdit.replace(range(e.range), e.newText));

function markdown(value: string | lsp.MarkupContent | undefined): vscode.MarkdownString | string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  return value.kind === 'markdown' ? new vscode.MarkdownString(value.value) : value.value;
}

function completionItem(item: lsp.CompletionItem): vscode.CompletionItem {
  // LSP's CompletionItemKind counts from 1, VS Code's from 0.
  const out = new vscode.CompletionItem(item.label, item.kind !== undefined ? ((item.kind - 1) as vscode.CompletionItemKind) : undefined);
  out.detail = item.detail;
  out.documentation = markdown(item.documentation);
  out.sortText = item.sortText;
  out.filterText = item.filterText;
  const snippet = item.insertTextFormat === 2;
  const text = item.textEdit?.newText ?? item.insertText;
  if (text !== undefined) out.insertText = snippet ? new vscode.SnippetString(text) : text;
  if (item.textEdit && 'range' in item.textEdit) out.range = range(item.textEdit.range);
  if (item.additionalTextEdits) out.additionalTextEdits = edits(item.additionalTextEdits);
  if (item.command) out.command = { title: item.command.title, command: item.command.command, arguments: item.command.arguments };
  if (item.deprecated || item.tags?.includes(1)) out.tags = [vscode.CompletionItemTag.Deprecated];
  return out;
}

function documentSymbol(node: OutlineNode): vscode.DocumentSymbol {
  const kind = node.kind === 'stage' ? vscode.SymbolKind.Module : vscode.SymbolKind.Function;
  const symbol = new vscode.DocumentSymbol(node.name, node.detail ?? '', kind, range(node.range), range(node.selectionRange));
  symbol.children = node.children.map(documentSymbol);
  return symbol;
}

export class LanguageProviders {
  readonly language = new DockerfileLanguage();
  readonly semanticLegend = new vscode.SemanticTokensLegend([...DockerfileLanguage.semanticLegend.tokenTypes], [...DockerfileLanguage.semanticLegend.tokenModifiers]);

  async completion(doc: vscode.TextDocument, at: vscode.Position): Promise<vscode.CompletionItem[]> {
    return (await this.language.completion(doc.getText(), lspPosition(at), uiLang())).map(completionItem);
  }

  hover(doc: vscode.TextDocument, at: vscode.Position): vscode.Hover | undefined {
    const hover = this.language.hover(doc.getText(), lspPosition(at), uiLang());
    if (!hover) return undefined;
    const contents = hover.contents;
    const md = typeof contents === 'string' ? contents : 'kind' in contents ? contents.value : Array.isArray(contents) ? contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n\n') : contents.value;
    return new vscode.Hover(new vscode.MarkdownString(md), hover.range ? range(hover.range) : undefined);
  }

  signatureHelp(doc: vscode.TextDocument, at: vscode.Position): vscode.SignatureHelp | undefined {
    const help = this.language.signatureHelp(doc.getText(), lspPosition(at), uiLang());
    if (!help) return undefined;
    const out = new vscode.SignatureHelp();
    out.signatures = help.signatures.map((s) => {
      const info = new vscode.SignatureInformation(s.label, markdown(s.documentation));
      info.parameters = (s.parameters ?? []).map((p) => new vscode.ParameterInformation(p.label, markdown(p.documentation)));
      if (s.activeParameter !== undefined && s.activeParameter !== null) info.activeParameter = s.activeParameter;
      return info;
    });
    out.activeSignature = help.activeSignature ?? 0;
    out.activeParameter = help.activeParameter ?? 0;
    return out;
  }

  format(doc: vscode.TextDocument, options: vscode.FormattingOptions): vscode.TextEdit[] {
    return edits(this.language.format(doc.getText(), { tabSize: options.tabSize, insertSpaces: options.insertSpaces }));
  }

  formatRange(doc: vscode.TextDocument, r: vscode.Range, options: vscode.FormattingOptions): vscode.TextEdit[] {
    return edits(this.language.formatRange(doc.getText(), lspRange(r), { tabSize: options.tabSize, insertSpaces: options.insertSpaces }));
  }

  formatOnType(doc: vscode.TextDocument, at: vscode.Position, ch: string, options: vscode.FormattingOptions): vscode.TextEdit[] {
    return edits(this.language.formatOnType(doc.getText(), lspPosition(at), ch, { tabSize: options.tabSize, insertSpaces: options.insertSpaces }));
  }

  symbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    return this.language.outline(doc.uri.toString(), doc.getText()).map(documentSymbol);
  }

  folding(doc: vscode.TextDocument): vscode.FoldingRange[] {
    return this.language.folding(doc.getText()).map((f) => new vscode.FoldingRange(f.startLine, f.endLine, f.kind === 'comment' ? vscode.FoldingRangeKind.Comment : undefined));
  }

  definition(doc: vscode.TextDocument, at: vscode.Position): vscode.Location | undefined {
    const location = this.language.definition(doc.uri.toString(), doc.getText(), lspPosition(at));
    return location ? new vscode.Location(doc.uri, range(location.range)) : undefined;
  }

  references(doc: vscode.TextDocument, at: vscode.Position, includeDeclaration: boolean): vscode.Location[] {
    const all = this.language.references(doc.uri.toString(), doc.getText(), lspPosition(at)).map((l) => new vscode.Location(doc.uri, range(l.range)));
    if (includeDeclaration) return all;
    const declaration = this.definition(doc, at);
    return declaration ? all.filter((l) => !l.range.isEqual(declaration.range)) : all;
  }

  highlights(doc: vscode.TextDocument, at: vscode.Position): vscode.DocumentHighlight[] {
    return this.language.references(doc.uri.toString(), doc.getText(), lspPosition(at)).map((l) => new vscode.DocumentHighlight(range(l.range)));
  }

  prepareRename(doc: vscode.TextDocument, at: vscode.Position): vscode.Range {
    const r = this.language.prepareRename(doc.getText(), lspPosition(at));
    if (!r) throw new Error(vscode.l10n.t('Only a stage name or an ARG/ENV variable can be renamed.'));
    return range(r);
  }

  rename(doc: vscode.TextDocument, at: vscode.Position, newName: string): vscode.WorkspaceEdit {
    const edit = new vscode.WorkspaceEdit();
    for (const e of this.language.rename(doc.uri.toString(), doc.getText(), lspPosition(at), newName)) edit.replace(doc.uri, range(e.range), e.newText);
    return edit;
  }

  links(doc: vscode.TextDocument): vscode.DocumentLink[] {
    return this.language
      .links(doc.getText())
      .filter((l) => l.target)
      .map((l) => {
        const link = new vscode.DocumentLink(range(l.range), vscode.Uri.parse(l.target as string));
        link.tooltip = vscode.l10n.t('Open the image’s page in its registry');
        return link;
      });
  }

  semanticTokens(doc: vscode.TextDocument): vscode.SemanticTokens {
    return new vscode.SemanticTokens(Uint32Array.from(this.language.semanticTokens(doc.getText()).data));
  }

  codeActions(doc: vscode.TextDocument, r: vscode.Range): vscode.CodeAction[] {
    return this.language.codeActions(doc.uri.toString(), doc.getText(), lspRange(r), uiLang()).map((a) => {
      const action = new vscode.CodeAction(a.title, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      for (const e of a.edits) action.edit.replace(doc.uri, range(e.range), e.newText);
      return action;
    });
  }

  /** The course's starting points as snippets, at the start of a line. */
  snippets(doc: vscode.TextDocument, at: vscode.Position): vscode.CompletionItem[] {
    const before = doc.lineAt(at.line).text.slice(0, at.character);
    if (!/^\s*[\w-]*$/.test(before)) return [];
    const lang = uiLang();
    const typed = new vscode.Range(at.line, before.length - before.trimStart().length, at.line, at.character);
    return DOCKERFILE_SNIPPETS.map((s) => {
      const item = new vscode.CompletionItem({ label: s.prefix, description: pick(s.name, lang) }, vscode.CompletionItemKind.Snippet);
      item.insertText = new vscode.SnippetString(s.body.join('\n'));
      item.detail = pick(s.name, lang);
      const md = new vscode.MarkdownString(pick(s.description, lang) + '\n\n');
      md.appendCodeblock(s.body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d/g, '').trimEnd(), 'dockerfile');
      item.documentation = md;
      item.range = typed;
      return item;
    });
  }

  /** `.dockerignore`: the common entries the file does not list yet. */
  dockerignoreCompletion(doc: vscode.TextDocument, at: vscode.Position): vscode.CompletionItem[] {
    const present = new Set(doc.getText().split(/\r?\n/).map((l) => l.trim()));
    const lang = uiLang();
    const typed = doc.getWordRangeAtPosition(at, /[^\s]+/);
    return DOCKERIGNORE_ENTRIES.filter((e) => !present.has(e.pattern)).map((e, i) => {
      const item = new vscode.CompletionItem(e.pattern, vscode.CompletionItemKind.File);
      item.documentation = new vscode.MarkdownString(pick(e.doc, lang));
      item.detail = vscode.l10n.t('Leave out of the build context');
      item.sortText = String(i).padStart(3, '0');
      if (typed) item.range = new vscode.Range(typed.start, at);
      return item;
    });
  }
}
