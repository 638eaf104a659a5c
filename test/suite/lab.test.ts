// The lab engine inside a real extension host: a step runs in a real integrated terminal
// and its exit code comes back through shell integration; a passing check records the
// step as done (and sets the walkthrough context key); progress survives closing and
// reopening the lab because it lives in global state (a real reload, in a new extension
// host: lab-reload.test.ts).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, workspaceDir } from './helpers';

interface StepResultLike {
  stepId: string;
  status: string;
  reason?: { en: string };
  commands: { text: string; outcome?: { exitCode?: number; observed: boolean; output?: string } }[];
}
interface SessionLike {
  id: string;
  progress: { steps: Record<string, { status: string; byHand?: boolean }> };
  panel?: vscode.WebviewPanel;
}

const MD = `# Terminal lab

## Say hello {#hello}

\`\`\`bash
echo hello-from-lab > lab-hello.txt
\`\`\`

## Fail on purpose {#fails}

\`\`\`bash
sh -c 'echo about to fail; exit 3'
\`\`\`

## Expected failure {#expected}

\`\`\`bash
ls /definitely-not-here-lab
\`\`\`
`;

const YAML = `id: suite-terminal-lab
title: { ko: 터미널 실습, en: Terminal lab }
steps:
  - id: hello
    checks:
      - file: lab-hello.txt
        contains: hello-from-lab
  - id: expected
    expect: { failure: true, output: 'No such file or directory' }
`;

describe('lab engine in the extension host', function () {
  this.timeout(120_000);
  let mdUri: vscode.Uri;

  before(async () => {
    await activateExtension();
    const dir = path.join(workspaceDir(), 'suite-lab');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'lesson.md'), MD);
    fs.writeFileSync(path.join(dir, 'lesson.lab.yaml'), YAML);
    fs.rmSync(path.join(workspaceDir(), 'lab-hello.txt'), { force: true });
    mdUri = vscode.Uri.file(path.join(dir, 'lesson.md'));
  });

  it('opens any Markdown as a lab in a webview panel', async () => {
    const session = await vscode.commands.executeCommand<SessionLike>('dockerLabs.lab.openMarkdown', mdUri);
    assert.ok(session, 'a session');
    assert.equal(session.id, 'suite-terminal-lab');
    assert.ok(session.panel, 'the lab view is open');
    assert.ok(session.panel.webview.html.includes('data-action="run" data-step="hello" data-index="0"'));
    assert.ok(/script-src 'nonce-[^']+'/.test(session.panel.webview.html), 'CSP with a nonce');
  });

  it('runs a step in the lab terminal and records its exit code (shell integration)', async () => {
    const result = await vscode.commands.executeCommand<StepResultLike>('dockerLabs.lab.runStep', 'suite-terminal-lab', 'fails');
    assert.ok(result, 'a result');
    const terminal = vscode.window.terminals.find((t) => t.name.includes('Terminal lab') || t.name.includes('터미널 실습'));
    assert.ok(terminal, `a terminal named for the lab: ${vscode.window.terminals.map((t) => t.name).join(', ')}`);
    assert.ok(terminal.shellIntegration, 'shell integration is active in the lab terminal');
    const outcome = result.commands[0].outcome!;
    assert.equal(outcome.observed, true);
    assert.equal(outcome.exitCode, 3);
    assert.match(outcome.output ?? '', /about to fail/);
    assert.equal(result.status, 'failed');
    assert.match(result.reason!.en, /exit code 3/);
  });

  it('recognises an expected failure from the terminal output', async () => {
    const result = await vscode.commands.executeCommand<StepResultLike>('dockerLabs.lab.runStep', 'suite-terminal-lab', 'expected');
    assert.equal(result.status, 'passed', result.reason?.en);
    assert.notEqual(result.commands[0].outcome!.exitCode, 0);
  });

  it('a passing check marks the step done and stores it', async () => {
    const result = await vscode.commands.executeCommand<StepResultLike>('dockerLabs.lab.runStep', 'suite-terminal-lab', 'hello');
    assert.equal(result.status, 'passed', result.reason?.en);
    assert.equal(fs.readFileSync(path.join(workspaceDir(), 'lab-hello.txt'), 'utf8').trim(), 'hello-from-lab');
    const again = await vscode.commands.executeCommand<StepResultLike>('dockerLabs.lab.checkStep', 'suite-terminal-lab', 'hello');
    assert.equal(again.status, 'passed');
  });

  it('progress survives closing and reopening the lab (read back from global state)', async () => {
    // Closing the view ends the session; nothing of it stays in memory …
    const open = await vscode.commands.executeCommand<SessionLike>('dockerLabs.lab.openMarkdown', mdUri);
    open.panel?.dispose();
    // … then open the lab again: a new session reads its progress back from global state.
    const reopened = await vscode.commands.executeCommand<SessionLike>('dockerLabs.lab.openMarkdown', mdUri);
    assert.equal(reopened.progress.steps.hello?.status, 'passed');
    assert.equal(reopened.progress.steps.fails?.status, 'failed');
    reopened.panel?.dispose();
  });

  it('a malformed lab.yaml opens nothing and lands in the Problems panel with its position', async () => {
    const dir = path.join(workspaceDir(), 'broken-lab');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'ko.md'), '# 깨진 실습\n\n## 단계 {#one}\n\n```bash\ndocker ps\n```\n');
    fs.writeFileSync(path.join(dir, 'lab.yaml'), 'id: broken\ntitle: 깨진 실습\nsteps:\n  - id: one\n    checks:\n      - container: web\n        stat: running\n');
    const session = await vscode.commands.executeCommand<SessionLike | undefined>('dockerLabs.lab.open', dir);
    assert.equal(session, undefined, 'nothing half-opens');
    const diagnostics = vscode.languages.getDiagnostics(vscode.Uri.file(path.join(dir, 'lab.yaml')));
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(diagnostics[0].range.start.line, 6);
    assert.equal(diagnostics[0].range.start.character, 8);
    assert.match(diagnostics[0].message, /stat/);
    assert.equal(diagnostics[0].source, 'docker-labs');
    // Fixed and opened again: the problem goes away.
    fs.writeFileSync(path.join(dir, 'lab.yaml'), 'id: broken\ntitle: 깨진 실습\nsteps:\n  - id: one\n');
    const fixed = await vscode.commands.executeCommand<SessionLike>('dockerLabs.lab.open', dir);
    assert.equal(fixed.id, 'broken');
    assert.equal(vscode.languages.getDiagnostics(vscode.Uri.file(path.join(dir, 'lab.yaml'))).length, 0);
    fixed.panel?.dispose();
  });
});
