// Compose commands. On a project group of the tree: up, down, restart, stop, logs; on a
// service: restart, stop, logs. On a compose file (file explorer, editor title):
// Compose Up / Down in a terminal from the file's directory. Convert to Compose writes
// a compose.yaml for the selected containers. Each prints its `docker compose` (or
// `docker-compose`) line first; logs and file actions run in a terminal the learner keeps.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  composeArgv,
  composeFileArgv,
  convertToCompose,
  detectComposeCli,
  isComposeFileName,
  runCompose,
  type ComposeAction,
  type ComposeCli,
  type ComposeProject,
  type ContainerInspect,
  type ImageInspect,
} from '../../../compose';
import { cliEnvironment } from '../../../docker';
import { containerName, type ContainerSummary } from '../../daemonLists';
import { commandLine } from '../../format';
import type { ExplorerNode } from '../../tree';
import type { CommandContext, CommandFactory } from '../commandContext';

/** The environment that points the Compose CLI at the explorer's daemon (as the terminals are pointed). */
function cliEnv(ctx: CommandContext): NodeJS.ProcessEnv {
  return { ...process.env, ...cliEnvironment(ctx.docker.endpoint) };
}

let probed: Promise<ComposeCli | undefined> | undefined;

/** `docker compose` when the machine has it, else `docker-compose`; asked once (again after a miss). */
async function composeCli(ctx: CommandContext): Promise<ComposeCli | undefined> {
  probed ??= detectComposeCli(cliEnv(ctx));
  const cli = await probed;
  if (!cli) {
    probed = undefined;
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Neither `docker compose` nor `docker-compose` answers on this machine. Install the Docker Compose plugin (e.g. apt-get install docker-compose-plugin) and try again.'),
    );
  }
  return cli;
}

/** The project's files that still exist: Compose v2 can stop or remove a project by name alone. */
function existingFiles(project: ComposeProject<ContainerSummary>): string[] {
  return project.configFiles.filter((f) => fs.existsSync(f));
}

async function runOnProject(ctx: CommandContext, project: ComposeProject<ContainerSummary>, action: ComposeAction): Promise<boolean> {
  const cli = await composeCli(ctx);
  if (!cli) return false;
  const argv = composeArgv(cli, { project: project.name, configFiles: existingFiles(project) }, action);
  const cwd = project.workingDir && fs.existsSync(project.workingDir) ? project.workingDir : undefined;
  if (action.kind === 'logs') {
    ctx.log(argv);
    const term = vscode.window.createTerminal({ name: `logs: ${action.service ?? project.name}`, cwd });
    term.show();
    term.sendText(commandLine(argv));
    return true;
  }
  ctx.log(argv);
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: commandLine(argv) }, () =>
      runCompose(argv, { cwd, env: cliEnv(ctx), onLine: (line) => ctx.output.appendLine(`  ${line}`), timeoutMs: 5 * 60_000 }),
    );
    return true;
  } catch (error) {
    const message = vscode.l10n.t('{0} failed: {1}', commandLine(argv.slice(0, cli.length)), error instanceof Error ? error.message : String(error));
    ctx.output.appendLine(`  ✗ ${message}`);
    void vscode.window.showErrorMessage(message);
    return false;
  } finally {
    if (!ctx.model.isLive) void ctx.model.refresh(['containers', 'networks', 'volumes']);
  }
}

const projectTarget = (ctx: CommandContext, node: ExplorerNode | undefined) => ctx.target('composeProject', node, { placeHolder: vscode.l10n.t('Compose project') });

/** On the project group, or on one of its services when `perService` (restart, stop, logs). */
function projectCommand(kind: ComposeAction['kind'], perService: boolean): CommandFactory {
  return (ctx) => async (node) => {
    const project = await projectTarget(ctx, node);
    if (!project) return false;
    const service = perService && node?.kind === 'composeService' ? node.service.name : undefined;
    return runOnProject(ctx, project, { kind, service } as ComposeAction);
  };
}

export const up = projectCommand('up', false);
export const down = projectCommand('down', false);
export const restart = projectCommand('restart', true);
export const stop = projectCommand('stop', true);
export const logs = projectCommand('logs', true);

/** The compose file a file-explorer or editor-title command is about (its Uri), or the active editor's. */
function composeFileOf(raw: unknown): vscode.Uri | undefined {
  const uri = raw instanceof vscode.Uri ? raw : vscode.window.activeTextEditor?.document.uri;
  return uri && uri.scheme === 'file' && isComposeFileName(path.basename(uri.fsPath)) ? uri : undefined;
}

function fileCommand(kind: 'up' | 'down'): CommandFactory {
  return (ctx) => async (_node, _selected, raw) => {
    const uri = composeFileOf(raw);
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open or select a compose file (compose.yaml, docker-compose.yml…) first.'));
      return undefined;
    }
    const cli = await composeCli(ctx);
    if (!cli) return undefined;
    const { argv, cwd } = composeFileArgv(cli, uri.fsPath, { kind });
    ctx.log(argv);
    // From the file's directory: Compose names the project after it, as in the learner's own terminal.
    const term = vscode.window.createTerminal({ name: `compose ${kind}: ${path.basename(cwd)}`, cwd });
    term.show();
    term.sendText(commandLine(argv));
    return { argv, cwd };
  };
}

export const upFile = fileCommand('up');
export const downFile = fileCommand('down');

/** Which containers to convert: the selection in the tree, else a multi-select quick pick of the running ones. */
async function containersToConvert(ctx: CommandContext, node: ExplorerNode | undefined, selected: readonly ExplorerNode[] | undefined): Promise<ContainerSummary[]> {
  if (node) return ctx.targets('container', { node, selected }, { many: true, placeHolder: '' });
  if (!(await ctx.ready())) return [];
  const running = (ctx.model.state.data.containers ?? []).filter((c) => c.State === 'running');
  if (running.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No running container to convert.'));
    return [];
  }
  const chosen = await vscode.window.showQuickPick(
    running.map((c) => ({ label: containerName(c), description: c.Image, container: c })),
    { canPickMany: true, placeHolder: vscode.l10n.t('Containers to put into one compose.yaml') },
  );
  return (chosen ?? []).map((i) => i.container);
}

/** Where the generated file is offered to be saved: compose.yaml in the first workspace folder, unless one is there. */
function targetUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder || folder.scheme !== 'file') return vscode.Uri.from({ scheme: 'untitled', path: 'compose.yaml' });
  const taken = (name: string) => fs.existsSync(path.join(folder.fsPath, name));
  const name = ['compose.yaml', 'compose.converted.yaml'].find((n) => !taken(n)) ?? `compose.converted-${Date.now()}.yaml`;
  return vscode.Uri.file(path.join(folder.fsPath, name)).with({ scheme: 'untitled' });
}

/** Inspects the containers and their images, opens the compose.yaml in a new unsaved editor. Resolves its text. */
export const convert: CommandFactory = (ctx) => async (node, selected) => {
  const containers = await containersToConvert(ctx, node, selected);
  if (containers.length === 0) return undefined;
  const docker = ctx.client();
  const names = containers.map((c) => containerName(c));
  ctx.log(['docker', 'container', 'inspect', ...names]);
  let inspected: ContainerInspect[];
  try {
    inspected = (await Promise.all(containers.map((c) => docker.getContainer(c.Id).inspect()))) as unknown as ContainerInspect[];
  } catch (error) {
    ctx.showError(error);
    return undefined;
  }
  const refs = [...new Set(inspected.map((c) => c.Config.Image))];
  ctx.log(['docker', 'image', 'inspect', ...refs]);
  const images = new Map<string, ImageInspect>();
  for (const ref of refs) {
    try {
      images.set(ref, (await docker.getImage(ref).inspect()) as ImageInspect);
    } catch {
      // An image removed since: its defaults cannot be subtracted, everything is written out.
    }
  }
  const uri = targetUri();
  const baseDir = uri.path === 'compose.yaml' || uri.path === '/compose.yaml' ? undefined : path.dirname(uri.fsPath);
  const { text } = convertToCompose(inspected, images, { lang: ctx.lang(), baseDir });
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text));
  if (document.languageId !== 'yaml' && document.languageId !== 'dockercompose') await vscode.languages.setTextDocumentLanguage(document, 'yaml');
  ctx.output.appendLine(`  ${vscode.l10n.t('Wrote a compose.yaml for {0}: read it, save it, then run docker compose up -d in its folder.', names.join(', '))}`);
  return { uri: document.uri.toString(), text };
};
