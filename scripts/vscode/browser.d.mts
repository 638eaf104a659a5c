// Types for browser.mjs (used by the TypeScript e2e helper).
import type { Browser, BrowserContext } from 'playwright-core';
export declare const CHROMIUM_ARGS: string[];
export declare function chromiumPath(): string;
export declare function launchChromium(options?: { headless?: boolean }): Promise<Browser>;
export declare function newContext(browser: Browser, options?: { locale?: string; width?: number; height?: number }): Promise<BrowserContext>;
