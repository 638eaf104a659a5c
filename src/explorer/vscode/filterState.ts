// The explorer's filter in the editor: the choice persists per workspace
// (workspaceState), the model applies it, the view's description says it and a
// context key shows the title bar's clear button while it is set. "This lab
// only" asks the labs for the open lab's objects through their public API, and
// only when their bundle has loaded (none loaded means no lab is open).
import * as vscode from 'vscode';
import type { Lang } from '../../util/i18n';
import type { ExplorerModel } from '../explorerModel';
import { describeFilter, isFilterSet, parseFilter, type ActiveFilter, type ExplorerFilter, type LabObjects } from '../filter';

/** What the explorer needs of the labs (the lab capability's `LabsApi` fits it). */
export interface OpenLabs {
  activeLab(): { title: string; objects: LabObjects } | undefined;
  readonly onDidChangeLabs: vscode.Event<void>;
}

const KEY = 'dockerLabs.explorer.filter';
const CONTEXT_KEY = 'dockerLabs.explorer.filtered';

export class ExplorerFilterState implements vscode.Disposable {
  private choice: ExplorerFilter;
  private subscribed = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly memento: vscode.Memento,
    private readonly model: ExplorerModel,
    private readonly labs: () => Promise<OpenLabs> | undefined,
    private readonly lang: () => Lang,
    /** Called with the filter's description, or undefined when none is set (the view then names the endpoint). */
    private readonly describe: (text: string | undefined) => void,
  ) {
    this.choice = parseFilter(memento.get(KEY));
    // The lab's objects grow as its commands run: follow the daemon's changes while "this lab only" is on.
    this.disposables.push(model.onDidChange(() => (this.choice.labOnly ? void this.apply() : undefined)));
  }

  get current(): ExplorerFilter {
    return { ...this.choice };
  }

  async set(filter: ExplorerFilter): Promise<void> {
    this.choice = { text: filter.text.trim(), labOnly: filter.labOnly };
    await this.memento.update(KEY, isFilterSet(this.choice) ? this.choice : undefined);
    await this.apply();
  }

  /** Computes the filter in force (the open lab's objects now) and shows it. */
  async apply(): Promise<void> {
    const choice = this.choice;
    let active: ActiveFilter | undefined;
    if (isFilterSet(choice)) {
      active = { ...choice };
      if (choice.labOnly) {
        const labs = await this.labs();
        if (labs && !this.subscribed) {
          this.subscribed = true;
          this.disposables.push(labs.onDidChangeLabs(() => void this.apply()));
        }
        const lab = labs?.activeLab();
        active.lab = lab ? { title: lab.title, objects: lab.objects } : null;
      }
    }
    this.model.setFilter(active);
    this.describe(describeFilter(active, this.lang()));
    await vscode.commands.executeCommand('setContext', CONTEXT_KEY, !!active);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
