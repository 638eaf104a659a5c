// The image pictures: an image's layers as a bar chart with their table (rows linked to the
// workspace Dockerfile line that made them), and two or more images side by side. Both are
// webviews drawing the mermaid charts of ../layerChart and ../sizeComparison with the bundled
// mermaid (media/lab/vendor/mermaid.min.js), as the network diagram does. The commands
// (./commands/imageCommands) fetch from the daemon and print the `docker` lines; this shows
// what they got, or the problem in the panel itself.
import * as vscode from 'vscode';
import { pick, type Lang } from '../../util/i18n';
import { escapeHtml } from '../../util/html';
import { webviewNonce, webviewPage } from '../../util/webviewPage';
import { findWorkspaceDockerfiles } from '../../util/vscode/dockerfile';
import type { HistoryEntry } from '../daemonLists';
import { humanSize } from '../format';
import { dockerfileSteps, layerChart, type LayerChart } from '../layerChart';
import type { ExplorerProblem } from '../problem';
import { sizeComparison, type ImageLayers, type SizeComparison } from '../sizeComparison';
import type { BuiltImages } from '../../build';

/** What a command got from the daemon: the data, or the problem to show instead. */
export type Fetched<T> = { value: T } | { problem: ExplorerProblem };

/** A table row as the webview shows it. */
export interface ShownLayerRow {
  step: number;
  instruction: string;
  size: number;
  sizeText: string;
  shareText: string;
  metadataOnly: boolean;
  /** `Dockerfile.basic:5` when a workspace Dockerfile line made it (the row is a link). */
  source?: string;
}

export interface ShownImage {
  ref: string;
  total: number;
  totalText: string;
  sharedText: string;
  source: string;
  layers: Array<{ step: number; instruction: string; size: number; sizeText: string; shared: boolean }>;
}

export type ChartMessage =
  | { type: 'layers'; title: string; problem?: string; note?: string; source: string; total: number; totalText: string; rows: ShownLayerRow[] }
  | { type: 'compare'; title: string; problem?: string; note?: string; source: string; images: ShownImage[] };

/** What the webview last reported drawn (read by the extension-host tests). */
export interface ChartDrawn {
  version: number;
  message: ChartMessage;
  ok: boolean;
  /** The bars mermaid drew, over all the panel's charts. */
  bars: number;
}

type Kind = ChartMessage['type'];

/** One webview panel of one kind, reused (and retitled) for the next image. */
class ChartView implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private version = 0;
  private current?: ChartMessage & { version: number };
  private lastDrawn?: ChartDrawn;
  private readonly drawnEmitter = new vscode.EventEmitter<ChartDrawn>();
  readonly onDidDraw = this.drawnEmitter.event;

  constructor(
    private readonly kind: Kind,
    private readonly extensionUri: vscode.Uri,
    private readonly lang: () => Lang,
    private readonly onOpen: (step: number) => void,
  ) {}

  get drawn(): ChartDrawn | undefined {
    return this.lastDrawn;
  }

  private title(): string {
    return this.kind === 'layers' ? vscode.l10n.t('Layer chart') : vscode.l10n.t('Compare image sizes');
  }

  show(message: ChartMessage): void {
    this.current = { ...message, version: ++this.version };
    if (!this.panel) {
      const media = vscode.Uri.joinPath(this.extensionUri, 'media');
      const panel = vscode.window.createWebviewPanel(`dockerLabs.${this.kind === 'layers' ? 'layerChart' : 'sizeComparison'}`, this.title(), vscode.ViewColumn.Active, {
        enableScripts: true,
        enableCommandUris: false,
        retainContextWhenHidden: false,
        localResourceRoots: [media],
      });
      this.panel = panel;
      panel.webview.html = this.html(panel.webview, media);
      panel.webview.onDidReceiveMessage((m: { type?: string; version?: number; ok?: boolean; bars?: number; step?: number }) => {
        if (m?.type === 'ready') this.post();
        else if (m?.type === 'drawn' && this.current && m.version === this.current.version) {
          const { version, ...shown } = this.current;
          this.lastDrawn = { version, message: shown, ok: m.ok === true, bars: typeof m.bars === 'number' ? m.bars : 0 };
          this.drawnEmitter.fire(this.lastDrawn);
        } else if (m?.type === 'open' && typeof m.step === 'number' && this.kind === 'layers') this.onOpen(m.step);
      });
      // Not retained when hidden: the page is made again and asks for the chart ('ready').
      panel.onDidDispose(() => {
        this.panel = undefined;
      });
    } else {
      this.panel.reveal();
      this.post();
    }
    this.panel.title = `${this.title()}: ${message.title}`;
  }

  private post(): void {
    if (this.current) void this.panel?.webview.postMessage(this.current);
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const uri = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(media, ...p)).toString();
    const strings = {
      loading: vscode.l10n.t('Asking the daemon…'),
      error: vscode.l10n.t('This chart could not be drawn; its source is shown instead.'),
      step: '#',
      instruction: vscode.l10n.t('Instruction (created by)'),
      size: vscode.l10n.t('Size'),
      share: vscode.l10n.t('Share'),
      dockerfile: vscode.l10n.t('Dockerfile line'),
      shared: vscode.l10n.t('Shared'),
      sharedYes: vscode.l10n.t('shared'),
      total: vscode.l10n.t('Total'),
      image: vscode.l10n.t('Image'),
      sharedBytes: vscode.l10n.t('in layers shared with the other images: {0}'),
      openLine: vscode.l10n.t('Open {0} at this line'),
    };
    const legend =
      this.kind === 'layers'
        ? vscode.l10n.t('Each bar is a layer, labelled with the instruction that made it. Steps that only change settings (CMD, ENV…) add 0 B and have no bar. A row with a Dockerfile line opens it.')
        : vscode.l10n.t('Total size of each image, then each image\'s layers on one scale. A layer marked shared is stored once and used by several images.');
    const esc = escapeHtml;
    return webviewPage({
      lang: this.lang(),
      title: this.title(),
      cspSource: webview.cspSource,
      nonce: webviewNonce(),
      styles: [uri('explorer', 'diagram.css'), uri('explorer', 'charts.css')],
      mermaid: true,
      config: { id: 'chart-config', value: strings },
      scripts: [{ src: uri('explorer', 'charts.js') }, { src: uri('lab', 'vendor', 'mermaid.min.js'), defer: true }],
      bodyAttributes: `data-kind="${this.kind}"`,
      body: `<header><h1 data-role="title">${esc(this.title())}</h1><div class="subtitle" data-role="subtitle"></div>
<p class="legend">${esc(legend)}</p></header>
<main data-role="chart" aria-live="polite"><p class="empty">${esc(strings.loading)}</p></main>`,
    });
  }

  dispose(): void {
    this.panel?.dispose();
    this.drawnEmitter.dispose();
  }
}

/** A share of the total as the table shows it; a layer too small to show as 0.1% still reads as more than none. */
const percent = (share: number) => (share > 0 && share < 0.001 ? '<0.1%' : `${(share * 100).toFixed(1)}%`);

export class ImageChartPanels implements vscode.Disposable {
  readonly layers: ChartView;
  readonly comparison: ChartView;
  /** The rows the layer chart links, by step: only these lines of these files are opened. */
  private links = new Map<number, { uri: vscode.Uri; line: number }>();

  constructor(
    extensionUri: vscode.Uri,
    private readonly lang: () => Lang,
    private readonly builtImages?: BuiltImages,
  ) {
    this.layers = new ChartView('layers', extensionUri, lang, (step) => void this.openLink(step));
    this.comparison = new ChartView('compare', extensionUri, lang, () => undefined);
  }

  /** The layer chart of `ref` from its `docker history`, rows matched to the workspace's Dockerfiles. */
  async showLayers(ref: string, fetched: Fetched<HistoryEntry[]>): Promise<LayerChart | undefined> {
    const lang = this.lang();
    this.links = new Map();
    if ('problem' in fetched) {
      this.layers.show({ type: 'layers', title: ref, problem: pick(fetched.problem.message, lang), source: '', total: 0, totalText: '', rows: [] });
      return undefined;
    }
    const files = await this.sourceDockerfiles(fetched.value);
    const chart = layerChart(ref, fetched.value, lang, dockerfileSteps(files.map((f) => ({ file: f.uri.toString(), text: f.text }))));
    const names = new Map(files.map((f) => [f.uri.toString(), f.uri]));
    const rows = chart.rows.map((r): ShownLayerRow => {
      const uri = r.source ? names.get(r.source.file) : undefined;
      if (uri && r.source) this.links.set(r.step, { uri, line: r.source.line });
      return {
        step: r.step,
        instruction: r.instruction,
        size: r.size,
        sizeText: humanSize(r.size),
        shareText: percent(r.share),
        metadataOnly: r.metadataOnly,
        ...(uri && r.source ? { source: `${vscode.workspace.asRelativePath(uri, false)}:${r.source.line + 1}` } : {}),
      };
    });
    const note = rows.length === 0 ? vscode.l10n.t('{0} has no layers: its history is empty.', ref) : !chart.source ? vscode.l10n.t('No layer of {0} holds any files: there is no bar to draw.', ref) : undefined;
    this.layers.show({ type: 'layers', title: ref, source: chart.source, total: chart.total, totalText: humanSize(chart.total), rows, ...(note ? { note } : {}) });
    return chart;
  }

  /** Two or more images side by side, from their histories and `RootFS.Layers`. */
  showComparison(refs: readonly string[], fetched: Fetched<ImageLayers[]>): SizeComparison | undefined {
    const lang = this.lang();
    const title = refs.join(' · ');
    if ('problem' in fetched) {
      this.comparison.show({ type: 'compare', title, problem: pick(fetched.problem.message, lang), source: '', images: [] });
      return undefined;
    }
    const comparison = sizeComparison(fetched.value, lang);
    const images = comparison.images.map((i): ShownImage => ({
      ref: i.ref,
      total: i.total,
      totalText: humanSize(i.total),
      sharedText: humanSize(i.sharedBytes),
      source: i.source,
      layers: i.layers.map((l) => ({ step: l.step, instruction: l.instruction, size: l.size, sizeText: humanSize(l.size), shared: l.shared })),
    }));
    const note = comparison.source ? undefined : vscode.l10n.t('None of these images has a layer that holds files: there is nothing to draw.');
    this.comparison.show({ type: 'compare', title, source: comparison.source, images, ...(note ? { note } : {}) });
    return comparison;
  }

  /**
   * The Dockerfiles a history's rows may link to: the one Build Image recorded for this image
   * (the newest entry's Id is the image's own when the daemon built it), else every workspace
   * Dockerfile, matched by their text.
   */
  private async sourceDockerfiles(history: readonly HistoryEntry[]): Promise<Array<{ uri: vscode.Uri; text: string }>> {
    const files = await this.workspaceDockerfiles();
    const built = history[0] ? this.builtImages?.byImageId(history[0].Id) : undefined;
    const recorded = built ? files.filter((f) => f.uri.toString() === built.dockerfile) : [];
    return recorded.length ? recorded : files;
  }

  private async workspaceDockerfiles(): Promise<Array<{ uri: vscode.Uri; text: string }>> {
    const decoder = new TextDecoder('utf-8');
    const files: Array<{ uri: vscode.Uri; text: string }> = [];
    for (const uri of await findWorkspaceDockerfiles()) {
      try {
        files.push({ uri, text: decoder.decode(await vscode.workspace.fs.readFile(uri)) });
      } catch {
        // Deleted between the search and the read: it links nothing.
      }
    }
    return files;
  }

  /**
   * A row link clicked (the page posts its step): opens the line only when this chart offered
   * it for that step (the page's word is not trusted). False when it offered none.
   */
  async openLink(step: number): Promise<boolean> {
    const link = this.links.get(step);
    if (!link) return false;
    const position = new vscode.Position(link.line, 0);
    await vscode.window.showTextDocument(link.uri, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.Beside });
    return true;
  }

  dispose(): void {
    this.layers.dispose();
    this.comparison.dispose();
  }
}
