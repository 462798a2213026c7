import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Locale, locales } from '../../src/i18n/locales.js';
import { translator } from '../../src/i18n/translate.js';
import { verifyAddress } from '../support/verify-email.js';
import {
  chromiumAvailable,
  type BrowserTestServer as Server,
  screenshot,
  serverAndChromium,
  type ViewportName,
} from './harness.js';
import {
  authenticatorFromTypedKey,
  codeSentTo,
  keepRecoveryCodes,
  newAccountOnDevice,
  openTwoFactorSetup,
  shotsIn,
} from './journeys.js';

/**
 * In Chromium: set up an authenticator by reading the key off the page,
 * save the recovery codes, sign out, sign in with a code, then with a recovery code.
 */
async function journey(server: Server, browser: Browser, locale: Locale, viewport: ViewportName) {
  const email = `2fa-${locale.toLowerCase()}-${viewport}@example.com`;
  const { t, context, page, problems, signIn, signOutAndBackIn } = await newAccountOnDevice(server, browser, {
    locale,
    viewport,
    email,
  });
  const shot = shotsIn(page, locale, `${locale}-${viewport}-2fa`);

  await signIn();
  await openTwoFactorSetup(page, t);
  await shot('1-intro');
  await page.getByRole('button', { name: t('setup.start') }).click();
  await page.locator('summary').click();
  await shot('2-scan');
  const app = await authenticatorFromTypedKey(page);
  const code = () => app.generate({ timestamp: server.clock.now().getTime() });
  await page.getByLabel(t('step.totp.label')).fill(code());
  await page.getByRole('button', { name: t('setup.scan.submit') }).click();
  const codes = await page.locator('.recovery-codes code').allTextContents();
  expect(codes).toHaveLength(10);
  await shot('3-recovery-codes');
  await keepRecoveryCodes(page, t);
  expect(new URL(page.url()).pathname).toBe('/security');
  await shot('4-security-on');

  server.clock.advance(30_000);
  await signOutAndBackIn();
  expect(new URL(page.url()).pathname).toBe('/sign-in/second-factor');
  await shot('5-second-step');
  await page.getByLabel(t('step.totp.label')).fill(code().replace(/(\d{3})/, '$1 '));
  await page.getByRole('button', { name: t('step.submit') }).click();
  expect(new URL(page.url()).pathname).toBe('/security');

  await signOutAndBackIn();
  await page.getByRole('link', { name: t('step.useRecovery') }).click();
  await shot('6-recovery-step');
  await page.getByLabel(t('step.recovery.label')).fill(codes[0]!);
  await page.getByRole('button', { name: t('step.submit') }).click();
  expect(new URL(page.url()).pathname).toBe('/security');
  await shot('7-security-after-recovery');
  expect(problems).toEqual([]);
  await context.close();
}

/** The e-mail choice: set up with the account's address, then sign in with "Send code". */
async function emailJourney(server: Server, browser: Browser, locale: Locale) {
  const email = `mail-${locale.toLowerCase()}@example.com`;
  const { t, context, page, problems, signIn, signOutAndBackIn } = await newAccountOnDevice(server, browser, {
    locale,
    viewport: 'desktop',
    email,
  });
  const shot = (step: string) => screenshot(page, `${locale}-desktop-2fa-email-${step}`);
  // Codes go to the account address only once it is proved; a second later, so the codes that
  // follow are the newest mail in the outbox.
  await verifyAddress(server, email);
  server.clock.advance(1000);
  await signIn();
  await openTwoFactorSetup(page, t);
  await page.getByLabel(t('codePage.choice.email'), { exact: true }).check();
  await shot('1-choice');
  await page.getByRole('button', { name: t('setup.start') }).click();
  await expect.poll(() => page.getByLabel(t('codePage.email.label')).inputValue()).toBe(email);
  await shot('2-address');
  await page.getByRole('button', { name: t('codePage.send') }).click();
  await shot('3-code');
  await page.getByLabel(t('codePage.code.label')).fill(await codeSentTo(server, email, /e-mail|Twostep/));
  await page.getByRole('button', { name: t('codePage.verify') }).click();
  expect(await page.locator('.recovery-codes code').count()).toBe(10);
  await keepRecoveryCodes(page, t);

  server.clock.advance(30_000);
  await signOutAndBackIn();
  await shot('4-send-code');
  await page.getByRole('button', { name: t('codePage.send') }).click();
  await shot('5-enter-code');
  // The mail speaks the account's language, which an account made through the API may not have.
  const subjects = [t, translator('en')].map((tr) => tr('code.mail.signIn.subject', { app: 'Twostep' }));
  const subject = new RegExp(subjects.join('|'));
  await page.getByLabel(t('codePage.code.label')).fill(await codeSentTo(server, email, subject));
  await page.getByRole('button', { name: t('step.submit') }).click();
  expect(new URL(page.url()).pathname).toBe('/security');
  expect(problems).toEqual([]);
  await context.close();
}

const runs: Array<[Locale, ViewportName]> = [
  ...locales.map((l): [Locale, ViewportName] => [l, 'desktop']),
  ['nl', 'phone'],
  ['en', 'phone'],
];

describe.skipIf(!chromiumAvailable())('two-factor set-up and sign-in in Chromium', () => {
  const running = serverAndChromium();

  it.each(runs)('%s on %s', async (locale, viewport) => {
    await journey(running.server, running.browser, locale, viewport);
  });

  it.each(['en', 'nl'] as const)('e-mail codes in %s', async (locale) => {
    await emailJourney(running.server, running.browser, locale);
  });
});
