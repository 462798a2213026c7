/**
 * A browser the user asked us to trust for a while: it may skip the second factor, never the
 * password. Only the SHA-256 digest of its 256-bit token is kept, as for sessions.
 */
export interface RememberedDevice {
  id: string;
  userId: string;
  tokenHash: string;
  /** "Chrome on Linux", read from the User-Agent when the device was remembered. */
  deviceName: string;
  userAgent: string;
  ip: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
}
