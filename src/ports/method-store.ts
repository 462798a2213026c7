import type { TwoFactorMethod } from '../core/types.js';

/** The second-factor methods of each user, and which one is the primary. */
export interface MethodStore {
  create(method: TwoFactorMethod): Promise<void>;
  find(id: string): Promise<TwoFactorMethod | null>;
  /** Every method of the user, pending ones included, oldest first. */
  listForUser(userId: string): Promise<TwoFactorMethod[]>;
  /** pending → active, once, and only before the set-up expired. */
  activate(id: string, at: Date): Promise<boolean>;
  rename(id: string, label: string): Promise<void>;
  /** Points an active method at a new address or number; false when it is gone or not active. */
  changeDestination(id: string, destination: string, label: string): Promise<boolean>;
  delete(id: string): Promise<boolean>;
  /** Removes set-ups that were never confirmed in time. */
  deleteExpiredPending(userId: string, now: Date): Promise<void>;
  /**
   * Records that a time step was accepted, atomically and only when it is newer than the last one:
   * of two requests racing with one code, exactly one gets `true`.
   */
  recordStepUse(id: string, step: bigint, at: Date): Promise<boolean>;
  recordUse(id: string, at: Date): Promise<void>;
  getPrimaryId(userId: string): Promise<string | null>;
  setPrimaryId(userId: string, methodId: string | null): Promise<void>;
  /** For key rotation: every sealed secret, and a way to put a re-sealed one back. */
  listSealedSecrets(): Promise<Array<{ id: string; secretSealed: string }>>;
  updateSealedSecret(id: string, secretSealed: string): Promise<void>;
}
