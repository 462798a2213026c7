import type { Kysely } from 'kysely';
import pino, { type Logger } from 'pino';
import { systemClock } from './adapters/clock/system-clock.js';
import { argon2Hasher } from './adapters/crypto/argon2-hasher.js';
import { cryptoRandom } from './adapters/crypto/crypto-random.js';
import { keyRing } from './adapters/crypto/key-ring.js';
import { SecretBoxError } from './adapters/crypto/secret-box.js';
import { outboxMailer } from './adapters/mail/outbox-mailer.js';
import { smtpMailer } from './adapters/mail/smtp-mailer.js';
import { deliveryWorker } from './adapters/notify/delivery-worker.js';
import { i18nNotifier } from './adapters/notify/i18n-notifier.js';
import { queuedNotifierSenders } from './adapters/notify/queued-senders.js';
import { choosePhoneSender } from './adapters/phone/choose-phone-sender.js';
import { sqlRateLimiter } from './adapters/ratelimit/sql-rate-limiter.js';
import { kyselyStore } from './adapters/store/kysely-store.js';
import { migrateToLatest } from './adapters/store/migrations/index.js';
import { openDatabase } from './adapters/store/open-database.js';
import type { Database } from './adapters/store/schema.js';
import type { AppDeps } from './app/deps.js';
import { startIntervalJob } from './app/interval-job.js';
import { rotateSecretKeys } from './app/two-factor/rotate-keys.js';
import type { Config } from './config.js';
import { createApp } from './http/app.js';
import { createMetrics } from './http/ops/metrics.js';
import type { Clock } from './ports/clock.js';
import type { PasswordHasher } from './ports/password-hasher.js';
import type { Random } from './ports/random.js';

/** Pino with every field that could hold a secret censored, wherever it appears. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const secretFields = [
    'password',
    'currentPassword',
    'newPassword',
    'code',
    'token',
    'secret',
    'cookie',
    'authorization',
  ];
  return pino(
    {
      level,
      redact: { paths: [...secretFields, ...secretFields.map((f) => `*.${f}`)], censor: '[redacted]' },
    },
    destination,
  );
}

/**
 * The composition root: config → adapters → use-case dependencies → HTTP app. `main.ts` and the
 * tests both build the server through here, so what is tested is what runs.
 */
export async function composeServer(
  config: Config,
  overrides: {
    clock?: Clock;
    random?: Random;
    logger?: Logger;
    migrate?: boolean;
    hasher?: PasswordHasher;
  } = {},
) {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;
  const random = overrides.random ?? cryptoRandom;
  const { db, kind } = openDatabase(config.databaseUrl, {
    onConnectionLost: (error) =>
      logger.warn({ err: { name: error.name, message: error.message } }, 'database connection lost'),
  });
  if (overrides.migrate !== false) await migrateToLatest(db as Kysely<unknown>);
  const store = kyselyStore(db);
  const keys = keyRing(config.secretKey, config.previousSecretKeys, random);
  const smtp = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
  warnOfMissingTransports(config, logger);
  const delivery = deliveryWorker({
    queue: store.messages,
    mailer: smtp ?? outboxMailer(store.outbox, clock, random),
    phone: choosePhoneSender(config.phone, { outbox: store.outbox, clock, random }),
    clock,
    random,
    box: keys.secretBox,
    logger,
  });
  // Woken right after each commit that queued a message, so a notice leaves within moments; on
  // the next turn of the event loop, so that the answer of the request that queued it goes first.
  store.messages.onCommitted(() => void setImmediate(() => void delivery.kick()));
  const deps: AppDeps = {
    store,
    limiter: sqlRateLimiter(db),
    hasher: overrides.hasher ?? argon2Hasher(),
    notifier: i18nNotifier(queuedNotifierSenders(store, delivery, { clock, random, box: keys.secretBox })),
    clock,
    random,
    settings: {
      publicUrl: config.publicUrl,
      signupOpen: config.signupOpen,
      session: config.session,
      issuer: config.issuer,
      mailRecoveryCodes: config.mailRecoveryCodes,
      totp: config.totp,
      phoneCountries: config.phoneCountries,
      phoneHighRisk: config.phoneHighRisk,
      twoFactorResetDelayMs: config.twoFactorResetDelayMs,
      rememberDeviceDays: config.rememberDeviceDays,
      reminderDays: config.reminderDays,
    },
    secretBox: keys.secretBox,
    recoveryPeppers: keys.recoveryPeppers,
  };
  const metrics = createMetrics();
  const app = createApp({
    deps,
    logger,
    metrics,
    http: {
      publicUrl: config.publicUrl,
      secure: config.publicUrl.startsWith('https://'),
      trustedProxies: config.trustedProxies,
      cookieDomain: config.cookieDomain,
      forwardAuth: config.forwardAuth,
      devOutbox: config.devOutbox,
      evenAnswers: config.evenAnswers,
      // With a port of its own, /metrics stays off the public port even when a token is set.
      metricsToken: config.metricsPort === null ? config.metricsToken : null,
      csrfKey: keys.csrfKey,
    },
  });
  return {
    app,
    metrics,
    deps,
    db: db as Kysely<Database>,
    databaseKind: kind,
    logger,
    maintenance: maintenanceTasks(db as Kysely<unknown>, deps),
    delivery,
    /** Sends what is due on an interval too: retries, and messages another node queued. */
    startDeliveryJob: () =>
      startIntervalJob(
        async () => {
          await delivery.kick();
          await delivery.purge(new Date(clock.now().getTime() - finishedMessageDays * 86_400_000));
        },
        { intervalMs: 10_000, logger, failure: 'message delivery failed' },
      ),
    close: async () => {
      await delivery.idle();
      smtp?.close();
      await store.close();
    },
  };
}

/** How long a sent or given-up message is kept (its body is blanked at once): where mail went, for support. */
const finishedMessageDays = 7;

/** Messages with nowhere to go are dropped: say so at start, not at a user's first missing code. */
function warnOfMissingTransports(config: Config, logger: Logger): void {
  if (config.devOutbox) return;
  const missing = [
    ...(config.smtpUrl ? [] : ['e-mail (set TWOSTEP_SMTP_URL)']),
    ...(config.phone.provider === 'outbox' ? ['SMS and calls (set TWOSTEP_SMS_PROVIDER)'] : []),
  ];
  if (missing.length === 0) return;
  logger.warn(
    { missing },
    `No transport for ${missing.join(' or ')}: those messages will not be delivered. For development, set TWOSTEP_DEV_OUTBOX=1 to read them at /dev/outbox.`,
  );
}

/** How `twostep keys rotate` ended: the count, or the message of the secret no configured key opens. */
export type SecretKeyRotation = { resealed: number; total: number } | { unopenable: string };

/**
 * The operator's tasks on the composed server, so the CLI runs them without touching an adapter.
 * A secret sealed under a key that is no longer configured is the one failure an operator causes
 * and can fix, so it comes back as a value; anything else is thrown as it is.
 */
function maintenanceTasks(db: Kysely<unknown>, deps: AppDeps) {
  return {
    /** Runs the migrations the database has not had yet; their names, in the order they ran. */
    migrate: (): Promise<string[]> => migrateToLatest(db),
    /** Re-seals the stored secrets still sealed under an old key; those done stay done on failure. */
    rotateSecretKeys: (): Promise<SecretKeyRotation> =>
      rotateSecretKeys(deps).catch((error: unknown) => {
        if (error instanceof SecretBoxError) return { unopenable: error.message };
        throw error;
      }),
  };
}
