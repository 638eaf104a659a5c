// One open lab: the controller between its view, the engine and the lab store. Every
// Run/Check from the view, the walkthrough or the command palette comes through here;
// the view only sends ids, and the command is looked up in the parsed lab. Running is the
// engine's (runStep, runCommand, checkStep), progress changes are its transitions, the
// dialogs are in dialogs.ts and the webview in labView.ts.
import * as vscode from 'vscode';
import type { DockerService } from '../../docker/vscode';
import type { Localized } from '../../util/i18n';
import { uiLang } from '../../util/vscode/lang';
import { DockerodeState } from '../check/dockerState';
import { lintForLab } from '../check/lintAdapter';
import type { Lab, Step, VariableValues } from '../labModel';
import type { SessionProgress } from '../progress/progress';
import { checkpointsDone, clearCreated, markStepDone, onlyCheckpoints, recordStepResult, revealSolution, setVariables, tickCheckpoint } from '../progress/transitions';
import { describePlan, executeReset, labObjects, planIsEmpty, planReset } from '../reset/reset';
import { nodeEnvironment, publishedHostFor } from '../run/environment';
import type { LiveRuns } from '../run/liveRuns';
import { imagesToPull, pullAll } from '../run/prepull';
import { checkStep, isLastCommand, runCommand, runStep, startsStep, type RunContext, type StepResult } from '../run/runner';
import { labFileTarget, writeLabFile } from '../load/starter';
import type { ViewMessage } from '../view/protocol';
import { LAB_COMMAND_PREFIX } from '../view/render';
import { stepViews } from '../view/stepViews';
import * as dialogs from './dialogs';
import type { LabStore } from './labStore';
import { LabView } from './labView';
import { LabTerminal } from './terminal';

export interface LabSessionOptions {
  lab: Lab;
  builtin: boolean;
  /** Folder the commands run in and file/lint checks read. */
  workdir: string;
  extensionUri: vscode.Uri;
  store: LabStore;
  docker: DockerService;
  onDispose(): void;
}

export class LabSession implements vscode.Disposable {
  lab: Lab;
  readonly terminal: LabTerminal;
  private readonly view: LabView;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly o: LabSessionOptions) {
    this.lab = o.lab;
    this.terminal = new LabTerminal(vscode.l10n.t('Docker Lab: {0}', o.lab.title[uiLang()]), o.workdir);
    this.view = new LabView({ sessionId: o.lab.id, extensionUri: o.extensionUri, workdir: o.workdir, onMessage: (m) => this.onMessage(m), onClosed: () => o.onDispose() });
    this.disposables.push(this.terminal, this.view);
  }

  get id(): string {
    return this.lab.id;
  }

  get builtin(): boolean {
    return this.o.builtin;
  }

  get workdir(): string {
    return this.o.workdir;
  }

  /** The lab's webview panel while it is open. */
  get panel(): vscode.WebviewPanel | undefined {
    return this.view.webviewPanel;
  }

  /** The learner's progress in this lab (kept in the lab store). */
  get progress(): SessionProgress {
    return this.o.store.progress(this.lab);
  }

  private get live(): LiveRuns {
    return this.o.store.live(this.lab.id);
  }

  /** Built-in labs always run; workspace labs only in a trusted workspace. */
  get interactive(): boolean {
    return this.o.builtin || vscode.workspace.isTrusted;
  }

  get vars(): VariableValues | undefined {
    const values = this.progress.variables;
    return this.lab.variables.some((v) => values[v.name] === undefined) ? undefined : values;
  }

  private async save(progress: SessionProgress): Promise<void> {
    await this.o.store.save(progress);
  }

  /** Asks for the variables still missing (or all of them when `all`); false when cancelled. */
  async askVariables(all = false): Promise<boolean> {
    const values = await dialogs.askVariables(this.lab, this.progress.variables, all);
    if (!values) return false;
    await this.save(setVariables(this.progress, values));
    return true;
  }

  show(column = vscode.ViewColumn.Active): void {
    this.view.show(this.page(), column);
  }

  render(): void {
    this.view.draw(this.page());
  }

  private page() {
    return { lab: this.lab, vars: this.vars, interactive: this.interactive };
  }

  /** Replaces the lab after its files changed on disk. */
  /** Takes the lab as loaded again; unchanged files leave the page as it is (an open hint or solution stays open). */
  reload(lab: Lab): void {
    if (JSON.stringify(lab) === JSON.stringify(this.lab)) return;
    this.lab = lab;
    this.live.clear();
    this.render();
  }

  postState(): void {
    this.view.showState(stepViews(this.lab, this.progress, this.live, uiLang()));
    this.o.store.touch(this.lab.id);
  }

  focusStep(stepId: string): void {
    this.view.focusStep(stepId);
  }

  private context(): RunContext {
    const docker = this.o.docker;
    const progress = this.progress;
    return {
      lab: this.lab,
      vars: this.vars ?? {},
      docker: new DockerodeState(docker.client()),
      env: nodeEnvironment(this.o.workdir, { lang: uiLang(), lint: lintForLab, publishedHost: publishedHostFor(docker.endpoint.host) }),
      executor: this.terminal,
      headless: false,
      tracked: progress.created,
      onDestructive: async (command, destructive) => {
        const plan = await planReset(new DockerodeState(docker.client()), labObjects(this.lab, this.vars ?? {}, this.progress.created), destructive);
        return dialogs.confirmDestructive(command, describePlan(plan));
      },
      manualDone: (step) => checkpointsDone(this.progress, step),
      onCommandStart: (step, index) => {
        this.live.commandStarted(step.id, index);
        this.postState();
      },
      onCommandEnd: (step, index, e) => {
        this.live.commandEnded(step.id, index, e);
        this.postState();
      },
    };
  }

  manualDone(step: Step): boolean {
    return checkpointsDone(this.progress, step);
  }

  private ensureInteractive(): boolean {
    if (this.interactive) return true;
    void vscode.window.showWarningMessage(vscode.l10n.t('Labs from this workspace run only in a trusted workspace. Trust the workspace to run this lab.'));
    return false;
  }

  private async ensureVariables(): Promise<boolean> {
    return this.vars !== undefined || (await this.askVariables());
  }

  private step(stepId: string): Step | undefined {
    return this.lab.steps.find((s) => s.id === stepId);
  }

  private async record(result: StepResult): Promise<void> {
    await this.save(recordStepResult(this.progress, result));
    await this.o.store.setDone(this.lab.id, result.stepId, result.status === 'passed');
  }

  /** ▶ on a step: every runnable command in the terminal, then the checks. */
  async runStep(stepId: string): Promise<StepResult | undefined> {
    const step = this.step(stepId);
    if (!step || !this.ensureInteractive() || !(await this.ensureVariables()) || !this.live.startStep(stepId, { fresh: true })) return undefined;
    this.postState();
    try {
      const result = await runStep(this.context(), step);
      await this.record(result);
      return result;
    } finally {
      this.live.endStep(stepId);
      this.postState();
    }
  }

  /**
   * ▶ on one command: the engine's runCommand, with the step's precondition when this
   * command starts the step; after the step's last runnable command, check the step.
   */
  async runCommand(stepId: string, index: number): Promise<void> {
    const step = this.step(stepId);
    const command = step?.commands[index];
    if (!step || !command || !command.runnable || !this.ensureInteractive() || !(await this.ensureVariables())) return;
    const ctx = this.context();
    const precondition = startsStep(step, index, this.live.last(stepId));
    // Marked running at once: the destructive question and the precondition take a moment.
    this.live.commandStarted(stepId, index);
    this.postState();
    let run: Awaited<ReturnType<typeof runCommand>>;
    try {
      run = await runCommand(ctx, step, index, { precondition });
    } catch (err) {
      this.live.commandEnded(stepId, index, undefined);
      throw err;
    } finally {
      this.postState();
    }
    if (run.kind === 'blocked') {
      this.live.commandEnded(stepId, index, undefined);
      await this.record(run.result);
      this.postState();
      return;
    }
    if (run.kind !== 'ran' || !run.command.outcome) {
      // Skipped (the learner said no to a destructive command): nothing to show.
      this.live.commandEnded(stepId, index, undefined);
      this.postState();
      return;
    }
    await this.save(this.progress); // what the command created (ctx.tracked)
    if (isLastCommand(step, index)) await this.check(stepId);
    this.postState();
  }

  /** ✓ Check: the expected failure (from the last run), the checks, the checkpoints. */
  async check(stepId: string): Promise<StepResult | undefined> {
    const step = this.step(stepId);
    if (!step || !this.ensureInteractive() || !(await this.ensureVariables())) return undefined;
    this.live.startStep(stepId, { fresh: false });
    this.postState();
    try {
      const result = await checkStep(this.context(), step, this.live.last(stepId));
      await this.record(result);
      return result;
    } finally {
      this.live.endStep(stepId);
      this.postState();
    }
  }

  async markDone(stepId: string): Promise<void> {
    if (!this.step(stepId)) return;
    await this.save(markStepDone(this.progress, stepId));
    await this.o.store.setDone(this.lab.id, stepId, true);
    this.postState();
  }

  async tick(stepId: string, index: number, checked: boolean): Promise<void> {
    const step = this.step(stepId);
    if (!step) return;
    const before = this.progress;
    const after = tickCheckpoint(before, step, index, checked);
    if (after === before) return;
    await this.save(after);
    if (onlyCheckpoints(step) && this.interactive) await this.check(stepId);
    else this.postState();
  }

  /** A code block's copy button: its text (variables filled in) to the clipboard. */
  async copyBlock(index: number): Promise<string | undefined> {
    const text = this.view.codeBlock(index);
    if (text === undefined) return undefined;
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied to the clipboard.'), 2000);
    return text;
  }

  /**
   * "Create this file" on a file fence: writes it into the lab's folder (asking before it
   * replaces a file with other content) and opens it. The written path, or undefined.
   */
  async createFile(index: number): Promise<string | undefined> {
    const file = this.view.file(index);
    if (!file || !this.ensureInteractive()) return undefined;
    const target = labFileTarget(this.o.workdir, file.path, file.content);
    if (!target) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The lab names a file outside its folder, which Docker Labs does not write: {0}', file.path));
      return undefined;
    }
    const write = !target.conflict || (await dialogs.confirmFileOverwrite(this.o.workdir, target.rel));
    if (write) writeLabFile(target, file.content);
    await vscode.window.showTextDocument(vscode.Uri.file(target.target), { viewColumn: vscode.ViewColumn.Beside, preview: false });
    return write ? target.target : undefined;
  }

  /** A `command:` link of the page: only our own commands run, and only in a lab that may run. */
  async runLink(index: number): Promise<unknown> {
    const link = this.view.link(index);
    if (!link || !this.ensureInteractive()) return undefined;
    if (!link.command.startsWith(LAB_COMMAND_PREFIX)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('A lab may run only Docker Labs commands; {0} was not run.', link.command));
      return undefined;
    }
    return vscode.commands.executeCommand(link.command, ...link.args);
  }

  /** The learner opened a step's solution: counted in progress (and in the export). */
  async revealSolution(stepId: string): Promise<void> {
    const step = this.step(stepId);
    if (!step?.solution) return;
    await this.save(revealSolution(this.progress, step));
    this.postState();
  }

  async resetProgress(): Promise<void> {
    await this.o.store.clearSteps(this.lab);
    this.postState();
  }

  /** Reset lab: list what will be removed, confirm, remove only that. */
  async resetLab(): Promise<boolean> {
    if (!this.ensureInteractive()) return false;
    const state = new DockerodeState(this.o.docker.client());
    const plan = await planReset(state, labObjects(this.lab, this.vars ?? {}, this.progress.created));
    if (planIsEmpty(plan)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This lab has nothing to clean up.'));
      return false;
    }
    if (!(await dialogs.confirmReset(this.lab, describePlan(plan)))) return false;
    const outcome = await executeReset(state, plan);
    await this.save(clearCreated(this.progress));
    dialogs.showResetOutcome(outcome);
    return true;
  }

  /** Pre-pull: every image the session lists, with progress; cancellable. */
  async prepull(): Promise<void> {
    const images = imagesToPull(this.lab, this.vars ?? {});
    if (!images.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This lab lists no images to pull.'));
      return;
    }
    const client = this.o.docker.client();
    const result = await dialogs.withPullProgress(this.lab, (report, signal) => pullAll(client, images, report, signal));
    dialogs.showPullOutcome(result);
  }

  private async onMessage(m: ViewMessage): Promise<void> {
    try {
      await this.handle(m);
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Docker Labs: {0}', err instanceof Error ? err.message : String(err)));
    }
  }

  /** One message from the page (or from the tests' `dockerLabs.lab.viewMessage`); what it did, where that is something. */
  async handle(m: ViewMessage): Promise<unknown> {
    switch (m.type) {
      case 'ready':
        return this.postState();
      case 'run':
        return this.runCommand(m.stepId, m.commandIndex);
      case 'runStep':
        return this.runStep(m.stepId);
      case 'check':
        return this.check(m.stepId);
      case 'markDone':
        return this.markDone(m.stepId);
      case 'solution':
        return this.revealSolution(m.stepId);
      case 'copy':
        return this.copyBlock(m.block);
      case 'createFile':
        return this.createFile(m.file);
      case 'command':
        return this.runLink(m.link);
      case 'tick':
        return this.tick(m.stepId, m.checkpointIndex, m.checked);
      case 'variables':
        if (this.interactive && (await this.askVariables(true))) this.render();
        return undefined;
      case 'prepull':
        if (this.ensureInteractive()) await this.prepull();
        return undefined;
      case 'reset':
        return this.resetLab();
      case 'resetProgress':
        return this.resetProgress();
    }
  }

  /** What a command returns over JSON (the e2e bridge): ids and progress, not the editor objects. */
  toJSON(): { id: string; title: Localized; workdir: string; progress: SessionProgress } {
    return { id: this.lab.id, title: this.lab.title, workdir: this.o.workdir, progress: this.progress };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
