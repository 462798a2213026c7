import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { apiClient } from '../support/client.js';
import { type TestServer, testServer } from '../support/test-server.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'twostep-outbox-'));
const twilio = {
  TWOSTEP_SMS_PROVIDER: 'twilio',
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'token',
  TWILIO_FROM: '+15005550006',
};

describe('the development outbox', () => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());

  it('is off unless TWOSTEP_DEV_OUTBOX=1 is set', () => {
    expect(loadConfig({ TWOSTEP_DATA_DIR: dataDir() }).devOutbox).toBe(false);
    expect(loadConfig({ TWOSTEP_DATA_DIR: dataDir(), TWOSTEP_DEV_OUTBOX: '1' }).devOutbox).toBe(true);
    expect(() => loadConfig({ TWOSTEP_DEV_OUTBOX: 'yes' })).toThrow(/TWOSTEP_DEV_OUTBOX/);
  });

  it('refuses to start next to a real mail or phone transport, naming the variables', () => {
    const outbox = { TWOSTEP_DATA_DIR: dataDir(), TWOSTEP_DEV_OUTBOX: '1' };
    expect(() => loadConfig({ ...outbox, TWOSTEP_SMTP_URL: 'smtp://mail:25' })).toThrow(
      /TWOSTEP_DEV_OUTBOX=1 .*TWOSTEP_SMTP_URL/,
    );
    expect(() => loadConfig({ ...outbox, ...twilio })).toThrow(/TWOSTEP_DEV_OUTBOX=1 .*TWOSTEP_SMS_PROVIDER/);
  });

  it('is never on in production', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', TWOSTEP_SECRET_KEY: 'a'.repeat(64), TWOSTEP_DEV_OUTBOX: '1' }),
    ).toThrow(/TWOSTEP_DEV_OUTBOX/);
  });

  it('without it and without SMTP, the server says at start what is missing and shows no outbox', async () => {
    server = await testServer({ env: { TWOSTEP_DEV_OUTBOX: '0' } });
    expect((await apiClient(server.app).get('/dev/outbox.json')).status).toBe(404);
    const warning = server.logLines.map((line) => JSON.parse(line)).find((entry) => entry.level === 40);
    expect(warning?.msg).toMatch(/TWOSTEP_SMTP_URL/);
    expect(warning?.msg).toMatch(/TWOSTEP_SMS_PROVIDER/);
    expect(warning?.msg).toMatch(/TWOSTEP_DEV_OUTBOX=1/);
  });

  it('stays on for the test servers, which read the codes they send from it', async () => {
    server = await testServer();
    expect((await apiClient(server.app).get('/dev/outbox.json')).status).toBe(200);
  });
});
