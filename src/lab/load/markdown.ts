// Course Markdown → outline, steps, commands and manual checkpoints.
// Steps are headings ending in `{#step-id}` when the file has any; otherwise every
// section (heading to the next heading) that holds something to run or tick is a step,
// with an id made from its heading, so any course Markdown opens as a lab.
import MarkdownIt from 'markdown-it';
type Token = ReturnType<Md['parse']>[number];
import type { Command, CommandBlock, ManualItem, OutlineNode, Step } from '../labModel';
import { commandTraits } from '../run/created';
import { isShellFence, parseFenceInfo, parseShellFence, plainBlock } from './fences';

/** The one markdown-it configuration the lab uses: raw HTML off, no auto-links. */
export type Md = InstanceType<typeof MarkdownIt>;

export function createMarkdownIt(): Md {
  return new MarkdownIt({ html: false, linkify: false, typographer: false });
}

export const STEP_ANCHOR = /\s*\{#([A-Za-z0-9][A-Za-z0-9_.-]*)\}\s*$/;

export interface Heading {
  level: number;
  title: string;
  /** 1-based. */
  line: number;
  /** Explicit `{#id}`. */
  anchor?: string;
  slug: string;
}

export interface ParsedMarkdown {
  headings: Heading[];
  outline: OutlineNode[];
  steps: Step[];
  /** Whether steps came from `{#id}` anchors. */
  explicit: boolean;
  /** Every fence, by opening line (1-based), with its block (for rendering). */
  blocks: Map<number, CommandBlock>;
  /** Duplicate anchors: line and id. */
  duplicates: { line: number; id: string }[];
  lineCount: number;
}

function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? '';
  return token.children
    .filter((c) => c.type === 'text' || c.type === 'code_inline')
    .map((c) => c.content)
    .join('')
    .trim();
}

/** GitHub-style heading slug: lower case, letters/digits/spaces/`-`/`_`, spaces → `-`. */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
}

const CHECKBOX = /^\[([ xX])\]\s+/;
/** `**💡 힌트**: …` / `Hint: …` paragraphs: the step's hint when lab.yaml gives none. */
const HINT = /^\**\s*(?:💡\s*)?(?:힌트|hint)\s*\**\s*[:：]\s*(?:\*\*)?/i;
/** `# Error: network with name … already exists` after a command: an expected failure. */
const ERROR_COMMENT = /^\s*#\s*(?:error:\s*(.+)|(\S+: bad address.*))$/i;

export function parseMarkdown(source: string, md: Md = createMarkdownIt()): ParsedMarkdown {
  const tokens = md.parse(source, {});
  const lineCount = source.split('\n').length;
  const headings: Heading[] = [];
  const fences: { line: number; info: string; content: string }[] = [];
  const checkboxes: ManualItem[] = [];
  const hints: { line: number; text: string }[] = [];
  const slugs = new Map<string, number>();

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open' && t.map) {
      const inline = tokens[i + 1];
      const raw = inline?.content ?? '';
      const anchor = STEP_ANCHOR.exec(raw)?.[1];
      let title = inlineText(inline).replace(STEP_ANCHOR, '').trim();
      if (!title) title = raw.replace(STEP_ANCHOR, '').trim();
      let slug = slugify(title) || 'section';
      const seen = slugs.get(slug) ?? 0;
      slugs.set(slug, seen + 1);
      if (seen > 0) slug = `${slug}-${seen}`;
      headings.push({ level: Number(t.tag.slice(1)), title, line: t.map[0] + 1, anchor, slug });
    } else if (t.type === 'fence' && t.map) {
      fences.push({ line: t.map[0] + 1, info: t.info, content: t.content });
    } else if (t.type === 'paragraph_open' && t.map && HINT.test(tokens[i + 1]?.content ?? '')) {
      hints.push({ line: t.map[0] + 1, text: (tokens[i + 1].content).replace(HINT, '').replace(/\*\*/g, '').trim() });
    } else if (t.type === 'list_item_open' && t.map && tokens[i + 1]?.type === 'paragraph_open') {
      const inline = tokens[i + 2];
      const m = CHECKBOX.exec(inline?.content ?? '');
      if (m && inline) {
        checkboxes.push({ text: inline.content.replace(CHECKBOX, '').split('\n')[0].trim(), line: t.map[0] + 1 });
      }
    }
  }

  const explicit = headings.some((h) => h.anchor);
  const duplicates: { line: number; id: string }[] = [];

  // Sections: where each candidate step starts and ends.
  interface Section {
    heading?: Heading;
    id: string;
    title: string;
    level: number;
    line: number;
    endLine: number;
  }
  const sections: Section[] = [];
  if (explicit) {
    const ids = new Set<string>();
    headings.forEach((h, k) => {
      if (!h.anchor) return;
      if (ids.has(h.anchor)) duplicates.push({ line: h.line, id: h.anchor });
      ids.add(h.anchor);
      const next = headings.slice(k + 1).find((o) => o.level <= h.level || o.anchor);
      sections.push({ heading: h, id: h.anchor, title: h.title, level: h.level, line: h.line, endLine: next ? next.line - 1 : lineCount });
    });
  } else {
    const firstHeading = headings[0]?.line ?? lineCount + 1;
    if (firstHeading > 1) sections.push({ id: 'intro', title: '', level: 1, line: 1, endLine: firstHeading - 1 });
    headings.forEach((h, k) => {
      const next = headings[k + 1];
      sections.push({ heading: h, id: h.slug, title: h.title, level: h.level, line: h.line, endLine: next ? next.line - 1 : lineCount });
    });
  }

  const blocks = new Map<number, CommandBlock>();
  const steps: Step[] = [];
  for (const s of sections) {
    const step: Step = {
      id: s.id,
      title: s.title,
      level: s.level,
      line: s.line,
      endLine: s.endLine,
      blocks: [],
      commands: [],
      manual: checkboxes.filter((c) => c.line >= s.line && c.line <= s.endLine),
      checks: [],
      precondition: [],
    };
    for (const f of fences.filter((f) => f.line >= s.line && f.line <= s.endLine)) {
      const info = parseFenceInfo(f.info);
      if (!isShellFence(info, f.content)) {
        blocks.set(f.line, plainBlock(f.line, info.lang, f.content));
        continue;
      }
      const parsed = parseShellFence(f.content, info);
      const blockIndex = step.blocks.length;
      const base = step.commands.length;
      const block: CommandBlock = {
        line: f.line,
        lang: info.lang,
        shell: true,
        norun: info.norun,
        rows: parsed.rows.map((r) => (r.command === undefined ? r : { ...r, command: r.command + base })),
      };
      step.blocks.push(block);
      blocks.set(f.line, block);
      for (const c of parsed.commands) {
        const traits = c.runnable ? commandTraits(c.text) : { interactive: false, longRunning: false };
        const command: Command = {
          index: step.commands.length,
          block: blockIndex,
          text: c.text,
          line: f.line + 1 + c.offset,
          runnable: c.runnable,
          reason: c.reason,
          interactive: traits.interactive,
          longRunning: traits.longRunning,
          destructive: traits.destructive,
        };
        step.commands.push(command);
      }
    }
    const hint = hints.find((h) => h.line >= s.line && h.line <= s.endLine);
    if (hint) step.hint = { ko: hint.text, en: hint.text };
    if (!explicit) inferExpectedFailure(step);
    const keep = explicit || step.commands.some((c) => c.runnable) || step.manual.length > 0;
    if (keep) steps.push(step);
    else for (const b of step.blocks) blocks.set(b.line, { ...b, norun: true });
  }
  // Fences outside every step (explicit mode) are shown, never run.
  for (const f of fences) {
    if (!blocks.has(f.line)) {
      const info = parseFenceInfo(f.info);
      blocks.set(f.line, plainBlock(f.line, info.lang, f.content));
    }
  }

  const stepByLine = new Map(steps.filter((s) => s.title).map((s) => [s.line, s.id]));
  const outline: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const h of headings) {
    const node: OutlineNode = { level: h.level, title: h.title, line: h.line, stepId: stepByLine.get(h.line), children: [] };
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    if (stack.length) stack[stack.length - 1].children.push(node);
    else outline.push(node);
    stack.push(node);
  }
  return { headings, outline, steps, explicit, blocks, duplicates, lineCount };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Course notes mark an intentional error with the message as a comment right after the
 * command (`# Error: … already exists`); a step without lab.yaml then expects that failure.
 */
function inferExpectedFailure(step: Step): void {
  for (const block of step.blocks) {
    block.rows.forEach((row, k) => {
      if (row.kind !== 'comment' || step.expect) return;
      const m = ERROR_COMMENT.exec(row.text);
      const prev = block.rows.slice(0, k).reverse().find((r) => r.kind === 'command');
      if (!m || prev?.command === undefined) return;
      const command = step.commands[prev.command];
      if (!command.runnable) return;
      const message = (m[1] ?? m[2]).trim();
      const runnable = step.commands.filter((c) => c.runnable);
      step.expect = { failure: true, output: escapeRegExp(message), command: runnable.indexOf(command) + 1 };
    });
  }
}
