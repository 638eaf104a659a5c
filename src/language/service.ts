// The Dockerfile language service (rcjsuen's dockerfile-language-service, the one
// Container Tools and Docker DX embed) behind our documentation: completion, hover
// and signature help show our Korean/English text instead of the service's English;
// code actions come without the service's own diagnostics (our linter is the only
// source of those) and without those our linter already offers as a quick fix.
// Positions, ranges and results are the Language Server Protocol's.
import { DockerfileParser, type Dockerfile, type Instruction } from 'dockerfile-ast';
import { CommandIds, DockerfileLanguageServiceFactory, type DockerfileLanguageService } from 'dockerfile-language-service';
import { TokensLegend } from 'dockerfile-language-service/lib/dockerSemanticTokens';
import type { CompletionItem, DocumentLink, FoldingRange, Hover, Location, Position, Range, SemanticTokens, SignatureHelp, SymbolInformation, TextEdit } from 'vscode-languageserver-types';
import type { Lang, Localized } from '../util/i18n';
import { pick } from '../util/i18n';
import { docFor, docMarkdown, flagKey, flagsOf } from './docs';
import { imageReferenceMarkdown, imageReferenceParts } from './imageRef';

export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
}

export interface LanguageCodeAction {
  title: string;
  /** The service's command id it came from (`docker.command.…`). */
  command: string;
  edits: TextEdit[];
}

/**
 * Service commands whose problem our linter reports with a quick fix of its own
 * (command → rule id): offering both would be two fixes for one problem.
 */
export const FIXED_BY_LINTER: Readonly<Partial<Record<CommandIds, string>>> = {
  [CommandIds.UPPERCASE]: 'instruction-casing',
  [CommandIds.REMOVE_EMPTY_CONTINUATION_LINE]: 'empty-continuation',
  [CommandIds.CONVERT_TO_AS]: 'from-as-casing',
};

/** Our titles for the service's code actions (its own are English only). */
export const CODE_ACTION_TITLES: Readonly<Record<CommandIds, Localized>> = {
  [CommandIds.LOWERCASE]: { ko: '소문자로 바꾸기', en: 'Convert to lowercase' },
  [CommandIds.UPPERCASE]: { ko: '명령어를 대문자로 바꾸기', en: 'Convert instruction to uppercase' },
  [CommandIds.EXTRA_ARGUMENT]: { ko: '필요 없는 인자 지우기', en: 'Remove extra argument' },
  [CommandIds.DIRECTIVE_TO_BACKTICK]: { ko: 'escape 지시어를 `로 바꾸기', en: 'Convert escape directive to `' },
  [CommandIds.DIRECTIVE_TO_BACKSLASH]: { ko: 'escape 지시어를 \\로 바꾸기', en: 'Convert escape directive to \\' },
  [CommandIds.FLAG_TO_CHOWN]: { ko: '플래그를 --chown으로 고치기', en: 'Change flag to --chown' },
  [CommandIds.FLAG_TO_COPY_FROM]: { ko: '플래그를 --from으로 고치기', en: 'Change flag to --from' },
  [CommandIds.FLAG_TO_HEALTHCHECK_INTERVAL]: { ko: '플래그를 --interval로 고치기', en: 'Change flag to --interval' },
  [CommandIds.FLAG_TO_HEALTHCHECK_RETRIES]: { ko: '플래그를 --retries로 고치기', en: 'Change flag to --retries' },
  [CommandIds.FLAG_TO_HEALTHCHECK_START_PERIOD]: { ko: '플래그를 --start-period로 고치기', en: 'Change flag to --start-period' },
  [CommandIds.FLAG_TO_HEALTHCHECK_TIMEOUT]: { ko: '플래그를 --timeout으로 고치기', en: 'Change flag to --timeout' },
  [CommandIds.REMOVE_EMPTY_CONTINUATION_LINE]: { ko: '빈 줄 잇기 지우기', en: 'Remove empty continuation line' },
  [CommandIds.CONVERT_TO_AS]: { ko: 'as를 AS로 바꾸기', en: 'Convert to AS' },
};

/** BuildKit flags that take no value. */
const BOOLEAN_FLAGS = new Set(['--link', '--parents', '--keep-git-dir']);
/** Where BuildKit flags the service does not complete may be typed: `RUN --mo|`, `COPY --from=x --ch|`. */
const FLAG_CONTEXT = /^\s*(RUN|COPY|ADD)\s+((?:--[\w-]+(?:=\S*)?\s+)*)(-{1,2}[\w-]*)?$/i;

const SEMANTIC_LEGEND = (() => {
  TokensLegend.init();
  const names = (table: Record<string, number>, bits: boolean): string[] => {
    const out: string[] = [];
    for (const [name, n] of Object.entries(table)) out[bits ? Math.log2(n) : n] = name;
    return out;
  };
  const raw = TokensLegend as unknown as { tokenTypes: Record<string, number>; tokenModifiers: Record<string, number> };
  return { tokenTypes: names(raw.tokenTypes, false), tokenModifiers: names(raw.tokenModifiers, true) };
})();

function contains(r: Range, p: Position): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const before = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return after && before;
}

/** The instruction whose range holds `p`, found by bisecting the instructions (in document order). */
function instructionAt(instructions: Instruction[], p: Position): Instruction | undefined {
  let lo = 0;
  let hi = instructions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = instructions[mid].getRange();
    if (p.line < r.start.line || (p.line === r.start.line && p.character < r.start.character)) hi = mid - 1;
    else if (p.line > r.end.line || (p.line === r.end.line && p.character > r.end.character)) lo = mid + 1;
    else return instructions[mid];
  }
  return undefined;
}

function overlaps(a: Range, b: Range): boolean {
  return !(a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character < b.start.character) || b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character < a.start.character));
}

export interface OutlineNode {
  name: string;
  detail?: string;
  kind: 'stage' | 'instruction';
  range: Range;
  selectionRange: Range;
  children: OutlineNode[];
}

/** Line `line` of `content` (without its end), found by scanning to it rather than splitting the file. */
function lineOf(content: string, line: number): string {
  let start = 0;
  for (let l = 0; l < line; l++) {
    const nl = content.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const nl = content.indexOf('\n', start);
  const text = nl < 0 ? content.slice(start) : content.slice(start, nl);
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

function endOfLineBefore(content: string, line: number): Position {
  const target = Math.max(0, line - 1);
  return { line: target, character: lineOf(content, target).length };
}

/** How many document versions keep their parse: the one being edited and a few open beside it. */
const PARSES_KEPT = 4;
const parseWithDockerfileAst = DockerfileParser.parse;

/**
 * One dockerfile-ast parse per document version (by content), shared by our code and the
 * service. The service takes the text on every request and parses it again each time
 * (a 650-line file costs ~10 ms a parse, several times that on a loaded machine), while
 * the editor asks for hover, links, folding, tokens, symbols and code actions of the same
 * version: its requests run with `DockerfileParser.parse` answering from here, and only
 * for the length of the (synchronous) call.
 */
class ParsesByVersion {
  private readonly byContent = new Map<string, Dockerfile>();

  get(content: string): Dockerfile {
    let dockerfile = this.byContent.get(content);
    if (dockerfile) {
      this.byContent.delete(content);
    } else {
      dockerfile = parseWithDockerfileAst(content);
      if (this.byContent.size >= PARSES_KEPT) this.byContent.delete(this.byContent.keys().next().value as string);
    }
    this.byContent.set(content, dockerfile);
    return dockerfile;
  }

  /** Runs `request` (one of the service's, synchronous up to its parse) with its parses served from here. */
  serve<T>(request: () => T): T {
    const parser = DockerfileParser as { parse: (content: string) => Dockerfile };
    const previous = parser.parse;
    parser.parse = (content) => this.get(content);
    try {
      return request();
    } finally {
      parser.parse = previous;
    }
  }
}

export class DockerfileLanguage {
  /** Token types and modifiers of `semanticTokens()`, in the order its numbers refer to. */
  static readonly semanticLegend: { readonly tokenTypes: readonly string[]; readonly tokenModifiers: readonly string[] } = SEMANTIC_LEGEND;

  private readonly service: DockerfileLanguageService = DockerfileLanguageServiceFactory.createLanguageService();
  private readonly parses = new ParsesByVersion();

  constructor() {
    this.service.setCapabilities({
      completion: { completionItem: { snippetSupport: true, deprecatedSupport: true, documentationFormat: ['markdown'] } },
      hover: { contentFormat: ['markdown'] },
      foldingRange: { lineFoldingOnly: false },
    });
    this.service.setLogger({ log: () => undefined });
  }

  async completion(content: string, position: Position, lang: Lang): Promise<CompletionItem[]> {
    const items = await this.parses.serve(() => this.service.computeCompletionItems(content, position));
    for (const item of items) {
      const doc = docFor(typeof item.data === 'string' ? item.data : undefined);
      if (doc) item.documentation = { kind: 'markdown', value: docMarkdown(doc, lang) };
    }
    return [...items, ...this.buildkitFlags(content, position, items, lang)];
  }

  /** BuildKit's flags (`RUN --mount`, `COPY --chmod`, `--link`…), which the service does not complete. */
  private buildkitFlags(content: string, position: Position, offered: CompletionItem[], lang: Lang): CompletionItem[] {
    const line = lineOf(content, position.line);
    const m = FLAG_CONTEXT.exec(line.slice(0, position.character));
    if (!m) return [];
    const instruction = m[1].toUpperCase();
    const typed = m[3] ?? '';
    const used = new Set([...m[2].matchAll(/--[\w-]+/g)].map((u) => u[0]));
    const have = new Set(offered.map((i) => i.label.replace(/=.*$/, '')));
    const range: Range = { start: { line: position.line, character: position.character - typed.length }, end: position };
    return flagsOf(instruction)
      .filter((f) => !used.has(f) && !have.has(f) && f.startsWith(typed))
      .map((flag) => {
        const doc = docFor(flagKey(instruction, flag));
        const snippet = flag === '--mount' ? '--mount=type=${1|cache,bind,secret,ssh,tmpfs|},target=$2' : BOOLEAN_FLAGS.has(flag) ? flag : `${flag}=$1`;
        return {
          label: BOOLEAN_FLAGS.has(flag) ? flag : `${flag}=`,
          kind: 10 /* Property, as the service's flags */,
          detail: doc ? pick(doc.summary, lang) : undefined,
          documentation: doc ? { kind: 'markdown', value: docMarkdown(doc, lang) } : undefined,
          insertTextFormat: 2 /* Snippet */,
          textEdit: { range, newText: snippet },
          command: BOOLEAN_FLAGS.has(flag) ? undefined : { title: '', command: 'editor.action.triggerSuggest' },
          data: flagKey(instruction, flag),
        } satisfies CompletionItem;
      });
  }

  /**
   * Our documentation of the keyword, flag or directive under `position`, or the parts
   * of the image a `FROM` names; elsewhere (variables) the service's own hover.
   */
  hover(content: string, position: Position, lang: Lang): Hover | null {
    const dockerfile = this.parses.get(content);
    for (const directive of dockerfile.getDirectives()) {
      const doc = docFor(directive.getName().toLowerCase());
      if (doc && contains(directive.getNameRange(), position)) return { contents: { kind: 'markdown', value: docMarkdown(doc, lang) }, range: directive.getNameRange() };
    }
    // Only the instructions' ranges are read (binary search): the rest of the file is not looked at.
    const instruction = instructionAt(dockerfile.getInstructions(), position);
    if (instruction) {
      const own = this.instructionHover(instruction, position, lang);
      if (own) return own;
    } else if (!dockerfile.getDirectives().some((d) => contains(d.getNameRange(), position))) {
      // Blank lines and comments: everything the service explains (keywords, flags, ARG/ENV
      // names, variables, directives) lies in an instruction or a directive, and asking would
      // have it walk every instruction of the stage for nothing.
      return null;
    }
    const hover = this.parses.serve(() => this.service.computeHover(content, position));
    if (!hover) return null;
    // The service documents keywords we have not (none today): keep ours as the only source of such text.
    return instruction && contains(instruction.getInstructionRange(), position) ? null : hover;
  }

  private instructionHover(instruction: Instruction, position: Position, lang: Lang): Hover | null {
    const keyword = instruction.getKeyword().toUpperCase();
    if (contains(instruction.getInstructionRange(), position)) {
      const doc = docFor(keyword);
      return doc ? { contents: { kind: 'markdown', value: docMarkdown(doc, lang) }, range: instruction.getInstructionRange() } : null;
    }
    const withTrigger = instruction as Instruction & { getTriggerInstruction?: () => Instruction | null };
    const trigger = keyword === 'ONBUILD' ? withTrigger.getTriggerInstruction?.() : null;
    if (trigger) return this.instructionHover(trigger, position, lang);
    const withFlags = instruction as Instruction & { getFlags?: () => { getName(): string; getNameRange(): Range; getRange(): Range }[] };
    for (const flag of withFlags.getFlags?.() ?? []) {
      if (!contains(flag.getNameRange(), position)) continue;
      const doc = docFor(flagKey(keyword, flag.getName()));
      return doc ? { contents: { kind: 'markdown', value: docMarkdown(doc, lang, `${keyword} --${flag.getName()}`) }, range: flag.getRange() } : null;
    }
    if (keyword === 'FROM') {
      const from = instruction as Instruction & { getImage(): string | null; getImageRange(): Range | null };
      const range = from.getImageRange();
      const image = from.getImage();
      if (range && image && contains(range, position)) {
        const ref = imageReferenceParts(image);
        if (ref) return { contents: { kind: 'markdown', value: imageReferenceMarkdown(ref, lang) }, range };
      }
    }
    return null;
  }

  signatureHelp(content: string, position: Position, lang: Lang): SignatureHelp | null {
    const help = this.parses.serve(() => this.service.computeSignatureHelp(content, position));
    if (!help || help.signatures.length === 0) return null;
    const line = lineOf(content, position.line);
    const lineKeyword = /^\s*(\w+)/.exec(line)?.[1].toUpperCase() ?? '';
    for (const signature of help.signatures) {
      const word = /^(\S+)(?:\s+(--[\w-]+|NONE|CMD))?/.exec(signature.label);
      const first = word?.[1] ?? '';
      // A flag's own signature (`--from=stage`) belongs to the instruction on the line.
      const doc = first.startsWith('--')
        ? docFor(flagKey(lineKeyword, first.replace(/=.*$/, '')))
        : ((word?.[2]?.startsWith('--') ? docFor(flagKey(first, word[2])) : undefined) ?? docFor(first.toUpperCase()));
      if (doc) signature.documentation = { kind: 'markdown', value: `${pick(doc.summary, lang)}\n\n\`${doc.example}\`` };
      // The service's parameter notes are English only; the label still marks the active parameter.
      for (const parameter of signature.parameters ?? []) parameter.documentation = undefined;
    }
    return help;
  }

  format(content: string, options: FormatOptions): TextEdit[] {
    return this.parses.serve(() => this.service.format(content, { ...options }));
  }

  formatRange(content: string, range: Range, options: FormatOptions): TextEdit[] {
    return this.parses.serve(() => this.service.formatRange(content, range, { ...options }));
  }

  formatOnType(content: string, position: Position, ch: string, options: FormatOptions): TextEdit[] {
    return this.parses.serve(() => this.service.formatOnType(content, position, ch, { ...options }));
  }

  symbols(uri: string, content: string): SymbolInformation[] {
    return this.parses.serve(() => this.service.computeSymbols({ uri }, content));
  }

  /**
   * The outline: one entry per stage (`FROM … AS name`), the stage's instructions
   * under it; the service's own symbols are the instructions, in order.
   */
  outline(uri: string, content: string): OutlineNode[] {
    const instructions = this.symbols(uri, content);
    const froms = this.parses.get(content).getFROMs();
    const lastLine = Math.max(0, content.split(/\r?\n/).length - 1);
    const stages: OutlineNode[] = [];
    const loose: OutlineNode[] = [];
    for (const symbol of instructions) {
      const node: OutlineNode = { name: symbol.name, kind: 'instruction', range: symbol.location.range, selectionRange: symbol.location.range, children: [] };
      const from = symbol.name.toUpperCase() === 'FROM' ? froms.find((f) => f.getRange().start.line === symbol.location.range.start.line) : undefined;
      if (from) {
        const image = from.getImage() ?? '';
        const stage = from.getBuildStage();
        stages.push({
          name: stage ?? image,
          detail: stage ? image : undefined,
          kind: 'stage',
          range: { start: from.getRange().start, end: { line: lastLine, character: 0 } },
          selectionRange: from.getBuildStageRange() ?? from.getImageRange() ?? from.getRange(),
          children: [node],
        });
        const previous = stages[stages.length - 2];
        if (previous) previous.range = { start: previous.range.start, end: endOfLineBefore(content, from.getRange().start.line) };
      } else if (stages.length > 0) {
        stages[stages.length - 1].children.push(node);
      } else {
        loose.push(node);
      }
    }
    return [...loose, ...stages];
  }

  folding(content: string): FoldingRange[] {
    return this.parses.serve(() => this.service.computeFoldingRanges(content));
  }

  definition(uri: string, content: string, position: Position): Location | null {
    return this.parses.serve(() => this.service.computeDefinition({ uri }, content, position)) ?? null;
  }

  /** Every occurrence of the stage or variable under `position`, its declaration included. */
  references(uri: string, content: string, position: Position): Location[] {
    return this.parses.serve(() => this.service.computeHighlightRanges(content, position)).map((h) => ({ uri, range: h.range }));
  }

  prepareRename(content: string, position: Position): Range | null {
    return this.parses.serve(() => this.service.prepareRename(content, position));
  }

  rename(uri: string, content: string, position: Position, newName: string): TextEdit[] {
    return this.parses.serve(() => this.service.computeRename({ uri }, content, position, newName));
  }

  /** Image names linked to their registry page (Docker Hub, GHCR, MCR, Quay…), targets resolved. */
  links(content: string): DocumentLink[] {
    return this.parses.serve(() => this.service.computeLinks(content)).map((l) => (l.target ? l : this.service.resolveLink(l)));
  }

  semanticTokens(content: string): SemanticTokens {
    return this.parses.serve(() => this.service.computeSemanticTokens(content));
  }

  /**
   * The service's fixes for problems in `range` that it detects itself, found with its
   * validator (whose diagnostics are never shown), minus those our linter fixes.
   */
  codeActions(uri: string, content: string, range: Range, lang: Lang): LanguageCodeAction[] {
    const diagnostics = this.parses.serve(() => this.service.validate(content)).filter((d) => overlaps(d.range, range));
    if (diagnostics.length === 0) return [];
    const actions: LanguageCodeAction[] = [];
    for (const command of this.service.computeCodeActions({ uri }, range, { diagnostics })) {
      const id = command.command as CommandIds;
      if (FIXED_BY_LINTER[id]) continue;
      const edits = this.parses.serve(() => this.service.computeCommandEdits(content, id, command.arguments ?? []));
      if (edits.length === 0) continue;
      const title = CODE_ACTION_TITLES[id];
      actions.push({ title: title ? pick(title, lang) : command.title, command: id, edits });
    }
    return actions;
  }
}
