import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { rotateSecretKeys } from '../../src/app/two-factor/rotate-keys.js';
import { testServer } from '../support/test-server.js';
import { pendingSignIn, userWithTotp } from '../support/two-factor.js';

const key = () => randomBytes(32).toString('base64url');

it('re-seals TOTP keys under a new master key; authenticators and old recovery codes keep working', async () => {
  const databaseUrl = `sqlite:${join(mkdtempSync(join(tmpdir(), 'twostep-rotate-')), 'db.sqlite')}`;
  const oldKey = key();
  const first = await testServer({ databaseUrl, env: { TWOSTEP_SECRET_KEY: oldKey } });
  const { app, recoveryCodes } = await userWithTotp(first);
  const sealed = async (server: typeof first) =>
    (await server.db.selectFrom('two_factor_methods').select('secret_sealed').executeTakeFirstOrThrow())
      .secret_sealed!;
  const before = await sealed(first);
  await first.close();

  // The operator sets a new key and moves the old one to TWOSTEP_PREVIOUS_SECRET_KEYS.
  const second = await testServer({
    databaseUrl,
    env: { TWOSTEP_SECRET_KEY: key(), TWOSTEP_PREVIOUS_SECRET_KEYS: oldKey },
  });
  second.clock.set(new Date(Date.parse('2026-11-23T09:00:00Z') + 60_000));
  expect(await rotateSecretKeys(second.deps)).toEqual({ resealed: 1, total: 1 });
  expect(await rotateSecretKeys(second.deps)).toEqual({ resealed: 0, total: 1 });
  const after = await sealed(second);
  expect(after.split('.')[1]).not.toBe(before.split('.')[1]);

  const code = app.code();
  const totp = await pendingSignIn(second);
  expect((await totp.client.post('/api/v1/session/second-factor', { type: 'totp', code })).status).toBe(200);
  const recovery = await pendingSignIn(second);
  const answer = await recovery.client.post('/api/v1/session/second-factor', {
    type: 'recovery_code',
    code: recoveryCodes[0],
  });
  expect(answer.status).toBe(200);
  await second.close();
});
