import type { Kysely } from 'kysely';
import type { RememberedDevice } from '../../core/sessions/remembered-device.js';
import type { RememberedDeviceStore } from '../../ports/remembered-device-store.js';
import { type Database, iso, toDate, toDateOrNull } from './schema.js';

type Row = Database['remembered_devices'];

const toDevice = (row: Row): RememberedDevice => ({
  id: row.id,
  userId: row.user_id,
  tokenHash: row.token_hash,
  deviceName: row.device_name,
  userAgent: row.user_agent,
  ip: row.ip,
  createdAt: toDate(row.created_at),
  expiresAt: toDate(row.expires_at),
  lastUsedAt: toDateOrNull(row.last_used_at),
});

export function kyselyRememberedDeviceStore(db: Kysely<Database>): RememberedDeviceStore {
  return {
    async create(d) {
      await db
        .insertInto('remembered_devices')
        .values({
          id: d.id,
          user_id: d.userId,
          token_hash: d.tokenHash,
          device_name: d.deviceName,
          user_agent: d.userAgent,
          ip: d.ip,
          created_at: iso(d.createdAt),
          expires_at: iso(d.expiresAt),
          last_used_at: d.lastUsedAt ? iso(d.lastUsedAt) : null,
        })
        .execute();
    },
    async findValid(tokenHash, now) {
      const row = await db
        .selectFrom('remembered_devices')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', iso(now))
        .executeTakeFirst();
      return row ? toDevice(row) : null;
    },
    async listForUser(userId, now) {
      const rows = await db
        .selectFrom('remembered_devices')
        .selectAll()
        .where('user_id', '=', userId)
        .where('expires_at', '>', iso(now))
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toDevice);
    },
    async markUsed(id, at) {
      await db
        .updateTable('remembered_devices')
        .set({ last_used_at: iso(at) })
        .where('id', '=', id)
        .execute();
    },
    async delete(userId, id) {
      const result = await db
        .deleteFrom('remembered_devices')
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async deleteForUser(userId) {
      const result = await db
        .deleteFrom('remembered_devices')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteExpired(now) {
      const result = await db
        .deleteFrom('remembered_devices')
        .where('expires_at', '<=', iso(now))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
