// The Labs view (`dockerLabs.labs`): every built-in session and every lab opened here, with
// its progress, and under it its steps with their state; inline actions open, run, check and
// reset. It redraws whenever the lab store says a session changed, so it ticks as steps pass,
// as the walkthroughs do (both read the same store). Until something has been started it has
// no items, and the manifest's viewsWelcome shows instead.
import * as vscode from 'vscode';
import type { Lab } from '../labModel';
import { labsTreeSession, type LabsTreeSession, type LabsTreeStep, type StepState } from '../view/labsTree';
import type { LabStore } from './labStore';
import type { LabManager } from './manager';

export type LabsNode = ({ kind: 'session' } & LabsTreeSession) | ({ kind: 'step' } & LabsTreeStep);

const ICONS: Record<StepState, [string, string?]> = {
  'not-started': ['circle-large-outline'],
  running: ['loading~spin'],
  passed: ['pass-filled', 'testing.iconPassed'],
  failed: ['error', 'testing.iconFailed'],
  skipped: ['debug-step-over', 'testing.iconSkipped'],
  'expected-failure-seen': ['verified-filled', 'testing.iconPassed'],
};

function stateText(state: StepState): string {
  switch (state) {
    case 'not-started':
      return vscode.l10n.t('Not started');
    case 'running':
      return vscode.l10n.t('Running…');
    case 'passed':
      return vscode.l10n.t('Passed');
    case 'failed':
      return vscode.l10n.t('Failed');
    case 'skipped':
      return vscode.l10n.t('Skipped');
    case 'expected-failure-seen':
      return vscode.l10n.t('Expected error seen');
  }
}

export class LabsTreeProvider implements vscode.TreeDataProvider<LabsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LabsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly store: LabStore,
    private readonly manager: () => LabManager,
  ) {
    // Several changes in one go (a step's commands, then its check) redraw once.
    this.subscription = store.onDidChange(() => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.changed.fire(undefined), 50);
    });
  }

  /** The sessions as shown now (tests read them). */
  sessions(): LabsTreeSession[] {
    if (!this.store.anyStarted() && !this.manager().openIds().length) return [];
    return this.manager()
      .knownLabs()
      .map((lab: Lab) => labsTreeSession(lab, this.store.progress(lab), (stepId) => this.store.live(lab.id).isRunning(stepId)));
  }

  getChildren(node?: LabsNode): LabsNode[] {
    if (!node) return this.sessions().map((s) => ({ kind: 'session', ...s }));
    if (node.kind === 'session') return node.steps.map((s) => ({ kind: 'step', ...s }));
    return [];
  }

  getTreeItem(node: LabsNode): vscode.TreeItem {
    if (node.kind === 'session') {
      const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `session:${node.sessionId}`;
      item.description = `${node.passed}/${node.total}`;
      item.tooltip = vscode.l10n.t('{0} of {1} steps done', node.passed, node.total);
      item.contextValue = 'labSession';
      item.iconPath = new vscode.ThemeIcon(node.passed === node.total && node.total > 0 ? 'pass-filled' : 'book', node.passed === node.total && node.total > 0 ? new vscode.ThemeColor('testing.iconPassed') : undefined);
      item.command = { command: 'dockerLabs.lab.open', title: vscode.l10n.t('Open Lab'), arguments: [node.sessionId] };
      return item;
    }
    const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.None);
    item.id = `step:${node.sessionId}:${node.stepId}`;
    const [icon, color] = ICONS[node.state];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.description = stateText(node.state);
    item.tooltip = `${node.title} — ${stateText(node.state)}`;
    item.contextValue = 'labStep';
    item.command = { command: 'dockerLabs.lab.open', title: vscode.l10n.t('Open Lab'), arguments: [node.sessionId, node.stepId] };
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.changed.dispose();
  }
}
