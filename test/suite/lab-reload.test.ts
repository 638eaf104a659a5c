// Lab progress across a real reload of the extension (issue 5). The launcher
// (scripts/test-vscode.mjs) runs the `@reload-1` test in one window, closes that
// window (its extension host process ends), then runs the `@reload-2` test in a
// new window with the same profile and workspace. The first window passes a
// step through the lab commands and then removes what the step's check looks
// at, so the second window can only find the step passed in stored progress.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, extension, workspaceDir } from './helpers';
import { waitFor } from '../support/waitFor';

interface StepResultLike {
  status: string;
  reason?: { en: string };
}
interface SessionLike {
  id: string;
  progress: { steps: Record<string, { status: string; at?: string; byHand?: boolean }> };
  panel?: vscode.WebviewPanel;
}
/** What the first window leaves in the workspace for the second. */
interface Handover {
  pid: number;
  passedAt: string;
}

const SESSION_ID = 'suite-reload-lab';
const STEP_ID = 'write-note';
// doneContextKey(): every character outside [A-Za-z0-9] of the ids becomes `_`.
const DONE_KEY = 'dockerLabs.done.suite_reload_lab.write_note';
const CHECKED_FILE = 'reload-note.txt';

const MD = `# Reload lab

## Write a note {#${STEP_ID}}

\`\`\`bash
echo kept-across-reloads > ${CHECKED_FILE}
\`\`\`
`;

const SIDECAR = `id: ${SESSION_ID}
title: { ko: 다시 불러오기 실습, en: Reload lab }
steps:
  - id: ${STEP_ID}
    checks:
      - file: ${CHECKED_FILE}
        contains: kept-across-reloads
`;

const labDir = (): string => path.join(workspaceDir(), 'reload-lab');
const labUri = (): vscode.Uri => vscode.Uri.file(path.join(labDir(), 'lesson.md'));
const checkedFile = (): string => path.join(workspaceDir(), CHECKED_FILE);
const handoverFile = (): string => path.join(workspaceDir(), 'reload-handover.json');

describe('lab progress across a reload of the extension', function () {
  this.timeout(120_000);

  it('@reload-1 passes a lab step through the lab commands before the window closes', async () => {
    await activateExtension();
    fs.mkdirSync(labDir(), { recursive: true });
    fs.writeFileSync(path.join(labDir(), 'lesson.md'), MD);
    fs.writeFileSync(path.join(labDir(), 'lesson.lab.yaml'), SIDECAR);
    fs.rmSync(checkedFile(), { force: true });
    fs.rmSync(handoverFile(), { force: true });

    const session = await vscode.commands.executeCommand<SessionLike>('dockerLabs.lab.openMarkdown', labUri());
    assert.equal(session?.id, SESSION_ID);
    assert.notEqual(session.progress.steps[STEP_ID]?.status, 'passed', 'a fresh profile has no progress');
    const before = await vscode.commands.executeCommand<StepResultLike>('dockerLabs.lab.checkStep', SESSION_ID, STEP_ID);
    assert.equal(before.status, 'failed', 'the check fails before the step ran');

    const ran = await vscode.commands.executeCommand<StepResultLike>('dockerLabs.lab.runStep', SESSION_ID, STEP_ID);
    assert.equal(ran.status, 'passed', ran.reason?.en);
    const checked = await vscode.commands.executeCommand<StepResultLike>('dockerLabs.lab.checkStep', SESSION_ID, STEP_ID);
    assert.equal(checked.status, 'passed', checked.reason?.en);
    const passedAt = session.progress.steps[STEP_ID]?.at;
    assert.ok(passedAt, 'the passed step has a time');
    session.panel?.dispose();

    // From here on the check would fail: only stored progress can say "passed" after the reload.
    fs.rmSync(checkedFile());
    const handover: Handover = { pid: process.pid, passedAt };
    fs.writeFileSync(handoverFile(), JSON.stringify(handover));
  });

  it('@reload-2 finds the step passed and its walkthrough context key set again in a new extension host', async () => {
    assert.ok(fs.existsSync(handoverFile()), 'the first window (@reload-1) ran in this workspace');
    const handover = JSON.parse(fs.readFileSync(handoverFile(), 'utf8')) as Handover;
    assert.notEqual(process.pid, handover.pid, 'a new extension host process');
    assert.equal(extension().isActive, false, 'Docker Labs is not active yet in the new window (its activation is what is observed)');

    // Context keys cannot be read through the API: watch the `setContext` calls that
    // activation makes (the extension and this suite share one `vscode` API object).
    const setContext: unknown[][] = [];
    const commands = vscode.commands as { executeCommand: typeof vscode.commands.executeCommand };
    const executeCommand = commands.executeCommand;
    commands.executeCommand = <T>(command: string, ...rest: unknown[]): Thenable<T> => {
      if (command === 'setContext') setContext.push(rest);
      return executeCommand<T>(command, ...rest);
    };
    try {
      await activateExtension();
      // restoreContextKeys() runs without being awaited by activate().
      await waitFor(`setContext ${DONE_KEY}`, () => setContext.find(([key]) => key === DONE_KEY), 15_000);
    } finally {
      commands.executeCommand = executeCommand;
    }
    assert.deepEqual(setContext.find(([key]) => key === DONE_KEY), [DONE_KEY, true]);

    const session = await vscode.commands.executeCommand<SessionLike>('dockerLabs.lab.openMarkdown', labUri());
    assert.equal(session?.id, SESSION_ID);
    const step = session.progress.steps[STEP_ID];
    assert.equal(step?.status, 'passed', JSON.stringify(session.progress.steps));
    assert.equal(step.at, handover.passedAt, 'the record the first window stored, not a new check');
    assert.equal(step.byHand, false);

    // The check itself is live: the file is gone, so checking now fails.
    assert.equal(fs.existsSync(checkedFile()), false);
    const recheck = await vscode.commands.executeCommand<StepResultLike>('dockerLabs.lab.checkStep', SESSION_ID, STEP_ID);
    assert.equal(recheck.status, 'failed');
    session.panel?.dispose();
  });
});
