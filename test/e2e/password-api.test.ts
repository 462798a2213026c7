import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  anotherDevice,
  expectProblem,
  outbox,
  password,
  type Server,
  signedInUser,
  signInStatus,
  tokenOf,
  withToken,
} from '../attacks/fixtures.js';
import { apiClient } from '../support/client.js';
import { testServer } from '../support/test-server.js';

const signUp = (server: Server, pw: string, email = 'ann@example.com') =>
  apiClient(server.app).post('/api/v1/accounts', { email, password: pw });

describe('password rules (T-SECRET-4)', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('counts length in code points: 7 emoji are too short, 8 are enough', async () => {
    await expectProblem(await signUp(server, '🐢🦊🐙🦉🐝🦀🐳'), 422, 'password_too_short');
    expect((await signUp(server, '🐢🦊🐙🦉🐝🦀🐳🦔')).status).toBe(201);
    expect(await signInStatus(server, 'ann@example.com', '🐢🦊🐙🦉🐝🦀🐳🦔')).toBe(200);
  });

  it('counts a decomposed accent as one character', async () => {
    const sevenDecomposed = 'e\u0301'.repeat(7);
    await expectProblem(await signUp(server, sevenDecomposed), 422, 'password_too_short');
  });

  it('accepts 64 and 256 characters, refuses 257', async () => {
    const long = (n: number) => 'wind over the quiet fjord, '.repeat(20).slice(0, n);
    expect((await signUp(server, long(64), 'a64@example.com')).status).toBe(201);
    expect((await signUp(server, long(256), 'a256@example.com')).status).toBe(201);
    await expectProblem(await signUp(server, long(257), 'a257@example.com'), 422, 'password_too_long');
    expect(await signInStatus(server, 'a256@example.com', long(256))).toBe(200);
    expect(await signInStatus(server, 'a256@example.com', long(255))).toBe(401);
  });

  it('tells apart passwords equal in the first 72 bytes (the bcrypt trap)', async () => {
    const head = 'the very same opening words, '.padEnd(72, '~');
    const first = `${head} one ending`;
    const second = `${head} another ending`;
    expect(Buffer.byteLength(head)).toBe(72);
    expect((await signUp(server, first)).status).toBe(201);
    expect(await signInStatus(server, 'ann@example.com', second)).toBe(401);
    expect(await signInStatus(server, 'ann@example.com', first)).toBe(200);
  });

  it('signs in with "café" typed composed or decomposed (NFKC)', async () => {
    const composed = 'caf\u00e9 au lait le matin';
    const decomposed = 'cafe\u0301 au lait le matin';
    expect(composed).not.toBe(decomposed);
    expect((await signUp(server, composed)).status).toBe(201);
    expect(await signInStatus(server, 'ann@example.com', decomposed)).toBe(200);
    expect(await signInStatus(server, 'ann@example.com', composed)).toBe(200);
  });

  it('keeps case and spaces as typed: no folding, no trimming', async () => {
    const spaced = ' Sea Glass On The Shore ';
    expect((await signUp(server, spaced)).status).toBe(201);
    expect(await signInStatus(server, 'ann@example.com', spaced)).toBe(200);
    expect(await signInStatus(server, 'ann@example.com', spaced.trim())).toBe(401);
    expect(await signInStatus(server, 'ann@example.com', spaced.toLowerCase())).toBe(401);
  });

  it('refuses common passwords in any case', async () => {
    for (const common of ['password123', 'PASSWORD123', 'qwertyuiop', 'iloveyou1']) {
      await expectProblem(await signUp(server, common), 422, 'password_too_common');
    }
    expect(await signInStatus(server, 'ann@example.com', 'password123')).toBe(401);
  });
});

describe('changing the password', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  const change = { currentPassword: password, newPassword: 'a brand new passphrase' };

  it('needs the current password: a wrong one gets 403 and changes nothing', async () => {
    const laptop = await signedInUser(server);
    const token = tokenOf(laptop);
    const answer = await laptop.post('/api/v1/me/password', {
      ...change,
      currentPassword: 'not my password',
    });
    await expectProblem(answer, 403, 'wrong_password');
    expect(tokenOf(laptop)).toBe(token);
    expect(await signInStatus(server, 'ann@example.com', password)).toBe(200);
    expect(await signInStatus(server, 'ann@example.com', change.newPassword)).toBe(401);
    expect((await outbox(server)).map((m) => m.subject)).not.toContain('Your password was changed');
  });

  it('refuses a common new password and changes nothing', async () => {
    const laptop = await signedInUser(server);
    const phone = await anotherDevice(server);
    const answer = await laptop.post('/api/v1/me/password', { ...change, newPassword: 'password123' });
    await expectProblem(answer, 422, 'password_too_common');
    expect((await phone.get('/api/v1/me')).status).toBe(200);
    expect(await signInStatus(server, 'ann@example.com', password)).toBe(200);
  });

  it('ends the other sessions and keeps this one with a new token (T-SESSION-6)', async () => {
    const laptop = await signedInUser(server);
    const phone = await anotherDevice(server);
    const before = tokenOf(laptop);
    expect((await laptop.post('/api/v1/me/password', change)).status).toBe(204);
    expect(tokenOf(laptop)).not.toBe(before);
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
    expect((await withToken(server, before)).status).toBe(401);
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    expect(await signInStatus(server, 'ann@example.com', password)).toBe(401);
    expect(await signInStatus(server, 'ann@example.com', change.newPassword)).toBe(200);
  });

  it('sends a "Your password was changed" e-mail (T-LOG-3)', async () => {
    const laptop = await signedInUser(server);
    await laptop.post('/api/v1/me/password', change);
    const mail = (await outbox(server)).find((m) => m.subject === 'Your password was changed');
    expect(mail).toMatchObject({ to: 'ann@example.com' });
    expect(mail?.text).not.toContain(change.newPassword);
    expect(mail?.text).not.toContain(password);
  });

  it('is refused to a signed-out client', async () => {
    const laptop = await signedInUser(server);
    await laptop.delete('/api/v1/session');
    await expectProblem(await laptop.post('/api/v1/me/password', change), 401, 'not_signed_in');
    expect(await signInStatus(server, 'ann@example.com', password)).toBe(200);
  });

  it('never writes a password into the log', async () => {
    const laptop = await signedInUser(server);
    await laptop.post('/api/v1/me/password', change);
    await laptop.post('/api/v1/session', { email: 'ann@example.com', password: 'a wrong guess here' });
    const log = server.logLines.join('\n');
    for (const secret of [password, change.newPassword, 'a wrong guess here'])
      expect(log).not.toContain(secret);
  });
});
