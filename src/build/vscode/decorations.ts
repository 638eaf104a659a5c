// The cache map in the Dockerfile editor: after each instruction's line, whether the last
// build reused its layer or rebuilt it, with the layer's size and the step's time, in the
// theme's colours (package.json `colors`); a hover on a rebuilt line names the line whose
// cache missed. The map belongs to the text that was built: an edit hides it (the lines
// no longer say what was built), and it comes back when the text is the built one again
// (undo) or when an editor of that text is shown again.
import * as vscode from 'vscode';
import type { CacheMapLine, LineState } from '..';
import { humanSize } from '../../util/format';

const STATES: readonly LineState[] = ['cached', 'rebuilt', 'failed', 'not-run'];
const COLOR: Record<LineState, string> = {
  cached: 'dockerLabs.build.cachedForeground',
  rebuilt: 'dockerLabs.build.rebuiltForeground',
  failed: 'dockerLabs.build.failedForeground',
  'not-run': 'dockerLabs.build.notRunForeground',
};

/** What was applied to one document: its cache map, the text it was built from, and the build's error. */
interface Applied {
  map: CacheMapLine[];
  text: string;
  error?: string;
}

/** One decorated line as the editor shows it (tests read these). */
export interface DecoratedLine {
  line: number;
  state: LineState;
  text: string;
  hover?: string;
}

export class CacheMapDecorations implements vscode.Disposable {
  private readonly types: Record<LineState, vscode.TextEditorDecorationType>;
  private readonly applied = new Map<string, Applied>();
  /** What the editors of each document show now (empty when hidden). */
  private readonly shown = new Map<string, DecoratedLine[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    const make = (state: LineState) =>
      vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        after: { color: new vscode.ThemeColor(COLOR[state]), margin: '0 0 0 2em', fontStyle: 'italic' },
        overviewRulerColor: new vscode.ThemeColor(COLOR[state]),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
    this.types = { cached: make('cached'), rebuilt: make('rebuilt'), failed: make('failed'), 'not-run': make('not-run') };
    this.disposables.push(
      ...Object.values(this.types),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.applied.has(e.document.uri.toString())) this.refresh(e.document);
      }),
      // An editor shown again starts without decorations: give it the map again.
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        const visible = new Set(editors.map((e) => e.document.uri.toString()));
        for (const key of [...this.shown.keys()]) if (!visible.has(key)) this.shown.delete(key);
        for (const editor of editors) if (this.applied.has(editor.document.uri.toString())) this.decorate(editor);
      }),
    );
  }

  /** Shows `map` (built from `text`) on every editor of the document, now and whenever one is shown again. */
  apply(uri: vscode.Uri, text: string, map: CacheMapLine[], error?: string): void {
    this.applied.set(uri.toString(), { map, text, ...(error ? { error } : {}) });
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc) this.refresh(doc);
  }

  /** What the visible editors of `uri` show now (nothing when none is visible). */
  shownOn(uri: vscode.Uri): DecoratedLine[] {
    return this.shown.get(uri.toString()) ?? [];
  }

  private refresh(doc: vscode.TextDocument): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === doc) this.decorate(editor);
  }

  private decorate(editor: vscode.TextEditor): void {
    const key = editor.document.uri.toString();
    const applied = this.applied.get(key);
    const current = applied && editor.document.getText() === applied.text ? applied : undefined;
    const byState = new Map<LineState, vscode.DecorationOptions[]>(STATES.map((s) => [s, []]));
    const shown: DecoratedLine[] = [];
    for (const line of current?.map ?? []) {
      if (line.line >= editor.document.lineCount) continue;
      const label = lineLabel(line, current?.error);
      const hover = lineHover(line, current!.map, current?.error);
      const range = editor.document.lineAt(line.line).range;
      const options: vscode.DecorationOptions = { range, renderOptions: { after: { contentText: label } } };
      if (hover) options.hoverMessage = hover;
      byState.get(line.state)!.push(options);
      shown.push({ line: line.line, state: line.state, text: label, ...(hover ? { hover: hover.value } : {}) });
    }
    for (const state of STATES) editor.setDecorations(this.types[state], byState.get(state)!);
    this.shown.set(key, shown);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `✓ 캐시 사용 · 1.2MB · 0.3 s` */
export function lineLabel(line: CacheMapLine, error?: string): string {
  const head = {
    cached: () => vscode.l10n.t('✓ cached'),
    rebuilt: () => vscode.l10n.t('↻ rebuilt'),
    failed: () => vscode.l10n.t('✗ failed'),
    'not-run': () => vscode.l10n.t('○ not run'),
  }[line.state]();
  const parts = [head];
  if (line.sizeBytes !== undefined) parts.push(humanSize(line.sizeBytes));
  if (line.durationMs !== undefined && line.state !== 'not-run') parts.push(seconds(line.durationMs));
  const failure = line.step?.error ?? error;
  if (line.state === 'failed' && failure) parts.push(oneLine(failure, 80));
  return parts.join(' · ');
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Why a line rebuilt (the line whose cache missed), why it failed, or why it did not run. */
function lineHover(line: CacheMapLine, map: readonly CacheMapLine[], error?: string): vscode.MarkdownString | undefined {
  const md = new vscode.MarkdownString();
  if (line.state === 'failed') {
    md.appendMarkdown(`**${vscode.l10n.t('This instruction failed; the build stopped here.')}**\n\n`);
    const failure = line.step?.error ?? error;
    if (failure) md.appendCodeblock(failure, 'text');
    return md;
  }
  if (line.state === 'not-run') {
    md.appendText(vscode.l10n.t('Not run: the build stopped before this instruction.'));
    return md;
  }
  if (line.state !== 'rebuilt' || line.cause === undefined) return undefined;
  const cause = map.find((l) => l.line === line.cause);
  if (line.cause === line.line) {
    md.appendText(vscode.l10n.t('The cache missed here: this instruction or the files it copies differ from the last build (or nothing was built before), so it ran again, and every instruction after it in this stage runs again too.'));
  } else {
    md.appendText(vscode.l10n.t('The cache missed at line {0}, so every instruction after it ran again, this one included.', line.cause + 1));
    if (cause) md.appendMarkdown('\n\n').appendCodeblock(cause.text, 'dockerfile');
  }
  // The cache-order pillar: a COPY of the whole app before an install makes every code change reinstall.
  if (line.keyword === 'RUN' && cause && (cause.keyword === 'COPY' || cause.keyword === 'ADD')) {
    md.appendMarkdown('\n\n');
    md.appendText(vscode.l10n.t('Copy the dependency files first (COPY package*.json ./), install, then COPY the rest: a code change then keeps the install cached.'));
  }
  return md;
}
