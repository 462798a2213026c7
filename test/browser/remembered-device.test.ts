import * as OTPAuth from 'otpauth';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locales.js';
import { password } from '../support/seed-user.js';
import {
  chromiumAvailable,
  type BrowserTestServer as Server,
  screenshot,
  serverAndChromium,
  type ViewportName,
} from './harness.js';
import { newAccountOnDevice } from './journeys.js';

/** Tick "Don't ask again", sign out, sign in with the password only, then forget the device. */
async function journey(server: Server, browser: Browser, locale: Locale, viewport: ViewportName) {
  const email = `remember-${locale.toLowerCase()}-${viewport}@example.com`;
  const { t, context, page, problems, url, signIn, signOutAndBackIn } = await newAccountOnDevice(
    server,
    browser,
    {
      locale,
      viewport,
      email,
    },
  );
  const api = context.request;
  // The authenticator is set up through the API: its pages have their own browser test.
  expect((await api.post(url('/api/v1/session'), { data: { email, password } })).status()).toBe(200);
  expect((await api.post(url('/api/v1/me/confirm-password'), { data: { password } })).status()).toBe(204);
  const enrollment = await (await api.post(url('/api/v1/me/methods'), { data: { type: 'totp' } })).json();
  const app = OTPAuth.URI.parse(enrollment.otpauthUri) as OTPAuth.TOTP;
  const code = () => app.generate({ timestamp: server.clock.now().getTime() });
  const confirmed = await api.post(url(`/api/v1/me/methods/${enrollment.id}/confirm`), {
    data: { code: code() },
  });
  expect(confirmed.status()).toBe(200);
  expect((await api.delete(url('/api/v1/session'))).status()).toBe(204);
  server.clock.advance(30_000);

  await signIn();
  expect(new URL(page.url()).pathname).toBe('/sign-in/second-factor');
  await page.getByLabel(t('step.totp.label')).fill(code());
  await page.getByLabel(t('remember.checkbox', { days: 30 })).check();
  await screenshot(page, `${locale}-${viewport}-remember-1-second-step`);
  await page.getByRole('button', { name: t('step.submit') }).click();
  expect(new URL(page.url()).pathname).toBe('/security');

  await signOutAndBackIn();
  expect(new URL(page.url()).pathname).toBe('/security');
  const section = page.locator('section', {
    has: page.getByRole('heading', { name: t('remembered.heading') }),
  });
  expect(await section.getByText(t('security.devices.thisDevice')).count()).toBe(1);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, `${locale}-${viewport}-remember-2-security`);
  await section.getByRole('button', { name: new RegExp(`^${t('remembered.forget')}\\s*:`) }).click();
  expect(await page.getByText(t('remembered.notice.forgotten')).count()).toBe(1);

  await signOutAndBackIn();
  expect(new URL(page.url()).pathname).toBe('/sign-in/second-factor');
  expect(problems).toEqual([]);
  await context.close();
}

describe.runIf(chromiumAvailable())('remember this device in Chromium', () => {
  const running = serverAndChromium();
  it.each([
    ['en', 'desktop'],
    ['pt-BR', 'phone'],
  ] as const)(
    '%s on %s',
    async (locale, viewport) => {
      await journey(running.server, running.browser, locale, viewport);
    },
    60_000,
  );
});
