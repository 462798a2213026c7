import { type Kysely, sql } from 'kysely';
import type { RateLimiter } from '../../ports/rate-limiter.js';
import { type Database, iso } from '../store/schema.js';

/**
 * Fixed-window counters in the main database: the embedded default needs no other service.
 * One upsert both counts and reads, so concurrent attempts on one key are each counted.
 */
export function sqlRateLimiter(db: Kysely<Database>): RateLimiter {
  return {
    async consume(key, rule, now) {
      const windowStartCutoff = iso(new Date(now.getTime() - rule.windowSeconds * 1000));
      const expired = sql<boolean>`rate_limits.window_start <= ${windowStartCutoff}`;
      const row = await db
        .insertInto('rate_limits')
        .values({ key, window_start: iso(now), count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`CASE WHEN ${expired} THEN 1 ELSE rate_limits.count + 1 END`,
            window_start: sql<string>`CASE WHEN ${expired} THEN ${iso(now)} ELSE rate_limits.window_start END`,
          }),
        )
        .returning(['count', 'window_start'])
        .executeTakeFirstOrThrow();
      const count = Number(row.count);
      if (count <= rule.limit) return { allowed: true, remaining: rule.limit - count };
      const windowEnds = new Date(row.window_start).getTime() + rule.windowSeconds * 1000;
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)),
      };
    },
    async reset(key) {
      await db.deleteFrom('rate_limits').where('key', '=', key).execute();
    },
  };
}
