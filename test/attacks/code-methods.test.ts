import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addConfirmedMethod, lastCodeTo, outbox, userWithPhone } from '../support/code-methods.js';
import { testServer } from '../support/test-server.js';
import { pendingSignIn } from '../support/two-factor.js';

type Server = Awaited<ReturnType<typeof testServer>>;
const phone = '+31612345678';

/** The T-CODE rules of the threat model against e-mail, SMS and voice codes, from outside. */
describe('attacks on sent codes', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer({ env: { TWOSTEP_SUDO_MINUTES: '15' } });
  });
  afterEach(() => server.close());

  const second = (client: Awaited<ReturnType<typeof pendingSignIn>>['client'], body: object) =>
    client.post('/api/v1/session/second-factor', body);

  /** A pending sign-in that was sent an SMS code; returns the code. */
  async function sentSignIn(smsId: string) {
    const { client } = await pendingSignIn(server);
    expect((await client.post('/api/v1/session/second-factor/send', { methodId: smsId })).status).toBe(202);
    const code = await lastCodeTo(server, phone);
    server.clock.advance(1000);
    return { client, code };
  }

  it('T-CODE-1: a code is dead at 10 minutes and 1 second', async () => {
    const { client } = await userWithPhone(server);
    const created = await client.post('/api/v1/me/methods', { type: 'email', address: 'ann@example.org' });
    const { id } = (await created.json()) as { id: string };
    const code = await lastCodeTo(server, 'ann@example.org');
    server.clock.advance(10 * 60_000 + 1000);
    expect((await client.post(`/api/v1/me/methods/${id}/confirm`, { code })).status).toBe(400);
    expect((await client.post(`/api/v1/me/methods/${id}/resend`)).status).toBe(202);
    const fresh = await lastCodeTo(server, 'ann@example.org');
    expect((await client.post(`/api/v1/me/methods/${id}/confirm`, { code: fresh })).status).toBe(200);
  });

  it('T-CODE-3: a parallel double submit signs in once', async () => {
    const { smsId } = await userWithPhone(server);
    const { client, code } = await sentSignIn(smsId);
    const body = { type: 'sms', code, methodId: smsId };
    const answers = await Promise.all([second(client, body), second(client, body), second(client, body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400]);
  });

  it('T-CODE-2: a code from sign-in attempt 1 fails in attempt 2, and a set-up code never signs in', async () => {
    const { client: owner, smsId } = await userWithPhone(server);
    const mail = await addConfirmedMethod(
      server,
      owner,
      { type: 'email', address: 'ann@example.org' },
      'ann@example.org',
    );
    const setupCode = await lastCodeTo(server, 'ann@example.org');
    const first = await sentSignIn(smsId);
    const { client: again } = await pendingSignIn(server);
    expect((await second(again, { type: 'sms', code: first.code, methodId: smsId })).status).toBe(400);
    expect((await second(again, { type: 'email', code: setupCode, methodId: mail.id })).status).toBe(400);
  });

  it('T-CODE-2, T-CODE-4: a resend kills the previous code, and comes only after 30 seconds', async () => {
    const { smsId } = await userWithPhone(server);
    const { client, code: old } = await sentSignIn(smsId);
    server.clock.advance(9000);
    const early = await client.post('/api/v1/session/second-factor/send', { methodId: smsId });
    expect(early.status).toBe(429);
    expect(early.headers.get('retry-after')).toBe('20');
    server.clock.advance(20_000);
    expect((await client.post('/api/v1/session/second-factor/send', { methodId: smsId })).status).toBe(202);
    const fresh = await lastCodeTo(server, phone);
    expect(fresh).not.toBe(old);
    expect((await second(client, { type: 'sms', code: old, methodId: smsId })).status).toBe(400);
    expect((await second(client, { type: 'sms', code: fresh, methodId: smsId })).status).toBe(200);
  });

  it('T-CODE-4: sends to one number are capped per hour, across accounts, and audited', async () => {
    const { smsId } = await userWithPhone(server);
    let sent = 1; // the set-up code
    let answer: Response | undefined;
    for (let i = 0; i < 6; i++) {
      const { client } = await pendingSignIn(server);
      answer = await client.post('/api/v1/session/second-factor/send', { methodId: smsId });
      if (answer.status !== 202) break;
      sent++;
    }
    expect(sent).toBe(5);
    expect(answer?.status).toBe(429);
    expect(Number(answer?.headers.get('retry-after'))).toBeGreaterThan(0);
    const user = await server.deps.store.users.findByEmail('ann@example.com');
    const events = await server.deps.store.audit.listForUser(user!.id, 50);
    expect(events.some((e) => e.type === 'code_send_limited')).toBe(true);
  });

  it('T-CODE-4: sends per account are capped per day, whichever numbers', async () => {
    const { smsId } = await userWithPhone(server);
    let sent = 1;
    let status = 202;
    while (status === 202 && sent < 30) {
      server.clock.advance(13 * 60_000); // under the per-number hourly cap
      const { client } = await pendingSignIn(server);
      status = (await client.post('/api/v1/session/second-factor/send', { methodId: smsId })).status;
      if (status === 202) sent++;
    }
    expect(sent).toBe(20);
    expect(status).toBe(429);
  });

  it('T-CODE-3: five wrong tries kill the code', async () => {
    const { client } = await userWithPhone(server);
    const created = await client.post('/api/v1/me/methods', { type: 'email', address: 'ann@example.org' });
    const { id } = (await created.json()) as { id: string };
    const code = await lastCodeTo(server, 'ann@example.org');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expect((await client.post(`/api/v1/me/methods/${id}/confirm`, { code: wrong })).status).toBe(400);
    expect((await client.post(`/api/v1/me/methods/${id}/confirm`, { code })).status).toBe(400);
  });

  it('T-RATE-3: restarting the sign-in does not reset the guess count', async () => {
    const { smsId } = await userWithPhone(server);
    for (let restart = 0; restart < 3; restart++) {
      const { client } = await pendingSignIn(server);
      for (let guess = 0; guess < 5; guess++)
        await second(client, { type: 'sms', code: String(100000 + guess), methodId: smsId });
    }
    const { client, code } = await sentSignIn(smsId);
    const answer = await second(client, { type: 'sms', code, methodId: smsId });
    expect(answer.status).toBe(429);
    expect((await client.get('/api/v1/me')).status).toBe(401);
  });

  it("T-LOGIN-2: another user's method cannot be sent to or used at the second step", async () => {
    const bob = await userWithPhone(server, 'bob@example.com', '+31687654321');
    server.clock.advance(1000);
    await userWithPhone(server, 'ann@example.com', phone);
    const { client: bobSigningIn } = await pendingSignIn(server, 'bob@example.com');
    await bobSigningIn.post('/api/v1/session/second-factor/send', { methodId: bob.smsId });
    const bobCode = await lastCodeTo(server, '+31687654321');
    const { client: ann } = await pendingSignIn(server);
    expect((await ann.post('/api/v1/session/second-factor/send', { methodId: bob.smsId })).status).toBe(404);
    expect((await second(ann, { type: 'sms', code: bobCode, methodId: bob.smsId })).status).toBe(400);
    expect((await ann.get('/api/v1/me')).status).toBe(401);
  });

  it("T-CODE-2: an e-mail method's code does not work for the SMS method", async () => {
    const { client: owner, smsId } = await userWithPhone(server);
    const mail = await addConfirmedMethod(
      server,
      owner,
      { type: 'email', address: 'ann@example.org' },
      'ann@example.org',
    );
    const { client } = await pendingSignIn(server);
    await client.post('/api/v1/session/second-factor/send', { methodId: mail.id });
    const code = await lastCodeTo(server, 'ann@example.org');
    expect((await second(client, { type: 'sms', code, methodId: smsId })).status).toBe(400);
    expect((await second(client, { type: 'email', code, methodId: smsId })).status).toBe(400);
    expect((await second(client, { type: 'email', code })).status).toBe(400);
    expect((await second(client, { type: 'email', code, methodId: mail.id })).status).toBe(200);
  });

  it('T-CODE-6: codes never appear in API answers or logs', async () => {
    const { client, smsId } = await userWithPhone(server);
    const bodies: string[] = [];
    const created = await client.post('/api/v1/me/methods', { type: 'voice', phone });
    bodies.push(await created.text());
    const { client: signingIn } = await pendingSignIn(server);
    const sent = await signingIn.post('/api/v1/session/second-factor/send', { methodId: smsId });
    bodies.push(await sent.text());
    const code = await lastCodeTo(server, phone);
    const done = await second(signingIn, { type: 'sms', code, methodId: smsId });
    bodies.push(await done.text(), await (await signingIn.get('/api/v1/me')).text());
    const codes = (await outbox(server)).map(
      (m) => m.text.replace(/(\d), (?=\d)/g, '$1').match(/\b\d{6}\b/)?.[0],
    );
    expect(codes.filter(Boolean).length).toBeGreaterThanOrEqual(3);
    for (const c of codes.filter((x): x is string => Boolean(x))) {
      // As a number of its own: a timestamp in a log line may hold the same six digits inside it.
      const alone = new RegExp(`(?<!\\d)${c}(?!\\d)`);
      for (const text of [...bodies, ...server.logLines]) expect(text).not.toMatch(alone);
    }
  });
});
