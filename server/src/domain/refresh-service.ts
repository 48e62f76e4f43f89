/**
 * Refreshes OAuth credentials (DESIGN.md §2, step 5) — for the token endpoint when a read finds
 * its token due, and for the background sweep — so that however many instances and readers ask
 * at once, the provider sees one refresh:
 *
 * 1. **single-flight in the process**: concurrent callers for one credential share one attempt;
 * 2. **a lock across processes**: on PostgreSQL the attempt runs in a transaction holding
 *    `pg_advisory_xact_lock` on the credential (PGlite is one process: step 1 is the lock);
 * 3. **the row re-read after the lock**: whoever waited finds the tokens the winner stored and
 *    does not refresh again (a rotated refresh token used twice would make the provider revoke
 *    the grant);
 * 4. **a cooldown** of 30 s after a failure, on the injected clock, and `invalid_grant` marks the
 *    credential expired (never deleted) until the user re-authorizes it.
 *
 * A refresh changes only the token columns and the refresh bookkeeping: not `version`, not the
 * name, not `updatedAt`. A user's edit based on version N therefore still succeeds after a
 * background refresh, and the refresh never overwrites the edit (the contract's `version`
 * description says so). The advisory lock is not a row lock: an edit never waits for a provider.
 */
import { and, eq, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { capProviderText } from '../../../src/rules/provider-text';
import type { Database, DatabaseConnection } from '../storage/database';
import { credentials } from '../storage/schema';
import { credentialTokensBinding } from '../storage/sealed-values';
import { requireProvider, type CatalogProvider } from './catalog';
import type { CredentialRow } from './credential-view';
import {
  authorizationServerOf,
  clientAuthOf,
  expiryOf,
  grantRecordOf,
  oauthErrorCode,
  oauthHttpOptions,
  parseStoredTokens,
  storedTokensOf,
  type StoredTokens,
  type OAuthProtocolDependencies,
} from './oauth-client-protocol';
import { NO_REFRESH_TOKEN, shouldRefresh } from './refresh-policy';
import { enqueueRevocation } from './revocation-outbox';

/** The advisory-lock namespace of per-credential refresh locks (the two-key form). */
export const REFRESH_LOCK_NAMESPACE = 730_211_402;

/** How an attempt to refresh one credential ended. */
export type RefreshOutcome =
  /** The provider issued new tokens (stored). */
  | 'refreshed'
  /** Nothing to do: not due (perhaps another caller just refreshed), in the cooldown, or marked. */
  | 'skipped'
  /** The provider could not be reached or refused for a reason that may pass; cooldown begins. */
  | 'failed'
  /** The provider refused the grant, or its client is gone: the credential now reads expired. */
  | 'reauthorization_required'
  /** The credential was deleted. */
  | 'gone';

export interface RefreshResult {
  outcome: RefreshOutcome;
  /** The credential as stored after the attempt (null when it is gone). */
  row: CredentialRow | null;
  /** The token set, when the attempt opened it (saves the caller opening it again). */
  tokens: StoredTokens | null;
}

export interface RefreshService {
  /** Refreshes the credential when it is due (see `refresh-policy.ts`); never throws for the provider. */
  refreshIfDue(row: CredentialRow): Promise<RefreshResult>;
}

export interface RefreshServiceOptions extends OAuthProtocolDependencies {
  database: Pick<DatabaseConnection, 'db' | 'kind'>;
}

/** Reads and writes of one attempt: the locking transaction on PostgreSQL, the database on PGlite. */
type Handle = Pick<Database, 'select' | 'update' | 'insert'>;

export function createRefreshService(options: RefreshServiceOptions): RefreshService {
  const { database, cipher, clock, audit, clients, directory, logger } = options;
  const { db } = database;
  const httpOptions = oauthHttpOptions(options.fetch, options.allowInsecureProviders);
  const flights = new Map<string, Promise<RefreshResult>>();

  async function underLock<T>(credentialId: string, work: (handle: Handle) => Promise<T>) {
    // PGlite is one connection in one process (a transaction there would also stall every other
    // query for as long as the provider takes): the single-flight below is the whole lock.
    if (database.kind === 'pglite') return work(db);
    return db.transaction(async (tx) => {
      await tx.execute(
        sql`SELECT pg_advisory_xact_lock(${REFRESH_LOCK_NAMESPACE}::int4, ${lockKey(credentialId)}::int4)`,
      );
      return work(tx);
    });
  }

  async function read(handle: Handle, row: CredentialRow): Promise<CredentialRow | null> {
    const [current] = await handle
      .select()
      .from(credentials)
      .where(and(eq(credentials.tenantId, row.tenantId), eq(credentials.id, row.id)));
    return current ?? null;
  }

  async function mark(
    handle: Handle,
    row: CredentialRow,
    changes: Partial<typeof credentials.$inferInsert>,
  ): Promise<CredentialRow | null> {
    const [updated] = await handle
      .update(credentials)
      .set(changes)
      .where(and(eq(credentials.tenantId, row.tenantId), eq(credentials.id, row.id)))
      .returning();
    return updated ?? null;
  }

  async function attempt(row: CredentialRow): Promise<RefreshResult> {
    const provider = catalogEntry(row.providerId);
    // Read before the lock is taken: the connection holding the lock waits for nothing else.
    const client = provider ? await clients.inUse(row.tenantId, provider) : null;

    const result = await underLock(row.id, async (handle): Promise<RefreshResult> => {
      const current = await read(handle, row);
      if (!current) return { outcome: 'gone', row: null, tokens: null };
      if (!shouldRefresh(current, clock()) || current.tokensSealed === null) {
        return { outcome: 'skipped', row: current, tokens: null };
      }

      const tokens = parseStoredTokens(
        await cipher.open(current.tokensSealed, credentialTokensBinding(current)),
      );
      if (tokens.refreshToken === null) {
        // Nothing to refresh with: remembered, so the sweep stops picking it up.
        const updated = await mark(handle, current, {
          lastErrorCode: NO_REFRESH_TOKEN,
          refreshable: false,
        });
        return { outcome: 'skipped', row: updated, tokens };
      }
      // A refresh token works only for the client it was issued to.
      if (!client || (tokens.clientId !== null && tokens.clientId !== client.clientId)) {
        const updated = await mark(handle, current, {
          refreshFailedAt: clock(),
          lastErrorCode: 'client_changed',
          lastErrorMessage: 'The OAuth client changed since this account was connected.',
        });
        return { outcome: 'reauthorization_required', row: updated, tokens };
      }
      const endpoints = directory(current.providerId, client);
      if (!endpoints) {
        const updated = await mark(handle, current, {
          refreshFailedAt: clock(),
          lastErrorCode: 'oauth_unavailable',
          lastErrorMessage: 'This server has no OAuth endpoints configured for this provider.',
        });
        return { outcome: 'failed', row: updated, tokens };
      }

      const as = authorizationServerOf(endpoints);
      const oauthClient: oauth.Client = { client_id: client.clientId };
      let response: oauth.TokenEndpointResponse;
      try {
        response = await oauth.processRefreshTokenResponse(
          as,
          oauthClient,
          await oauth.refreshTokenGrantRequest(
            as,
            oauthClient,
            clientAuthOf(endpoints, client),
            tokens.refreshToken,
            httpOptions,
          ),
        );
      } catch (error) {
        const code = oauthErrorCode(error);
        logger.warn('OAuth token refresh failed', {
          providerId: current.providerId,
          credentialId: current.id,
          reason: code ?? (error instanceof Error ? error.name : 'unknown'),
        });
        const description =
          error instanceof oauth.ResponseBodyError && typeof error.error_description === 'string'
            ? capProviderText(error.error_description)
            : null;
        const updated = await mark(handle, current, {
          refreshFailedAt: clock(),
          lastErrorCode: capProviderText(code ?? 'provider_unavailable', 100),
          lastErrorMessage:
            description ??
            (code === null
              ? 'The provider could not be reached to refresh the token.'
              : `The provider refused to refresh the token ("${capProviderText(code, 100)}").`),
        });
        return {
          outcome: code === 'invalid_grant' ? 'reauthorization_required' : 'failed',
          row: updated,
          tokens,
        };
      }

      const now = clock();
      const stored = storedTokensOf(response, client, tokens);
      const updated = await mark(handle, current, {
        tokensSealed: await cipher.seal(JSON.stringify(stored), credentialTokensBinding(current)),
        tokenExpiresAt: expiryOf(response, now),
        // A response without `scope` leaves the grant's scopes as they were.
        ...grantRecordOf(response, stored, current.grantedScopes),
        lastRefreshAt: now,
        lastVerifiedAt: now,
        refreshFailedAt: null,
        lastErrorCode: null,
        lastErrorMessage: null,
      });
      if (!updated) {
        // Deleted while the provider answered: the delete queued the tokens it saw, but the
        // provider has just issued new ones, which must be revoked as well.
        await enqueueRevocation(handle, cipher, {
          tenantId: current.tenantId,
          userId: 'system',
          providerId: current.providerId,
          credentialId: current.id,
          tokens: stored,
          now,
        });
        return { outcome: 'gone', row: null, tokens: null };
      }
      return { outcome: 'refreshed', row: updated, tokens: stored };
    });

    if (result.outcome === 'reauthorization_required' && result.row) {
      await audit.record(
        { tenantId: result.row.tenantId, userId: 'system' },
        `refresh:${result.row.id}`,
        {
          action: 'credential.refresh',
          outcome: 'refused',
          providerId: result.row.providerId,
          credentialId: result.row.id,
          detail: result.row.lastErrorCode,
        },
      );
    }
    return result;
  }

  return {
    async refreshIfDue(row) {
      if (!shouldRefresh(row, clock())) return { outcome: 'skipped', row, tokens: null };
      const key = `${row.tenantId}/${row.id}`;
      const running = flights.get(key);
      if (running) return running;
      const flight = attempt(row).finally(() => flights.delete(key));
      flights.set(key, flight);
      return flight;
    },
  };
}

/** The catalog's entry for a stored provider id, or null for one the catalog no longer has. */
function catalogEntry(providerId: string): CatalogProvider | null {
  try {
    return requireProvider(providerId);
  } catch {
    return null;
  }
}

/** A credential's lock key: 32 bits of its id's hash (a collision only serializes two refreshes). */
function lockKey(credentialId: string): number {
  return createHash('sha256').update(credentialId).digest().readInt32BE(0);
}
