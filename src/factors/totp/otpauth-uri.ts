import { decodeBase32, encodeBase32 } from '../../core/base32.js';
import type { OtpAlgorithm, OtpDigits } from './hotp.js';

// Key Uri Format: https://github.com/google/google-authenticator/wiki/Key-Uri-Format
export interface OtpauthTotp {
  /** Shown by the app above the account; also the label prefix, so apps can tell accounts apart. */
  issuer: string;
  accountName: string;
  secret: Uint8Array;
  algorithm: OtpAlgorithm;
  digits: OtpDigits;
  period: number;
}

export type BuildOtpauthUriInput = Pick<OtpauthTotp, 'issuer' | 'accountName' | 'secret'> &
  Partial<Pick<OtpauthTotp, 'algorithm' | 'digits' | 'period'>>;

export class OtpauthUriParseError extends Error {
  constructor(message: string) {
    super(`Failed to parse otpauth URI: ${message}`);
    this.name = 'OtpauthUriParseError';
  }
}

const ALGORITHMS: readonly string[] = ['SHA1', 'SHA256', 'SHA512'];

/** The otpauth://totp/… URI an authenticator app scans from the enrolment QR code. */
export function buildOtpauthUri(input: BuildOtpauthUriInput): string {
  const { issuer, accountName, secret, algorithm = 'SHA1', digits = 6, period = 30 } = input;
  // The format forbids a colon in either part: it separates issuer from account in the label.
  if (!issuer || issuer.includes(':')) throw new TypeError('issuer must be non-empty, without ":"');
  if (!accountName || accountName.includes(':')) {
    throw new TypeError('accountName must be non-empty, without ":"');
  }
  if (!ALGORITHMS.includes(algorithm)) throw new TypeError(`Unknown algorithm: ${String(algorithm)}`);
  if (digits !== 6 && digits !== 7 && digits !== 8) throw new TypeError('digits must be 6, 7 or 8');
  if (!Number.isSafeInteger(period) || period <= 0) throw new TypeError('period must be a positive integer');
  // encodeURIComponent, not URLSearchParams: the format asks for spaces as %20, and some apps
  // show a '+' from form encoding literally.
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const params = [
    `secret=${encodeBase32(secret)}`,
    // Repeated as a parameter: older apps read only the label prefix, newer ones prefer this.
    `issuer=${encodeURIComponent(issuer)}`,
    `algorithm=${algorithm}`,
    `digits=${digits}`,
    `period=${period}`,
  ];
  return `otpauth://totp/${label}?${params.join('&')}`;
}

/** Reads a TOTP key URI back (tests and clients); throws OtpauthUriParseError on anything else. */
export function parseOtpauthUri(uri: string): OtpauthTotp {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new OtpauthUriParseError('not a URI');
  }
  if (url.protocol !== 'otpauth:') throw new OtpauthUriParseError('scheme is not otpauth');
  if (url.host.toLowerCase() !== 'totp') throw new OtpauthUriParseError('type is not totp');

  const label = decode(url.pathname.slice(1), 'label');
  const colon = label.indexOf(':');
  const prefix = colon === -1 ? null : label.slice(0, colon);
  // The format allows optional spaces after the colon.
  const accountName = (colon === -1 ? label : label.slice(colon + 1)).replace(/^ +/, '');
  const query = url.searchParams;
  const issuer = query.get('issuer') ?? prefix;
  if (!issuer) throw new OtpauthUriParseError('missing issuer');
  if (prefix !== null && prefix !== issuer) throw new OtpauthUriParseError('label and issuer disagree');
  if (!accountName) throw new OtpauthUriParseError('missing account name');

  const secretText = query.get('secret');
  if (!secretText) throw new OtpauthUriParseError('missing secret');
  let secret: Uint8Array;
  try {
    secret = decodeBase32(secretText);
  } catch {
    throw new OtpauthUriParseError('secret is not base32');
  }

  const algorithm = (query.get('algorithm') ?? 'SHA1').toUpperCase();
  if (!ALGORITHMS.includes(algorithm)) throw new OtpauthUriParseError('unknown algorithm');
  const digits = Number(query.get('digits') ?? '6');
  if (digits !== 6 && digits !== 7 && digits !== 8) {
    throw new OtpauthUriParseError('digits must be 6, 7 or 8');
  }
  const period = Number(query.get('period') ?? '30');
  if (!Number.isSafeInteger(period) || period <= 0) throw new OtpauthUriParseError('bad period');

  return { issuer, accountName, secret, algorithm: algorithm as OtpAlgorithm, digits, period };
}

function decode(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new OtpauthUriParseError(`${what} is not percent-encoded UTF-8`);
  }
}
