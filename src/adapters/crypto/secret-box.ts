import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import type { Random } from '../../ports/random.js';

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(`Cannot open sealed secret: ${message}`);
    this.name = 'SecretBoxError';
  }
}

export interface SecretBox {
  /** Encrypts under the current key; `aad` names the row, e.g. `totp:<methodId>`. */
  seal(plaintext: Uint8Array, aad: string): string;
  /** Decrypts; throws SecretBoxError on an unknown key, a bad format or failed authentication. */
  open(sealed: string, aad: string): Uint8Array;
  keyIdOf(sealed: string): string;
  /** True when sealed under an older key: re-seal it with the current one. */
  needsRotation(sealed: string): boolean;
}

export interface SecretBoxOptions {
  /** keyId → 32-byte AES-256 key. Old keys stay here until nothing sealed under them is left. */
  keys: Map<string, Uint8Array>;
  currentKeyId: string;
  random: Random;
}

const VERSION = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const IV_BYTES = 12; // the 96-bit nonce GCM is specified for (NIST SP 800-38D §8.2)
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * AES-256-GCM for secrets at rest: `v1.<keyId>.<base64url iv>.<base64url ciphertext+tag>`.
 * The key id travels with the ciphertext so keys can be rotated without a flag day.
 */
export function createSecretBox(options: SecretBoxOptions): SecretBox {
  const { currentKeyId, random } = options;
  const keys = new Map(options.keys); // a copy: later changes to the caller's map do not leak in
  for (const [keyId, key] of keys) {
    if (!KEY_ID.test(keyId)) throw new TypeError(`Key id must match ${KEY_ID}: ${JSON.stringify(keyId)}`);
    if (key.length !== 32) throw new TypeError(`Key ${keyId} must be 32 bytes`);
  }
  const currentKey = keys.get(currentKeyId);
  if (!currentKey) throw new TypeError(`No key for the current key id ${JSON.stringify(currentKeyId)}`);

  // The aad binds a ciphertext to its row, so one copied to another row (or column) fails to open.
  // The header is authenticated too, so the version and key id cannot be swapped either.
  const additionalData = (keyId: string, aad: string) => Buffer.from(`${VERSION}.${keyId}.${aad}`, 'utf8');

  return {
    seal(plaintext, aad) {
      // NIST SP 800-38D §8.3 allows at most 2^32 seals per key with random 96-bit IVs; a few TOTP
      // keys per user are far below that, and rotating to a new key starts the count again.
      const iv = random.bytes(IV_BYTES);
      if (iv.length !== IV_BYTES) throw new TypeError('Random.bytes returned the wrong length');
      const cipher = createCipheriv('aes-256-gcm', currentKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(additionalData(currentKeyId, aad));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
      return [VERSION, currentKeyId, encode(iv), encode(body)].join('.');
    },

    open(sealed, aad) {
      const { keyId, iv, body } = parse(sealed);
      const key = keys.get(keyId);
      if (!key) throw new SecretBoxError(`unknown key id ${JSON.stringify(keyId)}`);
      // authTagLength pins the tag at 16 bytes: without it, node would accept a truncated tag.
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(additionalData(keyId, aad));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      try {
        const plaintext = Buffer.concat([
          decipher.update(body.subarray(0, body.length - TAG_BYTES)),
          decipher.final(),
        ]);
        return new Uint8Array(plaintext);
      } catch {
        throw new SecretBoxError('authentication failed (wrong key, wrong aad or tampered)');
      }
    },

    keyIdOf: (sealed) => parse(sealed).keyId,
    needsRotation: (sealed) => parse(sealed).keyId !== currentKeyId,
  };
}

/**
 * A key for one purpose (`secret-box`, `recovery-code-pepper`, `csrf`, …) from the one configured
 * master secret, by HKDF-SHA256 (RFC 5869). Distinct `info` strings give independent keys, so
 * leaking one (say, the CSRF key) reveals nothing about the others.
 */
export function deriveKey(masterSecret: Uint8Array, purpose: string): Uint8Array {
  if (masterSecret.length < 32) throw new TypeError('masterSecret must be at least 32 bytes');
  if (!purpose) throw new TypeError('purpose must be non-empty');
  // No salt: RFC 5869 §3.1 makes it optional when the input is already a uniformly random key.
  return new Uint8Array(hkdfSync('sha256', masterSecret, new Uint8Array(0), purpose, 32));
}

function parse(sealed: string): { keyId: string; iv: Buffer; body: Buffer } {
  if (typeof sealed !== 'string') throw new SecretBoxError('not a string');
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError('not a v1 sealed secret');
  const [, keyId = '', ivText = '', bodyText = ''] = parts;
  if (!KEY_ID.test(keyId)) throw new SecretBoxError('bad key id');
  const iv = decode(ivText);
  const body = decode(bodyText);
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new SecretBoxError('bad length');
  return { keyId, iv, body };
}

const encode = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

function decode(text: string): Buffer {
  const bytes = Buffer.from(text, 'base64url');
  // Buffer ignores stray characters and unused trailing bits; accept only the one canonical form.
  if (!BASE64URL.test(text) || encode(bytes) !== text) throw new SecretBoxError('bad base64url');
  return bytes;
}
