// The live network diagram: a webview drawing the explorer model's networks with mermaid
// (media/lab/vendor/mermaid.min.js, as the lab view does), redrawn whenever the model's
// networks or containers change. It shares the explorer's model and so its one event
// stream: while the panel is visible the model stays live even with the tree hidden.
import * as vscode from 'vscode';
import { pick, type Lang } from '../../util/i18n';
import { networkDiagram } from '../diagram';
import { escapeHtml } from '../../util/html';
import { webviewNonce, webviewPage } from '../../util/webviewPage';
import type { ExplorerModel } from '../explorerModel';
import { describeFilter } from '../filter';

/** What the webview last reported drawn (read by the extension-host tests). */
export interface DiagramDrawn {
  version: number;
  source: string;
  ok: boolean;
}

export class NetworkDiagramPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private version = 0;
  private posted = '';
  private lastDrawn?: DiagramDrawn;
  private readonly drawnEmitter = new vscode.EventEmitter<DiagramDrawn>();
  readonly onDidDraw = this.drawnEmitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly model: ExplorerModel,
    private readonly lang: () => Lang,
    private readonly onDidChangeVisibility: () => void,
  ) {
    this.subscription = model.onDidChange((change) => {
      if (change.roots || change.groups.includes('networks') || change.groups.includes('containers')) this.post();
    });
  }

  get visible(): boolean {
    return !!this.panel?.visible;
  }

  get drawn(): DiagramDrawn | undefined {
    return this.lastDrawn;
  }

  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('dockerLabs.networkDiagram', vscode.l10n.t('Network Diagram'), vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      retainContextWhenHidden: false,
      localResourceRoots: [media],
    });
    this.panel = panel;
    this.posted = '';
    panel.webview.html = this.html(panel.webview, media);
    panel.webview.onDidReceiveMessage((m: { type?: string; version?: number; ok?: boolean }) => {
      if (m?.type === 'ready') {
        this.posted = '';
        this.post();
      } else if (m?.type === 'drawn' && typeof m.version === 'number') {
        this.lastDrawn = { version: m.version, source: this.sources.get(m.version) ?? '', ok: m.ok === true };
        this.drawnEmitter.fire(this.lastDrawn);
      }
    });
    panel.onDidChangeViewState(() => {
      this.onDidChangeVisibility();
      if (panel.visible) {
        this.posted = '';
        this.post();
      }
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.onDidChangeVisibility();
    });
    this.onDidChangeVisibility();
    await this.model.load();
    this.post();
  }

  /** Sources by version, so a report names what was drawn (the last few only). */
  private readonly sources = new Map<number, string>();

  private post(): void {
    if (!this.panel?.visible) return;
    const state = this.model.state;
    const lang = this.lang();
    const diagram = networkDiagram(state.data, lang, state.filter);
    const message = {
      type: 'draw',
      source: diagram.source,
      problem: state.problem ? pick(state.problem.cause, lang) : undefined,
      subtitle: [state.endpoint, describeFilter(state.filter, lang)].filter(Boolean).join(' · '),
      loading: !state.data.networks && !state.problem,
    };
    const key = JSON.stringify(message);
    if (key === this.posted) return;
    this.posted = key;
    const version = ++this.version;
    this.sources.set(version, diagram.source);
    this.sources.delete(version - 20);
    void this.panel.webview.postMessage({ ...message, version });
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const uri = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(media, ...p)).toString();
    const strings = {
      empty: vscode.l10n.t('No networks or containers to draw.'),
      loading: vscode.l10n.t('Asking the daemon…'),
      error: vscode.l10n.t('This diagram could not be drawn; its source is shown instead.'),
      problem: vscode.l10n.t('Cannot reach Docker: {0}'),
    };
    const esc = escapeHtml;
    const title = vscode.l10n.t('Network Diagram');
    return webviewPage({
      lang: this.lang(),
      title,
      cspSource: webview.cspSource,
      nonce: webviewNonce(),
      styles: [uri('explorer', 'diagram.css')],
      mermaid: true,
      config: { id: 'diagram-config', value: strings },
      scripts: [{ src: uri('explorer', 'diagram.js') }, { src: uri('lab', 'vendor', 'mermaid.min.js'), defer: true }],
      body: `<header><h1>${esc(title)}</h1><div class="subtitle" data-role="subtitle"></div>
<p class="legend">${esc(vscode.l10n.t('Boxes are networks; containers in the same box reach each other by name. A container on several networks stands outside with a line to each. Dashed: built-in networks and stopped containers.'))}</p></header>
<main data-role="diagram" aria-live="polite"></main>`,
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
    this.drawnEmitter.dispose();
  }
}
