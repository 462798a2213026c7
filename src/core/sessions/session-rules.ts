import type { Session } from '../types.js';

export interface SessionPolicy {
  /** Idle time-out: NIST SP 800-63B-4 AAL2 says at most one hour. */
  idleMs: number;
  /** Absolute lifetime: at most 24 hours at AAL2. */
  absoluteMs: number;
  /** How long a confirmed password opens sudo mode. */
  sudoMs: number;
  /** A pending (second-factor) session must finish within this time, at most 10 minutes (T-LOGIN-2). */
  pendingMs: number;
}

export const defaultSessionPolicy: SessionPolicy = {
  idleMs: 60 * 60_000,
  absoluteMs: 24 * 60 * 60_000,
  sudoMs: 10 * 60_000,
  pendingMs: 10 * 60_000,
};

/** Why a session no longer counts, or null while it does. */
export function sessionExpiry(session: Session, now: Date, policy: SessionPolicy): 'expired' | 'idle' | null {
  const t = now.getTime();
  if (t >= session.expiresAt.getTime()) return 'expired';
  const idleLimit = session.state === 'second_factor' ? policy.pendingMs : policy.idleMs;
  if (t - session.lastSeenAt.getTime() >= idleLimit) return 'idle';
  return null;
}

/**
 * Writing last-seen on every request would make every read a write, so it is written at most once
 * per a tenth of the idle time-out (and at least every minute). A user who keeps working is then
 * seen within 90 % of the time-out, however short the operator makes it.
 */
export function needsTouch(session: Session, now: Date, policy: SessionPolicy): boolean {
  const idleLimit = session.state === 'second_factor' ? policy.pendingMs : policy.idleMs;
  return now.getTime() - session.lastSeenAt.getTime() >= Math.min(60_000, idleLimit / 10);
}

export function isInSudo(session: Session, now: Date): boolean {
  const mayChange = session.state === 'signed_in' || session.state === 'two_factor_setup';
  return mayChange && session.sudoUntil !== null && now < session.sudoUntil;
}

export function absoluteExpiry(start: Date, state: Session['state'], policy: SessionPolicy): Date {
  return new Date(start.getTime() + (state === 'second_factor' ? policy.pendingMs : policy.absoluteMs));
}
