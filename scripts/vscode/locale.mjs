// Running VS Code (code-server 1.100) in another display language offline.
//
// What decides the language: the workbench page takes its language from
// `globalThis._VSCODE_NLS_LANGUAGE`, which only the NLS script of an installed
// *language pack* sets; without one, `--locale ko` still leaves the UI, and so
// `vscode.env.language` in the extension host, at 'en'. The server resolves the
// locale (--locale, then argv.json, then the browser's Accept-Language) against
// `<user-data-dir>/languagepacks.json`, the cache VS Code itself writes when a
// language pack extension is installed, and builds the NLS script from that
// pack's `translations.vscode` file.
//
// Microsoft's Korean pack comes from the Marketplace, which is not reachable.
// The shim below registers a language pack for the locale whose core
// translations are empty: VS Code's own strings stay English (each missing
// translation falls back to the English message), but the workbench, and every
// extension host, run with `vscode.env.language === <locale>`, so extensions get
// their `package.nls.<locale>.json` and `l10n/bundle.l10n.<locale>.json`.
// The same file works for desktop VS Code (it resolves languages the same way).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LABELS = { ko: '한국어' };

export function writeLocaleShim(userDataDir, locale) {
  const dir = join(userDataDir, 'docker-labs-locale-shim', locale);
  mkdirSync(dir, { recursive: true });
  const mainTranslations = join(dir, 'main.i18n.json');
  writeFileSync(mainTranslations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const languagePacks = {
    [locale]: {
      // Part of the cache folder name (<user-data-dir>/clp/<hash>.<locale>).
      hash: `docker-labs-shim-${locale}`,
      label: LABELS[locale] ?? locale,
      // VS Code reads the pack's extension id from here (getInstalledLanguages).
      extensions: [{ extensionIdentifier: { id: `docker-labs.locale-shim-${locale}` }, version: '1.0.0' }],
      translations: { vscode: mainTranslations },
    },
  };
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify(languagePacks, null, 2));
  // Also the persistent display-language setting, read when --locale is absent.
  writeFileSync(join(userDataDir, 'User', 'argv.json'), JSON.stringify({ locale }, null, 2));
}
