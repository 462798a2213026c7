import { describe, expect, it } from 'vitest';
import { type Locale, locales } from '../../src/i18n/locales.js';
import { giveSecondFactor } from '../support/staff.js';
import { userWithTotp } from '../support/two-factor.js';
import {
  chromiumAvailable,
  newDevice,
  screenshot,
  serverAndChromium,
  type ViewportName,
  watchProblems,
} from './harness.js';
import { confirmPassword, newAccountOnDevice, submitSignIn } from './journeys.js';

const reason = 'Lost her phone and recovery codes; identity checked on a video call with her passport';

describe.skipIf(!chromiumAvailable())('support reset of 2FA in Chromium', () => {
  const running = serverAndChromium();

  const cases: Array<[Locale, ViewportName]> = [
    ['en', 'desktop'],
    ['nl', 'phone'],
  ];

  it.each(cases)(
    '%s on %s: staff finds the user and resets with a reason; the user sees it and cancels',
    async (locale, viewport) => {
      const { server, browser } = running;
      expect(locales).toContain(locale);
      const userEmail = `ann-${locale.toLowerCase()}@example.com`;
      const staffEmail = `support-${locale.toLowerCase()}@staff.example`;
      const ann = await userWithTotp(server, userEmail);
      await server.deps.store.users.setLocale(
        (await server.deps.store.users.findByEmail(userEmail))!.id,
        locale,
      );

      // The support member signs in like anyone else, and opens the console.
      const {
        t,
        url,
        context: staffDevice,
        page,
        problems,
      } = await newAccountOnDevice(server, browser, { locale, viewport, email: staffEmail });
      const staff = (await server.deps.store.users.findByEmail(staffEmail))!;
      await server.deps.store.users.setStaffRole(staff.id, 'support');
      await page.goto(url('/console'));
      await submitSignIn(page, t, staffEmail);
      // Staff without 2FA of their own are sent to set it up first (past the password confirmation).
      expect(page.url()).toMatch(/two-factor(\/|%2F)setup/);
      await giveSecondFactor(server, staff.id);
      await page.goto(url('/console'));
      expect(new URL(page.url()).pathname).toBe('/console');
      await screenshot(page, `${locale}-${viewport}-support-1-console`);

      await page
        .getByRole('navigation', { name: t('console.nav.label') })
        .getByRole('link', { name: t('console.nav.users') })
        .click();
      await page.getByLabel(t('console.users.email')).fill(userEmail);
      await page.getByRole('button', { name: t('console.users.find') }).click();
      expect(new URL(page.url()).pathname).toMatch(/^\/console\/users\/[A-Za-z0-9_-]+$/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(userEmail);
      await screenshot(page, `${locale}-${viewport}-support-2-user`);

      // The first try asks for the password (sudo); then the reset goes through with its reason.
      await page.getByLabel(t('console.reset.reason')).fill(reason);
      await page.getByRole('button', { name: t('console.reset.submit') }).click();
      expect(new URL(page.url()).pathname).toBe('/confirm-password');
      await confirmPassword(page, t);
      await page.getByLabel(t('console.reset.reason')).fill(reason);
      await page.getByRole('button', { name: t('console.reset.submit') }).click();
      expect(new URL(page.url()).searchParams.get('done')).toBe('reset-requested');
      expect(await page.locator('.alert-success').textContent()).toContain(
        t('console.notice.resetRequested'),
      );
      await screenshot(page, `${locale}-${viewport}-support-3-reset-requested`);

      // The user, still signed in elsewhere, is warned on every page and cancels from the security page.
      const userDevice = await newDevice(browser, { viewport, acceptLanguage: locale });
      await userDevice.addCookies([
        { name: 'twostep_session', value: ann.client.jar.get('twostep_session')!, url: server.origin },
      ]);
      const userPage = await userDevice.newPage();
      const userProblems = watchProblems(userPage);
      await userPage.goto(url('/security'));
      expect(await userPage.locator('.reset-banner').isVisible()).toBe(true);
      await screenshot(userPage, `${locale}-${viewport}-support-4-user-warned`);
      await userPage.getByRole('button', { name: t('twoFactorReset.panel.cancel') }).click();
      expect(await userPage.locator('.alert-success').textContent()).toContain(
        t('twoFactorReset.notice.cancelled'),
      );
      await screenshot(userPage, `${locale}-${viewport}-support-5-user-cancelled`);
      const annId = (await server.deps.store.users.findByEmail(userEmail))!.id;
      expect(await server.deps.store.methods.listForUser(annId)).toHaveLength(1);
      expect(await server.deps.store.twoFactorResets.findPendingForUser(annId)).toBeNull();

      expect(problems).toEqual([]);
      expect(userProblems).toEqual([]);
      await staffDevice.close();
      await userDevice.close();
    },
    // Two people sign in with a second factor in one journey: allow for a busy machine.
    90_000,
  );
});
