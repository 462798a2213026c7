/** The recovery codes of each user, stored only as keyed hashes. */
export interface RecoveryCodeStore {
  replace(userId: string, codeHashes: string[], at: Date): Promise<void>;
  /** Spends one unused code whose hash is among `codeHashes`; true for exactly one caller. */
  spend(userId: string, codeHashes: string[], at: Date): Promise<boolean>;
  countLeft(userId: string): Promise<number>;
  deleteForUser(userId: string): Promise<void>;
}
