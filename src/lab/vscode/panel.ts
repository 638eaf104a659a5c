// The lab view's HTML shell: strict CSP with a nonce, only local scripts (mermaid only on
// pages that have a diagram), theme-aware CSS from media/lab/.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Lab } from '../labModel';
import { labOsOf, type LabOs } from '../load/fences';
import { renderLab, type LabelKey, type RenderedLab } from '../view/render';
import { escapeHtml } from '../../util/html';
import { webviewNonce, webviewPage } from '../../util/webviewPage';
import type { VariableValues } from '../labModel';
import type { ViewConfig, ViewStrings } from '../view/protocol';

export function labels(): Record<LabelKey, string> {
  return {
    runStep: vscode.l10n.t('Run step'),
    run: vscode.l10n.t('Run in terminal'),
    check: vscode.l10n.t('Check'),
    markDone: vscode.l10n.t('Mark done'),
    hint: vscode.l10n.t('Hint'),
    expectedFailure: vscode.l10n.t('Expected error'),
    'notRunnable.placeholder': vscode.l10n.t('fill in the placeholder and type it yourself'),
    'notRunnable.norun': vscode.l10n.t('example only'),
    'notRunnable.inside-container': vscode.l10n.t('runs inside the container shell'),
    'notRunnable.template': vscode.l10n.t('needs lab variables'),
    destructive: vscode.l10n.t('reaches beyond the lab'),
    interactive: vscode.l10n.t('interactive'),
    imageMissing: vscode.l10n.t('Image not included'),
    remoteImage: vscode.l10n.t('Remote image not loaded'),
    'status.not-started': vscode.l10n.t('Not started'),
    solution: vscode.l10n.t('Solution'),
    copy: vscode.l10n.t('Copy'),
    createFile: vscode.l10n.t('Create this file'),
    osOnly: vscode.l10n.t('Only on {0}'),
  };
}

/** Words the view's script shows (statuses, progress), passed in as JSON. */
export function scriptStrings(): ViewStrings {
  return {
    'not-started': vscode.l10n.t('Not started'),
    running: vscode.l10n.t('Running…'),
    passed: vscode.l10n.t('Passed'),
    failed: vscode.l10n.t('Failed'),
    skipped: vscode.l10n.t('Skipped'),
    progress: vscode.l10n.t('{0} of {1} steps done'),
    mermaidError: vscode.l10n.t('This diagram could not be drawn; its source is shown instead.'),
  };
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export interface PanelHtmlOptions {
  webview: vscode.Webview;
  extensionUri: vscode.Uri;
  lab: Lab;
  vars?: VariableValues;
  interactive: boolean;
  /** Folders images may come from (the lab's folder, the workspace folder). */
  imageRoots: string[];
  restrictedReason?: string;
  /** Receives what the page's buttons name by index: code blocks, file fences, command links. */
  onRendered?(rendered: Pick<RenderedLab, 'codeBlocks' | 'files' | 'links'>): void;
  /** The learner's system for `os=` blocks (default: the extension host's). */
  os?: LabOs;
}

export function panelHtml(o: PanelHtmlOptions): string {
  const media = vscode.Uri.joinPath(o.extensionUri, 'media', 'lab');
  const { html, hasMermaid, codeBlocks, files, links } = renderLab({
    lab: o.lab,
    os: o.os ?? labOsOf(process.platform),
    vars: o.vars,
    labels: labels(),
    interactive: o.interactive,
    resolveImage: (src) => {
      const abs = path.resolve(path.dirname(o.lab.markdownFile), src);
      if (!o.imageRoots.some((r) => isInside(r, abs)) || !fs.existsSync(abs)) return undefined;
      return o.webview.asWebviewUri(vscode.Uri.file(abs)).toString();
    },
  });
  o.onRendered?.({ codeBlocks, files, links });
  const uri = (name: string): string => o.webview.asWebviewUri(vscode.Uri.joinPath(media, name)).toString();
  const lang = o.lab.lang;
  const esc = escapeHtml;
  const varText = Object.entries(o.vars ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
  const viewConfig: ViewConfig = { sessionId: o.lab.id, strings: scriptStrings(), total: o.lab.steps.length };
  const body = `<header class="lab-header">
  <div class="lab-title">${esc(o.lab.title[lang])}</div>
  <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="${o.lab.steps.length}" aria-valuenow="0"><div class="progress-fill"></div></div>
  <div class="progress-text" data-role="progress-text"></div>
  <div class="lab-actions">
    ${o.lab.variables.length ? `<button data-action="variables" title="${esc(vscode.l10n.t('Change lab variables'))}"${o.interactive ? '' : ' disabled'}>${esc(varText || vscode.l10n.t('Variables'))}</button>` : ''}
    <button data-action="prepull"${o.interactive ? '' : ' disabled'}>${esc(vscode.l10n.t('Pre-pull images'))}</button>
    <button data-action="reset"${o.interactive ? '' : ' disabled'}>${esc(vscode.l10n.t('Reset lab'))}</button>
    <button data-action="resetProgress">${esc(vscode.l10n.t('Reset progress'))}</button>
  </div>
  ${o.restrictedReason ? `<div class="restricted" role="note">🔒 ${esc(o.restrictedReason)}</div>` : ''}
</header>
<main class="lab-body">
${html}
</main>`;
  return webviewPage({
    lang,
    title: o.lab.title[lang],
    cspSource: o.webview.cspSource,
    nonce: webviewNonce(),
    styles: [uri('lab.css')],
    // mermaid writes <style> into the SVGs it draws; without a diagram no inline style is allowed.
    mermaid: hasMermaid,
    config: { id: 'lab-config', value: viewConfig },
    scripts: [{ src: uri('lab.js') }, ...(hasMermaid ? [{ src: uri('vendor/mermaid.min.js'), defer: true }] : [])],
    body,
  });
}
