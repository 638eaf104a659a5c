// The Dockerfile linter inside a real extension host: diagnostics on open and
// as you type, exact ranges, quick fixes applied through WorkspaceEdits,
// ignore comments, .hadolint.yaml and settings, hovers in the UI language,
// and the workspace command.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, requestedLocale, workspaceDir } from './helpers';
import { waitFor } from '../support/waitFor';

const ko = requestedLocale().toLowerCase().startsWith('ko');

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'docker-labs');
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Waits until the diagnostics satisfy `ready` (they are published after a short debounce). */
function diagnostics(uri: vscode.Uri, ready: (list: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const list = ours(uri);
    return ready(list) ? list : undefined;
  });
}

const has = (rule: string) => (list: vscode.Diagnostic[]) => list.some((d) => codeOf(d) === rule);
const lacks = (rule: string) => (list: vscode.Diagnostic[]) => list.length > 0 && !list.some((d) => codeOf(d) === rule);

let counter = 0;
async function openDockerfile(content: string, name = 'Dockerfile'): Promise<vscode.TextEditor> {
  const dir = path.join(workspaceDir(), `lint-${++counter}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(doc);
}

function range(d: vscode.Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}

async function quickFixes(uri: vscode.Uri, diag: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
  return actions ?? [];
}

describe('linter (extension host)', function () {
  this.timeout(120_000);

  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opening a Dockerfile shows the expected diagnostics at the expected ranges', async () => {
    const editor = await openDockerfile('FROM node:18\nWORKDIR app\nCOPY . .\nRUN npm install\nCMD npm start\n');
    const uri = editor.document.uri;
    assert.equal(editor.document.languageId, 'dockerfile');
    const list = await diagnostics(uri, (l) => ['small-base-image', 'workdir-relative', 'copy-before-install', 'json-args', 'missing-user'].every((r) => has(r)(l)), 'the expected findings');
    const byRule = new Map(list.map((d) => [codeOf(d), d]));
    assert.equal(range(byRule.get('small-base-image')!), '0:5-0:12'); // node:18
    assert.equal(range(byRule.get('workdir-relative')!), '1:8-1:11'); // app
    assert.equal(range(byRule.get('copy-before-install')!), '2:0-2:8'); // COPY . .
    assert.equal(range(byRule.get('missing-user')!), '0:0-0:4'); // FROM
    assert.equal(byRule.get('workdir-relative')!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(byRule.get('small-base-image')!.severity, vscode.DiagnosticSeverity.Warning);
    const dl3000 = byRule.get('workdir-relative')!.code as { value: string; target: vscode.Uri };
    assert.equal(dl3000.target.toString(), 'https://github.com/hadolint/hadolint/wiki/DL3000');
    // Messages come in the UI language.
    assert.match(byRule.get('small-base-image')!.message, ko ? /전체 크기 이미지/ : /full-size image/);
  });

  it('Containerfile and *.Dockerfile are Dockerfiles too', async () => {
    for (const name of ['Containerfile', 'api.Dockerfile', 'Dockerfile.prod']) {
      const editor = await openDockerfile('FROM nginx\n', name);
      assert.equal(editor.document.languageId, 'dockerfile', name);
      await diagnostics(editor.document.uri, has('image-tag'), `image-tag in ${name}`);
    }
  });

  it('updates the diagnostics as you type', async () => {
    const editor = await openDockerfile('FROM alpine:3.20\nUSER 1000\n');
    const uri = editor.document.uri;
    await waitFor('first lint', () => (vscode.languages.getDiagnostics(uri) ? true : undefined));
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'RUN sudo apk add curl\n'));
    const list = await diagnostics(uri, has('no-sudo'), 'no-sudo after typing');
    assert.equal(range(list.find((d) => codeOf(d) === 'no-sudo')!), '1:4-1:8');
    await editor.edit((b) => b.delete(new vscode.Range(1, 4, 1, 9)));
    await diagnostics(uri, lacks('no-sudo'), 'no-sudo gone after deleting it');
  });

  it('a quick fix applies through a WorkspaceEdit and the finding goes', async () => {
    const editor = await openDockerfile('FROM alpine:3.20\nRUN apk add curl\nUSER 1000\n');
    const uri = editor.document.uri;
    const list = await diagnostics(uri, has('apk-no-cache'), 'apk-no-cache');
    const diag = list.find((d) => codeOf(d) === 'apk-no-cache')!;
    const actions = await quickFixes(uri, diag);
    // The rule's fix (the other action offered is "ignore apk-no-cache").
    const fix = actions.find((a) => !a.title.includes('apk-no-cache'));
    assert.ok(fix?.edit, `a quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(fix.title, /--no-cache/);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(1).text, 'RUN apk add --no-cache curl');
    await diagnostics(uri, lacks('apk-no-cache'), 'apk-no-cache gone after the fix');
  });

  it('"ignore for this instruction" inserts # docker-labs ignore=<id> and silences it', async () => {
    const editor = await openDockerfile('FROM alpine:3.20\nRUN apk add --no-cache curl\nUSER 1000\n');
    const uri = editor.document.uri;
    const list = await diagnostics(uri, has('apk-pin'), 'apk-pin');
    const diag = list.find((d) => codeOf(d) === 'apk-pin')!;
    const ignore = (await quickFixes(uri, diag)).find((a) => a.title.includes('apk-pin'));
    assert.ok(ignore?.edit);
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    assert.equal(editor.document.lineAt(1).text, '# docker-labs ignore=apk-pin');
    await diagnostics(uri, (l) => !has('apk-pin')(l), 'apk-pin silenced');
  });

  it('a # hadolint ignore comment silences its rule on the next instruction', async () => {
    const editor = await openDockerfile('FROM debian:12-slim\n# hadolint ignore=DL3008\nRUN apt-get install -y --no-install-recommends curl\nRUN apt-get install -y --no-install-recommends git\nUSER 1000\n');
    const list = await diagnostics(editor.document.uri, has('apt-pin'), 'apt-pin');
    assert.deepEqual(
      list.filter((d) => codeOf(d) === 'apt-pin').map((d) => d.range.start.line),
      [3],
    );
  });

  it('honours .hadolint.yaml and the dockerLabs.lint settings', async () => {
    const editor = await openDockerfile('FROM alpine:3.20\nWORKDIR app\nUSER 1000\n');
    const uri = editor.document.uri;
    await diagnostics(uri, (l) => l.some((d) => codeOf(d) === 'workdir-relative' && d.severity === vscode.DiagnosticSeverity.Error), 'DL3000 as an error');
    const yaml = path.join(path.dirname(uri.fsPath), '.hadolint.yaml');
    fs.writeFileSync(yaml, 'override:\n  info:\n    - DL3000\n');
    await diagnostics(uri, (l) => l.some((d) => codeOf(d) === 'workdir-relative' && d.severity === vscode.DiagnosticSeverity.Information), 'DL3000 as info from .hadolint.yaml');
    const config = vscode.workspace.getConfiguration('dockerLabs.lint');
    try {
      await config.update('rules', { 'workdir-relative': 'off' }, vscode.ConfigurationTarget.Workspace);
      await diagnostics(uri, (l) => !l.some((d) => codeOf(d) === 'workdir-relative'), 'rule off from settings');
      await config.update('enable', false, vscode.ConfigurationTarget.Workspace);
      await waitFor('no diagnostics when disabled', () => (ours(uri).length === 0 ? true : undefined));
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(yaml, { force: true });
    }
  });

  it('@l10n hover on an instruction keyword explains it in the UI language, with an example', async () => {
    const editor = await openDockerfile('FROM alpine:3.20\nUSER 1000\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(1, 1));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*USER\*\*/);
    assert.match(text, ko ? /실행 사용자 지정/ : /Set the user/);
    assert.match(text, /```dockerfile\nUSER node/);
  });

  it('@l10n hover on a diagnostic explains the rule and names the course session', async () => {
    const editor = await openDockerfile('FROM alpine:3.20\nCMD echo hi\nUSER 1000\n');
    await diagnostics(editor.document.uri, has('json-args'), 'json-args');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(1, 6));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /`json-args` · `DL3025` · `JSONArgsRecommended`/);
    assert.match(text, ko ? /과정: Docker 기본 이해/ : /Course: Docker basics/);
    assert.match(text, /CMD \["npm", "start"\]/);
  });

  it('dockerLabs.lint.workspace lints every Dockerfile in the workspace into the Problems panel', async () => {
    const dir = path.join(workspaceDir(), 'lint-workspace', 'svc');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'worker.Dockerfile');
    fs.writeFileSync(file, 'FROM python:3.12\nRUN pip install flask\n');
    const summary = await vscode.commands.executeCommand<{ files: number; findings: number }>('dockerLabs.lint.workspace');
    assert.ok(summary.files >= 1 && summary.findings >= 1, JSON.stringify(summary));
    const list = ours(vscode.Uri.file(file));
    assert.ok(list.some((d) => codeOf(d) === 'pip-no-cache-dir'), list.map(codeOf).join(', '));
  });

  it('dockerignore: creating and changing the workspace .dockerignore changes the diagnostics; the quick fix creates it', async () => {
    // The build context of a Dockerfile in the editor is its workspace folder.
    const root = workspaceDir();
    const ignoreFile = path.join(root, '.dockerignore');
    const pkg = path.join(root, 'package.json');
    fs.rmSync(ignoreFile, { force: true });
    fs.writeFileSync(pkg, '{ "name": "ctx-test" }\n');
    fs.mkdirSync(path.join(root, 'config'), { recursive: true });
    fs.writeFileSync(path.join(root, 'config', 'app.json'), '{}\n');
    try {
      const editor = await openDockerfile('FROM node:18-alpine\nWORKDIR /app\nCOPY config/app.json ./config/\nCOPY . .\nUSER node\n');
      const uri = editor.document.uri;
      const missing = (await diagnostics(uri, has('dockerignore-missing'), 'dockerignore-missing without a .dockerignore')).find((d) => codeOf(d) === 'dockerignore-missing')!;
      assert.equal(range(missing), '3:5-3:6');
      assert.match(missing.message, ko ? /`\.dockerignore`가 없습니다/ : /there is no `\.dockerignore`/);

      // A .dockerignore written on disk: the watcher re-lints; it lacks .git and leaves out config/.
      fs.writeFileSync(ignoreFile, 'node_modules\nconfig\n');
      const list = await diagnostics(uri, (l) => has('dockerignore-incomplete')(l) && has('copy-ignored-file')(l) && !has('dockerignore-missing')(l), 'incomplete + copy-ignored after creating .dockerignore');
      const ignored = list.find((d) => codeOf(d) === 'copy-ignored-file')!;
      assert.equal(range(ignored), '2:5-2:20');
      assert.match(ignored.message, ko ? /`\.dockerignore`의 2번째 줄 `config`/ : /line 2 of `\.dockerignore` \(`config`\)/);
      assert.equal((ignored.code as { target: vscode.Uri }).target.toString(), 'https://docs.docker.com/reference/build-checks/copy-ignored-file/');

      // The incomplete-list quick fix appends .git to the file.
      const incomplete = list.find((d) => codeOf(d) === 'dockerignore-incomplete')!;
      const append = (await quickFixes(uri, incomplete)).find((a) => a.isPreferred);
      assert.ok(append?.edit, 'an append fix');
      assert.ok(await vscode.workspace.applyEdit(append.edit));
      await vscode.workspace.saveAll(false);
      await waitFor('.git appended', () => fs.readFileSync(ignoreFile, 'utf8') === 'node_modules\nconfig\n.git\n' || undefined);
      await diagnostics(uri, (l) => !has('dockerignore-incomplete')(l) && has('copy-ignored-file')(l), 'incomplete gone after the fix');

      // Deleting the file brings the first finding back; its quick fix creates the file.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(ignoreFile);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const again = (await diagnostics(uri, (l) => has('dockerignore-missing')(l) && !has('copy-ignored-file')(l), 'dockerignore-missing again after deleting it')).find((d) => codeOf(d) === 'dockerignore-missing')!;
      const create = (await quickFixes(uri, again)).find((a) => a.isPreferred);
      assert.ok(create?.edit, 'a create fix');
      assert.match(create.title, ko ? /`\.dockerignore` 만들기/ : /Create `\.dockerignore`/);
      assert.ok(await vscode.workspace.applyEdit(create.edit));
      await vscode.workspace.saveAll(false);
      await waitFor('.dockerignore created', () => fs.existsSync(ignoreFile) && fs.readFileSync(ignoreFile, 'utf8') === 'node_modules\nnpm-debug.log\n.git\nDockerfile*\n.dockerignore\n' || undefined);
      await diagnostics(uri, (l) => !has('dockerignore-missing')(l) && !has('dockerignore-incomplete')(l), 'no context finding with the created file').catch((e: Error) => {
        throw new Error(`${e.message}: ${ours(uri).map(codeOf).join(', ')}`);
      });
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(ignoreFile, { force: true });
      fs.rmSync(pkg, { force: true });
      fs.rmSync(path.join(root, 'config'), { recursive: true, force: true });
    }
  });
});
