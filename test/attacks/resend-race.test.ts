import { afterEach, describe, expect, it } from 'vitest';
import { apiClient } from '../support/client.js';
import { outbox, userWithPhone } from '../support/code-methods.js';
import { storeKinds } from '../support/databases.js';
import { testServer } from '../support/test-server.js';
import { password, signUpAndIn } from '../support/two-factor.js';

type Server = Awaited<ReturnType<typeof testServer>>;
const kinds = await storeKinds();

/**
 * The resend cool-down used to be a read, then a write: twenty "Send again" at once could all
 * read "nothing sent lately" and all send (SMS pumping on one click). Now one conditional upsert
 * decides, on SQLite and on PostgreSQL alike.
 */
describe.each(kinds)('20 parallel resends on %s', (kind) => {
  let server: Server;
  afterEach(() => server?.close());

  it('send exactly one code during set-up', async () => {
    server = await testServer({ kind });
    const client = await signUpAndIn(server);
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    const created = await client.post('/api/v1/me/methods', { type: 'sms', phone: '+31612345678' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    server.clock.advance(30_000);
    const before = (await outbox(server)).length;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => client.post(`/api/v1/me/methods/${id}/resend`)),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 202).every((s) => s === 429)).toBe(true);
    expect((await outbox(server)).length - before).toBe(1);
  });

  it('send exactly one code at the second step', async () => {
    server = await testServer({ kind });
    const { smsId } = await userWithPhone(server);
    const pending = apiClient(server.app);
    expect((await pending.post('/api/v1/session', { email: 'ann@example.com', password })).status).toBe(200);
    const before = (await outbox(server)).length;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        pending.post('/api/v1/session/second-factor/send', { methodId: smsId }),
      ),
    );
    expect(answers.filter((a) => a.status === 202)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(19);
    expect((await outbox(server)).length - before).toBe(1);
  });
});
