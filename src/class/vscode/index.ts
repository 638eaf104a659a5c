// The instructor's Class view: a webview grid of pairs × steps for one built-in session on
// the daemon the editor uses (local, tcp:// with TLS, ssh://), refreshed from the Docker
// event stream (the explorer's EventWatcher), with "Merge progress files…", "Export CSV…"
// and "Reset pair N" (the lab's scoped reset, confirmed in a modal that lists what goes).
// The session and the pair count are kept per workspace.
import * as path from 'path';
import * as vscode from 'vscode';
import type { DockerService } from '../../docker/vscode';
import { describeDockerError } from '../../docker';
import { EventWatcher } from '../../explorer';
import { discoverSessions, loadSessionFolder, DockerodeState, type Lab, type ProgressExport } from '../../lab';
import { uiLang } from '../../util/vscode/lang';
import { webviewNonce } from '../../util/webviewPage';
import { classCsv, classPageHtml, classStatus, dockerClassSource, mergeProgress, pairVariable, parseProgressFile, planPairReset, resetPair, type ClassGrid } from '..';

const SESSION_KEY = 'dockerLabs.class.session';
const PAIRS_KEY = 'dockerLabs.class.pairCount';
const DEFAULT_SESSION = 'image-management';
const REFRESH_DEBOUNCE_MS = 150;

export interface ClassApi {
  /** The grid last drawn (tests). */
  readonly grid: ClassGrid | undefined;
  /** The page last drawn (tests). */
  readonly html: string | undefined;
  refresh(): Promise<ClassGrid | undefined>;
}

class ClassView implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private watcher?: EventWatcher;
  private timer?: ReturnType<typeof setTimeout>;
  private refreshing?: Promise<ClassGrid | undefined>;
  private again = false;
  private progressFiles: { source: string; exports: ProgressExport[] }[] = [];
  grid?: ClassGrid;
  html?: string;
  problem?: string;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly docker: DockerService,
  ) {}

  private sessions(): { id: string; dir: string; title: string }[] {
    return discoverSessions([path.join(this.context.extensionPath, 'exercises')]).map((s) => ({ id: s.id, dir: s.dir, title: s.title[uiLang()] }));
  }

  get sessionId(): string {
    return this.context.workspaceState.get<string>(SESSION_KEY) ?? DEFAULT_SESSION;
  }

  get pairCount(): number {
    return this.context.workspaceState.get<number>(PAIRS_KEY) ?? 12;
  }

  lab(): Lab | undefined {
    const entry = this.sessions().find((s) => s.id === this.sessionId);
    return entry ? loadSessionFolder(entry.dir, uiLang()).lab : undefined;
  }

  async configure(session: string | undefined, pairs: number | undefined): Promise<void> {
    if (session && this.sessions().some((s) => s.id === session) && session !== this.sessionId) {
      await this.context.workspaceState.update(SESSION_KEY, session);
      this.progressFiles = [];
    }
    if (pairs !== undefined && Number.isInteger(pairs) && pairs >= 1) {
      const max = pairVariable(this.lab() ?? ({ variables: [] } as unknown as Lab))?.max ?? 30;
      await this.context.workspaceState.update(PAIRS_KEY, Math.min(pairs, max));
    }
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel('dockerLabs.class', vscode.l10n.t('Class'), vscode.ViewColumn.Active, { enableScripts: true, enableCommandUris: false, localResourceRoots: [] });
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'docker-labs.svg');
    this.panel = panel;
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.watcher?.stop();
      this.watcher = undefined;
    });
    panel.webview.onDidReceiveMessage((m: { type?: string; session?: string; count?: number; pair?: number }) => this.onMessage(m));
    this.watcher = new EventWatcher({
      client: () => this.docker.client(),
      onEvent: () => this.refreshSoon(),
      onConnected: () => this.refreshSoon(),
      onDisconnected: () => this.refreshSoon(),
    });
    this.watcher.start();
    this.draw();
  }

  private async onMessage(m: { type?: string; session?: string; count?: number; pair?: number }): Promise<void> {
    switch (m.type) {
      case 'refresh':
        await this.refresh();
        break;
      case 'session':
        await this.configure(m.session, undefined);
        await this.refresh();
        break;
      case 'pairs':
        await this.configure(undefined, m.count);
        await this.refresh();
        break;
      case 'merge':
        await vscode.commands.executeCommand('dockerLabs.class.mergeProgress');
        break;
      case 'csv':
        await vscode.commands.executeCommand('dockerLabs.class.exportCsv');
        break;
      case 'reset':
        if (typeof m.pair === 'number') await vscode.commands.executeCommand('dockerLabs.class.resetPair', m.pair);
        break;
    }
  }

  endpointChanged(): void {
    this.watcher?.restart();
    this.refreshSoon();
  }

  /** Coalesces an event storm into one refresh after it. */
  refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DEBOUNCE_MS);
  }

  refresh(): Promise<ClassGrid | undefined> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.again = false;
          await this.refreshOnce();
        } while (this.again);
        return this.grid;
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  private async refreshOnce(): Promise<void> {
    const lab = this.lab();
    const lang = uiLang();
    if (!lab) {
      this.grid = undefined;
      this.problem = vscode.l10n.t('No built-in session named {0}.', this.sessionId);
    } else if (!pairVariable(lab)) {
      this.grid = undefined;
      this.problem = vscode.l10n.t('Session {0} has no pair variable, so it cannot be shown per pair.', lab.id);
    } else {
      const pairs = Array.from({ length: this.pairCount }, (_, i) => i + 1);
      try {
        const endpoint = this.docker.endpoint;
        const grid = await classStatus(lab, pairs, dockerClassSource(this.docker.client(), endpoint.host, lang));
        this.grid = this.progressFiles.length ? mergeProgress(grid, this.progressFiles) : grid;
        this.problem = undefined;
      } catch (err) {
        this.problem = describeDockerError(err, { endpoint: this.docker.endpoint }).message[lang];
      }
    }
    this.draw();
  }

  private draw(): void {
    const nonce = webviewNonce();
    this.html = classPageHtml({
      grid: this.grid,
      problem: this.problem,
      sessions: this.sessions().map((s) => ({ id: s.id, title: s.title })),
      session: this.sessionId,
      pairCount: this.pairCount,
      lang: uiLang(),
      nonce,
      cspSource: this.panel?.webview.cspSource ?? '',
      texts: {
        title: vscode.l10n.t('Class'),
        session: vscode.l10n.t('Session'),
        pairs: vscode.l10n.t('Pairs'),
        refresh: vscode.l10n.t('Refresh'),
        merge: vscode.l10n.t('Merge progress files…'),
        exportCsv: vscode.l10n.t('Export CSV…'),
        resetPair: vscode.l10n.t('Reset'),
        pair: vscode.l10n.t('Pair'),
        passed: vscode.l10n.t('Passed'),
        clickCell: vscode.l10n.t("Click a cell to see its check's sentence."),
        checkedAt: vscode.l10n.t('Checked at'),
      },
    });
    if (this.panel) this.panel.webview.html = this.html;
  }

  async merge(uris: vscode.Uri[] | undefined): Promise<ClassGrid | undefined> {
    const picked = uris ?? (await vscode.window.showOpenDialog({ canSelectMany: true, filters: { JSON: ['json'] }, title: vscode.l10n.t('Merge progress files') }));
    if (!picked?.length) return this.grid;
    const bad: string[] = [];
    for (const uri of picked) {
      const parsed = parseProgressFile(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'));
      const source = path.basename(uri.fsPath);
      if (parsed.problem) bad.push(`${source}: ${parsed.problem[uiLang()]}`);
      else this.progressFiles = [...this.progressFiles.filter((f) => f.source !== source), { source, exports: parsed.exports }];
    }
    if (bad.length) void vscode.window.showErrorMessage(vscode.l10n.t('Some progress files could not be read: {0}', bad.join('; ')));
    const grid = await this.refresh();
    const used = grid?.merged.filter((m) => m.used).length ?? 0;
    void vscode.window.showInformationMessage(vscode.l10n.t('Merged {0} learner progress record(s).', used));
    return grid;
  }

  async exportCsv(target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    const grid = this.grid ?? (await this.refresh());
    if (!grid) return undefined;
    const defaultUri = vscode.Uri.file(path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? this.context.globalStorageUri.fsPath, `docker-labs-class-${grid.session}.csv`));
    const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri, filters: { CSV: ['csv'] } }));
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(classCsv(grid, uiLang(), { bom: true }), 'utf8'));
    void vscode.window.showInformationMessage(vscode.l10n.t('Class grid exported to {0}.', uri.fsPath));
    return uri;
  }

  /** `confirmed` skips the modal (automation and tests that cannot answer one); the plan is the same. */
  async resetPair(pair: number | undefined, confirmed = false): Promise<{ lines: string[]; done: string[]; errors: string[] } | undefined> {
    const lab = this.lab();
    if (!lab) return undefined;
    const chosen = pair ?? Number(await vscode.window.showInputBox({ title: vscode.l10n.t('Reset pair'), prompt: vscode.l10n.t('Pair number'), validateInput: (v) => (/^\d+$/.test(v.trim()) ? undefined : vscode.l10n.t('A pair number, e.g. 3')) }));
    if (!Number.isInteger(chosen) || chosen < 1) return undefined;
    const state = new DockerodeState(this.docker.client());
    const planned = await planPairReset(state, lab, chosen);
    if (!planned.lines.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Pair {0} has no objects of this lab to remove.', chosen));
      return { lines: [], done: [], errors: [] };
    }
    if (!confirmed) {
      const remove = vscode.l10n.t('Remove');
      const detail = vscode.l10n.t("Only these objects of pair {0}, which the lab declares or creates, are removed; other pairs' objects and everything else stay:", chosen) + '\n' + planned.lines.map((l) => `• ${l}`).join('\n');
      const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Reset pair {0} of "{1}"?', chosen, lab.title[uiLang()]), { modal: true, detail }, remove);
      if (choice !== remove) return undefined;
    }
    const outcome = await resetPair(state, planned);
    if (outcome.errors.length) void vscode.window.showErrorMessage(vscode.l10n.t('Some lab objects could not be removed: {0}', outcome.errors.join('; ')));
    else void vscode.window.showInformationMessage(vscode.l10n.t('Pair {0} reset: {1} object(s) removed.', chosen, outcome.done.length));
    await this.refresh();
    return { lines: planned.lines, ...outcome };
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.watcher?.stop();
    this.panel?.dispose();
  }
}

export function registerClass(context: vscode.ExtensionContext, docker: DockerService): ClassApi {
  const view = new ClassView(context, docker);
  context.subscriptions.push(view);
  const register = (id: string, fn: (...args: unknown[]) => unknown): void => void context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  // open(session?, pairCount?): shows the grid and resolves it once drawn.
  register('dockerLabs.class.open', async (session?: unknown, pairs?: unknown) => {
    await view.configure(typeof session === 'string' ? session : undefined, typeof pairs === 'number' ? pairs : undefined);
    view.show();
    return view.refresh();
  });
  register('dockerLabs.class.refresh', () => view.refresh());
  register('dockerLabs.class.mergeProgress', (uris?: unknown) => view.merge(Array.isArray(uris) && uris.every((u) => u instanceof vscode.Uri) ? (uris as vscode.Uri[]) : undefined));
  register('dockerLabs.class.exportCsv', (uri?: unknown) => view.exportCsv(uri instanceof vscode.Uri ? uri : undefined));
  register('dockerLabs.class.resetPair', (pair?: unknown, confirmed?: unknown) => view.resetPair(typeof pair === 'number' ? pair : undefined, confirmed === true));
  context.subscriptions.push(docker.onDidChangeEndpoint(() => view.endpointChanged()));
  return {
    get grid() {
      return view.grid;
    },
    get html() {
      return view.html;
    },
    refresh: () => view.refresh(),
  };
}
