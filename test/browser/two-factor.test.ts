import * as OTPAuth from 'otpauth';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Locale, locales } from '../../src/i18n/locales.js';
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

/**
 * Seeds 000, 001 and 003 in Chromium: set up an authenticator by reading the key off the page,
 * save the recovery codes, sign out, sign in with a code, then with a recovery code.
 */
async function journey(server: Server, browser: Browser, locale: Locale, viewport: ViewportName) {
  const t = translator(locale);
  const email = `2fa-${locale.toLowerCase()}-${viewport}@example.com`;
  const context = await newDevice(browser, { viewport, acceptLanguage: locale });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const shot = async (step: string) => {
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    await screenshot(page, `${locale}-${viewport}-2fa-${step}`);
  };
  const url = (path: string) => `${server.origin}${path}`;
  expect((await context.request.post(url('/api/v1/accounts'), { data: { email, password } })).status()).toBe(
    201,
  );

  const signIn = async () => {
    await page.goto(url('/sign-in'));
    await page.getByLabel(t('form.email'), { exact: true }).fill(email);
    await page.getByLabel(t('form.password'), { exact: true }).fill(password);
    await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click();
  };
  await signIn();
  await page.getByRole('link', { name: t('security.twoFactor.setUp') }).click();
  await page.getByLabel(t('form.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t('confirm.submit') }).click();
  await shot('1-intro');
  await page.getByRole('button', { name: t('setup.start') }).click();
  await page.locator('summary').click();
  await shot('2-scan');
  const typedKey = (await page.locator('.typed-key').textContent())!.replaceAll(' ', '');
  const app = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(typedKey) });
  const code = () => app.generate({ timestamp: server.clock.now().getTime() });
  await page.getByLabel(t('step.totp.label')).fill(code());
  await page.getByRole('button', { name: t('setup.scan.submit') }).click();
  const codes = await page.locator('.recovery-codes code').allTextContents();
  expect(codes).toHaveLength(10);
  await shot('3-recovery-codes');
  await page.getByLabel(t('recovery.saved')).check();
  await page.getByRole('button', { name: t('recovery.continue') }).click();
  expect(new URL(page.url()).pathname).toBe('/security');
  await shot('4-security-on');

  server.clock.advance(30_000);
  await page.getByRole('button', { name: t('layout.signOut') }).click();
  await signIn();
  expect(new URL(page.url()).pathname).toBe('/sign-in/second-factor');
  await shot('5-second-step');
  await page.getByLabel(t('step.totp.label')).fill(code().replace(/(\d{3})/, '$1 '));
  await page.getByRole('button', { name: t('step.submit') }).click();
  expect(new URL(page.url()).pathname).toBe('/security');

  await page.getByRole('button', { name: t('layout.signOut') }).click();
  await signIn();
  await page.getByRole('link', { name: t('step.useRecovery') }).click();
  await shot('6-recovery-step');
  await page.getByLabel(t('step.recovery.label')).fill(codes[0]!);
  await page.getByRole('button', { name: t('step.submit') }).click();
  expect(new URL(page.url()).pathname).toBe('/security');
  await shot('7-security-after-recovery');
  expect(problems).toEqual([]);
  await context.close();
}

/** The code in the newest e-mail to `to` whose subject matches, read off the dev outbox. */
async function mailedCode(server: Server, to: string, subject: RegExp): Promise<string> {
  const response = await fetch(`${server.origin}/dev/outbox.json`);
  const messages = (await response.json()) as Array<{ to: string; subject?: string; text: string }>;
  const code = messages
    .find((m) => m.to === to && subject.test(m.subject ?? ''))
    ?.text.match(/\b\d{6}\b/)?.[0];
  if (!code) throw new Error(`no code was mailed to ${to}`);
  return code;
}

/** Seed 001's e-mail choice: set up with the account's address, then sign in with "Send code". */
async function emailJourney(server: Server, browser: Browser, locale: Locale) {
  const t = translator(locale);
  const email = `mail-${locale.toLowerCase()}@example.com`;
  const context = await newDevice(browser, { viewport: 'desktop', acceptLanguage: locale });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const shot = (step: string) => screenshot(page, `${locale}-desktop-2fa-email-${step}`);
  const url = (path: string) => `${server.origin}${path}`;
  expect((await context.request.post(url('/api/v1/accounts'), { data: { email, password } })).status()).toBe(
    201,
  );
  const signIn = async () => {
    await page.goto(url('/sign-in'));
    await page.getByLabel(t('form.email'), { exact: true }).fill(email);
    await page.getByLabel(t('form.password'), { exact: true }).fill(password);
    await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click();
  };
  await signIn();
  await page.getByRole('link', { name: t('security.twoFactor.setUp') }).click();
  await page.getByLabel(t('form.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t('confirm.submit') }).click();
  await page.getByLabel(t('codePage.choice.email'), { exact: true }).check();
  await shot('1-choice');
  await page.getByRole('button', { name: t('setup.start') }).click();
  await expect.poll(() => page.getByLabel(t('codePage.email.label')).inputValue()).toBe(email);
  await shot('2-address');
  await page.getByRole('button', { name: t('codePage.send') }).click();
  await shot('3-code');
  await page.getByLabel(t('codePage.code.label')).fill(await mailedCode(server, email, /e-mail|Twostep/));
  await page.getByRole('button', { name: t('codePage.verify') }).click();
  expect(await page.locator('.recovery-codes code').count()).toBe(10);
  await page.getByLabel(t('recovery.saved')).check();
  await page.getByRole('button', { name: t('recovery.continue') }).click();

  server.clock.advance(30_000);
  await page.getByRole('button', { name: t('layout.signOut') }).click();
  await signIn();
  await shot('4-send-code');
  await page.getByRole('button', { name: t('codePage.send') }).click();
  await shot('5-enter-code');
  // The mail speaks the account's language, which an account made through the API may not have.
  const subjects = [t, translator('en')].map((tr) => tr('code.mail.signIn.subject', { app: 'Twostep' }));
  const subject = new RegExp(subjects.join('|'));
  await page.getByLabel(t('codePage.code.label')).fill(await mailedCode(server, email, subject));
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
