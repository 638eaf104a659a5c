// The live network diagram inside a real extension host, against the fixture daemon: the
// command opens the webview, its script reports what it drew, and creating a network and a
// container on the daemon redraws it (from the explorer's event stream, not a poll).
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../src/explorer/vscode';
import { activateExtension, docker, dockerOk } from './helpers';
import { waitFor } from '../support/waitFor';

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

describe('network diagram (extension host, real daemon)', function () {
  this.timeout(180_000);
  let explorer: ExplorerApi;
  const names = { network: unique('diag-net'), web: unique('diag-web'), late: unique('diag-late-net'), lateWeb: unique('diag-late-web') };

  before(async function () {
    const api = await activateExtension();
    explorer = await api.explorer;
    const version = await docker(['version']);
    if (version.code !== 0) {
      const reason = `no Docker daemon at ${api.docker.endpoint.host}: ${version.stderr.trim()}`;
      if (process.env.REQUIRE_DOCKER === '1') throw new Error(reason);
      console.warn(`network diagram suite skipped: ${reason}`);
      this.skip();
    }
    await dockerOk(['pull', '-q', 'nginx:alpine']);
    await dockerOk(['network', 'create', names.network]);
    await dockerOk(['run', '-d', '--name', names.web, '--network', names.network, '-p', '80', 'nginx:alpine']);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await docker(['rm', '-f', names.web, names.lateWeb]);
    await docker(['network', 'rm', names.network, names.late]);
  });

  it('opens from its command and draws the daemon\'s networks and containers', async () => {
    await vscode.commands.executeCommand('dockerLabs.explorer.network.diagram');
    const drawn = await waitFor('the diagram drawn with the pair network', () => explorer.diagram.drawn?.ok && explorer.diagram.drawn.source.includes(names.web) && explorer.diagram.drawn, 30_000);
    assert.match(drawn.source, /^flowchart LR\n/);
    assert.match(drawn.source, new RegExp(`subgraph n\\d+\\["${names.network} · bridge`));
    assert.match(drawn.source, new RegExp(`${names.web}<br/>nginx:alpine<br/>[\\d.]+<br/>\\d+→80/tcp`), 'its IP and published port');
    assert.ok(explorer.model.isLive, 'the diagram keeps the explorer model live');
  });

  it('is redrawn after a network and a container are created on the daemon', async () => {
    const before = explorer.diagram.drawn?.version ?? 0;
    await dockerOk(['network', 'create', names.late]);
    await waitFor('the new network drawn', () => explorer.diagram.drawn?.ok && explorer.diagram.drawn.source.includes(`"${names.late} · bridge`) && explorer.diagram.drawn, 20_000);
    await dockerOk(['create', '--name', names.lateWeb, '--network', names.late, 'nginx:alpine']);
    const drawn = await waitFor('the new container drawn in it', () => explorer.diagram.drawn?.ok && explorer.diagram.drawn.source.includes(`${names.lateWeb}<br/>`) && explorer.diagram.drawn, 20_000);
    assert.ok(drawn.version > before);
    assert.match(drawn.source, new RegExp(`${names.lateWeb}<br/>nginx:alpine<br/>\\(created\\)"\\]:::stopped`));
  });
});
