import type { SessionPolicy } from '../core/sessions/session-rules.js';
import type { Clock } from '../ports/clock.js';
import type { Notifier } from '../ports/notifier.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { Random } from '../ports/random.js';
import type { RateLimiter } from '../ports/rate-limiter.js';
import type { SecretBox } from '../ports/secret-box.js';
import type { Store } from '../ports/store.js';

export interface Settings {
  publicUrl: string;
  signupOpen: boolean;
  session: SessionPolicy;
  /** The name authenticator apps show next to the codes, such as the operator's brand. */
  issuer: string;
  /** Whether recovery codes are also e-mailed; off by default, because a mailbox is a weaker vault. */
  mailRecoveryCodes: boolean;
  /** Parameters for new authenticator set-ups; RFC 6238 defaults are what every app supports. */
  totp: { algorithm: 'SHA1' | 'SHA256' | 'SHA512'; digits: 6 | 8; period: number };
  /** ISO 3166 countries whose numbers may get SMS and calls; null: all (against toll fraud). */
  phoneCountries: string[] | null;
  /** Premium-rate numbers (`premium`) and high-risk calling codes (`+252`) opened anyway; none by default. */
  phoneHighRisk: string[];
  /** How long a support reset of 2FA waits for the real user to cancel it; 0: at once. */
  twoFactorResetDelayMs: number;
  /** Server-wide "Don't ask again on this device" period in days; 0: off. Read it through rememberDeviceDays(). */
  rememberDeviceDays: number;
  /** Days before a 2FA deadline on which users without 2FA are reminded (TWOSTEP_REMINDER_DAYS). */
  reminderDays: number[];
}

/** Everything a use case may touch, passed in: the use cases never reach for globals. */
export interface AppDeps {
  store: Store;
  limiter: RateLimiter;
  hasher: PasswordHasher;
  /** Tells users what happened, by e-mail, SMS or a call, in their language. */
  notifier: Notifier;
  clock: Clock;
  random: Random;
  settings: Settings;
  secretBox: SecretBox;
  /** Keys for recovery-code hashes, current first; older ones keep old codes valid after a rotation. */
  recoveryPeppers: Uint8Array[];
}
