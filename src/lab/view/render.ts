// Lab Markdown → HTML for the lab view. markdown-it with raw HTML off; links only to
// http(s)/mailto/anchors (no command:, javascript:, data:, file:); images only local
// files the caller resolves, anything else a tidy placeholder; shell fences of a step
// become rows with Run buttons that carry only (step id, command index). Pure: no editor
// API, so the XSS behaviour is unit-tested here and again in the browser.
import { createMarkdownIt, parseMarkdown, STEP_ANCHOR, type Md } from '../load/markdown';
import type { Command, CommandBlock, Lab, Step, VariableValues } from '../labModel';
import { substitute } from '../load/template';
import { LAB_OS_NAME, labOsOf, parseFenceInfo, type LabOs } from '../load/fences';

type Token = ReturnType<Md['parse']>[number];
type StateCore = Parameters<Parameters<Md['core']['ruler']['push']>[1]>[0];
type StateInline = Parameters<Parameters<Md['inline']['ruler']['push']>[1]>[0];

export type LabelKey =
  | 'runStep'
  | 'run'
  | 'check'
  | 'markDone'
  | 'hint'
  | 'expectedFailure'
  | 'notRunnable.placeholder'
  | 'notRunnable.norun'
  | 'notRunnable.inside-container'
  | 'notRunnable.template'
  | 'destructive'
  | 'interactive'
  | 'imageMissing'
  | 'remoteImage'
  | 'status.not-started'
  | 'solution'
  | 'copy'
  | 'createFile'
  | 'osOnly';

export interface RenderOptions {
  lab: Lab;
  vars?: VariableValues;
  labels: Record<LabelKey, string>;
  /** Whether Run/Check are allowed (trusted workspace or built-in lab). */
  interactive: boolean;
  /** A local image path (relative to the Markdown file) → a URI the view may load, or undefined. */
  resolveImage(src: string): string | undefined;
  /** The learner's system: `os=` blocks for others are left out (default: this process's). */
  os?: LabOs;
}

/** A fence marked `file=PATH`: what "create this file" writes (variables filled in). */
export interface LabFile {
  path: string;
  content: string;
}

/** A `command:dockerLabs.…` link: the command and its arguments (decoded from the link). */
export interface LabCommandLink {
  command: string;
  args: unknown[];
}

export interface RenderedLab {
  html: string;
  hasMermaid: boolean;
  /** The text of every code block, by its copy button's `data-code` (the view sends only that index). */
  codeBlocks: string[];
  /** The file fences, by their button's `data-file`. */
  files: LabFile[];
  /** The command links, by their `data-link`. */
  links: LabCommandLink[];
}

/** Only our own commands may be run from a lab page (no terminal.sendSequence and the like). */
export const LAB_COMMAND_PREFIX = 'dockerLabs.';
const COMMAND_LINK = /^command:(dockerLabs\.[A-Za-z0-9_.-]+)(?:\?(.*))?$/s;

/**
 * A `command:` link the lab view may run: the id (only `dockerLabs.*`) and its arguments,
 * encoded JSON as in VS Code's command URIs (an array is the argument list, anything else
 * the one argument); undefined for every other link or unreadable arguments.
 */
export function parseCommandLink(href: string): LabCommandLink | undefined {
  const m = COMMAND_LINK.exec(href.trim());
  if (!m) return undefined;
  if (m[2] === undefined || m[2] === '') return { command: m[1], args: [] };
  try {
    const value: unknown = JSON.parse(decodeURIComponent(m[2]));
    return { command: m[1], args: Array.isArray(value) ? value : [value] };
  } catch {
    return undefined;
  }
}

// Two overlapping sheets, drawn in the text colour: a font glyph such as ⧉ is missing from
// many system fonts (a box in Debian's Chromium), and the webview loads no icon font.
const COPY_ICON = '<svg class="icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="5.5" y="5.5" width="8" height="9" rx="1" fill="none" stroke="currentColor"/><path d="M10.5 3.5v-1a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h1" fill="none" stroke="currentColor"/></svg>';

const SAFE_LINK = /^(https?:|mailto:|#)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const WRAPPER_TAG = /^<\/?(div|center|p|span|br|details|summary|sup|sub)\b[^<>]*\/?>$/i;

function escape(md: Md, text: string): string {
  return md.utils.escapeHtml(text);
}

function fill(text: string, lab: Lab, vars: VariableValues | undefined): string {
  if (!vars) return text;
  try {
    return substitute(text, vars, lab.variables);
  } catch {
    return text;
  }
}

function stepAt(lab: Lab, line: number): Step | undefined {
  return lab.steps.find((s) => line >= s.line && line <= s.endLine);
}

export function renderLab(options: RenderOptions): RenderedLab {
  const { lab, labels } = options;
  const md = createMarkdownIt();
  const parsed = parseMarkdown(lab.markdown, md);
  const blocks = parsed.blocks;
  const stepsByLine = new Map(lab.steps.map((s) => [s.line, s]));
  let hasMermaid = false;
  const codeBlocks: string[] = [];
  const copyButton = (text: string): string => {
    codeBlocks.push(text);
    return `<button class="copy" data-action="copy" data-code="${codeBlocks.length - 1}" title="${escape(md, labels.copy)}" aria-label="${escape(md, labels.copy)}">${COPY_ICON}</button>`;
  };
  const disabled = options.interactive ? '' : ' disabled';
  const files: LabFile[] = [];
  const links: LabCommandLink[] = [];
  const learnerOs = options.os ?? labOsOf(process.platform);
  const fileButton = (file: LabFile): string => {
    files.push(file);
    const label = escape(md, labels.createFile);
    return `<div class="file-bar"><span class="file-name">📄 ${escape(md, file.path)}</span><button data-action="createFile" data-file="${files.length - 1}" title="${label}"${disabled}>＋ ${label}</button></div>`;
  };
  /** A fence's own frame: OS badge, file bar; the empty string for another OS's block. */
  const frame = (info: string, content: string, body: (fileBar: string) => string): string => {
    const fi = parseFenceInfo(info);
    if (fi.os && !fi.os.includes(learnerOs)) return '';
    const bar = fi.file ? fileButton({ path: fill(fi.file, lab, options.vars), content: fill(content, lab, options.vars) }) : '';
    const html = body(bar);
    if (!fi.os) return html;
    const names = fi.os.map((o) => LAB_OS_NAME[o]).join(', ');
    return `<div class="os-block" data-os="${escape(md, fi.os.join(' '))}"><span class="badge os">${escape(md, labels.osOnly.replace('{0}', names))}</span>${html}</div>\n`;
  };

  md.validateLink = (url: string) => {
    const u = url.trim();
    return SAFE_LINK.test(u) || !HAS_SCHEME.test(u) || parseCommandLink(u) !== undefined;
  };

  // `![[picture.png]]`: Obsidian-style embeds the course notes use.
  md.inline.ruler.before('image', 'wiki_embed', (state: StateInline, silent: boolean) => {
    const src = state.src.slice(state.pos);
    const m = /^!\[\[([^\]\n]+)\]\]/.exec(src);
    if (!m) return false;
    if (!silent) {
      const token = state.push('wiki_embed', '', 0);
      token.content = m[1].split('|')[0].trim();
    }
    state.pos += m[0].length;
    return true;
  });

  // Steps become <section>s; `{#id}` leaves the heading; task-list markers leave the text;
  // paragraphs that are only an HTML wrapper tag (`<div align="center">`) are dropped.
  md.core.ruler.push('lab_structure', (state: StateCore) => {
    const out: Token[] = [];
    let open: Step | undefined;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type === 'paragraph_open' && tokens[i + 1]?.type === 'inline' && tokens[i + 2]?.type === 'paragraph_close') {
        const lines = tokens[i + 1].content.split('\n').map((l) => l.trim());
        if (lines.every((l) => WRAPPER_TAG.test(l))) {
          i += 2;
          continue;
        }
      }
      if (t.level === 0 && t.map && !t.type.endsWith('_close')) {
        const line = t.map[0] + 1;
        if (open && line > open.endLine) {
          out.push(new state.Token('lab_step_close', '', 0));
          open = undefined;
        }
        const starts = t.type === 'heading_open' ? stepsByLine.get(line) : undefined;
        if (starts) {
          if (open) out.push(new state.Token('lab_step_close', '', 0));
          const so = new state.Token('lab_step_open', '', 0);
          so.meta = { stepId: starts.id };
          out.push(so);
          open = starts;
        }
      }
      if (t.type === 'inline' && tokens[i - 1]?.type === 'heading_open') {
        const last = t.children?.[t.children.length - 1];
        if (last?.type === 'text') last.content = last.content.replace(STEP_ANCHOR, '');
      }
      if (t.type === 'inline' && tokens[i - 2]?.type === 'list_item_open' && /^\[[ xX]\]\s+/.test(t.content)) {
        const first = t.children?.[0];
        if (first?.type === 'text') first.content = first.content.replace(/^\[[ xX]\]\s+/, '');
        const li = tokens[i - 2];
        li.meta = { task: true, line: li.map ? li.map[0] + 1 : 0 };
      }
      out.push(t);
      if (t.type === 'heading_close' && open && tokens[i - 2]?.type === 'heading_open' && tokens[i - 2].map && tokens[i - 2].map![0] + 1 === open.line) {
        const bar = new state.Token('lab_step_bar', '', 0);
        bar.meta = { stepId: open.id };
        out.push(bar);
      }
    }
    if (open) out.push(new state.Token('lab_step_close', '', 0));
    state.tokens = out;
  });

  const stepById = (meta: unknown): Step => lab.steps.find((s) => s.id === (meta as { stepId: string }).stepId)!;
  const rules = md.renderer.rules;
  rules.lab_step_open = (tokens, idx) => {
    const step = stepById(tokens[idx].meta);
    return `<section class="step" id="step-${escape(md, step.id)}" data-step="${escape(md, step.id)}" data-status="not-started">\n`;
  };
  rules.lab_step_close = () => '</section>\n';
  rules.lab_step_bar = (tokens, idx) => {
    const step = stepById(tokens[idx].meta);
    const id = escape(md, step.id);
    const runnable = step.commands.some((c) => c.runnable) || (Array.isArray(step.headless) && step.headless.length > 0);
    const hint = step.hint ? md.renderInline(fill(step.hint[lab.lang] ?? step.hint.en, lab, options.vars)) : '';
    const solution = step.solution ? renderSolution(step) : '';
    return (
      `<div class="step-bar">` +
      `<span class="status" data-role="status">${escape(md, labels['status.not-started'])}</span>` +
      (step.expect?.failure ? `<span class="badge expect">${escape(md, labels.expectedFailure)}</span>` : '') +
      (runnable ? `<button class="primary" data-action="runStep" data-step="${id}"${disabled}>▶ ${escape(md, labels.runStep)}</button>` : '') +
      `<button data-action="check" data-step="${id}"${disabled}>✓ ${escape(md, labels.check)}</button>` +
      `<button data-action="markDone" data-step="${id}"${disabled}>${escape(md, labels.markDone)}</button>` +
      (hint ? `<button data-action="hint" data-step="${id}">💡 ${escape(md, labels.hint)}</button>` : '') +
      // After the hint: the button shows once the hint has been opened (at once when there is none).
      (solution ? `<button data-action="solution" data-step="${id}"${hint ? ' hidden' : ''}>🔑 ${escape(md, labels.solution)}</button>` : '') +
      `</div>\n<div class="reason" data-role="reason" hidden></div>\n` +
      (hint ? `<div class="hint" data-role="hint" hidden>💡 ${hint}</div>\n` : '') +
      (solution ? `<div class="solution" data-role="solution" hidden>${solution}</div>\n` : '')
    );
  };

  // A solution is Markdown of its own (rendered apart from the lab's steps and sections),
  // or commands shown as one shell block.
  const solutionMd = createMarkdownIt();
  solutionMd.validateLink = md.validateLink;
  const solutionFence = solutionMd.renderer.rules.fence!;
  solutionMd.renderer.rules.fence = (tokens, idx, opts, env, self) => {
    return frame(tokens[idx].info, tokens[idx].content, (bar) => `${bar}<div class="code-box">${copyButton(tokens[idx].content.replace(/\n$/, ''))}${solutionFence(tokens, idx, opts, env, self)}</div>\n`);
  };
  const renderSolution = (step: Step): string => {
    const solution = step.solution!;
    if (solution.kind === 'commands') {
      const text = solution.commands.map((c) => fill(c, lab, options.vars)).join('\n');
      return `<div class="code-box">${copyButton(text)}<pre><code class="language-bash">${escape(md, text)}</code></pre></div>`;
    }
    return solutionMd.render(fill(solution.text[lab.lang] ?? solution.text.en, lab, options.vars));
  };

  const defaultFence = rules.fence!;
  rules.fence = (tokens, idx, opts, env, self) => {
    const t = tokens[idx];
    const line = t.map ? t.map[0] + 1 : 0;
    const lang = t.info.trim().split(/\s+/)[0]?.toLowerCase();
    if (lang === 'mermaid') {
      hasMermaid = true;
      return `<div class="mermaid-box"><pre class="mermaid">${escape(md, t.content)}</pre></div>\n`;
    }
    const block = blocks.get(line);
    const step = stepAt(lab, line);
    const labStep = step ? lab.steps.find((s) => s.id === step.id) : undefined;
    return frame(t.info, t.content, (bar) => {
      const copy = copyButton(t.content.replace(/\n$/, ''));
      if (!block || !block.shell || !labStep) return `${bar}<div class="code-box">${copy}${defaultFence(tokens, idx, opts, env, self)}</div>\n`;
      return bar + renderBlock(block, labStep, copy);
    });
  };

  const renderBlock = (block: CommandBlock, step: Step, copy: string): string => {
    const id = escape(md, step.id);
    const rows = block.rows.map((row) => {
      const text = escape(md, fill(row.text, lab, options.vars));
      if (row.kind !== 'command' || row.command === undefined) return `<div class="row ${row.kind}"><pre><code>${text || ' '}</code></pre></div>`;
      const c: Command | undefined = step.commands[row.command];
      if (!c || !c.runnable || block.norun) {
        const reason = c?.reason ? labels[`notRunnable.${c.reason}` as LabelKey] : labels['notRunnable.norun'];
        return `<div class="row command not-runnable" title="${escape(md, reason)}"><span class="gutter">·</span><pre><code>${text}</code></pre><span class="tag">${escape(md, reason)}</span></div>`;
      }
      const tags = [
        c.destructive ? `<span class="tag danger" title="${escape(md, labels.destructive)}">⚠ ${escape(md, labels.destructive)}</span>` : '',
        c.interactive ? `<span class="tag">${escape(md, labels.interactive)}</span>` : '',
      ].join('');
      return (
        `<div class="row command" data-command="${c.index}">` +
        `<button class="run" data-action="run" data-step="${id}" data-index="${c.index}" title="${escape(md, labels.run)}" aria-label="${escape(md, labels.run)}"${disabled}>▶</button>` +
        `<pre><code>${text}</code></pre>${tags}<span class="cmd-status" data-role="cmd-status"></span></div>`
      );
    });
    return `<div class="cmd-block" data-step="${id}">${copy}${rows.join('')}</div>\n`;
  };

  const placeholder = (label: string, name: string): string =>
    `<span class="embed-missing" title="${escape(md, name)}">🖼 <span class="embed-label">${escape(md, label)}</span> <span class="embed-name">${escape(md, name)}</span></span>`;

  rules.wiki_embed = (tokens, idx) => {
    const name = tokens[idx].content;
    const uri = options.resolveImage(name);
    return uri ? `<img src="${escape(md, uri)}" alt="${escape(md, name)}">` : placeholder(labels.imageMissing, name);
  };

  rules.image = (tokens, idx) => {
    const t = tokens[idx];
    const src = String(t.attrGet('src') ?? '');
    const alt = t.children?.map((c) => c.content).join('') || t.content || src;
    if (/^https?:/i.test(src)) return placeholder(labels.remoteImage, alt);
    const uri = HAS_SCHEME.test(src) ? undefined : options.resolveImage(decodeURI(src));
    return uri ? `<img src="${escape(md, uri)}" alt="${escape(md, alt)}">` : placeholder(labels.imageMissing, alt);
  };

  rules.link_open = (tokens, idx, opts, _env, self) => {
    const t = tokens[idx];
    const href = String(t.attrGet('href') ?? '');
    const command = parseCommandLink(href);
    if (command) {
      // Run through a typed message naming this link's index; the page never holds the command.
      links.push(command);
      t.attrs = [['href', '#'], ['class', 'command-link'], ['data-action', 'command'], ['data-link', String(links.length - 1)], ['title', command.command], ...(options.interactive ? [] : [['disabled', ''] as [string, string]])];
      return self.renderToken(tokens, idx, opts);
    }
    if (!SAFE_LINK.test(href)) {
      // A relative link (another course page) cannot be followed in the view: plain text.
      t.attrs = [['class', 'link-disabled'], ['title', href]];
      t.tag = 'span';
      t.meta = { disabled: true };
      return self.renderToken(tokens, idx, opts);
    }
    t.attrSet('title', href);
    if (!href.startsWith('#')) t.attrSet('rel', 'noopener noreferrer');
    return self.renderToken(tokens, idx, opts);
  };
  rules.link_close = (tokens, idx, opts, _env, self) => {
    const openIdx = tokens.slice(0, idx).map((t) => t.type).lastIndexOf('link_open');
    if (openIdx >= 0 && (tokens[openIdx].meta as { disabled?: boolean } | null)?.disabled) tokens[idx].tag = 'span';
    return self.renderToken(tokens, idx, opts);
  };

  rules.list_item_open = (tokens, idx, opts, _env, self) => {
    const meta = tokens[idx].meta as { task?: boolean; line?: number } | null;
    if (!meta?.task) return self.renderToken(tokens, idx, opts);
    const step = stepAt(lab, meta.line ?? 0);
    const index = step ? lab.steps.find((s) => s.id === step.id)!.manual.findIndex((m) => m.line === meta.line) : -1;
    if (!step || index < 0) return '<li class="task"><input type="checkbox" disabled> ';
    return `<li class="task"><input type="checkbox" data-action="tick" data-step="${escape(md, step.id)}" data-index="${index}"${disabled}> `;
  };

  const html = md.render(fill(lab.markdown, lab, options.vars));
  return { html, hasMermaid, codeBlocks, files, links };
}
