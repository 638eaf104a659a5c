// ShellCheck in a real extension host: its findings reach the Problems
// (vscode.languages.getDiagnostics) beside ours, with the SC code linked to
// the ShellCheck wiki, follow edits, and go away with the setting off or a
// bogus executable path while our diagnostics stay.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, workspaceDir } from './helpers';
import { waitFor } from '../support/waitFor';
import { needShellCheck } from '../support/shellcheck';

const bySource = (uri: vscode.Uri, source: string) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const where = (d: vscode.Diagnostic) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

let counter = 0;
async function open(content: string): Promise<vscode.TextEditor> {
  const dir = path.join(workspaceDir(), `shellcheck-${++counter}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'Dockerfile');
  fs.writeFileSync(file, content);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)));
}

describe('linter: ShellCheck (extension host)', function () {
  this.timeout(120_000);
  const settings = () => vscode.workspace.getConfiguration('dockerLabs.lint');

  before(async function () {
    needShellCheck(this);
    await activateExtension();
  });

  afterEach(async () => {
    await settings().update('shellcheck.enable', undefined, vscode.ConfigurationTarget.Workspace);
    await settings().update('shellcheck.path', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('ShellCheck findings come through getDiagnostics beside ours, at exact ranges of a continued RUN, and follow an edit', async () => {
    const editor = await open('FROM debian:12\nUSER app\nRUN apt-get update && \\\n    echo $dir\n');
    const uri = editor.document.uri;
    const sc = await waitFor('ShellCheck diagnostics', () => {
      const list = bySource(uri, 'ShellCheck');
      return list.some((d) => codeOf(d) === 'SC2086') ? list : undefined;
    });
    assert.deepEqual(sc.map(where).sort(), ['SC2086@3:9-3:13', 'SC2154@3:9-3:13']);
    const d = sc.find((x) => codeOf(x) === 'SC2086')!;
    assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(typeof d.code === 'object' ? d.code.target.toString() : '', 'https://www.shellcheck.net/wiki/SC2086');
    assert.ok(bySource(uri, 'docker-labs').length > 0, 'our own diagnostics are there too');

    // An edit above moves them down a line once ShellCheck has checked the new text.
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'WORKDIR /app\n'));
    await waitFor('moved ShellCheck diagnostics', () => (bySource(uri, 'ShellCheck').map(where).sort().join() === 'SC2086@4:9-4:13,SC2154@4:9-4:13' ? true : undefined));
  });

  it('ShellCheck goes away with dockerLabs.lint.shellcheck.enable off, and with a bogus path, while ours stay', async () => {
    const editor = await open('FROM debian:12\nUSER app\nRUN echo $dir\n');
    const uri = editor.document.uri;
    await waitFor('ShellCheck diagnostics', () => (bySource(uri, 'ShellCheck').length > 0 ? true : undefined));
    await settings().update('shellcheck.enable', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('no ShellCheck diagnostics', () => (bySource(uri, 'ShellCheck').length === 0 && bySource(uri, 'docker-labs').length > 0 ? true : undefined));
    await settings().update('shellcheck.enable', true, vscode.ConfigurationTarget.Workspace);
    await waitFor('ShellCheck diagnostics again', () => (bySource(uri, 'ShellCheck').length > 0 ? true : undefined));
    await settings().update('shellcheck.path', path.join(workspaceDir(), 'no-such-shellcheck'), vscode.ConfigurationTarget.Workspace);
    await waitFor('no ShellCheck diagnostics with a bogus path', () => (bySource(uri, 'ShellCheck').length === 0 && bySource(uri, 'docker-labs').length > 0 ? true : undefined));
  });
});
