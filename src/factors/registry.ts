import { emailFactor } from './email/email-factor.js';
import type { Factor } from './factor.js';
import { recoveryCodeFactor } from './recovery-code/recovery-code-factor.js';
import type { SentCodeFactor } from './sent-code/sent-code-factor.js';
import { smsFactor } from './sms/sms-factor.js';
import { totpFactor } from './totp/totp-factor.js';
import { voiceFactor } from './voice/voice-factor.js';
import { webauthnFactor } from './webauthn/webauthn-factor.js';

/**
 * Every second factor, once, in the order lists show them. Schemas, policy, pages, console and
 * reports take their lists of types from here; a new factor is one line.
 */
export const factors = [
  totpFactor,
  emailFactor,
  smsFactor,
  voiceFactor,
  webauthnFactor,
  recoveryCodeFactor,
] as const;

/** Every type a proof may name at sign-in: `totp`, `email`, `sms`, `voice`, `webauthn`, `recovery_code`. */
export type FactorType = (typeof factors)[number]['type'];

/** The types users add as methods and policies allow or forbid (recovery codes come with 2FA). */
export const methodTypes = factors.filter((f) => f.scope === 'method').map((f) => f.type) as [
  MethodType,
  ...MethodType[],
];
export type MethodType = Exclude<FactorType, 'recovery_code'>;

export const factorTypes = factors.map((f) => f.type) as [FactorType, ...FactorType[]];

/** The types whose codes are sent to an address or number. */
export const codeSendingTypes = factors.filter((f) => f.channel !== null).map((f) => f.type) as [
  MethodType,
  ...MethodType[],
];

const byType = new Map<string, Factor>(factors.map((f) => [f.type, f]));

export function isFactorType(type: string): type is FactorType {
  return byType.has(type);
}

export function isMethodType(type: string): type is MethodType {
  return byType.get(type)?.scope === 'method';
}

/** The factor of a type; a type no factor has is a bug (the edge validated it), so it throws. */
export function factorOf(type: string): Factor {
  const factor = byType.get(type);
  if (!factor) throw new TypeError(`unknown factor type: ${type}`);
  return factor;
}

/** The factors whose codes are sent to a destination (e-mail, SMS, a call). */
export function sendsCodes(type: string): boolean {
  return byType.get(type)?.channel != null;
}

/** The factors whose proof the user's device signs for our origin (security keys). */
export function signsOnDevice(type: string): boolean {
  const factor = byType.get(type);
  return factor !== undefined && factor.channel === null && factor.startChallenge !== undefined;
}

/** The factor of a type when its codes are sent to an address or number the user can change. */
export function sentCodeFactorOf(type: string): SentCodeFactor | null {
  const factor = byType.get(type);
  return factor && 'readDestination' in factor ? (factor as SentCodeFactor) : null;
}
