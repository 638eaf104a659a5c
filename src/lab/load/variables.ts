// Learner variables (the pair number, a name): parsed from `--var k=v` or an input box,
// validated against the session's declaration. Only integers in range and names from a
// small alphabet pass, so nothing a learner types can become shell syntax.
import type { Localized } from '../../util/i18n';
import type { VariableSpec, VariableValues } from '../labModel';

/** Names: letters and digits, then also `_ . -`; at most 63 characters (a DNS label). */
export const NAME_VALUE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const INTEGER_VALUE = /^-?[0-9]{1,15}$/;
/** Docker endpoints: a scheme and a small alphabet (no spaces, quotes or shell syntax). */
export const ENDPOINT_VALUE = /^(unix|tcp|ssh|npipe):\/\/[A-Za-z0-9@:/._-]{1,200}$/;

/** Why value is not acceptable for spec, or undefined when it is. */
export function validateVariable(spec: VariableSpec, value: string): Localized | undefined {
  if (spec.type === 'integer') {
    if (!INTEGER_VALUE.test(value)) {
      return { ko: `\`${spec.name}\`에는 정수를 입력하세요`, en: `\`${spec.name}\` must be an integer` };
    }
    const n = Number(value);
    if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
      const range = `${spec.min ?? '…'}–${spec.max ?? '…'}`;
      return { ko: `\`${spec.name}\`은(는) ${range} 범위여야 합니다`, en: `\`${spec.name}\` must be in ${range}` };
    }
    return undefined;
  }
  if (spec.type === 'endpoint') {
    if (!ENDPOINT_VALUE.test(value)) {
      return {
        ko: `\`${spec.name}\`에는 Docker 호스트 주소를 입력하세요 (예: ssh://ubuntu@10.0.0.5, tcp://10.0.0.5:2376, unix:///var/run/docker.sock)`,
        en: `\`${spec.name}\` must be a Docker host address (e.g. ssh://ubuntu@10.0.0.5, tcp://10.0.0.5:2376, unix:///var/run/docker.sock)`,
      };
    }
    return undefined;
  }
  if (!NAME_VALUE.test(value)) {
    return {
      ko: `\`${spec.name}\`에는 영문자·숫자로 시작하고 영문자, 숫자, _ . - 만 쓴 이름을 입력하세요`,
      en: `\`${spec.name}\` must start with a letter or digit and use only letters, digits, _ . -`,
    };
  }
  return undefined;
}

/** Normalises an integer (`01` → `1`) so names built from it are stable. */
function normalise(spec: VariableSpec, value: string): string {
  return spec.type === 'integer' ? String(Number(value)) : value;
}

export interface ResolvedVariables {
  values: VariableValues;
  problems: Localized[];
  /** Declared variables that have neither a given value nor a default. */
  missing: VariableSpec[];
  /** Given names the session does not declare (ignored, so one `--var pair=1` fits every session). */
  unknown: string[];
}

/** Combines given values with defaults; unknown names and invalid values are problems. */
export function resolveVariables(specs: VariableSpec[], given: Record<string, string>): ResolvedVariables {
  const values: VariableValues = {};
  const problems: Localized[] = [];
  const missing: VariableSpec[] = [];
  const known = new Set(specs.map((s) => s.name));
  const unknown = Object.keys(given).filter((name) => !known.has(name));
  for (const spec of specs) {
    const raw = Object.prototype.hasOwnProperty.call(given, spec.name) ? given[spec.name] : spec.default;
    if (raw === undefined) {
      missing.push(spec);
      continue;
    }
    const problem = validateVariable(spec, raw);
    if (problem) problems.push(problem);
    else values[spec.name] = normalise(spec, raw);
  }
  return { values, problems, missing, unknown };
}

/** Parses `k=v` pairs from the command line. */
export function parseVarArgs(pairs: string[]): { values: Record<string, string>; problems: Localized[] } {
  const values: Record<string, string> = {};
  const problems: Localized[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      problems.push({ ko: `\`--var ${pair}\`: \`이름=값\` 형식으로 쓰세요`, en: `\`--var ${pair}\`: use \`name=value\`` });
      continue;
    }
    values[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { values, problems };
}
