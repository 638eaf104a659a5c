// The Docker explorer inside a real extension host, against the daemon the launcher's
// environment names (DOCKER_HOST from `eval "$(node scripts/docker-fixture.mjs env)"`):
// the tree provider's getChildren returns the daemon's objects, and the commands act
// on the real daemon as the tree's context menus call them.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/explorer';
import type { ExplorerApi } from '../../src/explorer/vscode';
import { activateExtension, docker, dockerOk, requestedLocale } from './helpers';
import { waitFor } from '../support/waitFor';

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

describe('explorer (extension host, real daemon)', function () {
  this.timeout(180_000);
  let explorer: ExplorerApi;
  const names = {
    network: unique('suite-net'),
    volume: unique('suite-vol'),
    web: unique('suite-web'),
    idle: unique('suite-idle'),
    spare: unique('suite-spare-net'),
  };

  before(async function () {
    const api = await activateExtension();
    explorer = await api.explorer;
    const version = await docker(['version', '--format', '{{.Server.Version}}']);
    if (version.code !== 0) {
      const reason = `no Docker daemon at ${api.docker.endpoint.host} (start one with node scripts/docker-fixture.mjs up and export its DOCKER_HOST): ${version.stderr.trim()}`;
      if (process.env.REQUIRE_DOCKER === '1') throw new Error(reason);
      console.warn(`explorer suite skipped: ${reason}`);
      this.skip();
    }
    await dockerOk(['pull', '-q', 'nginx:alpine']);
    await dockerOk(['network', 'create', names.network]);
    await dockerOk(['network', 'create', names.spare]);
    await dockerOk(['volume', 'create', names.volume]);
    await dockerOk(['run', '-d', '--name', names.web, '--network', names.network, '-v', `${names.volume}:/data`, '-p', '80', 'nginx:alpine']);
    await dockerOk(['create', '--name', names.idle, 'nginx:alpine']);
    await explorer.model.refresh();
  });

  after(async function () {
    await docker(['rm', '-f', names.web, names.idle]);
    await docker(['network', 'rm', names.network, names.spare]);
    await docker(['volume', 'rm', '-f', names.volume]);
  });

  const item = (node: ExplorerNode) => explorer.provider.getTreeItem(node);
  const label = (node: ExplorerNode) => String(item(node).label);
  async function group(index: number): Promise<ExplorerNode[]> {
    const roots = await explorer.provider.getChildren();
    const g = roots[index];
    assert.ok(g && g.kind === 'group', `root ${index} is a group (${roots.map((r) => r.kind).join(', ')})`);
    return explorer.provider.getChildren(g);
  }
  async function find(index: number, name: string): Promise<ExplorerNode> {
    return waitFor(`${name} in the tree`, async () => (await group(index)).find((n) => label(n) === name));
  }

  it('shows the four groups in the UI language @l10n', async () => {
    const roots = await explorer.provider.getChildren();
    const labels = roots.map(label);
    assert.deepEqual(labels, requestedLocale().startsWith('ko') ? ['컨테이너', '이미지', '네트워크', '볼륨'] : ['Containers', 'Images', 'Networks', 'Volumes']);
    // No context chosen in the test: the description is the host, as DOCKER_HOST names it.
    assert.equal(explorer.view.description, process.env.DOCKER_HOST);
  });

  it('lists the daemon\'s containers, images, networks and volumes with their children', async () => {
    const web = await find(0, names.web);
    assert.equal(item(web).contextValue, 'container.running');
    assert.match(String(item(web).description), /^nginx:alpine · /);
    const port = (await explorer.provider.getChildren(web)).find((n) => n.kind === 'port');
    assert.ok(port && port.kind === 'port', 'the published port is a child');
    const published = (await dockerOk(['port', names.web, '80/tcp'])).split('\n')[0]?.split(':').pop();
    assert.equal(String(port.hostPort), published);
    assert.equal(item(port).command?.command, 'dockerLabs.explorer.container.openPort');
    assert.equal(item(await find(0, names.idle)).contextValue, 'container.created');

    assert.ok(await find(1, 'nginx:alpine'));

    const network = await find(2, names.network);
    assert.equal(item(network).contextValue, 'network.custom');
    const ip = await dockerOk(['inspect', '-f', `{{(index .NetworkSettings.Networks "${names.network}").IPAddress}}`, names.web]);
    const members = await explorer.provider.getChildren(network);
    assert.deepEqual(members.map((m) => [label(m), item(m).description]), [[names.web, ip]]);

    const volume = await find(3, names.volume);
    const users = await explorer.provider.getChildren(volume);
    assert.deepEqual(users.map(label), [names.web]);

    // Tooltips come on hover (resolveTreeItem), in Markdown.
    const resolved = explorer.provider.resolveTreeItem(item(network), network);
    assert.ok(resolved.tooltip instanceof vscode.MarkdownString, 'a Markdown tooltip');
    assert.ok(resolved.tooltip.value.replace(/\\/g, '').includes(names.network), resolved.tooltip.value);
  });

  it('filter: the tree shows only matching objects, the description says so, and clearing restores them', async () => {
    const ko = requestedLocale().startsWith('ko');
    await find(0, names.idle);
    try {
      await vscode.commands.executeCommand('dockerLabs.explorer.filter', { text: names.web, labOnly: false });
      const containers = await waitFor('only the web container', async () => {
        const list = (await group(0)).map(label);
        return list.length === 1 ? list : undefined;
      });
      assert.deepEqual(containers, [names.web]);
      assert.equal(explorer.view.description, ko ? `필터: ${names.web}` : `Filter: ${names.web}`);
      assert.deepEqual(explorer.filter.current, { text: names.web, labOnly: false });
      // Matching by image: nginx:alpine is the image of both suite containers.
      await vscode.commands.executeCommand('dockerLabs.explorer.filter', { text: 'nginx:alpine', labOnly: false });
      const byImage = (await group(0)).map(label);
      assert.ok(byImage.includes(names.web) && byImage.includes(names.idle), byImage.join(', '));
      assert.ok((await group(1)).map(label).includes('nginx:alpine'));
      assert.ok(!(await group(2)).map(label).includes(names.network), 'networks do not match the image text');
      // "This lab only": the description says it; with no lab open, it says that too and hides nothing.
      await vscode.commands.executeCommand('dockerLabs.explorer.filter', { text: names.web, labOnly: true });
      assert.match(String(explorer.view.description), ko ? /^필터: suite-web-\w+ · 이 실습만/ : /^Filter: suite-web-\w+ · this lab only/);
    } finally {
      await vscode.commands.executeCommand('dockerLabs.explorer.clearFilter');
    }
    assert.deepEqual(explorer.filter.current, { text: '', labOnly: false });
    assert.equal(explorer.view.description, process.env.DOCKER_HOST);
    const all = (await group(0)).map(label);
    assert.ok(all.includes(names.web) && all.includes(names.idle), all.join(', '));
    assert.ok((await group(2)).map(label).includes(names.network));
  });

  it('runs the container commands against the daemon', async () => {
    const state = () => dockerOk(['inspect', '-f', '{{.State.Status}}', names.web]);
    await vscode.commands.executeCommand('dockerLabs.explorer.container.stop', await find(0, names.web));
    assert.equal(await state(), 'exited');
    await vscode.commands.executeCommand('dockerLabs.explorer.container.start', await find(0, names.web));
    assert.equal(await state(), 'running');
    const started = await dockerOk(['inspect', '-f', '{{.State.StartedAt}}', names.web]);
    await vscode.commands.executeCommand('dockerLabs.explorer.container.restart', await find(0, names.web));
    assert.notEqual(await dockerOk(['inspect', '-f', '{{.State.StartedAt}}', names.web]), started);

    await vscode.commands.executeCommand('dockerLabs.explorer.container.inspect', await find(0, names.web));
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc && doc.uri.scheme === 'docker-labs-inspect', 'an inspect document opened');
    assert.equal(JSON.parse(doc.getText()).Name, `/${names.web}`);

    await vscode.commands.executeCommand('dockerLabs.explorer.container.logs', await find(0, names.web));
    assert.ok(vscode.window.terminals.some((t) => t.name === `logs: ${names.web}`), 'a logs terminal opened');

    await vscode.commands.executeCommand('dockerLabs.explorer.container.remove', await find(0, names.idle));
    assert.equal((await docker(['inspect', names.idle])).code, 1, 'the stopped container is gone');
  });

  it('runs the image, network and volume commands against the daemon', async () => {
    await vscode.commands.executeCommand('dockerLabs.explorer.image.history', await find(1, 'nginx:alpine'));
    const history = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.match(history, /^\$ docker history nginx:alpine/);
    assert.match(history, /CMD \["nginx"/);

    const network = await find(2, names.network);
    const member = (await explorer.provider.getChildren(network))[0];
    assert.ok(member && member.kind === 'networkMember');
    await vscode.commands.executeCommand('dockerLabs.explorer.network.disconnect', member);
    const nets = JSON.parse(await dockerOk(['inspect', '-f', '{{json .NetworkSettings.Networks}}', names.web]));
    assert.ok(!(names.network in nets), 'disconnected');

    await vscode.commands.executeCommand('dockerLabs.explorer.network.remove', await find(2, names.spare));
    assert.equal((await docker(['network', 'inspect', names.spare])).code, 1, 'the spare network is gone');

    await vscode.commands.executeCommand('dockerLabs.explorer.volume.inspect', await find(3, names.volume));
    assert.equal(JSON.parse(vscode.window.activeTextEditor?.document.getText() ?? '{}').Name, names.volume);
  });

  it('follows the daemon while the view is visible', async () => {
    await vscode.commands.executeCommand('dockerLabs.explorer.focus');
    await waitFor('the view to go live', () => (explorer.model.isLive ? true : undefined), 5000);
    const name = unique('suite-live');
    const changed = new Promise<void>((resolve) => {
      const sub = explorer.provider.onDidChangeTreeData(() => {
        sub.dispose();
        resolve();
      });
    });
    try {
      await dockerOk(['create', '--name', name, 'nginx:alpine']);
      // No refresh asked for: the event stream brings it.
      await waitFor(`${name} in the model`, () => ((explorer.model.state.data.containers ?? []).some((c) => c.Names[0] === `/${name}`) ? true : undefined), 5000);
      await changed;
      assert.ok(await find(0, name));
    } finally {
      await docker(['rm', '-f', name]);
    }
  });
});
