import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addConfirmedMethod, lastCodeTo, outbox, userWithPhone } from '../support/code-methods.js';
import { testServer } from '../support/test-server.js';
import { password, pendingSignIn, signUpAndIn } from '../support/two-factor.js';

type Server = Awaited<ReturnType<typeof testServer>>;
const oldNumber = '+31612345678';
const newNumber = '+31687654321';

/** The user's own audit trail, newest first, as the activity list shows it. */
async function events(server: Server, client: { get(path: string): Promise<Response> }) {
  const me = (await (await client.get('/api/v1/me')).json()) as { id: string };
  return server.deps.store.audit.listForUser(me.id, 50);
}

describe('changing the address or number of a code method (T-CODE-5)', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('sends a code to the new number; only that code switches it; the old number and the account are told', async () => {
    const { client, smsId } = await userWithPhone(server, 'ann@example.com', oldNumber);
    const started = await client.put(`/api/v1/me/methods/${smsId}`, { phone: '06 87654321', country: 'NL' });
    expect(started.status).toBe(202);
    expect(await started.json()).toEqual({ sentTo: '+31 6 •••• 4321', resendAfterSeconds: 30 });
    const code = await lastCodeTo(server, newNumber);

    // Until the code comes back, codes still go to the old number.
    const before = (await (await client.get('/api/v1/me')).json()) as { twoFactor: { methods: object[] } };
    expect(before.twoFactor.methods).toMatchObject([{ id: smsId, label: '+31 6 •••• 5678' }]);
    server.clock.advance(1000);
    const { client: elsewhere } = await pendingSignIn(server);
    expect((await elsewhere.post('/api/v1/session/second-factor/send', { methodId: smsId })).status).toBe(
      202,
    );
    expect((await outbox(server))[0]?.to).toBe(oldNumber);
    const oldNumberCode = await lastCodeTo(server, oldNumber);
    const wrong = code === '000000' ? '111111' : '000000';
    const refused = await client.post(`/api/v1/me/methods/${smsId}/destination/confirm`, { code: wrong });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'wrong_code' });

    const confirmed = await client.post(`/api/v1/me/methods/${smsId}/destination/confirm`, { code });
    expect(confirmed.status).toBe(204);
    const after = (await (await client.get('/api/v1/me')).json()) as { twoFactor: { methods: object[] } };
    expect(after.twoFactor.methods).toMatchObject([{ id: smsId, type: 'sms', label: '+31 6 •••• 4321' }]);
    // A code still in flight to the old number died with the switch.
    const late = await elsewhere.post('/api/v1/session/second-factor', {
      type: 'sms',
      methodId: smsId,
      code: oldNumberCode,
    });
    expect(late.status).toBe(400);
    // Spent: the same code cannot switch it again.
    const again = await client.post(`/api/v1/me/methods/${smsId}/destination/confirm`, { code });
    expect(again.status).toBe(400);

    const messages = await outbox(server);
    const notice = messages.find((m) => m.to === oldNumber && m.channel === 'sms' && !/\d{6}/.test(m.text));
    expect(notice?.text).toContain('+31 6 •••• 4321');
    const mail = messages.find((m) => m.to === 'ann@example.com');
    expect(mail?.subject).toBe('Your two-factor codes go somewhere new');
    expect(mail?.text).toContain('that went to +31 6 •••• 5678 now go to +31 6 •••• 4321');
    expect((await events(server, client)).find((e) => e.type === 'method_destination_changed')).toMatchObject(
      {
        detail: { method: 'sms', from: '+31 6 •••• 5678', to: '+31 6 •••• 4321' },
      },
    );

    // Sign-in codes now go to the new number only.
    server.clock.advance(1000);
    const { client: signingIn } = await pendingSignIn(server);
    expect((await signingIn.post('/api/v1/session/second-factor/send', { methodId: smsId })).status).toBe(
      202,
    );
    const sent = (await outbox(server))[0]!;
    expect(sent.to).toBe(newNumber);
  });

  it('moves an e-mail method to a new address, with a mail that says what the code is for', async () => {
    const client = await signUpAndIn(server);
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    const { id } = await addConfirmedMethod(
      server,
      client,
      { type: 'email', address: 'ann@home.example' },
      'ann@home.example',
    );
    expect((await client.put(`/api/v1/me/methods/${id}`, { address: 'ANN@home.example' })).status).toBe(409);
    expect((await client.put(`/api/v1/me/methods/${id}`, { address: 'not an address' })).status).toBe(400);
    expect((await client.put(`/api/v1/me/methods/${id}`, { phone: '+31612345678' })).status).toBe(400);
    expect((await client.put(`/api/v1/me/methods/${id}`, { address: 'ann@work.example' })).status).toBe(202);
    const mail = (await outbox(server)).find((m) => m.to === 'ann@work.example');
    expect(mail?.subject).toBe('Confirm your new Twostep e-mail address');
    expect(mail?.text).toContain('at ann@work.example from now on');
    const code = await lastCodeTo(server, 'ann@work.example');
    expect((await client.post(`/api/v1/me/methods/${id}/destination/confirm`, { code })).status).toBe(204);
    const me = (await (await client.get('/api/v1/me')).json()) as { twoFactor: { methods: object[] } };
    expect(me.twoFactor.methods).toMatchObject([{ id, label: 'a•••@work.example' }]);
  });

  it('needs sudo, and answers 404 for a method of another user or a method that sends no codes', async () => {
    const { client, smsId } = await userWithPhone(server);
    const eve = await signUpAndIn(server, 'eve@example.com');
    expect((await eve.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    const stolen = await eve.put(`/api/v1/me/methods/${smsId}`, { phone: '+31611111111' });
    expect(stolen.status).toBe(404);
    const totp = (await (await client.post('/api/v1/me/methods', { type: 'totp' })).json()) as { id: string };
    expect((await client.put(`/api/v1/me/methods/${totp.id}`, { phone: '+31611111111' })).status).toBe(404);

    server.clock.advance(16 * 60_000);
    const lapsed = await client.put(`/api/v1/me/methods/${smsId}`, { phone: '+31611111111' });
    expect(lapsed.status).toBe(403);
    expect(await lapsed.json()).toMatchObject({ code: 'sudo_required' });
    expect((await outbox(server)).some((m) => m.to === '+31611111111')).toBe(false);
  });

  it('keeps the cool-down: a second code within 30 seconds answers 429, later the first code is dead', async () => {
    const { client, smsId } = await userWithPhone(server);
    expect((await client.put(`/api/v1/me/methods/${smsId}`, { phone: newNumber })).status).toBe(202);
    const first = await lastCodeTo(server, newNumber);
    const early = await client.put(`/api/v1/me/methods/${smsId}`, { phone: newNumber });
    expect(early.status).toBe(429);
    expect(Number(early.headers.get('retry-after'))).toBeGreaterThan(0);
    server.clock.advance(30_000);
    expect((await client.put(`/api/v1/me/methods/${smsId}`, { phone: newNumber })).status).toBe(202);
    const second = await lastCodeTo(server, newNumber);
    if (first !== second) {
      expect(
        (await client.post(`/api/v1/me/methods/${smsId}/destination/confirm`, { code: first })).status,
      ).toBe(400);
    }
    expect(
      (await client.post(`/api/v1/me/methods/${smsId}/destination/confirm`, { code: second })).status,
    ).toBe(204);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await (await server.app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.paths['/me/methods/{id}']).toHaveProperty('put');
    expect(doc.paths['/me/methods/{id}/destination/confirm']).toHaveProperty('post');
    expect(doc.paths['/me/methods/{id}/disable-code']).toHaveProperty('post');
  });
});

describe('turning 2FA off with a code sent to an e-mail, SMS or voice method (T-SESSION-7)', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('sends a code for turning off, and only that code removes the last method', async () => {
    const { client, smsId } = await userWithPhone(server);
    const remove = (body: object) => client.send('DELETE', `/api/v1/me/methods/${smsId}`, body);
    expect((await remove({})).status).toBe(401);
    const sent = await client.post(`/api/v1/me/methods/${smsId}/disable-code`);
    expect(sent.status).toBe(202);
    expect(await sent.json()).toEqual({ sentTo: '+31 6 •••• 5678', resendAfterSeconds: 30 });
    expect((await client.post(`/api/v1/me/methods/${smsId}/disable-code`)).status).toBe(429);
    const code = await lastCodeTo(server, oldNumber);
    // Named as another kind of code, or sent for a change of number, it does not count.
    expect((await remove({ code, codeType: 'totp' })).status).toBe(401);
    expect((await remove({ code, codeType: 'sms' })).status).toBe(204);
    const me = (await (await client.get('/api/v1/me')).json()) as { twoFactor: { enabled: boolean } };
    expect(me.twoFactor.enabled).toBe(false);
  });

  it('never takes a code sent for another purpose: a change code does not turn 2FA off, and back', async () => {
    const { client, smsId } = await userWithPhone(server);
    expect((await client.put(`/api/v1/me/methods/${smsId}`, { phone: newNumber })).status).toBe(202);
    const changeCode = await lastCodeTo(server, newNumber);
    const remove = (code: string) =>
      client.send('DELETE', `/api/v1/me/methods/${smsId}`, { code, codeType: 'sms' });
    expect((await remove(changeCode)).status).toBe(401);

    expect((await client.post(`/api/v1/me/methods/${smsId}/disable-code`)).status).toBe(202);
    const disableCode = await lastCodeTo(server, oldNumber);
    const confirm = await client.post(`/api/v1/me/methods/${smsId}/destination/confirm`, {
      code: disableCode,
    });
    expect(confirm.status).toBe(400);
    const me = (await (await client.get('/api/v1/me')).json()) as { twoFactor: { enabled: boolean } };
    expect(me.twoFactor.enabled).toBe(true);
  });

  it('does not take a sign-in code of another session for turning off', async () => {
    const { client, smsId } = await userWithPhone(server);
    server.clock.advance(1000);
    const { client: signingIn } = await pendingSignIn(server);
    expect((await signingIn.post('/api/v1/session/second-factor/send', { methodId: smsId })).status).toBe(
      202,
    );
    const signInCode = await lastCodeTo(server, oldNumber);
    const removed = await client.send('DELETE', `/api/v1/me/methods/${smsId}`, {
      code: signInCode,
      codeType: 'sms',
    });
    expect(removed.status).toBe(401);
  });
});
