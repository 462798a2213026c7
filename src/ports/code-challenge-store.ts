import type { CodePurpose } from '../factors/one-time-code/one-time-code.js';

/** One code sent to a method's destination, stored only as its keyed hash. */
export interface CodeChallenge {
  id: string;
  userId: string;
  methodId: string;
  purpose: CodePurpose;
  /** The session that asked: a code sent for one sign-in attempt fails in the next (a24). */
  sessionId: string;
  codeHash: string;
  createdAt: Date;
  expiresAt: Date;
  /** Wrong tries so far. */
  attempts: number;
  consumedAt: Date | null;
  lastSentAt: Date;
}

/** Codes in flight for e-mail, SMS and voice methods. */
export interface CodeChallengeStore {
  /**
   * Stores a new challenge and deletes every earlier one of the same method, purpose and session,
   * so a resend kills the code sent before it (SECURITY.md a25).
   */
  replace(challenge: CodeChallenge): Promise<void>;
  /** The newest challenge of that method, purpose and session, spent or not; null when none. */
  findLatest(methodId: string, purpose: CodePurpose, sessionId: string): Promise<CodeChallenge | null>;
  /**
   * Spends the challenge in one UPDATE … WHERE consumed_at IS NULL AND attempts < max AND
   * expires_at > now: of parallel submits of one code, exactly one gets `true`.
   */
  consume(id: string, now: Date, maxAttempts: number): Promise<boolean>;
  /** Counts one wrong try, atomically; returns the new count. */
  addWrongTry(id: string): Promise<number>;
  deleteForMethod(methodId: string): Promise<void>;
}
