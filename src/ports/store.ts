import type { AuditEvent, OutboxMessage, Session, SessionState, StaffRole, User } from '../core/types.js';
import type { CodeChallengeStore } from './code-challenge-store.js';
import type { EmailVerificationStore } from './email-verification-store.js';
import type { ExpiredRowStore } from './expired-row-store.js';
import type { MessageQueueStore } from './message-queue.js';
import type { MethodStore } from './method-store.js';
import type { OrganizationStore } from './organization-store.js';
import type { PolicyStore } from './policy-store.js';
import type { RecoveryCodeStore } from './recovery-code-store.js';
import type { RememberedDeviceStore } from './remembered-device-store.js';
import type { AdoptionStore, AuditExplorerStore } from './report-store.js';
import type { SecondFactorLockoutStore } from './second-factor-lockout-store.js';
import type { TwoFactorResetStore } from './two-factor-reset-store.js';
import type { WebauthnCredentialStore } from './webauthn-credential-store.js';

/** Storage ports, one per aggregate, in the words of the domain. Implemented once over Kysely. */

export interface UserStore {
  /** Inserts unless the normalized e-mail exists; returns whether it was inserted (race-safe). */
  insertIfAbsent(user: Omit<User, 'staffRole'> & { staffRole?: StaffRole | null }): Promise<boolean>;
  findByEmail(email: string): Promise<User | null>;
  findById(id: string): Promise<User | null>;
  updatePasswordHash(id: string, passwordHash: string): Promise<void>;
  setDisabled(id: string, at: Date | null): Promise<void>;
  setLocale(id: string, locale: string): Promise<void>;
  setStaffRole(id: string, role: StaffRole | null): Promise<void>;
  list(options: { limit: number; offset: number }): Promise<User[]>;
}

export interface SessionStore {
  create(session: Session): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<Session | null>;
  findById(id: string): Promise<Session | null>;
  /** Replaces the token (renewal at a step up) and applies the other changes at once. */
  rotate(
    id: string,
    newTokenHash: string,
    changes: { state?: SessionState; sudoUntil?: Date | null; expiresAt?: Date; lastSeenAt: Date },
  ): Promise<void>;
  touch(id: string, lastSeenAt: Date): Promise<void>;
  listForUser(userId: string): Promise<Session[]>;
  delete(id: string): Promise<boolean>;
  /** Deletes every session of the user but `exceptId`; returns how many went. */
  deleteForUser(userId: string, exceptId?: string): Promise<number>;
  deleteExpired(now: Date, idleCutoff: Date): Promise<number>;
  /** Counts one wrong second factor on a pending sign-in, atomically; returns the new count. */
  addFactorFailure(sessionId: string): Promise<number>;
}

export interface AuditStore {
  append(event: AuditEvent): Promise<void>;
  listForUser(userId: string, limit: number): Promise<AuditEvent[]>;
}

export interface PasswordResetStore {
  create(reset: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date }): Promise<void>;
  /** The user a token belongs to while it is unused and unexpired; spends nothing. */
  findValid(tokenHash: string, now: Date): Promise<string | null>;
  /** Spends the token once, atomically; null when unknown, used or expired. */
  consume(tokenHash: string, now: Date): Promise<string | null>;
  deleteForUser(userId: string): Promise<void>;
}

export interface OutboxStore {
  add(message: OutboxMessage): Promise<void>;
  list(limit: number): Promise<OutboxMessage[]>;
}

export interface Store {
  users: UserStore;
  sessions: SessionStore;
  audit: AuditStore;
  passwordResets: PasswordResetStore;
  emailVerifications: EmailVerificationStore;
  outbox: OutboxStore;
  /** Every message to a user waits here, written with the change that caused it, until it is sent. */
  messages: MessageQueueStore;
  methods: MethodStore;
  recoveryCodes: RecoveryCodeStore;
  codeChallenges: CodeChallengeStore;
  rememberedDevices: RememberedDeviceStore;
  organizations: OrganizationStore;
  policies: PolicyStore;
  twoFactorResets: TwoFactorResetStore;
  auditExplorer: AuditExplorerStore;
  adoption: AdoptionStore;
  expiredRows: ExpiredRowStore;
  secondFactorLockouts: SecondFactorLockoutStore;
  webauthnCredentials: WebauthnCredentialStore;
  /** Runs `work` in one transaction: all of its writes land, or none. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
