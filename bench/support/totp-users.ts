import { createAccount } from '../../src/app/accounts/create-account.js';
import type { AppDeps } from '../../src/app/deps.js';
import { startSession } from '../../src/app/sessions/start-session.js';
import { addMethod } from '../../src/app/two-factor/add-method.js';
import { confirmMethod } from '../../src/app/two-factor/confirm-method.js';
import type { User } from '../../src/core/types.js';
import { parseOtpauthUri } from '../../src/factors/totp/otpauth-uri.js';
import { generateTOTP, totpStep } from '../../src/factors/totp/totp.js';
import type { PasswordHasher } from '../../src/ports/password-hasher.js';
import { benchPassword } from './bench-server.js';

const context = { ip: 'bench', userAgent: 'twostep-bench', locale: 'en' };

/** An account with an authenticator app turned on, and what its app knows. */
export interface TotpUser {
  email: string;
  userId: string;
  /** The key, as the app read it from the otpauth:// URI the server handed out. */
  key: Uint8Array;
  otp: { algorithm: 'SHA1' | 'SHA256' | 'SHA512'; digits: 6 | 8; period: number };
  /** The time step the confirming code spent: the next code must be for a later one. */
  lastUsedStep: bigint;
}

/**
 * Creates `count` accounts and turns 2FA on for each with an authenticator, through the use cases
 * the API calls (sign-up, add method, confirm with the app's first code). The password step of
 * enrolment is skipped: the session is given its sudo window directly.
 *
 * The accounts share one argon2id hash of the bench password, made once by the server's hasher:
 * at ~30 hashes per second, 1500 accounts would cost 50 s of set-up, and the hash is not what a
 * second-factor request checks. It is still a real hash: the server's own verify accepts it.
 */
export async function createTotpUsers(deps: AppDeps, prefix: string, count: number): Promise<TotpUser[]> {
  const setupDeps: AppDeps = { ...deps, hasher: hashOnce(deps.hasher) };
  const users: TotpUser[] = [];
  for (let i = 0; i < count; i += 8) {
    const batch = Array.from(
      { length: Math.min(8, count - i) },
      (_, j) => `${prefix}-${i + j}@bench.example`,
    );
    users.push(...(await Promise.all(batch.map((email) => enrol(setupDeps, email)))));
  }
  return users;
}

async function enrol(deps: AppDeps, email: string): Promise<TotpUser> {
  const { store, clock } = deps;
  await createAccount(deps, { email, password: benchPassword, context, bypassSignupClosed: true });
  const user = (await store.users.findByEmail(email)) as User;
  const { session } = await startSession(deps, store, {
    userId: user.id,
    state: 'signed_in',
    context,
    now: clock.now(),
  });
  const auth = { user, session: { ...session, sudoUntil: new Date(clock.now().getTime() + 60_000) } };
  const { id, reveal } = await addMethod(deps, auth, {
    type: 'totp',
    input: { label: 'Bench phone' },
    context,
  });
  const enrollment = { id, otpauthUri: reveal.otpauthUri! };
  const { secret: key, algorithm, digits, period } = parseOtpauthUri(enrollment.otpauthUri);
  const otp = { algorithm, digits: digits as 6 | 8, period };
  const code = generateTOTP(key, clock.now().getTime(), otp);
  await confirmMethod(deps, auth, { methodId: enrollment.id, code, context });
  const method = await store.methods.find(enrollment.id);
  if (method?.status !== 'active' || method.lastUsedStep === null) {
    throw new Error(`Turning 2FA on for ${email} did not activate the authenticator`);
  }
  return { email, userId: user.id, key, otp, lastUsedStep: method.lastUsedStep };
}

/** The password step's outcome without its argon2id: a session that owes its second factor. */
export async function pendingSecondFactorCookie(deps: AppDeps, userId: string): Promise<string> {
  const { token } = await startSession(deps, deps.store, {
    userId,
    state: 'second_factor',
    context,
    now: deps.clock.now(),
  });
  return `twostep_session=${token}`;
}

/**
 * The code the user's app shows now, or, when the confirming code spent the current step, the
 * next step's code (accepted: the window allows one step of drift). Never a spent code.
 */
export function freshCode(user: TotpUser, nowMs: number): string {
  const step = totpStep(nowMs, user.otp.period);
  const at = step > user.lastUsedStep ? nowMs : Number(user.lastUsedStep + 1n) * user.otp.period * 1000;
  return generateTOTP(user.key, at, user.otp);
}

function hashOnce(hasher: PasswordHasher): PasswordHasher {
  let made: Promise<string> | undefined;
  return {
    hash: (password) => {
      made ??= hasher.hash(password);
      return made;
    },
    verify: (stored, password) => hasher.verify(stored, password),
    needsRehash: (stored) => hasher.needsRehash(stored),
  };
}
