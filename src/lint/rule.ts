// One rule per module (src/lint/rules/<id>.ts), ESLint style: `meta` describes
// it, `check` reads the shared context and calls `ctx.report`.
import type { LintContext } from './facts/lintFacts';
import type { RuleMeta } from './types';

export interface Rule {
  meta: RuleMeta;
  check(ctx: LintContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
