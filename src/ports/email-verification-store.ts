/** A link that proves an account's address: its token is kept only as a hash. */
export interface EmailVerificationLink {
  tokenHash: string;
  userId: string;
  /** The address the link was mailed to, normalized: it proves that address and no later one. */
  email: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface EmailVerificationStore {
  create(link: Omit<EmailVerificationLink, 'usedAt'>): Promise<void>;
  /** A link in any state (unused, used, expired), so a page can say why it no longer works. */
  find(tokenHash: string): Promise<EmailVerificationLink | null>;
  /** Spends the link once, atomically; null when unknown, used or expired. */
  consume(tokenHash: string, now: Date): Promise<{ userId: string; email: string } | null>;
  /** When the user's newest link was made, for the cool-down before another. */
  lastCreatedAt(userId: string): Promise<Date | null>;
  /** Records that the user proved `email` (normalized); a later address starts unproved. */
  markVerified(userId: string, email: string, at: Date): Promise<void>;
  /** When the user proved `email`, or null while it is unproved. */
  verifiedAt(userId: string, email: string): Promise<Date | null>;
}
