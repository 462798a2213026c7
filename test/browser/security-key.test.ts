import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locales.js';
import { testServer } from '../support/test-server.js';
import { chromiumAvailable, launchChromium } from './harness.js';
import { keepRecoveryCodes, newAccountOnDevice, openTwoFactorSetup, shotsIn } from './journeys.js';

/**
 * The server on `localhost`: an IP address is no valid RP ID, so the browser refuses security
 * keys on http://127.0.0.1 (the harness's address). The rest is the harness's server.
 */
async function startLocalhostServer() {
  let handler: ((request: Request, env: unknown) => Response | Promise<Response>) | undefined;
  const http = serve({ fetch: (request, env) => handler!(request, env), port: 0, hostname: '127.0.0.1' });
  if (!http.listening) await once(http, 'listening');
  const origin = `http://localhost:${(http.address() as AddressInfo).port}`;
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

/** A virtual CTAP2 authenticator in Chromium (DevTools protocol), as a USB key that verifies its user. */
async function plugInKey(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'usb',
      hasResidentKey: false,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { unplug: () => cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId }) };
}

describe.skipIf(!chromiumAvailable())('security keys in Chromium', () => {
  let server: Awaited<ReturnType<typeof startLocalhostServer>>;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startLocalhostServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(['en', 'nl'] as Locale[])(
    'adds a key, signs in with password and key; another key is refused (%s, phone)',
    async (locale) => {
      const email = `key-${locale}@example.com`;
      const device = await newAccountOnDevice(server, browser, { locale, viewport: 'phone', email });
      const { t, context, page, problems, signIn, signOutAndBackIn } = device;
      const shot = shotsIn(page, locale, `${locale}-phone-security-key`);
      const key = await plugInKey(context, page);

      await signIn();
      await openTwoFactorSetup(page, t);
      await page.getByText(t('codePage.choice.webauthn')).click();
      await shot('1-choice');
      await page.getByRole('button', { name: t('setup.start') }).click();
      expect(new URL(page.url()).pathname).toBe('/security/two-factor/setup/security-key');
      await page.getByLabel(t('webauthn.setup.label'), { exact: true }).fill('Blue key');
      await shot('2-kind-and-name');
      await page.getByRole('button', { name: t('webauthn.setup.continue') }).click();
      await shot('3-touch');
      await page.getByRole('button', { name: t('webauthn.touch.button') }).click();
      await page.waitForSelector('.recovery-codes');
      await keepRecoveryCodes(page, t);
      expect(new URL(page.url()).pathname).toBe('/security');
      expect(await page.textContent('main')).toContain('Blue key');

      await signOutAndBackIn();
      expect(new URL(page.url()).pathname).toBe('/sign-in/second-factor');
      await shot('4-second-step');
      await page.getByRole('button', { name: t('webauthn.touch.button') }).click();
      await page.waitForURL((url) => url.pathname === '/security');

      // A key this account never registered: the browser finds no credential for the options.
      await key.unplug();
      await plugInKey(context, page);
      await signOutAndBackIn();
      await page.getByRole('button', { name: t('webauthn.touch.button') }).click();
      await page.waitForSelector('[data-webauthn-failed]:not([hidden])');
      await shot('5-unknown-key');
      expect(new URL(page.url()).pathname).toBe('/sign-in/second-factor');
      expect(problems).toEqual([]);
      await context.close();
    },
    60_000,
  );
});
