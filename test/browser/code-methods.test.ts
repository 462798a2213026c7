import type { Browser, Page } from 'playwright-core';
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
  codeSentTo,
  confirmPassword,
  keepRecoveryCodes,
  newAccountOnDevice,
  openTwoFactorSetup,
  shotsIn,
} from './journeys.js';

/** A fresh account, signed in on a new device, in sudo mode on the set-up page. */
async function toSetup(
  server: Server,
  browser: Browser,
  locale: Locale,
  viewport: ViewportName,
  email: string,
) {
  const journey = await newAccountOnDevice(server, browser, { locale, viewport, email });
  // Codes go to the account address only once it is proved; a second later, so the codes that
  // follow are the newest mail in the outbox.
  await verifyAddress(server, email);
  server.clock.advance(1000);
  await journey.signIn();
  await openTwoFactorSetup(journey.page, journey.t);
  return journey;
}

/** Picks a method on the intro page and goes on to its own page. */
async function choose(page: Page, locale: Locale, method: 'email' | 'sms') {
  const t = translator(locale);
  await page
    .getByLabel(t(method === 'email' ? 'codePage.choice.email' : 'codePage.choice.sms'), {
      exact: true,
    })
    .check();
}

/**
 * In Chromium: set up e-mail and SMS with the codes from the outbox, make SMS the
 * primary, sign in with SMS, then with "Use another method" → e-mail.
 */
async function journey(server: Server, browser: Browser, locale: Locale, viewport: ViewportName) {
  const email = `codes-${locale.toLowerCase()}-${viewport}@example.com`;
  const phone = `+3161234${String(locales.indexOf(locale)).padStart(2, '0')}${viewport === 'phone' ? '9' : '0'}${locale.length}`;
  const { t, context, page, problems, signOutAndBackIn } = await toSetup(
    server,
    browser,
    locale,
    viewport,
    email,
  );
  const shot = shotsIn(page, locale, `${locale}-${viewport}-codes`);
  await shot('01-choice');
  await choose(page, locale, 'email');
  // The authenticator's name field and app list step aside for e-mail, SMS and calls.
  await expect.poll(() => page.getByLabel(t('setup.label')).isVisible()).toBe(false);
  await shot('02-choice-email');
  await page.getByRole('button', { name: t('setup.start') }).click();
  await page.getByRole('button', { name: t('codePage.send') }).click();
  await page.getByLabel(t('codePage.code.label')).fill(await codeSentTo(server, email));
  await shot('03-email-code');
  await page.getByRole('button', { name: t('codePage.verify') }).click();
  expect(await page.locator('.recovery-codes code').count()).toBe(10);
  await keepRecoveryCodes(page, t);

  await page.getByRole('link', { name: t('security.twoFactor.addMethod') }).click();
  await choose(page, locale, 'sms');
  await page.getByRole('button', { name: t('setup.start') }).click();
  await page.getByLabel(t('codePage.phone.country')).selectOption('NL');
  await page.getByLabel(t('codePage.phone.label')).fill(`06 ${phone.slice(4)}`);
  await shot('04-phone');
  await page.getByRole('button', { name: t('codePage.send') }).click();
  await page.getByLabel(t('codePage.code.label')).fill(await codeSentTo(server, phone));
  await shot('05-sms-code');
  await page.getByRole('button', { name: t('codePage.verify') }).click();
  expect(new URL(page.url()).pathname).toBe('/security');
  await page.getByRole('button', { name: t('methods.makePrimary') }).click();
  await shot('06-security-sms-primary');

  server.clock.advance(30_000);
  await signOutAndBackIn();
  expect(new URL(page.url()).pathname).toBe('/sign-in/second-factor');
  await shot('07-sms-step');
  await page.getByRole('button', { name: t('codePage.send') }).click();
  await page.getByLabel(t('codePage.code.label')).fill(await codeSentTo(server, phone));
  await shot('08-sms-code');
  await page.getByRole('button', { name: t('step.submit') }).click();
  expect(new URL(page.url()).pathname).toBe('/security');

  server.clock.advance(30_000);
  await signOutAndBackIn();
  await page.locator('.other-methods-list a').first().click();
  await shot('09-email-step');
  await page.getByRole('button', { name: t('codePage.send') }).click();
  await page.getByLabel(t('codePage.code.label')).fill(await codeSentTo(server, email));
  await shot('10-email-code');
  await page.getByRole('button', { name: t('step.submit') }).click();
  expect(new URL(page.url()).pathname).toBe('/security');
  await shot('11-security');

  // A new phone: "Change" on the SMS method, a code to the new number, then the switch.
  const newPhone = phone.replace(/\d$/, (d) => String((Number(d) + 5) % 10));
  await page
    .locator('.item', { hasText: phone.slice(-4) })
    .getByRole('link', { name: t('methods.change.phone'), exact: true })
    .click();
  if (new URL(page.url()).pathname === '/confirm-password') {
    await confirmPassword(page, t);
  }
  await page.getByLabel(t('change.phone.label')).fill(newPhone);
  await shot('12-change-number');
  await page.getByRole('button', { name: t('codePage.send') }).click();
  await page.getByLabel(t('codePage.code.label')).fill(await codeSentTo(server, newPhone));
  await shot('13-change-code');
  await page.getByRole('button', { name: t('change.confirm.submit') }).click();
  expect(await page.locator('.alert').first().textContent()).toContain(t('notice.destinationChanged'));
  await shot('14-security-number-changed');
  expect(problems).toEqual([]);
  await context.close();
}

/** A user with e-mail only turns 2FA off: "Send code", then the code from the mail (T-SESSION-7). */
async function turnOffWithEmail(server: Server, browser: Browser, locale: Locale) {
  const email = `off-${locale.toLowerCase()}@example.com`;
  const { t, context, page, problems } = await toSetup(server, browser, locale, 'desktop', email);
  await choose(page, locale, 'email');
  await page.getByRole('button', { name: t('setup.start') }).click();
  await page.getByRole('button', { name: t('codePage.send') }).click();
  await page.getByLabel(t('codePage.code.label')).fill(await codeSentTo(server, email));
  await page.getByRole('button', { name: t('codePage.verify') }).click();
  await keepRecoveryCodes(page, t);
  server.clock.advance(30_000);
  await page.getByRole('link', { name: t('methods.remove'), exact: true }).click();
  await screenshot(page, `${locale}-desktop-codes-off-1-send`);
  await page.getByRole('button', { name: t('codePage.send') }).click();
  await page.getByLabel(t('remove.codeLabel')).fill(await codeSentTo(server, email));
  await screenshot(page, `${locale}-desktop-codes-off-2-code`);
  await page.getByRole('button', { name: t('methods.removeOffConfirm') }).click();
  expect(new URL(page.url()).pathname).toBe('/security');
  expect(await page.locator('.alert').first().textContent()).toContain(t('notice.twoFactorOff'));
  expect(problems).toEqual([]);
  await context.close();
}

const runs: Array<[Locale, ViewportName]> = [
  ...locales.map((l): [Locale, ViewportName] => [l, 'desktop']),
  ['nl', 'phone'],
];

describe.skipIf(!chromiumAvailable())('e-mail and SMS codes in Chromium', () => {
  const running = serverAndChromium();

  it.each(runs)(
    '%s on %s: set up e-mail and SMS, sign in with each',
    async (locale, viewport) => {
      await journey(running.server, running.browser, locale, viewport);
    },
    // Fourteen pages and four codes: on a loaded machine this outlasts the default.
    90_000,
  );

  it.each(['en', 'sv'] as const)(
    '%s: turns 2FA off with a code sent by e-mail',
    async (locale) => {
      await turnOffWithEmail(running.server, running.browser, locale);
    },
    60_000,
  );
});
