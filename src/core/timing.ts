import { timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets without leaking, through timing, how many leading bytes match.
 * Different lengths return false at once: every secret we compare has a public, fixed length
 * (codes of N digits, hex digests), so the length itself gives nothing away.
 */
export function constantTimeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  const left = typeof a === 'string' ? Buffer.from(a, 'utf8') : a;
  const right = typeof b === 'string' ? Buffer.from(b, 'utf8') : b;
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}
