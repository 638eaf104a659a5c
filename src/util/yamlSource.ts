// A YAML file read for positioned messages: parsed with source ranges (yaml's
// LineCounter), its syntax errors as {ko, en} messages at their place, and the place of
// any value or key found by its path (e.g. an Ajv error's instancePath). Shared by the
// engines that validate YAML a learner writes (compose files; lab.yaml reads the same way).
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';
import type { Localized } from './i18n';

/** 1-based line and column, end exclusive (as yaml's LineCounter gives them). */
export interface YamlSpan {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export type YamlPath = (string | number)[];

export interface YamlSyntaxProblem extends YamlSpan {
  code: string;
  message: Localized;
}

/** Korean for yaml's error codes; the English is yaml's own first line. */
export const YAML_SYNTAX_KO: Record<string, string> = {
  BAD_INDENT: '들여쓰기가 맞지 않습니다',
  TAB_AS_INDENT: '들여쓰기에 탭을 쓸 수 없습니다 (스페이스를 쓰세요)',
  DUPLICATE_KEY: '같은 키가 두 번 나옵니다',
  MISSING_CHAR: '닫는 문자가 빠졌습니다',
  MULTILINE_IMPLICIT_KEY: '키가 여러 줄에 걸쳐 있습니다 (콜론 뒤에 공백이 있는지, 들여쓰기가 맞는지 확인하세요)',
  BLOCK_AS_IMPLICIT_KEY: '블록을 키로 쓸 수 없습니다',
  UNEXPECTED_TOKEN: '예상하지 못한 문자가 있습니다',
  BAD_SCALAR_START: '값의 시작이 올바르지 않습니다',
  BLOCK_IN_FLOW: '[ ] / { } 안에 블록을 쓸 수 없습니다',
  MISSING_ANCHOR: '정의되지 않은 앵커(*별칭)를 참조합니다',
  BAD_ALIAS: '별칭이 올바르지 않습니다',
  UNEXPECTED_SCALAR: '이 위치에는 값이 올 수 없습니다',
  ALIAS_PROPS: '별칭에는 태그나 앵커를 붙일 수 없습니다',
  KEY_OVER_1024_CHARS: '키가 너무 깁니다 (1024자 이하)',
};

export class YamlSource {
  readonly lines = new LineCounter();
  readonly doc: Document;

  constructor(
    readonly text: string,
    options: ParseOptions & DocumentOptions & SchemaOptions = {},
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true, ...options });
  }

  /** yaml's syntax errors, each at its place, in Korean and English. */
  syntaxProblems(): YamlSyntaxProblem[] {
    return this.doc.errors.map((err) => {
      const first = err.message.split('\n')[0] ?? err.message;
      return { ...this.span(err.pos[0], err.pos[1]), code: err.code, message: { ko: `YAML 문법 오류: ${YAML_SYNTAX_KO[err.code] ?? first}`, en: `YAML syntax error: ${first}` } };
    });
  }

  span(offset: number, end?: number): YamlSpan {
    const start = this.lines.linePos(offset);
    const span: YamlSpan = { line: start.line, column: start.col };
    if (end !== undefined) {
      const e = this.lines.linePos(Math.max(end, offset));
      span.endLine = e.line;
      span.endColumn = e.col;
    }
    return span;
  }

  node(path: YamlPath): YamlNode | undefined {
    if (path.length === 0) return this.doc.contents ?? undefined;
    const n = this.doc.getIn(path, true);
    return n && typeof n === 'object' && 'range' in (n as object) ? (n as YamlNode) : undefined;
  }

  /** The value at path, else its nearest existing parent. */
  of(path: YamlPath): YamlSpan {
    for (let p = path; ; p = p.slice(0, -1)) {
      const n = this.node(p);
      if (n?.range) return this.span(n.range[0], n.range[1]);
      if (p.length === 0) return { line: 1, column: 1 };
    }
  }

  /** The key `key` of the map at path, else the map. */
  key(path: YamlPath, key: string): YamlSpan {
    const n = this.node(path);
    if (isMap(n)) {
      for (const item of n.items) {
        if (isPair(item) && isScalar(item.key) && String(item.key.value) === key && item.key.range) return this.span(item.key.range[0], item.key.range[1]);
      }
    }
    return this.of(path);
  }

  /**
   * Where a message about the value at path reads best: a scalar itself, a map or list by
   * the key that holds it (one line, not the whole block), the document's first line at the root.
   */
  about(path: YamlPath): YamlSpan {
    const n = this.node(path);
    const last = path[path.length - 1];
    if (n && !isScalar(n) && path.length === 0) return this.firstLine();
    if (n && !isScalar(n) && typeof last === 'string') return this.key(path.slice(0, -1), last);
    if (n?.range) return this.span(n.range[0], n.range[1]);
    if (path.length === 0) return this.firstLine();
    return this.about(path.slice(0, -1));
  }

  private firstLine(): YamlSpan {
    const start = this.doc.contents?.range?.[0] ?? 0;
    const lineEnd = this.text.indexOf('\n', start);
    return this.span(start, lineEnd < 0 ? this.text.length : lineEnd);
  }
}

/** An Ajv / JSON Pointer instancePath (`/services/web/ports/0`) as a YAML path. */
export function pointerToPath(pointer: string): YamlPath {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Problems once each: Ajv can report the same place and message through several schema branches. */
export function dedupeProblems<P extends { line: number; column: number; message: { en: string } }>(problems: P[]): P[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
