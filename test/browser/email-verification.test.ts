import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locales.js';
import { chromiumAvailable, screenshot, serverAndChromium } from './harness.js';
import { linkSentTo, newAccountOnDevice } from './journeys.js';

const verificationLink = /https?:\/\/\S+\/verify-email\?token=[\w-]+/;

describe.skipIf(!chromiumAvailable())('proving the address in a browser', () => {
  const running = serverAndChromium();

  it.each([
    ['en', 'ann@example.com'],
    ['nl', 'nils@example.nl'],
  ] as const)(
    'on a phone in %s: the notice, "send again", the link and its button',
    async (locale, email) => {
      const { server, browser } = running;
      const { t, context, page, problems, signIn } = await newAccountOnDevice(server, browser, {
        locale: locale as Locale,
        viewport: 'phone',
        email,
      });
      await signIn();
      await page.waitForURL('**/security');
      const notice = page.getByRole('region', { name: t('verifyEmail.notice.title') });
      await expect(notice.textContent()).resolves.toContain(email);
      await screenshot(page, `verify-email-notice-${locale}-phone`);

      await notice.getByRole('button', { name: t('verifyEmail.notice.resend') }).click();
      await page.waitForURL('**/security?verification=wait');
      await screenshot(page, `verify-email-wait-${locale}-phone`);

      await page.goto(await linkSentTo(server, email, verificationLink));
      await expect(page.textContent('main')).resolves.toContain(t('verifyEmail.ready.text', { email }));
      await screenshot(page, `verify-email-landing-${locale}-phone`);
      await page.getByRole('button', { name: t('verifyEmail.ready.submit') }).click();
      await expect(page.textContent('main')).resolves.toContain(t('verifyEmail.verified.message', { email }));
      await screenshot(page, `verify-email-done-${locale}-phone`);

      await page.goto(`${server.origin}/security`);
      expect(await page.getByRole('region', { name: t('verifyEmail.notice.title') }).count()).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
