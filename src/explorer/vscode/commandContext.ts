// The one state every explorer command shares (rust-analyzer's `Ctx`): the model, the
// Docker service, the "Docker Labs" output channel, the inspect documents, and the
// steps every command takes the same way: print the CLI line, run the Engine call,
// turn a failure into one sentence from ../problem, find the command's targets.
import * as vscode from 'vscode';
import type Dockerode from 'dockerode';
import { pick, type Lang, type Localized } from '../../util/i18n';
import type { DockerService } from '../../docker/vscode';
import type { ContainerRef, Planned } from '../actions';
import { resolveTargets, type Invocation, type TargetHost, type TargetKind, type TargetOf, type TargetOptions } from '../commandTargets';
import { containerName, type ContainerSummary, type GroupId } from '../daemonLists';
import type { ExplorerModel } from '../explorerModel';
import { commandLine } from '../format';
import { describeProblem, type ExplorerProblem } from '../problem';
import type { ExplorerNode } from '../tree';
import type { ReadOnlyDocuments } from './documents';
import type { ExplorerFilterState } from './filterState';
import type { ImageChartPanels } from './imageChartsPanel';

export interface CommandContextOptions {
  model: ExplorerModel;
  docker: DockerService;
  output: vscode.OutputChannel;
  documents: ReadOnlyDocuments;
  lang: () => Lang;
  setShowDangling: (show: boolean) => void;
  filter: ExplorerFilterState;
  /** Opens the live network diagram (./diagramPanel). */
  showDiagram: () => Promise<void>;
  /** The layer chart and size comparison panels (./imageChartsPanel). */
  charts: ImageChartPanels;
}

/**
 * A command as VS Code calls it: from a tree item (with the selection) or from the
 * palette (no arguments). `raw` is the first argument as given (a file's Uri from the
 * file explorer or an editor title).
 */
export type Handler = (node?: ExplorerNode, selected?: readonly ExplorerNode[], raw?: unknown) => unknown;

/** One command, made from the shared context. */
export type CommandFactory = (ctx: CommandContext) => Handler;

const NOTHING_TO_PICK: Record<TargetKind, () => string> = {
  container: () => vscode.l10n.t('No container to choose from.'),
  image: () => vscode.l10n.t('No image to choose from.'),
  network: () => vscode.l10n.t('No network to choose from.'),
  volume: () => vscode.l10n.t('No volume to choose from.'),
  composeProject: () => vscode.l10n.t('No Compose project to choose from.'),
};

export const RUNNING_STATES = new Set(['running', 'paused', 'restarting']);

/** How actions name a container: by ID, printed by name. */
export const refOf = (c: ContainerSummary): ContainerRef => ({ id: c.Id, name: containerName(c) });

/** A file name for an inspect document from an object's name. */
export const safeName = (name: string) => name.replace(/[^\w.@-]+/g, '_');

export class CommandContext {
  readonly model: ExplorerModel;
  readonly docker: DockerService;
  readonly output: vscode.OutputChannel;
  readonly documents: ReadOnlyDocuments;
  readonly lang: () => Lang;
  readonly setShowDangling: (show: boolean) => void;
  readonly filter: ExplorerFilterState;
  readonly showDiagram: () => Promise<void>;
  readonly charts: ImageChartPanels;
  private outputShown = false;
  private readonly targetHost: TargetHost;

  constructor(options: CommandContextOptions) {
    this.model = options.model;
    this.docker = options.docker;
    this.output = options.output;
    this.documents = options.documents;
    this.lang = options.lang;
    this.setShowDangling = options.setShowDangling;
    this.filter = options.filter;
    this.showDiagram = options.showDiagram;
    this.charts = options.charts;
    this.targetHost = {
      ready: () => this.ready(),
      state: () => this.model.state,
      pick: (items, placeHolder) => Promise.resolve(vscode.window.showQuickPick(items, { placeHolder })),
      pickMany: (items, placeHolder) => Promise.resolve(vscode.window.showQuickPick(items, { placeHolder, canPickMany: true })),
      nothingToPick: (kind) => void vscode.window.showInformationMessage(NOTHING_TO_PICK[kind]()),
    };
  }

  readonly client = (): Dockerode => this.docker.client();

  say(text: Localized, args?: Record<string, string | number>): string {
    return pick(text, this.lang(), args);
  }

  /** Prints `$ docker …` to the output channel, revealing it the first time. */
  log(argv: readonly string[]): void {
    this.output.appendLine(`$ ${commandLine(argv)}`);
    if (!this.outputShown) {
      this.outputShown = true;
      this.output.show(true);
    }
  }

  showError(error: unknown): void {
    const problem = describeProblem(error, this.model.state.endpoint);
    const message = this.say(problem.message);
    // The daemon's own words first, as the CLI prints them, then what to do about them.
    if (!problem.connection && problem.detail) this.output.appendLine(`  Error response from daemon: ${problem.detail}`);
    this.output.appendLine(`  ✗ ${message}`);
    void vscode.window.showErrorMessage(message);
  }

  /** Logs the CLI line, runs the action, reports a failure. Resolves undefined on failure. */
  async perform<T>(planned: Planned<T>, groups: GroupId[]): Promise<{ value: T } | undefined> {
    this.log(planned.argv);
    try {
      const value = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: commandLine(planned.argv) }, () => planned.run());
      return { value };
    } catch (error) {
      this.showError(error);
      return undefined;
    } finally {
      // While the view is visible the event stream refreshes the tree; otherwise do it here.
      if (!this.model.isLive) void this.model.refresh(groups);
    }
  }

  /** The lists are current (the view may be hidden, so not live) and the daemon answers. */
  async ready(): Promise<boolean> {
    const model = this.model;
    if (model.isLive) await model.load();
    else await model.refresh();
    if (model.state.problem) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot reach Docker at {0}: {1}', model.state.endpoint, this.say(model.state.problem.cause)));
      return false;
    }
    return true;
  }

  /** The command's targets: the clicked item (or the selection when `many`), else a quick pick. */
  targets<K extends TargetKind>(kind: K, invocation: Invocation, options: TargetOptions<K>): Promise<TargetOf[K][]> {
    return resolveTargets(this.targetHost, kind, invocation, options);
  }

  /** The clicked item's target only (or the palette's pick). */
  async target<K extends TargetKind>(kind: K, node: ExplorerNode | undefined, options: TargetOptions<K>): Promise<TargetOf[K] | undefined> {
    const [first] = await this.targets(kind, { node }, { ...options, many: false });
    return first;
  }

  /**
   * Opens a terminal and types `text`; `execute` false leaves it at the prompt. The
   * terminal reaches the tree's daemon: DockerService hands every integrated terminal
   * the setting's DOCKER_HOST or the chosen context.
   */
  terminal(text: string, name: string, execute = true): void {
    const term = vscode.window.createTerminal({ name });
    term.show();
    term.sendText(text, execute);
  }

  /**
   * Logs the CLI line and runs the action; a failure is returned as the problem (for a
   * panel to show in place) and its sentence goes to the output channel, as perform's do.
   */
  async fetch<T>(planned: Planned<T>): Promise<{ value: T } | { problem: ExplorerProblem }> {
    this.log(planned.argv);
    try {
      return { value: await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: commandLine(planned.argv) }, () => planned.run()) };
    } catch (error) {
      const problem = describeProblem(error, this.model.state.endpoint);
      if (!problem.connection && problem.detail) this.output.appendLine(`  Error response from daemon: ${problem.detail}`);
      this.output.appendLine(`  ✗ ${this.say(problem.message)}`);
      return { problem };
    }
  }

  async inspectInto(planned: Planned<unknown>, path: string, groups: GroupId[]): Promise<void> {
    const result = await this.perform(planned, groups);
    if (result) await this.documents.show(path, JSON.stringify(result.value, null, 2) + '\n');
  }
}
