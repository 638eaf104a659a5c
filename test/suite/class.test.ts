// The Class view in the real VS Code against the fixture daemon: it opens through its lazy
// command, draws the grid of pairs × steps, follows the Docker event stream (a network made
// by the docker CLI ticks pair 26's step without a refresh), merges a progress file, exports
// the CSV (Korean headers, a BOM for spreadsheets) and resets one pair only.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { activateExtension, docker, workspaceDir } from './helpers';

describe('Class view (extension host, real daemon)', function () {
  this.timeout(180_000);
  const cleanup = () => Promise.all([docker(['rm', '-f', 'pair26-web-server', 'pair25-web-server']), docker(['network', 'rm', 'pair26-network']), docker(['network', 'rm', 'pair25-network'])]);

  before(async function () {
    await activateExtension();
    if ((await docker(['version', '--format', '{{.Server.Version}}'])).code !== 0) {
      if (process.env.REQUIRE_DOCKER === '1') throw new Error('no Docker daemon');
      this.skip();
    }
    await cleanup();
  });
  after(cleanup);

  it('opens the grid, follows the event stream, merges progress, exports CSV and resets one pair only', async () => {
    const api = await activateExtension();
    const grid = (await vscode.commands.executeCommand('dockerLabs.class.open', 'image-management', 26)) as { rows: { pair: number; cells: { stepId: string; status: string }[] }[]; steps: unknown[] };
    assert.ok(api.capabilities.loaded().includes('class'));
    assert.equal(grid.rows.length, 26);
    const classroom = await api.classroom;
    assert.match(classroom.html ?? '', /<table id="grid">/);

    const cell = (pair: number, step: string) => classroom.grid?.rows.find((r) => r.pair === pair)?.cells.find((c) => c.stepId === step);
    assert.equal(cell(26, 'create-network')?.status, 'not-started');
    assert.equal((await docker(['network', 'create', 'pair26-network'])).code, 0);
    assert.equal((await docker(['network', 'create', 'pair25-network'])).code, 0);
    // No refresh asked: the event stream brings it.
    await waitFor('pair 26 create-network ✓ from the event stream', () => cell(26, 'create-network')?.status === 'passed' && cell(25, 'create-network')?.status === 'passed', 30_000);
    assert.match(classroom.html ?? '', /data-pair="26" data-step="create-network"[^>]*>✓/);

    const file = vscode.Uri.file(path.join(workspaceDir(), 'pair26-progress.json'));
    fs.writeFileSync(file.fsPath, JSON.stringify([{ session: 'image-management', title: { ko: '', en: '' }, exported: '2026-12-01T10:00:00Z', variables: { pair: '26' }, summary: {}, steps: [{ id: 'duplicate-network', title: '', status: 'passed', byHand: false, at: '2026-12-01T09:00:00Z' }] }]));
    await vscode.commands.executeCommand('dockerLabs.class.mergeProgress', [file]);
    assert.equal(cell(26, 'duplicate-network')?.status, 'passed');
    assert.equal(cell(25, 'duplicate-network')?.status, 'not-started');

    const csvUri = vscode.Uri.file(path.join(workspaceDir(), 'class.csv'));
    await vscode.commands.executeCommand('dockerLabs.class.exportCsv', csvUri);
    const csv = fs.readFileSync(csvUri.fsPath, 'utf8');
    const korean = vscode.env.language.startsWith('ko');
    assert.ok(csv.startsWith(korean ? '\uFEFF페어,pull-images,' : '\uFEFFpair,pull-images,'), csv.slice(0, 40));
    assert.equal(csv.trim().split('\r\n').length, 27);

    const reset = (await vscode.commands.executeCommand('dockerLabs.class.resetPair', 26, true)) as { lines: string[]; errors: string[] };
    assert.deepEqual(reset.lines, ['remove network pair26-network']);
    assert.deepEqual(reset.errors, []);
    assert.equal((await docker(['network', 'inspect', 'pair26-network'])).code, 1);
    assert.equal((await docker(['network', 'inspect', 'pair25-network'])).code, 0, "pair 26's reset removed pair 25's network");
    await waitFor('pair 26 back to not started', () => cell(26, 'create-network')?.status === 'not-started', 30_000);
    assert.equal(cell(25, 'create-network')?.status, 'passed');
  });
});
