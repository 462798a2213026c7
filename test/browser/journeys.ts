import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Locale } from '../../src/i18n/locales.js';
import { type Translate, translator } from '../../src/i18n/translate.js';
import { password } from '../support/seed-user.js';
import {
  type BrowserTestServer,
  newDevice,
  screenshot,
  type ViewportName,
  watchProblems,
} from './harness.js';

/** A device of its own with one page open, and what that page complains about. */
export async function openDevice(browser: Browser, options: Parameters<typeof newDevice>[1]) {
  const context = await newDevice(browser, options);
  const page = await context.newPage();
  const problems = watchProblems(page);
  return { context, page, problems };
}

/**
 * A fresh account, made over the API, and a new device in its language; `signIn()` then goes to the
 * sign-in page and signs in there with the password, as the person would, and `signOutAndBackIn()`
 * first presses "Sign out".
 */
export async function newAccountOnDevice(
  server: BrowserTestServer,
  browser: Browser,
  options: { locale: Locale; viewport: ViewportName; email: string },
) {
  const { locale, viewport, email } = options;
  const t = translator(locale);
  const { context, page, problems } = await openDevice(browser, { viewport, acceptLanguage: locale });
  const url = (path: string) => `${server.origin}${path}`;
  expect((await context.request.post(url('/api/v1/accounts'), { data: { email, password } })).status()).toBe(
    201,
  );
  const signIn = async () => {
    await page.goto(url('/sign-in'));
    await submitSignIn(page, t, email);
  };
  const signOutAndBackIn = async () => {
    await page.getByRole('button', { name: t('layout.signOut') }).click();
    await signIn();
  };
  return { t, context, page, problems, url, signIn, signOutAndBackIn };
}

/** Fills in the sign-in form on the page and submits it. */
export async function submitSignIn(page: Page, t: Translate, email: string, pw = password) {
  await page.getByLabel(t('form.email'), { exact: true }).fill(email);
  await page.getByLabel(t('form.password'), { exact: true }).fill(pw);
  await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click();
}

/** Types the password on the confirm-password page (sudo mode) and submits it. */
export async function confirmPassword(page: Page, t: Translate, pw = password) {
  await page.getByLabel(t('form.password'), { exact: true }).fill(pw);
  await page.getByRole('button', { name: t('confirm.submit') }).click();
}

/** From the security page to 2FA set-up, through the password confirmation it asks for. */
export async function openTwoFactorSetup(page: Page, t: Translate) {
  await page.getByRole('link', { name: t('security.twoFactor.setUp') }).click();
  await confirmPassword(page, t);
}

/** Ticks "I have saved them" under the recovery codes and goes on. */
export async function keepRecoveryCodes(page: Page, t: Translate) {
  await page.getByLabel(t('recovery.saved')).check();
  await page.getByRole('button', { name: t('recovery.continue') }).click();
}

/** An authenticator app holding the key the set-up page types out for those who cannot scan. */
export async function authenticatorFromTypedKey(page: Page): Promise<OTPAuth.TOTP> {
  const typedKey = (await page.locator('.typed-key').textContent())!.replaceAll(' ', '');
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(typedKey) });
}

/** Screenshots named `${prefix}-${step}`, each after checking the page speaks `locale`. */
export function shotsIn(page: Page, locale: Locale, prefix: string) {
  return async (step: string) => {
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    await screenshot(page, `${prefix}-${step}`);
  };
}

type OutboxMessage = { to: string; subject?: string; text: string };

/** The development outbox, newest first, as a developer reads it. */
async function outbox(server: BrowserTestServer): Promise<OutboxMessage[]> {
  const response = await fetch(`${server.origin}/dev/outbox.json`);
  return (await response.json()) as OutboxMessage[];
}

/** The code in the newest message to `to` (whose subject matches, if given), read off the outbox. */
export async function codeSentTo(server: BrowserTestServer, to: string, subject?: RegExp): Promise<string> {
  const code = (await outbox(server))
    .find((m) => m.to === to && (!subject || subject.test(m.subject ?? '')))
    ?.text.match(/\b\d{6}\b/)?.[0];
  if (!code) throw new Error(`no code was sent to ${to}`);
  return code;
}

/** The link matching `pattern` in the newest message to `to` that holds one, read off the outbox. */
export async function linkSentTo(server: BrowserTestServer, to: string, pattern: RegExp): Promise<string> {
  const link = (await outbox(server))
    .find((m) => m.to === to && pattern.test(m.text))
    ?.text.match(pattern)?.[0];
  expect(link, `a link to ${to} in the outbox`).toBeDefined();
  return link!;
}
