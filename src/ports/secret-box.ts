/** Encrypts secrets at rest (TOTP keys); the associated data binds a ciphertext to its row. */
export interface SecretBox {
  seal(plaintext: Uint8Array, aad: string): string;
  open(sealed: string, aad: string): Uint8Array;
  needsRotation(sealed: string): boolean;
}
