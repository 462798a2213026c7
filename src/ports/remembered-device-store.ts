import type { RememberedDevice } from '../core/sessions/remembered-device.js';

/** Remembered devices ("Don't ask again on this device"), one row per browser and user. */
export interface RememberedDeviceStore {
  create(device: RememberedDevice): Promise<void>;
  /** The unexpired device a token digest belongs to; null when unknown, forgotten or expired. */
  findValid(tokenHash: string, now: Date): Promise<RememberedDevice | null>;
  /** The user's unexpired devices, newest first. */
  listForUser(userId: string, now: Date): Promise<RememberedDevice[]>;
  markUsed(id: string, at: Date): Promise<void>;
  /** Forgets one device of this user; false when it is not theirs or already gone. */
  delete(userId: string, id: string): Promise<boolean>;
  /** Forgets every device of the user (password change or reset, 2FA off, admin reset). */
  deleteForUser(userId: string): Promise<number>;
  deleteExpired(now: Date): Promise<number>;
}
