/**
 * The rate limiter over both stores: in memory, and SQL (`rate_limit_counters` on PGlite here,
 * on PostgreSQL when `TEST_DATABASE_URL` is set). Every time comes from the test's clock.
 */
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../src/http/rate-limit';
import {
  createMemoryRateLimitStore,
  createSqlRateLimitStore,
  type RateLimitStore,
} from '../src/http/rate-limit-store';
import type { DatabaseConnection } from '../src/storage/database';
import { rateLimitCounters } from '../src/storage/schema';
import { emptyDatabase } from './support/test-server';
import { openWorkerDatabase } from './support/worker-database';

const MINUTE = 60_000;
/** 10.2 s into a minute window, so Retry-After has a fraction to round up. */
const T0 = Date.parse('2030-01-01T00:00:10.200Z');
const at = (offsetMs: number) => new Date(T0 + offsetMs);

const stores: [string, () => Promise<RateLimitStore>][] = [
  ['memory', async () => createMemoryRateLimitStore()],
  ['SQL', async () => createSqlRateLimitStore((await emptyDatabase()).db)],
];

describe.each(stores)('the rate limiter over the %s store', (_name, openStore) => {
  it('allows `limit` hits in a window, then refuses with the seconds left in it', async () => {
    const limiter = createRateLimiter(await openStore());
    const decisions = [];
    for (let index = 0; index < 4; index += 1) {
      decisions.push(await limiter.hit('k', 3, MINUTE, at(index)));
    }
    expect(decisions).toEqual([
      { allowed: true, retryAfterSeconds: 0, remaining: 2 },
      { allowed: true, retryAfterSeconds: 0, remaining: 1 },
      { allowed: true, retryAfterSeconds: 0, remaining: 0 },
      // The window ends at 00:01:00.000; it is 00:00:10.203: 49.797 s, rounded up.
      { allowed: false, retryAfterSeconds: 50, remaining: 0 },
    ]);
  });

  it('starts a whole budget when the clock reaches the next window, not before', async () => {
    const limiter = createRateLimiter(await openStore());
    for (let index = 0; index < 2; index += 1) await limiter.hit('k', 2, MINUTE, at(0));
    const endOfWindow = Date.parse('2030-01-01T00:01:00.000Z') - T0;

    const lastMoment = await limiter.hit('k', 2, MINUTE, at(endOfWindow - 1));
    expect(lastMoment).toEqual({ allowed: false, retryAfterSeconds: 1, remaining: 0 });
    expect(await limiter.hit('k', 2, MINUTE, at(endOfWindow))).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
      remaining: 1,
    });
  });

  it('counts each key on its own', async () => {
    const limiter = createRateLimiter(await openStore());
    expect((await limiter.hit('a', 1, MINUTE, at(0))).allowed).toBe(true);
    expect((await limiter.hit('a', 1, MINUTE, at(0))).allowed).toBe(false);
    expect((await limiter.hit('b', 1, MINUTE, at(0))).allowed).toBe(true);
  });

  it('gives concurrent hits distinct counts: exactly `limit` of them are allowed', async () => {
    const limiter = createRateLimiter(await openStore());
    const decisions = await Promise.all(
      Array.from({ length: 40 }, () => limiter.hit('k', 25, MINUTE, at(0))),
    );
    const allowed = decisions.filter((decision) => decision.allowed);
    // Each allowed hit saw its own count: the remainders are 24, 23, … 0, once each.
    expect(allowed.map((decision) => decision.remaining).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, index) => index),
    );
  });
});

describe('the in-memory store', () => {
  it('holds at most maxKeys keys, however many distinct ones flood it', async () => {
    const store = createMemoryRateLimitStore({ maxKeys: 100 });
    const limiter = createRateLimiter(store);
    for (let index = 0; index < 5_000; index += 1) {
      await limiter.hit(`ip:read:198.51.100.${index}`, 10, MINUTE, at(0));
    }
    expect(store.size).toBe(100);
  });

  it('forgets the least recently hit key first, so a busy key keeps its count in a flood', async () => {
    const store = createMemoryRateLimitStore({ maxKeys: 100 });
    const limiter = createRateLimiter(store);
    for (let round = 0; round < 50; round += 1) {
      await limiter.hit('busy', 1_000, MINUTE, at(0));
      // Fewer new keys between two of its hits than the cap: the busy key is never the coldest.
      for (let index = 0; index < 90; index += 1) {
        await limiter.hit(`flood:${round}:${index}`, 1_000, MINUTE, at(0));
      }
    }
    expect((await limiter.hit('busy', 1_000, MINUTE, at(0))).remaining).toBe(1_000 - 51);
  });

  it('sweeps out ended windows as the clock moves on', async () => {
    const store = createMemoryRateLimitStore({ sweepEveryMs: MINUTE });
    const limiter = createRateLimiter(store);
    for (let index = 0; index < 50; index += 1) await limiter.hit(`k${index}`, 5, MINUTE, at(0));
    expect(store.size).toBe(50);
    await limiter.hit('later', 5, MINUTE, at(2 * MINUTE));
    expect(store.size).toBe(1);
  });

  it('counts a hit from a clock that stepped back in the window already open', async () => {
    const limiter = createRateLimiter(createMemoryRateLimitStore());
    await limiter.hit('k', 2, MINUTE, at(MINUTE));
    await limiter.hit('k', 2, MINUTE, at(MINUTE));
    expect((await limiter.hit('k', 2, MINUTE, at(0))).allowed).toBe(false);
  });

  it('refuses a cap that is not a positive integer', () => {
    expect(() => createMemoryRateLimitStore({ maxKeys: 0 })).toThrow(/maxKeys/);
  });
});

describe('the SQL store', () => {
  const rows = async (connection: DatabaseConnection) =>
    (await connection.db.select().from(rateLimitCounters)).map((row) => ({
      key: row.key,
      windowStart: row.windowStart.toISOString(),
      count: row.count,
    }));

  it('keeps one row per key and window, counted by the upsert', async () => {
    const connection = await emptyDatabase();
    const limiter = createRateLimiter(createSqlRateLimitStore(connection.db));
    for (let index = 0; index < 3; index += 1) await limiter.hit('k', 10, MINUTE, at(0));
    expect(await rows(connection)).toEqual([
      { key: 'k', windowStart: '2030-01-01T00:00:00.000Z', count: 3 },
    ]);
  });

  it('deletes ended windows now and then (once per pruneEveryMs), keeping open ones', async () => {
    const connection = await emptyDatabase();
    const limiter = createRateLimiter(
      createSqlRateLimitStore(connection.db, { pruneEveryMs: 5 * MINUTE }),
    );
    await limiter.hit('old', 10, MINUTE, at(0));
    await limiter.hit('recent', 10, MINUTE, at(2 * MINUTE));
    // Not yet due: the first hit pruned (nothing), the next prune is 5 minutes later.
    expect((await rows(connection)).map((row) => row.key).sort()).toEqual(['old', 'recent']);

    await limiter.hit('now', 10, MINUTE, at(5 * MINUTE));
    // The window of `old` (00:00) and of `recent` (00:02) ended; `now`'s (00:05) is open.
    expect((await rows(connection)).map((row) => row.key)).toEqual(['now']);
  });

  it('keeps the policy’s longest window from the first prune on', async () => {
    const connection = await emptyDatabase();
    const hour = 60 * MINUTE;
    await createRateLimiter(createSqlRateLimitStore(connection.db)).hit('long', 5, hour, at(0));
    // A restarted instance whose first hit is on a one-minute budget.
    const restarted = createRateLimiter(
      createSqlRateLimitStore(connection.db, { longestWindowMs: hour }),
    );
    await restarted.hit('short', 5, MINUTE, at(30 * MINUTE));
    expect((await rows(connection)).map((row) => row.key).sort()).toEqual(['long', 'short']);
  });

  // Two instances over one PostgreSQL: two connection pools, two limiters, one budget. PGlite is
  // one connection in one process, so it cannot stand for two instances; this runs only on a real
  // PostgreSQL (TEST_DATABASE_URL, set in CI).
  it.runIf(process.env.TEST_DATABASE_URL)(
    'two limiters over two connections share one budget exactly',
    async () => {
      const first = await emptyDatabase();
      const second = await openWorkerDatabase(process.env.TEST_DATABASE_URL);
      try {
        const limiters = [first, second].map((connection) =>
          createRateLimiter(createSqlRateLimitStore(connection.db)),
        );
        const decisions = await Promise.all(
          Array.from({ length: 120 }, (_, index) =>
            limiters[index % 2]!.hit('shared', 70, MINUTE, at(0)),
          ),
        );
        expect(decisions.filter((decision) => decision.allowed)).toHaveLength(70);
        expect(await rows(first)).toEqual([
          { key: 'shared', windowStart: '2030-01-01T00:00:00.000Z', count: 120 },
        ]);
      } finally {
        await second.close();
      }
    },
  );
});
