import type { OrganizationRole } from '../core/organizations/roles.js';
import type { PolicySource } from '../core/policy/merge-policies.js';
import type { ProofPurpose, RequestContext, TwoFactorMethod, User } from '../core/types.js';
import type { Store } from './store.js';

/** Whom a message is for: the account address, and the language they chose, if any. */
export type Recipient = Pick<User, 'email' | 'locale'>;

/** Something that happened to an account, told to its owner by e-mail. */
export type SecurityNoticeKind =
  | 'passwordChanged'
  | 'passwordReset'
  | 'passwordWasReset'
  | 'signupExisting'
  | 'twoFactorEnabled'
  | 'twoFactorDisabled'
  | 'methodAdded'
  | 'methodRemoved'
  | 'methodDestinationChanged'
  | 'recoveryCodeUsed'
  | 'recoveryCodesRegenerated'
  | 'recoveryCodesIssued'
  | 'secondFactorLocked'
  | 'signInSlowedDown'
  | 'secondFactorLockedOut';

export interface SecurityNotice {
  user: Recipient;
  kind: SecurityNoticeKind;
  /** The request that did it: its device and IP are named in the notice. */
  context: RequestContext;
  at: Date;
  publicUrl: string;
  /** The notice's own facts: a method's label, a link, how many codes are left, … */
  vars?: Record<string, string>;
  /** The "not you?" line; off only for notices about something the user did not necessarily do. */
  includeNotYou?: boolean;
}

/** Where a user can be reached when support resets their second factor. */
export interface ResetChannels {
  emails: string[];
  sms: string[];
  voice: string[];
}

export type ResetNotice =
  | { kind: 'requested'; effectiveAt: Date; cancelUrl: string }
  | { kind: 'now' }
  | { kind: 'cancelled' };

/** The messages a use case may write inside its transaction: all but one-time codes. */
export type NotifierInTransaction = Omit<Notifier, 'oneTimeCode' | 'within'>;

/**
 * Tells people that something happened, in their language. The use cases say what happened, with
 * plain data; the adapter picks the language, writes the words and queues them. A delivery worker
 * sends them after the request, so a request costs the same whether a message was due or not.
 */
export interface Notifier {
  /**
   * The same messages, queued through the transaction `tx`: they are sent if and only if it
   * commits. Use it whenever a message tells of a change being made.
   */
  within(tx: Store): NotifierInTransaction;
  /** A security notice to the account address: when, which device, which IP, and "not you?". */
  securityNotice(notice: SecurityNotice): Promise<void>;
  /**
   * A one-time code for `purpose` to the method's destination, over the method's channel. Sent at
   * once, not only queued: it rejects when the transport failed, and that code never goes out.
   */
  oneTimeCode(message: {
    method: Pick<TwoFactorMethod, 'id' | 'type' | 'destination'>;
    user: Recipient;
    code: string;
    purpose: ProofPurpose;
    context: RequestContext;
    /** The site the code is for; an SMS names its host so the phone offers the code there only. */
    publicUrl: string;
  }): Promise<void>;
  /** An SMS to a number that no longer gets codes, naming (masked) where they go now. */
  numberReplaced(notice: {
    oldNumber: string;
    to: string;
    user: Recipient;
    context: RequestContext;
  }): Promise<void>;
  /** An invitation into an organization, in the invitee's language if known, else the inviter's. */
  organizationInvitation(invitation: {
    to: string;
    locale: string | null;
    inviter: string;
    organization: string;
    role: OrganizationRole;
    url: string;
    days: number;
  }): Promise<void>;
  /** A single-use link that proves the account address is the owner's. */
  emailVerification(message: { user: Recipient; url: string; hours: number }): Promise<void>;
  /** A reminder that a policy requires 2FA from `deadline`, `days` from now. */
  twoFactorReminder(reminder: {
    user: Recipient;
    deadline: Date;
    timeZone: string;
    by: PolicySource;
    days: number;
    setupUrl: string;
  }): Promise<void>;
  /**
   * A support reset of the second factor, on every channel given; one failing does not keep the
   * others from being tried. Returns how many messages were queued.
   */
  twoFactorReset(user: Recipient, channels: ResetChannels, notice: ResetNotice): Promise<number>;
}
