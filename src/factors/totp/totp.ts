import {
  checkOtpOptions,
  generateHOTP,
  type HotpOptions,
  hotpValue,
  type OtpAlgorithm,
  type OtpDigits,
} from './hotp.js';

export interface TotpOptions extends HotpOptions {
  /** Time step X in seconds (RFC 6238 §4.1); 30 is the recommended default and what apps assume. */
  period?: number;
}

export interface VerifyTotpInput {
  key: Uint8Array;
  /** What the person typed; spaces are ignored ("123 456"). */
  code: string;
  nowMs: number;
  period?: number;
  digits?: OtpDigits;
  algorithm?: OtpAlgorithm;
  /** Steps of drift accepted either side of now. RFC 6238 §5.2 recommends at most one. */
  window?: number;
  /** The last step this key was accepted for, stored after each success. */
  lastUsedStep?: bigint | null;
}

export type VerifyTotpResult =
  | { ok: true; step: bigint }
  | { ok: false; reason: 'malformed' | 'wrong' | 'used' };

/**
 * The RFC 6238 §4.2 time step T = floor((now - T0) / X) with T0 = 0, as a bigint so that it
 * keeps working past 2038, when seconds since the epoch no longer fit in 32 bits.
 */
export function totpStep(nowMs: number, period = 30): bigint {
  if (!Number.isFinite(nowMs) || nowMs < 0) {
    throw new TypeError('nowMs must be a finite, non-negative number');
  }
  if (!Number.isSafeInteger(period) || period <= 0) throw new TypeError('period must be a positive integer');
  return BigInt(Math.floor(nowMs / 1000)) / BigInt(period);
}

/** TOTP (RFC 6238 §4): HOTP with the time step as its counter. */
export function generateTOTP(key: Uint8Array, nowMs: number, options: TotpOptions = {}): string {
  const { period = 30, ...hotpOptions } = options;
  return generateHOTP(key, totpStep(nowMs, period), hotpOptions);
}

const exactDigits: Record<OtpDigits, RegExp> = { 6: /^[0-9]{6}$/, 7: /^[0-9]{7}$/, 8: /^[0-9]{8}$/ };
const TWO_32 = 2 ** 32;

/**
 * Checks a TOTP code against every step within `window` of now, refusing steps at or before
 * `lastUsedStep`. On success the caller must store the returned step as the new `lastUsedStep`.
 *
 * Hand-tuned because it is the hot path of every second step: options are checked once, the
 * counter is written into one reused buffer, and codes are compared as numbers. A window-1 check
 * costs three HMACs and little else (`npm run bench -- totp`).
 */
export function verifyTOTP(input: VerifyTotpInput): VerifyTotpResult {
  const { key, code, nowMs, period = 30, digits = 6, algorithm = 'SHA1', window = 1 } = input;
  if (typeof code !== 'string') throw new TypeError('code must be a string');
  // RFC 6238 §5.2 recommends at most one step of drift; every extra step multiplies an online
  // guesser's chances, so a window above 10 is a bug, not a setting.
  if (!Number.isSafeInteger(window) || window < 0 || window > 10) {
    throw new TypeError('window must be an integer from 0 to 10');
  }
  checkOtpOptions(digits, algorithm);
  // Steps stay far below 2^53 (even at T = 20000000000 s they are under 2^30): plain numbers suffice.
  if (!Number.isFinite(nowMs) || nowMs < 0)
    throw new TypeError('nowMs must be a finite, non-negative number');
  if (!Number.isSafeInteger(period) || period <= 0) throw new TypeError('period must be a positive integer');
  const current = Math.floor(Math.floor(nowMs / 1000) / period);
  const lastUsed =
    input.lastUsedStep === undefined || input.lastUsedStep === null ? -1 : Number(input.lastUsedStep);

  const typed = code.replace(/\s/g, '');
  // Exactly `digits` ASCII digits: no signs, no exponents, no other scripts' digits ("١٢٣٤٥٦").
  const wellFormed = exactDigits[digits].test(typed);
  const typedValue = wellFormed ? Number(typed) : -1;

  // Every candidate is computed and compared, and the loop never exits early, so the time taken
  // does not tell an attacker whether, or at which step, the code matched.
  let accepted = -1;
  let matchedUsed = false;
  for (let step = current - window; step <= current + window; step++) {
    if (step < 0) continue;
    const matches =
      hotpValue(key, Math.floor(step / TWO_32), step % TWO_32, digits, algorithm) === typedValue;
    // RFC 6238 §5.2: the verifier MUST NOT accept the second attempt of an OTP. Refusing every
    // step <= the last used one also stops an older, still-in-window code after a newer one.
    const used = step <= lastUsed;
    if (matches && used) matchedUsed = true;
    // The earliest unused match: recording a later step would needlessly refuse the next code.
    if (matches && !used && accepted === -1) accepted = step;
  }

  if (!wellFormed) return { ok: false, reason: 'malformed' };
  if (accepted !== -1) return { ok: true, step: BigInt(accepted) };
  return { ok: false, reason: matchedUsed ? 'used' : 'wrong' };
}
