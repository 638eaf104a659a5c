// The `lint:` check's bridge to the Dockerfile linter's pure engine (src/lint).
import { lint } from '../../lint';
import type { LintFunction } from '../run/environment';

/** Findings with 1-based lines, as the lab's failure messages show them. */
export const lintForLab: LintFunction = (text, lang) =>
  lint(text, { lang }).map((f) => ({ rule: f.rule, category: f.category, line: f.range.start.line + 1, message: f.message }));
