// lab.yaml → typed metadata, or positioned problems (file, line, column, Korean and
// English). The YAML is parsed with source ranges (yaml's LineCounter), validated against
// exercises/lab.schema.json — the same schema editors use — and every schema error is
// mapped back to the node it is about.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import schema from '../../../exercises/lab.schema.json';
import { shellWords } from '../../shell';
import type { Localized } from '../../util/i18n';
import { dedupeProblems, pointerToPath } from '../../util/yamlSource';
import type { Check, ComposeServiceState, ContainerState, Expectation, LabOs, LabProblem, ResourceSet, SourcePos, StepSolution, VariableSpec } from '../labModel';
import { CHECK_KINDS, emptyResources } from '../labModel';

export interface MetaStep {
  id: string;
  pos: SourcePos;
  checks: Check[];
  precondition: Check[];
  expect?: Expectation;
  expectPos?: SourcePos;
  hint?: Localized;
  solution?: StepSolution;
  headless?: string[] | false;
  timeout?: number;
  os?: LabOs[];
}

export interface LabMetadata {
  file: string;
  id: string;
  order?: number;
  title: Localized;
  description?: Localized;
  variables: (VariableSpec & { pos: SourcePos })[];
  images: string[];
  starter?: string;
  starterPos?: SourcePos;
  resources: ResourceSet;
  steps: MetaStep[];
  /** Every string value with its position, for template validation. */
  strings: { value: string; pos: SourcePos }[];
}

let validator: ValidateFunction | undefined;
function validate(data: unknown): ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    validator = ajv.compile(schema);
  }
  return validator(data) ? [] : (validator.errors ?? []);
}

type PathPart = string | number;

class Positions {
  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  at(offset: number, end?: number): SourcePos {
    const start = this.lines.linePos(offset);
    const pos: SourcePos = { file: this.file, line: start.line, column: start.col };
    if (end !== undefined) {
      const e = this.lines.linePos(end);
      pos.endLine = e.line;
      pos.endColumn = e.col;
    }
    return pos;
  }

  node(path: PathPart[]): YamlNode | undefined {
    if (path.length === 0) return this.doc.contents ?? undefined;
    const n = this.doc.getIn(path, true);
    return n && typeof n === 'object' && 'range' in (n as object) ? (n as YamlNode) : undefined;
  }

  /** Position of the value at path, else of its nearest existing parent. */
  of(path: PathPart[]): SourcePos {
    for (let p = path; ; p = p.slice(0, -1)) {
      const n = this.node(p);
      if (n?.range) return this.at(n.range[0], n.range[1]);
      if (p.length === 0) return { file: this.file, line: 1, column: 1 };
    }
  }

  /** Position of the key `key` inside the map at path. */
  key(path: PathPart[], key: string): SourcePos {
    const n = this.node(path);
    if (isMap(n)) {
      for (const item of n.items) {
        if (isPair(item) && isScalar(item.key) && String(item.key.value) === key && item.key.range) {
          return this.at(item.key.range[0], item.key.range[1]);
        }
      }
    }
    return this.of(path);
  }
}

const YAML_CODES: Record<string, string> = {
  BAD_INDENT: '들여쓰기가 맞지 않습니다',
  TAB_AS_INDENT: '들여쓰기에 탭을 쓸 수 없습니다',
  DUPLICATE_KEY: '같은 키가 두 번 나옵니다',
  MISSING_CHAR: '닫는 문자가 빠졌습니다',
  MULTILINE_IMPLICIT_KEY: '키가 여러 줄에 걸쳐 있습니다',
  BLOCK_AS_IMPLICIT_KEY: '블록을 키로 쓸 수 없습니다',
  UNEXPECTED_TOKEN: '예상하지 못한 문자가 있습니다',
  BAD_SCALAR_START: '값의 시작이 올바르지 않습니다',
};

function schemaMessage(e: ErrorObject, kindList: string): Localized {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { ko: `\`${p.missingProperty}\` 항목이 없습니다`, en: `missing \`${p.missingProperty}\`` };
    case 'additionalProperties':
      return { ko: `알 수 없는 키 \`${p.additionalProperty}\``, en: `unknown key \`${p.additionalProperty}\`` };
    case 'type': {
      const t = String(p.type).replace(',', ' / ');
      return { ko: `값의 형식이 ${t}이어야 합니다`, en: `must be ${t}` };
    }
    case 'enum': {
      const list = (p.allowedValues as unknown[]).map(String).join(', ');
      return { ko: `다음 중 하나여야 합니다: ${list}`, en: `must be one of: ${list}` };
    }
    case 'pattern':
      return { ko: `형식이 올바르지 않습니다 (${p.pattern})`, en: `does not match ${p.pattern}` };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
      return { ko: `값의 범위를 벗어났습니다 (${e.keyword} ${p.limit})`, en: `out of range (${e.keyword} ${p.limit})` };
    case 'minItems':
    case 'minLength':
    case 'minProperties':
      return { ko: '비어 있으면 안 됩니다', en: 'must not be empty' };
    case 'anyOf':
      return { ko: `확인 항목의 종류를 알 수 없습니다. 다음 키 중 하나로 시작하세요: ${kindList}`, en: `unknown check kind; start it with one of: ${kindList}` };
    case 'not':
      return { ko: '`headless`는 명령 목록이나 false여야 합니다', en: '`headless` must be a list of commands or false' };
    case 'oneOf':
      return { ko: '`solution`은 { ko, en } Markdown이나 명령 목록이어야 합니다', en: '`solution` must be { ko, en } Markdown or a list of commands' };
    case 'propertyNames':
      return { ko: '변수 이름은 영문자나 _로 시작하고 영문자, 숫자, _만 씁니다', en: 'variable names start with a letter or _ and use letters, digits, _' };
    default:
      return { ko: `올바르지 않은 값입니다 (${e.keyword})`, en: e.message ?? `invalid (${e.keyword})` };
  }
}

function localized(v: unknown): Localized | undefined {
  if (typeof v === 'string') return { ko: v, en: v };
  if (v && typeof v === 'object' && 'ko' in v && 'en' in v) return { ko: String((v as Localized).ko), en: String((v as Localized).en) };
  return undefined;
}

type Raw = Record<string, unknown>;

function toCheck(raw: Raw, pos: SourcePos): Check {
  // `container:` checks also take `image:` and `network:` fields, so they win.
  const kind = 'container' in raw ? 'container' : 'compose' in raw ? 'compose' : CHECK_KINDS.find((k) => k in raw)!;
  const timeout = typeof raw.timeout === 'number' ? raw.timeout : undefined;
  const str = (k: string): string | undefined => (raw[k] === undefined ? undefined : String(raw[k]));
  const base = { pos, timeout };
  switch (kind) {
    case 'image':
      return { ...base, kind, ref: String(raw.image), absent: raw.absent === true, smallerThan: str('smallerThan') };
    case 'container':
      return {
        ...base,
        kind,
        name: String(raw.container),
        state: raw.state as ContainerState | undefined,
        image: str('image'),
        ports: (raw.ports as string[] | undefined)?.map(String),
        network: str('network'),
        env: raw.env ? Object.fromEntries(Object.entries(raw.env as Raw).map(([k, v]) => [k, String(v)])) : undefined,
      };
    case 'network':
      return { ...base, kind, name: String(raw.network), driver: str('driver'), subnet: str('subnet'), containers: (raw.containers as string[] | undefined)?.map(String), absent: raw.absent === true };
    case 'volume':
      return { ...base, kind, name: String(raw.volume), mountedIn: str('mountedIn'), path: str('path'), absent: raw.absent === true };
    case 'logs':
      return { ...base, kind, container: String(raw.logs), contains: String(raw.contains) };
    case 'exec': {
      const cmd = raw.command;
      const argv = Array.isArray(cmd) ? cmd.map(String) : shellWords(String(cmd)).words;
      return { ...base, kind, container: String(raw.exec), command: argv, exitCode: typeof raw.exitCode === 'number' ? raw.exitCode : undefined, contains: str('contains') };
    }
    case 'http':
      return { ...base, kind, url: String(raw.http), status: typeof raw.status === 'number' ? raw.status : undefined, contains: str('contains') };
    case 'lint':
      return { ...base, kind, path: String(raw.lint), categories: (raw.categories as string[] | undefined)?.map(String) };
    case 'file':
      return { ...base, kind, path: String(raw.file), contains: str('contains') };
    case 'manual':
      return { ...base, kind, text: localized(raw.manual) ?? String(raw.manual) };
    case 'compose': {
      const services = raw.services
        ? Object.fromEntries(
            Object.entries(raw.services as Raw).map(([name, v]) => {
              if (typeof v === 'string') return [name, { state: v as ComposeServiceState }];
              const o = v as Raw;
              return [name, { state: o.state as ComposeServiceState | undefined, replicas: o.replicas as number | undefined, ports: (o.ports as string[] | undefined)?.map(String) }];
            }),
          )
        : undefined;
      const names = (k: string): string[] | undefined => (raw[k] as unknown[] | undefined)?.map(String);
      return { ...base, kind, project: String(raw.compose), services, networks: names('networks'), volumes: names('volumes'), absent: raw.absent === true };
    }
  }
}

export function parseMetadata(text: string, file: string): { meta?: LabMetadata; problems: LabProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const pos = new Positions(file, doc, lines);
  const problems: LabProblem[] = [];
  for (const err of [...doc.errors]) {
    const at = pos.at(err.pos[0], err.pos[1]);
    const first = err.message.split('\n')[0];
    const lineText = text.split('\n')[at.line - 1] ?? '';
    // `[pair{{pair}}-web]`: in a flow list `{` opens a mapping; the fix is quoting.
    const quote = /\{\{/.test(lineText) && /[[{]/.test(lineText.replace(/\{\{[^}]*\}\}/g, ''))
      ? { ko: ' (대괄호/중괄호 안의 {{템플릿}}은 따옴표로 감싸세요)', en: " (quote {{templates}} inside [ ] or { }: '…{{pair}}…')" }
      : { ko: '', en: '' };
    problems.push({ ...at, message: { ko: `YAML 문법 오류: ${YAML_CODES[err.code] ?? first}${quote.ko}`, en: `YAML syntax error: ${first}${quote.en}` } });
  }
  if (problems.length) return { problems };
  const data = doc.toJS() as unknown;
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    return { problems: [{ ...pos.of([]), message: { ko: 'lab.yaml은 키: 값 형식의 매핑이어야 합니다', en: 'lab.yaml must be a mapping of keys to values' } }] };
  }

  const kindList = CHECK_KINDS.join(', ');
  const errors = validate(data);
  // A check with an unknown kind fails `anyOf` and each of its ten `required` branches:
  // report it once. `if` only says "then failed", whose own errors follow.
  const unknownKind = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  // A `solution` that is neither form fails `oneOf` and each branch: report the `oneOf` alone.
  const oneOf = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath);
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (e.keyword !== 'oneOf' && oneOf.some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`))) continue;
    if (e.keyword === 'required' && unknownKind.has(e.instancePath) && e.schemaPath.includes('/anyOf/')) continue;
    if (e.keyword === 'type' && errors.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword === 'not')) continue;
    const path = pointerToPath(e.instancePath);
    const at = e.keyword === 'additionalProperties' ? pos.key(path, String((e.params as Raw).additionalProperty)) : pos.of(path);
    const where = e.instancePath ? `${e.instancePath.slice(1).replace(/\//g, '.')}: ` : '';
    const m = schemaMessage(e, kindList);
    problems.push({ ...at, message: { ko: where + m.ko, en: where + m.en } });
  }
  if (problems.length) return { problems: dedupeProblems(problems) };

  const raw = data as Raw;
  const strings: { value: string; pos: SourcePos }[] = [];
  const collect = (v: unknown, path: PathPart[]): void => {
    if (typeof v === 'string') strings.push({ value: v, pos: pos.of(path) });
    else if (Array.isArray(v)) v.forEach((x, i) => collect(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, [...path, k]);
  };
  collect(raw, []);

  const variables = Object.entries((raw.variables as Record<string, Raw> | undefined) ?? {}).map(([name, v]) => ({
    name,
    type: v.type as VariableSpec['type'],
    min: v.min as number | undefined,
    max: v.max as number | undefined,
    default: v.default === undefined ? undefined : String(v.default),
    prompt: localized(v.prompt),
    pos: pos.key(['variables'], name),
  }));
  const resourcesRaw = (raw.resources as Partial<ResourceSet> | undefined) ?? {};
  const resources = emptyResources();
  for (const k of Object.keys(resources) as (keyof ResourceSet)[]) resources[k] = (resourcesRaw[k] ?? []).map(String);

  const steps: MetaStep[] = ((raw.steps as Raw[] | undefined) ?? []).map((s, i) => {
    const checks = ((s.checks as Raw[] | undefined) ?? []).map((c, k) => toCheck(c, pos.of(['steps', i, 'checks', k])));
    const precondition = ((s.precondition as Raw[] | undefined) ?? []).map((c, k) => toCheck(c, pos.of(['steps', i, 'precondition', k])));
    const e = s.expect as Raw | undefined;
    return {
      id: String(s.id),
      pos: pos.of(['steps', i, 'id']),
      checks,
      precondition,
      expect: e
        ? {
            failure: e.failure === true || (e.failure === undefined && (e.output !== undefined || (typeof e.exitCode === 'number' && e.exitCode !== 0))),
            exitCode: e.exitCode as number | undefined,
            output: e.output as string | undefined,
            command: e.command as number | undefined,
          }
        : undefined,
      expectPos: e ? pos.of(['steps', i, 'expect']) : undefined,
      hint: localized(s.hint),
      solution: Array.isArray(s.solution) ? { kind: 'commands', commands: s.solution.map(String) } : s.solution ? { kind: 'markdown', text: localized(s.solution)! } : undefined,
      headless: s.headless === false ? false : (s.headless as string[] | undefined),
      timeout: s.timeout as number | undefined,
      os: s.os as LabOs[] | undefined,
    };
  });

  return {
    meta: {
      file,
      id: String(raw.id),
      order: raw.order as number | undefined,
      title: localized(raw.title)!,
      description: localized(raw.description),
      variables,
      images: ((raw.images as string[] | undefined) ?? []).map(String),
      starter: raw.starter as string | undefined,
      starterPos: raw.starter ? pos.of(['starter']) : undefined,
      resources,
      steps,
      strings,
    },
    problems,
  };
}
