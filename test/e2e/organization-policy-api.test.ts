import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectProblem } from '../attacks/fixtures.js';
import type { ApiClient } from '../support/client.js';
import { putPolicy } from '../support/policy.js';
import { type TestServer, testServer } from '../support/test-server.js';
import { password, signUpAndIn } from '../support/two-factor.js';

const policy = {
  requiredFrom: '2027-01-15T09:00',
  timeZone: 'Europe/Stockholm',
  allowedMethods: ['sms', 'totp'],
  backupRequired: true,
  maxRememberDeviceDays: 7,
  sudoMinutes: 5,
};

describe('PUT /api/v1/organizations/{id}/policy', () => {
  let server: TestServer;
  let owner: ApiClient;
  let admin: ApiClient;
  let member: ApiClient;
  let outsider: ApiClient;
  let orgId: string;

  beforeEach(async () => {
    server = await testServer();
    owner = await signUpAndIn(server, 'owner@example.com');
    admin = await signUpAndIn(server, 'admin@example.com');
    member = await signUpAndIn(server, 'member@example.com');
    outsider = await signUpAndIn(server, 'outsider@example.com');
    const created = await owner.post('/api/v1/organizations', { name: 'Acme' });
    expect(created.status).toBe(201);
    orgId = ((await created.json()) as { id: string }).id;
    const { store } = server.deps;
    for (const [email, role] of [
      ['admin@example.com', 'admin'],
      ['member@example.com', 'member'],
    ] as const) {
      const user = await store.users.findByEmail(email);
      await store.organizations.addMember({
        organizationId: orgId,
        userId: user!.id,
        role,
        joinedAt: server.clock.now(),
      });
    }
    for (const client of [owner, admin, member, outsider])
      expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
  });
  afterEach(() => server.close());

  it('lets owners and admins set it, stores the instant, and gives the local time back', async () => {
    const saved = await admin.put(`/api/v1/organizations/${orgId}/policy`, policy);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({
      scope: orgId,
      requiredFrom: '2027-01-15T08:00:00.000Z',
      requiredFromLocal: '2027-01-15T09:00',
      timeZone: 'Europe/Stockholm',
      allowedMethods: ['totp', 'sms'],
      backupRequired: true,
      recoveryCodesCountAsBackup: true,
    });
    expect(
      (await owner.put(`/api/v1/organizations/${orgId}/policy`, { ...policy, sudoMinutes: 3 })).status,
    ).toBe(200);
    const read = (await (await member.get(`/api/v1/organizations/${orgId}/policy`)).json()) as {
      policy: { sudoMinutes: number };
    };
    expect(read.policy.sudoMinutes).toBe(3);
  });

  it('refuses a plain member (403), someone outside (404, as for no organization) and no sudo', async () => {
    await expectProblem(await member.put(`/api/v1/organizations/${orgId}/policy`, policy), 403, 'forbidden');
    await expectProblem(
      await outsider.put(`/api/v1/organizations/${orgId}/policy`, policy),
      404,
      'not_found',
    );
    await expectProblem(await outsider.put('/api/v1/organizations/unknown/policy', policy), 404, 'not_found');
    await expectProblem(await outsider.get(`/api/v1/organizations/${orgId}/policy`), 404, 'not_found');
    server.clock.advance(11 * 60_000);
    await expectProblem(
      await admin.put(`/api/v1/organizations/${orgId}/policy`, policy),
      403,
      'sudo_required',
    );
    const read = (await (await owner.get(`/api/v1/organizations/${orgId}/policy`)).json()) as {
      policy: unknown;
    };
    expect(read.policy).toBeNull();
  });

  it.each([
    [{ ...policy, timeZone: 'Mars/Olympus' }],
    [{ ...policy, requiredFrom: '2027-02-30T09:00' }],
    [{ ...policy, requiredFrom: '2027-01-15' }],
    [{ ...policy, allowedMethods: [] }],
    [{ ...policy, allowedMethods: ['carrier-pigeon'] }],
    [{ ...policy, sudoMinutes: 0 }],
    [{ ...policy, maxRememberDeviceDays: 10_000 }],
    [{ ...policy, backupRequired: 'yes' }],
    [[policy]],
    [null],
  ])('refuses bad input with 400 and stores nothing: %j', async (body) => {
    const answer = await owner.put(`/api/v1/organizations/${orgId}/policy`, body);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(await server.deps.store.policies.findForScopes([orgId])).toEqual([]);
  });

  it('shows each member the strictest rules and who set them', async () => {
    await putPolicy(server, { requiredFrom: '2027-03-01T00:00', timeZone: 'UTC', sudoMinutes: 8 });
    expect((await owner.put(`/api/v1/organizations/${orgId}/policy`, policy)).status).toBe(200);
    const mine = await (await member.get('/api/v1/me/policy')).json();
    expect(mine).toEqual({
      requiredFrom: {
        at: '2027-01-15T08:00:00.000Z',
        timeZone: 'Europe/Stockholm',
        by: [{ scope: 'organization', id: orgId, name: 'Acme' }],
      },
      allowedMethods: { methods: ['totp', 'sms'], by: [{ scope: 'organization', id: orgId, name: 'Acme' }] },
      backupRequired: { by: [{ scope: 'organization', id: orgId, name: 'Acme' }] },
      recoveryCodesCountAsBackup: true,
      maxRememberDeviceDays: { days: 7, by: [{ scope: 'organization', id: orgId, name: 'Acme' }] },
      sudoMinutes: { minutes: 5, by: [{ scope: 'organization', id: orgId, name: 'Acme' }] },
    });
    const outsiders = (await (await outsider.get('/api/v1/me/policy')).json()) as {
      requiredFrom: { by: unknown[] };
      sudoMinutes: { minutes: number };
    };
    expect(outsiders.requiredFrom.by).toEqual([{ scope: 'global' }]);
    expect(outsiders.sudoMinutes.minutes).toBe(8);
  });
});
