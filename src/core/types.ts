/** Plain data shared by the core, the use cases and the adapters. Times are Dates; ids are opaque strings. */

export interface User {
  id: string;
  email: string;
  passwordHash: string;
  locale: string | null;
  createdAt: Date;
  disabledAt: Date | null;
  /** Operator staff who may use the support console; null for every customer. */
  staffRole: StaffRole | null;
}

/** `operator` may do everything `support` may, and more. */
export type StaffRole = 'support' | 'operator';

/**
 * `second_factor`: the password was right but a second factor is still owed; such a session
 * proves nothing else. `signed_in`: fully authenticated. `two_factor_setup`: the password was right,
 * 2FA is required by policy and the user has none: only set-up, sign-out and language work.
 */
export type SessionState = 'second_factor' | 'signed_in' | 'two_factor_setup';

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
  | 'policy_changed'
  | 'organization_created'
  | 'organization_member_invited'
  | 'organization_invitation_accepted'
  | 'organization_member_added'
  | 'organization_role_changed'
  | 'organization_member_removed'
  | 'account_created'
  | 'signup_existing_address'
  | 'email_verification_sent'
  | 'email_verified'
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
  | 'method_destination_changed'
  | 'primary_method_changed'
  | 'second_factor_failed'
  | 'second_factor_locked'
  | 'second_factor_unlocked'
  | 'security_key_clone_suspected'
  | 'recovery_code_used'
  | 'recovery_codes_regenerated'
  | 'code_send_limited'
  | 'code_delivery_failed'
  | 'device_remembered'
  | 'second_factor_remembered'
  | 'remembered_device_forgotten'
  | 'remembered_devices_forgotten'
  | 'staff_role_changed'
  | 'staff_signed_user_out'
  | 'two_factor_reset_requested'
  | 'two_factor_reset_cancelled'
  | 'two_factor_reset_shortened'
  | 'two_factor_reset_completed'
  | 'audit_log_exported';

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

/**
 * Why a proof is asked for. A proof made for one purpose never counts for another: a code sent
 * for sign-in does not confirm a set-up, a code proving a new address does not turn 2FA off.
 */
export type ProofPurpose = 'enroll' | 'sign_in' | 'change' | 'disable';

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

/** A second-factor method of a user. `pending` until its first code is confirmed. */
export interface TwoFactorMethod {
  id: string;
  userId: string;
  /** The factor it belongs to (`totp`, `email`, …): see factors/registry.ts. */
  type: string;
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
