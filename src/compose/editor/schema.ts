// The compose-spec JSON schema (draft-07) as dclint ships it, kept up to date there, and
// what the editor asks of it: which schemas apply at a YAML path (following $ref and the
// oneOf / anyOf / allOf branches), the keys a map there may have, a key's description,
// a value's enum. Ajv compiles it once, on the first validation, and is required only then.
import type { ErrorObject, ValidateFunction } from 'ajv';
import rawSchema from '../../../node_modules/dclint/schemas/compose.schema.json';
import type { YamlPath } from '../../util/yamlSource';

export interface JsonSchema {
  $ref?: string;
  $id?: string;
  $schema?: string;
  description?: string;
  deprecated?: boolean;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  required?: string[];
  definitions?: Record<string, JsonSchema>;
}

/** The schema as the editor reads it; `$schema` names draft-07 the way Ajv knows it. */
export const COMPOSE_SCHEMA: JsonSchema = { ...(rawSchema as JsonSchema), $schema: 'http://json-schema.org/draft-07/schema#' };

function resolve(schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let hops = 0; s.$ref && hops < 20; hops++) {
    const name = /^#\/definitions\/(.+)$/.exec(s.$ref)?.[1];
    const target = name ? COMPOSE_SCHEMA.definitions?.[name] : undefined;
    if (!target) break;
    s = target;
  }
  return s;
}

/** The schema itself (its $ref followed) and every oneOf / anyOf / allOf branch in it. */
export function expand(schema: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [];
  const visit = (s: JsonSchema, depth: number): void => {
    const r = resolve(s);
    if (out.includes(r) || depth > 8) return;
    out.push(r);
    for (const branch of [...(r.oneOf ?? []), ...(r.anyOf ?? []), ...(r.allOf ?? [])]) visit(branch, depth + 1);
  };
  visit(schema, 0);
  return out;
}

/** The schemas (unexpanded, so a `$ref`'s sibling description stays) for `segment` inside any of `parents`. */
export function childSchemas(parents: JsonSchema[], segment: string | number): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const parent of parents.flatMap(expand)) {
    if (typeof segment === 'number') {
      if (parent.items && !Array.isArray(parent.items)) out.push(parent.items);
      continue;
    }
    const own = parent.properties?.[segment];
    if (own) {
      out.push(own);
      continue;
    }
    const patterned = Object.entries(parent.patternProperties ?? {}).filter(([pattern]) => new RegExp(pattern, 'u').test(segment));
    if (patterned.length) out.push(...patterned.map(([, s]) => s));
    else if (parent.additionalProperties && typeof parent.additionalProperties === 'object') out.push(parent.additionalProperties);
  }
  return out;
}

/** The schemas that apply to the value at `path` (a number stands for any list item). */
export function schemasAt(path: YamlPath): JsonSchema[] {
  let current: JsonSchema[] = [COMPOSE_SCHEMA];
  for (const segment of path) {
    current = childSchemas(current, segment);
    if (current.length === 0) break;
  }
  return current;
}

export interface SchemaKey {
  name: string;
  description?: string;
  deprecated: boolean;
  /** The JSON types its value may have (from the schema and its branches). */
  types: string[];
}

function typesOf(schema: JsonSchema): string[] {
  const types = new Set<string>();
  for (const s of expand(schema)) for (const t of [s.type ?? []].flat()) types.add(t);
  return [...types];
}

/** The keys the schema names for the map at `path`, in the schema's order. */
export function keysAt(path: YamlPath): SchemaKey[] {
  const keys = new Map<string, SchemaKey>();
  for (const s of schemasAt(path).flatMap(expand)) {
    for (const [name, child] of Object.entries(s.properties ?? {})) {
      if (!keys.has(name)) keys.set(name, { name, description: describe(child), deprecated: expand(child).some((c) => c.deprecated === true), types: typesOf(child) });
    }
  }
  return [...keys.values()];
}

/** The first description: the schema's own (beside its $ref), else its target's or a branch's. */
export function describe(schema: JsonSchema): string | undefined {
  if (schema.description) return schema.description;
  return expand(schema).find((s) => s.description)?.description;
}

/** The description of the value at `path` (for a key's hover). */
export function descriptionAt(path: YamlPath): string | undefined {
  for (const s of schemasAt(path)) {
    const d = describe(s);
    if (d) return d;
  }
  return undefined;
}

/** The values the schema allows at `path`, when it lists them (enum), or true/false for a plain boolean. */
export function valuesAt(path: YamlPath): string[] {
  const values = new Set<string>();
  const schemas = schemasAt(path).flatMap(expand);
  for (const s of schemas) for (const v of s.enum ?? []) values.add(String(v));
  const types = new Set(schemas.flatMap((s) => [s.type ?? []].flat()));
  if (values.size === 0 && types.size === 1 && types.has('boolean')) return ['true', 'false'];
  return [...values];
}

let validator: ValidateFunction | undefined;

/** Ajv's errors for `data` against the compose schema (all of them, as Ajv reports them). */
export function validateCompose(data: unknown): ErrorObject[] {
  if (!validator) {
    // Required here, not imported: the explorer loads this capability too and never validates.
    // The schema is trusted (no meta-validation) and compiled unoptimised: half the time.
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, logger: false, validateSchema: false, code: { optimize: false } });
    validator = ajv.compile(COMPOSE_SCHEMA);
  }
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

/** ajv-i18n's Korean for each error (the Korean localizer alone, not every language's). */
export function koreanMessages(errors: ErrorObject[]): string[] {
  const localize = require('ajv-i18n/localize/ko') as (errors: ErrorObject[]) => void;
  const copies = errors.map((e) => ({ ...e, message: undefined }));
  localize(copies);
  return copies.map((e, i) => e.message ?? errors[i]?.message ?? e.keyword);
}
