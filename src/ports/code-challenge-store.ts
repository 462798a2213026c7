import type { CodeChallenge } from '../core/two-factor/code-challenge.js';
import type { ProofPurpose } from '../core/types.js';

/** Codes in flight for e-mail, SMS and voice methods. */
export interface CodeChallengeStore {
  /**
   * Stores a new challenge in place of the earlier one of the same method, purpose and session, so
   * a resend kills the code sent before it. With `unlessSentAfter`, one
   * conditional upsert leaves an earlier code sent after that instant alone and returns `false`:
   * of parallel resends inside the cool-down, exactly one gets `true`.
   */
  replace(challenge: CodeChallenge, options?: { unlessSentAfter?: Date }): Promise<boolean>;
  /** The newest challenge of that method, purpose and session, spent or not; null when none. */
  findLatest(methodId: string, purpose: ProofPurpose, sessionId: string): Promise<CodeChallenge | null>;
  /**
   * Spends the challenge in one UPDATE … WHERE consumed_at IS NULL AND attempts < max AND
   * expires_at > now: of parallel submits of one code, exactly one gets `true`.
   */
  consume(id: string, now: Date, maxAttempts: number): Promise<boolean>;
  /** Counts one wrong try, atomically; returns the new count. */
  addWrongTry(id: string): Promise<number>;
  deleteForMethod(methodId: string): Promise<void>;
  /** Forgets one challenge: a code the provider never delivered must not look sent. */
  discard(id: string): Promise<void>;
}
