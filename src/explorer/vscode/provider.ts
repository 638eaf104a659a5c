// The explorer's TreeDataProvider, in the style of vscode-extension-samples' tree-view
// sample: nodes are the plain objects of ../tree, getTreeItem maps their NodeView
// onto a TreeItem, and a model change refreshes only the group it touched.
import * as vscode from 'vscode';
import type { Lang } from '../../util/i18n';
import { childNodes, createGroupNodes, layerNodes, present, rootNodes, type ExplorerNode, type NodeOf, type NodeView } from '../tree';
import type { ExplorerModel } from '../explorerModel';
import type { GroupId } from '../daemonLists';
import { TEXT } from '../explorerText';
import { describeProblem } from '../problem';

const COLLAPSIBLE: Record<NodeView['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export class DockerTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Group nodes stay the same objects: VS Code refreshes an element by identity. */
  readonly groups: Record<GroupId, NodeOf<'group'>> = createGroupNodes();
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly model: ExplorerModel,
    private readonly lang: () => Lang,
  ) {
    this.subscription = model.onDidChange((change) => {
      if (change.roots) this.changed.fire();
      else for (const group of change.groups) this.changed.fire(this.groups[group]);
    });
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const view = present(node, this.model.state, { lang: this.lang() });
    const item = new vscode.TreeItem(view.label, COLLAPSIBLE[view.collapsible]);
    item.id = node.key;
    item.description = view.description;
    if (view.icon) item.iconPath = new vscode.ThemeIcon(view.icon.id, view.icon.color ? new vscode.ThemeColor(view.icon.color) : undefined);
    item.contextValue = view.contextValue;
    if (view.command) item.command = { title: view.label, ...view.command };
    return item;
  }

  /** Tooltips are built on hover only: an image with hundreds of tags should not slow the list. */
  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
    const tooltip = present(node, this.model.state, { lang: this.lang() }).tooltip?.();
    if (tooltip) item.tooltip = new vscode.MarkdownString(tooltip);
    return item;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) {
      await this.model.load();
      return rootNodes(this.model.state, this.groups);
    }
    if (node.kind === 'image') {
      try {
        return layerNodes(node, await this.model.history(node.image.Id));
      } catch (error) {
        const cause = describeProblem(error, this.model.state.endpoint).cause;
        return [{ kind: 'message', key: `${node.key}/layers:error`, text: TEXT.problem.groupFailed, args: { cause: cause[this.lang()] }, error: false }];
      }
    }
    return childNodes(node, this.model.state);
  }

  /** Redraws the whole tree (after a language or setting change). */
  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
