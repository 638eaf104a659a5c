// The compose file editor in a real extension host: opening a compose file loads the
// compose capability, its schema errors show through vscode.languages.getDiagnostics at
// the key they are about in the UI language, and completion and hover answer through
// VS Code's own commands (tests tagged @l10n run in English too).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { activateExtension, requestedLocale, workspaceDir } from './helpers';

const ko = requestedLocale().toLowerCase().startsWith('ko');

let counter = 0;
async function open(content: string, name = 'compose.yaml'): Promise<vscode.TextEditor> {
  const dir = path.join(workspaceDir(), `compose-editor-${++counter}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(doc);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'docker-labs');
}

const range = (d: vscode.Diagnostic): string => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const labelOf = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);

async function diagnostics(uri: vscode.Uri, ready: (list: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  // The first validation compiles the compose-spec schema: allow for a loaded machine.
  return waitFor(what, () => {
    const list = ours(uri);
    return ready(list) ? list : undefined;
  }, 30_000);
}

describe('Compose editor (extension host)', function () {
  this.timeout(90_000);
  let api: Awaited<ReturnType<typeof activateExtension>>;

  before(async () => {
    api = await activateExtension();
  });

  it('@l10n loads on the first compose file and shows `port:` at the key, in the UI language', async () => {
    const editor = await open('services:\n  web:\n    image: nginx:alpine\n    port:\n      - "8080:80"\n');
    await waitFor('the compose capability loaded', () => api.capabilities.loaded().includes('compose'));
    const [d] = await diagnostics(editor.document.uri, (l) => l.length > 0, 'the schema diagnostic');
    assert.equal(range(d!), '3:4-3:8');
    assert.equal(codeOf(d!), 'schema/additionalProperties');
    assert.equal(d!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(
      d!.message,
      ko
        ? '`port`: 추가적인 속성은 허용되지 않습니다 (services.web에 쓸 수 없는 키). `ports`을(를) 쓰려던 것인가요?'
        : '`port`: must NOT have additional properties (not a key of services.web). Did you mean `ports`?',
    );
  });

  it('updates as you type: fixing the key clears it, a tab brings a YAML error', async () => {
    const editor = await open('services:\n  web:\n    image: nginx:alpine\n    port:\n      - "8080:80"\n', 'docker-compose.yml');
    const uri = editor.document.uri;
    await diagnostics(uri, (l) => l.length === 1, 'the port diagnostic');
    await editor.edit((b) => b.insert(new vscode.Position(3, 8), 's'));
    await diagnostics(uri, (l) => l.length === 0, 'no diagnostic once the key is `ports`');
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), '\t'));
    const [tab] = await diagnostics(uri, (l) => l.some((d) => codeOf(d) === 'yaml/TAB_AS_INDENT'), 'the tab error');
    // The whole indentation the tab is part of.
    assert.equal(range(tab!), '2:0-2:5');
  });

  it('leaves other YAML files alone, and a valid compose file clean', async () => {
    const other = await open('port: 1\n', 'settings.yaml');
    const valid = await open('services:\n  web:\n    image: nginx:alpine\n    ports:\n      - "8080:80"\n    depends_on:\n      - db\n  db:\n    image: postgres:16-alpine\n', 'docker-compose.dev.yml');
    const probe = await open('servics: {}\n', 'compose.yml');
    // The file opened last has its diagnostic: the earlier two have had their turn.
    await diagnostics(probe.document.uri, (l) => l.length === 1, 'the probe file diagnostic');
    assert.deepEqual(ours(other.document.uri), []);
    assert.deepEqual(ours(valid.document.uri), []);
  });

  it('@l10n completion: the service keys at the cursor, documented in the UI language; enum values after `condition: `', async () => {
    const editor = await open('services:\n  web:\n    image: nginx:alpine\n    po\n    depends_on:\n      db:\n        condition: \n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(3, 6));
    const ports = list.items.find((i) => labelOf(i) === 'ports');
    assert.ok(ports, list.items.map(labelOf).join(', '));
    assert.ok(!list.items.some((i) => labelOf(i) === 'image'), 'image is already written');
    const docs = typeof ports.documentation === 'string' ? ports.documentation : (ports.documentation?.value ?? '');
    assert.match(docs, /Expose container ports\./);
    if (ko) assert.match(docs, /호스트 포트를 컨테이너 포트에 연결합니다/);
    else assert.doesNotMatch(docs, /호스트/);
    const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(6, 19));
    const ourValues = values.items.map(labelOf).filter((l) => l.startsWith('service_'));
    assert.deepEqual(ourValues.sort(), ['service_completed_successfully', 'service_healthy', 'service_started']);
  });

  it('@l10n hover: the spec\'s description of the key, with a Korean line in Korean', async () => {
    const editor = await open('services:\n  web:\n    image: nginx:alpine\n    restart: unless-stopped\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(3, 6));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*`restart`\*\*/);
    assert.match(text, /Restart policy for the service container\./);
    if (ko) assert.match(text, /컨테이너가 멈췄을 때 다시 시작하는 정책입니다/);
    else assert.doesNotMatch(text, /컨테이너/);
  });
});
