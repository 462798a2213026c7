import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayBefore } from '../../src/core/reports/days.js';
import type { Locale } from '../../src/i18n/locales.js';
import { translator } from '../../src/i18n/translate.js';
import { giveMethod, pastEvent } from '../console/report-fixtures.js';
import { putPolicy } from '../support/policy.js';
import { seedUser } from '../support/seed-user.js';
import { giveSecondFactor } from '../support/staff.js';
import {
  type BrowserTestServer,
  chromiumAvailable,
  screenshot,
  screenshotDir,
  serverAndChromium,
  type ViewportName,
} from './harness.js';
import { openDevice, submitSignIn } from './journeys.js';

/** A realistic population: 40 customers in three organizations, adoption growing for two months. */
async function seedPopulation(server: BrowserTestServer) {
  const now = server.clock.now();
  const orgs = [
    { id: 'org-acme', name: 'Acme Logistics' },
    { id: 'org-harbour', name: 'Harbour Dental' },
    { id: 'org-north', name: 'North Star Legal' },
  ];
  const users = [];
  for (let i = 0; i < 40; i++) users.push(await seedUser(server, `customer${i}@example.com`));
  for (const [i, org] of orgs.entries()) {
    const owner = users[i];
    if (!owner) continue;
    await server.deps.store.organizations.create(
      { ...org, createdAt: now },
      { userId: owner.id, joinedAt: now },
    );
  }
  for (const [i, user] of users.entries()) {
    const org = orgs[i % 3];
    if (i >= 3 && org) {
      await server.deps.store.organizations.addMember({
        organizationId: org.id,
        userId: user.id,
        role: 'member',
        joinedAt: now,
      });
    }
    if (i % 5 < 3) await giveMethod(server, user.id, 'totp');
    if (i % 7 === 0) await giveMethod(server, user.id, 'sms');
    if (i % 9 === 0) await giveMethod(server, user.id, 'email');
    await pastEvent(server, {
      userId: user.id,
      type: 'sign_in_succeeded',
      at: new Date(now.getTime() - i * 3_600_000).toISOString(),
    });
    if (i % 6 === 0) {
      await pastEvent(server, {
        userId: user.id,
        type: 'sign_in_failed',
        at: new Date(now.getTime() - i * 3_500_000).toISOString(),
        userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
        ip: '203.0.113.77',
      });
    }
  }
  // Sixty days of history, rising from a fifth to today's share, with a two-day outage.
  const today = now.toISOString().slice(0, 10);
  for (let back = 60; back >= 1; back--) {
    if (back === 20 || back === 21) continue;
    const progress = (60 - back) / 60;
    const withTwoFactor = Math.round(8 + progress * 14);
    await server.deps.store.adoption.recordSnapshot({
      day: dayBefore(today, back),
      takenAt: new Date(`${dayBefore(today, back)}T03:00:00Z`),
      users: 36 + Math.round(progress * 5),
      withTwoFactor,
      byMethod: {
        totp: withTwoFactor - 2,
        sms: Math.round(2 + progress * 4),
        email: Math.round(1 + progress * 3),
      },
    });
  }
  // Local times in Amsterdam (CET): midnight UTC on 15 January 2027, and 08:00 UTC on 7 December.
  await putPolicy(server, { requiredFrom: '2027-01-15T01:00' });
  await putPolicy(server, { requiredFrom: '2026-12-07T09:00', allowedMethods: ['totp'] }, 'org-acme');
}

describe.skipIf(!chromiumAvailable())('operator reports in Chromium', () => {
  const running = serverAndChromium();
  let seeded = false;

  const cases: Array<[Locale, ViewportName]> = [
    ['en', 'desktop'],
    ['en', 'phone'],
    ['nl', 'desktop'],
    ['nl', 'phone'],
  ];

  it.each(cases)(
    '%s on %s: the operator reads the dashboard and filters the audit log',
    async (locale, viewport) => {
      const { server, browser } = running;
      if (!seeded) {
        await seedPopulation(server);
        seeded = true;
      }
      const t = translator(locale);
      const email = `operator-${locale}-${viewport}@staff.example`;
      const operator = await seedUser(server, email);
      await server.deps.store.users.setStaffRole(operator.id, 'operator');

      const {
        context: device,
        page,
        problems,
      } = await openDevice(browser, { viewport, acceptLanguage: locale });
      await page.goto(`${server.origin}/console/adoption`);
      await submitSignIn(page, t, email);
      // Staff without 2FA of their own are sent to set it up first (past the password confirmation).
      expect(page.url()).toMatch(/two-factor(\/|%2F)setup/);
      await giveSecondFactor(server, operator.id);
      await page.goto(`${server.origin}/console/adoption`);
      expect(new URL(page.url()).pathname).toBe('/console/adoption');
      await expect.poll(() => page.locator('h1').textContent()).toBe(t('reports.adoption.title'));

      // The charts are images with a name; their figures open as a table.
      const share = page.getByRole('img', { name: t('reports.adoption.chart.share') });
      expect(await share.count()).toBe(1);
      expect(await page.getByRole('img', { name: t('reports.adoption.chart.methods') }).count()).toBe(1);
      expect(await page.getByRole('cell', { name: 'Acme Logistics' }).count()).toBe(0);
      expect(await page.getByRole('rowheader', { name: 'Acme Logistics' }).count()).toBe(2);
      await screenshot(page, `${locale}-${viewport}-reports-1-adoption`);
      await page.locator('section[aria-labelledby="history"]').screenshot({
        path: join(screenshotDir, `${locale}-${viewport}-reports-1-adoption-charts.png`),
        animations: 'disabled',
      });
      await page.getByText(t('reports.adoption.chart.table')).first().click();
      expect(await page.getByRole('rowheader').count()).toBeGreaterThan(60);

      // The audit log, narrowed to failed sign-ins.
      await page
        .getByRole('navigation', { name: t('console.nav.label') })
        .getByRole('link', { name: t('reports.nav.audit') })
        .click();
      expect(new URL(page.url()).pathname).toBe('/console/audit');
      await page.getByLabel(t('reports.audit.type'), { exact: true }).selectOption('sign_in_failed');
      await page.getByRole('button', { name: t('reports.audit.apply') }).click();
      expect(new URL(page.url()).searchParams.get('type')).toBe('sign_in_failed');
      expect(await page.locator('tbody tr').count()).toBe(7);
      await screenshot(page, `${locale}-${viewport}-reports-2-audit`);

      // The export link carries the same filters and downloads a file.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: t('reports.audit.export') }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);

      expect(problems).toEqual([]);
      await device.close();
    },
  );
});
