import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../support/client.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { testServer } from '../support/test-server.js';

const email = 'ines@example.pt';
const password = 'maré cheia em Lisboa';
const newPassword = 'pôr do sol no Tejo';

describe('e-mail while the mail server is down', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let server: Awaited<ReturnType<typeof testServer>>;
  beforeEach(async () => {
    sink = await startSmtpSink();
    server = await testServer({ env: { TWOSTEP_SMTP_URL: sink.url } });
  });
  afterEach(async () => {
    await server.close();
    await sink.close();
  });

  it('saves a password change, answers 204, and mails the notice once the server is back', async () => {
    const laptop = apiClient(server.app);
    expect((await laptop.post('/api/v1/accounts', { email, password })).status).toBe(201);
    expect((await laptop.post('/api/v1/session', { email, password })).status).toBe(200);
    const port = Number(new URL(sink.url).port);
    await sink.close();

    const changed = await laptop.post('/api/v1/me/password', { currentPassword: password, newPassword });
    expect(changed.status).toBe(204);
    expect(
      (await apiClient(server.app).post('/api/v1/session', { email, password: newPassword })).status,
    ).toBe(200);

    sink = await startSmtpSink({ port });
    // The worker's next round after the first retry wait (30 s) finds the server up again.
    server.clock.advance(30_000);
    await server.delivery.kick();
    expect(sink.messages.map((m) => [m.to, m.subject])).toEqual([[[email], 'Your password was changed']]);
    // Sent once: later rounds find nothing left to send.
    server.clock.advance(60 * 60_000);
    await server.delivery.kick();
    expect(sink.messages).toHaveLength(1);
  });
});
