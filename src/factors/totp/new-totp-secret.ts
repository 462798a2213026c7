import { encodeBase32 } from '../../core/base32.js';
import type { Random } from '../../ports/random.js';

/** RFC 4226 §4 R6: at least 128 bits, 160 recommended (the size of an HMAC-SHA-1 output). */
export const TOTP_SECRET_BYTES = 20;

/** A fresh 160-bit TOTP key (RFC 4226 §4 R6) from the injected CSPRNG. */
export function newTotpSecret(random: Random): Uint8Array {
  const secret = random.bytes(TOTP_SECRET_BYTES);
  // A port that returns the wrong length would silently weaken every key: refuse it.
  if (!(secret instanceof Uint8Array) || secret.length !== TOTP_SECRET_BYTES) {
    throw new TypeError(`Random.bytes(${TOTP_SECRET_BYTES}) returned the wrong length`);
  }
  return secret;
}

/**
 * The key as base32 in groups of four ("GEZD GNBV GY3T …") for people who cannot scan the QR code:
 * 32 characters in one run are easy to mistype. decodeBase32 ignores the spaces.
 */
export function formatSecretForTyping(secret: Uint8Array): string {
  return encodeBase32(secret).replace(/(.{4})(?=.)/g, '$1 ');
}
