import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../support/client.js';
import { passwordStep, signInRemembering, signOut } from '../support/remembered-devices.js';
import { testServer } from '../support/test-server.js';
import { userWithTotp } from '../support/two-factor.js';
import { expectProblem, outbox, password, type Server, seedUser, signInStatus } from './fixtures.js';

/** Strangers guessing from many networks slow themselves down; they never lock the owner out. */

const wrong = { email: 'ann@example.com', password: 'wrong guess!' };
const attackerNetwork = (n: number) => `198.51.100.${n + 1}`;

async function guess(server: Server, ip: string, times = 1): Promise<Response[]> {
  const client = apiClient(server.app, { ip });
  const answers: Response[] = [];
  for (let i = 0; i < times; i++) answers.push(await client.post('/api/v1/session', wrong));
  return answers;
}

/** Ten wrong passwords from each of `networks` networks: each stays within its own limit. */
async function spray(server: Server, networks: number, from = 0) {
  for (let n = from; n < from + networks; n++) {
    const answers = await guess(server, attackerNetwork(n), 10);
    expect(answers.map((a) => a.status).filter((s) => s === 401).length).toBeGreaterThan(0);
  }
}

const warnings = async (server: Server) =>
  (await outbox(server)).filter((m) => m.to === 'ann@example.com' && /wrong passwords/i.test(m.subject));

describe('account-wide lockout by strangers', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it("lets the owner's right password in from a clean network after 110 wrong ones from 11 networks", async () => {
    await seedUser(server);
    await spray(server, 11);
    expect(await signInStatus(server, 'ann@example.com', password, '203.0.113.99')).toBe(200);
  });

  it('still checks the first password from a clean network, and makes a failed network wait', async () => {
    await seedUser(server);
    await spray(server, 11);
    const [first] = await guess(server, '192.0.2.200');
    await expectProblem(first!, 401, 'invalid_credentials');
    const [second] = await guess(server, '192.0.2.200');
    await expectProblem(second!, 429, 'rate_limited');
    const wait = Number(second!.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    // The right password during the wait is refused too: the wait tells nothing about it.
    expect(await signInStatus(server, 'ann@example.com', password, '192.0.2.200')).toBe(429);
    server.clock.advance(wait * 1000);
    expect(await signInStatus(server, 'ann@example.com', password, '192.0.2.200')).toBe(200);
  });

  it('makes failed networks wait longer as the failures across networks grow', async () => {
    await seedUser(server);
    const waitAfterOneMoreFailure = async (ip: string) => {
      await guess(server, ip);
      const [answer] = await guess(server, ip);
      expect(answer!.status).toBe(429);
      return Number(answer!.headers.get('retry-after'));
    };
    await spray(server, 3);
    const early = await waitAfterOneMoreFailure('192.0.2.1');
    await spray(server, 6, 3);
    const later = await waitAfterOneMoreFailure('192.0.2.2');
    expect(later).toBeGreaterThan(early);
  });

  it('does not slow down a remembered device on a network that failed', async () => {
    const { app } = await userWithTotp(server);
    const shared = '198.51.100.200';
    const laptop = apiClient(server.app, { ip: shared });
    await signInRemembering(server, laptop, app);
    await signOut(laptop);
    await spray(server, 5);
    // A stranger behind the same address fails a few times, staying under the network's own limit.
    await guess(server, shared, 3);
    expect(await signInStatus(server, 'ann@example.com', password, shared)).toBe(429);
    expect(await passwordStep(laptop)).toEqual({ status: 200, body: { state: 'signed_in' } });
  });

  it('tells the owner once per episode, not once per attempt', async () => {
    await seedUser(server);
    await spray(server, 3);
    expect(await warnings(server)).toHaveLength(1);
    await spray(server, 5, 3);
    const [mail] = await warnings(server);
    expect(await warnings(server)).toHaveLength(1);
    expect(mail!.text).toContain('ann@example.com');
    expect(mail!.text).not.toContain('wrong guess!');
  });

  it('keeps the per-network limit hard: ten failures there lock that network alone', async () => {
    await seedUser(server);
    await guess(server, attackerNetwork(0), 10);
    expect(await signInStatus(server, 'ann@example.com', password, attackerNetwork(0))).toBe(429);
    expect(await signInStatus(server, 'ann@example.com', password, '203.0.113.99')).toBe(200);
  });
});

describe('reset links requested by strangers', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
    await seedUser(server);
  });
  afterEach(() => server.close());

  const requestReset = (ip: string, email = 'ann@example.com') =>
    apiClient(server.app, { ip }).post('/api/v1/password-reset', { email });
  const resetMails = async () =>
    (await outbox(server)).filter((m) => m.to === 'ann@example.com' && m.subject === 'Reset your password');

  it("does not let one stranger's network spend the owner's budget", async () => {
    for (let i = 0; i < 3; i++) expect((await requestReset('198.51.100.7')).status).toBe(202);
    await expectProblem(await requestReset('198.51.100.7'), 429, 'rate_limited');
    expect((await requestReset('203.0.113.99')).status).toBe(202);
    expect(await resetMails()).toHaveLength(4);
  });

  it('does not let strangers on six networks spend it either', async () => {
    for (let n = 0; n < 6; n++) {
      for (let i = 0; i < 4; i++) await requestReset(attackerNetwork(n));
    }
    expect((await requestReset('203.0.113.99')).status).toBe(202);
    expect((await resetMails()).at(-1)).toBeDefined();
    expect(await resetMails()).toHaveLength(19);
  });

  it('caps links to one address across networks, so a flood stays bounded and visible', async () => {
    for (let n = 0; n < 20; n++) await requestReset(attackerNetwork(n));
    await expectProblem(await requestReset('192.0.2.50'), 429, 'rate_limited');
    expect(await resetMails()).toHaveLength(20);
  });
});
