/**
 * The background refresh sweep: every interval, the credentials whose tokens are due (see
 * `refresh-policy.ts`) are refreshed, so a token is fresh before anyone reads it and a rotating
 * refresh token keeps its grant alive. One instance sweeps at a time — on PostgreSQL the one that
 * wins `pg_try_advisory_xact_lock` (the others skip that round), on PGlite a process-local guard —
 * and every refresh still goes through the refresh service's own lock, so a sweep and a token
 * read never refresh one credential twice. What is due is decided on the injected clock; only the
 * pause between rounds is real time.
 */
import { and, asc, eq, isNotNull, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Logger } from '../logger';
import type { Database, DatabaseConnection } from '../storage/database';
import { credentials } from '../storage/schema';
import {
  MAX_REFRESH_MARGIN_MS,
  NO_REFRESH_TOKEN,
  REAUTHORIZATION_ERRORS,
  REFRESH_COOLDOWN_MS,
  shouldRefresh,
} from './refresh-policy';
import { REFRESH_LOCK_NAMESPACE, type RefreshService } from './refresh-service';

/** Work that runs every interval in the background, never two rounds at once. */
export interface PeriodicTask<Report> {
  /** Runs a round now and then one every interval (after the previous one ended). */
  start(): void;
  /** One round, now (tests call it; it waits for a round already running). */
  runOnce(): Promise<Report>;
  /** Stops scheduling and waits for a round that is running. */
  stop(): Promise<void>;
}

/** Makes a {@link PeriodicTask} of one round of work. */
export function createPeriodicTask<Report>(
  name: string,
  intervalMs: number,
  round: () => Promise<Report>,
  logger: Logger,
): PeriodicTask<Report> {
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new TypeError(`${name}: intervalMs must be a positive number.`);
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<Report> | null = null;
  let started = false;

  const runOnce = (): Promise<Report> => {
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  };
  const tick = () => {
    timer = null;
    runOnce()
      .catch((error: unknown) => logger.error(`${name} failed`, { error }))
      .finally(() => {
        if (!started) return;
        timer = setTimeout(tick, intervalMs);
        // Background work never keeps the process alive on its own.
        timer.unref();
      });
  };
  return {
    start() {
      if (started) return;
      started = true;
      tick();
    },
    runOnce,
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}

export interface RefreshSweeperOptions {
  /** The pause between rounds, in milliseconds (shorter than the 30 s minimum margin). */
  intervalMs: number;
  /** The most credentials refreshed in one round (default 100; the rest wait for the next). */
  batchSize?: number;
}

/** What one round did. */
export interface RefreshSweepReport {
  /** False when another instance held the sweep lock, or this process was already sweeping. */
  swept: boolean;
  refreshed: number;
  failed: number;
}

/**
 * The sweep's advisory lock. A namespace of its own: a credential whose lock key equalled the
 * sweep's would otherwise wait for the very sweep that is refreshing it.
 */
const SWEEP_LOCK_NAMESPACE = REFRESH_LOCK_NAMESPACE + 1;
const SWEEP_LOCK_KEY = 0;
const sweepingDatabases = new WeakSet<Database>();

export function createRefreshSweeper(
  dependencies: {
    database: Pick<DatabaseConnection, 'db' | 'kind'>;
    clock: () => Date;
    refresh: RefreshService | null;
    logger: Logger;
  },
  options: RefreshSweeperOptions,
): PeriodicTask<RefreshSweepReport> {
  const { database, clock, refresh, logger } = dependencies;
  const { db } = database;
  const batchSize = options.batchSize ?? 100;
  const idle: RefreshSweepReport = { swept: false, refreshed: 0, failed: 0 };

  async function sweep(reader: Pick<Database, 'select'>): Promise<RefreshSweepReport> {
    const report: RefreshSweepReport = { swept: true, refreshed: 0, failed: 0 };
    if (!refresh) return report;
    const now = clock();
    // A coarse filter in SQL (the largest margin, no marks, out of the cooldown); the exact
    // margin of each token's own lifetime is applied below.
    const candidates = await reader
      .select()
      .from(credentials)
      .where(
        and(
          eq(credentials.method, 'oauth2'),
          isNotNull(credentials.tokensSealed),
          lte(credentials.tokenExpiresAt, new Date(now.getTime() + MAX_REFRESH_MARGIN_MS)),
          or(
            isNull(credentials.lastErrorCode),
            notInArray(credentials.lastErrorCode, [...REAUTHORIZATION_ERRORS, NO_REFRESH_TOKEN]),
          ),
          or(
            isNull(credentials.refreshFailedAt),
            lte(credentials.refreshFailedAt, new Date(now.getTime() - REFRESH_COOLDOWN_MS)),
          ),
        ),
      )
      .orderBy(asc(credentials.tokenExpiresAt))
      .limit(batchSize);
    for (const row of candidates) {
      if (!shouldRefresh(row, clock())) continue;
      const result = await refresh.refreshIfDue(row);
      if (result.outcome === 'refreshed') report.refreshed += 1;
      else if (result.outcome === 'failed' || result.outcome === 'reauthorization_required')
        report.failed += 1;
    }
    return report;
  }

  async function round(): Promise<RefreshSweepReport> {
    if (database.kind === 'pglite') {
      if (sweepingDatabases.has(db)) return idle;
      sweepingDatabases.add(db);
      try {
        return await sweep(db);
      } finally {
        sweepingDatabases.delete(db);
      }
    }
    // The transaction holds the sweep lock for the round; the refreshes run on connections of
    // their own (each under its credential's lock), so the lock only decides who sweeps.
    return db.transaction(async (tx) => {
      const result = await tx.execute(
        sql`SELECT pg_try_advisory_xact_lock(${SWEEP_LOCK_NAMESPACE}::int4, ${SWEEP_LOCK_KEY}::int4) AS locked`,
      );
      const [first] = (result as unknown as { rows: { locked: boolean }[] }).rows;
      if (!first?.locked) return idle;
      return sweep(tx);
    });
  }

  return createPeriodicTask('The refresh sweep', options.intervalMs, round, logger);
}
