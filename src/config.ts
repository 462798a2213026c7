import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { PhoneProviderConfig } from './adapters/phone/choose-phone-sender.js';
import {
  commaList,
  cookieDomain,
  countryList,
  databaseUrl,
  dayList,
  forwardAuthRulesFile,
  hostPatternList,
  httpUrl,
  issuer,
  mailFrom,
  phoneNumber,
  smtpUrl,
  trustedProxyList,
  twilioAccountSid,
  twilioSender,
  wholeNumber,
} from './config-values.js';
import type { AccessRule } from './core/forward-auth/access-rules.js';

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: wholeNumber(0, 65_535).default(3000),
    TWOSTEP_DATA_DIR: z.string().min(1).default('./data'),
    TWOSTEP_DATABASE_URL: databaseUrl.optional(),
    TWOSTEP_PUBLIC_URL: httpUrl('origin').optional(),
    TWOSTEP_SECRET_KEY: z
      .string()
      .regex(
        /^[A-Za-z0-9_-]{43}=?$|^[0-9a-fA-F]{64}$/,
        'must be 32 bytes as base64url (43 characters) or hex (64)',
      )
      .optional(),
    TWOSTEP_PREVIOUS_SECRET_KEYS: z.string().default(''),
    TWOSTEP_ISSUER: issuer.default('Twostep'),
    TWOSTEP_TOTP_ALGORITHM: z.enum(['SHA1', 'SHA256', 'SHA512']).default('SHA1'),
    TWOSTEP_TOTP_DIGITS: z.enum(['6', '8']).default('6'),
    TWOSTEP_MAIL_RECOVERY_CODES: z.enum(['on', 'off']).default('off'),
    TWOSTEP_SMTP_URL: smtpUrl.optional(),
    TWOSTEP_MAIL_FROM: mailFrom.default('Twostep <no-reply@localhost>'),
    TWOSTEP_SMS_PROVIDER: z.enum(['outbox', 'twilio', 'webhook']).default('outbox'),
    TWILIO_ACCOUNT_SID: twilioAccountSid.default(''),
    TWILIO_AUTH_TOKEN: z.string().default(''),
    TWILIO_FROM: twilioSender.default(''),
    TWILIO_VOICE_FROM: phoneNumber.optional(),
    TWILIO_BASE_URL: httpUrl('base').optional(),
    TWOSTEP_SMS_WEBHOOK_URL: httpUrl('endpoint').optional(),
    TWOSTEP_SMS_WEBHOOK_SECRET: z.string().default(''),
    TWOSTEP_PHONE_COUNTRIES: countryList.default(''),
    TWOSTEP_PHONE_ALLOW_HIGH_RISK: z
      .string()
      .regex(
        /^\s*((premium|\+\d{1,3})\s*(,\s*(premium|\+\d{1,3})\s*)*)?$/,
        'must be "premium" and calling codes such as +252, separated by commas',
      )
      .default(''),
    TWOSTEP_SIGNUP: z.enum(['open', 'closed']).default('open'),
    TWOSTEP_TRUSTED_PROXIES: trustedProxyList.default(''),
    TWOSTEP_COOKIE_DOMAIN: cookieDomain.optional(),
    TWOSTEP_FORWARD_AUTH_DOMAINS: hostPatternList.default(''),
    TWOSTEP_FORWARD_AUTH_RULES: z.string().min(1).optional(),
    TWOSTEP_SESSION_IDLE_MINUTES: wholeNumber(1, 43_200).default(60),
    TWOSTEP_SESSION_MAX_HOURS: wholeNumber(1, 8760).default(24),
    TWOSTEP_SUDO_MINUTES: wholeNumber(1, 15).default(10),
    TWOSTEP_REMEMBER_DEVICE_DAYS: wholeNumber(0, 365).default(30),
    TWOSTEP_REMINDER_DAYS: dayList.default('30,7,1'),
    TWOSTEP_2FA_RESET_DELAY_HOURS: wholeNumber(0, 720).default(24),
    TWOSTEP_DEV_OUTBOX: z.enum(['0', '1']).default('0'),
    TWOSTEP_METRICS_PORT: wholeNumber(0, 65_535).optional(),
    TWOSTEP_METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
    TWOSTEP_EVEN_ANSWERS: z.enum(['on', 'off']).default('on'),
    TWOSTEP_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine((e) => e.TWOSTEP_SESSION_IDLE_MINUTES <= e.TWOSTEP_SESSION_MAX_HOURS * 60, {
    path: ['TWOSTEP_SESSION_IDLE_MINUTES'],
    message: 'must not exceed TWOSTEP_SESSION_MAX_HOURS: a session never lasts longer than that',
  });

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  dataDir: string;
  databaseUrl: string;
  publicUrl: string;
  /** 32 bytes; every purpose-specific key is derived from it with HKDF. */
  secretKey: Uint8Array;
  /** Keys used before a rotation: still accepted to open old secrets, never used to seal new ones. */
  previousSecretKeys: Uint8Array[];
  issuer: string;
  mailRecoveryCodes: boolean;
  totp: { algorithm: 'SHA1' | 'SHA256' | 'SHA512'; digits: 6 | 8; period: number };
  smtpUrl: string | null;
  mailFrom: string;
  /** Who carries SMS and calls. */
  phone: PhoneProviderConfig;
  /** ISO 3166 countries whose numbers may receive codes; null: every country. */
  phoneCountries: string[] | null;
  /** `premium` and high-risk calling codes (`+252`) the operator opened for SMS and calls. */
  phoneHighRisk: string[];
  signupOpen: boolean;
  /** Reverse proxies whose X-Forwarded-For is believed: addresses or CIDR ranges, checked at start. */
  trustedProxies: string[];
  /** Host the session cookie is shared with, subdomains included; null: this host only (`__Host-`). */
  cookieDomain: string | null;
  /** Sites behind a proxy that asks GET /auth/verify: where sign-in may send back, and who may pass. */
  forwardAuth: { domains: string[]; rules: AccessRule[] };
  session: { idleMs: number; absoluteMs: number; sudoMs: number; pendingMs: number };
  /** Days a browser may skip the second factor after "Don't ask again"; 0 turns the offer off. */
  rememberDeviceDays: number;
  /** Days before a 2FA deadline on which users without 2FA get a reminder, largest first. */
  reminderDays: number[];
  logLevel: string;
  /** How long a support reset of 2FA waits, so the real user can cancel it. */
  twoFactorResetDelayMs: number;
  /** The development outbox (`TWOSTEP_DEV_OUTBOX=1`) stands in for e-mail, SMS and calls. */
  devOutbox: boolean;
  /** A port of its own for /metrics, for the monitoring network only; null: none. */
  metricsPort: number | null;
  /** Sign-up and reset requests answer no sooner than a fixed floor, so timing tells no account apart. */
  evenAnswers: boolean;
  /** Bearer token that opens /metrics on the main port; null: not served there. */
  metricsToken: string | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks the environment once, at start; a bad value stops the start with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir = resolve(e.TWOSTEP_DATA_DIR);
  if (production && !e.TWOSTEP_SECRET_KEY) {
    throw new ConfigError(
      'TWOSTEP_SECRET_KEY is required in production (32 random bytes, base64url or hex).',
    );
  }
  const devOutbox = e.TWOSTEP_DEV_OUTBOX === '1';
  if (production && devOutbox) {
    throw new ConfigError('TWOSTEP_DEV_OUTBOX=1 is refused in production: the outbox is not a mail server.');
  }
  if (production && !e.TWOSTEP_SMTP_URL) {
    throw new ConfigError(
      'TWOSTEP_SMTP_URL is required in production: the development outbox is not a mail server.',
    );
  }
  const phone = phoneProvider(e);
  const realTransports = [
    ...(e.TWOSTEP_SMTP_URL ? ['TWOSTEP_SMTP_URL'] : []),
    ...(phone.provider === 'outbox' ? [] : ['TWOSTEP_SMS_PROVIDER']),
  ];
  if (devOutbox && realTransports.length > 0) {
    // Half the messages in a page anyone can read and half on their way out is never intended.
    throw new ConfigError(
      `TWOSTEP_DEV_OUTBOX=1 cannot be combined with a real transport: unset ${realTransports.join(' and ')}, or the outbox.`,
    );
  }
  if (production && phone.provider === 'outbox') {
    throw new ConfigError(
      'TWOSTEP_SMS_PROVIDER must be twilio or webhook in production: the development outbox sends no SMS or calls.',
    );
  }
  const phoneCountries = commaList(e.TWOSTEP_PHONE_COUNTRIES).map((c) => c.toUpperCase());
  const publicUrl = (e.TWOSTEP_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    dataDir,
    databaseUrl: e.TWOSTEP_DATABASE_URL ?? `sqlite:${join(dataDir, 'twostep.db')}`,
    publicUrl,
    secretKey: e.TWOSTEP_SECRET_KEY ? decodeKey(e.TWOSTEP_SECRET_KEY) : developmentKey(dataDir),
    previousSecretKeys: e.TWOSTEP_PREVIOUS_SECRET_KEYS.split(',')
      .map((k) => k.trim())
      .filter(Boolean)
      .map((k) => {
        if (!/^[A-Za-z0-9_-]{43}=?$|^[0-9a-fA-F]{64}$/.test(k)) {
          throw new ConfigError(
            'TWOSTEP_PREVIOUS_SECRET_KEYS: each key must be 32 bytes as base64url or hex',
          );
        }
        return decodeKey(k);
      }),
    issuer: e.TWOSTEP_ISSUER,
    mailRecoveryCodes: e.TWOSTEP_MAIL_RECOVERY_CODES === 'on',
    totp: { algorithm: e.TWOSTEP_TOTP_ALGORITHM, digits: Number(e.TWOSTEP_TOTP_DIGITS) as 6 | 8, period: 30 },
    smtpUrl: e.TWOSTEP_SMTP_URL ?? null,
    mailFrom: e.TWOSTEP_MAIL_FROM,
    phone,
    phoneCountries: phoneCountries.length > 0 ? phoneCountries : null,
    phoneHighRisk: e.TWOSTEP_PHONE_ALLOW_HIGH_RISK.split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    signupOpen: e.TWOSTEP_SIGNUP === 'open',
    trustedProxies: commaList(e.TWOSTEP_TRUSTED_PROXIES),
    cookieDomain: sharedCookieDomain(e.TWOSTEP_COOKIE_DOMAIN, publicUrl),
    forwardAuth: {
      domains: commaList(e.TWOSTEP_FORWARD_AUTH_DOMAINS).map((d) => d.toLowerCase()),
      rules: e.TWOSTEP_FORWARD_AUTH_RULES ? readAccessRules(e.TWOSTEP_FORWARD_AUTH_RULES) : [],
    },
    session: {
      idleMs: e.TWOSTEP_SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.TWOSTEP_SESSION_MAX_HOURS * 3_600_000,
      sudoMs: e.TWOSTEP_SUDO_MINUTES * 60_000,
      pendingMs: 10 * 60_000,
    },
    rememberDeviceDays: e.TWOSTEP_REMEMBER_DEVICE_DAYS,
    reminderDays: [...new Set(commaList(e.TWOSTEP_REMINDER_DAYS).map(Number))].sort((a, b) => b - a),
    logLevel: e.TWOSTEP_LOG_LEVEL,
    twoFactorResetDelayMs: e.TWOSTEP_2FA_RESET_DELAY_HOURS * 3_600_000,
    devOutbox,
    metricsPort: e.TWOSTEP_METRICS_PORT ?? null,
    evenAnswers: e.TWOSTEP_EVEN_ANSWERS === 'on',
    metricsToken: e.TWOSTEP_METRICS_TOKEN ?? null,
  };
}

/** The SMS and voice provider from the environment; a missing setting stops the start. */
function phoneProvider(e: z.infer<typeof envSchema>): PhoneProviderConfig {
  if (e.TWOSTEP_SMS_PROVIDER === 'twilio') {
    if (!e.TWILIO_ACCOUNT_SID || !e.TWILIO_AUTH_TOKEN || !e.TWILIO_FROM) {
      throw new ConfigError(
        'TWOSTEP_SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM.',
      );
    }
    return {
      provider: 'twilio',
      accountSid: e.TWILIO_ACCOUNT_SID,
      authToken: e.TWILIO_AUTH_TOKEN,
      from: e.TWILIO_FROM,
      ...(e.TWILIO_VOICE_FROM ? { voiceFrom: e.TWILIO_VOICE_FROM } : {}),
      ...(e.TWILIO_BASE_URL ? { baseUrl: e.TWILIO_BASE_URL } : {}),
    };
  }
  if (e.TWOSTEP_SMS_PROVIDER === 'webhook') {
    if (!e.TWOSTEP_SMS_WEBHOOK_URL || e.TWOSTEP_SMS_WEBHOOK_SECRET.length < 32) {
      throw new ConfigError(
        'TWOSTEP_SMS_PROVIDER=webhook needs TWOSTEP_SMS_WEBHOOK_URL and a TWOSTEP_SMS_WEBHOOK_SECRET of at least 32 characters.',
      );
    }
    return { provider: 'webhook', url: e.TWOSTEP_SMS_WEBHOOK_URL, secret: e.TWOSTEP_SMS_WEBHOOK_SECRET };
  }
  return { provider: 'outbox' };
}

/** A browser drops a cookie for a domain its page is not on, so the public host must be inside it. */
function sharedCookieDomain(domain: string | undefined, publicUrl: string): string | null {
  if (!domain) return null;
  const host = new URL(publicUrl).hostname;
  if (host !== domain && !host.endsWith(`.${domain}`)) {
    throw new ConfigError(
      `TWOSTEP_COOKIE_DOMAIN: "${domain}" does not contain the public host ${host}; browsers would refuse the cookie.`,
    );
  }
  return domain;
}

/** Reads and checks the forward-auth rules file once; a bad file stops the start and is named. */
function readAccessRules(file: string): AccessRule[] {
  const where = `TWOSTEP_FORWARD_AUTH_RULES (${resolve(file)})`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${where}: cannot read it as JSON: ${(error as Error).message}`);
  }
  const parsed = forwardAuthRulesFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new ConfigError(`${where} is invalid:\n${problems.join('\n')}`);
  }
  return parsed.data.rules.map((rule) => ({ ...rule, host: rule.host.toLowerCase() }));
}

function decodeKey(value: string): Uint8Array {
  return new Uint8Array(
    /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64url'),
  );
}

/** In development a key is made on first run and kept in the data folder, readable by its owner only. */
function developmentKey(dataDir: string): Uint8Array {
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return decodeKey(readFileSync(file, 'utf8').trim());
}
