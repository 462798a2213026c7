import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserClient } from '../pages/page-client.js';
import type { ApiClient } from '../support/client.js';
import { outbox } from '../support/code-methods.js';
import { testServer } from '../support/test-server.js';
import { pendingSignIn, userWithTotp } from '../support/two-factor.js';
import type { Server } from './fixtures.js';

const lockedSubject = 'Signing in to your account is locked';
const wrongFor = (right: string) => (right === '000000' ? '111111' : '000000');

async function userIdOf(client: ApiClient): Promise<string> {
  return ((await (await client.get('/api/v1/me')).json()) as { id: string }).id;
}

/** Attempts counted straight in the store: the rate limit makes 100 API guesses take hours. */
async function countAttempts(server: Server, userId: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await server.deps.store.secondFactorLockouts.countAttempt(userId);
}

async function trySecondStep(server: Server, code: string) {
  const { client } = await pendingSignIn(server);
  const answer = await client.post('/api/v1/session/second-factor', { type: 'totp', code });
  return { status: answer.status, body: (await answer.json()) as { code: string } };
}

async function unlockLink(server: Server): Promise<string> {
  const mail = (await outbox(server)).filter((m) => m.subject === lockedSubject);
  expect(mail).toHaveLength(1);
  const path = mail[0]?.text.match(/http:\/\/localhost:3000(\/two-factor-unlock\/[A-Za-z0-9_-]+)/)?.[1];
  if (!path) throw new Error('no unlock link in the mail');
  return path;
}

describe('100 second-factor attempts in a row without a success lock the second step', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('refuses even the right code once locked, answering every code alike, and tells the owner', async () => {
    const { client, app } = await userWithTotp(server);
    await countAttempts(server, await userIdOf(client), 97);
    const wrong = wrongFor(app.code());
    expect((await trySecondStep(server, wrong)).body.code).toBe('wrong_code');
    expect((await trySecondStep(server, wrong)).body.code).toBe('wrong_code');
    const hundredth = await trySecondStep(server, wrong);
    expect(hundredth).toEqual({
      status: 400,
      body: expect.objectContaining({ code: 'second_factor_locked' }),
    });
    const right = await trySecondStep(server, app.code());
    const another = await trySecondStep(server, wrong);
    expect(right).toEqual(another);
    expect(right.status).toBe(400);
    // Turning 2FA off from a signed-in session is locked too.
    const off = await client.send('DELETE', `/api/v1/me/methods/${(await me(client)).methodId}`, {
      code: app.code(),
    });
    expect(off.status).toBe(400);
    expect(await unlockLink(server)).toMatch(/^\/two-factor-unlock\//);
    const events = await server.deps.store.audit.listForUser(await userIdOf(client), 200);
    expect(events.filter((e) => e.type === 'second_factor_locked')).toHaveLength(1);
  });

  it('unlocks from the link in the e-mail, once', async () => {
    const { client, app } = await userWithTotp(server);
    await countAttempts(server, await userIdOf(client), 99);
    await trySecondStep(server, wrongFor(app.code()));
    const path = await unlockLink(server);
    const browser = browserClient(server);
    const page = await browser.open(path);
    expect(page.response.status).toBe(200);
    // Opening the link changes nothing: mail scanners open links.
    expect((await trySecondStep(server, app.code())).body.code).toBe('second_factor_locked');
    expect((await browser.submit(path, { _csrf: page.csrf })).status).toBe(200);
    expect((await trySecondStep(server, app.code())).status).toBe(200);
    const again = await browser.submit(path, { _csrf: (await browser.open(path)).csrf });
    expect(again.status).toBe(400);
  });

  it('starts the count again after a success', async () => {
    const { client, app } = await userWithTotp(server);
    await countAttempts(server, await userIdOf(client), 99);
    expect((await trySecondStep(server, app.code())).status).toBe(200);
    server.clock.advance(30_000);
    await countAttempts(server, await userIdOf(client), 98);
    expect((await trySecondStep(server, wrongFor(app.code()))).body.code).toBe('wrong_code');
  });

  it('counts parallel wrong codes exactly: one of them is the hundredth', async () => {
    const { client, app, methodId } = await userWithTotp(server);
    const userId = await userIdOf(client);
    await countAttempts(server, userId, 91);
    const wrong = wrongFor(app.code());
    const answers = await Promise.all(
      Array.from({ length: 9 }, () =>
        client.send('DELETE', `/api/v1/me/methods/${methodId}`, { code: wrong }),
      ),
    );
    const codes = await Promise.all(answers.map(async (a) => ((await a.json()) as { code: string }).code));
    expect(codes.filter((c) => c === 'second_factor_required')).toHaveLength(8);
    expect(codes.filter((c) => c === 'second_factor_locked')).toHaveLength(1);
    expect(await server.deps.store.secondFactorLockouts.countAttempt(userId)).toBe(101);
    await unlockLink(server);
  });
});

async function me(client: ApiClient): Promise<{ methodId: string }> {
  const body = (await (await client.get('/api/v1/me')).json()) as {
    twoFactor: { methods: { id: string }[] };
  };
  return { methodId: body.twoFactor.methods[0]?.id ?? '' };
}
