import type { ErrorCode } from '../core/errors.js';
import type { Channel, ProofPurpose, TwoFactorMethod, User } from '../core/types.js';

export type { ProofPurpose };

import type { CodeChallengeStore } from '../ports/code-challenge-store.js';
import type { MethodStore } from '../ports/method-store.js';
import type { Random } from '../ports/random.js';
import type { RecoveryCodeStore } from '../ports/recovery-code-store.js';
import type { SecretBox } from '../ports/secret-box.js';
import type { WebauthnCredentialStore } from '../ports/webauthn-credential-store.js';
import type { RelyingParty } from './webauthn/relying-party.js';

/**
 * The one shape every second factor has. A factor knows its own algorithm and its own records;
 * the use cases in `app/` add what every factor shares (sudo, policy, limits, audit, notices,
 * session renewal) and never branch on a factor's type: they read the properties below.
 * Adding a factor is a folder of its own under `factors/` and a line in `registry.ts`.
 */
export interface Factor {
  /** Stable name, stored with each method and used in the API (`totp`, `email`, …). */
  readonly type: string;
  /**
   * `method`: the user adds methods of this type; a policy may allow or forbid it and the
   * adoption dashboard counts it. `account`: it comes with 2FA itself (recovery codes).
   */
  readonly scope: 'method' | 'account';
  /**
   * Bound to the site's origin, so a look-alike site cannot relay it: security keys are, no
   * code-based factor is.
   */
  readonly phishingResistant: boolean;
  /** The channel its codes are sent over when a challenge starts; null when the user's device makes them. */
  readonly channel: Channel | null;
  /** How many methods of this type one user may hold. */
  readonly maxPerUser: number;
  /**
   * A new pending method from what the user gave at set-up, or the reason it cannot be one. Its
   * first proof (`verify` with purpose `enroll`) makes it active.
   */
  startEnrollment?(ports: FactorPorts, request: EnrollmentRequest): EnrollmentStart | EnrollmentRefusal;
  /**
   * Starts a challenge for one of the user's methods: for a factor with a channel, a fresh code
   * that the caller delivers; for a factor whose proof the user's device signs (WebAuthn), the
   * options the browser passes to that device. A factor that has it and no channel is asked at
   * set-up too, for the options that register the device. `admit` runs once the factor has agreed that a challenge may start
   * now and before anything is written: the caller's send limits go there, so a refused request
   * changes nothing.
   */
  startChallenge?(
    ports: FactorPorts,
    request: ChallengeRequest,
    admit: () => Promise<void>,
  ): Promise<ChallengeStart>;
  /**
   * Checks a proof and, when it is right, spends it inside the store's atomic operation: of
   * racing submits of one proof exactly one wins, and a wrong proof spends nothing.
   */
  verify(ports: FactorPorts, proof: Proof): Promise<boolean>;
}

/** What a factor may touch: its own records and keys; never sessions, mail, limits or audit. */
export interface FactorPorts {
  methods: MethodStore;
  codeChallenges: CodeChallengeStore;
  recoveryCodes: RecoveryCodeStore;
  webauthnCredentials: WebauthnCredentialStore;
  secretBox: SecretBox;
  random: Random;
  /** Keys for code hashes, current first; older ones keep codes in flight valid across a rotation. */
  peppers: readonly Uint8Array[];
  /** The origin and RP ID a signed proof must name: from the public address, on every ceremony. */
  relyingParty: RelyingParty;
}

export interface Proof {
  userId: string;
  /** The method being proved; null for a factor of scope `account`. */
  method: TwoFactorMethod | null;
  /** What the user gave: a code, or the JSON a security key's browser answered with. */
  code: string;
  purpose: ProofPurpose;
  /** The session that asked: codes sent for one session never count in another. */
  sessionId: string;
  now: Date;
  /**
   * Told when a refused proof looks like an attack on the method itself rather than a mistake
   * (a signature counter that went back: a cloned key); the caller audits it. Factors do no audit.
   */
  suspect?(suspicion: Suspicion): void;
}

export type Suspicion = 'authenticator_cloned';

export interface EnrollmentRequest {
  user: Pick<User, 'id' | 'email'>;
  /** The new method's id, also bound into its sealed secret. */
  id: string;
  /** What the user gave, as the edge parsed it: each factor reads its own fields. */
  input: Readonly<Record<string, string | undefined>>;
  /** Methods of this type the user already holds, pending or active. */
  existing: readonly TwoFactorMethod[];
  /** The user's language, for reading a national phone number in the country of that language. */
  locale: string;
  settings: EnrollmentSettings;
  now: Date;
  pendingExpiresAt: Date;
}

export interface EnrollmentSettings {
  /** The name authenticator apps show next to the codes. */
  issuer: string;
  /** Parameters of new authenticator set-ups. */
  totp: { algorithm: 'SHA1' | 'SHA256' | 'SHA512'; digits: 6 | 8; period: number };
  /** ISO 3166 countries whose numbers may get SMS and calls; null: all. */
  phoneCountries: string[] | null;
  /** High-risk number ranges and calling codes the operator opened (premium rate, …). */
  phoneHighRisk: string[];
}

export interface EnrollmentStart {
  ok: true;
  method: TwoFactorMethod;
  /** Shown to the user this once at set-up (an authenticator's key), never again. */
  reveal: Readonly<Record<string, string>>;
}

export interface EnrollmentRefusal {
  ok: false;
  reason: ErrorCode;
  detail?: string;
}

export interface ChallengeRequest {
  user: Pick<User, 'id' | 'email'>;
  method: TwoFactorMethod;
  purpose: ProofPurpose;
  sessionId: string;
  /** Where the code goes when it is not the method's own destination (a new address being proved). */
  destination?: string;
  /** At set-up: what the user gave (for a security key, which kind of authenticator). */
  input?: Readonly<Record<string, string | undefined>>;
  now: Date;
}

/** What the browser hands to the user's device (WebAuthn creation or request options), as JSON. */
export type DeviceOptions = Readonly<Record<string, unknown>>;

export type ChallengeStart =
  /** A code for the caller to deliver. */
  | { ok: true; challengeId: string; code: string; destination: string }
  /** Nothing to deliver: the options the user's device answers. */
  | { ok: true; challengeId: string; options: DeviceOptions }
  /** Another challenge started too recently (a resend inside the cool-down). */
  | { ok: false; retryAfterSeconds: number };
