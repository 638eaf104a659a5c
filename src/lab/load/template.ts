// `{{…}}` templates: a variable (`{{pair}}`) or integer arithmetic over variables
// (`{{8079 + 2*pair}}`). A tiny recursive-descent evaluator — never eval — over
// integers, + - * / % and parentheses. Values are validated before they get here
// (variables.ts), and substitution re-checks them, so a value can never carry shell
// syntax into a command.
import type { Localized } from '../../util/i18n';
import type { VariableSpec, VariableValues } from '../labModel';

export class TemplateError extends Error {
  constructor(
    readonly text: Localized,
    /** 0-based offset inside the template source where the problem is. */
    readonly offset = 0,
  ) {
    super(text.en);
  }
}

type Token = { kind: 'num'; value: number; at: number } | { kind: 'name'; value: string; at: number } | { kind: 'op'; value: string; at: number };

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /[0-9]+/y;

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(src);
    if (num) {
      tokens.push({ kind: 'num', value: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(src);
    if (name) {
      tokens.push({ kind: 'name', value: name[0], at: i });
      i += name[0].length;
      continue;
    }
    if ('+-*/%()'.includes(c)) {
      tokens.push({ kind: 'op', value: c, at: i });
      i++;
      continue;
    }
    throw new TemplateError(
      { ko: `템플릿에 쓸 수 없는 문자 \`${c}\`가 있습니다`, en: `unexpected character \`${c}\` in template` },
      i,
    );
  }
  return tokens;
}

/** A parsed template expression. */
export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'var'; name: string; at: number }
  | { kind: 'neg'; operand: Expr }
  | { kind: 'bin'; op: string; left: Expr; right: Expr; at: number };

export function parseExpression(src: string): Expr {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const fail = (at: number): never => {
    throw new TemplateError({ ko: '템플릿 식이 올바르지 않습니다', en: 'malformed template expression' }, at);
  };
  const primary = (): Expr => {
    const t = tokens[pos++];
    if (!t) return fail(src.length);
    if (t.kind === 'num') return { kind: 'num', value: t.value };
    if (t.kind === 'name') return { kind: 'var', name: t.value, at: t.at };
    if (t.value === '(') {
      const inner = additive();
      const close = tokens[pos++];
      if (!close || close.value !== ')') fail(close?.at ?? src.length);
      return inner;
    }
    if (t.value === '-') return { kind: 'neg', operand: primary() };
    return fail(t.at);
  };
  const multiplicative = (): Expr => {
    let left = primary();
    for (let t = peek(); t && t.kind === 'op' && '*/%'.includes(t.value); t = peek()) {
      pos++;
      left = { kind: 'bin', op: t.value, left, right: primary(), at: t.at };
    }
    return left;
  };
  const additive = (): Expr => {
    let left = multiplicative();
    for (let t = peek(); t && t.kind === 'op' && '+-'.includes(t.value); t = peek()) {
      pos++;
      left = { kind: 'bin', op: t.value, left, right: multiplicative(), at: t.at };
    }
    return left;
  };
  if (tokens.length === 0) fail(0);
  const expr = additive();
  if (pos < tokens.length) fail(tokens[pos].at);
  return expr;
}

/** Variable names an expression reads, with their offsets. */
export function expressionVariables(expr: Expr, out: { name: string; at: number }[] = []): { name: string; at: number }[] {
  switch (expr.kind) {
    case 'var':
      out.push({ name: expr.name, at: expr.at });
      break;
    case 'neg':
      expressionVariables(expr.operand, out);
      break;
    case 'bin':
      expressionVariables(expr.left, out);
      expressionVariables(expr.right, out);
      break;
  }
  return out;
}

function evaluate(expr: Expr, vars: VariableValues, specs: Map<string, VariableSpec>): string | number {
  switch (expr.kind) {
    case 'num':
      return expr.value;
    case 'var': {
      const value = vars[expr.name];
      if (value === undefined) {
        throw new TemplateError({ ko: `변수 \`${expr.name}\`의 값이 없습니다`, en: `variable \`${expr.name}\` has no value` }, expr.at);
      }
      const spec = specs.get(expr.name);
      return spec?.type === 'integer' ? Number(value) : value;
    }
    case 'neg': {
      const v = evaluate(expr.operand, vars, specs);
      if (typeof v !== 'number') throw arithmeticOnName();
      return -v;
    }
    case 'bin': {
      const l = evaluate(expr.left, vars, specs);
      const r = evaluate(expr.right, vars, specs);
      if (typeof l !== 'number' || typeof r !== 'number') throw arithmeticOnName(expr.at);
      let v: number;
      switch (expr.op) {
        case '+':
          v = l + r;
          break;
        case '-':
          v = l - r;
          break;
        case '*':
          v = l * r;
          break;
        default:
          if (r === 0) throw new TemplateError({ ko: '0으로 나눌 수 없습니다', en: 'division by zero' }, expr.at);
          v = expr.op === '/' ? Math.trunc(l / r) : l % r;
      }
      if (!Number.isSafeInteger(v)) throw new TemplateError({ ko: '계산 결과가 너무 큽니다', en: 'result out of range' }, expr.at);
      return v;
    }
  }
}

function arithmeticOnName(at = 0): TemplateError {
  return new TemplateError({ ko: '이름 변수로는 계산할 수 없습니다', en: 'arithmetic needs integer variables' }, at);
}

/** Evaluates one template body (what is between the braces). */
export function evaluateTemplate(body: string, vars: VariableValues, specs: VariableSpec[] = []): string {
  const map = new Map(specs.map((s) => [s.name, s]));
  return String(evaluate(parseExpression(body), vars, map));
}

export const TEMPLATE = /\{\{([^{}]*)\}\}/g;

export function hasTemplate(text: string): boolean {
  TEMPLATE.lastIndex = 0;
  return TEMPLATE.test(text);
}

/** Values that can stand in a shell command without quoting. */
const SAFE_VALUE = /^-?[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** A Docker endpoint variable (`ssh://user@host`, `unix:///run/docker.sock`): still nothing a shell interprets. */
const SAFE_ENDPOINT = /^(unix|tcp|ssh|npipe):\/\/[A-Za-z0-9@:/._-]+$/;

/**
 * Replaces every `{{…}}` in text. Throws TemplateError for a malformed template or a
 * missing variable. Every substituted value is re-checked against the safe alphabet.
 */
export function substitute(text: string, vars: VariableValues, specs: VariableSpec[] = []): string {
  return text.replace(TEMPLATE, (_whole, body: string) => {
    const value = evaluateTemplate(body, vars, specs);
    if (!SAFE_VALUE.test(value) && !SAFE_ENDPOINT.test(value)) {
      throw new TemplateError({ ko: `값 \`${value}\`에 쓸 수 없는 문자가 있습니다`, en: `value \`${value}\` holds characters that are not allowed` });
    }
    return value;
  });
}

/** Every template in text with its offset, parsed (or the parse error). */
export function scanTemplates(text: string): { body: string; offset: number; expr?: Expr; error?: TemplateError }[] {
  const out: { body: string; offset: number; expr?: Expr; error?: TemplateError }[] = [];
  for (const m of text.matchAll(TEMPLATE)) {
    const offset = (m.index ?? 0) + 2;
    try {
      out.push({ body: m[1], offset, expr: parseExpression(m[1]) });
    } catch (err) {
      out.push({ body: m[1], offset, error: err instanceof TemplateError ? err : new TemplateError({ ko: String(err), en: String(err) }) });
    }
  }
  return out;
}
