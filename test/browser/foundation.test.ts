import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locales.js';
import { type Translate, translator } from '../../src/i18n/translate.js';
import {
  chromiumAvailable,
  type BrowserTestServer as Server,
  screenshot,
  serverAndChromium,
  type ViewportName,
} from './harness.js';
import { confirmPassword, linkSentTo, openDevice, submitSignIn } from './journeys.js';

const firstPassword = 'a calm lake at dawn';
const secondPassword = 'seven quiet herons fishing';
const thirdPassword = 'lanterns over the harbour';
const otherDeviceAgent = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

/** One person's journey through every page of the foundation, in one language on one screen. */
class Journey {
  readonly t: Translate;
  readonly email: string;
  readonly problems: string[] = [];

  constructor(
    readonly server: Server,
    readonly browser: Browser,
    readonly locale: Locale,
    readonly viewport: ViewportName,
  ) {
    this.t = translator(locale);
    this.email = `${locale.toLowerCase()}-${viewport}@example.com`;
  }

  url(path: string) {
    return `${this.server.origin}${path}`;
  }

  /** Lets time pass between steps, as it would for a person, so "last active" and the order of events mean something. */
  tick(minutes: number) {
    this.server.clock.advance(minutes * 60_000);
  }

  async device(acceptLanguage: string, userAgent?: string): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page, problems } = await openDevice(this.browser, {
      viewport: this.viewport,
      acceptLanguage,
      userAgent,
    });
    this.problems.push(...problems);
    return { context, page };
  }

  async shot(page: Page, step: string) {
    expect(await page.getAttribute('html', 'lang')).toBe(this.locale);
    expect(await page.locator('h1').count()).toBe(1);
    await screenshot(page, `${this.locale}-${this.viewport}-${step}`);
  }

  signIn(page: Page, password: string) {
    return submitSignIn(page, this.t, this.email, password);
  }

  /** The newest reset link the development outbox holds for this journey's address. */
  resetLink(): Promise<string> {
    return linkSentTo(this.server, this.email, /https?:\/\/\S+\/reset-password\?token=[\w-]+/);
  }
}

async function signUpAndSignIn(journey: Journey, page: Page) {
  const { t } = journey;
  await page.goto(journey.url('/sign-up'));
  if (journey.locale !== 'en') {
    // The switcher, not the browser's language, takes this device to the other language.
    await page.getByRole('link', { name: 'Nederlands' }).click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe(journey.locale);
  }
  await journey.shot(page, '01-sign-up');
  await page.getByLabel(t('form.email'), { exact: true }).fill(journey.email);
  await page.getByLabel(t('form.password'), { exact: true }).fill('short');
  await page.getByRole('button', { name: t('signUp.submit') }).click();
  await expect
    .poll(() => page.getByRole('alert').first().textContent())
    .toContain(t('error.password_too_short'));
  expect(await page.getByLabel(t('form.email'), { exact: true }).inputValue()).toBe(journey.email);
  await journey.shot(page, '02-sign-up-error');
  await page.getByLabel(t('form.password'), { exact: true }).fill(firstPassword);
  await page.getByRole('button', { name: t('signUp.submit') }).click();
  await page.waitForURL('**/sign-in?created=1');
  await journey.shot(page, '03-sign-in-created');
  journey.tick(2);
  await journey.signIn(page, firstPassword);
  await page.waitForURL('**/security');
  await expect.poll(() => page.locator('h1').textContent()).toBe(t('security.title'));
  await journey.shot(page, '04-security');
}

async function signOutOtherDevice(journey: Journey, page: Page, other: Page) {
  const { t } = journey;
  await page.reload();
  const devices = page.locator('#devices-heading + p + ul > li');
  expect(await devices.count()).toBe(2);
  await journey.shot(page, '06-security-two-devices');
  const otherItem = devices.filter({ hasNotText: t('security.devices.thisDevice') });
  await otherItem.getByRole('button', { name: t('security.devices.signOut') }).click();
  await page.waitForURL('**/confirm-password?next=/security');
  await journey.shot(page, '07-confirm-password');
  await confirmPassword(page, t, 'not my password');
  await expect.poll(() => page.getByRole('alert').first().textContent()).toContain(t('error.wrong_password'));
  await journey.shot(page, '08-confirm-password-error');
  journey.tick(1);
  await confirmPassword(page, t, firstPassword);
  await page.waitForURL('**/security');
  await otherItem.getByRole('button', { name: t('security.devices.signOut') }).click();
  await page.waitForURL('**/security?revoked=device');
  expect(await devices.count()).toBe(1);
  await journey.shot(page, '09-security-device-signed-out');

  await other.goto(journey.url('/security'));
  await other.waitForURL('**/sign-in?next=/security');
  await journey.shot(other, '10-other-device-signed-out');
}

async function changePasswordAndSignOut(journey: Journey, page: Page) {
  const { t } = journey;
  journey.tick(3);
  await page.getByRole('link', { name: t('security.account.changePassword') }).click();
  await page.waitForURL('**/security/password');
  await journey.shot(page, '11-change-password');
  await page.getByLabel(t('form.currentPassword'), { exact: true }).fill(firstPassword);
  await page.getByLabel(t('form.newPassword'), { exact: true }).fill(secondPassword);
  await page.getByRole('button', { name: t('changePassword.submit') }).click();
  await page.waitForURL('**/security?changed=password');
  await expect
    .poll(() => page.getByRole('status').first().textContent())
    .toContain(t('security.notice.passwordChanged'));
  await journey.shot(page, '12-security-password-changed');
  await page
    .getByRole('banner')
    .getByRole('button', { name: t('layout.signOut') })
    .click();
  await page.waitForURL('**/sign-in?signed_out=1');
  await journey.shot(page, '13-signed-out');
}

async function resetForgottenPassword(journey: Journey, page: Page) {
  const { t } = journey;
  journey.tick(5);
  await page.getByRole('link', { name: t('signIn.forgot') }).click();
  await page.waitForURL('**/forgot-password');
  await journey.shot(page, '14-forgot-password');
  await page.getByLabel(t('form.email'), { exact: true }).fill(journey.email);
  await page.getByRole('button', { name: t('forgot.submit') }).click();
  await page.waitForURL('**/forgot-password?sent=1');
  await journey.shot(page, '15-forgot-password-sent');
  const link = await journey.resetLink();
  await page.goto(journey.url('/dev/outbox'));
  await journey.shot(page, '16-outbox');
  journey.tick(2);
  await page.goto(link);
  await journey.shot(page, '17-reset-password');
  await page.getByLabel(t('form.newPassword'), { exact: true }).fill(thirdPassword);
  await page.getByRole('button', { name: t('reset.submit') }).click();
  await page.waitForURL('**/sign-in?reset=1');
  await journey.shot(page, '18-sign-in-after-reset');
  await page.goto(link);
  await expect.poll(() => page.locator('h1').textContent()).toBe(t('reset.invalidTitle'));
  await journey.shot(page, '19-reset-link-used');
  journey.tick(1);
  await page.goto(journey.url('/sign-in'));
  await journey.signIn(page, secondPassword);
  await expect
    .poll(() => page.getByRole('alert').first().textContent())
    .toContain(t('error.invalid_credentials'));
  await journey.signIn(page, thirdPassword);
  await page.waitForURL('**/security');
  await journey.shot(page, '20-security-after-reset');
}

async function runJourney(server: Server, browser: Browser, locale: Locale, viewport: ViewportName) {
  const journey = new Journey(server, browser, locale, viewport);
  const browserLanguage = locale === 'nl' ? 'nl-NL' : 'en-US';
  // The first device starts in English and switches; the second asks in its own language.
  const first = await journey.device('en-US');
  const second = await journey.device(browserLanguage, otherDeviceAgent);
  try {
    await signUpAndSignIn(journey, first.page);
    journey.tick(1);
    await second.page.goto(journey.url('/sign-in'));
    await journey.signIn(second.page, firstPassword);
    await second.page.waitForURL('**/security');
    await journey.shot(second.page, '05-other-device-security');
    journey.tick(4);
    await signOutOtherDevice(journey, first.page, second.page);
    await changePasswordAndSignOut(journey, first.page);
    await resetForgottenPassword(journey, first.page);
    expect(journey.problems).toEqual([]);
  } finally {
    await first.context.close();
    await second.context.close();
  }
}

/** The remaining languages, and the dark scheme, page by page: for people to look at. */
async function galleryFor(
  server: Server,
  browser: Browser,
  locale: Locale,
  viewport: ViewportName,
  dark = false,
) {
  const t = translator(locale);
  const { context, page, problems } = await openDevice(browser, { viewport, acceptLanguage: locale, dark });
  const prefix = `${locale}-${viewport}${dark ? '-dark' : ''}`;
  const email = `${prefix}@example.com`;
  try {
    await page.goto(`${server.origin}/sign-up`);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    await screenshot(page, `${prefix}-sign-up`);
    await page.getByLabel(t('form.email'), { exact: true }).fill(email);
    await page.getByLabel(t('form.password'), { exact: true }).fill(firstPassword);
    await page.getByRole('button', { name: t('signUp.submit') }).click();
    await page.waitForURL('**/sign-in?created=1');
    await screenshot(page, `${prefix}-sign-in`);
    await submitSignIn(page, t, email, firstPassword);
    await page.waitForURL('**/security');
    await screenshot(page, `${prefix}-security`);
    await page.goto(`${server.origin}/confirm-password?next=/security`);
    await screenshot(page, `${prefix}-confirm-password`);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}

describe.skipIf(!chromiumAvailable())('the foundation in Chromium (needs /usr/bin/chromium)', () => {
  const running = serverAndChromium();

  it.each([
    ['en', 'desktop'],
    ['en', 'phone'],
    ['nl', 'desktop'],
    ['nl', 'phone'],
  ] as const)(
    'signs up, signs another device out, changes, forgets and resets the password (%s, %s)',
    async (locale, viewport) => {
      await runJourney(running.server, running.browser, locale, viewport);
    },
    90_000,
  );

  it('shows Swedish, Brazilian Portuguese and the dark scheme without a fault', async () => {
    const { server, browser } = running;
    await galleryFor(server, browser, 'sv', 'desktop');
    await galleryFor(server, browser, 'sv', 'phone');
    await galleryFor(server, browser, 'pt-BR', 'desktop');
    await galleryFor(server, browser, 'pt-BR', 'phone');
    await galleryFor(server, browser, 'en', 'desktop', true);
  }, 90_000);
});
