// The HTML shell every webview of Docker Labs shares (the lab view, the Class view, the
// network diagram, the image charts): a Content-Security-Policy that lets nothing run but
// the page's own nonce'd scripts and loads only from the extension's media, the page's
// language and title, its stylesheets, its configuration as inert JSON, and its scripts.
// Pure (URIs and the CSP source come in as strings), so it is tested in plain mocha.
import * as crypto from 'crypto';
import { escapeHtml } from './html';

export interface WebviewPage {
  /** `lang` of the page (`ko`, `en`). */
  lang: string;
  title: string;
  /** `webview.cspSource`: where stylesheets, images, fonts and scripts may come from. */
  cspSource: string;
  /** A fresh one per page (webviewNonce()). */
  nonce: string;
  /** Stylesheet URLs (webview URIs). */
  styles?: string[];
  /** Inline style text, allowed by the nonce. */
  styleText?: string;
  /** mermaid writes `<style>` into the SVGs it draws: only then are inline styles allowed. */
  mermaid?: boolean;
  /** The page script's configuration, as `<script type="application/json" id=…>` (never run). */
  config?: { id: string; value: unknown };
  /** Script URLs, in order; `defer` for one that may load after the page. */
  scripts?: Array<{ src: string; defer?: boolean }>;
  /** Inline script text, allowed by the nonce. */
  scriptText?: string;
  /** Attributes of `<body>`, already escaped (`data-kind="layers"`). */
  bodyAttributes?: string;
  /** The body's markup, already escaped. */
  body: string;
}

export function webviewNonce(): string {
  return crypto.randomBytes(16).toString('base64');
}

export function webviewPage(p: WebviewPage): string {
  const nonce = `'nonce-${p.nonce}'`;
  const styleSources = [p.cspSource, p.styleText ? nonce : '', p.mermaid ? "'unsafe-inline'" : ''].filter(Boolean).join(' ');
  const csp = ["default-src 'none'", `img-src ${p.cspSource}`, `style-src ${styleSources}`, `font-src ${p.cspSource}`, `script-src ${nonce}`].join('; ');
  const attr = (v: string) => escapeHtml(v);
  const head = [
    '<meta charset="UTF-8">',
    // Written as is: its single quotes are the policy's own, and the source and nonce hold no `"`.
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    ...(p.styles ?? []).map((href) => `<link rel="stylesheet" href="${attr(href)}">`),
    ...(p.styleText ? [`<style nonce="${attr(p.nonce)}">\n${p.styleText}\n</style>`] : []),
    `<title>${escapeHtml(p.title)}</title>`,
  ];
  // `<` escaped: no text in the JSON can close the script element.
  const config = p.config ? [`<script nonce="${attr(p.nonce)}" id="${attr(p.config.id)}" type="application/json">${JSON.stringify(p.config.value).replace(/</g, '\\u003c')}</script>`] : [];
  const scripts = (p.scripts ?? []).map((s) => `<script nonce="${attr(p.nonce)}" src="${attr(s.src)}"${s.defer ? ' defer' : ''}></script>`);
  const inline = p.scriptText ? [`<script nonce="${attr(p.nonce)}">\n${p.scriptText}\n</script>`] : [];
  return `<!DOCTYPE html>
<html lang="${attr(p.lang)}">
<head>
${head.join('\n')}
</head>
<body${p.bodyAttributes ? ` ${p.bodyAttributes}` : ''}>
${p.body}
${[...config, ...scripts, ...inline].join('\n')}
</body>
</html>`;
}
