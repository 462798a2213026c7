// RFC 4648 §6 alphabet. Authenticator apps expect TOTP secrets in this form (Key Uri Format).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Base32 (RFC 4648 §6), uppercase and without `=` padding, as authenticator apps expect. */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >>> bits) & 31];
    }
  }
  // RFC 4648 §6: a final partial group is padded with zero bits on the right.
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes base32 as people type it: case-insensitive, ignoring spaces and trailing `=` padding.
 * Throws TypeError on any other character, or on a length no encoder can produce.
 */
export function decodeBase32(text: string): Uint8Array {
  const clean = text.replace(/\s/g, '').replace(/=+$/, '').toUpperCase();
  // Lengths 1, 3 and 6 (mod 8) leave bits that no whole byte could have produced (RFC 4648 §6).
  if ([1, 3, 6].includes(clean.length % 8)) {
    throw new TypeError('Invalid base32 length');
  }
  const out = new Uint8Array(Math.floor((clean.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of clean) {
    const value = ALPHABET.indexOf(char);
    if (value === -1) throw new TypeError(`Invalid base32 character: ${JSON.stringify(char)}`);
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >>> bits) & 0xff;
    }
  }
  return out;
}
