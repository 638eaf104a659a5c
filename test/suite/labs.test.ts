// The Labs view and terminal help in a real extension host: showing the view loads the
// labs (its placeholder hands over to the real view), the view lists sessions with their
// progress and ticks as a step passes; a `docker run` typed in a terminal with shell
// integration that fails with "name already in use" is helped once, and the second
// identical failure stays quiet.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { activateExtension, docker, workspaceDir } from './helpers';

interface TreeSession {
  sessionId: string;
  title: string;
  passed: number;
  total: number;
  steps: { stepId: string; state: string }[];
}

const MD = `# Labs view lab

## Write a file {#write}

\`\`\`bash
echo labs-view > labs-view.txt
\`\`\`

## Expect an error {#expected}

\`\`\`bash
ls /definitely-not-here-labs-view
\`\`\`
`;

const YAML = `id: suite-labs-view
title: { ko: 실습 보기, en: Labs view lab }
steps:
  - id: write
    checks:
      - file: labs-view.txt
        contains: labs-view
  - id: expected
    expect: { failure: true, output: 'No such file or directory' }
    solution: { ko: "\`ls\`가 실패해야 합니다", en: "\`ls\` must fail" }
`;

describe('Labs view and terminal help (extension host)', function () {
  this.timeout(180_000);

  before(async () => {
    await activateExtension();
  });

  it('showing the Labs view loads the labs; it lists every built-in session and ticks as steps pass', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('dockerLabs.labs.focus');
    await waitFor('the lab chunk loaded by the view', () => api.capabilities.loaded().includes('lab'), 30_000);

    const dir = path.join(workspaceDir(), 'suite-labs-view');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'lesson.md'), MD);
    fs.writeFileSync(path.join(dir, 'lesson.lab.yaml'), YAML);
    fs.rmSync(path.join(workspaceDir(), 'labs-view.txt'), { force: true });
    const session = await vscode.commands.executeCommand<{ id: string; panel?: vscode.WebviewPanel }>('dockerLabs.lab.openMarkdown', vscode.Uri.file(path.join(dir, 'lesson.md')));
    assert.equal(session.id, 'suite-labs-view');

    const items = async () => (await vscode.commands.executeCommand<TreeSession[]>('dockerLabs.lab.labsViewItems')) ?? [];
    const before = (await items()).find((s) => s.sessionId === 'suite-labs-view');
    assert.ok(before, 'the open lab is listed');
    assert.equal(before.total, 2);
    for (const id of ['basics', 'images-containers', 'image-management']) assert.ok((await items()).some((s) => s.sessionId === id), `built-in ${id} listed`);

    await vscode.commands.executeCommand('dockerLabs.lab.runStep', { sessionId: 'suite-labs-view', stepId: 'write' });
    await vscode.commands.executeCommand('dockerLabs.lab.runStep', 'suite-labs-view', 'expected');
    const after = (await items()).find((s) => s.sessionId === 'suite-labs-view')!;
    assert.equal(after.passed, 2);
    assert.deepEqual(after.steps.map((s) => [s.stepId, s.state]), [['write', 'passed'], ['expected', 'expected-failure-seen']]);
    assert.ok(session.panel?.webview.html.includes('data-action="solution" data-step="expected"'), 'the solution button is in the lab view');
    // Opening the solution (the page's message) is counted in the stored progress, once per opening.
    const reveals = async () => ((await vscode.commands.executeCommand<{ progress: { steps: Record<string, { solutionReveals?: number }> } }>('dockerLabs.lab.openMarkdown', vscode.Uri.file(path.join(dir, 'lesson.md')))).progress.steps.expected?.solutionReveals ?? 0);
    const seen = await reveals();
    await vscode.commands.executeCommand('dockerLabs.lab.viewMessage', { type: 'solution', sessionId: 'suite-labs-view', stepId: 'expected' });
    await vscode.commands.executeCommand('dockerLabs.lab.viewMessage', { type: 'solution', sessionId: 'suite-labs-view', stepId: 'expected' });
    assert.equal(await reveals(), seen + 2);
    // A step without a solution records nothing.
    await vscode.commands.executeCommand('dockerLabs.lab.viewMessage', { type: 'solution', sessionId: 'suite-labs-view', stepId: 'write' });
    assert.equal((await vscode.commands.executeCommand<{ progress: { steps: Record<string, { solutionReveals?: number }> } }>('dockerLabs.lab.openMarkdown', vscode.Uri.file(path.join(dir, 'lesson.md')))).progress.steps.write?.solutionReveals, undefined);
    session.panel?.dispose();
  });

  it('the lab view creates a file fence\'s file and runs a command link to our own commands only', async () => {
    const dir = path.join(workspaceDir(), 'suite-lab-controls');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'controls.md'),
      [
        '# Controls',
        '',
        '## Write the Dockerfile {#write}',
        '',
        '```dockerfile file=made/Dockerfile',
        'FROM busybox:latest',
        'CMD ["echo", "controls"]',
        '```',
        '',
        '[Labs](command:dockerLabs.lab.labsViewItems) [send](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20pwned%5Cn%22%7D)',
        '',
        '```bash',
        'docker build -t suite-controls made',
        '```',
        '',
        '```text file=../suite-outside.txt',
        'not written',
        '```',
        '',
      ].join('\n'),
    );
    const session = await vscode.commands.executeCommand<{ id: string; workdir: string; panel?: vscode.WebviewPanel }>('dockerLabs.lab.openMarkdown', vscode.Uri.file(path.join(dir, 'controls.md')));
    const html = session.panel?.webview.html ?? '';
    assert.ok(html.includes('data-action="createFile" data-file="0"'), 'the file fence has its button');
    assert.equal((html.match(/data-action="command"/g) ?? []).length, 1, 'only our own command is a link');
    assert.ok(!html.includes('href="command:'), 'no command URI in the page');
    const target = path.join(session.workdir, 'made', 'Dockerfile');
    fs.rmSync(target, { force: true });

    const post = (message: Record<string, unknown>) => vscode.commands.executeCommand('dockerLabs.lab.viewMessage', { sessionId: session.id, ...message });
    const written = await post({ type: 'createFile', file: 0 });
    assert.equal(written, target);
    assert.equal(fs.readFileSync(target, 'utf8'), 'FROM busybox:latest\nCMD ["echo", "controls"]\n');
    await waitFor('the created file open in an editor', () => vscode.window.visibleTextEditors.some((e) => e.document.uri.fsPath === target), 10_000);
    // The same content again: nothing to ask, the file stays as it is.
    assert.equal(await post({ type: 'createFile', file: 0 }), target);

    // A fence naming a file outside the lab folder is refused, and nothing is written there.
    const outside = path.join(path.dirname(session.workdir), 'suite-outside.txt');
    fs.rmSync(outside, { force: true });
    assert.equal(await post({ type: 'createFile', file: 1 }), undefined, 'a path outside the lab folder is refused');
    assert.equal(fs.existsSync(outside), false, 'nothing written outside the lab folder');

    // The copy button of the build block (block 1: the file fence is block 0) reaches the real clipboard.
    await vscode.env.clipboard.writeText('before copy');
    assert.equal(await post({ type: 'copy', block: 1 }), 'docker build -t suite-controls made');
    assert.equal(await vscode.env.clipboard.readText(), 'docker build -t suite-controls made');

    const items = (await post({ type: 'command', link: 0 })) as TreeSession[] | undefined;
    assert.ok(items?.some((s) => s.sessionId === session.id), 'the link ran dockerLabs.lab.labsViewItems');
    assert.equal(await post({ type: 'command', link: 1 }), undefined, 'the refused link has no index');
    assert.equal(await post({ type: 'command', command: 'workbench.action.terminal.sendSequence' }), undefined, 'a message naming a command is dropped');
    session.panel?.dispose();
  });

  it('a failed docker run typed in a terminal is helped once; the second identical failure stays quiet', async function () {
    const name = `suite-help-${Math.random().toString(36).slice(2, 7)}`;
    const made = await docker(['create', '--name', name, 'busybox:latest', 'true']);
    if (made.code !== 0) {
      if (process.env.REQUIRE_DOCKER === '1') throw new Error(`no Docker daemon: ${made.stderr}`);
      this.skip();
    }
    try {
      const terminal = vscode.window.createTerminal({ name: 'suite terminal help', cwd: workspaceDir() });
      terminal.show();
      const integration = await waitFor('shell integration in the terminal', () => terminal.shellIntegration, 30_000);
      const report = async () => (await vscode.commands.executeCommand<{ failures: number; offered: string[] }>('dockerLabs.terminalHelp.report'))!;
      const start = await report();
      const ended = (n: number) => waitFor(`${n} failed docker command(s) read`, async () => (await report()).failures >= start.failures + n, 30_000);

      integration.executeCommand(`docker run --name ${name} busybox:latest true`);
      await ended(1);
      assert.deepEqual((await report()).offered.filter((k) => k === 'name-in-use'), ['name-in-use'], 'the first failure is helped');

      integration.executeCommand(`docker run --name ${name} busybox:latest true`);
      await ended(2);
      assert.deepEqual((await report()).offered.filter((k) => k === 'name-in-use'), ['name-in-use'], 'the second identical failure stays quiet');
      terminal.dispose();
    } finally {
      await docker(['rm', '-f', name]);
    }
  });
});
