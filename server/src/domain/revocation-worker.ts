/**
 * The revocation worker: sends the RFC 7009 revocation of every deleted OAuth credential's
 * tokens (queued by `revocation-outbox.ts`) to its provider, retrying with exponential backoff
 * until it succeeds or gives up; both outcomes are audited. A provider without a revocation
 * endpoint, or tokens of a client the tenant no longer has (revocation authenticates as the
 * client they were issued to), are given up at once, with the reason in the audit.
 *
 * Rows are claimed with a lease (`next_attempt_at` moved past the attempt, `FOR UPDATE SKIP
 * LOCKED`), so instances sharing one PostgreSQL never send the same revocation at once, and a
 * worker that dies mid-attempt leaves the row to be tried again when its lease runs out.
 */
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import * as oauth from 'oauth4webapi';
import { capProviderText } from '../../../src/rules/provider-text';
import { DecryptionError } from '../crypto/errors';
import type { Database } from '../storage/database';
import { revocationOutbox } from '../storage/schema';
import { outboxTokensBinding } from '../storage/sealed-values';
import { requireProvider, type CatalogProvider } from './catalog';
import {
  authorizationServerOf,
  clientAuthOf,
  oauthErrorCode,
  oauthHttpOptions,
  parseStoredTokens,
  type OAuthProtocolDependencies,
} from './oauth-client-protocol';
import { createPeriodicTask, type PeriodicTask } from './refresh-sweeper';

type OutboxRow = typeof revocationOutbox.$inferSelect;

export interface RevocationWorkerOptions {
  /** The pause between rounds, in milliseconds. */
  intervalMs: number;
  /** Attempts before giving up (default 8: about an hour of retries with the default delays). */
  maxAttempts?: number;
  /** The wait after the first failure (default 30 s); each further failure doubles it. */
  baseDelayMs?: number;
  /** The longest wait between attempts (default 1 h). */
  maxDelayMs?: number;
  /** How long a claimed row is left to one worker (default 2 min: longer than any request). */
  leaseMs?: number;
  /** The most rows tried in one round (default 20). */
  batchSize?: number;
}

/** What one round did. */
export interface RevocationReport {
  revoked: number;
  retrying: number;
  givenUp: number;
}

export interface RevocationWorkerDependencies extends OAuthProtocolDependencies {
  db: Database;
}

/** The wait before attempt `attempts + 1`, after `attempts` failures. */
export function revocationBackoffMs(
  attempts: number,
  baseDelayMs = DEFAULT_BASE_DELAY_MS,
  maxDelayMs = DEFAULT_MAX_DELAY_MS,
): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

const DEFAULT_BASE_DELAY_MS = 30_000;
const DEFAULT_MAX_DELAY_MS = 3_600_000;

/** Why a row is given up without (further) attempts. */
class GiveUp extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export function createRevocationWorker(
  dependencies: RevocationWorkerDependencies,
  options: RevocationWorkerOptions,
): PeriodicTask<RevocationReport> {
  const { db, cipher, clock, audit, clients, directory, logger } = dependencies;
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const leaseMs = options.leaseMs ?? 120_000;
  const batchSize = options.batchSize ?? 20;
  const httpOptions = oauthHttpOptions(dependencies.fetch, dependencies.allowInsecureProviders);

  async function claim(now: Date): Promise<OutboxRow[]> {
    const due = db
      .select({ id: revocationOutbox.id })
      .from(revocationOutbox)
      .where(and(isNull(revocationOutbox.givenUpAt), lte(revocationOutbox.nextAttemptAt, now)))
      .orderBy(asc(revocationOutbox.nextAttemptAt))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    return db
      .update(revocationOutbox)
      .set({ nextAttemptAt: new Date(now.getTime() + leaseMs) })
      .where(inArray(revocationOutbox.id, due))
      .returning();
  }

  /** Revokes the refresh token (which ends the grant at most providers), then the access token. */
  async function revoke(row: OutboxRow): Promise<void> {
    let tokens;
    try {
      tokens = parseStoredTokens(await cipher.open(row.tokensSealed, outboxTokensBinding(row)));
    } catch (error) {
      if (error instanceof DecryptionError) throw new GiveUp('tokens_unreadable');
      throw error;
    }
    let provider: CatalogProvider;
    try {
      provider = requireProvider(row.providerId);
    } catch {
      throw new GiveUp('unknown_provider');
    }
    const client = await clients.inUse(row.tenantId, provider);
    // An empty client id: tokens sealed before their client was recorded (the client in use).
    if (!client || (row.clientId !== '' && row.clientId !== client.clientId)) {
      throw new GiveUp('client_changed');
    }
    const endpoints = directory(provider.id, client);
    if (!endpoints?.revocationEndpoint) throw new GiveUp('no_revocation_endpoint');

    const as = authorizationServerOf(endpoints);
    const oauthClient: oauth.Client = { client_id: client.clientId };
    const pending: [string, 'refresh_token' | 'access_token'][] = [
      ...(tokens.refreshToken
        ? [[tokens.refreshToken, 'refresh_token'] as [string, 'refresh_token']]
        : []),
      [tokens.accessToken, 'access_token'],
    ];
    for (const [token, hint] of pending) {
      try {
        await oauth.processRevocationResponse(
          await oauth.revocationRequest(as, oauthClient, clientAuthOf(endpoints, client), token, {
            ...httpOptions,
            additionalParameters: { token_type_hint: hint },
          }),
        );
      } catch (error) {
        // RFC 7009 §2.2.1: a provider that cannot revoke this type of token says so; the other
        // token's revocation is what counts then.
        if (oauthErrorCode(error) === 'unsupported_token_type') continue;
        throw error;
      }
    }
  }

  async function record(row: OutboxRow, outcome: 'succeeded' | 'failed', detail: string | null) {
    await audit.record({ tenantId: row.tenantId, userId: row.userId }, `revocation:${row.id}`, {
      action: 'credential.revoke',
      outcome,
      providerId: row.providerId,
      credentialId: row.credentialId,
      detail,
    });
  }

  async function giveUp(row: OutboxRow, attempts: number, reason: string): Promise<void> {
    await db
      .update(revocationOutbox)
      .set({ attempts, givenUpAt: clock(), lastError: reason })
      .where(eq(revocationOutbox.id, row.id));
    logger.warn('Gave up revoking a deleted credential’s tokens', {
      providerId: row.providerId,
      credentialId: row.credentialId,
      attempts,
      reason,
    });
    await record(row, 'failed', `given_up:${reason}`);
  }

  async function round(): Promise<RevocationReport> {
    const report: RevocationReport = { revoked: 0, retrying: 0, givenUp: 0 };
    for (const row of await claim(clock())) {
      try {
        await revoke(row);
      } catch (error) {
        if (error instanceof GiveUp) {
          await giveUp(row, row.attempts, error.reason);
          report.givenUp += 1;
          continue;
        }
        const attempts = row.attempts + 1;
        const reason = capProviderText(
          oauthErrorCode(error) ?? (error instanceof Error ? error.name : 'unknown'),
          100,
        );
        if (attempts >= maxAttempts) {
          await giveUp(row, attempts, reason);
          report.givenUp += 1;
          continue;
        }
        await db
          .update(revocationOutbox)
          .set({
            attempts,
            lastError: reason,
            nextAttemptAt: new Date(
              clock().getTime() + revocationBackoffMs(attempts, baseDelayMs, maxDelayMs),
            ),
          })
          .where(eq(revocationOutbox.id, row.id));
        report.retrying += 1;
        continue;
      }
      // Revoked: the row (and its sealed tokens) goes; the audit keeps the outcome.
      await db.delete(revocationOutbox).where(eq(revocationOutbox.id, row.id));
      await record(row, 'succeeded', row.attempts > 0 ? `attempts:${row.attempts + 1}` : null);
      report.revoked += 1;
    }
    return report;
  }

  return createPeriodicTask('The revocation worker', options.intervalMs, round, logger);
}
