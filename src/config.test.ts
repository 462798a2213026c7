import { spawn } from 'node:child_process';
import { once } from 'node:events';
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

/** A value the variable must refuse, with the message naming the variable and the rule. */
const refuses = (name: string, value: string, rule: RegExp) =>
  expect(() => loadConfig({ TWOSTEP_DATA_DIR: dataDir(), [name]: value })).toThrow(
    new RegExp(`${name}: ${rule.source}`),
  );

describe('each variable is checked for what it is used for', () => {
  it('TWOSTEP_ISSUER: no colon, which separates issuer from account in the authenticator label', () => {
    refuses('TWOSTEP_ISSUER', 'Acme: Login', /must not contain ":"/);
  });

  it('TWOSTEP_ISSUER: printable, without control characters or surrounding spaces, at most 64 characters', () => {
    refuses('TWOSTEP_ISSUER', 'Acme\u0007', /must be printable/);
    refuses('TWOSTEP_ISSUER', ' Acme', /must not start or end with a space/);
    refuses('TWOSTEP_ISSUER', 'A'.repeat(65), /must be at most 64 characters/);
    expect(loadConfig({ TWOSTEP_DATA_DIR: dataDir(), TWOSTEP_ISSUER: 'Mail-IT-Wize Båt & Co' }).issuer).toBe(
      'Mail-IT-Wize Båt & Co',
    );
  });

  it('numbers are whole, written as digits, and in range', () => {
    refuses('PORT', '', /must be a whole number from 0 to 65535/);
    refuses('PORT', '1e3', /must be a whole number/);
    refuses('PORT', '65536', /must be a whole number from 0 to 65535/);
    refuses('TWOSTEP_SESSION_IDLE_MINUTES', '0', /must be a whole number from 1/);
    refuses('TWOSTEP_SESSION_MAX_HOURS', '100000', /must be a whole number from 1 to 8760/);
    refuses('TWOSTEP_SUDO_MINUTES', '16', /must be a whole number from 1 to 15/);
    refuses('TWOSTEP_REMEMBER_DEVICE_DAYS', '-1', /must be a whole number from 0 to 365/);
    refuses('TWOSTEP_2FA_RESET_DELAY_HOURS', '721', /must be a whole number from 0 to 720/);
    expect(loadConfig({ TWOSTEP_DATA_DIR: dataDir(), PORT: ' 8080 ' }).port).toBe(8080);
  });

  it('TWOSTEP_SESSION_IDLE_MINUTES: not longer than the session itself', () => {
    expect(() =>
      loadConfig({ TWOSTEP_SESSION_IDLE_MINUTES: '1500', TWOSTEP_SESSION_MAX_HOURS: '24' }),
    ).toThrow(/TWOSTEP_SESSION_IDLE_MINUTES: must not exceed TWOSTEP_SESSION_MAX_HOURS/);
  });

  it('TWOSTEP_PUBLIC_URL: http(s), an origin only, since pages, cookies and links live at its root', () => {
    refuses('TWOSTEP_PUBLIC_URL', 'ftp://id.example.com', /must be an http:\/\/ or https:\/\/ URL/);
    refuses('TWOSTEP_PUBLIC_URL', 'https://example.com/auth', /must have no path, query or fragment/);
    refuses('TWOSTEP_PUBLIC_URL', 'https://example.com/?a=1', /must have no path, query or fragment/);
    refuses('TWOSTEP_PUBLIC_URL', 'https://user:pw@example.com', /must not contain a user name or password/);
    expect(
      loadConfig({ TWOSTEP_DATA_DIR: dataDir(), TWOSTEP_PUBLIC_URL: 'https://id.example.com/' }).publicUrl,
    ).toBe('https://id.example.com');
  });

  it('provider URLs: http(s), no credentials or fragment; a path is allowed', () => {
    refuses('TWOSTEP_SMS_WEBHOOK_URL', 'file:///etc/passwd', /must be an http:\/\/ or https:\/\/ URL/);
    refuses('TWILIO_BASE_URL', 'https://a:b@twilio.example', /must not contain a user name or password/);
    refuses('TWILIO_BASE_URL', 'https://twilio.example/?x=1', /must have no query or fragment/);
  });

  it('TWOSTEP_DATABASE_URL: a PostgreSQL URL with a host, or sqlite: with a path', () => {
    refuses('TWOSTEP_DATABASE_URL', 'postgres://', /must name a host/);
    refuses('TWOSTEP_DATABASE_URL', 'sqlite:', /must name a file/);
  });

  it('TWOSTEP_SMTP_URL: smtp:// or smtps:// with a host and a valid port', () => {
    refuses('TWOSTEP_SMTP_URL', 'smtp://', /must name a host/);
    refuses('TWOSTEP_SMTP_URL', 'smtp://mail:99999', /must be an smtp:\/\/ or smtps:\/\/ URL/);
  });

  it('TWOSTEP_MAIL_FROM: one parseable address, with an optional name, on one line', () => {
    refuses('TWOSTEP_MAIL_FROM', 'no-reply', /must be an e-mail address/);
    refuses('TWOSTEP_MAIL_FROM', 'Acme <no-reply@example.com', /must be an e-mail address/);
    refuses('TWOSTEP_MAIL_FROM', 'a@example.com, b@example.com', /must be an e-mail address/);
    refuses('TWOSTEP_MAIL_FROM', 'Acme <a@example.com>\r\nBcc: x@evil.example', /must be an e-mail address/);
    for (const from of [
      'no-reply@example.com',
      'Acme Login <no-reply@example.com>',
      '"Acme, Inc." <a@b.example>',
    ]) {
      expect(loadConfig({ TWOSTEP_DATA_DIR: dataDir(), TWOSTEP_MAIL_FROM: from }).mailFrom).toBe(from);
    }
  });

  it('Twilio: an AC… account SID, and senders as E.164 numbers or a Messaging Service', () => {
    refuses('TWILIO_ACCOUNT_SID', 'my-account', /must be AC followed by 32 hex digits/);
    refuses('TWILIO_FROM', '0612345678', /must be an E\.164 number \(\+…\) or a Messaging Service SID/);
    refuses('TWILIO_VOICE_FROM', 'MG0123', /must be an E\.164 number/);
  });

  it('TWOSTEP_PHONE_COUNTRIES: real ISO 3166 codes', () => {
    refuses('TWOSTEP_PHONE_COUNTRIES', 'NL,XX', /"XX" is not a country code/);
  });

  it('TWOSTEP_REMINDER_DAYS: each from 1 to 365', () => {
    refuses('TWOSTEP_REMINDER_DAYS', '30,0', /each must be from 1 to 365/);
    refuses('TWOSTEP_REMINDER_DAYS', '400', /each must be from 1 to 365/);
  });

  it('refuses an issuer with a colon at start: the server exits with the reason before listening', async () => {
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: join(import.meta.dirname, '..'),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: '0',
        TWOSTEP_DATA_DIR: dataDir(),
        TWOSTEP_ISSUER: 'Acme: Login',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += String(chunk);
    });
    server.stderr.on('data', (chunk) => {
      output += String(chunk);
    });
    // A server that starts anyway is stopped after a while, so the test fails instead of hanging.
    const deadline = setTimeout(() => server.kill('SIGKILL'), 60_000);
    const [code] = (await once(server, 'close')) as [number | null];
    clearTimeout(deadline);
    expect(output).toMatch(/TWOSTEP_ISSUER: must not contain ":"/);
    expect(output).not.toContain('listening');
    expect(code).toBe(2);
  }, 90_000);
});
