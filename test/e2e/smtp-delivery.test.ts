import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../support/client.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { origin, testServer } from '../support/test-server.js';

const email = 'astrid@example.se';
const password = 'norrsken över fjällen';

describe('e-mail over a real SMTP server', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let server: Awaited<ReturnType<typeof testServer>>;
  beforeEach(async () => {
    sink = await startSmtpSink();
    // SMS through a provider too: the outbox stays on while either channel still uses it.
    server = await testServer({
      env: {
        TWOSTEP_SMTP_URL: sink.url,
        TWOSTEP_SMS_PROVIDER: 'webhook',
        TWOSTEP_SMS_WEBHOOK_URL: 'http://127.0.0.1:9/sms',
        TWOSTEP_SMS_WEBHOOK_SECRET: 'w'.repeat(32),
      },
    });
  });
  afterEach(async () => {
    await server.close();
    await sink.close();
  });

  it('mails a reset link in the language the account was made in, and the link works', async () => {
    const swedish = { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' };
    const phone = apiClient(server.app);
    expect((await phone.post('/api/v1/accounts', { email, password }, swedish)).status).toBe(201);
    expect((await phone.post('/api/v1/session', { email, password }, swedish)).status).toBe(200);
    // Sign-up mails only the link that proves the address, in the language of the sign-up.
    expect(sink.messages.map((m) => [m.to, m.subject])).toEqual([
      [[email], 'Bekräfta din e-postadress för Twostep'],
    ]);
    sink.messages.length = 0;

    // Asked for from an English browser: the mail still follows the account, not the request.
    const laptop = apiClient(server.app, { ip: '198.51.100.7' });
    const asked = await laptop.post('/api/v1/password-reset', { email }, { 'accept-language': 'en-US' });
    expect(asked.status).toBe(202);

    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0]!;
    expect(mail.to).toEqual([email]);
    expect(mail.from).toBe('Twostep <no-reply@localhost>');
    expect(mail.subject).toBe('Återställ ditt lösenord');
    expect(mail.text).toContain(`Någon har begärt att lösenordet för ${email} ska återställas.`);
    const link = new RegExp(`${origin}/reset-password\\?token=([A-Za-z0-9_-]{43})`);
    const token = link.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    expect(link.exec(mail.html)?.[1]).toBe(token);

    const newPassword = 'midnattssol vid havet';
    const done = await laptop.post('/api/v1/password-reset/complete', { token, password: newPassword });
    expect(done.status).toBe(204);
    expect(sink.messages.map((m) => [m.to, m.subject])).toEqual([
      [[email], 'Återställ ditt lösenord'],
      [[email], 'Ditt lösenord har återställts'],
    ]);
  });

  it('turns the development outbox off once SMTP is configured', async () => {
    expect((await apiClient(server.app).get('/dev/outbox.json')).status).toBe(404);
    expect((await apiClient(server.app).get('/dev/outbox')).status).toBe(404);
  });
});
