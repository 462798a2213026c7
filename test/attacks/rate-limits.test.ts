import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, apiClient } from '../support/client.js';
import { testServer } from '../support/test-server.js';
import { expectProblem, minutes, password, type Server, signedInUser, signInStatus } from './fixtures.js';

const wrong = { email: 'ann@example.com', password: 'wrong guess!' };

describe('guessing passwords against the rate limits (T-RATE-1)', () => {
  let server: Server;
  let owner: ApiClient;
  beforeEach(async () => {
    server = await testServer();
    owner = await signedInUser(server);
  });
  afterEach(() => server.close());

  async function guess(times: number, ip?: string): Promise<number[]> {
    const client = apiClient(server.app, ip ? { ip } : {});
    const statuses: number[] = [];
    for (let i = 0; i < times; i++) statuses.push((await client.post('/api/v1/session', wrong)).status);
    return statuses;
  }

  it('locks one account after 10 wrong passwords from one network, with Retry-After', async () => {
    const statuses = await guess(39);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    const locked = await apiClient(server.app).post('/api/v1/session', wrong);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    await expectProblem(locked, 429, 'rate_limited');
  });

  it('refuses even the right password while the lock holds, so a lock is no oracle', async () => {
    await guess(40);
    const right = await apiClient(server.app).post('/api/v1/session', { email: 'ann@example.com', password });
    await expectProblem(right, 429, 'rate_limited');
  });

  it('lifts the lock after 15 minutes', async () => {
    await guess(40);
    server.clock.advance(minutes(15));
    expect(await signInStatus(server, 'ann@example.com', password)).toBe(200);
  });

  it('resets the count after a successful sign-in', async () => {
    expect(await guess(9)).toEqual(Array(9).fill(401));
    expect(await signInStatus(server, 'ann@example.com', password)).toBe(200);
    // Without the reset, the second of these would be the eleventh failure in the window.
    expect(await guess(2)).toEqual([401, 401]);
  });

  it('does not lock the owner out on another network (T-RATE-1)', async () => {
    await guess(40, '198.51.100.66');
    expect(await signInStatus(server, 'ann@example.com', password, '203.0.113.99')).toBe(200);
  });

  it('does not let one network spend the account-wide budget with attempts it is refused anyway', async () => {
    const attacker = apiClient(server.app, { ip: '198.51.100.66' });
    const statuses = await Promise.all(
      Array.from({ length: 110 }, () => attacker.post('/api/v1/session', wrong)),
    );
    expect(statuses.filter((s) => s.status === 401).length).toBeLessThanOrEqual(10);
    expect(await signInStatus(server, 'ann@example.com', password, '203.0.113.99')).toBe(200);
  });

  it('slows guesses per account across networks without locking it (see lockout.test.ts)', async () => {
    // Ten networks, ten guesses each, in parallel: each is checked once, then made to wait.
    for (let n = 0; n < 10; n++) {
      const client = apiClient(server.app, { ip: `198.51.100.${n + 1}` });
      const statuses = await Promise.all(
        Array.from({ length: 10 }, () => client.post('/api/v1/session', wrong)),
      );
      expect(statuses.every((s) => s.status === 401 || s.status === 429)).toBe(true);
    }
    const fresh = apiClient(server.app, { ip: '192.0.2.200' });
    expect((await fresh.post('/api/v1/session', wrong)).status).toBe(401);
    await expectProblem(await fresh.post('/api/v1/session', wrong), 429, 'rate_limited');
  });

  it('counts 40 parallel wrong passwords in full', async () => {
    const client = apiClient(server.app);
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => client.post('/api/v1/session', wrong)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  it('spends an IPv6 /64 as one network (T-RATE-1)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const client = apiClient(server.app, { ip: `2001:db8:1:2::${(i + 1).toString(16)}` });
      statuses.push((await client.post('/api/v1/session', wrong)).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(await signInStatus(server, 'ann@example.com', password, '2001:db8:1:3::1')).toBe(200);
  });

  it('does not let case or spacing of the address open a new counter', async () => {
    const spellings = ['ann@example.com', 'ANN@example.com', ' Ann@Example.COM ', 'ann@EXAMPLE.com'];
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const email = spellings[i % spellings.length]!;
      statuses.push(
        (await apiClient(server.app).post('/api/v1/session', { email, password: 'nope nope' })).status,
      );
    }
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('limits password confirmation (sudo) too (T-RATE-4)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await owner.post('/api/v1/me/confirm-password', { password: 'wrong guess!' })).status);
    }
    expect(statuses).toEqual(Array(10).fill(403));
    const locked = await owner.post('/api/v1/me/confirm-password', { password });
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
    await expectProblem(locked, 429, 'rate_limited');
    expect((await owner.post('/api/v1/me/sessions/revoke-others')).status).toBe(403);
  });

  it('shares the confirmation limit with password changes, which check the current one', async () => {
    for (let i = 0; i < 10; i++) {
      await owner.post('/api/v1/me/confirm-password', { password: 'wrong guess!' });
    }
    const change = await owner.post('/api/v1/me/password', {
      currentPassword: password,
      newPassword: 'a brand new passphrase',
    });
    await expectProblem(change, 429, 'rate_limited');
  });

  it.each([
    ['a confirmation', { path: '/api/v1/me/confirm-password', body: { password } }],
    [
      'a password change',
      {
        path: '/api/v1/me/password',
        body: { currentPassword: password, newPassword: 'a brand new passphrase' },
      },
    ],
  ])('clears the wrong confirmations once %s with the right password succeeds', async (_, right) => {
    for (let i = 0; i < 9; i++) {
      await owner.post('/api/v1/me/confirm-password', { password: 'wrong guess!' });
    }
    expect((await owner.post(right.path, right.body)).ok).toBe(true);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await owner.post('/api/v1/me/confirm-password', { password: 'wrong guess!' })).status);
    }
    expect(statuses).toEqual(Array(10).fill(403));
  });

  it('counts 20 parallel wrong confirmations in full', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        owner.post('/api/v1/me/confirm-password', { password: 'wrong guess!' }),
      ),
    );
    expect(answers.filter((a) => a.status === 403).length).toBeLessThanOrEqual(10);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(10);
  });
});
