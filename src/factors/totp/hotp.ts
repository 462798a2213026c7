import { createHmac } from 'node:crypto';

export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';
export type OtpDigits = 6 | 7 | 8;

export interface HotpOptions {
  /** RFC 4226 §5.3 allows 6 to 8; 6 is what every authenticator app shows by default. */
  digits?: OtpDigits;
  /** RFC 6238 §1.2 adds SHA-256 and SHA-512 to RFC 4226's SHA-1. */
  algorithm?: OtpAlgorithm;
}

const HMAC_NAME: Record<OtpAlgorithm, string> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };
const MAX_COUNTER = (1n << 64n) - 1n;

const POW10: Record<OtpDigits, number> = { 6: 1e6, 7: 1e7, 8: 1e8 };

/** Throws on options no RFC allows; checked once per call, not once per HMAC. */
export function checkOtpOptions(digits: unknown, algorithm: unknown): asserts digits is OtpDigits {
  if (digits !== 6 && digits !== 7 && digits !== 8) throw new TypeError('Digits must be 6, 7 or 8');
  if (typeof algorithm !== 'string' || !Object.hasOwn(HMAC_NAME, algorithm)) {
    throw new TypeError(`Unknown algorithm: ${String(algorithm)}`);
  }
}

// One counter buffer for the whole process: HMAC runs synchronously, so no two calls share it at
// once, and the verifier's hot path allocates nothing but the HMAC itself.
const counterBytes = Buffer.alloc(8);

/**
 * The HOTP value as a number, the counter given as its high and low 32 bits (options unchecked:
 * callers check them once with `checkOtpOptions`). The verifier compares numbers, not strings.
 */
export function hotpValue(
  key: Uint8Array,
  counterHigh: number,
  counterLow: number,
  digits: OtpDigits,
  algorithm: OtpAlgorithm,
): number {
  // RFC 4226 §5.1: the moving factor C is 8 bytes, big-endian.
  counterBytes.writeUInt32BE(counterHigh, 0);
  counterBytes.writeUInt32BE(counterLow, 4);
  const mac = createHmac(HMAC_NAME[algorithm], key).update(counterBytes).digest();
  // RFC 4226 §5.3 dynamic truncation: the low 4 bits of the last byte pick an offset; the 31 bits
  // from there (top bit masked so signed and unsigned readers agree) become the code.
  const offset = mac[mac.length - 1]! & 0x0f;
  return (mac.readUInt32BE(offset) & 0x7fffffff) % POW10[digits];
}

/** HOTP (RFC 4226 §5.3): HMAC over the 8-byte counter, dynamic truncation, `digits` decimal digits. */
export function generateHOTP(key: Uint8Array, counter: bigint, options: HotpOptions = {}): string {
  const { digits = 6, algorithm = 'SHA1' } = options;
  checkOtpOptions(digits, algorithm);
  if (typeof counter !== 'bigint' || counter < 0n || counter > MAX_COUNTER) {
    throw new TypeError('Counter must be a bigint in [0, 2^64)');
  }
  const value = hotpValue(key, Number(counter >> 32n), Number(counter & 0xffffffffn), digits, algorithm);
  return value.toString().padStart(digits, '0');
}
