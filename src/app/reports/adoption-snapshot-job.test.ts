import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { manualClock } from '../../../test/support/manual-clock.js';
import { kyselyStore } from '../../adapters/store/kysely-store.js';
import type { Store } from '../../ports/store.js';
import { startAdoptionSnapshots } from './adoption-snapshot-job.js';

describe('adoption snapshot job', () => {
  let database: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    database = await freshDatabase('sqlite');
    store = kyselyStore(database.db);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await database.drop();
  });

  const logger = () => ({ info: vi.fn(), error: vi.fn() });

  it('takes one snapshot at start, none more that day, and the next one the day after', async () => {
    const clock = manualClock('2026-11-23T22:30:00Z');
    const log = logger();
    const job = startAdoptionSnapshots({ store, clock }, log, 60 * 60_000);
    // Two processes on one database: the second finds the day taken.
    const other = startAdoptionSnapshots({ store, clock }, logger(), 60 * 60_000);
    await vi.waitFor(async () =>
      expect(await store.adoption.history('2026-11-23', '2026-11-23')).toHaveLength(1),
    );
    clock.advance(2 * 60 * 60_000);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    await vi.waitFor(async () =>
      expect(await store.adoption.history('2026-11-24', '2026-11-24')).toHaveLength(1),
    );
    await job.stop();
    await other.stop();
    expect(await store.adoption.history('2026-01-01', '2026-12-31')).toHaveLength(2);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('logs a failure without a secret and tries again at the next tick', async () => {
    const clock = manualClock('2026-11-23T10:00:00Z');
    const log = logger();
    const broken: Store = {
      ...store,
      adoption: { ...store.adoption, current: () => Promise.reject(new Error('database is down')) },
    };
    const job = startAdoptionSnapshots({ store: broken, clock }, log, 1000);
    await vi.waitFor(() => expect(log.error).toHaveBeenCalledTimes(1));
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(log.error).toHaveBeenCalledTimes(2));
    await job.stop();
    expect(log.error.mock.calls[0]?.[1]).toBe('2FA adoption snapshot failed');
  });
});
