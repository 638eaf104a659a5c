// hadolint's configuration file (`.hadolint.yaml` / `.hadolint.yml`), so
// hadolint users change nothing: `ignored`, `override` (error / warning /
// info / style) and `disable-ignore-pragma`. Found next to the Dockerfile or
// in any folder above it.
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import type { LintConfig, SeveritySetting } from './types';

export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

const LEVELS: Record<string, SeveritySetting> = { error: 'error', warning: 'warning', info: 'info', style: 'hint', ignore: 'off' };

export interface LoadedConfig {
  config: LintConfig;
  /** Problems in the file (the valid parts still apply). */
  errors: string[];
}

export function parseHadolintConfig(text: string): LoadedConfig {
  const errors: string[] = [];
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    return { config: {}, errors: [`invalid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`] };
  }
  if (doc === null || doc === undefined) return { config: {}, errors };
  if (typeof doc !== 'object' || Array.isArray(doc)) return { config: {}, errors: ['expected a mapping at the top level'] };
  const d = doc as Record<string, unknown>;
  const config: LintConfig = {};
  if (d.ignored !== undefined) {
    if (Array.isArray(d.ignored) && d.ignored.every((x) => typeof x === 'string')) config.ignored = d.ignored as string[];
    else errors.push('`ignored` must be a list of rule ids');
  }
  if (d.override !== undefined) {
    if (typeof d.override !== 'object' || d.override === null || Array.isArray(d.override)) {
      errors.push('`override` must map error/warning/info/style to lists of rule ids');
    } else {
      const severity: Record<string, SeveritySetting> = {};
      for (const [level, ids] of Object.entries(d.override as Record<string, unknown>)) {
        const sev = LEVELS[level];
        if (!sev) {
          errors.push(`unknown level \`${level}\` in \`override\``);
          continue;
        }
        if (!Array.isArray(ids)) {
          errors.push(`\`override.${level}\` must be a list`);
          continue;
        }
        for (const id of ids) if (typeof id === 'string') severity[id] = sev;
      }
      config.severity = severity;
    }
  }
  if (d['disable-ignore-pragma'] !== undefined) config.disableInlineIgnores = d['disable-ignore-pragma'] === true;
  // Ours (hadolint ignores keys it does not know): judge as hadolint where a rule deliberately differs.
  if (d['hadolint-compat'] !== undefined) {
    if (typeof d['hadolint-compat'] === 'boolean') config.hadolintCompat = d['hadolint-compat'];
    else errors.push('`hadolint-compat` must be true or false');
  }
  return { config, errors };
}

/** The nearest `.hadolint.yaml`/`.hadolint.yml` in `dir` or a folder above it (not above `stopAt`, if given). */
export function findHadolintConfig(dir: string, stopAt?: string): string | null {
  let current = path.resolve(dir);
  const stop = stopAt ? path.resolve(stopAt) : null;
  for (;;) {
    for (const name of HADOLINT_CONFIG_NAMES) {
      const candidate = path.join(current, name);
      try {
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
    if (stop && current === stop) return null;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/** Finds and reads the hadolint config that applies to a Dockerfile. */
export function loadHadolintConfig(dockerfilePath: string, stopAt?: string): (LoadedConfig & { path: string }) | null {
  const found = findHadolintConfig(path.dirname(path.resolve(dockerfilePath)), stopAt);
  if (!found) return null;
  let text: string;
  try {
    text = fs.readFileSync(found, 'utf8');
  } catch (err) {
    return { path: found, config: {}, errors: [err instanceof Error ? err.message : String(err)] };
  }
  return { path: found, ...parseHadolintConfig(text) };
}
