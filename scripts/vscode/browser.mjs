// Debian's Chromium driven by playwright-core (Playwright's own browser
// download is not reachable here). The flags keep it from reaching for Google
// services, which this network refuses, and let it run as root in a container.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { onCleanup } from './cleanup.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found (Debian: apt-get install -y chromium; or set CHROMIUM_PATH)');
  return found;
}

/**
 * Launches headless Chromium; the returned browser is closed on exit or
 * signal even if the caller forgets. `locale` sets navigator.language and
 * Accept-Language of new contexts made with `newContext(browser, …)`.
 */
export async function launchChromium({ headless = true } = {}) {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless, args: CHROMIUM_ARGS, timeout: 60_000 });
  const unregister = onCleanup(() => browser.close().catch(() => {}));
  browser.on('disconnected', unregister);
  return browser;
}

/** A browser context sized like a laptop screen, in the given UI locale. */
export function newContext(browser, { locale = 'en', width = 1400, height = 900 } = {}) {
  return browser.newContext({ locale: locale === 'ko' ? 'ko-KR' : locale, viewport: { width, height } });
}
