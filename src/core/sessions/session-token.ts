import { createHash } from 'node:crypto';

/** All the core needs of a random source; any CSPRNG-backed `Random` port satisfies it. */
export interface RandomBytes {
  bytes(length: number): Uint8Array;
}

/** 32 bytes = 256 bits from the CSPRNG (ASVS 7.2.3 asks for 128). */
export function newToken(random: RandomBytes, bytes = 32): string {
  return Buffer.from(random.bytes(bytes)).toString('base64url');
}

/** Public ids need no secrecy, only uniqueness: 128 random bits. */
export function newId(random: RandomBytes): string {
  const id = Buffer.from(random.bytes(16)).toString('base64url');
  // One id in 64 would start with '-', and `twostep policy set --org -x…` then reads it as an
  // option. Ids name things, they are no secrets: swapping that one character costs nothing.
  return id.startsWith('-') ? `_${id.slice(1)}` : id;
}

/**
 * Tokens are stored as SHA-256 digests. A fast hash suffices: the token has 256 bits of entropy,
 * so no dictionary applies, and a database leak yields nothing usable as a cookie.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
