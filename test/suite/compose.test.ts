// Compose in the real VS Code: a project brought up with the machine's Compose shows
// as a group in the explorer tree (project → services → containers), and the group's
// actions and Convert to Compose run through vscode.commands.executeCommand against
// the real daemon.
import * as assert from 'assert/strict';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/explorer';
import type { ExplorerApi } from '../../src/explorer/vscode';
import { activateExtension, workspaceDir } from './helpers';

function run(file: string, args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { ...process.env, DOCKER_CLI_HINTS: 'false' }, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

async function composeCli(): Promise<string[]> {
  if ((await run('docker', ['compose', 'version'])).code === 0) return ['docker', 'compose'];
  return ['docker-compose'];
}

async function states(project: string): Promise<Record<string, string>> {
  const r = await run('docker', ['ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Label "com.docker.compose.service"}}={{.State}}']);
  return Object.fromEntries(r.stdout.trim().split('\n').filter(Boolean).map((l) => l.split('=') as [string, string]));
}

describe('compose (extension host, real daemon)', function () {
  this.timeout(240_000);
  let explorer: ExplorerApi;
  const project = `suiteshop${Math.random().toString(36).slice(2, 7)}`;
  const plain = `suite-plain-${Math.random().toString(36).slice(2, 7)}`;
  let dir: string;
  let cli: string[];

  before(async function () {
    explorer = await (await activateExtension()).explorer;
    const version = await run('docker', ['version', '--format', '{{.Server.Version}}']);
    if (version.code !== 0) {
      if (process.env.REQUIRE_DOCKER === '1') throw new Error(`no Docker daemon: ${version.stderr}`);
      this.skip();
    }
    cli = await composeCli();
    dir = path.join(workspaceDir(), project);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx:alpine\n  cache:\n    image: redis:alpine\n');
    const [file = 'docker-compose', ...rest] = cli;
    const up = await run(file, [...rest, '-p', project, 'up', '-d'], dir);
    assert.equal(up.code, 0, up.stderr);
    const made = await run('docker', ['run', '-d', '--name', plain, '-e', 'MODE=demo', 'nginx:alpine']);
    assert.equal(made.code, 0, made.stderr);
    await explorer.model.refresh();
  });

  after(async () => {
    const [file = 'docker-compose', ...rest] = cli ?? [];
    if (dir) await run(file, [...rest, '-p', project, 'down'], dir);
    await run('docker', ['rm', '-f', plain]);
  });

  const containersGroup = async () => {
    const roots = await explorer.provider.getChildren();
    return explorer.provider.getChildren(roots[0]);
  };
  const projectNode = async () => {
    const found = (await containersGroup()).find((n) => n.kind === 'composeProject' && n.project.name === project);
    assert.ok(found, `no group for ${project}`);
    return found;
  };

  it('shows the project as a group of services and containers; the plain container stays ungrouped', async () => {
    const group = await projectNode();
    const item = explorer.provider.getTreeItem(group);
    assert.equal(item.label, project);
    assert.equal(item.contextValue, 'composeProject.running');
    const services = await explorer.provider.getChildren(group);
    assert.deepEqual(services.map((s) => explorer.provider.getTreeItem(s).label), ['cache', 'web']);
    for (const s of services) {
      const containers = await explorer.provider.getChildren(s);
      assert.equal(containers.length, 1);
      assert.equal(containers[0]?.kind, 'container');
    }
    assert.ok((await containersGroup()).some((n) => n.kind === 'container' && explorer.provider.getTreeItem(n).label === plain));
  });

  it('runs the group actions through executeCommand: stop, restart a service, up', async () => {
    assert.equal(await vscode.commands.executeCommand('dockerLabs.explorer.compose.stop', await projectNode()), true);
    assert.deepEqual(await states(project), { web: 'exited', cache: 'exited' });
    await explorer.model.refresh();
    const web = (await explorer.provider.getChildren(await projectNode())).find((s) => s.kind === 'composeService' && s.service.name === 'web') as ExplorerNode;
    assert.equal(await vscode.commands.executeCommand('dockerLabs.explorer.compose.restart', web), true);
    assert.deepEqual(await states(project), { web: 'running', cache: 'exited' });
    assert.equal(await vscode.commands.executeCommand('dockerLabs.explorer.compose.up', await projectNode()), true);
    assert.deepEqual(await states(project), { web: 'running', cache: 'running' });
  });

  it('converts a container to a compose.yaml in a new editor', async () => {
    await explorer.model.refresh();
    const node = (await containersGroup()).find((n) => n.kind === 'container' && explorer.provider.getTreeItem(n).label === plain);
    const result = (await vscode.commands.executeCommand('dockerLabs.explorer.compose.convert', node)) as { uri: string; text: string };
    assert.match(result.text, new RegExp(`services:\\n  ${plain}:\\n    image: nginx:alpine\\n    environment:\\n      MODE: demo`));
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri);
    assert.ok(doc, 'the compose.yaml is open');
    assert.equal(doc.getText(), result.text);
    assert.equal(doc.uri.scheme, 'untitled');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('runs Compose Down on the project file from its directory', async () => {
    const file = vscode.Uri.file(path.join(dir, 'compose.yaml'));
    const result = (await vscode.commands.executeCommand('dockerLabs.explorer.compose.downFile', file)) as { argv: string[]; cwd: string };
    assert.deepEqual(result.argv.slice(-3), ['-f', 'compose.yaml', 'down']);
    assert.equal(result.cwd, dir);
    assert.equal(await vscode.commands.executeCommand('dockerLabs.explorer.compose.down', await projectNode()), true);
    assert.deepEqual(await states(project), {});
  });
});
