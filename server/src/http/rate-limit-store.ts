/**
 * Where the rate limiter's counters live: the `RateLimitStore` port and its two implementations.
 * In memory for a single instance (the default, and PGlite deployments, which are one process by
 * nature); in PostgreSQL's `rate_limit_counters` when several instances share a database, so that
 * they share the budgets too. Counters are per fixed window: a key's count for the window that
 * started at `windowStart`. Every time comes from the caller (the injected clock), never from the
 * database's `now()`, so that tests can move time and instances agree on the windows.
 */
import { lt, sql } from 'drizzle-orm';
import type { Database } from '../storage/database';
import { rateLimitCounters } from '../storage/schema';

/** The counters behind a `RateLimiter`. */
export interface RateLimitStore {
  /**
   * Adds one hit to `key`'s counter for the window `[windowStart, windowStart + windowMs)` and
   * answers the count including it. Atomic: concurrent calls each see a distinct count.
   */
  increment(key: string, windowStart: Date, windowMs: number, now: Date): Promise<number>;
}

/** Options of {@link createMemoryRateLimitStore}. */
export interface MemoryRateLimitStoreOptions {
  /**
   * The most keys held at once (default 100,000, some 20 MB). A flood of distinct addresses
   * cannot grow the map beyond it: the least recently hit key is forgotten to make room.
   */
  maxKeys?: number;
  /** How often (by the callers' clock) ended windows are swept out (default every minute). */
  sweepEveryMs?: number;
}

export const DEFAULT_MAX_KEYS = 100_000;
const DEFAULT_SWEEP_EVERY_MS = 60_000;

/** The in-memory store, with the number of keys it holds (for tests and diagnostics). */
export interface MemoryRateLimitStore extends RateLimitStore {
  readonly size: number;
}

interface MemoryEntry {
  windowStart: number;
  endsAt: number;
  count: number;
}

/**
 * Counters in a `Map`, one entry per key (its current window), kept in order of last hit: a hit
 * moves its key to the end, so the first key is always the least recently used one. Forgetting
 * a key when full only ever hands that key a fresh budget — it can never refuse anyone — and the
 * key forgotten is the coldest one, so a busy abuser's counter is not what a flood evicts.
 */
export function createMemoryRateLimitStore(
  options: MemoryRateLimitStoreOptions = {},
): MemoryRateLimitStore {
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  const sweepEveryMs = options.sweepEveryMs ?? DEFAULT_SWEEP_EVERY_MS;
  if (!Number.isInteger(maxKeys) || maxKeys < 1) {
    throw new Error('The rate limiter’s maxKeys must be a positive integer.');
  }
  const entries = new Map<string, MemoryEntry>();
  let lastSweep = Number.NEGATIVE_INFINITY;

  function sweep(now: number): void {
    for (const [key, entry] of entries) {
      if (entry.endsAt <= now) entries.delete(key);
    }
    lastSweep = now;
  }

  return {
    get size() {
      return entries.size;
    },
    async increment(key, windowStart, windowMs, now) {
      const at = now.getTime();
      if (at - lastSweep >= sweepEveryMs) sweep(at);

      const start = windowStart.getTime();
      let entry = entries.get(key);
      // Re-inserted below, which moves the key to the end of the LRU order.
      if (entry) entries.delete(key);
      // A later window starts a fresh count. An earlier one (the clock stepped back) is counted
      // in the window already open rather than handing out a second budget.
      if (!entry || start > entry.windowStart) {
        entry = { windowStart: start, endsAt: start + windowMs, count: 0 };
      }
      entry.count += 1;
      while (entries.size >= maxKeys) {
        const coldest = entries.keys().next();
        if (coldest.done) break;
        entries.delete(coldest.value);
      }
      entries.set(key, entry);
      return entry.count;
    },
  };
}

/** Options of {@link createSqlRateLimitStore}. */
export interface SqlRateLimitStoreOptions {
  /** How often (by the callers' clock) ended windows are deleted (default every minute). */
  pruneEveryMs?: number;
  /**
   * The longest window the policy uses, so that the first prune after a boot already keeps
   * those windows (default 0: the longest window counted so far).
   */
  longestWindowMs?: number;
}

/**
 * Counters in `rate_limit_counters`. Each hit is one statement — an insert that becomes an
 * increment on conflict, returning the new count — so PostgreSQL's row lock on the conflicting
 * row serialises concurrent hits from any number of instances: the budget is shared exactly,
 * with no read-then-write race.
 *
 * Now and then (at most once per `pruneEveryMs` per instance) the hit that comes due also deletes
 * the windows that started longer ago than the longest window (the policy's, or the longest
 * this store has counted), i.e. that have ended. Instances sharing a database should therefore
 * share one policy: one with shorter windows would prune another's longer windows early (which
 * only ever hands out fresh budgets, never refuses anyone).
 */
export function createSqlRateLimitStore(
  db: Database,
  options: SqlRateLimitStoreOptions = {},
): RateLimitStore {
  const pruneEveryMs = options.pruneEveryMs ?? DEFAULT_SWEEP_EVERY_MS;
  let lastPrune = Number.NEGATIVE_INFINITY;
  let longestWindowMs = options.longestWindowMs ?? 0;

  return {
    async increment(key, windowStart, windowMs, now) {
      const [row] = await db
        .insert(rateLimitCounters)
        .values({ key, windowStart, count: 1 })
        .onConflictDoUpdate({
          target: [rateLimitCounters.key, rateLimitCounters.windowStart],
          set: { count: sql`${rateLimitCounters.count} + 1` },
        })
        .returning({ count: rateLimitCounters.count });
      if (!row) throw new Error('The rate-limit counter upsert returned no row.');

      longestWindowMs = Math.max(longestWindowMs, windowMs);
      const at = now.getTime();
      if (at - lastPrune >= pruneEveryMs) {
        // Claimed before the await, so that concurrent hits do not all prune at once.
        lastPrune = at;
        await db
          .delete(rateLimitCounters)
          .where(lt(rateLimitCounters.windowStart, new Date(at - longestWindowMs)));
      }
      return row.count;
    },
  };
}
