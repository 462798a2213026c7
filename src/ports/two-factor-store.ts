import type { TwoFactorMethod } from '../core/types.js';

/** Second-factor methods, the primary choice and recovery codes of each user. */
export interface TwoFactorStore {
  createMethod(method: TwoFactorMethod): Promise<void>;
  findMethod(id: string): Promise<TwoFactorMethod | null>;
  /** Every method of the user, pending ones included, oldest first. */
  listMethods(userId: string): Promise<TwoFactorMethod[]>;
  /** pending → active, once, and only before the set-up expired. */
  activateMethod(id: string, at: Date): Promise<boolean>;
  renameMethod(id: string, label: string): Promise<void>;
  /** Points an active method at a new address or number; false when it is gone or not active. */
  changeDestination(id: string, destination: string, label: string): Promise<boolean>;
  deleteMethod(id: string): Promise<boolean>;
  /** Removes set-ups that were never confirmed in time. */
  deleteExpiredPending(userId: string, now: Date): Promise<void>;
  /**
   * Records that a TOTP step was accepted, atomically and only when it is newer than the last one:
   * of two requests racing with one code, exactly one gets `true`.
   */
  recordTotpUse(id: string, step: bigint, at: Date): Promise<boolean>;
  recordUse(id: string, at: Date): Promise<void>;
  getPrimaryMethodId(userId: string): Promise<string | null>;
  setPrimaryMethodId(userId: string, methodId: string | null): Promise<void>;
  replaceRecoveryCodes(userId: string, codeHashes: string[], at: Date): Promise<void>;
  /** Spends one unused code whose hash is among `codeHashes`; true for exactly one caller. */
  spendRecoveryCode(userId: string, codeHashes: string[], at: Date): Promise<boolean>;
  countRecoveryCodesLeft(userId: string): Promise<number>;
  deleteRecoveryCodes(userId: string): Promise<void>;
  /** Counts one wrong code on a pending sign-in; returns the new count. */
  addFactorFailure(sessionId: string): Promise<number>;
  /** For key rotation: every sealed secret, and a way to put a re-sealed one back. */
  listSealedSecrets(): Promise<Array<{ id: string; secretSealed: string }>>;
  updateSealedSecret(id: string, secretSealed: string): Promise<void>;
}
