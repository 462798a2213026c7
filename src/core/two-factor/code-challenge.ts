import type { ProofPurpose } from '../types.js';

/** One code sent to a method's destination, stored only as its keyed hash. */
export interface CodeChallenge {
  id: string;
  userId: string;
  methodId: string;
  purpose: ProofPurpose;
  /** The session that asked: a code sent for one sign-in attempt fails in the next. */
  sessionId: string;
  codeHash: string;
  createdAt: Date;
  expiresAt: Date;
  /** Wrong tries so far. */
  attempts: number;
  consumedAt: Date | null;
  lastSentAt: Date;
  /** Where the code went. For a change of destination, the new address or number. */
  destination?: string | null;
}
