import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../attacks/fixtures.js';
import { invitationToken, withSmsMethod } from '../support/organizations.js';
import { testServer } from '../support/test-server.js';
import { verifyAddress } from '../support/verify-email.js';
import {
  type BrowserClient,
  browserClient,
  password,
  type Server,
  seedUser,
  signedInBrowser,
  textOf,
} from './page-client.js';

let server: Server;
let ann: BrowserClient;

beforeEach(async () => {
  server = await testServer();
  ann = await signedInBrowser(server, 'ann@example.com');
  await verifyAddress(server, 'ann@example.com');
});
afterEach(() => server.close());

async function createFromPage(browser: BrowserClient, name: string): Promise<string> {
  const answer = await browser.submitFrom('/organizations', '/organizations', { name });
  expect(answer.status).toBe(303);
  const location = answer.headers.get('location') ?? '';
  expect(location).toMatch(/^\/organizations\/[A-Za-z0-9_-]+\?notice=created$/);
  return location.slice('/organizations/'.length).split('?')[0]!;
}

async function confirmPassword(browser: BrowserClient, next: string) {
  const path = `/confirm-password?next=${next}`;
  const answer = await browser.submitFrom(path, path, { password });
  expect(answer.status).toBe(303);
  expect(answer.headers.get('location')).toBe(next);
}

async function inviteFromPage(browser: BrowserClient, id: string, email: string, role: string) {
  return browser.submitFrom(`/organizations/${id}`, `/organizations/${id}/invitations`, { email, role });
}

async function memberIdOf(email: string) {
  return (await server.deps.store.users.findByEmail(email))!.id;
}

describe('organization pages', () => {
  it('links to organizations from the signed-in header and the security page', async () => {
    const { html } = await ann.open('/security');
    expect(html.match(/href="\/organizations"/g)?.length).toBeGreaterThanOrEqual(2);
    const list = textOf((await ann.open('/organizations')).html);
    expect(list).toContain('You do not belong to any organization yet.');
    expect(list).toContain('Create an organization');
  });

  it('creates an organization and shows its members with their 2FA status to the owner', async () => {
    const id = await createFromPage(ann, 'Mail-IT-Wize');
    const { html } = await ann.open(`/organizations/${id}?notice=created`);
    const text = textOf(html);
    expect(text).toContain('The organization was created. You are its owner.');
    expect(text).toContain('Your role: Owner');
    expect(html).toContain('<table class="data-table data-table-stack">');
    expect(text).toMatch(/ann@example\.com You Joined Nov 23, 2026 Last signed in Nov 23, 2026 Off Owner/);
    // Her own row offers no "Change role" or "Remove": she is the only one in charge.
    expect(text).not.toContain('Change role');
    expect(html).toContain(`action="/organizations/${id}/invitations"`);
    expect(textOf((await ann.open('/organizations')).html)).toContain('Mail-IT-Wize Your role Owner');
  });

  it("shows the owner each member's method kinds in words, never a label or phone number", async () => {
    const id = await createFromPage(ann, 'Mail-IT-Wize');
    await seedUser(server, 'cleo@example.com');
    const cleoId = await memberIdOf('cleo@example.com');
    await server.deps.store.organizations.addMember({
      organizationId: id,
      userId: cleoId,
      role: 'member',
      joinedAt: server.clock.now(),
    });
    const { label, number } = await withSmsMethod(server, cleoId);
    const { html } = await ann.open(`/organizations/${id}`);
    expect(textOf(html)).toMatch(
      /cleo@example\.com Joined Nov 23, 2026 Not signed in yet On Code by text message Owner Admin Member/,
    );
    expect(html).not.toContain(label);
    expect(html).not.toContain(number);
    expect(html).not.toContain('5678');
  });

  it('shows the create form again with a message when the name is empty', async () => {
    const answer = await ann.submitFrom('/organizations', '/organizations', { name: '   ' });
    expect(answer.status).toBe(422);
    expect(textOf(await answer.text())).toContain('Enter a name of 1 to 100 characters.');
    expect(await server.deps.store.organizations.list({ limit: 10, offset: 0 })).toEqual([]);
  });

  it('invites after a password confirmation, and the invitee signs in and joins', async () => {
    const id = await createFromPage(ann, 'Mail-IT-Wize');
    const first = await inviteFromPage(ann, id, 'cleo@example.com', 'admin');
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/confirm-password?next=/organizations/${id}`);
    expect((await outbox(server)).some((m) => m.to === 'cleo@example.com')).toBe(false);
    await confirmPassword(ann, `/organizations/${id}`);
    const sent = await inviteFromPage(ann, id, 'cleo@example.com', 'admin');
    expect(sent.headers.get('location')).toBe(`/organizations/${id}?notice=invited`);
    expect(textOf((await ann.open(`/organizations/${id}`)).html)).toMatch(
      /Open invitations cleo@example\.com Role Admin/,
    );

    const token = await invitationToken(server, 'cleo@example.com');
    await seedUser(server, 'cleo@example.com');
    const cleo = browserClient(server);
    const signedOut = await cleo.open(`/invitation?token=${token}`);
    expect(signedOut.response.status).toBe(200);
    expect(textOf(signedOut.html)).toContain('You are invited to join Mail-IT-Wize as Admin.');
    const signIn = signedOut.html.match(/href="(\/sign-in\?next=[^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
    expect(signIn).toBeDefined();
    const afterSignIn = await cleo.submitFrom(signIn!, signIn!, { email: 'cleo@example.com', password });
    expect(afterSignIn.status).toBe(303);
    expect(afterSignIn.headers.get('location')).toBe(`/invitation?token=${token}`);
    // Until Cleo proves the address, the invitation waits and the page says what to do.
    const early = await cleo.submitFrom(`/invitation?token=${token}`, '/invitation', { token });
    expect(early.status).toBe(403);
    expect(textOf(await early.text())).toContain('Confirm your e-mail address first');
    await verifyAddress(server, 'cleo@example.com');
    const joined = await cleo.submitFrom(`/invitation?token=${token}`, '/invitation', { token });
    expect(joined.status).toBe(303);
    expect(joined.headers.get('location')).toBe(`/organizations/${id}?notice=joined`);
    const page = textOf((await cleo.open(`/organizations/${id}?notice=joined`)).html);
    expect(page).toContain('Welcome! You are now a member of this organization.');
    expect(page).toContain('Your role: Admin');

    const again = await cleo.open(`/invitation?token=${token}`);
    expect(again.response.status).toBe(400);
    expect(textOf(again.html)).toContain('This invitation link is no longer valid.');
  });

  it('tells someone signed in with another address that the invitation is not theirs, and changes nothing', async () => {
    const id = await createFromPage(ann, 'Mail-IT-Wize');
    await confirmPassword(ann, `/organizations/${id}`);
    await inviteFromPage(ann, id, 'cleo@example.com', 'member');
    const token = await invitationToken(server, 'cleo@example.com');
    const mallory = await signedInBrowser(server, 'mallory@example.com');
    const { html, csrf } = await mallory.open(`/invitation?token=${token}`);
    expect(textOf(html)).toContain(
      'You are signed in as mallory@example.com. Only cleo@example.com can accept',
    );
    expect(html).not.toContain('action="/invitation"');
    const forced = await mallory.submit('/invitation', { _csrf: csrf, token });
    expect(forced.status).toBe(403);
    expect(
      await server.deps.store.organizations.membershipsOfUser(await memberIdOf('mallory@example.com')),
    ).toEqual([]);
    expect(await server.deps.store.organizations.pendingInvitations(id, server.clock.now())).toHaveLength(1);
  });

  it('changes a role and removes a member from the table, but keeps the last owner', async () => {
    const id = await createFromPage(ann, 'Mail-IT-Wize');
    await seedUser(server, 'cleo@example.com');
    const cleoId = await memberIdOf('cleo@example.com');
    const annId = await memberIdOf('ann@example.com');
    await server.deps.store.organizations.addMember({
      organizationId: id,
      userId: cleoId,
      role: 'member',
      joinedAt: server.clock.now(),
    });
    await confirmPassword(ann, `/organizations/${id}`);
    const page = `/organizations/${id}`;
    const changed = await ann.submitFrom(page, `${page}/members/${cleoId}/role`, { role: 'admin' });
    expect(changed.headers.get('location')).toBe(`${page}?notice=role-changed`);
    expect(await server.deps.store.organizations.roleOf(id, cleoId)).toBe('admin');

    const demoteSelf = await ann.submitFrom(page, `${page}/members/${annId}/role`, { role: 'member' });
    expect(demoteSelf.headers.get('location')).toBe(`${page}?notice=last-owner`);
    expect(textOf((await ann.open(`${page}?notice=last-owner`)).html)).toContain(
      'An organization needs at least one owner.',
    );
    expect(await server.deps.store.organizations.roleOf(id, annId)).toBe('owner');

    const confirm = await ann.open(`${page}/members/${cleoId}/remove`);
    expect(textOf(confirm.html)).toContain('Remove cleo@example.com from Mail-IT-Wize?');
    expect(await server.deps.store.organizations.roleOf(id, cleoId)).toBe('admin');
    const removed = await ann.submit(`${page}/members/${cleoId}/remove`, { _csrf: confirm.csrf });
    expect(removed.headers.get('location')).toBe(`${page}?notice=removed`);
    expect(await server.deps.store.organizations.roleOf(id, cleoId)).toBeNull();
  });

  it('refuses a forged form without its token and changes nothing', async () => {
    const id = await createFromPage(ann, 'Mail-IT-Wize');
    await confirmPassword(ann, `/organizations/${id}`);
    const annId = await memberIdOf('ann@example.com');
    for (const [path, fields] of [
      ['/organizations', { name: 'Forged' }],
      [`/organizations/${id}/invitations`, { email: 'eve@example.com', role: 'owner' }],
      [`/organizations/${id}/members/${annId}/remove`, {}],
    ] as const) {
      expect((await ann.submit(path, fields)).status).toBe(403);
    }
    expect(await server.deps.store.organizations.list({ limit: 10, offset: 0 })).toHaveLength(1);
    expect((await outbox(server)).some((m) => m.to === 'eve@example.com')).toBe(false);
  });

  it('speaks the reader’s language', async () => {
    const id = await createFromPage(ann, 'Mail-IT-Wize');
    for (const [lang, words] of [
      ['nl', 'Iemand uitnodigen'],
      ['sv', 'Bjud in någon'],
      ['pt-BR', 'Convidar alguém'],
    ] as const) {
      const { html } = await ann.open(`/organizations/${id}`, { 'accept-language': lang });
      expect(textOf(html)).toContain(words);
    }
  });
});

describe('an owner on her own row', () => {
  it('is not offered "Change role" or "Remove" on herself, but is on another member', async () => {
    const id = await createFromPage(ann, 'Acme');
    const annId = await memberIdOf('ann@example.com');
    const before = (await ann.open(`/organizations/${id}`)).html;
    expect(before).not.toContain(`/members/${annId}/role`);
    expect(before).not.toContain(`/members/${annId}/remove`);
    expect(before).not.toContain(`id="role-${annId}"`);

    await seedUser(server, 'bob@example.com');
    const bobId = await memberIdOf('bob@example.com');
    await server.deps.store.organizations.addMember({
      organizationId: id,
      userId: bobId,
      role: 'member',
      joinedAt: server.clock.now(),
    });
    const after = (await ann.open(`/organizations/${id}`)).html;
    expect(after).toContain(`/members/${bobId}/role`);
    expect(after).toContain(`/members/${bobId}/remove`);
    expect(after).not.toContain(`/members/${annId}/remove`);
  });
});
