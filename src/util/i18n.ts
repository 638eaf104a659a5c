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
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole,
  );
}

export function pick(text: Localized, lang: Lang, args?: Record<string, string | number>): string {
  return format(text[lang] ?? text.en, args);
}
