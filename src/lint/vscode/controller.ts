// Diagnostics as you type, quick fixes, hovers and the workspace lint. Loaded
// on first use (see index.ts). Each open Dockerfile keeps an IncrementalLinter
// so an edit re-parses only the instructions it touched. ShellCheck runs off
// the hot path: our diagnostics are published first, its findings merge in
// when its process is done, and an edit kills a run still going. A rule that
// throws is logged to the "Docker Labs Lint" output channel (the other rules'
// diagnostics still show). The build context of a
// Dockerfile is its workspace folder (its own folder outside one); its answers
// are cached until an ignore file or a package.json changes.
import * as path from 'path';
import * as vscode from 'vscode';
import { pick } from '../../util/i18n';
import { uiLang } from '../../util/vscode/lang';
import { findWorkspaceDockerfiles } from '../../util/vscode/dockerfile';
import { IncrementalLinter, lintText, mergeConfigs, ruleById, type LintResult, type RuleError } from '../linter';
import { isShellCheckRef, ShellCheckRunner, shellcheckDockerfile, shellcheckDocsUrl, unavailableMessage } from '../shellcheck';
import { explanation } from '../rule';
import { loadHadolintConfig } from '../config';
import { fsBuildContext } from '../buildContext';
import { ignoreEdit } from '../ignore';
import type { BuildContext, Finding, LintConfig, Severity, SeveritySetting } from '../types';

const DEBOUNCE_MS = 150;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

interface DocState {
  linter: IncrementalLinter;
  version: number;
  result?: LintResult;
  timer?: ReturnType<typeof setTimeout>;
  /** ShellCheck's findings for one version of the document. */
  shellcheck?: { version: number; findings: Finding[] };
  /** Kills the ShellCheck run in progress. */
  shellcheckRun?: AbortController;
}


function toRange(r: Finding['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export class LintController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('docker-labs');
  private readonly states = new Map<string, DocState>();
  /** Files linted by the workspace command: their diagnostics stay after the editor closes them. */
  private readonly fromWorkspace = new Set<string>();
  private readonly configs = new Map<string, LintConfig | undefined>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/.hadolint.{yaml,yml}');
  /** Build contexts by Dockerfile URI, dropped when the files they read change. */
  private readonly contexts = new Map<string, { dir: string; context: BuildContext }>();
  private readonly contextWatcher = vscode.workspace.createFileSystemWatcher('**/{.dockerignore,*.dockerignore,package.json}');
  private readonly disposables: vscode.Disposable[] = [];
  private readonly log = vscode.window.createOutputChannel('Docker Labs Lint', { log: true });
  private readonly runners = new Map<string, ShellCheckRunner>();
  /** Executables already reported missing (said once, not per lint). */
  private readonly unavailable = new Set<string>();
  /** Rule errors already logged (rule and message), so typing does not repeat them. */
  private readonly loggedErrors = new Set<string>();

  constructor() {
    const reset = (): void => {
      this.configs.clear();
      this.relintAll();
    };
    const contextChanged = (uri: vscode.Uri): void => {
      if (!/[\\/]node_modules[\\/]/.test(uri.fsPath)) this.contextChanged();
    };
    this.disposables.push(
      this.watcher,
      this.watcher.onDidChange(reset),
      this.watcher.onDidCreate(reset),
      this.watcher.onDidDelete(reset),
      this.contextWatcher,
      this.contextWatcher.onDidChange(contextChanged),
      this.contextWatcher.onDidCreate(contextChanged),
      this.contextWatcher.onDidDelete(contextChanged),
      this.collection,
      this.log,
    );
  }

  /** An ignore file or package.json changed (on disk or in an editor): forget the contexts, lint the open Dockerfiles again. */
  contextChanged(): void {
    this.contexts.clear();
    for (const doc of vscode.workspace.textDocuments) if (this.states.has(doc.uri.toString())) this.schedule(doc);
  }

  dispose(): void {
    for (const s of this.states.values()) {
      if (s.timer) clearTimeout(s.timer);
      s.shellcheckRun?.abort();
    }
    this.states.clear();
    for (const d of this.disposables) d.dispose();
  }

  /** Lints `doc` after the typing pause (or at once with `delay` 0). */
  schedule(doc: vscode.TextDocument, delay = DEBOUNCE_MS): void {
    const state = this.state(doc);
    if (state.timer) clearTimeout(state.timer);
    if (state.shellcheck?.version !== doc.version) this.cancelShellCheck(state);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      if (!doc.isClosed) this.lintNow(doc);
    }, delay);
  }

  /** Lints now and publishes the diagnostics; returns the findings. */
  lintNow(doc: vscode.TextDocument): Finding[] {
    const state = this.state(doc);
    if (state.timer) {
      clearTimeout(state.timer);
      state.timer = undefined;
    }
    const settings = vscode.workspace.getConfiguration('dockerLabs.lint', doc.uri);
    if (!settings.get<boolean>('enable', true)) {
      state.result = undefined;
      this.cancelShellCheck(state);
      state.shellcheck = undefined;
      this.collection.delete(doc.uri);
      return [];
    }
    const config = this.configFor(doc.uri, settings);
    const result = state.linter.lint(doc.getText(), { lang: uiLang(), config, context: this.contextFor(doc.uri)?.context });
    state.result = result;
    state.version = doc.version;
    this.logRuleErrors(doc.uri, result.ruleErrors);
    this.publish(doc.uri, state);
    this.startShellCheck(doc, state, settings, config);
    return result.findings;
  }

  /** Ours, then ShellCheck's when it has checked this version. */
  private publish(uri: vscode.Uri, state: DocState): void {
    const ours = state.result?.findings ?? [];
    const theirs = state.shellcheck?.version === state.version ? state.shellcheck.findings : [];
    this.collection.set(uri, [...ours, ...theirs].map((f) => this.diagnostic(f)));
  }

  private cancelShellCheck(state: DocState): void {
    state.shellcheckRun?.abort();
    state.shellcheckRun = undefined;
  }

  private startShellCheck(doc: vscode.TextDocument, state: DocState, settings: vscode.WorkspaceConfiguration, config: LintConfig): void {
    const model = state.result?.model;
    if (!model || !settings.get<boolean>('shellcheck.enable', true)) {
      this.cancelShellCheck(state);
      state.shellcheck = undefined;
      return;
    }
    const version = doc.version;
    if (state.shellcheck?.version === version || state.shellcheckRun) return;
    const runner = this.runner(settings);
    const executable = runner.executable;
    const run = new AbortController();
    state.shellcheckRun = run;
    void shellcheckDockerfile(model, runner, { lang: uiLang(), config, signal: run.signal }).then((outcome) => {
      if (state.shellcheckRun === run) state.shellcheckRun = undefined;
      if (run.signal.aborted || outcome.status === 'cancelled' || this.states.get(doc.uri.toString()) !== state) return;
      if (outcome.status === 'unavailable') {
        if (!this.unavailable.has(executable)) {
          this.unavailable.add(executable);
          const message = pick(unavailableMessage(outcome), uiLang());
          this.log.info(message);
          void vscode.window.showInformationMessage(message);
        }
        return;
      }
      this.unavailable.delete(executable);
      if (doc.isClosed || doc.version !== version) return;
      state.shellcheck = { version, findings: outcome.findings };
      if (state.version === version) this.publish(doc.uri, state);
    });
  }

  /** One runner (and so one result cache) per configured executable. */
  private runner(settings: vscode.WorkspaceConfiguration): ShellCheckRunner {
    const executable = settings.get<string>('shellcheck.path', '')?.trim() || 'shellcheck';
    let runner = this.runners.get(executable);
    if (!runner) this.runners.set(executable, (runner = new ShellCheckRunner({ executable, concurrency: 1 })));
    return runner;
  }

  private logRuleErrors(uri: vscode.Uri, errors: readonly RuleError[]): void {
    for (const e of errors) {
      const detail = e.error instanceof Error ? (e.error.stack ?? `${e.error.name}: ${e.error.message}`) : String(e.error);
      const key = `${e.rule}\0${e.error instanceof Error ? e.error.message : String(e.error)}`;
      if (this.loggedErrors.has(key)) continue;
      this.loggedErrors.add(key);
      this.log.error(`rule ${e.rule} threw on ${uri.toString(true)}: ${detail}`);
    }
  }

  forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const state = this.states.get(key);
    if (state?.timer) clearTimeout(state.timer);
    if (state) this.cancelShellCheck(state);
    this.states.delete(key);
    if (!this.fromWorkspace.has(key)) this.collection.delete(doc.uri);
  }

  relintAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      const state = this.states.get(doc.uri.toString());
      if (!state) continue;
      // Settings or a .hadolint.yaml changed: ShellCheck's findings are re-derived too.
      this.cancelShellCheck(state);
      state.shellcheck = undefined;
      this.schedule(doc, 0);
    }
  }

  private state(doc: vscode.TextDocument): DocState {
    const key = doc.uri.toString();
    let s = this.states.get(key);
    if (!s) {
      s = { linter: new IncrementalLinter(), version: -1 };
      this.states.set(key, s);
    }
    return s;
  }

  /** .hadolint.yaml found upward from the file (up to its workspace folder), then the settings on top. */
  private configFor(uri: vscode.Uri, settings: vscode.WorkspaceConfiguration): LintConfig {
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    const dir = uri.scheme === 'file' ? path.dirname(uri.fsPath) : folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
    let hadolint: LintConfig | undefined;
    if (dir) {
      if (!this.configs.has(dir)) {
        const stop = folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
        this.configs.set(dir, loadHadolintConfig(path.join(dir, 'Dockerfile'), stop)?.config);
      }
      hadolint = this.configs.get(dir);
    }
    const rules = settings.get<Record<string, SeveritySetting>>('rules', {}) ?? {};
    return mergeConfigs(hadolint, { severity: rules });
  }

  /** The Dockerfile's build context: its workspace folder, else its own folder (files on disk only). */
  private contextFor(uri: vscode.Uri): { dir: string; context: BuildContext } | undefined {
    if (uri.scheme !== 'file') return undefined;
    const key = uri.toString();
    let entry = this.contexts.get(key);
    if (!entry) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const dir = folder?.uri.scheme === 'file' ? folder.uri.fsPath : path.dirname(uri.fsPath);
      // An ignore file with unsaved edits counts as the user sees it; a saved one is read from disk (it may have been deleted since).
      const read = (abs: string): string | undefined => vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.scheme === 'file' && d.uri.fsPath === abs)?.getText();
      entry = { dir, context: fsBuildContext(uri.fsPath, dir, read) };
      this.contexts.set(key, entry);
    }
    return entry;
  }

  private diagnostic(f: Finding): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(f.range), f.message, SEVERITY[f.severity]);
    const shellcheck = isShellCheckRef(f.rule);
    d.source = shellcheck ? 'ShellCheck' : 'docker-labs';
    const url = shellcheck ? shellcheckDocsUrl(f.rule) : ruleById(f.rule)?.meta.docs.url;
    d.code = url ? { value: f.rule, target: vscode.Uri.parse(url) } : f.rule;
    return d;
  }

  /** The current lint of `doc` (re-run when the text moved on since the last one). */
  private current(doc: vscode.TextDocument): LintResult | undefined {
    const state = this.state(doc);
    if (!state.result || state.version !== doc.version) this.lintNow(doc);
    return state.result;
  }

  codeActions(doc: vscode.TextDocument, _range: vscode.Range | vscode.Selection, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.current(doc);
    if (!result) return [];
    const actions: vscode.CodeAction[] = [];
    const ignored = new Set<string>();
    for (const diag of ctx.diagnostics) {
      if (diag.source !== 'docker-labs' && diag.source !== 'ShellCheck') continue;
      const rule = typeof diag.code === 'object' ? String(diag.code.value) : String(diag.code);
      const findings = diag.source === 'ShellCheck' ? (this.state(doc).shellcheck?.findings ?? []) : result.findings;
      const finding = findings.find((f) => f.rule === rule && toRange(f.range).isEqual(diag.range));
      if (!finding) continue;
      if (finding.fix) {
        const action = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
        const edit = new vscode.WorkspaceEdit();
        for (const e of finding.fix.edits) edit.replace(doc.uri, toRange(e.range), e.newText);
        const dir = this.contextFor(doc.uri)?.dir;
        for (const file of finding.fix.files ?? []) {
          if (!dir) continue;
          const uri = vscode.Uri.file(path.resolve(dir, file.path));
          if (file.create) edit.createFile(uri, { ignoreIfExists: true });
          for (const e of file.edits) edit.replace(uri, toRange(e.range), e.newText);
        }
        action.edit = edit;
        action.diagnostics = [diag];
        action.isPreferred = true;
        actions.push(action);
      }
      if (result.model && !ignored.has(rule)) {
        ignored.add(rule);
        const action = new vscode.CodeAction(vscode.l10n.t('Ignore {0} for this instruction', rule), vscode.CodeActionKind.QuickFix);
        const e = ignoreEdit(result.model, doc.offsetAt(diag.range.start), rule);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(doc.uri, toRange(e.range), e.newText);
        action.edit = edit;
        action.diagnostics = [diag];
        actions.push(action);
      }
    }
    return actions;
  }

  hover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.current(doc);
    if (!result) return undefined;
    const lang = uiLang();
    const here = result.findings.filter((f) => toRange(f.range).contains(position) || (f.range.start.line === f.range.end.line && f.range.start.character === f.range.end.character && f.range.start.line === position.line));
    if (here.length > 0) {
      const md = new vscode.MarkdownString();
      here.forEach((f, i) => {
        const meta = ruleById(f.rule)?.meta;
        if (!meta) return;
        if (i > 0) md.appendMarkdown('\n\n---\n\n');
        const ids = [f.rule, f.hadolint, f.buildkit].filter(Boolean).map((id) => `\`${id}\``).join(' · ');
        md.appendMarkdown(`**${pick(meta.title, lang)}** ${ids}\n\n`);
        md.appendMarkdown(explanation(meta, lang) + '\n\n');
        md.appendMarkdown(`*${vscode.l10n.t('Course')}: ${pick(meta.course.session.title, lang)} · ${pick(meta.course.section, lang)}*`);
      });
      return new vscode.Hover(md);
    }
    // What an instruction keyword does is the language capability's hover (src/language).
    return undefined;
  }

  /** Lints every Dockerfile in the workspace into the Problems panel; returns counts. */
  async lintWorkspace(): Promise<{ files: number; findings: number }> {
    const uris = await findWorkspaceDockerfiles();
    let findings = 0;
    const lang = uiLang();
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Linting Dockerfiles…') }, async () => {
      for (const uri of uris) {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        let list: Finding[];
        if (open) {
          list = this.lintNow(open);
        } else {
          const settings = vscode.workspace.getConfiguration('dockerLabs.lint', uri);
          if (!settings.get<boolean>('enable', true)) continue;
          const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
          const config = this.configFor(uri, settings);
          const result = lintText(text, { lang, config, context: this.contextFor(uri)?.context });
          this.logRuleErrors(uri, result.ruleErrors);
          list = result.findings;
          if (result.model && settings.get<boolean>('shellcheck.enable', true)) {
            const outcome = await shellcheckDockerfile(result.model, this.runner(settings), { lang, config });
            if (outcome.status === 'ok') list = [...list, ...outcome.findings];
          }
          this.collection.set(uri, list.map((f) => this.diagnostic(f)));
        }
        this.fromWorkspace.add(uri.toString());
        findings += list.length;
      }
    });
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showInformationMessage(vscode.l10n.t('Docker Labs: linted {0} Dockerfiles, {1} findings.', uris.length, findings));
    return { files: uris.length, findings };
  }
}
