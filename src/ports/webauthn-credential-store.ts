import type { WebauthnCredential } from '../core/two-factor/webauthn-credential.js';

/** The public keys of `webauthn` methods; a credential goes with its method. */
export interface WebauthnCredentialStore {
  /** Stores a new credential; false when that credential id is already registered (to anyone). */
  add(credential: WebauthnCredential): Promise<boolean>;
  findByMethod(methodId: string): Promise<WebauthnCredential | null>;
  /** Every credential of the user, so a key is not registered twice. */
  listForUser(userId: string): Promise<WebauthnCredential[]>;
  /**
   * Records a use with the authenticator's new counter, atomically and only when it moved forward
   * (or stays 0 on both sides, for authenticators that keep no counter): of two racing uses of one
   * signature, at most one gets `true`.
   */
  recordSignCount(methodId: string, signCount: number): Promise<boolean>;
}
