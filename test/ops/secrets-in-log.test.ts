import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, apiClient } from '../support/client.js';
import { addConfirmedMethod, lastCodeTo, outbox } from '../support/code-methods.js';
import { staffClient, userId } from '../support/staff.js';
import { type TestServer, testServer } from '../support/test-server.js';
import { password, pendingSignIn, userWithTotp } from '../support/two-factor.js';

const email = 'ann@example.com';
const backup = 'ann.backup@example.org';
const newPassword = 'a brand new passphrase 5521';

/**
 * Every token and code the server sent, read from the outbox as the user would: the long random
 * parts of each link, and each 6–8 digit code (also when spoken digit by digit).
 */
async function secretsInOutbox(server: TestServer): Promise<string[]> {
  const found: string[] = [];
  for (const message of await outbox(server)) {
    for (const link of message.text.match(/https?:\/\/\S+/g) ?? []) {
      found.push(...link.split(/[/?&=#]/).filter((part) => part.length >= 20 && !/^[a-z-]+$/.test(part)));
    }
    found.push(...(message.text.replace(/(\d), (?=\d)/g, '$1').match(/\b\d{6,8}\b/g) ?? []));
  }
  return found;
}

/** The log as text, without the numbers pino adds itself, where a 6-digit code could turn up by chance. */
function logText(server: TestServer): string {
  return server.logLines.join('').replace(/"(time|pid|ms)":[\d.]+/g, '');
}

describe('the log holds no secret the server issued', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('after sign-up, TOTP and e-mail-code sign-ins, a password reset and a 2FA-reset cancel link', async () => {
    const secrets: string[] = [password, newPassword];
    const clients: ApiClient[] = [];

    const ann = await userWithTotp(server, email);
    clients.push(ann.client);
    secrets.push(ann.secret, ...ann.recoveryCodes);
    const emailMethod = await addConfirmedMethod(
      server,
      ann.client,
      { type: 'email', address: backup },
      backup,
    );

    // Sign-in with the authenticator app.
    server.clock.advance(30_000);
    const viaTotp = await pendingSignIn(server, email);
    clients.push(viaTotp.client);
    const totpCode = ann.app.code();
    secrets.push(totpCode);
    const totpAnswer = await viaTotp.client.post('/api/v1/session/second-factor', {
      type: 'totp',
      code: totpCode,
    });
    expect(totpAnswer.status).toBe(200);

    // Sign-in with a code sent by e-mail.
    const viaMail = await pendingSignIn(server, email);
    clients.push(viaMail.client);
    const sent = await viaMail.client.post('/api/v1/session/second-factor/send', {
      methodId: emailMethod.id,
    });
    expect(sent.status).toBe(202);
    const mailedCode = await lastCodeTo(server, backup);
    const mailAnswer = await viaMail.client.post('/api/v1/session/second-factor', {
      type: 'email',
      methodId: emailMethod.id,
      code: mailedCode,
    });
    expect(mailAnswer.status).toBe(200);

    // A support reset of her 2FA, and the cancel link from the notice: opened, then used.
    const support = await staffClient(server, 'support');
    clients.push(support);
    const reason = 'Lost her phone; identity checked by a video call';
    const resetAsked = await support.post(
      `/api/v1/admin/users/${await userId(server, email)}/two-factor-reset`,
      {
        reason,
      },
    );
    expect(resetAsked.status).toBe(202);
    const notice = (await outbox(server)).find(
      (m) => m.to === email && /two-factor-reset\/cancel\//.test(m.text),
    );
    const cancelToken = notice?.text.match(/\/two-factor-reset\/cancel\/([A-Za-z0-9_-]+)/)?.[1];
    expect(cancelToken).toBeDefined();
    const reader = apiClient(server.app, { browser: true });
    clients.push(reader);
    expect((await reader.get(`/two-factor-reset/cancel/${cancelToken}`)).status).toBe(200);
    expect((await reader.post('/api/v1/two-factor-reset/cancel', { token: cancelToken })).status).toBe(204);

    // A password reset: the link opened in a browser, then completed.
    expect((await reader.post('/api/v1/password-reset', { email })).status).toBe(202);
    const resetMail = (await outbox(server)).find((m) => m.subject === 'Reset your password');
    const resetToken = resetMail?.text.match(/reset-password\?token=([A-Za-z0-9_-]+)/)?.[1];
    expect(resetToken).toBeDefined();
    expect((await reader.get(`/reset-password?token=${resetToken}`)).status).toBe(200);
    const completed = await reader.post('/api/v1/password-reset/complete', {
      token: resetToken,
      password: newPassword,
    });
    expect(completed.status).toBe(204);

    secrets.push(...(await secretsInOutbox(server)));
    for (const client of clients) secrets.push(...client.jar.values());
    expect(secrets).toContain(cancelToken);
    expect(secrets).toContain(resetToken);
    expect(secrets).toContain(mailedCode);

    const log = logText(server);
    const leaked = [...new Set(secrets)].filter((secret) => log.includes(secret));
    expect(leaked).toEqual([]);
    // Each request is still there, by its route pattern.
    const routes = server.logLines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request');
    expect(routes).toContainEqual(
      expect.objectContaining({ method: 'GET', route: '/two-factor-reset/cancel/:token', status: 200 }),
    );
    expect(routes).toContainEqual(
      expect.objectContaining({
        method: 'POST',
        route: '/api/v1/admin/users/:id/two-factor-reset',
        status: 202,
      }),
    );
  });
});
