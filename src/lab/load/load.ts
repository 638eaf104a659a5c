// Finding and loading sessions: a folder with lab.yaml (+ ko.md / en.md), or any
// Markdown file (with an optional `<name>.lab.yaml` beside it). Loading either returns a
// whole, validated lab or the list of positioned problems — never half a lab.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Lang, Localized } from '../../util/i18n';
import { parseMarkdown, type ParsedMarkdown } from './markdown';
import { parseMetadata, type LabMetadata } from './metadata';
import type { Lab, LabProblem, SourcePos, Step, VariableSpec } from '../labModel';
import { emptyResources } from '../labModel';
import { expressionVariables, scanTemplates } from './template';
import { validateVariable } from './variables';

export const METADATA_FILE = 'lab.yaml';
const MARKDOWN_BY_LANG: Record<Lang, string[]> = { ko: ['ko.md', 'en.md'], en: ['en.md', 'ko.md'] };
const OTHER_MARKDOWN = ['lab.md', 'index.md', 'README.md'];

export type LoadResult = { lab: Lab; problems: [] } | { lab?: undefined; problems: LabProblem[] };

function readText(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

function problem(pos: SourcePos, ko: string, en: string): LabProblem {
  return { ...pos, message: { ko, en } };
}

/** A stable id for a Markdown file without metadata: its name plus a short hash of its path. */
export function idForMarkdown(file: string): string {
  const base = path.basename(file).replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'lab';
  const hash = crypto.createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 8);
  return `${base.slice(0, 40)}-${hash}`;
}

/** Markdown files of a session folder, in the order to try for a language. */
export function sessionMarkdownFiles(dir: string, lang: Lang): string[] {
  return [...MARKDOWN_BY_LANG[lang], ...OTHER_MARKDOWN].map((n) => path.join(dir, n)).filter((f) => fs.existsSync(f));
}

/** Sidecar metadata for a Markdown file: `X.lab.yaml`, or the folder's lab.yaml for ko.md/en.md. */
export function sidecarFor(markdownFile: string): string | undefined {
  const dir = path.dirname(markdownFile);
  const own = path.join(dir, path.basename(markdownFile).replace(/\.md$/i, '') + '.lab.yaml');
  if (fs.existsSync(own)) return own;
  const shared = path.join(dir, METADATA_FILE);
  if (fs.existsSync(shared) && [...MARKDOWN_BY_LANG.ko, ...OTHER_MARKDOWN].includes(path.basename(markdownFile))) return shared;
  return undefined;
}

export function loadSessionFolder(dir: string, lang: Lang): LoadResult {
  const metaFile = path.join(dir, METADATA_FILE);
  const files = sessionMarkdownFiles(dir, lang);
  if (files.length === 0) {
    const at = fs.existsSync(metaFile) ? metaFile : dir;
    return { problems: [problem({ file: at, line: 1, column: 1 }, '세션 폴더에 ko.md나 en.md가 없습니다', 'the session folder has no ko.md or en.md')] };
  }
  return load(files[0], fs.existsSync(metaFile) ? metaFile : undefined, lang);
}

export function loadMarkdownFile(file: string, lang: Lang): LoadResult {
  const abs = path.resolve(file);
  if (!fs.existsSync(abs)) {
    return { problems: [problem({ file: abs, line: 1, column: 1 }, '파일이 없습니다', 'file not found')] };
  }
  const sidecar = sidecarFor(abs);
  if (sidecar && path.basename(sidecar) === METADATA_FILE) {
    // ko.md / en.md of a session folder: load the whole session, in this file's language.
    const fileLang: Lang = path.basename(abs) === 'en.md' ? 'en' : path.basename(abs) === 'ko.md' ? 'ko' : lang;
    return load(abs, sidecar, fileLang);
  }
  return load(abs, sidecar, lang);
}

/**
 * A session folder, a folder path, a Markdown file, or a built-in session id. Any existing
 * file is read as Markdown, whatever its extension: course notes travel as .txt copies too.
 */
export function loadTarget(target: string, lang: Lang, roots: string[]): LoadResult {
  if (fs.existsSync(target) && fs.statSync(target).isFile()) return loadMarkdownFile(target, lang);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) return loadSessionFolder(path.resolve(target), lang);
  const found = discoverSessions(roots).find((s) => s.id === target || path.basename(s.dir) === target);
  if (found) return loadSessionFolder(found.dir, lang);
  return {
    problems: [problem({ file: target, line: 1, column: 1 }, `세션 \`${target}\`을(를) 찾을 수 없습니다`, `no session \`${target}\``)],
  };
}

export interface SessionEntry {
  dir: string;
  id: string;
  title: Localized;
  order: number;
  problems: LabProblem[];
}

/** Folders under each root that hold a lab.yaml, ordered by `order` then name. */
export function discoverSessions(roots: string[]): SessionEntry[] {
  const out: SessionEntry[] = [];
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    for (const name of fs.readdirSync(root).sort()) {
      const dir = path.join(root, name);
      const metaFile = path.join(dir, METADATA_FILE);
      if (!fs.existsSync(metaFile)) continue;
      const { meta, problems } = parseMetadata(readText(metaFile), metaFile);
      out.push({
        dir,
        id: meta?.id ?? name,
        title: meta?.title ?? { ko: name, en: name },
        order: meta?.order ?? Number.MAX_SAFE_INTEGER,
        problems,
      });
    }
  }
  return out.sort((a, b) => a.order - b.order || a.dir.localeCompare(b.dir));
}

// ---------------------------------------------------------------------------------

function markdownPos(file: string, line: number, column = 1): SourcePos {
  return { file, line, column };
}

/** Templates in a text: unknown variables and malformed expressions become problems. */
function checkTemplates(text: string, pos: SourcePos, declared: Set<string>, problems: LabProblem[]): void {
  for (const t of scanTemplates(text)) {
    const at = pos;
    if (t.error) {
      problems.push({ ...at, message: { ko: `템플릿 \`{{${t.body}}}\`: ${t.error.text.ko}`, en: `template \`{{${t.body}}}\`: ${t.error.text.en}` } });
      continue;
    }
    for (const v of expressionVariables(t.expr!)) {
      if (!declared.has(v.name)) {
        problems.push({ ...at, message: { ko: `선언되지 않은 변수 \`${v.name}\` (lab.yaml의 variables에 추가하세요)`, en: `undeclared variable \`${v.name}\` (add it under variables in lab.yaml)` } });
      }
    }
  }
}

function validateVariables(vars: (VariableSpec & { pos: SourcePos })[], problems: LabProblem[]): void {
  for (const v of vars) {
    if (v.min !== undefined && v.max !== undefined && v.min > v.max) {
      problems.push(problem(v.pos, `\`${v.name}\`: min이 max보다 큽니다`, `\`${v.name}\`: min is greater than max`));
    }
    if ((v.type === 'name') && (v.min !== undefined || v.max !== undefined)) {
      problems.push(problem(v.pos, `\`${v.name}\`: min/max는 정수 변수에만 씁니다`, `\`${v.name}\`: min/max apply to integer variables only`));
    }
    if (v.default !== undefined) {
      const bad = validateVariable(v, v.default);
      if (bad) problems.push({ ...v.pos, message: { ko: `기본값: ${bad.ko}`, en: `default: ${bad.en}` } });
    }
  }
}

function mergeStep(step: Step, meta: LabMetadata['steps'][number]): Step {
  return {
    ...step,
    checks: meta.checks,
    precondition: meta.precondition,
    expect: meta.expect ?? step.expect,
    hint: meta.hint ?? step.hint,
    solution: meta.solution,
    headless: meta.headless,
    timeout: meta.timeout,
    os: meta.os,
  };
}

function runnableTexts(step: Step): string[] {
  return step.commands.filter((c) => c.runnable).map((c) => c.text);
}

function load(markdownFile: string, metadataFile: string | undefined, lang: Lang): LoadResult {
  const problems: LabProblem[] = [];
  const source = readText(markdownFile);
  const parsed = parseMarkdown(source);
  for (const d of parsed.duplicates) {
    problems.push(problem(markdownPos(markdownFile, d.line), `단계 id \`${d.id}\`가 두 번 나옵니다`, `step id \`${d.id}\` is used twice`));
  }

  let meta: LabMetadata | undefined;
  if (metadataFile) {
    const result = parseMetadata(readText(metadataFile), metadataFile);
    problems.push(...result.problems);
    meta = result.meta;
  }
  if (!meta) {
    if (metadataFile) return { problems };
    // No metadata: templates cannot be filled in, so such commands are not runnable.
    for (const step of parsed.steps) {
      for (const c of step.commands) {
        if (c.runnable && /\{\{[^{}]*\}\}/.test(c.text)) {
          c.runnable = false;
          c.reason = 'template';
        }
      }
    }
    if (problems.length) return { problems };
    const h1 = parsed.headings.find((h) => h.level === 1) ?? parsed.headings[0];
    const title = h1?.title || path.basename(markdownFile);
    return {
      lab: {
        id: idForMarkdown(markdownFile),
        title: { ko: title, en: title },
        dir: path.dirname(markdownFile),
        markdownFile,
        markdown: source,
        lang,
        variables: [],
        images: [],
        resources: emptyResources(),
        outline: parsed.outline,
        steps: parsed.steps,
      },
      problems: [],
    };
  }

  validateVariables(meta.variables, problems);
  const declared = new Set(meta.variables.map((v) => v.name));
  const dir = path.dirname(metadataFile!);
  const mdName = path.basename(markdownFile);

  // Every step lab.yaml names must exist in the Markdown; ids are unique.
  const byId = new Map(parsed.steps.map((s) => [s.id, s]));
  const metaIds = new Set<string>();
  for (const s of meta.steps) {
    if (metaIds.has(s.id)) problems.push(problem(s.pos, `단계 \`${s.id}\`가 두 번 나옵니다`, `step \`${s.id}\` is listed twice`));
    metaIds.add(s.id);
    const step = byId.get(s.id);
    if (!step) {
      problems.push(problem(s.pos, `${mdName}에 \`{#${s.id}}\`로 끝나는 제목이 없습니다`, `${mdName} has no heading ending in \`{#${s.id}}\``));
      continue;
    }
    const runnable = step.commands.filter((c) => c.runnable).length;
    if (s.expect) {
      if (s.expect.output !== undefined) {
        try {
          new RegExp(s.expect.output, 'i');
        } catch (err) {
          problems.push(problem(s.expectPos!, `expect.output 정규식 오류: ${(err as Error).message}`, `expect.output is not a valid regular expression: ${(err as Error).message}`));
        }
      }
      const count = Array.isArray(s.headless) ? s.headless.length : runnable;
      if (s.expect.command !== undefined && s.expect.command > Math.max(count, runnable)) {
        problems.push(problem(s.expectPos!, `expect.command ${s.expect.command}: 이 단계에는 실행할 명령이 ${runnable}개뿐입니다`, `expect.command ${s.expect.command}: the step has only ${runnable} runnable command(s)`));
      }
      if (runnable === 0) {
        problems.push(problem(s.expectPos!, `실패를 기대하는 단계 \`${s.id}\`에 실행할 명령이 없습니다`, `expected-failure step \`${s.id}\` has no command to run`));
      }
    }
  }

  // Templates: in Markdown commands and in every lab.yaml string.
  for (const step of parsed.steps) {
    for (const c of step.commands) checkTemplates(c.text, markdownPos(markdownFile, c.line), declared, problems);
  }
  for (const s of meta.strings) checkTemplates(s.value, s.pos, declared, problems);

  let starter: string | undefined;
  if (meta.starter) {
    starter = path.resolve(dir, meta.starter);
    if (!starter.startsWith(dir + path.sep) || !fs.existsSync(starter) || !fs.statSync(starter).isDirectory()) {
      problems.push(problem(meta.starterPos!, `starter 폴더 \`${meta.starter}\`이(가) 세션 폴더 안에 없습니다`, `starter folder \`${meta.starter}\` is not inside the session folder`));
    }
  }

  // ko.md and en.md tell the same lab: same steps, same commands.
  if (path.dirname(markdownFile) === dir) {
    for (const otherName of ['ko.md', 'en.md']) {
      const other = path.join(dir, otherName);
      if (other === markdownFile || !fs.existsSync(other)) continue;
      const otherParsed = parseMarkdown(readText(other));
      compareTranslations(parsed, otherParsed, other, problems);
    }
  }

  if (problems.length) return { problems: sortProblems(problems) };

  const metaById = new Map(meta.steps.map((s) => [s.id, s]));
  const steps = parsed.steps.map((s) => (metaById.has(s.id) ? mergeStep(s, metaById.get(s.id)!) : s));
  return {
    lab: {
      id: meta.id,
      title: meta.title,
      description: meta.description,
      order: meta.order,
      dir,
      markdownFile,
      markdown: source,
      lang,
      metadataFile,
      variables: meta.variables.map(({ pos: _pos, ...v }) => v),
      images: meta.images,
      starter,
      resources: meta.resources,
      outline: parsed.outline,
      steps,
    },
    problems: [],
  };
}

function compareTranslations(a: ParsedMarkdown, b: ParsedMarkdown, bFile: string, problems: LabProblem[]): void {
  const bById = new Map(b.steps.map((s) => [s.id, s]));
  for (const step of a.steps) {
    const other = bById.get(step.id);
    if (!other) {
      problems.push(problem(markdownPos(bFile, 1), `단계 \`${step.id}\`가 이 번역에 없습니다`, `step \`${step.id}\` is missing from this translation`));
      continue;
    }
    const mine = runnableTexts(step).join('\n');
    const theirs = runnableTexts(other).join('\n');
    if (mine !== theirs) {
      problems.push(problem(markdownPos(bFile, other.line), `단계 \`${step.id}\`의 명령이 다른 언어 파일과 다릅니다`, `step \`${step.id}\` runs different commands than the other language`));
    }
  }
  const aIds = new Set(a.steps.map((s) => s.id));
  for (const s of b.steps) {
    if (!aIds.has(s.id)) problems.push(problem(markdownPos(bFile, s.line), `단계 \`${s.id}\`가 다른 언어 파일에 없습니다`, `step \`${s.id}\` is missing from the other language`));
  }
}

function sortProblems(problems: LabProblem[]): LabProblem[] {
  return [...problems].sort((x, y) => x.file.localeCompare(y.file) || x.line - y.line || x.column - y.column);
}
