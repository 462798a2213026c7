import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Times are ISO-8601 UTC strings on both SQLite and PostgreSQL:
 * `Date#toISOString()` always has the same width, so text order is time order, and one
 * representation keeps the two dialects' drivers from converting differently.
 */
export interface Database {
  users: {
    id: string;
    email: string;
    email_normalized: string;
    password_hash: string;
    locale: string | null;
    created_at: string;
    disabled_at: string | null;
    staff_role: string | null;
  };
  sessions: {
    id: string;
    token_hash: string;
    user_id: string;
    state: string;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
    sudo_until: string | null;
    user_agent: string;
    ip: string;
    factor_failures: Generated<number>;
  };
  two_factor_methods: {
    id: string;
    user_id: string;
    type: string;
    label: string;
    status: string;
    secret_sealed: string | null;
    destination: string | null;
    otp_algorithm: string | null;
    otp_digits: number | null;
    otp_period: number | null;
    /** bigint column: PostgreSQL's driver returns it as a string, SQLite's as a number. */
    last_used_step: string | number | null;
    created_at: string;
    confirmed_at: string | null;
    last_used_at: string | null;
    pending_expires_at: string | null;
  };
  recovery_codes: {
    code_hash: string;
    user_id: string;
    created_at: string;
    used_at: string | null;
  };
  code_challenges: {
    id: string;
    user_id: string;
    method_id: string;
    purpose: string;
    session_id: string;
    code_hash: string;
    created_at: string;
    expires_at: string;
    attempts: number;
    consumed_at: string | null;
    last_sent_at: string;
    destination: string | null;
  };
  two_factor_settings: {
    user_id: string;
    primary_method_id: string | null;
  };
  audit_events: {
    id: string;
    user_id: string | null;
    type: string;
    at: string;
    ip: string;
    user_agent: string;
    detail: string;
  };
  email_verifications: {
    token_hash: string;
    user_id: string;
    email_normalized: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
  };
  verified_emails: {
    user_id: string;
    email_normalized: string;
    verified_at: string;
  };
  password_resets: {
    token_hash: string;
    user_id: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
  };
  outbox_messages: {
    id: string;
    channel: string;
    recipient: string;
    subject: string | null;
    text: string;
    html: string | null;
    sent_at: string;
  };
  two_factor_resets: {
    id: string;
    user_id: string;
    requested_by: string | null;
    reason: string;
    requested_at: string;
    effective_at: string;
    cancel_token_hash: string;
    status: string;
    closed_at: string | null;
  };
  policies: {
    scope: string;
    required_from: string | null;
    time_zone: string | null;
    /** Comma-separated method types; null allows every method. */
    allowed_methods: string | null;
    /** 0 or 1: one integer type means the same on both dialects. */
    backup_required: number;
    recovery_codes_count_as_backup: number;
    max_remember_device_days: number | null;
    sudo_minutes: number | null;
    updated_at: string;
  };
  policy_reminders: {
    user_id: string;
    deadline: string;
    days_before: number;
    sent_at: string;
  };
  organizations: {
    id: string;
    name: string;
    created_at: string;
  };
  organization_members: {
    organization_id: string;
    user_id: string;
    role: string;
    joined_at: string;
  };
  organization_invitations: {
    id: string;
    token_hash: string;
    organization_id: string;
    email: string;
    email_normalized: string;
    role: string;
    invited_by: string;
    created_at: string;
    expires_at: string;
    accepted_at: string | null;
  };
  remembered_devices: {
    id: string;
    user_id: string;
    token_hash: string;
    device_name: string;
    user_agent: string;
    ip: string;
    created_at: string;
    expires_at: string;
    last_used_at: string | null;
  };
  rate_limits: {
    key: string;
    window_start: string;
    count: number;
  };
  /** One row per UTC day: the share of users with 2FA that day (0009_audit_and_adoption). */
  adoption_snapshots: {
    day: string;
    taken_at: string;
    users: number;
    with_two_factor: number;
    /** JSON: users per method type. */
    by_method: string;
  };
  /** Second-factor attempts since the last success, and the pending unlock link (0010). */
  second_factor_lockouts: {
    user_id: string;
    attempts: number;
    unlock_token_hash: string | null;
    unlock_expires_at: string | null;
  };
  /** Messages waiting for the delivery worker (0011_message_queue). */
  message_queue: {
    id: string;
    channel: string;
    recipient: string;
    subject: string | null;
    text: string;
    html: string | null;
    /** The voice of a call; null for e-mail and SMS. */
    language: string | null;
    created_at: string;
    attempts: number;
    next_attempt_at: string | null;
    claimed_until: string | null;
    claim_token: string | null;
    sent_at: string | null;
    last_error: string | null;
  };
  /** The public key of each `webauthn` method (0014). */
  webauthn_credentials: {
    method_id: string;
    user_id: string;
    /** base64url, as the browser names the credential. */
    credential_id: string;
    /** base64url of the COSE public key. */
    public_key: string;
    /** bigint column: PostgreSQL's driver returns it as a string, SQLite's as a number. */
    sign_count: string | number;
    /** Comma-separated transports the browser reported (`usb`, `nfc`, `internal`, …). */
    transports: string;
    aaguid: string;
    /** 0 or 1. */
    backed_up: number;
    user_verification: string;
    created_at: string;
  };
}

export const iso = (date: Date): string => date.toISOString();
export const isoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);
export const toDate = (value: string): Date => new Date(value);
export const toDateOrNull = (value: string | null): Date | null => (value ? new Date(value) : null);
