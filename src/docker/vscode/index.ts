// The extension's one Docker connection: the endpoint the learner's docker CLI
// uses (or the dockerLabs.dockerHost setting, or a context picked with
// "Docker Labs: Switch Docker Context"), a lazily created dockerode client for
// it, a status bar item naming it, and the switch-context command.
//
// Why switching a context does not run `docker context use` (which rewrites
// currentContext in ~/.docker/config.json): that would silently change every
// terminal and tool of the learner, outside the editor. Instead the choice is
// remembered in this extension's global state (machine-local) and handed to
// the integrated terminals as DOCKER_CONTEXT (environmentVariableCollection),
// so the commands a lab runs in the terminal and the checks the extension makes
// reach the same daemon. "Follow the docker CLI" forgets the choice.
import * as vscode from 'vscode';
import type Dockerode from 'dockerode';
import { endpointLabel, listContexts, resolveEndpoint, dockerConfigDir, type Endpoint, DEFAULT_CONTEXT } from '../endpoint';
import { createClient } from '../client';

const CONTEXT_KEY = 'dockerLabs.docker.context';
export const SWITCH_CONTEXT_COMMAND = 'dockerLabs.docker.switchContext';

export class DockerService implements vscode.Disposable {
  private cached?: { endpoint: Endpoint; client: Dockerode };
  private readonly changed = new vscode.EventEmitter<Endpoint>();
  readonly onDidChangeEndpoint = this.changed.event;
  private readonly statusItem: vscode.StatusBarItem;
  private current: Endpoint;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.statusItem = vscode.window.createStatusBarItem('dockerLabs.docker.endpoint', vscode.StatusBarAlignment.Left, 10);
    this.statusItem.name = vscode.l10n.t('Docker Labs: Docker Endpoint');
    this.statusItem.command = SWITCH_CONTEXT_COMMAND;
    this.current = this.resolve();
    this.showEndpoint();
    this.applyTerminalEnvironment();

    // `docker context use X` in a terminal rewrites config.json: follow it.
    const configWatcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.file(dockerConfigDir()), 'config.json'),
    );
    const recheck = () => this.refreshIfChanged();
    context.subscriptions.push(
      this,
      this.statusItem,
      configWatcher,
      configWatcher.onDidChange(recheck),
      configWatcher.onDidCreate(recheck),
      configWatcher.onDidDelete(recheck),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dockerLabs.dockerHost')) this.reset();
      }),
      vscode.commands.registerCommand(SWITCH_CONTEXT_COMMAND, () => this.pickContext()),
    );
  }

  /** The endpoint in use (resolved again after reset()). */
  get endpoint(): Endpoint {
    return this.cached?.endpoint ?? this.current;
  }

  /** The shared dockerode client (created on first call). Throws EndpointUnusableError for an unusable endpoint. */
  client(): Dockerode {
    if (!this.cached) {
      const endpoint = this.current;
      this.cached = { endpoint, client: createClient(endpoint) };
    }
    return this.cached.client;
  }

  /** Forget the client, e.g. after a context switch; listeners re-read the endpoint. */
  reset(): void {
    this.cached = undefined;
    this.current = this.resolve();
    this.showEndpoint();
    this.applyTerminalEnvironment();
    this.changed.fire(this.current);
  }

  /** The context chosen in the extension, if any. */
  get chosenContext(): string | undefined {
    return this.context.globalState.get<string>(CONTEXT_KEY) || undefined;
  }

  private setting(): string | undefined {
    return vscode.workspace.getConfiguration('dockerLabs').get<string>('dockerHost')?.trim() || undefined;
  }

  private resolve(): Endpoint {
    return resolveEndpoint(process.env, this.setting(), { context: this.chosenContext });
  }

  private refreshIfChanged(): void {
    const next = this.resolve();
    if (next.host !== this.current.host || next.context !== this.current.context || next.error?.code !== this.current.error?.code) this.reset();
  }

  private showEndpoint(): void {
    const ep = this.current;
    const label = endpointLabel(ep) || vscode.l10n.t('unknown');
    this.statusItem.text = ep.error ? `$(warning) ${label}` : `$(vm) ${label}`;
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown(`**${vscode.l10n.t('Docker endpoint')}**: `);
    tip.appendText(ep.host || '—');
    tip.appendMarkdown('\n\n');
    tip.appendText(this.sourceText(ep));
    if (ep.error) {
      tip.appendMarkdown('\n\n');
      tip.appendText(ep.error.message);
    }
    tip.appendMarkdown('\n\n');
    tip.appendText(vscode.l10n.t('Click to switch the Docker context.'));
    this.statusItem.tooltip = tip;
    this.statusItem.show();
  }

  private sourceText(ep: Endpoint): string {
    switch (ep.source) {
      case 'setting':
        return vscode.l10n.t('From the dockerLabs.dockerHost setting.');
      case 'context-option':
        return vscode.l10n.t('Context {0}, chosen in Docker Labs.', ep.context ?? '');
      case 'env':
        return vscode.l10n.t('From the DOCKER_HOST environment variable.');
      case 'context-env':
        return vscode.l10n.t('Context {0}, from the DOCKER_CONTEXT environment variable.', ep.context ?? '');
      case 'context-config':
        return vscode.l10n.t('Context {0}, the docker CLI\'s current context.', ep.context ?? '');
      default:
        return vscode.l10n.t('The platform default (no DOCKER_HOST, no context).');
    }
  }

  /** Terminals opened from now on use the same daemon as the extension. */
  private applyTerminalEnvironment(): void {
    const env = this.context.environmentVariableCollection;
    env.clear();
    const setting = this.setting();
    const chosen = this.chosenContext;
    if (setting) {
      env.replace('DOCKER_HOST', setting);
      env.description = vscode.l10n.t('DOCKER_HOST from the dockerLabs.dockerHost setting');
    } else if (chosen) {
      // An empty DOCKER_HOST counts as unset for the CLI, so the context applies.
      env.replace('DOCKER_HOST', '');
      env.replace('DOCKER_CONTEXT', chosen);
      env.description = vscode.l10n.t('Docker context {0}, chosen in Docker Labs', chosen);
    }
  }

  private async pickContext(): Promise<void> {
    type Item = vscode.QuickPickItem & { contextName?: string; follow?: boolean };
    const contexts = listContexts(process.env);
    const chosen = this.chosenContext;
    const cli = resolveEndpoint(process.env);
    const items: Item[] = [
      {
        label: `${chosen ? '' : '$(check) '}${vscode.l10n.t('Follow the docker CLI')}`,
        description: endpointLabel(cli),
        detail: vscode.l10n.t('DOCKER_HOST, DOCKER_CONTEXT or the current context, as the docker command in your terminal'),
        follow: true,
      },
      { label: vscode.l10n.t('Contexts'), kind: vscode.QuickPickItemKind.Separator },
      ...contexts.map(
        (c): Item => ({
          label: `${chosen === c.name ? '$(check) ' : ''}${c.name}${c.current ? ' *' : ''}`,
          description: c.host,
          detail: c.error ?? (c.name === DEFAULT_CONTEXT ? vscode.l10n.t('Current DOCKER_HOST based configuration') : c.description || undefined),
          contextName: c.name,
        }),
      ),
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Docker Labs: Switch Docker Context'),
      placeHolder: vscode.l10n.t('Docker endpoint for the explorer, lab checks and new terminals (* = the docker CLI\'s current context)'),
    });
    if (!picked) return;
    await this.context.globalState.update(CONTEXT_KEY, picked.follow ? undefined : picked.contextName);
    this.reset();
    const setting = this.setting();
    if (setting) {
      const clear = vscode.l10n.t('Clear Setting');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('The dockerLabs.dockerHost setting ({0}) still takes precedence over contexts. Clear it?', setting),
        clear,
      );
      if (answer === clear) await vscode.workspace.getConfiguration('dockerLabs').update('dockerHost', undefined, vscode.ConfigurationTarget.Global);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
