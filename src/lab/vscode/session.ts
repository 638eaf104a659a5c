// One open lab: its parsed session, the learner's variables and progress, the view and
// the terminal. Every Run/Check from the view, the walkthrough or the command palette
// goes through here; the view only sends ids, and the command text is looked up in the
// parsed lab.
import * as vscode from 'vscode';
import type { DockerService } from '../../docker/vscode';
import type { Localized } from '../../util/i18n';
import { DockerodeState } from '../check/dockerState';
import { nodeEnvironment, publishedHostFor } from '../run/environment';
import { lintForLab } from '../check/lintAdapter';
import type { Destructive, Lab, Step, VariableValues } from '../labModel';
import { emptyResources } from '../labModel';
import { describePlan, executeReset, labObjects, planIsEmpty, planReset } from '../reset/reset';
import { evaluateStep, plannedCommands, recordCreated, runScoped, runStep, type DestructiveChoice, type ExecutedCommand, type RunContext, type StepResult } from '../run/runner';
import type { CommandOutcome } from '../run/runner';
import { imagesToPull, pullAll } from '../run/prepull';
import { substitute } from '../load/template';
import { validateVariable } from '../load/variables';
import type { SessionProgress } from '../progress/progress';
import { panelHtml } from './panel';
import { setDone, type ProgressStore } from './progressStore';
import { uiLang } from '../../util/vscode/lang';
import { LabTerminal } from './terminal';

function say(text: Localized | undefined): string | undefined {
  return text ? text[uiLang()] : undefined;
}

/** Live, per-command state the view shows (not persisted). */
interface CommandState {
  running?: boolean;
  outcome?: CommandOutcome;
  text?: string;
}

export interface LabSessionOptions {
  lab: Lab;
  builtin: boolean;
  /** Folder the commands run in and file/lint checks read. */
  workdir: string;
  extensionUri: vscode.Uri;
  store: ProgressStore;
  docker: DockerService;
  onDispose(): void;
}

export class LabSession implements vscode.Disposable {
  lab: Lab;
  progress: SessionProgress;
  panel?: vscode.WebviewPanel;
  readonly terminal: LabTerminal;
  private readonly commands = new Map<string, CommandState[]>();
  private readonly running = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly o: LabSessionOptions) {
    this.lab = o.lab;
    this.progress = o.store.get(o.lab);
    this.terminal = new LabTerminal(vscode.l10n.t('Docker Lab: {0}', o.lab.title[uiLang()]), o.workdir);
    this.disposables.push(this.terminal);
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

  /** Built-in labs always run; workspace labs only in a trusted workspace. */
  get interactive(): boolean {
    return this.o.builtin || vscode.workspace.isTrusted;
  }

  get vars(): VariableValues | undefined {
    const missing = this.lab.variables.some((v) => this.progress.variables[v.name] === undefined);
    return missing ? undefined : this.progress.variables;
  }

  /** Asks for the variables still missing (or all of them when `all`); false when cancelled. */
  async askVariables(all = false): Promise<boolean> {
    const values = { ...this.progress.variables };
    for (const spec of this.lab.variables) {
      if (!all && values[spec.name] !== undefined) continue;
      const prompt = spec.prompt?.[uiLang()] ?? spec.name;
      const value = await vscode.window.showInputBox({
        title: this.lab.title[uiLang()],
        prompt,
        value: values[spec.name] ?? spec.default ?? '',
        ignoreFocusOut: true,
        validateInput: (v) => say(validateVariable(spec, v.trim())),
      });
      if (value === undefined) return false;
      values[spec.name] = spec.type === 'integer' ? String(Number(value.trim())) : value.trim();
    }
    this.progress.variables = values;
    await this.save();
    return true;
  }

  show(column = vscode.ViewColumn.Active): void {
    if (this.panel) {
      this.panel.reveal(column);
      return;
    }
    const roots = [vscode.Uri.joinPath(this.o.extensionUri, 'media', 'lab'), vscode.Uri.file(this.lab.dir), vscode.Uri.file(this.o.workdir)];
    const panel = vscode.window.createWebviewPanel('dockerLabs.lab', this.lab.title[uiLang()], column, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: roots,
    });
    panel.iconPath = vscode.Uri.joinPath(this.o.extensionUri, 'media', 'docker-labs.svg');
    this.panel = panel;
    this.disposables.push(
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.o.onDispose();
      }),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
    );
    this.render();
  }

  render(): void {
    if (!this.panel) return;
    this.panel.title = this.lab.title[uiLang()];
    this.panel.webview.html = panelHtml({
      webview: this.panel.webview,
      extensionUri: this.o.extensionUri,
      lab: this.lab,
      vars: this.vars,
      interactive: this.interactive,
      imageRoots: [this.lab.dir, this.o.workdir],
      restrictedReason: this.interactive ? undefined : vscode.l10n.t('This workspace is not trusted, so this lab is read-only: Run and Check are off. Trust the workspace to run its labs.'),
    });
  }

  /** Replaces the lab after its files changed on disk. */
  reload(lab: Lab): void {
    this.lab = lab;
    this.commands.clear();
    this.render();
  }

  postState(): void {
    if (!this.panel) return;
    const steps: Record<string, unknown> = {};
    for (const step of this.lab.steps) {
      const p = this.progress.steps[step.id];
      const cmds: Record<number, { running?: boolean; exitCode?: number }> = {};
      (this.commands.get(step.id) ?? []).forEach((c, i) => {
        if (c) cmds[i] = { running: c.running, exitCode: c.outcome?.exitCode };
      });
      steps[step.id] = {
        status: this.running.has(step.id) ? 'running' : (p?.status ?? 'not-started'),
        reason: say(p?.reason),
        showHint: p?.status === 'failed' && !!step.hint,
        commands: cmds,
        ticked: p?.ticked ?? [],
      };
    }
    void this.panel.webview.postMessage({ type: 'state', steps });
  }

  focusStep(stepId: string): void {
    void this.panel?.webview.postMessage({ type: 'focusStep', stepId });
  }

  private async save(): Promise<void> {
    await this.o.store.save(this.progress);
  }

  private context(): RunContext {
    const docker = this.o.docker;
    const lang = uiLang();
    return {
      lab: this.lab,
      vars: this.vars ?? {},
      docker: new DockerodeState(docker.client()),
      env: nodeEnvironment(this.o.workdir, { lang, lint: lintForLab, publishedHost: publishedHostFor(docker.endpoint.host) }),
      executor: this.terminal,
      headless: false,
      tracked: this.progress.created ?? emptyResources(),
      onDestructive: (command, destructive, step) => this.confirmDestructive(command, destructive, step),
      manualDone: (step) => this.manualDone(step),
      onCommandStart: (step, text) => {
        const index = step.commands.find((c) => this.textOf(c.text) === text)?.index;
        if (index !== undefined) this.setCommand(step.id, index, { running: true, text });
        this.postState();
      },
      onCommandEnd: (step, text, e) => {
        if (e.index !== undefined) this.setCommand(step.id, e.index, { running: false, outcome: e.outcome, text });
        this.postState();
      },
    };
  }

  private textOf(template: string): string {
    try {
      return substitute(template, this.vars ?? {}, this.lab.variables);
    } catch {
      return template;
    }
  }

  private setCommand(stepId: string, index: number, state: CommandState): void {
    const list = this.commands.get(stepId) ?? [];
    list[index] = state;
    this.commands.set(stepId, list);
  }

  manualDone(step: Step): boolean {
    const ticked = new Set(this.progress.steps[step.id]?.ticked ?? []);
    const manualChecks = step.checks.filter((c) => c.kind === 'manual').length;
    return step.manual.every((_m, i) => ticked.has(i)) && (manualChecks === 0 || this.progress.steps[step.id]?.byHand === true);
  }

  private async confirmDestructive(command: string, destructive: Destructive, _step: Step): Promise<DestructiveChoice> {
    const scoped = vscode.l10n.t('Clean up this lab only');
    const asWritten = vscode.l10n.t('Run as written');
    const plan = await planReset(new DockerodeState(this.o.docker.client()), labObjects(this.lab, this.vars ?? {}, this.progress.created), destructive);
    const list = describePlan(plan);
    const detail = vscode.l10n.t(
      '`{0}` reaches beyond this lab: it acts on every container, image, network or volume on your machine, including ones that are not part of the lab. The lab-scoped cleanup does the same only to what this lab created:',
      command,
    ) + '\n' + (list.length ? list.slice(0, 15).map((l) => `• ${l}`).join('\n') : vscode.l10n.t('(nothing of this lab to clean up right now)'));
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('This command reaches beyond the lab'), { modal: true, detail }, scoped, asWritten);
    return choice === scoped ? 'scoped' : choice === asWritten ? 'run' : 'skip';
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

  private async record(step: Step, result: StepResult): Promise<void> {
    const previous = this.progress.steps[step.id];
    this.progress.steps[step.id] = {
      ...previous,
      status: result.status,
      reason: result.status === 'passed' ? (result.notes[0] ?? (result.expectedFailure ? { ko: '기대한 오류를 확인했습니다.', en: 'The expected error was recognised.' } : undefined)) : result.reason,
      at: new Date().toISOString(),
      byHand: false,
    };
    await this.save();
    await setDone(this.lab.id, step.id, result.status === 'passed');
  }

  /** ▶ on a step: every runnable command in the terminal, then the checks. */
  async runStep(stepId: string): Promise<StepResult | undefined> {
    const step = this.step(stepId);
    if (!step || !this.ensureInteractive() || !(await this.ensureVariables()) || this.running.has(stepId)) return undefined;
    this.running.add(stepId);
    this.commands.set(stepId, []);
    this.postState();
    try {
      const result = await runStep(this.context(), step);
      await this.record(step, result);
      return result;
    } finally {
      this.running.delete(stepId);
      this.postState();
    }
  }

  /** ▶ on one command: run it; after the step's last runnable command, check the step. */
  async runCommand(stepId: string, index: number): Promise<void> {
    const step = this.step(stepId);
    const command = step?.commands[index];
    if (!step || !command || !command.runnable || !this.ensureInteractive() || !(await this.ensureVariables())) return;
    const ctx = this.context();
    const text = this.textOf(command.text);
    let outcome: CommandOutcome;
    this.setCommand(stepId, index, { running: true, text });
    this.postState();
    try {
      if (command.destructive) {
        const choice = await ctx.onDestructive(text, command.destructive, step);
        if (choice === 'skip') {
          this.setCommand(stepId, index, {});
          return;
        }
        outcome = choice === 'scoped' ? (await runScoped(ctx, command.destructive)).outcome : await this.terminal.run(text);
      } else {
        outcome = await this.terminal.run(text);
      }
    } finally {
      this.postState();
    }
    this.setCommand(stepId, index, { running: false, outcome, text });
    recordCreated(this.progress.created, text, outcome);
    await this.save();
    const runnable = step.commands.filter((c) => c.runnable);
    if (runnable[runnable.length - 1]?.index === index) await this.check(stepId);
    this.postState();
  }

  /** ✓ Check: the expected failure (from the last run), the checks, the checkpoints. */
  async check(stepId: string): Promise<StepResult | undefined> {
    const step = this.step(stepId);
    if (!step || !this.ensureInteractive() || !(await this.ensureVariables())) return undefined;
    this.running.add(stepId);
    this.postState();
    try {
      const planned = plannedCommands(step, false);
      const states = this.commands.get(stepId) ?? [];
      const executed: ExecutedCommand[] =
        planned === 'no-headless' ? [] : planned.map((p) => ({ index: p.index, text: states[p.index!]?.text ?? this.textOf(p.text), outcome: states[p.index!]?.outcome, longRunning: p.longRunning }));
      const result = await evaluateStep(this.context(), step, executed);
      await this.record(step, result);
      return result;
    } finally {
      this.running.delete(stepId);
      this.postState();
    }
  }

  async markDone(stepId: string): Promise<void> {
    const step = this.step(stepId);
    if (!step) return;
    this.progress.steps[stepId] = { ...this.progress.steps[stepId], status: 'passed', byHand: true, reason: { ko: '직접 완료로 표시했습니다.', en: 'Marked done by hand.' }, at: new Date().toISOString() };
    await this.save();
    await setDone(this.lab.id, stepId, true);
    this.postState();
  }

  async tick(stepId: string, index: number, checked: boolean): Promise<void> {
    const step = this.step(stepId);
    if (!step || index < 0 || index >= step.manual.length) return;
    const p = this.progress.steps[stepId] ?? { status: 'not-started', at: new Date().toISOString() };
    const ticked = new Set(p.ticked ?? []);
    if (checked) ticked.add(index);
    else ticked.delete(index);
    this.progress.steps[stepId] = { ...p, ticked: [...ticked].sort() };
    await this.save();
    const onlyManual = !step.commands.some((c) => c.runnable) && step.checks.every((c) => c.kind === 'manual');
    if (onlyManual && this.interactive) await this.check(stepId);
    else this.postState();
  }

  async resetProgress(): Promise<void> {
    this.progress = await this.o.store.clearSteps(this.lab);
    this.commands.clear();
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
    const lines = describePlan(plan);
    const remove = vscode.l10n.t('Remove');
    const detail = vscode.l10n.t('Only these objects, which this lab declares or created, are removed; everything else stays:') + '\n' + lines.slice(0, 25).map((l) => `• ${l}`).join('\n') + (lines.length > 25 ? `\n… (+${lines.length - 25})` : '');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Reset lab "{0}"?', this.lab.title[uiLang()]), { modal: true, detail }, remove);
    if (choice !== remove) return false;
    const outcome = await executeReset(state, plan);
    this.progress.created = emptyResources();
    await this.save();
    if (outcome.errors.length) void vscode.window.showErrorMessage(vscode.l10n.t('Some lab objects could not be removed: {0}', outcome.errors.join('; ')));
    else void vscode.window.showInformationMessage(vscode.l10n.t('Lab reset: {0} object(s) removed.', outcome.done.length));
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
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pulling images for "{0}"', this.lab.title[uiLang()]), cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        let reported = 0;
        return pullAll(
          client,
          images,
          (p) => {
            const percent = Math.round(p.fraction * 100);
            progress.report({ increment: Math.max(0, percent - reported), message: `${p.image} ${percent}%` });
            reported = Math.max(reported, percent);
          },
          abort.signal,
        );
      },
    );
    if (result.failed.length) void vscode.window.showErrorMessage(vscode.l10n.t('Could not pull: {0}', result.failed.map((f) => `${f.image} (${f.error})`).join(', ')));
    else void vscode.window.showInformationMessage(vscode.l10n.t('Pulled {0} image(s).', result.pulled.length));
  }

  private async onMessage(m: unknown): Promise<void> {
    if (!m || typeof m !== 'object') return;
    const msg = m as Record<string, unknown>;
    if (msg.type === 'ready') return this.postState();
    // The view may only talk about its own session, by id.
    if (msg.sessionId !== this.lab.id) return;
    const stepId = typeof msg.stepId === 'string' ? msg.stepId : undefined;
    const index = typeof msg.commandIndex === 'number' && Number.isInteger(msg.commandIndex) ? msg.commandIndex : typeof msg.index === 'number' && Number.isInteger(msg.index) ? msg.index : undefined;
    try {
      switch (msg.type) {
        case 'run':
          if (stepId && index !== undefined) await this.runCommand(stepId, index);
          break;
        case 'runStep':
          if (stepId) await this.runStep(stepId);
          break;
        case 'check':
          if (stepId) await this.check(stepId);
          break;
        case 'markDone':
          if (stepId) await this.markDone(stepId);
          break;
        case 'tick':
          if (stepId && index !== undefined && typeof msg.checked === 'boolean') await this.tick(stepId, index, msg.checked);
          break;
        case 'variables':
          if (this.interactive && (await this.askVariables(true))) this.render();
          break;
        case 'prepull':
          if (this.ensureInteractive()) await this.prepull();
          break;
        case 'reset':
          await this.resetLab();
          break;
        case 'resetProgress':
          await this.resetProgress();
          break;
      }
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Docker Labs: {0}', err instanceof Error ? err.message : String(err)));
    }
  }

  /** What a command returns over JSON (the e2e bridge): ids and progress, not the editor objects. */
  toJSON(): { id: string; title: Localized; workdir: string; progress: SessionProgress } {
    return { id: this.lab.id, title: this.lab.title, workdir: this.o.workdir, progress: this.progress };
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
