/**
 * A support reset of a user's second factors. It waits `pending` until `effectiveAt`, so the real
 * user can cancel a reset that a caller talked support into; then it is `done` or `cancelled`.
 */
export interface TwoFactorReset {
  id: string;
  userId: string;
  /** The staff member who asked for it; null when an operator ran the CLI. */
  requestedBy: string | null;
  reason: string;
  requestedAt: Date;
  effectiveAt: Date;
  /** SHA-256 of the cancel link's token; the token itself is only in the notices. */
  cancelTokenHash: string;
  status: 'pending' | 'cancelled' | 'done';
  closedAt: Date | null;
}
