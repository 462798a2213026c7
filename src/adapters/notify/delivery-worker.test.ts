import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, storeKinds, type TestDatabase } from '../../../test/support/databases.js';
import { manualClock } from '../../../test/support/manual-clock.js';
import { PhoneDeliveryError } from '../../core/phone-delivery-error.js';
import type { Mail } from '../../ports/mailer.js';
import type { Store } from '../../ports/store.js';
import { cryptoRandom } from '../crypto/crypto-random.js';
import { keyRing } from '../crypto/key-ring.js';
import { kyselyStore } from '../store/kysely-store.js';
import { migrateToLatest } from '../store/migrations/index.js';
import { openDatabase } from '../store/open-database.js';
import type { Database } from '../store/schema.js';
import { deliveryWorker } from './delivery-worker.js';
import { queuingSenders } from './queued-senders.js';

const kinds = await storeKinds();
const box = keyRing(new Uint8Array(32).fill(7), [], cryptoRandom).secretBox;
const silent = { warn: () => {}, error: () => {} };
const noPhone = { sendSms: async () => {}, call: async () => {} };
const mail = (n: number): Mail => ({
  to: `user${n}@example.com`,
  subject: `Notice ${n}`,
  text: `n=${n}`,
  html: '',
});

/** Two connections to one database, as two nodes have: a file for SQLite, a schema for PostgreSQL. */
async function twoConnections(kind: 'sqlite' | 'postgres') {
  if (kind === 'sqlite') {
    const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'twostep-queue-')), 'queue.db')}`;
    const first = openDatabase(url).db;
    await migrateToLatest(first as Kysely<unknown>);
    const second = openDatabase(url).db;
    return {
      dbs: [first, second],
      drop: async () => void (await Promise.all([first.destroy(), second.destroy()])),
    };
  }
  const database = await freshDatabase('postgres');
  const second = openDatabase(database.url).db;
  return {
    dbs: [database.db, second] as Kysely<Database>[],
    drop: async () => {
      await second.destroy();
      await database.drop();
    },
  };
}

describe.each(kinds)('message delivery on %s', (kind) => {
  it('sends each message exactly once when two workers share the database', async () => {
    const { dbs, drop } = await twoConnections(kind);
    try {
      const clock = manualClock('2026-11-23T09:00:00Z');
      const stores = dbs.map((db) => kyselyStore(db));
      const queue = queuingSenders(stores[0]!.messages, { clock, random: cryptoRandom, box });
      for (let n = 0; n < 45; n++) await queue.mailer.send(mail(n));
      const sent: string[] = [];
      const workers = stores.map((store) =>
        deliveryWorker({
          queue: store.messages,
          mailer: {
            send: async (m) => {
              await new Promise((resolve) => setTimeout(resolve, 2));
              sent.push(m.to);
            },
          },
          phone: noPhone,
          clock,
          random: cryptoRandom,
          box,
          logger: silent,
        }),
      );
      await Promise.all([workers[0]!.kick(), workers[1]!.kick(), workers[0]!.kick(), workers[1]!.kick()]);
      expect(sent.toSorted()).toEqual(
        Array.from({ length: 45 }, (_, n) => `user${n}@example.com`).toSorted(),
      );
      const rows = await stores[1]!.messages.list(100);
      expect(rows.every((row) => row.sentAt !== null && row.nextAttemptAt === null)).toBe(true);
      // Sent: where it went stays for a while, what it said does not.
      expect(rows.every((row) => row.text === '' && row.html === null)).toBe(true);
    } finally {
      await drop();
    }
  });

  describe('retries', () => {
    let database: TestDatabase;
    let store: Store;
    const clock = manualClock('2026-11-23T09:00:00Z');
    beforeEach(async () => {
      database = await freshDatabase(kind);
      store = kyselyStore(database.db);
    });
    afterEach(() => database.drop());

    it('tries a failed message again after 30 s, then 60 s, and sends it once the server is back', async () => {
      let up = false;
      const sent: Mail[] = [];
      const worker = deliveryWorker({
        queue: store.messages,
        mailer: {
          send: async (m) => {
            if (!up) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' });
            sent.push(m);
          },
        },
        phone: noPhone,
        clock,
        random: cryptoRandom,
        box,
        logger: silent,
      });
      await queuingSenders(store.messages, { clock, random: cryptoRandom, box }).mailer.send(mail(1));
      const [queued] = await store.messages.list(10);
      // At rest the body is sealed: a copy of the database yields no reset link or code.
      expect(queued!.text).not.toContain('n=1');
      await worker.kick();
      const [failed] = await store.messages.list(10);
      expect(failed).toMatchObject({ attempts: 1, sentAt: null, lastError: 'Error ESOCKET' });
      expect(failed!.nextAttemptAt!.getTime() - clock.now().getTime()).toBe(30_000);
      clock.advance(29_000);
      await worker.kick();
      expect((await store.messages.list(10))[0]!.attempts).toBe(1);
      clock.advance(1_000);
      await worker.kick();
      const again = (await store.messages.list(10))[0]!;
      expect(again.attempts).toBe(2);
      expect(again.nextAttemptAt!.getTime() - clock.now().getTime()).toBe(60_000);
      up = true;
      clock.advance(60_000);
      await worker.kick();
      await worker.kick();
      expect(sent.map((m) => m.subject)).toEqual(['Notice 1']);
      expect((await store.messages.list(10))[0]).toMatchObject({ attempts: 3, nextAttemptAt: null });
    });

    it('gives up at once on a message the provider refused, and blanks it', async () => {
      const worker = deliveryWorker({
        queue: store.messages,
        mailer: { send: async () => {} },
        phone: {
          sendSms: async () => {
            throw new PhoneDeliveryError('rejected', 'provider 400', { provider: { status: 400 } });
          },
          call: async () => {},
        },
        clock,
        random: cryptoRandom,
        box,
        logger: silent,
      });
      await queuingSenders(store.messages, { clock, random: cryptoRandom, box }).phone.sendSms({
        to: '+46701234567',
        text: 'secret words',
      });
      await worker.kick();
      expect(await store.messages.list(10)).toMatchObject([
        {
          attempts: 1,
          sentAt: null,
          nextAttemptAt: null,
          text: '',
          lastError: 'PhoneDeliveryError rejected 400',
        },
      ]);
    });
  });
});
