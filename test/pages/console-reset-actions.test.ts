import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/core/sessions/session-token.js';
import { outbox } from '../attacks/fixtures.js';
import { grantRole, userId } from '../support/staff.js';
import { testServer } from '../support/test-server.js';
import { userWithTotp } from '../support/two-factor.js';
import {
  type BrowserClient,
  password,
  pendingBrowser,
  type Server,
  signedInBrowser,
  textOf,
} from './page-client.js';

const reason = 'Lost phone and codes; identity checked by e-mail';
const hour = 3_600_000;

let server: Server;
let annId: string;

beforeEach(async () => {
  server = await testServer();
  await userWithTotp(server);
  annId = await userId(server, 'ann@example.com');
});
afterEach(() => server.close());

async function staffBrowser(email: string, role: 'support' | 'operator'): Promise<BrowserClient> {
  const browser = await signedInBrowser(server, email);
  await grantRole(server, email, role);
  expect((await browser.submitFrom('/confirm-password', '/confirm-password', { password })).status).toBe(303);
  return browser;
}

async function requestReset(staff: BrowserClient) {
  const page = await staff.open(`/console/users/${annId}`);
  expect((await staff.submit(`/console/users/${annId}/reset-2fa`, { _csrf: page.csrf, reason })).status).toBe(
    303,
  );
  return staff.open(`/console/users/${annId}`);
}

const audit = async (type: string) =>
  (await server.deps.store.audit.listForUser(annId, 50)).find((e) => e.type === type);

describe('a waiting reset on the console user page', () => {
  it('support cancel it: audited with their name, the user told, the methods kept', async () => {
    const support = await staffBrowser('sue@staff.example', 'support');
    const page = await requestReset(support);
    expect(page.html).toContain(`action="/console/users/${annId}/cancel-reset"`);
    // Support may cancel but not shorten.
    expect(page.html).not.toContain('/shorten-reset');
    const denied = await support.submit(`/console/users/${annId}/shorten-reset`, {
      _csrf: page.csrf,
      hours: '0',
      reason,
    });
    expect(denied.status).toBe(403);

    const done = await support.submit(`/console/users/${annId}/cancel-reset`, { _csrf: page.csrf });
    expect(done.headers.get('location')).toBe(`/console/users/${annId}?done=reset-cancelled`);
    expect(textOf((await support.open(done.headers.get('location')!)).html)).toContain(
      'The reset was cancelled and the user was notified.',
    );
    expect(await server.deps.store.twoFactorResets.findPendingForUser(annId)).toBeNull();
    expect(await server.deps.store.methods.listForUser(annId)).toHaveLength(1);
    expect((await audit('two_factor_reset_cancelled'))?.detail).toMatchObject({
      via: 'staff',
      actorEmail: 'sue@staff.example',
    });
    const mails = (await outbox(server)).filter((m) => m.to === 'ann@example.com');
    expect(mails.some((m) => m.subject === 'The reset of your two-step verification was cancelled')).toBe(
      true,
    );
  });

  it('an operator shortens the wait with a second reason; the user gets the new time and a new link', async () => {
    const operator = await staffBrowser('olga@staff.example', 'operator');
    const page = await requestReset(operator);
    const firstLink = (await outbox(server)).find((m) => m.text.includes('/cancel/'))!;
    const noReason = await operator.submit(`/console/users/${annId}/shorten-reset`, {
      _csrf: page.csrf,
      hours: '2',
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    const tooLong = await operator.submit(`/console/users/${annId}/shorten-reset`, {
      _csrf: page.csrf,
      hours: '30',
      reason: 'Second check',
    });
    expect(tooLong.status).toBe(400);
    expect(textOf(await tooLong.text())).toContain('shorter than the wait that is left');

    const done = await operator.submit(`/console/users/${annId}/shorten-reset`, {
      _csrf: page.csrf,
      hours: '2',
      reason: 'Video call, passport seen',
    });
    expect(done.headers.get('location')).toBe(`/console/users/${annId}?done=reset-shortened`);
    const pending = (await server.deps.store.twoFactorResets.findPendingForUser(annId))!;
    expect(pending.effectiveAt.getTime() - server.clock.now().getTime()).toBe(2 * hour);
    expect((await audit('two_factor_reset_shortened'))?.detail).toMatchObject({
      reason: 'Video call, passport seen',
      actorEmail: 'olga@staff.example',
    });
    const notices = (await outbox(server)).filter(
      (m) => m.to === 'ann@example.com' && m.subject === 'Your two-step verification will be reset',
    );
    expect(notices).toHaveLength(2);
    const newest = notices.find((m) => m.text !== firstLink.text)!;
    const token = /\/cancel\/([A-Za-z0-9_-]+)/.exec(newest.text)![1]!;
    const oldToken = /\/cancel\/([A-Za-z0-9_-]+)/.exec(firstLink.text)![1]!;
    expect(token).not.toBe(oldToken);
    expect(await server.deps.store.twoFactorResets.findPendingByTokenHash(hashToken(oldToken))).toBeNull();
    expect(await server.deps.store.twoFactorResets.findPendingByTokenHash(hashToken(token))).not.toBeNull();

    // 0 hours: at once.
    const now = await operator.submit(`/console/users/${annId}/shorten-reset`, {
      _csrf: page.csrf,
      hours: '0',
      reason: 'User asked again on the phone',
    });
    expect(now.headers.get('location')).toBe(`/console/users/${annId}?done=reset-done`);
    expect(await server.deps.store.methods.listForUser(annId)).toHaveLength(0);
  });

  it('the user signing in is told at the second step when it takes effect and how to cancel it', async () => {
    const support = await staffBrowser('sue@staff.example', 'support');
    const before = await pendingBrowser(server, annId);
    expect(textOf((await before.open('/sign-in/second-factor')).html)).not.toContain('is waiting');
    await requestReset(support);
    const ann = await pendingBrowser(server, annId);
    const text = textOf((await ann.open('/sign-in/second-factor')).html);
    expect(text).toMatch(
      /A reset of your two-step verification is waiting: on .+ your sign-in methods and recovery codes will be removed\./,
    );
    expect(text).toContain('Cancel it with the link in the e-mail we sent you');
  });
});
