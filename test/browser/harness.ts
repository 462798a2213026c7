import { once } from 'node:events';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, vi } from 'vitest';
import { testServer } from '../support/test-server.js';

// A journey clicks through several pages with password hashing and a second factor on each
// sign-in; on a machine running the rest of the suite beside it, 30 s is too short for the first
// one of a file, which also starts Chromium. Unit tests keep the short default.
vi.setConfig({ testTimeout: 90_000 });

export const chromiumPath = '/usr/bin/chromium';
export const screenshotDir = join('test-artifacts', 'screenshots');

/**
 * Whether the browser suite can run. In CI a missing Chromium is a failure, never a silent skip:
 * a green run must mean the pages were really driven.
 */
export function chromiumAvailable(): boolean {
  const present = existsSync(chromiumPath);
  if (!present && process.env.CI)
    throw new Error(`Chromium is required in CI but ${chromiumPath} is missing`);
  return present;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * The real server on a free port. The app is built once the port is known, so its public URL (and
 * with it the Origin check and the reset links) matches the address the browser uses.
 */
export async function startServer() {
  let handler: ((request: Request, env: unknown) => Response | Promise<Response>) | undefined;
  const http = serve({
    fetch: (request, env) => handler!(request, env),
    port: 0,
    hostname: '127.0.0.1',
  });
  if (!http.listening) await once(http, 'listening');
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const server = await testServer({ env: { TWOSTEP_PUBLIC_URL: origin } });
  handler = (request, env) => server.app.fetch(request, env);
  return {
    ...server,
    origin,
    close: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.close();
    },
  };
}

export type BrowserTestServer = Awaited<ReturnType<typeof startServer>>;

/** Our server and Chromium for one describe block: started before its tests, closed after them. */
export function serverAndChromium(): { server: BrowserTestServer; browser: Browser } {
  const running = {} as { server: BrowserTestServer; browser: Browser };
  beforeAll(async () => {
    [running.server, running.browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.server?.close();
  });
  return running;
}

export const viewports = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    userAgent:
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  },
} as const;

export type ViewportName = keyof typeof viewports;

/** A browser profile of its own (cookies, language), as a separate device would have. */
export async function newDevice(
  browser: Browser,
  options: { viewport: ViewportName; acceptLanguage: string; userAgent?: string; dark?: boolean },
): Promise<BrowserContext> {
  const profile = viewports[options.viewport];
  const context = await browser.newContext({
    ...profile,
    locale: options.acceptLanguage,
    colorScheme: options.dark ? 'dark' : 'light',
    reducedMotion: 'reduce',
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  });
  // Every page here answers in milliseconds; a step that waits longer has failed.
  context.setDefaultTimeout(10_000);
  return context;
}

/**
 * Collects what the page complains about: script errors and console errors, which is where a
 * CSP violation (an inline style or script) shows up.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A form answered with its errors (400, 401, 403, 422, 429) is logged too; that one is wanted.
    const expected = /^Failed to load resource: the server responded with a status of 4(00|01|03|22|29)\b/;
    if (message.type() === 'error' && !expected.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}
