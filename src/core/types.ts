/** Plain data shared by the core, the use cases and the adapters. Times are Dates; ids are opaque strings. */

export interface User {
  id: string;
  email: string;
  passwordHash: string;
  locale: string | null;
  createdAt: Date;
  disabledAt: Date | null;
}

/**
 * `second_factor`: the password was right but a second factor is still owed; such a session
 * proves nothing else. `signed_in`: fully authenticated.
 */
export type SessionState = 'second_factor' | 'signed_in';

export interface Session {
  /** Public id, shown in the device list. Never the cookie token. */
  id: string;
  /** SHA-256 of the cookie token: a stolen database cannot be replayed as cookies. */
  tokenHash: string;
  userId: string;
  state: SessionState;
  createdAt: Date;
  lastSeenAt: Date;
  /** Absolute end of the session, whatever the activity. */
  expiresAt: Date;
  /** Until when security changes may be made without the password again (sudo mode). */
  sudoUntil: Date | null;
  userAgent: string;
  ip: string;
}

export type AuditEventType =
  | 'account_created'
  | 'signup_existing_address'
  | 'sign_in_succeeded'
  | 'sign_in_failed'
  | 'sign_in_rate_limited'
  | 'signed_out'
  | 'session_revoked'
  | 'other_sessions_revoked'
  | 'password_confirmed'
  | 'password_confirm_failed'
  | 'password_changed'
  | 'password_reset_requested'
  | 'password_reset'
  | 'account_disabled'
  | 'account_enabled'
  | 'two_factor_enabled'
  | 'two_factor_disabled'
  | 'method_added'
  | 'method_removed'
  | 'method_renamed'
  | 'primary_method_changed'
  | 'second_factor_failed'
  | 'second_factor_locked'
  | 'recovery_code_used'
  | 'recovery_codes_regenerated'
  | 'code_send_limited'
  | 'code_delivery_failed';

export interface AuditEvent {
  id: string;
  userId: string | null;
  type: AuditEventType;
  at: Date;
  ip: string;
  userAgent: string;
  detail: Record<string, string | number | boolean | null>;
}

export type Channel = 'email' | 'sms' | 'voice';

export interface OutboxMessage {
  id: string;
  channel: Channel;
  to: string;
  subject: string | null;
  text: string;
  html: string | null;
  sentAt: Date;
}

/** Who is asking and from where: carried into audit events and session records. */
export interface RequestContext {
  ip: string;
  userAgent: string;
  locale: string;
}

export type MethodType = 'totp' | 'email' | 'sms' | 'voice';

/** A second-factor method of a user. `pending` until its first code is confirmed. */
export interface TwoFactorMethod {
  id: string;
  userId: string;
  type: MethodType;
  label: string;
  status: 'pending' | 'active';
  /** The TOTP key, sealed (AES-256-GCM) with the method id as associated data. */
  secretSealed: string | null;
  /** E-mail address or E.164 phone number for code-sending methods. */
  destination: string | null;
  /** TOTP parameters, fixed at set-up: changing the defaults later must not break existing apps. */
  otp: { algorithm: 'SHA1' | 'SHA256' | 'SHA512'; digits: 6 | 7 | 8; period: number } | null;
  /** The last TOTP time step accepted (RFC 6238 §5.2): no code of that step or before counts again. */
  lastUsedStep: bigint | null;
  createdAt: Date;
  confirmedAt: Date | null;
  lastUsedAt: Date | null;
  /** A pending set-up is forgotten after this. */
  pendingExpiresAt: Date | null;
}
