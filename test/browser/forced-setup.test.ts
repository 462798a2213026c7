import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locales.js';
import { deadlineInstant, putPolicy } from '../support/policy.js';
import {
  chromiumAvailable,
  type BrowserTestServer as Server,
  serverAndChromium,
  type ViewportName,
} from './harness.js';
import { authenticatorFromTypedKey, keepRecoveryCodes, newAccountOnDevice, shotsIn } from './journeys.js';

const setupPath = '/security/two-factor/setup';

/**
 * Required 2FA (T-LOGIN-6) in Chromium: the banner counts the days down before the deadline; after it,
 * signing in leads straight into set-up, no other page can be reached, and set-up ends the detour.
 */
async function journey(server: Server, browser: Browser, locale: Locale, viewport: ViewportName) {
  const email = `forced-${locale.toLowerCase()}-${viewport}@example.com`;
  server.clock.set('2026-11-23T09:00:00Z');
  const { t, context, page, problems, url, signIn } = await newAccountOnDevice(server, browser, {
    locale,
    viewport,
    email,
  });
  const shot = shotsIn(page, locale, `${locale}-${viewport}-policy`);
  const path = () => new URL(page.url()).pathname;

  await signIn();
  expect(path()).toBe('/security');
  const banner = page.locator('.policy-banner');
  await expect
    .poll(() => banner.textContent())
    .toContain(t('policy.banner.daysLeft', { date: '', days: 8 }).split(': ')[1]!.trim());
  await expect.poll(() => banner.getByRole('link', { name: t('policy.banner.action') }).count()).toBe(1);
  await shot('1-banner');
  await page.getByRole('button', { name: t('layout.signOut') }).click();

  server.clock.set(new Date(new Date(deadlineInstant).getTime() + 60 * 60_000));
  await signIn();
  expect(path()).toBe(setupPath);
  expect(await page.locator('.alert-info').textContent()).toContain(t('app.name'));
  // The policy allows an authenticator app and text messages only.
  const offered = await Promise.all(
    (await page.locator('input[name="method"]').all()).map((input) => input.getAttribute('value')),
  );
  expect(offered).toEqual(['totp', 'sms']);
  await shot('2-forced-setup');
  for (const elsewhere of [
    '/security',
    '/security/password',
    '/organizations',
    '/',
    '/sign-in/second-factor',
  ]) {
    await page.goto(url(elsewhere));
    expect(path(), elsewhere).toBe(setupPath);
  }
  const api = await page.request.get(url('/api/v1/me'));
  expect(api.status()).toBe(403);
  expect(((await api.json()) as { code: string }).code).toBe('two_factor_setup_required');

  // No password confirmation: it was typed a moment ago.
  await page.getByRole('button', { name: t('setup.start') }).click();
  await page.locator('summary').click();
  const app = await authenticatorFromTypedKey(page);
  await page.getByLabel(t('step.totp.label')).fill(app.generate({ timestamp: server.clock.now().getTime() }));
  await page.getByRole('button', { name: t('setup.scan.submit') }).click();
  expect(await page.locator('.recovery-codes code').count()).toBe(10);
  await keepRecoveryCodes(page, t);
  expect(path()).toBe('/security');
  expect(await page.locator('.policy-banner').count()).toBe(0);
  await page.locator('#policy-heading').scrollIntoViewIfNeeded();
  expect(await page.locator('#policy-heading').textContent()).toBe(t('policy.section.heading'));
  await shot('3-security-with-rules');
  expect((await page.request.get(url('/api/v1/me'))).status()).toBe(200);
  expect(problems).toEqual([]);
  await context.close();
}

describe.skipIf(!chromiumAvailable())('forced 2FA set-up after the deadline in Chromium', () => {
  const running = serverAndChromium();

  it.each([
    ['en', 'desktop'],
    ['nl', 'phone'],
    ['sv', 'desktop'],
    ['pt-BR', 'phone'],
  ] as const)('%s on %s', async (locale, viewport) => {
    await putPolicy(running.server, { allowedMethods: ['totp', 'sms'] });
    await journey(running.server, running.browser, locale, viewport);
  });
});
