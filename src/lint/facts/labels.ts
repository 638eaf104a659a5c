// Labels and hadolint's `label-schema` value forms, for the label rules (DL3049–DL3058).
import type { RuleContext } from '../rule';
import type { DockerfileModel, Property, Stage } from '../parse/model';
import type { LabelType } from '../types';
import parseSpdx from 'spdx-expression-parse';

export interface LabelDef {
  /** The key without quotes. */
  key: string;
  prop: Property;
}

/** Every `LABEL key=value` of the file, in order. */
export function labels(doc: DockerfileModel): LabelDef[] {
  const out: LabelDef[] = [];
  for (const ins of doc.instructions) {
    if (ins.keyword !== 'LABEL') continue;
    for (const p of ins.properties) out.push({ key: p.name.replace(/^["']|["']$/g, ''), prop: p });
  }
  return out;
}

/** Label keys the final image carries from this file: its stage's and those of the earlier stages it is built `FROM`. */
export function finalStageLabelKeys(stage: Stage): Set<string> {
  const keys = new Set<string>();
  for (let s: Stage | null = stage; s; s = s.parent) {
    for (const ins of s.instructions) if (ins.keyword === 'LABEL') for (const p of ins.properties) keys.add(p.name.replace(/^["']|["']$/g, ''));
  }
  return keys;
}

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const RFC3339 = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
/**
 * An SPDX license expression whose every identifier is on the SPDX list (`MIT`, `Apache-2.0 OR MIT`,
 * `GPL-2.0-or-later WITH Classpath-exception-2.0`, `LicenseRef-x`), as hadolint's DL3054 asks:
 * spdx-expression-parse knows the grammar and the list (spdx-license-ids) and throws on anything else.
 */
function spdxExpression(value: string): boolean {
  try {
    parseSpdx(value);
    return true;
  } catch {
    return false;
  }
}

function url(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Whether a label value has the form its schema type asks for (`text` takes anything). */
export const LABEL_VALUE: Record<LabelType, (value: string) => boolean> = {
  text: () => true,
  url,
  semver: (v) => SEMVER.test(v),
  hash: (v) => /^[0-9a-f]{7,40}$/.test(v),
  rfc3339: (v) => RFC3339.test(v),
  spdx: spdxExpression,
  email: (v) => EMAIL.test(v),
};

/** Reports every label the schema types as `type` whose (non-empty) value is not of that form. */
export function reportLabelType(ctx: RuleContext, type: LabelType, messageId: string): void {
  const schema = ctx.options.labelSchema;
  if (!schema) return;
  for (const { key, prop } of labels(ctx.doc)) {
    if (schema[key] !== type || !prop.value || LABEL_VALUE[type](prop.value)) continue;
    ctx.report({ messageId, start: prop.valueStart ?? prop.start, end: prop.valueEnd ?? prop.end, data: { label: key, value: prop.value } });
  }
}
