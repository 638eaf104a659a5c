// A session as one pair will meet it: every template filled with that pair's values, and
// what the lab will create on the host (the objects "Reset lab" may remove and the host
// ports its commands publish). `docker-labs lab show --var pair=N` prints it, e.g. as an
// instructor's handout; the names and ports come from the same readers the reset and the
// runner use (createdObjects, publishedHostPorts), never from a second parser.
import type { Lang, Localized } from '../../util/i18n';
import type { Check, Expectation, NotRunnableReason, ResourceSet, VariableValues, Lab } from '../labModel';
import { resolveCheck } from '../check/checks';
import { substitute } from '../load/template';
import { labHostPorts, labObjects } from '../reset/reset';

export interface HandoutCommand {
  text: string;
  runnable: boolean;
  reason?: NotRunnableReason;
}

export interface HandoutStep {
  id: string;
  title: string;
  commands: HandoutCommand[];
  /** What `docker-labs lab run` runs instead of the commands; false: it skips the step. */
  headless?: string[] | false;
  precondition: Check[];
  checks: Check[];
  expect?: Expectation;
  hint?: Localized;
}

export interface LabHandout {
  id: string;
  title: Localized;
  lang: Lang;
  variables: VariableValues;
  steps: HandoutStep[];
  /** Everything the lab may create and its reset removes (declared ∪ created by its commands). */
  resources: ResourceSet;
  /** Host ports the lab's commands publish. */
  hostPorts: number[];
}

/** The lab with `vars` filled in; a text whose template cannot be filled is shown as written. */
export function labHandout(lab: Lab, vars: VariableValues): LabHandout {
  const fill = (text: string): string => {
    try {
      return substitute(text, vars, lab.variables);
    } catch {
      return text;
    }
  };
  const checks = (list: Check[]): Check[] =>
    list.map((c) => {
      let resolved: Check;
      try {
        resolved = resolveCheck(c, vars, lab.variables);
      } catch {
        resolved = c;
      }
      const { pos: _pos, ...rest } = resolved;
      return rest as Check;
    });
  return {
    id: lab.id,
    title: lab.title,
    lang: lab.lang,
    variables: vars,
    steps: lab.steps.map((s) => ({
      id: s.id,
      title: fill(s.title),
      commands: s.commands.map((c) => ({ text: fill(c.text), runnable: c.runnable, ...(c.reason ? { reason: c.reason } : {}) })),
      ...(s.headless !== undefined ? { headless: s.headless && s.headless.map(fill) } : {}),
      precondition: checks(s.precondition),
      checks: checks(s.checks),
      ...(s.expect ? { expect: s.expect } : {}),
      ...(s.hint ? { hint: { ko: fill(s.hint.ko), en: fill(s.hint.en) } } : {}),
    })),
    resources: labObjects(lab, vars),
    hostPorts: labHostPorts(lab, vars),
  };
}
