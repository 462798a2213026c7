import * as OTPAuth from 'otpauth';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locales.js';
import { translator } from '../../src/i18n/translate.js';
import {
  chromiumAvailable,
  newDevice,
  type BrowserTestServer as Server,
  screenshot,
  serverAndChromium,
  type ViewportName,
  watchProblems,
} from './harness.js';

const password = 'a calm lake at dawn';

/** Tick "Don't ask again", sign out, sign in with the password only, then forget the device. */
async function journey(server: Server, browser: Browser, locale: Locale, viewport: ViewportName) {
  const t = translator(locale);
  const email = `remember-${locale.toLowerCase()}-${viewport}@example.com`;
  const context = await newDevice(browser, { viewport, acceptLanguage: locale });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const url = (path: string) => `${server.origin}${path}`;
  const api = context.request;
  // The authenticator is set up through the API: its pages have their own browser test.
  expect((await api.post(url('/api/v1/accounts'), { data: { email, password } })).status()).toBe(201);
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

  const signIn = async () => {
    await page.goto(url('/sign-in'));
    await page.getByLabel(t('form.email'), { exact: true }).fill(email);
    await page.getByLabel(t('form.password'), { exact: true }).fill(password);
    await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click();
  };
  await signIn();
  expect(new URL(page.url()).pathname).toBe('/sign-in/second-factor');
  await page.getByLabel(t('step.totp.label')).fill(code());
  await page.getByLabel(t('remember.checkbox', { days: 30 })).check();
  await screenshot(page, `${locale}-${viewport}-remember-1-second-step`);
  await page.getByRole('button', { name: t('step.submit') }).click();
  expect(new URL(page.url()).pathname).toBe('/security');

  await page.getByRole('button', { name: t('layout.signOut') }).click();
  await signIn();
  expect(new URL(page.url()).pathname).toBe('/security');
  const section = page.locator('section', {
    has: page.getByRole('heading', { name: t('remembered.heading') }),
  });
  expect(await section.getByText(t('security.devices.thisDevice')).count()).toBe(1);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, `${locale}-${viewport}-remember-2-security`);
  await section.getByRole('button', { name: new RegExp(`^${t('remembered.forget')}\\s*:`) }).click();
  expect(await page.getByText(t('remembered.notice.forgotten')).count()).toBe(1);

  await page.getByRole('button', { name: t('layout.signOut') }).click();
  await signIn();
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
