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
  rate_limits: {
    key: string;
    window_start: string;
    count: number;
  };
}

export const iso = (date: Date): string => date.toISOString();
export const isoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);
export const toDate = (value: string): Date => new Date(value);
export const toDateOrNull = (value: string | null): Date | null => (value ? new Date(value) : null);
