import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'twostep-config-'));

describe('loadConfig', () => {
  it('runs embedded by default: SQLite in the data folder, a generated key, no outbox unless asked', () => {
    const dir = dataDir();
    const config = loadConfig({ TWOSTEP_DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe(`sqlite:${join(dir, 'twostep.db')}`);
    expect(config.devOutbox).toBe(false);
    expect(config.secretKey).toHaveLength(32);
    expect(loadConfig({ TWOSTEP_DATA_DIR: dir }).secretKey).toEqual(config.secretKey);
    expect(readFileSync(join(dir, 'secret.key'), 'utf8')).toHaveLength(43);
  });

  it('names the variable and the rule when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ TWOSTEP_DATABASE_URL: 'mysql://x' })).toThrow(
      /TWOSTEP_DATABASE_URL: must start with/,
    );
    expect(() => loadConfig({ TWOSTEP_SECRET_KEY: 'short' })).toThrow(/TWOSTEP_SECRET_KEY/);
  });

  it('refuses to start in production without a secret key or with the development outbox', () => {
    const key = 'a'.repeat(64);
    expect(() => loadConfig({ NODE_ENV: 'production', TWOSTEP_SMTP_URL: 'smtp://mail' })).toThrow(
      /TWOSTEP_SECRET_KEY is required/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', TWOSTEP_SECRET_KEY: key })).toThrow(
      /TWOSTEP_SMTP_URL is required/,
    );
    expect(() =>
      loadConfig({ NODE_ENV: 'production', TWOSTEP_SECRET_KEY: key, TWOSTEP_SMTP_URL: 'smtp://mail:25' }),
    ).toThrow(/TWOSTEP_SMS_PROVIDER must be twilio or webhook in production/);
    const config = loadConfig({
      NODE_ENV: 'production',
      TWOSTEP_SECRET_KEY: key,
      TWOSTEP_SMTP_URL: 'smtp://mail:25',
      TWOSTEP_SMS_PROVIDER: 'webhook',
      TWOSTEP_SMS_WEBHOOK_URL: 'https://sms.example.com/send',
      TWOSTEP_SMS_WEBHOOK_SECRET: 's'.repeat(32),
    });
    expect(config.devOutbox).toBe(false);
  });

  it('reads the phone provider and the allowed countries', () => {
    const twilio = loadConfig({
      TWOSTEP_DATA_DIR: dataDir(),
      TWOSTEP_SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'token',
      TWILIO_FROM: '+15005550006',
      TWOSTEP_PHONE_COUNTRIES: 'nl, BE,se',
    });
    expect(twilio.phone).toMatchObject({ provider: 'twilio', from: '+15005550006' });
    expect(twilio.phoneCountries).toEqual(['NL', 'BE', 'SE']);
    expect(loadConfig({ TWOSTEP_DATA_DIR: dataDir() }).phoneCountries).toBeNull();
    expect(() => loadConfig({ TWOSTEP_SMS_PROVIDER: 'twilio' })).toThrow(/TWILIO_ACCOUNT_SID/);
    expect(() => loadConfig({ TWOSTEP_PHONE_COUNTRIES: 'Netherlands' })).toThrow(/TWOSTEP_PHONE_COUNTRIES/);
  });
});

describe('TWOSTEP_TRUSTED_PROXIES', () => {
  it('takes addresses and CIDR ranges of either family', () => {
    const config = loadConfig({
      TWOSTEP_DATA_DIR: dataDir(),
      TWOSTEP_TRUSTED_PROXIES: ' 127.0.0.1, 10.0.0.0/8 ,fd00::/8,::1',
    });
    expect(config.trustedProxies).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', '::1']);
  });

  it.each(['localhost', '10.0.0.0/33', '10.0.0.300', 'fd00::/129', '10.0.0.0/8/8', '10.0.0.0/'])(
    'refuses %s, naming the variable',
    (entry) => {
      expect(() => loadConfig({ TWOSTEP_TRUSTED_PROXIES: `127.0.0.1,${entry}` })).toThrow(
        /TWOSTEP_TRUSTED_PROXIES: .*is not an IP address or CIDR range/,
      );
    },
  );
});
