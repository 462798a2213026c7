import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Translate, translator } from '../../src/i18n/translate.js';
import { withSmsMethod } from '../support/organizations.js';
import { seedUser } from '../support/seed-user.js';
import {
  type BrowserTestServer,
  chromiumAvailable,
  newDevice,
  screenshot,
  serverAndChromium,
  watchProblems,
} from './harness.js';

const password = 'a calm lake at dawn';

async function signIn(page: Page, t: Translate, email: string) {
  await page.getByLabel(t('form.email'), { exact: true }).fill(email);
  await page.getByLabel(t('form.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click();
}

async function invitationLink(server: BrowserTestServer, page: Page, to: string): Promise<string> {
  const outbox = (await (await page.request.get(`${server.origin}/dev/outbox.json`)).json()) as Array<{
    to: string;
    text: string;
  }>;
  const link = outbox
    .filter((m) => m.to === to)
    .at(-1)
    ?.text.match(/https?:\/\/\S+\/invitation\?token=[\w-]+/)?.[0];
  expect(link, 'an invitation link in the outbox').toBeDefined();
  return link!;
}

describe.skipIf(!chromiumAvailable())('organizations in a browser', () => {
  const running = serverAndChromium();

  it('creates an organization, invites after a password check, and the invitee joins on a phone', async () => {
    const { server, browser } = running;
    const en = translator('en');
    const nl = translator('nl');
    await seedUser(server, 'ann@example.com');
    await seedUser(server, 'cleo@example.com');
    const dan = await seedUser(server, 'dan@example.com');
    await withSmsMethod(server, dan.id);

    const desktop = await newDevice(browser, { viewport: 'desktop', acceptLanguage: 'en' });
    const owner = await desktop.newPage();
    const problems = watchProblems(owner);
    await owner.goto(`${server.origin}/sign-in`);
    await signIn(owner, en, 'ann@example.com');
    await owner.waitForURL('**/security');
    await owner.getByRole('link', { name: en('orgs.nav'), exact: true }).click();
    await owner.waitForURL('**/organizations');
    await owner.getByLabel(en('orgs.create.name')).fill('Mail-IT-Wize');
    await owner.getByRole('button', { name: en('orgs.create.submit') }).click();
    await owner.waitForURL('**/organizations/*?notice=created');
    const orgPath = new URL(owner.url()).pathname;
    await server.deps.store.organizations.addMember({
      organizationId: orgPath.split('/').at(-1)!,
      userId: dan.id,
      role: 'member',
      joinedAt: server.clock.now(),
    });

    await owner.getByLabel(en('org.invite.email')).fill('cleo@example.com');
    await owner.getByLabel(en('org.invite.role'), { exact: true }).selectOption('admin');
    await owner.getByRole('button', { name: en('org.invite.submit') }).click();
    await owner.waitForURL('**/confirm-password?next=**');
    await owner.getByLabel(en('form.password'), { exact: true }).fill(password);
    await owner.getByRole('button', { name: en('confirm.submit') }).click();
    await owner.waitForURL(`**${orgPath}`);
    await owner.getByLabel(en('org.invite.email')).fill('cleo@example.com');
    await owner.getByLabel(en('org.invite.role'), { exact: true }).selectOption('admin');
    await owner.getByRole('button', { name: en('org.invite.submit') }).click();
    await owner.waitForURL('**?notice=invited');
    await expect(owner.getByRole('status').textContent()).resolves.toContain(en('org.notice.invited'));
    const danRow = owner.getByRole('row', { name: /dan@example\.com/ });
    await expect(danRow.textContent()).resolves.toContain(en('security.method.sms'));
    await screenshot(owner, 'organizations-en-desktop-members');

    const phone = await newDevice(browser, { viewport: 'phone', acceptLanguage: 'nl' });
    const invitee = await phone.newPage();
    problems.push(...watchProblems(invitee));
    await invitee.goto(await invitationLink(server, owner, 'cleo@example.com'));
    await expect(invitee.locator('h1').textContent()).resolves.toBe(nl('invitation.title'));
    await screenshot(invitee, 'organizations-nl-phone-invitation');
    await invitee.getByRole('link', { name: nl('invitation.signIn') }).click();
    await signIn(invitee, nl, 'cleo@example.com');
    await invitee.waitForURL('**/invitation?token=*');
    await invitee.getByRole('button', { name: nl('invitation.accept') }).click();
    await invitee.waitForURL('**?notice=joined');
    await expect(invitee.locator('h1').textContent()).resolves.toBe('Mail-IT-Wize');
    await screenshot(invitee, 'organizations-nl-phone-joined');

    await owner.reload();
    await expect(owner.getByRole('row', { name: /cleo@example\.com/ }).textContent()).resolves.toContain(
      en('org.role.admin'),
    );
    await owner
      .getByRole('row', { name: /dan@example\.com/ })
      .getByRole('link', { name: `${en('org.remove')} dan@example.com` })
      .click();
    await owner.waitForURL('**/remove');
    await screenshot(owner, 'organizations-en-desktop-remove-confirm');
    await owner.getByRole('button', { name: en('org.removeConfirm.submit') }).click();
    await owner.waitForURL('**?notice=removed');
    await expect(owner.getByRole('row', { name: /dan@example\.com/ }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await desktop.close();
    await phone.close();
  });
});
