// The lab's webview panel: made on first show, drawn from the lab (panel.ts), and the typed
// messages both ways (view/protocol.ts). It knows nothing of running or progress: it hands
// each message from the page to its owner and posts what it is given.
import * as vscode from 'vscode';
import { uiLang } from '../../util/vscode/lang';
import type { Lab, VariableValues } from '../labModel';
import type { LabCommandLink, LabFile } from '../view/render';
import { parseViewMessage, type SessionMessage, type StepView, type ViewMessage } from '../view/protocol';
import { panelHtml } from './panel';

export interface LabViewOptions {
  /** The session this view belongs to; messages naming another are dropped. */
  sessionId: string;
  extensionUri: vscode.Uri;
  /** Folder the commands run in (images may come from there too). */
  workdir: string;
  /** A message from this lab's page. */
  onMessage(message: ViewMessage): Promise<void>;
  /** The learner closed the panel. */
  onClosed(): void;
}

export interface LabPage {
  lab: Lab;
  vars?: VariableValues;
  interactive: boolean;
}

export class LabView implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  /** A step to scroll to once the page has loaded (a message before that is lost). */
  private pendingFocus?: string;
  /** The page's code blocks, by the index its copy buttons send. */
  private codeBlocks: string[] = [];
  /** Its file fences and command links, likewise by index. */
  private files: LabFile[] = [];
  private links: LabCommandLink[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly o: LabViewOptions) {}

  /** The webview panel while it is open. */
  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Reveals the panel, or makes it and draws `page`. */
  show(page: LabPage, column = vscode.ViewColumn.Active): void {
    if (this.panel) {
      this.panel.reveal(column);
      return;
    }
    const roots = [vscode.Uri.joinPath(this.o.extensionUri, 'media', 'lab'), vscode.Uri.file(page.lab.dir), vscode.Uri.file(this.o.workdir)];
    const panel = vscode.window.createWebviewPanel('dockerLabs.lab', page.lab.title[uiLang()], column, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: roots,
    });
    panel.iconPath = vscode.Uri.joinPath(this.o.extensionUri, 'media', 'docker-labs.svg');
    this.panel = panel;
    this.disposables.push(
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.o.onClosed();
      }),
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseViewMessage(raw);
        if (!message || (message.type !== 'ready' && message.sessionId !== this.o.sessionId)) return undefined;
        if (message.type === 'ready' && this.pendingFocus) this.post({ type: 'focusStep', stepId: this.pendingFocus });
        return this.o.onMessage(message);
      }),
    );
    this.draw(page);
  }

  /** Draws the page again (the lab or its variables changed, the workspace became trusted). */
  draw(page: LabPage): void {
    if (!this.panel) return;
    this.panel.title = page.lab.title[uiLang()];
    this.panel.webview.html = panelHtml({
      webview: this.panel.webview,
      extensionUri: this.o.extensionUri,
      lab: page.lab,
      vars: page.vars,
      interactive: page.interactive,
      imageRoots: [page.lab.dir, this.o.workdir],
      onRendered: (r) => {
        this.codeBlocks = r.codeBlocks;
        this.files = r.files;
        this.links = r.links;
      },
      restrictedReason: page.interactive ? undefined : vscode.l10n.t('This workspace is not trusted, so this lab is read-only: Run and Check are off. Trust the workspace to run its labs.'),
    });
  }

  /** The text of code block `index` of the page drawn now. */
  codeBlock(index: number): string | undefined {
    return this.codeBlocks[index];
  }

  /** File fence `index` of the page drawn now ("create this file"). */
  file(index: number): LabFile | undefined {
    return this.files[index];
  }

  /** Command link `index` of the page drawn now. */
  link(index: number): LabCommandLink | undefined {
    return this.links[index];
  }

  showState(steps: Record<string, StepView>): void {
    this.post({ type: 'state', steps });
  }

  focusStep(stepId: string): void {
    this.pendingFocus = stepId;
    this.post({ type: 'focusStep', stepId });
  }

  private post(message: SessionMessage): void {
    void this.panel?.webview.postMessage(message);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
