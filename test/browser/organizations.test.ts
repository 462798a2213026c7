import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate.js';
import { withSmsMethod } from '../support/organizations.js';
import { seedUser } from '../support/seed-user.js';
import { verifyAddress } from '../support/verify-email.js';
import { chromiumAvailable, newDevice, screenshot, serverAndChromium, watchProblems } from './harness.js';
import { confirmPassword, linkSentTo, openDevice, submitSignIn } from './journeys.js';

const invitationLink = /https?:\/\/\S+\/invitation\?token=[\w-]+/;

describe.skipIf(!chromiumAvailable())('organizations in a browser', () => {
  const running = serverAndChromium();

  it('creates an organization, invites after a password check, and the invitee joins on a phone', async () => {
    const { server, browser } = running;
    const en = translator('en');
    const nl = translator('nl');
    await seedUser(server, 'ann@example.com');
    await seedUser(server, 'cleo@example.com');
    // Inviting and accepting need proved addresses; proving them has a test of its own.
    await verifyAddress(server, 'ann@example.com');
    await verifyAddress(server, 'cleo@example.com');
    const dan = await seedUser(server, 'dan@example.com');
    await withSmsMethod(server, dan.id);

    const {
      context: desktop,
      page: owner,
      problems,
    } = await openDevice(browser, { viewport: 'desktop', acceptLanguage: 'en' });
    await owner.goto(`${server.origin}/sign-in`);
    await submitSignIn(owner, en, 'ann@example.com');
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
    await confirmPassword(owner, en);
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
    await invitee.goto(await linkSentTo(server, 'cleo@example.com', invitationLink));
    await expect(invitee.locator('h1').textContent()).resolves.toBe(nl('invitation.title'));
    await screenshot(invitee, 'organizations-nl-phone-invitation');
    await invitee.getByRole('link', { name: nl('invitation.signIn') }).click();
    await submitSignIn(invitee, nl, 'cleo@example.com');
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
