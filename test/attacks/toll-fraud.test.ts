import { afterEach, describe, expect, it } from 'vitest';
import { testServer } from '../support/test-server.js';
import { password, type Server, signedInUser } from './fixtures.js';

/** Someone who signs up to make us call a number they earn money on gets nothing out of it. */
describe('toll fraud through phone methods', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  async function addPhone(env: Record<string, string>, type: 'sms' | 'voice', phone: string) {
    server = await testServer({ env });
    const client = await signedInUser(server, 'mallory@example.com');
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    const answer = await client.post('/api/v1/me/methods', { type, phone });
    return { status: answer.status, code: ((await answer.json()) as { code?: string }).code };
  }

  it('refuses to call a premium-rate number, unless the operator opened them', async () => {
    expect(await addPhone({}, 'voice', '+44 909 879 0000')).toEqual({ status: 422, code: 'invalid_phone' });
    await server?.close();
    const opened = await addPhone({ TWOSTEP_PHONE_ALLOW_HIGH_RISK: 'premium' }, 'voice', '+44 909 879 0000');
    expect(opened.status).toBe(201);
  });

  it('refuses to text a high-risk calling code, unless the operator named it', async () => {
    expect(await addPhone({}, 'sms', '+252 90 7123456')).toEqual({
      status: 422,
      code: 'country_not_allowed',
    });
    await server?.close();
    expect((await addPhone({ TWOSTEP_PHONE_ALLOW_HIGH_RISK: '+252' }, 'sms', '+252 90 7123456')).status).toBe(
      201,
    );
  });

  it('names the variable when its value is malformed', async () => {
    await expect(testServer({ env: { TWOSTEP_PHONE_ALLOW_HIGH_RISK: 'somalia' } })).rejects.toThrow(
      /TWOSTEP_PHONE_ALLOW_HIGH_RISK/,
    );
  });
});
