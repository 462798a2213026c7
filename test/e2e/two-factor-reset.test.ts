import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetJobContext } from '../../src/app/support/reset-job.js';
import { completeDueResets } from '../../src/app/support/two-factor-reset.js';
import { apiClient } from '../support/client.js';
import { addConfirmedMethod, outbox } from '../support/code-methods.js';
import { staffClient, userId } from '../support/staff.js';
import { type TestServer, testServer } from '../support/test-server.js';
import { password, userWithTotp } from '../support/two-factor.js';

const hour = 3_600_000;
const reason = 'Lost her phone; identity checked by a video call with her passport';

/** The cancel link the user received by e-mail. */
async function cancelTokenFromMail(server: TestServer, to = 'ann@example.com') {
  const mail = (await outbox(server)).find((m) => m.to === to && /two-factor-reset\/cancel\//.test(m.text));
  const token = mail?.text.match(/\/two-factor-reset\/cancel\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error('no cancel link was sent');
  return token;
}

describe('support reset of 2FA with a waiting period', () => {
  let server: TestServer;
  beforeEach(async () => {
    // Sessions that outlive the 24-hour wait, so the test sees the reset end them, not a timeout.
    server = await testServer({
      env: { TWOSTEP_SESSION_IDLE_MINUTES: '4000', TWOSTEP_SESSION_MAX_HOURS: '96' },
    });
  });
  afterEach(() => server.close());

  async function annWithTwoFactor() {
    const ann = await userWithTotp(server);
    await addConfirmedMethod(server, ann.client, { type: 'sms', phone: '+31612345678' }, '+31612345678');
    await addConfirmedMethod(
      server,
      ann.client,
      { type: 'email', address: 'ann.backup@example.org' },
      'ann.backup@example.org',
    );
    return { ...ann, id: await userId(server, 'ann@example.com') };
  }

  async function requestReset(id: string) {
    const support = await staffClient(server, 'support');
    const answer = await support.post(`/api/v1/admin/users/${id}/two-factor-reset`, { reason });
    expect(answer.status).toBe(202);
    return (await answer.json()) as { status: string; effectiveAt: string };
  }

  it('changes nothing before the period ends, and notifies the user on every channel in their language', async () => {
    const ann = await annWithTwoFactor();
    const answer = await requestReset(ann.id);
    expect(answer.status).toBe('pending');
    expect(new Date(answer.effectiveAt).getTime() - server.clock.now().getTime()).toBe(24 * hour);

    const messages = await outbox(server);
    const to = (address: string) => messages.filter((m) => m.to === address);
    expect(to('ann@example.com')[0]?.subject).toBe('Your two-step verification will be reset');
    expect(to('ann@example.com')[0]?.text).toContain(`${'http://localhost:3000'}/two-factor-reset/cancel/`);
    expect(to('ann.backup@example.org')[0]?.text).toContain('/two-factor-reset/cancel/');
    expect(to('+31612345678')[0]?.text).toMatch(/reset your two-step verification.*Cancel: http/);

    // Nothing changed yet: her session, her methods, and a password alone still gets nowhere.
    server.clock.advance(23 * hour);
    expect((await ann.client.get('/api/v1/me')).status).toBe(200);
    const me = (await (await ann.client.get('/api/v1/me')).json()) as { twoFactor: { methods: unknown[] } };
    expect(me.twoFactor.methods).toHaveLength(3);
    const caller = apiClient(server.app, { ip: '198.51.100.7' });
    const attempt = await caller.post('/api/v1/session', { email: 'ann@example.com', password });
    expect(((await attempt.json()) as { state: string }).state).toBe('second_factor');
    expect((await caller.get('/api/v1/me')).status).toBe(401);
    expect(await completeDueResets(server.deps, resetJobContext)).toBe(0);

    // The signed-in user sees it coming.
    const pending = (await (await ann.client.get('/api/v1/me/two-factor-reset')).json()) as {
      pending: { effectiveAt: string } | null;
    };
    expect(pending.pending?.effectiveAt).toBe(answer.effectiveAt);
  });

  it('takes effect after the period: methods, recovery codes and sessions are gone, and the user is told', async () => {
    const ann = await annWithTwoFactor();
    await requestReset(ann.id);
    server.clock.advance(24 * hour + 60_000);
    expect(await completeDueResets(server.deps, resetJobContext)).toBe(1);
    // Run twice, as two server processes would: it applies once.
    expect(await completeDueResets(server.deps, resetJobContext)).toBe(0);

    expect((await ann.client.get('/api/v1/me')).status).toBe(401);
    expect(await server.deps.store.methods.listForUser(ann.id)).toEqual([]);
    expect(await server.deps.store.recoveryCodes.countLeft(ann.id)).toBe(0);
    expect(await server.deps.store.sessions.listForUser(ann.id)).toEqual([]);
    const done = (await outbox(server)).filter((m) => m.subject === 'Your two-step verification was reset');
    expect(done.map((m) => m.to).sort()).toEqual(['ann.backup@example.org', 'ann@example.com']);
    expect(
      (await outbox(server)).some((m) => m.to === '+31612345678' && /reset your two-step/.test(m.text)),
    ).toBe(true);

    // The password still matters and was not touched: a wrong one fails, the right one signs in.
    const again = apiClient(server.app);
    expect(
      (await again.post('/api/v1/session', { email: 'ann@example.com', password: 'wrong password!' })).status,
    ).toBe(401);
    const signIn = await again.post('/api/v1/session', { email: 'ann@example.com', password });
    expect(signIn.status).toBe(200);
    expect(((await signIn.json()) as { state: string }).state).toBe('signed_in');

    const trail = (await server.deps.store.audit.listForUser(ann.id, 50)).map((e) => e.type);
    expect(trail).toContain('two_factor_reset_requested');
    expect(trail).toContain('two_factor_reset_completed');
  });

  it('is applied at sign-in when due, without waiting for the job', async () => {
    const ann = await annWithTwoFactor();
    await requestReset(ann.id);
    server.clock.advance(24 * hour);
    const signIn = await apiClient(server.app).post('/api/v1/session', {
      email: 'ann@example.com',
      password,
    });
    expect(((await signIn.json()) as { state: string }).state).toBe('signed_in');
    expect((await ann.client.get('/api/v1/me')).status).toBe(401);
  });

  it('can be cancelled from a signed-in session, once', async () => {
    const ann = await annWithTwoFactor();
    await requestReset(ann.id);
    server.clock.advance(hour);
    expect((await ann.client.post('/api/v1/me/two-factor-reset/cancel')).status).toBe(204);
    expect((await ann.client.post('/api/v1/me/two-factor-reset/cancel')).status).toBe(404);
    server.clock.advance(48 * hour);
    expect(await completeDueResets(server.deps, resetJobContext)).toBe(0);
    expect(await server.deps.store.methods.listForUser(ann.id)).toHaveLength(3);
    const signIn = await apiClient(server.app).post('/api/v1/session', {
      email: 'ann@example.com',
      password,
    });
    expect(((await signIn.json()) as { state: string }).state).toBe('second_factor');
    expect(
      (await outbox(server)).some(
        (m) => m.subject === 'The reset of your two-step verification was cancelled',
      ),
    ).toBe(true);
  });

  it('can be cancelled with the link, without signing in, once; the link dies after the period', async () => {
    const ann = await annWithTwoFactor();
    await requestReset(ann.id);
    const token = await cancelTokenFromMail(server);
    const stranger = apiClient(server.app);
    expect((await stranger.post('/api/v1/two-factor-reset/cancel', { token: 'A'.repeat(43) })).status).toBe(
      400,
    );
    expect((await stranger.post('/api/v1/two-factor-reset/cancel', { token })).status).toBe(204);
    expect((await stranger.post('/api/v1/two-factor-reset/cancel', { token })).status).toBe(400);
    server.clock.advance(25 * hour);
    expect(await completeDueResets(server.deps, resetJobContext)).toBe(0);
    expect(await server.deps.store.methods.listForUser(ann.id)).toHaveLength(3);

    // A second reset's link stops working once that reset took effect.
    await requestReset(ann.id);
    const second = (await outbox(server)).find(
      (m) => m.to === 'ann@example.com' && m.text.includes('/cancel/') && !m.text.includes(token),
    );
    const secondToken = second?.text.match(/\/cancel\/([A-Za-z0-9_-]+)/)?.[1] ?? '';
    server.clock.advance(24 * hour);
    expect((await stranger.post('/api/v1/two-factor-reset/cancel', { token: secondToken })).status).toBe(400);
  });

  it('refuses a reset without a reason, without sudo, twice at once, or with nothing to reset', async () => {
    const ann = await annWithTwoFactor();
    const support = await staffClient(server, 'support');
    const path = `/api/v1/admin/users/${ann.id}/two-factor-reset`;
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(501) }, { reason: 42 }]) {
      const answer = await support.post(path, body);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    const noSudo = await staffClient(server, 'support', 'late@staff.example', { sudo: false });
    expect(((await (await noSudo.post(path, { reason })).json()) as { code: string }).code).toBe(
      'sudo_required',
    );
    expect(await server.deps.store.twoFactorResets.findPendingForUser(ann.id)).toBeNull();

    expect((await support.post(path, { reason })).status).toBe(202);
    const twice = await support.post(path, { reason });
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { code: string }).code).toBe('reset_pending');

    const bob = await staffClient(server, null, 'bob@example.com');
    void bob;
    const answer = await support.post(
      `/api/v1/admin/users/${await userId(server, 'bob@example.com')}/two-factor-reset`,
      {
        reason,
      },
    );
    expect(answer.status).toBe(409);
    expect(((await answer.json()) as { code: string }).code).toBe('nothing_to_reset');
  });

  it('never shows a secret to support, and the trail names the staff member and the reason', async () => {
    const ann = await annWithTwoFactor();
    const support = await staffClient(server, 'support');
    const detail = await (await support.get(`/api/v1/admin/users/${ann.id}`)).text();
    expect(detail).not.toContain(ann.secret);
    expect(detail).not.toContain('+31612345678');
    expect(detail).not.toContain('ann.backup@example.org');
    expect(detail).not.toMatch(/secret|passwordHash|password_hash|codeHash|tokenHash/i);
    await support.post(`/api/v1/admin/users/${ann.id}/two-factor-reset`, { reason });
    const trail = (await (await support.get(`/api/v1/admin/users/${ann.id}/audit`)).json()) as Array<{
      type: string;
      detail: Record<string, unknown>;
    }>;
    const requested = trail.find((e) => e.type === 'two_factor_reset_requested');
    expect(requested?.detail).toMatchObject({ actorEmail: 'support@staff.example', reason });
    expect(JSON.stringify(trail)).not.toMatch(/cancel_token|cancelToken/);
  });
});

describe('support reset races and the API description', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('two staff members resetting at the same moment make one reset and one notice', async () => {
    await userWithTotp(server);
    const id = await userId(server, 'ann@example.com');
    const [first, second] = [await staffClient(server, 'support'), await staffClient(server, 'operator')];
    const answers = await Promise.all(
      [first, second].map((client) => client.post(`/api/v1/admin/users/${id}/two-factor-reset`, { reason })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    expect((await server.deps.store.twoFactorResets.listForUser(id, 10)).length).toBe(1);
    expect(
      (await outbox(server)).filter((m) => m.to === 'ann@example.com' && m.text.includes('/cancel/')),
    ).toHaveLength(1);
  });

  it('describes the console and reset paths in the OpenAPI document', async () => {
    const doc = (await (await apiClient(server.app).get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      '/admin/users',
      '/admin/users/{id}',
      '/admin/users/{id}/audit',
      '/admin/users/{id}/sign-out',
      '/admin/users/{id}/disable',
      '/admin/users/{id}/enable',
      '/admin/users/{id}/two-factor-reset',
      '/me/two-factor-reset',
      '/me/two-factor-reset/cancel',
      '/two-factor-reset/cancel',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });
});

describe('support reset without a waiting period', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer({ env: { TWOSTEP_2FA_RESET_DELAY_HOURS: '0' } });
  });
  afterEach(() => server.close());

  it('takes effect at once', async () => {
    const ann = await userWithTotp(server);
    const id = await userId(server, 'ann@example.com');
    const support = await staffClient(server, 'support');
    const answer = await support.post(`/api/v1/admin/users/${id}/two-factor-reset`, { reason });
    expect(answer.status).toBe(202);
    expect(((await answer.json()) as { status: string }).status).toBe('done');
    expect((await ann.client.get('/api/v1/me')).status).toBe(401);
    expect(await server.deps.store.methods.listForUser(id)).toEqual([]);
  });
});
