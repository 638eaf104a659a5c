// Dockerfile editing in a real extension host, driven through VS Code's own commands:
// completion, hover, signature help, formatting, outline, folding, definition,
// references, rename, links, semantic tokens, code actions and `.dockerignore`
// completion, each on a real file, in the UI language (tests tagged @l10n run in
// English too).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, requestedLocale, workspaceDir } from './helpers';

const ko = requestedLocale().toLowerCase().startsWith('ko');

let counter = 0;
async function open(content: string, name = 'Dockerfile'): Promise<vscode.TextDocument> {
  const dir = path.join(workspaceDir(), `language-${++counter}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc);
  return doc;
}

async function completions(doc: vscode.TextDocument, line: number, character: number): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, character));
  return list.items;
}

const labelOf = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);
const docOf = (i: vscode.CompletionItem | undefined): string => (i?.documentation === undefined ? '' : typeof i.documentation === 'string' ? i.documentation : i.documentation.value);

async function hoverText(doc: vscode.TextDocument, line: number, character: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

function applyEdits(text: string, doc: vscode.TextDocument, edits: vscode.TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
  for (const e of sorted) text = text.slice(0, doc.offsetAt(e.range.start)) + e.newText + text.slice(doc.offsetAt(e.range.end));
  return text;
}

const MULTI = ['ARG NODE_VERSION=18', 'FROM node:${NODE_VERSION}-alpine AS build', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build', '', 'FROM nginx:1.25-alpine', 'COPY --from=build /app/dist /usr/share/nginx/html', 'USER nginx', ''].join('\n');

describe('language: Dockerfile editing', function () {
  this.timeout(60_000);

  before(async () => {
    await activateExtension();
  });

  it('@l10n completion: `FR` offers FROM, documented in the UI language', async () => {
    const doc = await open('FR');
    const items = await completions(doc, 0, 2);
    const from = items.find((i) => labelOf(i).startsWith('FROM'));
    assert.ok(from, items.map(labelOf).join(', '));
    assert.match(docOf(from), ko ? /베이스 이미지 지정/ : /Set the base image/);
    assert.match(docOf(from), ko ? /과정 원칙: 작은 베이스 이미지/ : /Course pillar: Small base image/);
  });

  it('completion: stage names after `COPY --from=`, flags after `RUN --` and `COPY --`, variables in `${`', async () => {
    const doc = await open('FROM node:18-alpine AS build\nARG VERSION=1\nENV APP_HOME=/app\nFROM alpine\nCOPY --from=\nRUN --\nCOPY --\nRUN echo ${\n');
    const stages = await completions(doc, 4, 12);
    assert.ok(stages.some((i) => labelOf(i) === 'build'), stages.map(labelOf).join(', '));
    const run = (await completions(doc, 5, 6)).map(labelOf);
    assert.ok(run.includes('--mount='), run.join(', '));
    const copy = (await completions(doc, 6, 7)).map(labelOf);
    for (const flag of ['--from=stage', '--chown=user:group', '--chmod=', '--link']) assert.ok(copy.includes(flag), `${flag} in ${copy.join(', ')}`);
    const vars = (await completions(doc, 7, 11)).map(labelOf);
    assert.ok(vars.includes('${HTTP_PROXY}'), vars.join(', '));
  });

  it('@l10n hover: an instruction, a flag, and an image reference explained part by part', async () => {
    const doc = await open('FROM node:18-alpine AS build\nFROM alpine:3.20\nCOPY --from=build /a /b\nUSER 1000\n');
    assert.match(await hoverText(doc, 3, 1), ko ? /\*\*USER\*\* — 실행 사용자 지정/ : /\*\*USER\*\* — Set the user/);
    assert.match(await hoverText(doc, 2, 8), ko ? /\*\*COPY --from\*\* — 다른 스테이지/ : /\*\*COPY --from\*\* — Copy files from another stage/);
    const image = await hoverText(doc, 0, 8);
    assert.match(image, /`docker\.io\/library\/node:18-alpine`/);
    assert.match(image, ko ? /- `library` — 네임스페이스 \(사용자\/조직\)/ : /- `library` — Namespace \(user or organisation\)/);
    assert.match(image, ko ? /- `18-alpine` — 태그/ : /- `18-alpine` — Tag/);
    const keyword = await hoverText(doc, 1, 1);
    assert.equal(keyword.split('**FROM**').length - 1, 1, `one explanation of FROM, not two: ${keyword}`);
  });

  it('@l10n signature help for COPY in the UI language', async () => {
    const doc = await open('FROM alpine\nCOPY \n');
    const help = await vscode.commands.executeCommand<vscode.SignatureHelp>('vscode.executeSignatureHelpProvider', doc.uri, new vscode.Position(1, 5));
    assert.ok(help && help.signatures.length > 0);
    assert.match(help.signatures[0].label, /^COPY/);
    const d = help.signatures[0].documentation;
    assert.match(typeof d === 'string' ? d : (d?.value ?? ''), ko ? /파일 복사/ : /Copy files/);
  });

  it('formatting: the document and a range, with the editor’s tab settings', async () => {
    const text = 'from alpine\n   RUN apk add --no-cache curl \\\ngit\n  USER nobody\n';
    const doc = await open(text);
    const spaces = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 2, insertSpaces: true });
    assert.equal(applyEdits(text, doc, spaces), 'from alpine\nRUN apk add --no-cache curl \\\n  git\nUSER nobody\n');
    const tabs = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 4, insertSpaces: false });
    assert.equal(applyEdits(text, doc, tabs), 'from alpine\nRUN apk add --no-cache curl \\\n\tgit\nUSER nobody\n');
    const range = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatRangeProvider', doc.uri, new vscode.Range(3, 0, 3, 13), { tabSize: 2, insertSpaces: true });
    assert.equal(applyEdits(text, doc, range), 'from alpine\n   RUN apk add --no-cache curl \\\ngit\nUSER nobody\n');
  });

  it('outline: the stages, each with its instructions', async () => {
    const doc = await open(MULTI);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.children.map((c) => c.name).join(' ')]),
      [
        ['ARG', vscode.SymbolKind.Function, ''],
        ['build', vscode.SymbolKind.Module, 'FROM WORKDIR COPY RUN COPY RUN'],
        ['nginx:1.25-alpine', vscode.SymbolKind.Module, 'FROM COPY USER'],
      ],
    );
  });

  it('go to definition, references and rename of a stage name', async () => {
    const doc = await open(MULTI);
    const use = new vscode.Position(9, 14);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, use);
    assert.equal(defs.length, 1);
    const def = defs[0];
    const target = 'targetRange' in def ? def.targetRange : def.range;
    assert.equal(doc.getText(target), 'build');
    assert.equal(target.start.line, 1);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, use);
    assert.deepEqual(refs.map((r) => r.range.start.line).sort(), [1, 9]);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, use, 'builder');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(doc.getText(), /AS builder\n/);
    assert.match(doc.getText(), /COPY --from=builder \/app\/dist/);
  });

  it('references and rename of an ARG variable', async () => {
    const doc = await open(MULTI);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, new vscode.Position(0, 6));
    assert.deepEqual(refs.map((r) => `${r.range.start.line}:${doc.getText(r.range)}`).sort(), ['0:NODE_VERSION', '1:NODE_VERSION']);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, new vscode.Position(1, 16), 'NODE_MAJOR');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(doc.getText(), /^ARG NODE_MAJOR=18\nFROM node:\$\{NODE_MAJOR\}-alpine/);
  });

  it('folding: a multi-line RUN and a comment block', async () => {
    const doc = await open('# one\n# two\nFROM alpine\nRUN apk add \\\n    curl \\\n    git\n');
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    const spans = ranges.map((r) => `${r.start}-${r.end}`);
    assert.ok(spans.includes('3-5'), spans.join(' '));
    assert.ok(spans.includes('0-1'), spans.join(' '));
  });

  it('links: an image name opens its Docker Hub page', async () => {
    const doc = await open('FROM node:18-alpine\nFROM ghcr.io/acme/tool:1\n');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    const targets = links.map((l) => l.target?.toString(true));
    assert.ok(targets.includes('https://hub.docker.com/_/node/'), targets.join(' '));
    assert.ok(targets.some((t) => t?.startsWith('https://github.com/acme/')), targets.join(' '));
  });

  it('semantic tokens: keywords, flags and variables are classified', async () => {
    const doc = await open('FROM node AS build\nARG A=1\nCOPY --from=build /a /b\nRUN echo $A\n');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
    assert.ok(legend && legend.tokenTypes.includes('keyword') && legend.tokenTypes.includes('variable'), JSON.stringify(legend));
    let tokens: vscode.SemanticTokens | undefined;
    for (let i = 0; i < 100 && !tokens; i++) {
      tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', doc.uri);
      if (!tokens) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(tokens && tokens.data.length >= 5 * 8, `tokens: ${tokens?.data.length}`);
    const types = new Set<string>();
    for (let i = 3; i < tokens.data.length; i += 5) types.add(legend.tokenTypes[tokens.data[i]]);
    assert.ok(types.has('keyword') && types.has('variable'), [...types].join(' '));
  });

  it('@l10n code actions: the service’s fix for a misspelled flag, one fix (the linter’s) for lower case', async () => {
    const doc = await open('from alpine\nCOPY --chowm=app a b\n');
    const flag = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(1, 6, 1, 6));
    assert.ok(flag.some((a) => a.title === (ko ? '플래그를 --chown으로 고치기' : 'Change flag to --chown')), flag.map((a) => a.title).join(' | '));
    let casing: vscode.CodeAction[] = [];
    for (let i = 0; i < 100; i++) {
      casing = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 1, 0, 1));
      if (casing.some((a) => a.edit?.get(doc.uri).some((e) => e.newText === 'FROM'))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const edits = casing.filter((a) => a.edit && a.edit.get(doc.uri).some((e) => e.newText === 'FROM'));
    assert.equal(edits.length, 1, casing.map((a) => a.title).join(' | '));
    assert.ok(!casing.some((a) => a.title === (ko ? '명령어를 대문자로 바꾸기' : 'Convert instruction to uppercase')), 'the service’s duplicate of the linter’s fix is left out');
    const sources = new Set(vscode.languages.getDiagnostics(doc.uri).map((d) => d.source));
    assert.deepEqual([...sources], ['docker-labs'], 'our linter is the only source of Dockerfile diagnostics');
  });

  it('@l10n .dockerignore: a known language, common entries completed with why', async () => {
    const doc = await open('.git\n', '.dockerignore');
    assert.equal(doc.languageId, 'ignore');
    const items = await completions(doc, 1, 0);
    const labels = items.map(labelOf);
    assert.ok(labels.includes('node_modules') && labels.includes('.env') && labels.includes('Dockerfile*'), labels.join(', '));
    assert.ok(!labels.includes('.git'), 'already listed');
    assert.match(docOf(items.find((i) => labelOf(i) === 'node_modules')), ko ? /npm ci/ : /installs its own/);
  });

  it('@l10n snippets: the Node app, the two-stage build and the Python slim image, described in the UI language', async () => {
    const doc = await open('\n');
    const items = await completions(doc, 0, 0);
    const snippets = items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
    const find = (prefix: string) => snippets.find((i) => labelOf(i) === prefix);
    for (const prefix of ['node-app', 'multi-stage', 'python-slim']) assert.ok(find(prefix), `${prefix} in ${snippets.map(labelOf).join(', ')}`);
    const node = find('node-app');
    assert.match(docOf(node), ko ? /소스보다 package\*\.json을 먼저/ : /package\*\.json copied and installed before the source/);
    assert.equal(node?.detail, ko ? 'Node.js 앱 (의존성 먼저)' : 'Node.js app (dependencies first)');
    const body = node?.insertText instanceof vscode.SnippetString ? node.insertText.value : '';
    assert.ok(body.indexOf('COPY package*.json ./') < body.indexOf('COPY . .'), body);
  });

  it('co-existence: a feature set to "off" is not provided, "auto" without a peer is', async () => {
    const doc = await open('FR');
    const settings = vscode.workspace.getConfiguration('dockerLabs.language');
    await settings.update('completion', 'off', vscode.ConfigurationTarget.Global);
    try {
      const off = await completions(doc, 0, 2);
      assert.ok(!off.some((i) => labelOf(i).startsWith('FROM')), off.map(labelOf).join(', '));
    } finally {
      await settings.update('completion', undefined, vscode.ConfigurationTarget.Global);
    }
    const on = await completions(doc, 0, 2);
    assert.ok(on.some((i) => labelOf(i).startsWith('FROM')), on.map(labelOf).join(', '));
  });
});
