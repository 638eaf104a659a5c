// The lab manager: opens labs (built-in, folders, any Markdown), keeps one LabSession per
// lab, reports malformed lab files in the Problems panel. Loaded on the first lab command,
// so the lab engine (markdown-it, yaml, ajv) stays out of activation.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DockerService } from '../../docker/vscode';
import { discoverSessions, loadMarkdownFile, loadSessionFolder, METADATA_FILE, sidecarFor, type LoadResult } from '../load/load';
import type { Lab, LabProblem, ResourceSet } from '../labModel';
import { labObjects } from '../reset/reset';
import { exportProgress, progressMarkdown, type ProgressExport } from '../progress/progress';
import { copyStarter, starterFiles } from '../load/starter';
import { confirmStarterOverwrite, showStarterCopied } from './dialogs';
import type { LabStore } from './labStore';
import { LabSession } from './session';
import { uiLang } from '../../util/vscode/lang';

/** Where a lab came from, so commands given only a session id can open it again. */
interface LabSource {
  kind: 'builtin' | 'folder' | 'markdown';
  path: string;
}

export class LabManager implements vscode.Disposable {
  private readonly sessions = new Map<string, LabSession>();
  private readonly sources = new Map<string, LabSource>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('docker-labs-lab');
  private readonly sessionsChanged = new vscode.EventEmitter<void>();
  /** A lab opened, closed or reloaded (the explorer's "this lab only" follows it). */
  readonly onDidChangeSessions = this.sessionsChanged.event;
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.sessionsChanged];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly docker: DockerService,
    readonly store: LabStore,
  ) {
    this.disposables.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const s of this.sessions.values()) {
          s.render();
        }
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => this.onSaved(doc.uri.fsPath)),
    );
  }

  get builtinRoot(): string {
    return path.join(this.context.extensionPath, 'exercises');
  }

  builtinSessions() {
    return discoverSessions([this.builtinRoot]);
  }

  private readonly builtinLabs = new Map<string, Lab>();

  /** Every built-in session (loaded once per language) and every lab open here, in course order. */
  knownLabs(): Lab[] {
    const lang = uiLang();
    const labs = new Map<string, Lab>();
    for (const entry of this.builtinSessions()) {
      const key = `${lang}:${entry.dir}`;
      let lab = this.builtinLabs.get(key);
      if (!lab) {
        lab = loadSessionFolder(entry.dir, lang).lab;
        if (lab) this.builtinLabs.set(key, lab);
      }
      if (lab) labs.set(lab.id, lab);
    }
    for (const s of this.sessions.values()) labs.set(s.lab.id, s.lab);
    return [...labs.values()];
  }

  /** Ids of the labs open now, most recent last. */
  openIds(): string[] {
    return [...this.sessions.keys()];
  }

  /** The lab opened most recently, with the objects it owns for my pair: what "Reset lab" would remove (declared, created by its commands, recorded). */
  activeLab(): { title: string; objects: ResourceSet } | undefined {
    const id = this.openIds().pop();
    const session = id ? this.sessions.get(id) : undefined;
    if (!session) return undefined;
    return { title: session.lab.title[uiLang()], objects: labObjects(session.lab, session.vars ?? {}, session.progress.created) };
  }

  /** The open session for an id, if any. */
  session(id: string): LabSession | undefined {
    return this.sessions.get(id);
  }

  private isBuiltin(dir: string): boolean {
    const rel = path.relative(this.builtinRoot, dir);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  }

  private reportProblems(problems: LabProblem[]): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const lang = uiLang();
    for (const p of problems) {
      const start = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
      const end = p.endLine ? new vscode.Position(p.endLine - 1, Math.max(0, (p.endColumn ?? p.column) - 1)) : start.translate(0, 1);
      const d = new vscode.Diagnostic(new vscode.Range(start, end.isAfter(start) ? end : start.translate(0, 1)), p.message[lang], vscode.DiagnosticSeverity.Error);
      d.source = 'docker-labs';
      const list = byFile.get(p.file) ?? [];
      list.push(d);
      byFile.set(p.file, list);
    }
    for (const [file, list] of byFile) this.diagnostics.set(vscode.Uri.file(file), list);
    const first = problems[0];
    const where = first ? `${path.basename(first.file)}:${first.line}:${first.column}` : '';
    void vscode.window
      .showErrorMessage(vscode.l10n.t('This lab cannot open: {0} problem(s) in its files ({1}: {2}).', problems.length, where, first?.message[lang] ?? ''), vscode.l10n.t('Show Problems'))
      .then((c) => c && vscode.commands.executeCommand('workbench.actions.view.problems'));
  }

  private clearProblems(files: string[]): void {
    for (const f of files) this.diagnostics.delete(vscode.Uri.file(f));
  }

  private load(source: LabSource): LoadResult {
    const lang = uiLang();
    return source.kind === 'markdown' ? loadMarkdownFile(source.path, lang) : loadSessionFolder(source.path, lang);
  }

  private filesOf(source: LabSource): string[] {
    if (source.kind === 'markdown') return [source.path, sidecarFor(source.path)].filter((f): f is string => !!f);
    return ['ko.md', 'en.md', METADATA_FILE].map((n) => path.join(source.path, n));
  }

  /** The folder commands run in: the workspace folder (or the lab file's folder, or private storage). */
  private workdirFor(source: LabSource, builtin: boolean): string {
    if (!builtin) {
      const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(source.path));
      if (folder) return folder.uri.fsPath;
      return source.kind === 'markdown' ? path.dirname(source.path) : source.path;
    }
    const first = vscode.workspace.workspaceFolders?.[0];
    if (first) return first.uri.fsPath;
    const base = this.context.globalStorageUri?.fsPath ?? path.join(os.tmpdir(), 'docker-labs');
    return path.join(base, 'workdir');
  }

  /** Opens (or reveals) a lab; returns its session, or undefined when it has problems. */
  async open(source: LabSource): Promise<LabSession | undefined> {
    const result = this.load(source);
    if (!result.lab) {
      this.reportProblems(result.problems);
      return undefined;
    }
    this.clearProblems(this.filesOf(source));
    const lab = result.lab;
    this.sources.set(lab.id, source);
    const existing = this.sessions.get(lab.id);
    if (existing) {
      existing.reload(lab);
      existing.show();
      this.sessionsChanged.fire();
      return existing;
    }
    const builtin = source.kind === 'builtin' || this.isBuiltin(lab.dir);
    const workdir = this.workdirFor(source, builtin);
    const session = new LabSession({
      lab,
      builtin,
      workdir,
      extensionUri: this.context.extensionUri,
      store: this.store,
      docker: this.docker,
      onDispose: () => {
        this.sessions.delete(lab.id);
        session.dispose();
        this.sessionsChanged.fire();
      },
    });
    this.sessions.set(lab.id, session);
    if (session.interactive) {
      if (lab.variables.length && !session.vars) await session.askVariables();
      if (lab.starter) await this.copyStarter(lab.starter, workdir);
    }
    session.show();
    this.sessionsChanged.fire();
    return session;
  }

  private async copyStarter(starter: string, workdir: string): Promise<void> {
    fs.mkdirSync(workdir, { recursive: true });
    const files = starterFiles(starter, workdir);
    const conflicts = files.filter((f) => f.conflict);
    const overwrite = conflicts.length > 0 && (await confirmStarterOverwrite(workdir, conflicts.map((c) => c.rel)));
    showStarterCopied(workdir, copyStarter(files, overwrite));
  }

  /** A session by id (opening a built-in one if needed). */
  async byId(sessionId: string): Promise<LabSession | undefined> {
    const open = this.sessions.get(sessionId);
    if (open) return open;
    const known = this.sources.get(sessionId);
    if (known) return this.open(known);
    const builtin = this.builtinSessions().find((s) => s.id === sessionId || path.basename(s.dir) === sessionId);
    if (builtin) return this.open({ kind: 'builtin', path: builtin.dir });
    void vscode.window.showErrorMessage(vscode.l10n.t('No lab with id "{0}".', sessionId));
    return undefined;
  }

  async openMarkdown(uri: vscode.Uri): Promise<LabSession | undefined> {
    const file = uri.fsPath;
    const sidecar = sidecarFor(file);
    if (sidecar && path.basename(sidecar) === METADATA_FILE && ['ko.md', 'en.md'].includes(path.basename(file))) {
      return this.open({ kind: this.isBuiltin(path.dirname(file)) ? 'builtin' : 'folder', path: path.dirname(file) });
    }
    return this.open({ kind: 'markdown', path: file });
  }

  private onSaved(file: string): void {
    for (const [id, source] of this.sources) {
      if (!this.sessions.has(id) || !this.filesOf(source).includes(file)) continue;
      const result = this.load(source);
      if (!result.lab) this.reportProblems(result.problems);
      else {
        this.clearProblems(this.filesOf(source));
        this.sessions.get(id)!.reload(result.lab);
      }
    }
  }

  /** Progress of every built-in session and every lab opened here, as Markdown or JSON. */
  async exportAll(): Promise<void> {
    const markdown = vscode.l10n.t('Markdown report');
    const json = vscode.l10n.t('JSON');
    const format = await vscode.window.showQuickPick([markdown, json], { title: vscode.l10n.t('Export lab progress') });
    if (!format) return;
    const exports: ProgressExport[] = [];
    const seen = new Set<string>();
    const add = (result: LoadResult): void => {
      if (!result.lab || seen.has(result.lab.id)) return;
      seen.add(result.lab.id);
      exports.push(exportProgress(result.lab, this.store.progress(result.lab)));
    };
    for (const s of this.sessions.values()) add({ lab: s.lab, problems: [] });
    for (const s of this.builtinSessions()) add(loadSessionFolder(s.dir, uiLang()));
    for (const [, source] of this.sources) add(this.load(source));
    const ext = format === json ? 'json' : 'md';
    const defaultUri = vscode.Uri.file(path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir(), `docker-labs-progress.${ext}`));
    const target = await vscode.window.showSaveDialog({ defaultUri, filters: ext === 'json' ? { JSON: ['json'] } : { Markdown: ['md'] } });
    if (!target) return;
    const text = ext === 'json' ? JSON.stringify(exports, null, 2) + '\n' : progressMarkdown(exports, uiLang());
    await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
    void vscode.window.showInformationMessage(vscode.l10n.t('Lab progress exported to {0}.', target.fsPath));
  }

  async pickBuiltin(): Promise<LabSession | undefined> {
    const lang = uiLang();
    const items = this.builtinSessions().map((s) => ({ label: s.title[lang], description: s.id, dir: s.dir }));
    if (!items.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No built-in labs are installed.'));
      return undefined;
    }
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Open a Docker lab') });
    return pick ? this.open({ kind: 'builtin', path: pick.dir }) : undefined;
  }

  dispose(): void {
    for (const s of this.sessions.values()) s.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
