// Localised text for pure modules (linter, lab engine, CLI), which cannot use
// vscode.l10n. The editor side picks the language from vscode.env.language; the
// CLI from LANG / LC_ALL / DOCKER_LABS_LANG.
export type Lang = 'ko' | 'en';
export interface Localized {
  ko: string;
  en: string;
}

/** Korean when the locale starts with "ko", English otherwise. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** The CLI's language: DOCKER_LABS_LANG, then LC_ALL, LC_MESSAGES, LANG. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  return langFromLocale(env.DOCKER_LABS_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** Replaces {name} placeholders with values; unknown names stay as written. */
export function format(template: string, args: Record<string, string | number> = {}): string {
  const parts = templateParts(template);
  if (parts.length === 1) return template;
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : `{${name}}`) + parts[i + 1];
  }
  return out;
}

/** Split templates (text, name, text, …), kept because the same messages are formatted again and again (every finding). */
const TEMPLATES = new Map<string, string[]>();

function templateParts(template: string): string[] {
  let parts = TEMPLATES.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    // Bounded: templates are the code's own messages, but a caller may format text it was given.
    if (TEMPLATES.size >= 2000) TEMPLATES.clear();
    TEMPLATES.set(template, parts);
  }
  return parts;
}

export function pick(text: Localized, lang: Lang, args?: Record<string, string | number>): string {
  return format(text[lang] ?? text.en, args);
}
