import { randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { cliWorkspace, runOnBuffers as run, withServerOn } from '../../test/support/cli.js';
import { apiClient } from '../../test/support/client.js';
import { password } from '../../test/support/seed-user.js';

const oldKey = randomBytes(32).toString('hex');
const newKey = randomBytes(32).toString('base64url');

/** The server on this data directory with these keys, for one piece of work, then closed. */
function withApp<T>(env: NodeJS.ProcessEnv, work: (client: ReturnType<typeof apiClient>) => Promise<T>) {
  return withServerOn(env, (server) => work(apiClient(server.app)));
}

describe('twostep keys rotate', () => {
  const cli = cliWorkspace('twostep-keys-');

  it('re-seals authenticator secrets under the new key, once, and the old key can then go', async () => {
    const app = await withApp({ ...cli.env, TWOSTEP_SECRET_KEY: oldKey }, enrolAuthenticator);

    const forgotten = await run(['keys', 'rotate'], { ...cli.env, TWOSTEP_SECRET_KEY: newKey });
    expect(forgotten.code).toBe(1);
    expect(forgotten.stderr).toMatch(
      /^error: Cannot open sealed secret: unknown key id .*TWOSTEP_PREVIOUS_SECRET_KEYS/,
    );

    const rotating = { ...cli.env, TWOSTEP_SECRET_KEY: newKey, TWOSTEP_PREVIOUS_SECRET_KEYS: oldKey };
    expect(await run(['keys', 'rotate'], rotating)).toEqual({
      code: 0,
      stdout: 'Re-sealed 1 of 1 secrets under the current key.\n',
      stderr: '',
    });
    expect((await run(['keys', 'rotate'], rotating)).stdout).toBe(
      'Re-sealed 0 of 1 secrets under the current key.\n',
    );

    // With the old key gone entirely, the authenticator still signs its owner in.
    const signedIn = await withApp({ ...cli.env, TWOSTEP_SECRET_KEY: newKey }, async (client) => {
      const first = await client.post('/api/v1/session', { email: 'ann@example.com', password });
      expect(await first.json()).toMatchObject({ state: 'second_factor' });
      // The next step's code: the confirming code spent this one, and one step of drift is allowed.
      const code = app.generate({ timestamp: Date.now() + 30_000 });
      const second = await client.post('/api/v1/session/second-factor', { type: 'totp', code });
      return { status: second.status, body: await second.json() };
    });
    expect(signedIn).toEqual({ status: 200, body: { state: 'signed_in' } });
  });

  it('explains the procedure in its help and is listed with the other commands', async () => {
    const help = await run(['keys', 'rotate', '--help'], cli.env);
    expect(help.code).toBe(0);
    for (const words of ['TWOSTEP_SECRET_KEY', 'TWOSTEP_PREVIOUS_SECRET_KEYS', 'recovery codes']) {
      expect(help.stdout).toContain(words);
    }
    expect((await run(['--help'], cli.env)).stdout).toContain('keys rotate');
    expect((await run(['keys', '--help'], cli.env)).stdout).toContain('keys rotate');
  });
});

/** Sign-up, sign-in, password confirmation and an authenticator app, as a user would over the API. */
async function enrolAuthenticator(client: ReturnType<typeof apiClient>): Promise<OTPAuth.TOTP> {
  expect((await client.post('/api/v1/accounts', { email: 'ann@example.com', password })).status).toBe(201);
  expect((await client.post('/api/v1/session', { email: 'ann@example.com', password })).status).toBe(200);
  expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
  const added = (await (await client.post('/api/v1/me/methods', { type: 'totp' })).json()) as {
    id: string;
    otpauthUri: string;
  };
  const app = OTPAuth.URI.parse(added.otpauthUri) as OTPAuth.TOTP;
  const confirmed = await client.post(`/api/v1/me/methods/${added.id}/confirm`, { code: app.generate() });
  expect(confirmed.status).toBe(200);
  return app;
}
